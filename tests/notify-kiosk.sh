#!/bin/sh
# The kiosk offers a text message only when a transport can send it
# (issue 9, point 20; issue 12): the real kiosk in a terminal (tmux),
# driven with the twelve keys of a keypad only. Without a transport the
# screens go from the lane straight to the confirmation, and neither the
# screens, their help nor their speech mention a text message; with one,
# the phone question is asked and the number kept with the language.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui-lib.sh"

db=$TMP/k.db
make_db "$db" || { echo "Bail out! cannot make the database"; exit 1; }
mkdir -p "$TMP/wav-none" "$TMP/wav-sms"
for c in none sms; do
	printf '[office]\nhours = mon-sun 00:00-24:00\n[speech]\nsink = wav\ndirectory = %s\n' \
		"$TMP/wav-$c" >"$TMP/$c.conf"
done
printf '[notify]\ntransport = command\ncommand = true\n' >>"$TMP/sms.conf"
kiosk() {	# kiosk NAME CONF: the kiosk in English, 80x24
	tui_start "$1" 80 24 vt100 "$LOKET" --db "$db" --config "$TMP/$2.conf" \
		--log "$TMP/loket.log" --lang=en
}
keypad() {	# keypad NAME KEY...: digits, * and # only
	_kp_name=$1
	shift
	for _kp_key in "$@"; do
		case $_kp_key in
		[0-9]|'*'|'#') tui_keys "$_kp_name" "$_kp_key" ;;
		*) echo "Bail out! keypad: $_kp_key is not a keypad key"; exit 1 ;;
		esac
	done
}
title_is() { [ "$(tui_screen "$1" | sed -n 1p)" = "$2" ]; }
title() { ok "$1" _tui_poll "$TUI_TIMEOUT" title_is "$2" "$3"; }
q() { sqlite3 -cmd ".timeout 5000" "$db" "$1"; }
SMS="A text message when your turn is near?"
CONFIRM="Check before taking the ticket"

# Without a transport.
kiosk none none
ok "none: the kiosk starts, its welcome shown" tui_wait none "Welcome. Choose a language."
keypad none 2 1 1 1 1
title "no transport: after the lane comes the confirmation" none "$CONFIRM"
ok "... the confirmation is heard" _tui_poll "$TUI_TIMEOUT" grep -qF \
	"Check before taking the ticket" "$TMP/wav-none/speech.log"
keypad none '#'
title "... # opens its help" none "Help and settings"
ok "... which says nothing of a text message" _tui_lacks none "text message"
keypad none 0
title "... 0 comes back" none "$CONFIRM"
keypad none 1
ok "no transport: 1 takes the ticket, keypad only" tui_wait none "Your number is A-"
keypad none 0
keypad none 2 1 1 1 1
title "... and the next citizen is not asked either" none "$CONFIRM"
keypad none 0
title "... 0 goes back to the lane, not to a phone question" none \
	"New Electronic Identity Card (KTP-el)"
tui_stop none
# A booking: from the slot straight to the confirmation.
kiosk nonebk none
ok "nonebk: the kiosk starts, its welcome shown" tui_wait nonebk "Welcome. Choose a language."
keypad nonebk 2 6 1 1 1 1
title "no transport: a booking goes from the slot to the confirmation" \
	nonebk "Check before booking"
keypad nonebk 1
ok "... 1 books, keypad only" tui_wait nonebk "Your booking code is"
tui_stop nonebk
check "... and the booking has no phone number" \
	"$(q "SELECT count(*) FROM booking WHERE phone IS NOT NULL")" = 0
check "no transport: nothing heard mentions a text message or a phone" \
	"$(grep -ciE 'text message|phone' "$TMP/wav-none/speech.log")" = 0
check "... and the ticket has no phone number" \
	"$(q "SELECT count(*) FROM ticket WHERE phone IS NOT NULL")" = 0

# With a transport.
kiosk sms sms
ok "sms: the kiosk starts, its welcome shown" tui_wait sms "Welcome. Choose a language."
keypad sms 2 1 1 1 1
title "a transport: the text message is offered after the lane" sms "$SMS"
ok "... and heard" _tui_poll "$TUI_TIMEOUT" grep -qF "$SMS" "$TMP/wav-sms/speech.log"
keypad sms 2
title "... 2 opens the phone number field" sms "Your phone number"
keypad sms 0 8 1 2 3 4 5 6 7 8 9 0 '#'
ok "... # takes the number, its end confirmed" tui_wait sms "ending in 7890"
keypad sms 1
ok "... 1 takes the ticket, keypad only" tui_wait sms "Your number is A-"
tui_stop sms
kept=$(q "SELECT phone || ' ' || lang FROM ticket WHERE phone IS NOT NULL")
check "the ticket keeps the number and the citizen's language ($kept)" \
	"$kept" = "081234567890 en"

# At 40x12 a prompt longer than its three rows goes on above the choices:
# every word of it can be read, none cut off.
tui_start small 40 12 vt100 "$LOKET" --db "$db" --config "$TMP/sms.conf" \
	--log "$TMP/loket.log" --lang=en
ok "small: the kiosk starts, its welcome shown" tui_wait small "Choose a language."
keypad small 2 1 1 1 1
ok "40x12: the question's prompt is there to its last word" tui_wait small \
	"board."
rows=$(tui_screen small | grep -n -e '^board\.$' -e '1\. No' | cut -d: -f1 |
	tr '\n' ' ')
check "... on its own row above the choices ($rows)" \
	"$(echo "$rows" | awk '{ print ($1 < $2) }')" = 1
tui_stop small

# A booking with a transport: a reminder the day before is offered.
BOOKSMS="A text message the day before?"
kiosk smsbk sms
ok "smsbk: the kiosk starts, its welcome shown" tui_wait smsbk "Welcome. Choose a language."
keypad smsbk 2 6 1 1 1 1
title "a transport: a booking offers a text message after the slot" smsbk \
	"$BOOKSMS"
ok "... and it is heard" _tui_poll "$TUI_TIMEOUT" grep -qF "$BOOKSMS" \
	"$TMP/wav-sms/speech.log"
keypad smsbk 2
title "... 2 opens the phone number field" smsbk "Your phone number"
keypad smsbk 0 8 5 2 3 4 5 6 7 8 9 1 '#'
ok "... # takes the number, its end confirmed" tui_wait smsbk "ending in 7891"
keypad smsbk 0 '*'
title "... back twice, to the question" smsbk "$BOOKSMS"
keypad smsbk 2 0 8 5 2 3 4 5 6 7 8 9 2 '#'
ok "... a number typed again replaces it" tui_wait smsbk "ending in 7892"
keypad smsbk 1
ok "... 1 books, keypad only" tui_wait smsbk "Your booking code is"
tui_stop smsbk
kept=$(q "SELECT phone || ' ' || lang FROM booking WHERE phone IS NOT NULL")
check "the booking keeps the last number and the language ($kept)" \
	"$kept" = "085234567892 en"

done_testing
