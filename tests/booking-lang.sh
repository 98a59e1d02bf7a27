#!/bin/sh
# A booking's reminder comes in the citizen's language: the booking keeps
# the language it was made in (the kiosk's, or booking make --lang,
# whose default is loket's own language), and the text message the day
# before is composed in it. A booking made before Loket kept one is
# reminded in Indonesian. The command transport writes what it sends to
# a file, which is what the citizen would read.
. "${top_srcdir:-.}/tests/lib.sh"

db=$TMP/b.db
make_db "$db" || { echo "Bail out! cannot make the database"; exit 1; }
printf '%s\n' '#!/bin/sh' 'printf "%s|%s\n" "$1" "$2" >>"$0.log"' >"$TMP/send"
chmod +x "$TMP/send"
printf '%s\n' '[office]' 'hours = mon-sun 00:00-24:00' '[notify]' \
	'transport = command' "command = $TMP/send" >"$TMP/cmd.conf"
L="$LOKET --db $db --config $TMP/cmd.conf"
q() { sqlite3 -cmd ".timeout 5000" "$db" "$1"; }
tomorrow=$(TZ=Asia/Jakarta date -d tomorrow +%Y-%m-%d)
# reminded PHONE LANG DESC [ENGLISH INDONESIAN]: the transport sent
# PHONE the reminder in LANG, for the service of those names (default:
# the birth certificate).
reminded() {
	_text=$(sed -n "s/^$1|//p" "$TMP/send.log" 2>/dev/null)
	case $2:$_text in
	"en:Loket: your booking for ${4:-Birth Certificate} is tomorrow at "*)
		_rc=0 ;;
	"id:Loket: pemesanan Anda untuk ${5:-Akta Kelahiran} besok pukul "*)
		_rc=0 ;;
	*) _rc=1 ;;
	esac
	check "$3: $_text" $_rc -eq 0
}

# --- booking make --lang en, by a desk working in Indonesian.
$L --lang=id booking make akta-kelahiran --at "$tomorrow 10:00" \
	--phone 081100000001 --lang en >/dev/null
check "booking make --lang en exits 0" $? -eq 0
# --- booking make without --lang follows loket's --lang.
$L --lang=en booking make akta-kelahiran --at "$tomorrow 10:30" \
	--phone 081100000002 >/dev/null
$L --lang=id booking make akta-kelahiran --at "$tomorrow 11:00" \
	--phone 081100000003 >/dev/null
# --- A booking made before the language was kept (none stored).
$L booking make akta-kelahiran --at "$tomorrow 11:30" \
	--phone 081100000004 --lang en >/dev/null
q "UPDATE booking SET lang = NULL WHERE phone = '081100000004'"

$L notify >/dev/null 2>"$TMP/err"
check "loket notify sends the reminders and exits 0" $? -eq 0
reminded 081100000001 en "--lang en: the reminder is in English"
reminded 081100000002 en "no --lang, loket in English: in English"
reminded 081100000003 id "no --lang, loket in Indonesian: in Indonesian"
reminded 081100000004 id "a booking made before its language was kept: Indonesian"

$L --lang=en booking make akta-kelahiran --at "$tomorrow 12:00" \
	--lang fr 2>"$TMP/err"
check "booking make --lang fr exits 2" $? -eq 2
contains "... and says which languages there are" "$TMP/err" \
	'"--lang" must be id or en, not "fr"'
check "... and books nothing" "$(q "SELECT count(*) FROM booking")" = 4

# --- The kiosk keeps the language the citizen chose (line mode), and
# with a transport asks for a phone for the reminder. English, Book a
# visit, the agency, its first service, the first day and slot, no text
# message, Book.
printf '2\n6\n1\n1\n1\n1\n1\n1\n' | $L --lang=id --line >"$TMP/out" 2>&1
contains "the kiosk in English booked a visit" "$TMP/out" "Your booking code is"
check "... and the booking keeps English" \
	"$(q "SELECT lang FROM booking ORDER BY id DESC LIMIT 1")" = en
check "... without a phone, as the citizen chose" \
	"$(q "SELECT phone IS NULL FROM booking ORDER BY id DESC LIMIT 1")" = 1
printf '1\n6\n1\n1\n1\n1\n1\n1\n' | $L --lang=en --line >"$TMP/out" 2>&1
contains "the kiosk in Indonesian booked a visit" "$TMP/out" "Kode pemesanan Anda"
check "... and the booking keeps Indonesian" \
	"$(q "SELECT lang FROM booking ORDER BY id DESC LIMIT 1")" = id

# --- A reminder asked for at the kiosk: tomorrow's place in the list of
# days (today may be gone from it near midnight), then its first slot, a
# phone, Book; the reminder comes in the kiosk's language.
day=$(printf '2\n6\n1\n1\n' | $L --line 2>&1 | sed -n \
	"s/^ *\([0-9]\)\. [A-Za-z]* $(TZ=Asia/Jakarta date -d tomorrow \
	+%d-%m-%Y)\$/\1/p" | head -n 1)
check "the kiosk lists tomorrow among the days ($day)" -n "$day"
printf '2\n6\n1\n1\n%s\n1\n2\n081100000005\n1\n1\n' "$day" |
	$L --lang=id --line >"$TMP/out" 2>&1
contains "the kiosk in English asks about a text message the day before" \
	"$TMP/out" "A text message the day before?"
contains "... shows the number's end before booking" "$TMP/out" \
	"Text message: to the number ending in 0005"
contains "... and books" "$TMP/out" "Your booking code is"
printf '1\n6\n1\n1\n%s\n2\n2\n081100000006\n1\n1\n' "$day" |
	$L --lang=en --line >"$TMP/out" 2>&1
contains "the kiosk in Indonesian asks too" "$TMP/out" \
	"SMS sehari sebelumnya?"
check "both bookings keep their phone and language" \
	"$(q "SELECT group_concat(phone || ' ' || lang, ', ') FROM (SELECT \
	phone, lang FROM booking WHERE phone IN ('081100000005', \
	'081100000006') ORDER BY phone)")" = \
	"081100000005 en, 081100000006 id"
$L notify >/dev/null 2>"$TMP/err"
check "loket notify sends the kiosk's reminders" $? -eq 0
ktp="New Electronic Identity Card (KTP-el)"
reminded 081100000005 en "booked at the kiosk in English: in English" \
	"$ktp" "KTP-el Baru"
reminded 081100000006 id "booked at the kiosk in Indonesian: in Indonesian" \
	"$ktp" "KTP-el Baru"

done_testing
