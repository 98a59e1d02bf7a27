#!/bin/sh
# The kiosk driven as a citizen with a 12-key keypad drives it: digits, *
# and # only -- no Enter, no Esc, no letters, no arrows -- in a real
# terminal (tmux), at 80x24 on TERM=vt100 and TERM=linux and at 40x12.
#
#  - A field follows the telephone-menu rule: # is done, * erases the
#    last character and, on an empty field, goes back; 0 is a digit there
#    (a phone number starts with 0). The key line shows the rule and it is
#    heard with the screen (issue 9, point 1; accessibility items 13, 18).
#  - Escape sequences the terminal sends for keys curses does not know
#    (Home and End as ESC [ 1 ~ and ESC [ 4 ~ on a VT100, F5, Ctrl-Up) are
#    swallowed whole, never read as Esc followed by digits (point 3).
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui-lib.sh"

if [ ! -x "$LOKET" ]; then
	echo "Bail out! $LOKET is not built"
	exit 1
fi
make_db "$TMP/k.db" || { echo "Bail out! cannot make the database"; exit 1; }

# Speech goes to WAV files and their log, to check what is heard.
mkdir -p "$TMP/wav"
printf '[office]\nhours = mon-sun 00:00-24:00\n[speech]\nsink = wav\ndirectory = %s\n' \
	"$TMP/wav" >"$TMP/wav.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/wav.conf"
kiosk() {	# kiosk NAME COLS ROWS TERM: the kiosk in English on the test db
	tui_start "$1" "$2" "$3" "$4" "$LOKET" --db "$TMP/k.db" \
		--config "$TMP/wav.conf" --log "$TMP/loket.log" --lang=en
}
field_is() {	# field_is NAME VALUE: the phone field shows, holding VALUE
	tui_screen "$1" | grep -q '^Phone:' &&
	[ "$(tui_screen "$1" | sed -n 's/^Phone: *//p' | sed 's/ *$//')" = "$2" ]
}
field() {	# field DESC NAME VALUE
	ok "$1" _tui_poll "$TUI_TIMEOUT" field_is "$2" "$3"
}
# keypad NAME KEY...: only the twelve keys of a keypad may be pressed.
keypad() { tui_keypad "$@"; }
title_is() {	# title_is NAME TEXT: the first line is TEXT
	[ "$(tui_screen "$1" | sed -n 1p)" = "$2" ]
}
title() {	# title DESC NAME TEXT
	ok "$1" _tui_poll "$TUI_TIMEOUT" title_is "$2" "$3"
}
last_line_is() {	# last_line_is NAME TEXT: the key line is TEXT
	[ "$(tui_screen "$1" | sed '/^ *$/d' | tail -n 1)" = "$2" ]
}
keyline() {	# keyline DESC NAME TEXT
	ok "$1" _tui_poll "$TUI_TIMEOUT" last_line_is "$2" "$3"
}

PHONE="Your phone number"
SMS="A text message when your turn is near?"

