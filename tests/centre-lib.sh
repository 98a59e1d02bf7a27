# Shared by the tests that run a real loketd on a loopback port: start it
# on a port the system chooses, wait (bounded) until /healthz answers,
# and stop it at exit.
#
#   . "$top_srcdir/tests/centre-lib.sh"
#   centre_start DB [OPTION]...
#                          sets CENTRE (the URL) and CENTRE_PID; 1 if it
#                          did not come up within 10 seconds
#   centre_stop
#   centre_sql DB QUERY    runs QUERY in the centre's database, whatever
#                          its engine; prints rows as sqlite3 does (a|b)
#   centre_copy DB NAME    copies the centre's database DB (loketd may
#                          be serving it); prints the copy's address
#   centre_handles         how many handles loketd ($CENTRE_PID) has open
#                          on its database ($LOKETD_DB)
#   alternate N ONE TWO    N rounds of the agent (loket, office_sql),
#                          3 tickets each, at ONE and TWO in turn; sets
#                          failed (rounds that did not exit 0)
#
# LOKETD_ENGINE chooses the engine the same tests run on: sqlite (the
# default: LOKETD_DB is a file in $TMP) or postgresql (a throwaway cluster
# from tests/pg-lib.sh: LOKETD_DB is its URL; the whole script is skipped
# where PostgreSQL is not installed, never passed).

: "${LOKETD:=$top_builddir/src/loketd/loketd}"
export LOKETD_LOG="$TMP/loketd.log"

centre_sql() {
	if [ "$LOKETD_ENGINE" = postgresql ]; then
		psql -XAtq -v ON_ERROR_STOP=1 -d "$1" -c "$2"
	else
		sqlite3 -cmd ".timeout 10000" "$1" "$2"
	fi
}

centre_copy() {
	if [ "$LOKETD_ENGINE" = postgresql ]; then
		_copy=$(pg_createdb "$2") &&
		    "$PG_BIN/pg_dump" -f "$TMP/$2.sql" -d "$1" &&
		    psql -Xq -v ON_ERROR_STOP=1 -f "$TMP/$2.sql" -d "$_copy" \
		    >/dev/null && echo "$_copy"
	else
		sqlite3 "$1" ".backup '$TMP/$2.db'" && echo "$TMP/$2.db"
	fi
}

# PostgreSQL: its connections (application_name loketd; one loketd runs).
centre_handles() {
	if [ "$LOKETD_ENGINE" = postgresql ]; then
		centre_sql "$LOKETD_DB" "SELECT count(*) FROM pg_stat_activity
		    WHERE application_name = 'loketd'"
	else
		ls -l "/proc/$CENTRE_PID/fd" 2>/dev/null |
		    grep -c -- "/${LOKETD_DB##*/}\$"
	fi
}

alternate() {
	_round=0 failed=0
	while [ $_round -lt "$1" ]; do
		for _i in 1 2 3; do loket ticket take kia >/dev/null; done
		[ $((_round % 2)) -eq 0 ] && _at=$2 || _at=$3
		office_sql "UPDATE sync_state SET value = '$_at' WHERE key = \
'centre'"
		loket sync >"$TMP/out" 2>&1 || failed=$((failed + 1))
		_round=$((_round + 1))
	done
}

centre_start() {
	_db=$1
	shift
	: >"$TMP/loketd.out"
	"$LOKETD" --db "$_db" "$@" serve --listen 127.0.0.1:0 \
		>"$TMP/loketd.out" 2>"$TMP/loketd.err" &
	CENTRE_PID=$!
	CENTRE=
	if eventually _centre_up; then
		return 0
	fi
	cat "$TMP/loketd.err" >&2
	return 1
}

# Has loketd said its port, and does /healthz answer there?
_centre_up() {
	_port=$(sed -n 's/.*127\.0\.0\.1:\([0-9][0-9]*\)\..*/\1/p' \
		"$TMP/loketd.out")
	[ -n "$_port" ] &&
	    curl -sf "http://127.0.0.1:$_port/healthz" >/dev/null &&
	    CENTRE="http://127.0.0.1:$_port"
}

centre_stop() {
	if [ -n "$CENTRE_PID" ]; then
		kill "$CENTRE_PID" 2>/dev/null
		wait "$CENTRE_PID" 2>/dev/null
		CENTRE_PID=
	fi
}

# http METHOD PATH [TOKEN] [BODY-FILE]: prints the status; the body goes
# to $TMP/body.
http() {
	set -- "$1" "$2" "${3:-}" "${4:-}"
	if [ -n "$4" ]; then
		curl -s -o "$TMP/body" -w '%{http_code}' -X "$1" \
			${3:+-H "Authorization: Bearer $3"} \
			--data-binary "@$4" "$CENTRE$2"
	else
		curl -s -o "$TMP/body" -w '%{http_code}' -X "$1" \
			${3:+-H "Authorization: Bearer $3"} "$CENTRE$2"
	fi
}

# eventually COMMAND...: run it every tenth of a second until it succeeds,
# for at most 10 seconds; its last status.
eventually() {
	_tries=0
	until "$@"; do
		_tries=$((_tries + 1))
		[ $_tries -lt 100 ] || return 1
		sleep 0.1
	done
}

_centre_exit() {
	centre_stop
	[ "${LOKETD_ENGINE:-sqlite}" != postgresql ] || pg_stop
	rm -rf "$TMP"
}
trap _centre_exit EXIT
case ${LOKETD_ENGINE:=sqlite} in
postgresql)
	. "$top_srcdir/tests/pg-lib.sh"
	if ! pg_start; then
		if [ -n "$PG_MISSING" ]; then
			echo "1..0 # SKIP $PG_MISSING"
			exit 0
		fi
		echo "Bail out! the test cluster of PostgreSQL did not start"
		exit 99
	fi
	;;
sqlite)
	LOKETD_DB=$TMP/centre.db
	;;
*)
	echo "Bail out! LOKETD_ENGINE=$LOKETD_ENGINE: sqlite or postgresql"
	exit 99
	;;
esac
