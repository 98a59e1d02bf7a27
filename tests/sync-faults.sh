#!/bin/sh
# The office agent and loketd through real faults (issue 11), by way of a
# fault-injecting proxy (tests/faultproxy.c): the connection refused, the
# answer dropped after the centre applied the batch, an answer delayed
# past the agent's timeout, truncated, or cut by a reset, 500, and 503
# with Retry-After, loketd killed in the middle of a batch. After each,
# the agent says what failed with exit 4 (try again later), the next
# round goes through, and the checker finds every operation the office
# made applied at the centre exactly once. The answer to loket sync enrol
# dropped: it says that the same command again is safe, and it is.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"
. "$top_srcdir/tests/sync-check.sh"

sync_setup
take() { # take N: N tickets
	_n=0
	while [ $_n -lt "$1" ]; do
		loket ticket take kia >/dev/null || return 1
		_n=$((_n + 1))
	done
}
metric() { # metric NAME: its value on /metrics
	curl -s "$CENTRE/metrics" | sed -n "s/^$1 //p"
}

sync_centre_start "$centre"
check "loketd serves on a loopback port" -n "$CENTRE"
proxy_start
check "the fault proxy listens before it" $? -eq 0
inject() { printf '%s\n' "$@" >"$FAULTS"; printf '%s\n' "$1" >"$FAULTS.last"; }

# The answer to the enrolment dropped, twice: the centre made a token the
# office never got. The same command again is safe: the code works until
# the office has used its token.
enrolled() {
	centre_query "SELECT count(*) FROM office WHERE token_hash IS NOT NULL"
}
inject drop drop
"$LOKET" --lang=id --db "$db" sync enrol "$PROXY" "$code" >"$TMP/out" 2>&1
rc=$?
check "the answer to loket sync enrol dropped: exit 4 (it exited $rc)" \
	$rc -eq 4
check "... though the centre enrolled the office" "$(enrolled)" -eq 1
contains "... and it says in Indonesian that the answer did not arrive" \
	"$TMP/out" "Jawaban pusat tidak sampai"
contains "... and that the same command again is safe" "$TMP/out" \
	"aman dijalankan lagi dengan kode yang sama"
loket sync enrol "$PROXY" "$code" >"$TMP/out" 2>&1
rc=$?
check "dropped again: exit 4 (it exited $rc)" $rc -eq 4
contains "... and it says so in English" "$TMP/out" \
	"The centre's answer did not arrive"
ok "the same command a third time enrols the office through the proxy" \
	loket sync enrol "$PROXY" "$code"
ok "... and pushes its first tickets" take 3
ok "... with one round" loket sync
ok "checker: lost 0, duplicated 0, unexpected 0" sync_check "$db" KEC01

# fault EXPECTED-TEXT: one round through the fault written to $FAULTS:
# exit 4 and the text in what the agent says.
fault() {
	loket sync >"$TMP/out" 2>&1
	rc=$?
	check "$(head -n 1 "$FAULTS.last"): exit 4, try later (it exited $rc)" \
		$rc -eq 4
	contains "... and the agent says why" "$TMP/out" "$1"
}
# then_round APPLIED DUPLICATES: the fault cleared, one round pushes what
# waits: so many applied, so many the centre already had.
then_round() {
	loket sync >"$TMP/out" 2>&1
	rc=$?
	check "... then the next round goes through (exit $rc)" $rc -eq 0
	contains "... $1 applied, $2 already at the centre" "$TMP/out" \
		": $1 applied, $2 already at the centre"
	ok "... checker: lost 0, duplicated 0, unexpected 0" \
		sync_check "$db" KEC01
}
received() { centre_query "SELECT count(*) FROM received_op"; }

take 2; inject refuse
fault "Cannot reach the centre at $PROXY/v1/ops"
then_round 2 0

duplicates=$(metric 'loketd_operations_total{result="duplicate"}')
take 2; inject drop
fault "Empty reply from server"
check "... though the centre applied the batch" "$(received)" -eq 7
then_round 0 2
check "... the centre counted the two duplicates on /metrics" \
	"$(metric 'loketd_operations_total{result="duplicate"}')" -eq \
	$((duplicates + 2))

take 2; inject truncate
fault "bytes remaining to read"
then_round 0 2

take 2; inject reset
fault "Connection reset by peer"
then_round 0 2

# The agent gives a transfer up after 30 seconds below 64 bytes a
# second: its clock runs ten times as fast, so 8 seconds of the proxy's
# delay are 80 of the agent's. (libfaketime is preloaded before the
# sanitizers' runtime: ASan is told that this is wanted.)
take 2; inject "delay 8"
if command -v faketime >/dev/null 2>&1; then
	loket() {
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
		    faketime -f "+0 x10" "$LOKET" --lang=en --db "$db" "$@"
	}
	fault "Operation too slow"
	loket() { "$LOKET" --lang=en --db "$db" "$@"; }
	then_round 0 2
else
	: >"$FAULTS"
	echo "# SKIP faketime is not installed: no delay past the timeout"