for term in vt100 linux; do
	s=k$term
	kiosk "$s" 80 24 "$term"
	tui_wait "$s" "Welcome. Choose a language." >/dev/null
	keypad "$s" 2 1 1 1 1
	title "$term: the keypad reaches the text-message offer" "$s" "$SMS"
	keypad "$s" 2
	title "$term: 2 opens the phone number field" "$s" "$PHONE"
	keyline "$term: an empty field's key line: * goes back, # helps" "$s" \
		"* Back  # Help  Ctrl-X Exit"
	ok "$term: the rule of the keys is heard with the field" _tui_poll \
		"$TUI_TIMEOUT" grep -qF "Phone. Press hash when done. Star erases the last character; on an empty field, star goes back." "$TMP/wav/speech.log"
	keypad "$s" 0 8 1 2
	field "$term: 0 is a digit in the field, not back" "$s" 0812
	keyline "$term: with text typed, # is done and * erases" "$s" \
		"# Done  * Erase  Ctrl-X Exit"
	keypad "$s" '*'
	field "$term: * erases the last digit" "$s" 081
	keypad "$s" '*' '*' '*'
	field "$term: ... down to an empty field" "$s" ""
	title "$term: ... still on the phone number screen" "$s" "$PHONE"
	keypad "$s" '*'
	title "$term: * on the empty field goes back" "$s" "$SMS"
	keypad "$s" 2
	keypad "$s" '#'
	title "$term: # on an empty field opens help" "$s" "Help and settings"
	keypad "$s" 0
	title "$term: 0 leaves help, back to the field" "$s" "$PHONE"
	keypad "$s" 0 8 1 2 3 4 5 6 7 8 9 0 '#'
	ok "$term: # is done: the number is taken, its end confirmed" \
		tui_wait "$s" "ending in 7890"
	keypad "$s" 1
	ok "$term: 1 takes the ticket, keypad only" tui_wait "$s" "Your number is A-"
	# The number big, with what the terminal has (issue 9, point 17):
	# '#' on a VT100, the full block on the Linux console.
	case $term in vt100) row='###### ####' ;; *) row=$(printf '\342\226\210\342\226\210\342\226\210\342\226\210\342\226\210\342\226\210 \342\226\210\342\226\210\342\226\210\342\226\210') ;; esac
	ok "$term: the ticket's number is shown big" tui_wait "$s" "$row"
	tui_stop "$s"
done

# A booking and its check-in, with the keypad only: the code is digits.
s=book
kiosk "$s" 80 24 vt100
tui_wait "$s" "Welcome. Choose a language." >/dev/null
keypad "$s" 2 6 1 4 1 1
title "booking: a text message the day before is offered" "$s" \
	"A text message the day before?"
keypad "$s" 1
title "booking: the keypad reaches the confirmation" "$s" "Check before booking"
keypad "$s" 1
ok "booking: the code is shown" tui_wait "$s" "Your booking code is "
code=$(tui_screen "$s" | sed -n 's/^Your booking code is \([0-9-]*\).*/\1/p' | head -n 1)
check "booking: the code is digits a keypad can type ($code)" \
	"$(echo "$code" | grep -c '^[0-9]\{4\}-[0-9]\{4\}-[0-9]\{2\}$')" = 1
ok "booking: the service is on the screen" tui_wait "$s" "Service: Birth Certificate"
ok "booking: and the day and time of the visit" tui_wait "$s" "Visit: "
ok "booking: all of it is heard" _tui_poll "$TUI_TIMEOUT" grep -q \
	"Your booking code is .*Service, Birth Certificate\. Visit, " "$TMP/wav/speech.log"
keypad "$s" 1
title "booking: 1 returns to the welcome screen" "$s" \
	"Mal Pelayanan Publik Kabupaten Sukamaju"
keypad "$s" 2 7
title "check-in: 7 opens the check-in" "$s" "Check in with a booking code"
digits=$(echo "$code" | tr -d '-')
wrong=$(echo "$digits" | cut -c1-9)$(( ($(echo "$digits" | cut -c10) + 1) % 10 ))
keypad "$s" $(echo "$wrong" | sed 's/./& /g') '#'
ok "check-in: a wrong digit is caught and explained" tui_wait_text "$s" \
	"a digit is wrong or two are swapped"
keypad "$s" $(echo "$digits" | sed 's/./& /g') '#'
ok "check-in: the right digits and # give the ticket" tui_wait "$s" "Your number is D-"
keypad "$s" 1
title "check-in: and back to the welcome screen" "$s" \
	"Mal Pelayanan Publik Kabupaten Sukamaju"
tui_stop "$s"

