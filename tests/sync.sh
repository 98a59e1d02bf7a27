#!/bin/sh
# An office and a real loketd (issue 11): tickets taken offline reach the
# centre with one "loket sync", once, and the centre's report agrees with
# the office's; the agent's exit statuses say what a script must do; a
# token that is wrong or pushes as another office is refused; an event
# edited or removed in the office database shows as a chain break.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"

centre=$LOKETD_DB
db=$TMP/office.db
"$LOKETD" --db "$centre" init >/dev/null
code=$("$LOKETD" --db "$centre" office add KEC01 --name Satu 2>/dev/null)
code2=$("$LOKETD" --db "$centre" office add KEC02 --name Dua 2>/dev/null)
make_db "$db"
loket() { "$LOKET" --lang=en --db "$db" "$@"; }
sql() { sqlite3 -cmd ".timeout 10000" "$@"; }

# Offline: twelve tickets, five served, three not present, one transfer.
n=0
while [ $n -lt 12 ]; do
	loket ticket take kia >/dev/null || break
	n=$((n + 1))
done
check "twelve tickets taken offline ($n)" $n -eq 12
act() { # act ACTION: call the next ticket at counter 1, then ACTION it
	id=$(loket ticket call --counter 1 --json | sed 's/^{"id":\([0-9]*\),.*/\1/')
	case $1 in
	done)	loket ticket finish "$id" --outcome done --counter 1 ;;
	noshow)	loket ticket noshow "$id" --counter 1 ;;
	transfer) loket ticket transfer "$id" --to npwp --counter 1 ;;
	esac >/dev/null
}
for a in done done noshow done transfer done noshow done noshow; do act $a; done

# An office database from before the outbox: its events are sealed too,
# in their order, when the next event is written.
old=$TMP/old.db
make_db "$old"
"$LOKET" --db "$old" ticket take kia >/dev/null
"$LOKET" --db "$old" ticket take kia >/dev/null
sql "$old" "DROP TABLE message; \
	ALTER TABLE ticket DROP COLUMN lang; ALTER TABLE booking DROP COLUMN lang; \
	CREATE TABLE outgoing_message (id INTEGER PRIMARY KEY, ticket_id INTEGER, \
	  phone TEXT, body TEXT, created_at INTEGER, sent_at INTEGER); \
	DROP TABLE centre_holiday; DROP TABLE centre_change; \
	ALTER TABLE event DROP COLUMN booking_id; \
	DROP TABLE complaint; ALTER TABLE event DROP COLUMN complaint_id; \
	DROP TABLE application_change; DROP TABLE application; \
	ALTER TABLE event DROP COLUMN application_id; \
	DROP TABLE outbox; DROP TABLE sync_state; PRAGMA user_version = 4"
"$LOKET" --db "$old" ticket take kia >/dev/null
check "an older database's events are sealed in order with the next one" \
	"$(sql "$old" "SELECT group_concat(seq || ':' || event_id) FROM \
	(SELECT * FROM outbox ORDER BY seq)")" = "1:1,2:2,3:3"

loket sync >"$TMP/out" 2>&1
rc=$?
check "loket sync before enrolment exits 5 (it exited $rc)" $rc -eq 5
contains "... and says to enrol" "$TMP/out" "loket sync enrol URL CODE"

centre_start "$centre"
check "loketd serves on a loopback port" -n "$CENTRE"
loket sync enrol http://192.0.2.1:8080 "$code" >"$TMP/out" 2>&1
rc=$?
check "the token never travels over plain HTTP to another host (exit $rc)" \
	$rc -eq 1
contains "... and the office is told why" "$TMP/out" "starts with https://"
ok "loket sync enrol with the code" loket sync enrol "$CENTRE" "$code"
check "the token and the centre's key are kept in the office database" \
	"$(sql "$db" "SELECT count(*) FROM sync_state WHERE key IN \
	('token', 'centre_key') AND length(value) = 64")" = 2
ok "the same code again before the first sync enrols again (a new token)" \
	loket sync enrol "$CENTRE" "$code"
