#!/bin/sh
# Bookings: free slots from the office's hours, capacity per slot, a
# code, check-in on the day for a ticket (typed or scanned), expiry after
# the grace period, and the queue position a booking gets.
. "${top_srcdir:-.}/tests/lib.sh"

db=$TMP/booking.db
make_db "$db"
out=$TMP/out
err=$TMP/err
printf '[office]\nhours = mon-sun 00:00-24:00\n[booking]\nslot_minutes = 30\ncapacity = 2\n' >"$TMP/open.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/open.conf"
L="$LOKET --db $db --lang=en --config $TMP/open.conf"

$L booking slots akta-kelahiran >"$out"
check "booking slots lists free slots" "$(wc -l <"$out")" -gt 10
check "each slot has its places" "$(head -n 1 "$out" | cut -d' ' -f3)" = 2
first=$(head -n 1 "$out" | cut -d' ' -f1,2)
later=$(sed -n 60p "$out" | cut -d' ' -f1,2)

$L booking make akta-kelahiran --at "$first" --json >"$out"
check "booking make exits 0" $? -eq 0
code=$(sed 's/.*"code":"\([^"]*\)".*/\1/' "$out")
check "the code is ten digits a keypad can type, 1234-5678-90" "$(echo "$code" | grep -c '^[0-9]\{4\}-[0-9]\{4\}-[0-9]\{2\}$')" = 1
$L booking make akta-kelahiran --at "$first" >/dev/null
$L booking make akta-kelahiran --at "$first" 2>"$err"
check "a full slot is refused" $? -eq 1
contains "a full slot says so" "$err" "That time is fully booked."
check "the slot now has no place" "$($L booking slots akta-kelahiran 2>/dev/null | head -n 1 | cut -d' ' -f3)" = 0
$L booking make akta-kelahiran --at "2020-01-01 08:00" 2>"$err"
contains "a past time cannot be booked" "$err" "That time cannot be booked"
$L booking make akta-kelahiran --at "tomorrow" 2>"$err"
check "a time that is not a time exits 2" $? -eq 2
$L booking make akta-kelahiran --at "$first" --phone 12ab 2>"$err"
contains "a bad phone number is named" "$err" "a phone number is 8 to 15 digits starting with 0"
$L booking make no-such --at "$first" 2>"$err"
contains "an unknown service is named" "$err" 'There is no service "no-such".'

# Check in: the first slot is within the hour before or after now.
# A wrong digit, and two neighbours swapped: caught before any lookup.
digits=$(echo "$code" | tr -d '-')
last=$(echo "$digits" | cut -c10)
wrong=$(echo "$digits" | cut -c1-9)$(( (last + 1) % 10 ))
$L booking checkin "$wrong" 2>"$err"
check "a code with a wrong digit is refused (exit 1)" $? -eq 1
contains "... saying a digit is wrong or two are swapped" "$err" "a digit is wrong or two are swapped"
a=$(echo "$digits" | cut -c1) b=$(echo "$digits" | cut -c2)
if [ "$a" != "$b" ]; then
	$L booking checkin "$b$a$(echo "$digits" | cut -c3-)" 2>"$err"
	contains "... and two swapped neighbours too" "$err" "a digit is wrong or two are swapped"
else
	check "... and two swapped neighbours too (equal digits: nothing to swap)" 1 -eq 1
fi
check "the refused codes checked nothing in" "$(sqlite3 "$db" "SELECT count(*) FROM booking WHERE state = 'checked_in'")" = 0
scanned=$(echo "$code" | tr -d '-')
$L booking checkin "$scanned" >"$out" 2>"$err"
check "check-in with a scanned code (digits, no dashes) exits 0" $? -eq 0
contains "check-in gives a ticket" "$out" "Checked in: ticket D-001."
$L booking checkin "$code" 2>"$err"
contains "a used code is refused" "$err" "has already been used"
$L booking checkin "ABCD" 2>"$err"
contains "a code of the wrong shape is explained" "$err" "a code has 10 digits, such as 2736-1048-53"
# A code of the first form (eight letters and digits) still checks in.
firstform=$($L booking make akta-kelahiran --at "$later" --phone 081100000008 --json 2>/dev/null | sed 's/.*"code":"\([^"]*\)".*/\1/')
sqlite3 "$db" "UPDATE booking SET code = 'K7M4QX4P', slot = strftime('%s', 'now'), day = (SELECT day FROM booking WHERE code = '$(echo "$code" | tr -d '-')') WHERE code = '$(echo "$firstform" | tr -d '-')'"
$L booking checkin "k7m4-qx4p" >"$out" 2>"$err"
contains "a code of the first form, typed in lower case, still checks in" "$out" "Checked in: ticket D-00"
check "... its phone number goes to the ticket" "$(sqlite3 "$db" "SELECT count(*) FROM ticket WHERE phone = '081100000008'")" = 1
check "... and the booking keeps it no longer" "$(sqlite3 "$db" "SELECT count(*) FROM booking WHERE phone = '081100000008'")" = 0
later_code=$($L booking make akta-kelahiran --at "$later" --json | sed 's/.*"code":"\([^"]*\)".*/\1/')
$L booking checkin "$later_code" 2>"$err"
case $later in "$(echo "$first" | cut -d' ' -f1)"*) want="opens for check-in" ;; *) want="not for today" ;; esac
contains "a booking for a later time cannot check in yet" "$err" "$want"

