#!/bin/sh
# "Check application status" and "Complaints" at the real kiosk in tmux,
# driven with a
# 12-key keypad only (digits, * and #), at 80x24 on a VT100 and at 40x12,
# in English and Indonesian, heard through the WAV sink's log: a wrong
# check digit is caught before any lookup, the right number shows and
# speaks the state, its note, since when and what to do next, and never
# the applicant's name or NIK; a complaint is filed and its number read
# back with the keypad alone (issue 12).
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui-lib.sh"

db=$TMP/k.db
make_db "$db" || { echo "Bail out! cannot make the database"; exit 1; }
L() { "$LOKET" --lang=en --db "$db" "$@"; }
name="Siti Nurhaliza — Café محمد"
nik=3201015203850002
tracking=$(L application add ktp-el-baru --name "$name" --nik "$nik" --json |
	sed -n 's/.*"tracking":"\([0-9]*\)".*/\1/p')
L application update "$tracking" --state documents-needed \
	--note "Surat pengantar RT/RW — asli" >/dev/null ||
	echo "Bail out! cannot update the application"
# The same number with its last digit wrong, and with two digits swapped.
last=$(printf '%s' "$tracking" | cut -c12)
wrong="$(printf '%s' "$tracking" | cut -c1-11)$(( (last + 1) % 10 ))"

mkdir -p "$TMP/wav"
printf '[office]\nhours = mon-sun 00:00-24:00\n[speech]\nsink = wav\ndirectory = %s\n%s\n' \
	"$TMP/wav" "$NOTIFY_CONF" >"$TMP/wav.conf"
kiosk() {	# kiosk NAME COLS ROWS TERM LANG
	tui_start "$1" "$2" "$3" "$4" "$LOKET" --db "$db" \
		--config "$TMP/wav.conf" --log "$TMP/loket.log" --lang="$5"
}
keypad() { tui_keypad "$@"; }
digits() {	# digits NAME NUMBER: type a number digit by digit
	_d_name=$1
	_d_rest=$2
	while [ -n "$_d_rest" ]; do
		keypad "$_d_name" "$(printf '%s' "$_d_rest" | cut -c1)"
		_d_rest=$(printf '%s' "$_d_rest" | cut -c2-)
	done
}

s=kvt
kiosk "$s" 80 24 vt100 en
tui_wait "$s" "Welcome. Choose a language." >/dev/null
keypad "$s" 2 2
ok "80x24: 2 on the main menu opens the status check" \
	tui_wait "$s" "Type the tracking number on your receipt"
digits "$s" "$wrong"
keypad "$s" '#'
ok "a wrong check digit is caught before any lookup" \
	tui_wait_text "$s" "The number is not valid: a digit is wrong or two are swapped."
ok "... and it is heard" _tui_poll "$TUI_TIMEOUT" grep -qF \
	"The number is not valid" "$TMP/wav/speech.log"
ok "... and the field is empty again for the number" \
	tui_wait "$s" "Type the tracking number on your receipt"
digits "$s" "$tracking"
keypad "$s" '#'
ok "the right number shows the state" tui_wait "$s" "State: Documents needed."
ok "... the note: which documents" tui_wait_text "$s" \
	"Note: Surat pengantar RT/RW — asli"
ok "... what to do next" tui_wait_text "$s" \
	"Bring the documents named here to the office."
ok "... since when" tui_wait "$s" "Since: "
ok "the state is heard" _tui_poll "$TUI_TIMEOUT" grep -qF \
	"State, Documents needed." "$TMP/wav/speech.log"
ok "... the date as a date, not digit by digit" grep -qE \
	"Since, [A-Z][a-z]+day, the [a-z-]+ of [A-Z][a-z]+ two thousand" \
	"$TMP/wav/speech.log"
tui_screen "$s" >"$TMP/screen"
lacks "no name on the screen" "$TMP/screen" "Nurhaliza"
lacks "no NIK on the screen, not even its last digits" "$TMP/screen" "0002"
keypad "$s" 0
ok "0 goes back to check another number" \
	tui_wait "$s" "Type the tracking number on your receipt"
tui_stop "$s"

s=ksmall
kiosk "$s" 40 12 vt100 id
tui_wait "$s" "Selamat datang." >/dev/null
keypad "$s" 1 2
ok "40x12, Indonesian: the status check" \
	tui_wait_text "$s" "Ketik nomor pelacakan"
digits "$s" "$tracking"
keypad "$s" '#'
ok "40x12: the state fits and is translated" tui_wait_text "$s" "Perlu dokumen"
tui_stop "$s"

# A complaint with the keypad alone: Complaints, File, an agency, a
# service, "An officer's conduct", without words, file it.
s=kcomplaint
kiosk "$s" 80 24 linux en
tui_wait "$s" "Welcome. Choose a language." >/dev/null
keypad "$s" 2 4 1 1 1 2 1
ok "with a transport, a text message for the answer is offered" \
	tui_wait "$s" "Do you want a text message when your complaint"
keypad "$s" 2 0 8 1 2 9 8 7 6 5 4 3 2 '#' 1
ok "a complaint filed with the keypad alone" tui_wait "$s" "Complaint number: "
number=$(tui_screen "$s" | sed -n 's/.*Complaint number: \([0-9-]*\).*/\1/p')
ok "... the number is heard" _tui_poll "$TUI_TIMEOUT" grep -qF \
	"Your complaint is filed" "$TMP/wav/speech.log"
check "... and stored, about an officer's conduct, with the phone" \
	"$(sqlite3 "$db" "SELECT kind || ' ' || phone FROM complaint WHERE \
	tracking = '$(printf '%s' "$number" | tr -d -)'")" = \
	"conduct 081298765432"
keypad "$s" 1
tui_wait "$s" "Welcome. Choose a language." >/dev/null
keypad "$s" 2 4 2
digits "$s" "$(printf '%s' "$number" | tr -d -)"
keypad "$s" '#'
ok "its number read back shows it waits for an answer" tui_wait "$s" \
	"State: Received, waiting for an answer."
tui_stop "$s"

lacks "the speech log never holds the name" "$TMP/wav/speech.log" "Nurhaliza"
lacks "... nor the NIK" "$TMP/wav/speech.log" "$nik"
done_testing
