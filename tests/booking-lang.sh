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
# reminded PHONE LANG DESC: the transport sent PHONE the reminder in LANG.
reminded() {
	_text=$(sed -n "s/^$1|//p" "$TMP/send.log" 2>/dev/null)
	case $2:$_text in
	"en:Loket: your booking for Birth Certificate is tomorrow at "*) _rc=0 ;;
	"id:Loket: pemesanan Anda untuk Akta Kelahiran besok pukul "*) _rc=0 ;;
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

# --- The kiosk keeps the language the citizen chose (line mode): it asks
# no phone for a booking, so this is what a reminder would be written in.
# English, the agency, its first service, the first day and slot, Book.
printf '2\n6\n1\n1\n1\n1\n1\n' | $L --lang=id --line >"$TMP/out" 2>&1
contains "the kiosk in English booked a visit" "$TMP/out" "Your booking code is"
check "... and the booking keeps English" \
	"$(q "SELECT lang FROM booking ORDER BY id DESC LIMIT 1")" = en
printf '1\n6\n1\n1\n1\n1\n1\n' | $L --lang=en --line >"$TMP/out" 2>&1
contains "the kiosk in Indonesian booked a visit" "$TMP/out" "Kode pemesanan Anda"
check "... and the booking keeps Indonesian" \
	"$(q "SELECT lang FROM booking ORDER BY id DESC LIMIT 1")" = id

done_testing
