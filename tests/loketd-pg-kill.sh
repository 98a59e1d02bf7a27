#!/bin/sh
# kill -9 of one of two loketd processes on one PostgreSQL in the middle
# of a batch (issue 13): once inside the batch's transaction, before it
# commits, and once while it commits (applied, the answer never sent).
# Each time the office's agent is told to try later, its retry at the
# other loketd is answered correctly, and the checker finds every
# operation the office made applied exactly once.
#
# A batch is one statement (the function loket_push): a loketd killed
# while that statement waits leaves it to PostgreSQL, which finishes and
# commits it when the lock comes, since it does not look for the client
# until it answers. So the retry finds either nothing (the dead one's
# transaction rolled back) or every operation there already; never some.
LOKETD_ENGINE=postgresql
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"
. "$top_srcdir/tests/sync-check.sh"

centre=$LOKETD_DB
db=$TMP/office.db
"$LOKETD" --db "$centre" init >/dev/null
code=$("$LOKETD" --db "$centre" office add KEC01 --name Satu 2>/dev/null)
make_db "$db"
office_sql() { sqlite3 -cmd ".timeout 10000" "$db" "$1"; }
# at URL: the agent's next rounds go to that loketd.
at() { office_sql "UPDATE sync_state SET value = '$1' WHERE key = 'centre'"; }
take() { for _i in 1 2 3 4 5; do loket ticket take kia >/dev/null; done; }
# The agent's round in the background; its exit status in $TMP/agent.rc.
agent() { "$LOKET" --lang=en --db "$db" sync >"$TMP/agent.out" 2>&1; echo $? \
	>"$TMP/agent.rc"; }
agent_rc() { [ -s "$TMP/agent.rc" ] && cat "$TMP/agent.rc"; }
sleeping() { [ "$(centre_query "SELECT count(*) FROM pg_stat_activity WHERE
	wait_event = 'PgSleep'")" -gt 0 ]; }

sync_centre_start "$centre"
one=$CENTRE one_pid=$CENTRE_PID
CENTRE_PID=
sync_centre_start "$centre"
two=$CENTRE
sync_cleanup_add "$one_pid"
check "two loketd serve on one PostgreSQL" -n "$one" -a -n "$two"
ok "the office enrols at the first" loket sync enrol "$one" "$code"
take
ok "... and pushes its first tickets there" loket sync

# 1. Killed inside the batch's transaction: the batch waits for a lock
# that another connection holds when loketd dies.
take
centre_hold
held() { [ "$(centre_query "SELECT count(*) FROM pg_locks WHERE relation =
	'received_op'::regclass AND mode = 'ExclusiveLock' AND granted")" \
	-eq 1 ]; }
eventually held
rm -f "$TMP/agent.rc"
agent &
eventually centre_waiting
check "the first loketd waits inside the office's batch" $? -eq 0
kill -9 "$one_pid"
wait "$one_pid" 2>/dev/null
eventually agent_rc >/dev/null
check "killed with -9: the agent is told to try later (exit $(agent_rc))" \
	"$(agent_rc)" = 4
# The retry goes to the other while the dead one's transaction still
# holds the office: it waits, then is answered.
at "$two"
rm -f "$TMP/agent.rc"
agent &
waiting() { [ "$(centre_query "SELECT count(*) FROM pg_locks WHERE NOT
	granted")" -ge 2 ]; }
eventually waiting
check "... the retry at the other waits for the dead one's transaction" \
	$? -eq 0
centre_release
eventually agent_rc >/dev/null
check "its retry at the other loketd goes through (exit $(agent_rc))" \
	"$(agent_rc)" = 0
pushed=$(sed -n 's/^Pushed 5 operations: \([0-9]*\) applied, \([0-9]*\) already.*/\1+\2/p' \
	"$TMP/agent.out")
check "... every operation applied there or by the dead one ($pushed)" \
	"$pushed" = "5+0" -o "$pushed" = "0+5"
ok "checker: lost 0, duplicated 0, unexpected 0" sync_check "$db" KEC01

# 2. Killed as it commits: the batch is applied, its answer never sent.
sync_cleanup_add "$CENTRE_PID"	# the second, stopped at the end
CENTRE_PID=
sync_centre_start "$centre"
one=$CENTRE one_pid=$CENTRE_PID
sync_cleanup_add "$one_pid"
at "$one"
take
last=$(office_sql "SELECT op_id FROM outbox ORDER BY seq DESC LIMIT 1")
centre_query "CREATE FUNCTION slow_commit() RETURNS trigger AS \$\$
    BEGIN PERFORM pg_sleep(3); RETURN NULL; END \$\$ LANGUAGE plpgsql;
    CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON received_op
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.op_id = '$last')
    EXECUTE FUNCTION slow_commit()" >/dev/null
rm -f "$TMP/agent.rc"
agent &
eventually sleeping
check "the first loketd is committing the office's batch" $? -eq 0
kill -9 "$one_pid"
wait "$one_pid" 2>/dev/null
eventually agent_rc >/dev/null
check "killed with -9: the agent is told to try later (exit $(agent_rc))" \
	"$(agent_rc)" = 4
applied() { [ "$(centre_query "SELECT count(*) FROM received_op WHERE
	op_id = '$last'")" -eq 1 ]; }
eventually applied
check "... though the batch was committed" $? -eq 0
centre_query "DROP TRIGGER slow_commit ON received_op;
    DROP FUNCTION slow_commit()" >/dev/null
at "$two"
loket sync >"$TMP/out" 2>&1
check "its retry at the other loketd goes through (exit $?)" $? -eq 0
contains "... answered: each already at the centre" "$TMP/out" \
	"Pushed 5 operations: 0 applied, 5 already at the centre"
ok "checker: lost 0, duplicated 0, unexpected 0" sync_check "$db" KEC01
check "... and no break in the office's hash chain" "$(chain_breaks)" -eq 0

done_testing
