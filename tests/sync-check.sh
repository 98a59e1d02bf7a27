# Shared by the sync fault tests (tests/sync-faults.sh, sync-crash.sh,
# sync-clock.sh, sync-soak.sh): the checker that compares what an office
# made with what the centre applied, the fault proxy, and a loketd that
# can be killed and started again on the same port.
#
#   . "$top_srcdir/tests/sync-check.sh"   (after lib.sh and centre-lib.sh)
#   centre_query SQL       runs SQL on the centre's store ($CENTRE_DB), one
#                          row a line, fields separated by |
#   sync_check OFFICE-DB CODE
#                          prints "lost N, duplicated N, unexpected N" and
#                          succeeds when all three are 0
#   sync_setup             a centre ($centre) with the office KEC01, its
#                          enrolment code ($code), an office database
#                          ($db) of the demo catalog; loket runs on it
#   taker_start / taker_stop
#                          tickets taken in the background, until stopped;
#                          taker_stop sets refused (takes that failed)
#   drain                  one-shot rounds until one ends with exit 0 (at
#                          most 20; rounds says how many)
#   random N               a random number from 0 to N - 1
#   sync_centre_start DB [OPTION]...
#                          centre_start, with CENTRE_DB and this cleanup
#   proxy_start            the fault proxy before $CENTRE: sets PROXY (the
#                          URL); faults go one a line into $FAULTS
#   centre_hold / centre_release
#                          another connection holds the store's write
#                          lock (a batch waits for it) / lets it go
#   centre_waiting         loketd waits for that lock, inside a batch
#   centre_fail_at OP-ID / centre_fail_none
#                          the store fails when it records that operation
#                          (the batch's transaction rolls back) / no more
#   centre_change          a change in the centre's feed (its cursor is
#                          the centre's to give)
#   centre_received CODE   the office's operations in the order the centre
#                          received them: "seq at received_at" a line
#   chain_breaks           how many breaks of hash chains the centre saw
#   centre_kill            kill -9 of loketd
#   centre_again           loketd again on $CENTRE's port
#   sync_cleanup_add PID   killed at exit (takers, agents)
#
# All SQL on the centre's store is here. LOKETD_ENGINE=postgresql reads
# it with psql, $CENTRE_DB being its URL.

: "${FAULTPROXY:=$top_builddir/tests/faultproxy}"
FAULTS=$TMP/faults
sync_pids=

# centre_query SQL: on the centre of these tests (centre-lib.sh's
# centre_sql, on $CENTRE_DB).
centre_query() { centre_sql "$CENTRE_DB" "$1"; }

# The centre's applications of an office's operations, one op id a line
# and a line for each time its effect was applied; then its receipts.
_centre_applied() {
	centre_query "SELECT e.op_id FROM office_event e JOIN office o ON
	    o.id = e.office_id WHERE o.code = '$1'"
}
_centre_received() {
	centre_query "SELECT r.op_id FROM received_op r JOIN office o ON
	    o.id = r.office_id WHERE o.code = '$1'"
}

# sync_check OFFICE-DB CODE: every operation the office ever made (its
# outbox) against what the centre applied. Lost: made, never applied.
# Duplicated: applied more than once. Unexpected: at the centre, never
# made by the office.
sync_check() {
	sqlite3 -cmd ".timeout 10000" "$1" "SELECT op_id FROM outbox" |
		sort >"$TMP/check.office"
	_centre_applied "$2" | sort >"$TMP/check.applied"
	{ _centre_applied "$2"; _centre_received "$2"; } | sort -u \
		>"$TMP/check.centre"
	_lost=$(sort -u "$TMP/check.applied" |
		comm -23 "$TMP/check.office" - | wc -l)
	_duplicated=$(uniq -d "$TMP/check.applied" | wc -l)
	_unexpected=$(comm -13 "$TMP/check.office" "$TMP/check.centre" | wc -l)
	echo "lost $_lost, duplicated $_duplicated, unexpected $_unexpected" \
		"(of $(wc -l <"$TMP/check.office") operations)"
	[ "$_lost$_duplicated$_unexpected" = 000 ]
}

centre_change() {
	centre_query "INSERT INTO change (kind, body, at) VALUES ('test',
	    '{}', 0)"
}
centre_received() {
	centre_query "SELECT e.seq, e.at, r.received_at FROM office_event e
	    JOIN office o ON o.id = e.office_id JOIN received_op r ON
	    r.office_id = e.office_id AND r.op_id = e.op_id WHERE o.code = '$1'
	    ORDER BY e.id" | tr '|' ' '
}

chain_breaks() { centre_query "SELECT count(*) FROM chain_break"; }