fi

take 2; inject 500
fault "The centre at $PROXY/v1/ops answered 500"
then_round 2 0

take 2; inject "503 3"
fault "The centre at $PROXY/v1/ops answered 503"
contains "... and says when the centre asked it to come back" "$TMP/out" \
	"The centre is busy; try again in 3 s."
inject "503 30"
"$LOKET" --lang=id --db "$db" sync >"$TMP/out" 2>&1
check "503 with Retry-After: 30 in Indonesian: exit 4 ($?)" $? -eq 4
contains "... and says so in Indonesian" "$TMP/out" \
	"Pusat sedang sibuk; coba lagi dalam 30 detik."
inject 503
fault "The centre at $PROXY/v1/ops answered 503"
lacks "503 without Retry-After: no time is made up" "$TMP/out" "try again in"
then_round 2 0

# 503 with Retry-After: 3 to loket sync --watch: its next try is 3
# seconds later, not sooner (its own backoff would be 0 to 2 seconds).
take 2; inject "503 3"
before=$(received)
logged=$(wc -l <"$TMP/proxy.log")
"$LOKET" --lang=en --db "$db" sync --watch >"$TMP/watch" 2>&1 &
watch=$!
sync_cleanup_add $watch
eventually grep -q "Next try in" "$TMP/watch"
contains "--watch after 503 and Retry-After: 3: next try in 3 seconds" \
	"$TMP/watch" "Next try in 3 seconds."
pushed() { [ "$(received)" -eq "$1" ]; }
eventually pushed $((before + 2))
check "... then it pushes what waits" $? -eq 0
tail -n +$((logged + 1)) "$TMP/proxy.log" | awk '/ 503 3 POST \/v1\/ops$/ { t = $1 } t && / pass POST \/v1\/ops$/ {
	print $1 - t; exit }' >"$TMP/gap"
check "... no sooner than 3 seconds after the 503 ($(cat "$TMP/gap") s)" \
	"$(awk '{ print ($1 >= 2.95) }' "$TMP/gap")" = 1
kill -TERM $watch
wait $watch

# loketd killed in a batch: it waits for the store's lock, which another
# connection holds, when kill -9 ends it. Nothing of that batch was
# recorded; the agent's next round pushes everything once.
take 250
before=$(received)
centre_hold
loket sync >"$TMP/out" 2>&1 &
agent=$!
eventually centre_waiting
check "loketd is inside a batch, waiting for the store" $? -eq 0
centre_kill
centre_release
wait $agent
rc=$?
check "loketd killed in a batch: exit 4 (it exited $rc)" $rc -eq 4
centre_again
check "loketd starts again on its port" $? -eq 0
if [ "$LOKETD_ENGINE" = postgresql ]; then
	# The batch is one statement, already sent: PostgreSQL ends it whole
	# once the lock goes, without loketd (the agent's 100 a push; see
	# tests/loketd-pg-kill.sh).
	eventually pushed $((before + 100))
	check "... with its first batch recorded whole ($(received))" $? -eq 0
	then_round 150 100
else
	check "... with nothing of the batch recorded" "$(received)" -eq $before
	then_round 250 0
fi

# The store fails at the 50th operation of a batch: the batch's
# transaction is undone whole, the centre answers 503.
take 120
before=$(received)
centre_fail_at "$(sqlite3 "$db" "SELECT op_id FROM outbox ORDER BY seq
	LIMIT 1 OFFSET $((before + 49))")"
loket sync >"$TMP/out" 2>&1
rc=$?
check "the store failing in a batch: exit 4 (it exited $rc)" $rc -eq 4
contains "... the centre answered 503" "$TMP/out" "answered 503"
check "... and kept nothing of that batch" "$(received)" -eq $before
centre_fail_none
then_round 120 0

check "after every fault, no break in the office's hash chain" \
	"$(chain_breaks)" -eq 0

# The checker itself finds what it looks for: on a copy of the centre,
# one operation applied twice, one lost, one the office never made.
if copy=$(centre_copy "$centre" copy); then
	centre_sql "$copy" "DELETE FROM received_op WHERE op_id = (SELECT
	    op_id FROM office_event ORDER BY id DESC LIMIT 1);
	    DELETE FROM office_event WHERE id = (SELECT max(id) FROM
	    office_event);
	    INSERT INTO office_event (office_id, seq, op_id, at, kind, body)
	    SELECT office_id, seq, op_id, at, kind, body FROM office_event
	    ORDER BY id LIMIT 1;
	    INSERT INTO office_event (office_id, seq, op_id, at, kind, body)
	    VALUES (1, 0, 'made-up', 0, 'take', '{}')"
	CENTRE_DB=$copy sync_check "$db" KEC01 >"$TMP/check"
	rc=$?
fi
contains "the checker finds a lost, a doubled and a made-up operation" \
	"$TMP/check" "lost 1, duplicated 1, unexpected 1"
check "... and fails (status $rc)" $rc -ne 0

done_testing
