#!/bin/sh
# End to end (issue 11): an office works a whole day offline - 500
# tickets taken (E2E_TICKETS; the sanitizer pass's TICKETS makes it
# smaller), called, served, finished, not present, transferred, some
# left open - then loketd starts, the agent drains the backlog, and
# "loketd report --csv" for that office and day equals "loket report"
# field by field: taken, served, not present, average and longest wait.
# (Both count a ticket left open on a past day apart: the office under
# "of which left open", the centre as "open".)
# The day runs on a clock of its own (faketime): one ticket every 20
# seconds from 08:00, so that waits are minutes long and differ.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"
. "$top_srcdir/tests/sync-check.sh"

: "${E2E_TICKETS:=${TICKETS:-500}}"
sync_setup

if command -v faketime >/dev/null 2>&1; then
	day=2026-03-02
	start=$(TZ=UTC date -d "$day 01:00:00" +%s)	# 08:00 WIB
	# at SECONDS COMMAND...: loket at 08:00 + SECONDS of that day.
	at() {
		_when=$(TZ=UTC date -d "@$((start + $1))" '+%Y-%m-%d %H:%M:%S')
		shift
		TZ=UTC ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
		    faketime "$_when" "$LOKET" --lang=en --db "$db" "$@"
	}
else
	echo "# faketime is not installed: the day runs on the real clock"
	day=
	at() { shift; loket "$@"; }
fi

# act TIME ID ACTION: what the desk does with the ticket it called at
# TIME.
act() {
	case $3 in
	done)	at $(($1 + 5)) ticket serve "$2" --counter 1 &&
		at $(($1 + 9)) ticket finish "$2" --outcome done --counter 1 ;;
	incomplete)
		at $(($1 + 5)) ticket serve "$2" --counter 1 &&
		at $(($1 + 9)) ticket finish "$2" --outcome incomplete \
		    --counter 1 ;;
	noshow)	at $(($1 + 5)) ticket noshow "$2" --counter 1 ;;
	transfer) at $(($1 + 5)) ticket transfer "$2" --to npwp --counter 1 ;;
	park)	at $(($1 + 5)) ticket serve "$2" --counter 1 &&
		at $(($1 + 9)) ticket park "$2" --counter 1 ;;
	esac >/dev/null
}

# The day: a ticket every 20 seconds; after the tenth, the desk calls
# the next one three times in five, 10 seconds after each ticket.
i=0 failed=0
while [ $i -lt "$E2E_TICKETS" ]; do
	t=$((i * 20))
	at $t ticket take kia >/dev/null || failed=$((failed + 1))
	i=$((i + 1))
	[ $i -gt 10 ] && [ $((i % 5)) -lt 3 ] || continue
	id=$(at $((t + 10)) ticket call --counter 1 --json |
		sed -n 's/^{"id":\([0-9]*\),.*/\1/p')
	[ -n "$id" ] || { failed=$((failed + 1)); continue; }
	case $((i % 7)) in
	0|1|2)	act $((t + 10)) "$id" done ;;
	3)	act $((t + 10)) "$id" noshow ;;
	4)	act $((t + 10)) "$id" transfer ;;
	5)	act $((t + 10)) "$id" incomplete ;;
	6)	act $((t + 10)) "$id" park ;;	# and left parked
	esac || failed=$((failed + 1))
done
check "the office worked $E2E_TICKETS tickets offline ($failed failed)" \
	$failed -eq 0
[ -n "$day" ] || day=$(sqlite3 "$db" "SELECT day FROM ticket LIMIT 1")

sync_centre_start "$centre"
check "loketd starts" -n "$CENTRE"
ok "the office enrols" loket sync enrol "$CENTRE" "$code"
ops=$(sqlite3 "$db" "SELECT count(*) FROM outbox")
loket sync >"$TMP/out" 2>&1
rc=$?
check "one round drains the backlog (exit $rc)" $rc -eq 0
contains "... all $ops operations applied" "$TMP/out" \
	"Pushed $ops operations: $ops applied"
ok "checker: lost 0, duplicated 0, unexpected 0" sync_check "$db" KEC01

# The office's figures, from its own report (on that day's clock), and
# from its tickets one by one (loket report --csv).
at 36000 report --date "$day" >"$TMP/office"
at 36000 report --date "$day" --csv >"$TMP/office.csv"
"$LOKETD" --db "$centre" report --office KEC01 --date "$day" --csv \
	>"$TMP/centre.csv"
office=$(awk -F, 'NR > 1 { taken++ }
	NR > 1 && $5 == "done" && $6 != "transferred" { served++ }
	NR > 1 && $5 == "noshow" { noshow++ }
	NR > 1 && $12 >= 0 { waits++; sum += $12; if ($12 > max) max = $12 }
	END { printf "%d,%d,%d,%d,%d", taken, served, noshow,
	    waits ? int(sum / waits) : -1, waits ? max : -1 }' "$TMP/office.csv")
centre=$(awk -F, 'NR == 2 { print $3 "," $4 "," $5 "," $7 "," $8 }' \
	"$TMP/centre.csv")
check "loketd report equals loket report: taken, served, not present, average and longest wait ($centre; office $office)" \
	"$centre" = "$office"
served=$(sed -n 's/^Served: //p' "$TMP/office")
noshow=$(sed -n 's/^Not present: //p' "$TMP/office")
average=$(sed -n 's/^Average wait: \([0-9]*\) min/\1/p' "$TMP/office")
check "... and the office's summary: served $served, not present $noshow, average $average min" \
	"$served,$noshow,$average" = "$(echo "$centre" | awk -F, '{
	printf "%d,%d,%d", $2, $3, ($4 + 30) / 60 }')"
check "... with waits of minutes, that differ ($office)" \
	"$(echo "$office" | cut -d, -f5)" -gt 300
if [ "$day" != "$(sqlite3 "$db" "SELECT date('now', '+7 hours')")" ]; then
	loket report --date "$day" >"$TMP/later"
	contains "seen from a later day, the office counts what was left open as not present" \
		"$TMP/later" "Not present: $(awk -F, 'NR == 2 { print $5 + $6 }' \
		"$TMP/centre.csv")"
fi

done_testing
