#!/bin/sh
# The soak (issue 11; make soak, not make check): loket sync --watch for
# SOAK_SECONDS through the fault proxy while a taker takes tickets, with
# a fault now and then (a dropped, truncated or reset answer, a refused
# connection, 500, 503) and loketd killed or stopped and started again
# every RESTART_SECONDS. Then the agent drains and the checker finds
# every operation the office made applied at the centre exactly once.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"
. "$top_srcdir/tests/sync-check.sh"

: "${SOAK_SECONDS:=180}" "${RESTART_SECONDS:=20}"
sync_setup

sync_centre_start "$centre"
check "loketd serves on a loopback port" -n "$CENTRE"
proxy_start
check "the fault proxy listens before it" $? -eq 0
ok "the office enrols through the proxy" loket sync enrol "$PROXY" "$code"

taker_start
"$LOKET" --lang=en --db "$db" sync --watch >"$TMP/watch" 2>&1 &
watch=$!
sync_cleanup_add $watch

# Every second a fault, one time in fifteen, or none; every RESTART_SECONDS loketd goes, by
# SIGKILL or SIGTERM in turn, and comes back.
ends=$(($(date +%s) + SOAK_SECONDS))
restarts=0 failed_restarts=0 second=0
while [ "$(date +%s)" -lt $ends ]; do
	case $(random 90) in
	0) echo drop ;; 1) echo truncate ;; 2) echo reset ;; 3) echo refuse ;;
	4) echo 500 ;; 5) echo "503 1" ;;
	esac >>"$FAULTS"
	sleep 1
	second=$((second + 1))
	if [ $((second % RESTART_SECONDS)) -eq 0 ]; then
		if [ $((restarts % 2)) -eq 0 ]; then
			centre_kill
		else
			centre_stop
		fi
		centre_again || failed_restarts=$((failed_restarts + 1))
		restarts=$((restarts + 1))
	fi
done
check "loketd went and came back $restarts times ($failed_restarts failed)" \
	$failed_restarts -eq 0
check "the agent still runs after $SOAK_SECONDS seconds" \
	"$(kill -0 $watch 2>/dev/null && echo yes)" = yes
taker_stop
: >"$FAULTS"
check "the taker took $(sqlite3 "$db" "SELECT count(*) FROM ticket") tickets, none refused ($refused)" \
	"$refused" -eq 0
faults=$(grep -cv ' pass ' "$TMP/proxy.log")
check "the proxy applied $faults faults" "$faults" -gt 0

# The watching agent ends; rounds drain what waits (a bounded number).
kill -TERM $watch
wait $watch
rc=$?
check "SIGTERM ends the watching agent cleanly (exit $rc)" $rc -eq 0
contains "... it had pushed" "$TMP/watch" "Pushed "
drain
check "one-shot rounds drain what waits (in $rounds rounds)" $? -eq 0
loket sync status --json >"$TMP/status"
contains "... nothing waits" "$TMP/status" '"pending": 0'
ok "checker: lost 0, duplicated 0, unexpected 0" sync_check "$db" KEC01
check "... and the centre saw no break in the office's hash chain" \
	"$(chain_breaks)" -eq 0

done_testing
