#!/bin/sh
# Crash points (issue 11): while tickets are taken, the office agent is
# killed with SIGKILL at random moments of its rounds (AGENT_KILLS
# times), then loketd is killed at random moments while agents push
# (LOKETD_KILLS times). Then the agent drains what waits, and the
# checker finds every operation the office made applied at the centre
# exactly once. make check runs a few rounds; make soak runs 200 and 50.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"
. "$top_srcdir/tests/sync-check.sh"

: "${AGENT_KILLS:=20}" "${LOKETD_KILLS:=5}"
sync_setup

# A random time of 0 to $1 - 1 ms, in seconds for sleep.
seconds() { awk -v ms="$(random "$1")" 'BEGIN { printf "%.3f", ms / 1000 }'; }

sync_centre_start "$centre"
check "loketd serves on a loopback port" -n "$CENTRE"
ok "the office enrols" loket sync enrol "$CENTRE" "$code"

taker_start
taken() { [ "$(sqlite3 -cmd ".timeout 10000" "$db" \
	"SELECT count(*) FROM ticket")" -gt "$1" ]; }
eventually taken 5
check "a taker takes tickets in the background" $? -eq 0

# The agent killed in its rounds: at a random moment from its start to
# one and a half times as long as a round takes on this machine (the
# sanitizers make it slower).
ms() { echo $(($(date +%s%N) / 1000000)); }
started=$(ms)
loket sync >/dev/null
window=$(( ($(ms) - started) * 3 / 2 + 5 ))
rounds=0 killed=0
# AGENT_KILLS rounds, and more (up to four times as many) until a
# quarter of that number were killed in flight: a quick round often ends
# before its kill, and how often varies from run to run.
while [ $rounds -lt "$AGENT_KILLS" ] || { [ $((killed * 4)) -lt \
    "$AGENT_KILLS" ] && [ $rounds -lt $((AGENT_KILLS * 4)) ]; }; do
	moment=$(seconds $window)
	# The binary itself, not the function: $! is the agent's pid.
	"$LOKET" --db "$db" sync >/dev/null 2>&1 &
	agent=$!
	sleep "$moment"
	kill -9 $agent 2>/dev/null
	wait $agent 2>/dev/null
	[ $? -eq 137 ] && killed=$((killed + 1))
	rounds=$((rounds + 1))
done
check "the agent was killed in $killed of $rounds rounds (0 to $window ms)" \
	$((killed * 4)) -ge "$AGENT_KILLS"

# loketd killed while one-shot agents run one after the other; each
# agent's exit status is kept: only 0 (done) and 4 (later) are right.
agents() {
	while [ ! -e "$TMP/stop-agents" ]; do
		loket sync >"$TMP/agent.out" 2>&1
		echo "$? $(tail -n 1 "$TMP/agent.out")" >>"$TMP/agents.status"
	done
}
agents &
agents_pid=$!
sync_cleanup_add $agents_pid
kills=0 restarted=0
while [ $kills -lt "$LOKETD_KILLS" ]; do
	sleep "$(seconds 400)"
	centre_kill
	kills=$((kills + 1))
	centre_again && restarted=$((restarted + 1))
done
check "loketd was killed $kills times and came back each time" \
	$restarted -eq "$LOKETD_KILLS"
: >"$TMP/stop-agents"
wait $agents_pid
grep -v '^[04] ' "$TMP/agents.status" >"$TMP/agents.wrong"
check "... the agents said only 'done' or 'try later' (exit 0 or 4)" \
	! -s "$TMP/agents.wrong"
awk '{ print "# " $0 }' "$TMP/agents.wrong"

taker_stop
tickets=$(sqlite3 "$db" "SELECT count(*) FROM ticket")
check "the taker took $tickets tickets meanwhile, none refused ($refused)" \
	"$refused" -eq 0

drain
check "the agent drains what waits (in $rounds rounds)" $? -eq 0
loket sync status --json >"$TMP/status"
contains "... nothing waits" "$TMP/status" '"pending": 0'
ok "checker: lost 0, duplicated 0, unexpected 0" sync_check "$db" KEC01
check "... and the centre saw no break in the office's hash chain" \
	"$(chain_breaks)" -eq 0

done_testing
