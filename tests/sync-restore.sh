#!/bin/sh
# A centre restored from a backup (issue 11): the operations it applied
# after the backup are gone from it, and the office pushes them again.
# GET /v1/changes says how far the centre holds the office's operations
# without a gap (pushed_through); the office sets its pushed mark back to
# that and pushes the rest in the same round: the centre ends with every
# operation exactly once, whether or not the office made new ones in the
# meantime. On SQLite the backup is sqlite3's .backup, on PostgreSQL
# pg_dump restored into a second database.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"

centre=$LOKETD_DB
db=$TMP/office.db
"$LOKETD" --db "$centre" init >/dev/null
code=$("$LOKETD" --db "$centre" office add KEC01 --name Satu 2>/dev/null)
make_db "$db"
loket() { "$LOKET" --lang=en --db "$db" "$@"; }
sql() { sqlite3 -cmd ".timeout 10000" "$@"; }
take() { # take N: N tickets, the last one called and served
	_n=0
	while [ $_n -lt "$1" ]; do
		loket ticket take kia >/dev/null || return 1
		_n=$((_n + 1))
	done
	_id=$(loket ticket call --counter 1 --json |
		sed 's/^{"id":\([0-9]*\),.*/\1/')
	loket ticket finish "$_id" --outcome done --counter 1 >/dev/null
}
ops() { sql "$db" "SELECT count(*) FROM outbox"; }
pushed() { sql "$db" "SELECT value FROM sync_state WHERE key = 'pushed'"; }
held() {
	centre_sql "$centre" "SELECT held_through FROM office WHERE \
		code = 'KEC01'"
}
# Every operation of the office at the centre, once, with its effect
# once: the receipts and the events are the outbox's op ids, no more.
exactly_once() {
	sql "$db" "SELECT op_id FROM outbox ORDER BY op_id" >"$TMP/office"
	centre_sql "$centre" "SELECT op_id FROM received_op ORDER BY op_id" \
		>"$TMP/receipts"
	centre_sql "$centre" "SELECT op_id FROM office_event ORDER BY op_id" \
		>"$TMP/events"
	cmp -s "$TMP/office" "$TMP/receipts" && cmp -s "$TMP/office" "$TMP/events"
}
backup() { # backup NAME
	if [ "$LOKETD_ENGINE" = postgresql ]; then
		pg_dump -Fc -f "$TMP/$1.dump" -d "$centre"
	else
		sqlite3 "$centre" ".backup '$TMP/$1.db'"
	fi
}
restore() { # restore NAME: the centre stopped, restored, a new generation
	centre_stop
	if [ "$LOKETD_ENGINE" = postgresql ]; then
		centre=$(pg_createdb "$1") &&
		    pg_restore --no-owner -d "$centre" "$TMP/$1.dump"
	else
		sqlite3 "$centre" ".restore '$TMP/$1.db'"
	fi &&
	"$LOKETD" --db "$centre" generation new >/dev/null &&
	centre_start "$centre" &&
	# The same centre for the office, though on another port here.
	sql "$db" "UPDATE sync_state SET value = '$CENTRE' WHERE key = 'centre'"
}

centre_start "$centre"
check "loketd serves on a loopback port" -n "$CENTRE"
ok "the office enrols" loket sync enrol "$CENTRE" "$code"
take 3
ok "the office pushes its first operations" loket sync
first=$(ops)
check "the centre holds them all without a gap ($first)" "$(held)" = "$first"
http GET "/v1/changes?after=0" \
	"$(sql "$db" "SELECT value FROM sync_state WHERE key = 'token'")" \
	>/dev/null
contains "... and says so in GET /v1/changes" "$TMP/body" \
	"\"pushed_through\":$first"
ok "the centre is backed up" backup one

take 4
ok "the office pushes more after the backup" loket sync
all=$(ops)
check "... the centre holds $all" "$(held)" = "$all"

restore one
check "the centre is restored from the backup, with a new generation" $? -eq 0
check "... and holds only the first $first again" "$(held)" = "$first"
loket sync >"$TMP/out" 2>&1
rc=$?
check "one round after the restore (exit $rc)" $rc -eq 0
contains "... pulls again in full" "$TMP/out" "pulled again in full"
contains "... and pushes again the $((all - first)) the centre lost" \
	"$TMP/out" "$((all - first)) applied, 0 already at the centre"
check "... its pushed mark back where it was ($all)" "$(pushed)" = "$all"
ok "the centre has every operation exactly once" exactly_once
check "... without a chain break" \
	"$(centre_sql "$centre" "SELECT count(*) FROM chain_break")" = 0
check "... and holds them all again" "$(held)" = "$all"
ok "the next round pushes nothing" loket sync
ok "... and changes nothing" exactly_once

# New operations waiting when the centre comes back: they go first, the
# lost ones after them, and nothing twice.
saved=$(ops)
ok "a second backup" backup two
take 2
ok "the office pushes after it" loket sync
after=$(ops)
take 2
before=$(ops)
restore two
check "the centre is restored again, the office having made more" $? -eq 0
loket sync >"$TMP/out" 2>&1
rc=$?
check "one round (exit $rc)" $rc -eq 0
new=$((before - after)) lost=$((after - saved))
contains "... the $new new ones first, then the $lost lost and the new again" \
	"$TMP/out" "Pushed $((new + lost + new)) operations: $((lost + new)) \
applied, $new already at the centre"
ok "the centre has every operation exactly once" exactly_once
check "... through the last ($before)" "$(held)" = "$before"
ok "the next round pushes nothing" loket sync

check "... one chain break: the new ones came before the lost ($((after + 1)))" \
	"$(centre_sql "$centre" "SELECT seq FROM chain_break")" = $((after + 1))
take 1
ok "the office goes on" loket sync
check "... and its chain follows on, the gap filled, with no other break" \
	"$(centre_sql "$centre" "SELECT count(*) FROM chain_break")" = 1
ok "... every operation exactly once" exactly_once

done_testing
