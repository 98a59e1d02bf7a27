#!/bin/sh
# A whole office on one database, each in its own real terminal: a kiosk
# gives a ticket, a desk calls and serves it, and the board shows the
# call and its announcement.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui-lib.sh"

db=$TMP/office.db
make_db "$db"
echo "rahasia123" | "$LOKET" --db "$db" user add ani >/dev/null
log=$TMP/board.log

tui_start board 80 24 linux "$LOKET" --db "$db" --lang en --log "$log" board
ok "the board starts empty" tui_wait board "Nobody has been called yet today."
tui_start kiosk 80 24 vt100 "$LOKET" --db "$db"
tui_start desk 80 24 vt100 "$LOKET" --db "$db" --lang en desk

# The kiosk: English, take a number, Dukcapil, KTP-el, normal lane,
# no text message, take it.
tui_wait kiosk "Selamat datang" >/dev/null
# Each key once the screen it answers is there.
for step in "2:Main menu" "1:Take a queue number" "1:Choose the service you came for" \
    "1:Do you need the priority lane" "1:A text message when your turn"; do
	tui_keys kiosk "${step%%:*}"
	tui_wait_text kiosk "${step#*:}" >/dev/null
done
tui_keys kiosk 1
ok "the kiosk confirms before taking" tui_wait kiosk "Check before taking the ticket"
tui_keys kiosk 1
ok "the kiosk gives ticket A-001" tui_wait kiosk "Your number is A-001"
ok "the board counts one waiting" tui_wait_text board "KTP-el) 1"

# The desk: log in at counter 1, call the next.
ok "the desk asks for the operator" tui_wait desk "Type your operator name"
tui_type desk ani
tui_keys desk Enter
tui_wait desk "Type your password" >/dev/null
tui_type desk rahasia123
tui_keys desk Enter
ok "after the password the desk asks for the counter" tui_wait desk "Choose your counter"
tui_keys desk 1
ok "the desk shows who waits" tui_wait desk "1 waiting"
tui_keys desk 1
ok "1 at the desk calls A-001" tui_wait desk "Called A-001 to counter 1."
ok "the board announces the call" tui_wait_text board "Ticket A one, please go to counter one"
ok "the board shows the ticket with its counter" tui_wait board "Counter"
contains "the announcement is in the board's log" "$log" "announce: Ticket A one, please go to counter one"

tui_keys desk 3
ok "3 starts serving" tui_wait desk "Ticket A-001 is being served."
tui_keys desk 2
ok "a recall of a ticket being served is refused, with the reason" tui_wait desk "is being served at counter 1"
tui_keys desk 4
tui_wait desk "How did it end?" >/dev/null
tui_keys desk 1
ok "4 then 1 finishes it" tui_wait desk "Ticket A-001 is done."
ok "the desk's figures count it" tui_wait desk "Today: 1 served"

# A priority ticket: the desk shows its lane with the call, so that the
# operator knows an elderly citizen is coming (issue 9, point 19).
"$LOKET" --db "$db" ticket take ktp-el-baru --priority elderly >/dev/null
tui_keys desk 1
ok "the desk calls the elderly citizen's ticket, naming the lane" \
	tui_wait_text desk "Called A-002 to counter 1. Priority lane: Elderly (60 or older)."
ok "... and the desk's prompt keeps the lane" \
	tui_wait_text desk "Ticket A-002 is called. Priority lane: Elderly (60 or older)."
tui_keys desk 5
ok "5 marks it not present" tui_wait_text desk "Ticket A-002 is not present."
tui_keys kiosk 1
ok "the kiosk is ready for the next citizen" tui_wait kiosk "Selamat datang"

# A phone number starts with 0: in the field, 0 is a digit, not "back".
for step in "2:Main menu" "1:Take a queue number" "1:Choose the service you came for" \
    "1:Do you need the priority lane" "1:A text message when your turn" \
    "2:Type your mobile number"; do
	tui_keys kiosk "${step%%:*}"
	tui_wait_text kiosk "${step#*:}" >/dev/null
done
tui_type kiosk 081234567890
tui_keys kiosk Enter
ok "a phone number starting with 0 can be typed on the keypad" \
	tui_wait kiosk "ending in 7890"
tui_keys kiosk 1
ok "the ticket is given" tui_wait kiosk "Your number is A-003"
check "the number is kept on the ticket" "$(sqlite3 "$db" "SELECT phone FROM ticket WHERE number = 3")" = 081234567890

tui_keys desk 0
ok "0 logs the operator out" tui_wait desk "Type your operator name"

done_testing