# At 40x12 the key line keeps what matters most when it does not fit.
s=small
kiosk "$s" 40 12 vt100
tui_wait "$s" "Welcome" >/dev/null
keypad "$s" 2 1 1 1 1 2
title "40x12: the phone field opens" "$s" "$PHONE"
keypad "$s" 0 8
keyline "40x12: # Done and * Erase fit on the key line" "$s" \
	"# Done  * Erase  Ctrl-X Exit"
# The ticket screen opens at its top: the number, the service and the
# people ahead are on screen; PgDn reaches "Done", PgUp comes back.
keypad "$s" '*' '*' '*' 1 1
ok "40x12: the ticket screen shows the number when it opens" \
	tui_wait "$s" "Number: A-"
ok "40x12: ... the service" tui_wait "$s" "Service: New Electronic"
ok "40x12: ... and the people ahead" tui_wait "$s" "ahead of you"
tui_keys "$s" NPage
ok "40x12: PgDn reaches the choice" tui_wait "$s" "> 1. Done"
tui_keys "$s" PPage
ok "40x12: PgUp brings the number back" tui_wait "$s" "Number: A-"
tui_stop "$s"

# Help in Indonesian fits 80x24: its eighth choice (headset mode) shows,
# and nothing is left for PgDn (issue 9, point 14).
s=help-id
tui_start "$s" 80 24 vt100 "$LOKET" --db "$TMP/k.db" --config "$TMP/wav.conf" \
	--log "$TMP/loket.log"
tui_wait "$s" "Selamat datang" >/dev/null
keypad "$s" 1 '#'
title "help-id: # opens help and settings" "$s" "Bantuan dan pengaturan"
ok "help-id: the eighth choice is on the screen" tui_wait "$s" "  8. Mode headset"
keyline "help-id: nothing more to page to" "$s" \
	"0 Kembali  * Ulangi  # Bantuan  Ctrl-X Keluar"
tui_stop "$s"

# Non-ASCII text in the catalog -- an accent, a dash, a non-Latin script --
# reaches the screen whole, at 80x24 and 40x12, and the keypad still works.
# (A catalog file holds it the same way: loket-catalog(5) is UTF-8.)
NAME_EN='Café registration — ꦥꦤ꧀ꦢꦥ꧀ꦠꦤ꧀ (Javanese), تسجيل'
sqlite3 "$TMP/k.db" "UPDATE service SET name_en = '$NAME_EN' WHERE code = 'npwp'"
for size in 80x24 40x12; do
	s=utf8-$size
	kiosk "$s" "${size%x*}" "${size#*x}" linux
	tui_wait "$s" "Welcome" >/dev/null
	keypad "$s" 2 3 2
	ok "utf8 $size: the service's name shows with é, — and both scripts" \
		tui_wait_text "$s" "Café registration — ꦥꦤ꧀ꦢꦥ꧀ꦠꦤ꧀"
	keypad "$s" 1
	ok "utf8 $size: 1 opens it, keypad only" tui_wait_text "$s" "Café"
	ok "utf8 $size: its title is on the screen whole" \
		tui_wait_text "$s" "تسجيل"
	tui_stop "$s"
done

# Escape sequences a VT100's terminfo does not list: swallowed whole.
s=esc
kiosk "$s" 80 24 vt100
tui_wait "$s" "Welcome" >/dev/null
keypad "$s" 2
title "escape: the main menu" "$s" "Main menu"
for seq in "1b 5b 34 7e" "1b 5b 31 7e" "1b 5b 31 35 7e" "1b 5b 31 3b 35 41" \
	"1b 4f 50" "1b 5b 32 7e"; do
	tui_tmux send-keys -t "=$s:" -H $seq
	sleep 0.2	# let a wrong reading happen before looking
	ok "escape: ESC $(echo "$seq" | cut -c4-) leaves the main menu as it was" \
		title_is "$s" "Main menu"
done
keypad "$s" 4
ok "escape: and the keypad still works after them" tui_wait "$s" "Complaints"
tui_stop "$s"

done_testing
