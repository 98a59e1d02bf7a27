#!/bin/sh
# Printed tickets: ESC/POS and plain text with a QR code, to a file, a
# device or a command; a missing or failing printer is reported, and the
# ticket stays valid and on screen.
. "${top_srcdir:-.}/tests/lib.sh"

db=$TMP/print.db
make_db "$db"
out=$TMP/out
err=$TMP/err
L="$LOKET --db $db --lang=en"

printf '[printer]\ntype = text\ndevice = %s\n' "$TMP/paper.txt" >"$TMP/text.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/text.conf"
$L --config "$TMP/text.conf" ticket take akta-kelahiran --print >"$out" 2>"$err"
check "a text printer prints and the command exits 0" $? -eq 0
contains "the paper has the office" "$TMP/paper.txt" "Mal Pelayanan Publik Kabupaten Sukamaju"
contains "the paper has the number" "$TMP/paper.txt" "D-001"
contains "the paper has the service" "$TMP/paper.txt" "Birth Certificate"
contains "the paper has the people ahead" "$TMP/paper.txt" "Nobody is ahead of you."
contains "the paper has the time in the office's zone" "$TMP/paper.txt" " WIB"
check "the paper has a QR code (rows of modules)" "$(grep -c '##  ' "$TMP/paper.txt")" -ge 20

printf '[printer]\ntype = escpos\ncommand = cat > %s\n' "$TMP/paper.bin" >"$TMP/escpos.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/escpos.conf"
$L --config "$TMP/escpos.conf" ticket take akta-kelahiran --print >"$out"
check "an ESC/POS printer through a command exits 0" $? -eq 0
check "the ESC/POS ticket starts by resetting the printer (ESC @)" "$(head -c 2 "$TMP/paper.bin" | od -An -tx1 | tr -d ' ')" = 1b40
check "the ESC/POS ticket holds a raster QR image (GS v 0)" "$(grep -c "$(printf '\035v0')" "$TMP/paper.bin")" -ge 1
check "the ESC/POS ticket ends with a cut (GS V)" "$(tail -c 4 "$TMP/paper.bin" | head -c 2 | od -An -tx1 | tr -d ' ')" = 1d56

printf '[printer]\ntype = escpos\ndevice = /dev/usb/lp-none\n' >"$TMP/missing.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/missing.conf"
$L --config "$TMP/missing.conf" ticket take akta-kelahiran --print >"$out" 2>"$err"
check "a missing printer exits 5" $? -eq 5
contains "a missing printer is named" "$err" "There is no printer at /dev/usb/lp-none"
contains "the ticket is still given" "$out" "Ticket D-003 for Birth Certificate."
check "the ticket exists in the database" "$(sqlite3 "$db" "SELECT count(*) FROM ticket")" = 3

printf '[printer]\ntype = text\ncommand = echo jammed >&2; exit 3\n' >"$TMP/fail.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/fail.conf"
$L --config "$TMP/fail.conf" ticket take akta-kelahiran --print >"$out" 2>"$err"
check "a failing print command exits 5" $? -eq 5
contains "a failing print command is reported" "$err" "The print command failed (status 3)."
lacks "the print command's own output never shows" "$err" "jammed"

# At the kiosk: the number stays on screen with the printer's trouble.
printf '2\n1\n1\n4\n1\n1\n1\n' | $L --config "$TMP/missing.conf" --line >"$out"
contains "the kiosk says the ticket was not printed" "$out" "The ticket was not printed: There is no printer at /dev/usb/lp-none"
contains "... that the number is valid" "$out" "is valid all the same: please note it down."
contains "... and shows the number" "$out" "== Your number is D-005 =="

printf '[printer]\ntype = text\ncommand = sleep 60\n' >"$TMP/hang.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/hang.conf"
$L --config "$TMP/hang.conf" ticket take akta-kelahiran --print >"$out" 2>"$err"
check "a print command that hangs is stopped (exit 5)" $? -eq 5
contains "... and reported" "$err" "The print command did not finish and was stopped."

printf '[printer]\ntype = laser\n' >"$TMP/bad.conf"
$L --config "$TMP/bad.conf" ticket take akta-kelahiran 2>"$err"
check "an unknown printer type is a configuration error (exit 2)" $? -eq 2
contains "the error names the key and the choices" "$err" '"type" must be one of none|text|escpos, not "laser"'

done_testing
