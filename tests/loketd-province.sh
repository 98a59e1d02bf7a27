#!/bin/sh
# The README's worked configuration for a province (issue 13): its
# loketd.conf, read from the README, serves two loketd through a
# pgbouncer in transaction mode made from the README's pgbouncer.ini
# (its socket directory, upstream and authentication replaced for the
# throwaway cluster); an office's agent alternates between the two and
# every operation arrives once. Without pgbouncer, loketd still reads
# the file, straight to PostgreSQL, and the pgbouncer parts are skipped.
LOKETD_ENGINE=postgresql
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"

# block FIRST LAST: the README's indented lines from FIRST to LAST, in
# the section "Running the centre for a province", unindented.
block() {
	awk -v first="    $1" -v last="    $2" '
		/^Running the centre for a province$/ { in_section = 1 }
		in_section && $0 == first { on = 1 }
		on { sub(/^    /, ""); print }
		on && $0 == substr(last, 5) { exit }' "$top_srcdir/README"
}
conf=$TMP/loketd.conf
block "[server]" "rate_per_minute = 600" >"$TMP/readme.conf"
check "the README shows a loketd.conf for a province" \
	"$(grep -c . "$TMP/readme.conf")" -eq 7
pids=
# pgbouncer runs as the cluster's owner: its pid from its pidfile.
trap 'for p in $pids $(cat "$PG_DIR/pgbouncer.pid" 2>/dev/null); do
	kill "$p" 2>/dev/null; done; _centre_exit' EXIT

bouncer=$(command -v pgbouncer || ls /usr/sbin/pgbouncer 2>/dev/null)
if [ -n "$bouncer" ]; then
	block "[databases]" "default_pool_size = 20" |
		sed -e "s|^loket = host=[^ ]*|loket = host=$PG_DIR|" \
		    -e "s|^unix_socket_dir = .*|unix_socket_dir = $PG_DIR|" \
		    -e "s|^auth_type = .*|auth_type = trust|" \
		    -e "s|^auth_file = .*|auth_file = $PG_DIR/userlist.txt|" \
		>"$PG_DIR/pgbouncer.ini"
	echo "pidfile = $PG_DIR/pgbouncer.pid" >>"$PG_DIR/pgbouncer.ini"
	echo '"loket" ""' >"$PG_DIR/userlist.txt"
	chmod 644 "$PG_DIR/pgbouncer.ini" "$PG_DIR/userlist.txt"
	contains "the README's pgbouncer.ini is in transaction mode" \
		"$PG_DIR/pgbouncer.ini" "pool_mode = transaction"
	_pg_as "$bouncer" "$PG_DIR/pgbouncer.ini" >"$TMP/pgbouncer.log" 2>&1 &
	pids="$pids $!"
	eventually psql -XAtq -h "$PG_DIR" -p 6432 -U loket -d loket \
		-c "SELECT 1" >/dev/null
	check "pgbouncer answers on its socket (port 6432)" $? -eq 0
	# Only pgbouncer listens on 6432: PostgreSQL is on 5432.
	sed "s|host=/run/postgresql|host=$PG_DIR|" "$TMP/readme.conf" >"$conf"
else
	skip "the README's pgbouncer.ini is in transaction mode" \
		"pgbouncer is not installed"
	skip "pgbouncer answers on its socket (port 6432)" \
		"pgbouncer is not installed"
	sed -e "s|host=/run/postgresql|host=$PG_DIR|" -e "s|port=6432|port=5432|" \
		"$TMP/readme.conf" >"$conf"
fi

# loketd --config with the README's file: the database comes from it.
"$LOKETD" --config "$conf" init >"$TMP/init" 2>&1
check "loketd init reads the README's loketd.conf (exit $?)" $? -eq 0
code=$("$LOKETD" --config "$conf" office add KEC01 --name Satu 2>/dev/null)
check "... and adds an office through it" -n "$code"
serve() {
	"$LOKETD" --config "$conf" serve --listen 127.0.0.1:0 \
		>"$TMP/loketd.out" 2>"$TMP/loketd.err" &
	pids="$pids $!"
	CENTRE=
	eventually _centre_up
}
serve
one=$CENTRE
serve
two=$CENTRE
check "two loketd serve with it" -n "$one" -a -n "$two"

db=$TMP/office.db
make_db "$db"
loket() { "$LOKET" --lang=en --db "$db" "$@"; }
office_sql() { sqlite3 -cmd ".timeout 10000" "$db" "$1"; }
ok "the office enrols at the first" loket sync enrol "$one" "$code"
alternate 4 "$one" "$two"
check "four rounds, alternating between them, all done ($failed failed)" \
	$failed -eq 0
made=$(office_sql "SELECT count(*) FROM outbox")
check "every operation the office made was received once ($made)" \
	"$(centre_sql "$LOKETD_DB" "SELECT count(*), count(DISTINCT op_id) \
	FROM received_op WHERE result = 'applied'")" = "$made|$made"
check "... and applied once" "$(centre_sql "$LOKETD_DB" "SELECT count(*) \
	FROM office_event")" = "$made"

done_testing