# Expiry: a booking whose time passed the grace period.
old=$($L booking make akta-kelahiran --at "$later" --phone 081100000009 --json | sed 's/.*"code":"\([^"]*\)".*/\1/')
sqlite3 "$db" "UPDATE booking SET slot = strftime('%s', 'now') - 3600, day = (SELECT day FROM booking WHERE code = '$(echo "$code" | tr -d '-')') WHERE code = '$(echo "$old" | tr -d '-')'"
$L booking checkin "$old" 2>"$err"
contains "a booking past its grace period has expired" "$err" "has expired"
check "it is marked expired" "$(sqlite3 "$db" "SELECT state FROM booking WHERE code = '$(echo "$old" | tr -d '-')'")" = expired
check "... and its phone number is forgotten" "$(sqlite3 "$db" "SELECT count(*) FROM booking WHERE phone IS NOT NULL AND state = 'expired'")" = 0

# A booking counts from its slot only when the office says so.
jump=$($L booking make kartu-keluarga --at "$later" --json | sed 's/.*"code":"\([^"]*\)".*/\1/')
sqlite3 "$db" "UPDATE booking SET slot = strftime('%s', 'now') - 600, day = (SELECT day FROM booking WHERE code = '$(echo "$code" | tr -d '-')') WHERE code = '$(echo "$jump" | tr -d '-')'"
printf '[office]\nhours = mon-sun 00:00-24:00\n[booking]\njump_queue = yes\n' >"$TMP/jump.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/jump.conf"
$LOKET --db "$db" --lang=en --config "$TMP/jump.conf" booking checkin "$jump" >/dev/null
check "with jump_queue the ticket counts from the booked time" \
	"$(sqlite3 "$db" "SELECT t.arrived_at = b.slot FROM ticket t JOIN booking b ON b.ticket_id = t.id WHERE b.code = '$(echo "$jump" | tr -d '-')'")" = 1
check "without it the ticket counts from the check-in" \
	"$(sqlite3 "$db" "SELECT t.arrived_at = t.taken_at FROM ticket t JOIN booking b ON b.ticket_id = t.id WHERE b.code = '$(echo "$code" | tr -d '-')'")" = 1

# At the kiosk: book (no text message), then check in, through the screens.
printf '2\n6\n1\n4\n1\n1\n1\n1\n' | $L --line >"$out"
contains "the kiosk books a visit" "$out" "== Your booking code is "
kcode=$(sed -n 's/^Code: //p' "$out" | head -n 1)
printf '2\n7\n%s\n' "$kcode" | $L --line >"$out"
contains "the kiosk checks the booking in and gives the ticket" "$out" "== Your number is D-00"
printf '[office]\nhours = mon-sun 00:00-24:00\n[printer]\ntype = text\ndevice = %s\n' "$TMP/paper.txt" >"$TMP/print.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/print.conf"
pcode=$($L booking make kartu-keluarga --at "$first" --json | sed 's/.*"code":"\([^"]*\)".*/\1/')
printf '2\n7\n%s\n' "$pcode" | $LOKET --db "$db" --lang=en --config "$TMP/print.conf" --line >"$out"
contains "a check-in at the kiosk prints the ticket too" "$TMP/paper.txt" "Family Card"
printf '2\n7\nAAAA-AAAA\n' | $L --line >"$out"
contains "the kiosk names an unknown code" "$out" "There is no booking AAAA-AAAA."
contains "... and says what to check and where to get help" "$out" "Check the code's digits and that the booking is for today; the information desk can help."

done_testing