# The store's write lock held by another connection until centre_release;
# held when centre_hold returns (the holder says so in $TMP/held).
centre_hold() {
	rm -f "$TMP/release" "$TMP/held"
	case ${LOKETD_ENGINE:-sqlite} in
	postgresql)
		{ echo "BEGIN; LOCK TABLE received_op IN EXCLUSIVE MODE;"
		  echo "\\! touch '$TMP/held'"
		  while [ ! -e "$TMP/release" ]; do sleep 0.1; done
		  echo "COMMIT;"; } | psql -X -q -d "$CENTRE_DB" >/dev/null ;;
	*)
		{ echo "BEGIN IMMEDIATE;"; echo ".shell touch '$TMP/held'"
		  while [ ! -e "$TMP/release" ]; do sleep 0.1; done
		  echo "COMMIT;"; } | sqlite3 "$CENTRE_DB" ;;
	esac &
	_hold=$!
	eventually test -e "$TMP/held"
}
centre_release() {
	: >"$TMP/release"
	wait "$_hold"
}
# Does loketd wait for that lock? SQLite's busy handler sleeps in loketd;
# PostgreSQL shows a lock not granted.
centre_waiting() {
	case ${LOKETD_ENGINE:-sqlite} in
	postgresql)
		[ "$(centre_query "SELECT count(*) FROM pg_locks WHERE NOT
		    granted")" -gt 0 ] ;;
	*)
		grep -q nanosleep /proc/"$CENTRE_PID"/task/*/wchan 2>/dev/null ;;
	esac
}

# The store fails as it records the operation OP-ID: a trigger.
centre_fail_at() {
	case ${LOKETD_ENGINE:-sqlite} in
	postgresql)
		centre_query "CREATE FUNCTION fail_at() RETURNS trigger AS \$\$
		    BEGIN IF NEW.op_id = '$1' THEN RAISE EXCEPTION 'injected';
		    END IF; RETURN NEW; END \$\$ LANGUAGE plpgsql;
		    CREATE TRIGGER fail_at BEFORE INSERT ON received_op
		    FOR EACH ROW EXECUTE FUNCTION fail_at()" ;;
	*)
		centre_query "CREATE TRIGGER fail_at BEFORE INSERT ON
		    received_op WHEN NEW.op_id = '$1' BEGIN
		    SELECT RAISE(ABORT, 'injected'); END" ;;
	esac
}
centre_fail_none() {
	case ${LOKETD_ENGINE:-sqlite} in
	postgresql)
		centre_query "DROP TRIGGER fail_at ON received_op;
		    DROP FUNCTION fail_at()" ;;
	*)
		centre_query "DROP TRIGGER fail_at" ;;
	esac
}

sync_setup() {
	centre=$LOKETD_DB
	db=$TMP/office.db
	"$LOKETD" --db "$centre" init >/dev/null
	code=$("$LOKETD" --db "$centre" office add KEC01 --name Satu \
		2>/dev/null)
	make_db "$db"
}
loket() { "$LOKET" --lang=en --db "$db" "$@"; }
random() { echo $(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % $1 )); }

_taker() {
	while [ ! -e "$TMP/stop-taker" ]; do
		loket ticket take kia >/dev/null 2>&1 ||
			echo failed >>"$TMP/taker.failed"
	done
}
taker_start() {
	rm -f "$TMP/stop-taker"
	_taker &
	taker_pid=$!
	sync_cleanup_add $taker_pid
}
taker_stop() {
	: >"$TMP/stop-taker"
	wait "$taker_pid"
	refused=$(cat "$TMP/taker.failed" 2>/dev/null | wc -l)
}

drain() {
	rounds=0
	while [ $rounds -lt 20 ]; do
		rounds=$((rounds + 1))
		loket sync >"$TMP/out" 2>&1 && return 0
	done
	return 1
}

# The proxy and loketd.
sync_cleanup_add() { sync_pids="$sync_pids $1"; }
sync_cleanup() {
	for _pid in $sync_pids $PROXY_PID; do
		kill "$_pid" 2>/dev/null
		wait "$_pid" 2>/dev/null
	done
	centre_stop
	[ "${LOKETD_ENGINE:-sqlite}" != postgresql ] || pg_stop
	rm -rf "$TMP"
}
trap sync_cleanup EXIT

sync_centre_start() {
	CENTRE_DB=$1
	centre_start "$@"
	_rc=$?
	trap sync_cleanup EXIT
	return $_rc
}

_proxy_up() {
	[ -s "$TMP/proxy.port" ] && PROXY="http://127.0.0.1:$(cat \
		"$TMP/proxy.port")"
}
proxy_start() {
	: >"$FAULTS"
	rm -f "$TMP/proxy.port"
	"$FAULTPROXY" "$TMP/proxy.port" "${CENTRE##*:}" "$FAULTS" \
		"$TMP/proxy.log" 2>>"$TMP/proxy.err" &
	PROXY_PID=$!
	eventually _proxy_up
}

centre_kill() {
	kill -9 "$CENTRE_PID" 2>/dev/null
	wait "$CENTRE_PID" 2>/dev/null
	CENTRE_PID=
}

# loketd on the port it had, until /healthz answers; 1 if it did not.
centre_again() {
	"$LOKETD" --db "$CENTRE_DB" serve --listen "127.0.0.1:${CENTRE##*:}" \
		>>"$TMP/loketd.out" 2>>"$TMP/loketd.err" &
	CENTRE_PID=$!
	eventually curl -sf "$CENTRE/healthz" >/dev/null
}