loket sync status --json >"$TMP/status"
contains "sync status: every event waits" "$TMP/status" \
	"\"pending\": $(sql "$db" "SELECT count(*) FROM event")"

loket sync >"$TMP/out" 2>&1
rc=$?
check "one loket sync pushes everything: exit 0 (it exited $rc)" $rc -eq 0
events=$(sql "$db" "SELECT count(*) FROM event")
contains "... every event applied" "$TMP/out" \
	"Pushed $events operations: $events applied"
loket sync enrol "$CENTRE" "$code" >"$TMP/out" 2>&1
rc=$?
check "a replayed enrolment code after a sync is refused: exit 1 (it exited $rc)" \
	$rc -eq 1
loket sync status --json >"$TMP/status"
contains "... nothing waits any more" "$TMP/status" '"pending": 0'
contains "... no agent runs, so no next try is planned" "$TMP/status" \
	'"next_try": 0'
offset=$(sed -n 's/^ *"clock_offset": \(-\{0,1\}[0-9]*\),$/\1/p' "$TMP/status")
check "... the office clock's offset from the centre's is measured ($offset)" \
	"${offset:-x}" -ge -2 -a "${offset:-x}" -le 2
loket sync status >"$TMP/status"
contains "... and said in words: same machine, same clock" "$TMP/status" \
	"Office clock: agrees with the centre's"
contains "... the agent is not running, and how to start it" "$TMP/status" \
	'Agent: not running (start "loket sync --watch"'
if [ -x /usr/bin/faketime ] || command -v faketime >/dev/null 2>&1; then
	# (libfaketime is preloaded before the sanitizers' runtime.)
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
	    FAKETIME_DONT_RESET=1 faketime -f -3600s "$LOKET" --lang=en \
	    --db "$db" sync >"$TMP/slow" 2>&1
	rc=$?
	check "a round on a clock an hour slow goes through (exit $rc)" $rc -eq 0
	loket sync status >"$TMP/status"
	# The Date header has whole seconds: 3600, give or take one.
	grep -qE "Office clock: (3599|3600|3601) seconds behind the centre's" \
		"$TMP/status"
	rc=$?
	check "an office clock an hour slow is seen as such" $rc -eq 0
	[ $rc -eq 0 ] || { sed 's/^/# /' "$TMP/status" "$TMP/slow"
		sql "$db" "SELECT key, value FROM sync_state WHERE key NOT IN \
		('token', 'centre_key')" | sed 's/^/# /'; }
	loket sync >/dev/null 2>&1
	loket sync status >"$TMP/status"
	contains "... and set right, it agrees again" "$TMP/status" \
		"Office clock: agrees with the centre's"
else
	skip "a round on a clock an hour slow" "faketime is not installed"
	skip "an office clock an hour slow is seen" "faketime is not installed"
	skip "... and set right, it agrees again" "faketime is not installed"
fi

# The desk's status line says the same in a few words.
# (On a copy: the desk's log-in is an event of its own, for the centre.)
desk_copy() {
	sqlite3 "$db" ".backup '$TMP/desk.db'"
	printf 'ani\nrahasia123\n1\n' |
		"$LOKET" --lang=en --db "$TMP/desk.db" desk >"$TMP/desk" 2>&1
}
echo "rahasia123" | loket user add ani >/dev/null
loket sync >/dev/null 2>&1
desk_copy
contains "the desk says when the office last synced, and what waits" \
	"$TMP/desk" "Sync: just now, 1 waiting."

# The centre's report equals the office's, figure by figure.
today=$(sql "$db" "SELECT day FROM ticket LIMIT 1")
loket report --date "$today" >"$TMP/office"
"$LOKETD" --db "$centre" report --office KEC01 --date "$today" --csv \
	>"$TMP/centre"
served=$(sed -n 's/^Served: //p' "$TMP/office")
noshow=$(sed -n 's/^Not present: //p' "$TMP/office")
waiting=$(sed -n 's/^Still waiting: //p' "$TMP/office")
check "the office served 5 and 3 were not present ($served, $noshow)" \
	"$served/$noshow" = 5/3
