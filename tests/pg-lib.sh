# A throwaway PostgreSQL cluster for the tests of loketd's PostgreSQL
# engine: initdb and pg_ctl in a directory of its own, listening only on a
# Unix socket there, run as an unprivileged user (nobody when the tests
# run as root, since PostgreSQL refuses root).
#
#   . "$top_srcdir/tests/pg-lib.sh"
#   pg_start || skip_all "$PG_MISSING"
#                          starts the cluster and sets LOKETD_DB to the
#                          URL of its database "loket"; 1 and
#                          PG_MISSING if PostgreSQL's programs are missing
#   pg_createdb NAME       another empty database; prints its URL
#   pg_ctl_run ARG...      pg_ctl on the cluster (restart -m fast -w...)
#   pg_stop                stops it and removes its directory

# Where initdb is: $PG_BINDIR if set (and only there), pg_config
# --bindir, the Debian directories, or PATH.
_pg_bindir() {
	if [ -n "${PG_BINDIR:-}" ]; then
		[ -x "$PG_BINDIR/initdb" ] && echo "$PG_BINDIR"
		return
	fi
	for _d in "$(pg_config --bindir 2>/dev/null)" \
	    /usr/lib/postgresql/*/bin; do
		if [ -n "$_d" ] && [ -x "$_d/initdb" ] && [ -x "$_d/pg_ctl" ]; then
			echo "$_d"
			return 0
		fi
	done
	_d=$(command -v initdb 2>/dev/null) || return 1
	dirname "$_d"
}

# As the cluster's owner.
_pg_as() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u nobody -- "$@"
	else
		"$@"
	fi
}

pg_ctl_run() {
	_pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" "$@" \
		>>"$PG_DIR/ctl.log" 2>&1
}

pg_start() {
	PG_MISSING=
	if ! PG_BIN=$(_pg_bindir); then
		PG_MISSING="initdb is not installed"
		return 1
	fi
	if ! command -v psql >/dev/null 2>&1; then
		PG_MISSING="psql is not installed"
		return 1
	fi
	# Its own directory, not under $TMP: nobody must reach the socket.
	PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/loket-pg.XXXXXX") || return 1
	chmod 755 "$PG_DIR"
	[ "$(id -u)" -ne 0 ] || chown nobody "$PG_DIR"
	if ! _pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U loket -E UTF8 \
	    --auth=trust --no-sync >"$PG_DIR/initdb.log" 2>&1; then
		cat "$PG_DIR/initdb.log" >&2
		return 1
	fi
	if ! pg_ctl_run -w -o "-k $PG_DIR -c listen_addresses= -F" start; then
		cat "$PG_DIR/log" >&2
		return 1
	fi
	PG_URL_BASE="postgresql://loket@/"
	PG_URL_ARGS="?host=$PG_DIR&port=5432"
	_pg_as "$PG_BIN/createdb" -h "$PG_DIR" -U loket loket || return 1
	LOKETD_DB="${PG_URL_BASE}loket$PG_URL_ARGS"
	export LOKETD_DB
}

pg_createdb() {
	_pg_as "$PG_BIN/createdb" -h "$PG_DIR" -U loket "$1" &&
	    echo "$PG_URL_BASE$1$PG_URL_ARGS"
}

pg_stop() {
	if [ -n "${PG_DIR:-}" ]; then
		pg_ctl_run -m immediate -w stop
		rm -rf "$PG_DIR"
		PG_DIR=
	fi
}
