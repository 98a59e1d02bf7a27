#!/bin/sh
# An office clock an hour wrong (issue 11) changes nothing the centre
# orders by: operations taken with the clock an hour ahead, right, and
# an hour behind arrive in the office's order (its sequence, not its
# times), are stamped with the centre's own time, break no chain; the
# feed's cursors are the centre's, pulled alike with the clock an hour
# ahead or behind. The office's clock runs wrong under faketime.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"
. "$top_srcdir/tests/sync-check.sh"

if ! command -v faketime >/dev/null 2>&1; then
	echo "1..0 # SKIP faketime is not installed"
	exit 0
fi
sync_setup
# off OFFSET COMMAND...: loket with its clock OFFSET off (+1h, -1h).
off() {
	_offset=$1
	shift
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
	    faketime -f "$_offset" "$LOKET" --lang=en --db "$db" "$@"
}
sync_centre_start "$centre"
check "loketd serves on a loopback port" -n "$CENTRE"
ok "an office an hour ahead enrols" off +1h sync enrol "$CENTRE" "$code"

before=$(date +%s)
takes() {
	off +1h ticket take kia && off +1h ticket take kia &&
	    off +0 ticket take kia && off -1h ticket take kia
}
ok "tickets taken an hour ahead, then right, then an hour behind" takes
office_times() { sqlite3 "$db" "SELECT at FROM outbox JOIN event ON
	event.id = outbox.event_id ORDER BY seq"; }
check "... so the office's own times go back two hours ($(office_times | tr '\n' ' '))" \
	"$(office_times | awk 'NR == 1 { first = $1 } END { d = first - $1;
	print (d > 7100 && d < 7300) }')" = 1
centre_change
centre_change
off +1h sync >"$TMP/out" 2>&1
rc=$?
check "a round an hour ahead (exit $rc)" $rc -eq 0
contains "... pulls the centre's two changes" "$TMP/out" "Pulled 2 changes."
after=$(date +%s)
centre_received KEC01 >"$TMP/received"
check "the centre received them in the office's order: seq 1 to 4" \
	"$(cut -d' ' -f1 "$TMP/received" | tr '\n' ' ')" = "1 2 3 4 "
check "... each stamped with the centre's time, not the office's" \
	"$(awk -v b="$before" -v a="$after" '$3 < b || $3 > a' \
	"$TMP/received" | wc -l)" -eq 0
check "... while the office said an hour ahead, ahead, right, behind" \
	"$(awk -v b="$before" '{ printf "%+d ", ($2 - b) / 3000 }' \
	"$TMP/received")" = "+1 +1 +0 -1 "
"$LOKETD" --db "$centre" report --office KEC01 --csv >"$TMP/report"
check "... and no chain is broken" \
	"$(tail -n 1 "$TMP/report" | cut -d, -f9)" = 0
check "the office's cursor is the centre's last" \
	"$(sqlite3 "$db" "SELECT value FROM sync_state WHERE key = 'cursor'")" \
	= "$(centre_query "SELECT max(cursor) FROM change")"

centre_change
off -1h ticket take kia >/dev/null
off -1h sync >"$TMP/out" 2>&1
rc=$?
check "a round an hour behind (exit $rc)" $rc -eq 0
contains "... pushes one, pulls the one new change" "$TMP/out" \
	"Pulled 1 change."
check "... the cursor follows the centre's" \
	"$(sqlite3 "$db" "SELECT value FROM sync_state WHERE key = 'cursor'")" \
	= "$(centre_query "SELECT max(cursor) FROM change")"
check "... and the centre has the operation fifth" \
	"$(centre_received KEC01 | tail -n 1 | cut -d' ' -f1)" = 5
ok "checker: lost 0, duplicated 0, unexpected 0" sync_check "$db" KEC01

done_testing