contains "loketd report agrees: taken, served, not present, still open" \
	"$TMP/centre" "KEC01,$today,13,$served,$noshow,$((waiting + 0)),"

# Everything pushed again: the centre applies nothing twice.
sql "$db" "UPDATE sync_state SET value = '0' WHERE key = 'pushed'"
loket sync >"$TMP/out" 2>&1
contains "the same operations again are duplicates" "$TMP/out" \
	"Pushed $events operations: 0 applied, $events already at the centre"
"$LOKETD" --db "$centre" report --office KEC01 --date "$today" --csv \
	>"$TMP/again"
check "... and the centre's report has not changed" \
	"$(tail -n 1 "$TMP/again")" = "$(tail -n 1 "$TMP/centre")"

# The centre away: exit 4, and the work waits for it.
port=${CENTRE##*:}
centre_stop
loket ticket take kia >/dev/null
loket sync >"$TMP/out" 2>&1
rc=$?
check "the centre away: exit 4, try again later (it exited $rc)" $rc -eq 4
loket sync status >"$TMP/status"
contains "sync status names the last error" "$TMP/status" \
	"Last error: Cannot reach the centre"
contains "... and one operation waiting" "$TMP/status" "Waiting: 1 operation, from"
sql "$db" "UPDATE sync_state SET value = CAST(value AS INTEGER) - 7200 WHERE \
	key = 'last_success'"
desk_copy
contains "the desk says the office is offline, since when, and what waits" \
	"$TMP/desk" "Sync: offline, last 2 h ago, 2 waiting."
"$LOKETD" --db "$centre" serve --listen "127.0.0.1:$port" >"$TMP/loketd.out" \
	2>&1 &
CENTRE_PID=$!
eventually curl -sf "$CENTRE/healthz" >/dev/null
check "loketd serves again on the same port" $? -eq 0
loket sync >"$TMP/out" 2>&1
rc=$?
check "the centre back: the waiting operation goes (exit $rc)" $rc -eq 0
contains "... applied" "$TMP/out" "Pushed 1 operation: 1 applied"

# A wrong token, and another office's code with this token.
token=$(sql "$db" "SELECT value FROM sync_state WHERE key = 'token'")
loket ticket take kia >/dev/null
sql "$db" "UPDATE sync_state SET value = '$(printf '%064d' 7)' WHERE key = 'token'"
loket sync >"$TMP/out" 2>&1
rc=$?
check "a wrong token: exit 1 (it exited $rc)" $rc -eq 1
contains "... the centre answered 401" "$TMP/out" "answered 401"
sql "$db" "UPDATE sync_state SET value = '$token' WHERE key = 'token';
	UPDATE sync_state SET value = 'KEC02' WHERE key = 'office'"
loket sync >"$TMP/out" 2>&1
rc=$?
check "pushing as another office: exit 1 (it exited $rc)" $rc -eq 1
contains "... the centre answered 403" "$TMP/out" "answered 403"
sql "$db" "UPDATE sync_state SET value = 'KEC01' WHERE key = 'office'"
ok "with its own name and token the office pushes again" loket sync

# A centre restored from a backup announces a new generation: the office
# pulls everything again, and pushes nothing twice.
before=$(centre_sql "$centre" "SELECT count(*) FROM received_op")
ok "loketd generation new" "$LOKETD" --db "$centre" generation new
loket sync >"$TMP/out" 2>&1
contains "the office sees the new generation and pulls again in full" \
	"$TMP/out" "pulled again in full"
check "... and the centre received nothing twice" \
	"$(centre_sql "$centre" "SELECT count(*) FROM received_op")" = "$before"

# Tampering before the push: one event edited (the chain breaks at the
# next one), another removed (it breaks where it was).
for i in 1 2 3 4; do loket ticket take kia >/dev/null; done
last=$(sql "$db" "SELECT max(seq) FROM outbox")
sql "$db" "DROP TRIGGER outbox_append_only_update;
	DROP TRIGGER outbox_append_only_delete;
	UPDATE outbox SET body = replace(body, '\"priority\":\"none\"',
	  '\"priority\":\"elderly\"') WHERE seq = $((last - 3));
	DELETE FROM outbox WHERE seq = $last - 1"
loket sync >"$TMP/out" 2>&1
rc=$?
check "a tampered log is still pushed (exit $rc)" $rc -eq 0
"$LOKETD" --db "$centre" report --office KEC01 \
	--csv >"$TMP/report"
check "loketd report shows two chain breaks: one edited, one removed" \
	"$(tail -n 1 "$TMP/report" | cut -d, -f9)" = 2
curl -s "$CENTRE/metrics" >"$TMP/metrics"
contains "/metrics shows them" "$TMP/metrics" 'loketd_chain_breaks{office="KEC01"} 2'

# A phone number for a text message leaves the office only sealed.
printf '[office]\nhours = mon-sun 00:00-24:00\n' >"$TMP/open.conf"
slot=$(loket --config "$TMP/open.conf" booking slots kia 2>/dev/null | head -n 1 | cut -d' ' -f1,2)
booking=$(loket --config "$TMP/open.conf" booking make kia --at "$slot" \
	--phone 081234567890 --json | sed 's/.*"code":"\([^"]*\)".*/\1/')
ok "a booking with a phone number is checked in" \
	loket --config "$TMP/open.conf" booking checkin "$booking"
check "its operations hold the number sealed (booked, taken, checked in)" \
	"$(sql "$db" "SELECT count(*) FROM outbox WHERE body LIKE \
	'%\"sealed\":\"%'")" = 3
check "... and never in clear" \
	"$(sql "$db" "SELECT count(*) FROM outbox WHERE body LIKE \
	'%081234567890%'")" = 0

# The agent as a service: it pushes soon after a change, alone.
"$LOKET" --lang=en --db "$db" sync --watch >"$TMP/watch" 2>&1 &
watch=$!
all_pushed() {
	[ "$(sql "$db" "SELECT value FROM sync_state WHERE key = 'pushed'")" = \
	    "$(sql "$db" "SELECT max(seq) FROM outbox")" ]
}
eventually all_pushed
check "loket sync --watch pushes what waits" $? -eq 0
loket sync >"$TMP/out" 2>&1
rc=$?
check "a second agent on the same database is refused (exit $rc)" $rc -eq 1
contains "... and says why" "$TMP/out" "Another sync agent is running"
before=$(centre_sql "$centre" "SELECT count(*) FROM received_op")
loket ticket take kia >/dev/null
eventually all_pushed
check "a ticket taken while it watches reaches the centre within seconds" \
	$? -eq 0
next_planned() {
	loket sync status >"$TMP/status" &&
	    grep -q "Agent: running, next try at 20" "$TMP/status"
}
eventually next_planned
check "sync status: the agent runs, and when it tries next" $? -eq 0
check "... and the centre has it" \
	"$(centre_sql "$centre" "SELECT count(*) FROM received_op")" -gt "$before"
centre_stop
loket ticket take kia >/dev/null
eventually grep -q "Next try in" "$TMP/watch"
check "the centre away: the agent backs off and says when it tries again" \
	$? -eq 0
kill -TERM $watch
wait $watch
rc=$?
check "SIGTERM ends the agent cleanly (exit $rc)" $rc -eq 0

# A centre that limits this office to one request now: push, then 429.
printf '[server]\nrate_per_minute = 6\n' >"$TMP/slow.conf"
centre_start "$centre" --config "$TMP/slow.conf"
sql "$db" "UPDATE sync_state SET value = '$CENTRE' WHERE key = 'centre'"
loket sync >"$TMP/out" 2>&1
rc=$?
check "past the centre's rate: exit 4, try again later (it exited $rc)" $rc -eq 4
contains "... the push went, the pull was told 429" "$TMP/out" "answered 429"

done_testing
