#!/bin/sh
# A kiosk asks the centre about an application registered at another
# office (issue 12): in line mode and in the real kiosk in tmux with a
# keypad only. The centre's answer is shown and said; while it is slow
# the kiosk says it is searching and still answers keys; when the centre
# cannot be reached, the office's own copy is shown "as of" its last sync,
# and a number nobody knows is said to be unknown. A complaint's answer
# from the centre is read at the kiosk with the keypad after a sync, and
# one filed at another office is found at the centre the same way.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui-lib.sh"
. "$top_srcdir/tests/centre-lib.sh"
. "$top_srcdir/tests/sync-check.sh"

centre=$TMP/centre.db
"$LOKETD" --db "$centre" init >/dev/null
code_a=$("$LOKETD" --db "$centre" office add KEC01 --name Satu 2>/dev/null)
code_b=$("$LOKETD" --db "$centre" office add KEC02 --name Dua 2>/dev/null)
a=$TMP/a.db
b=$TMP/b.db
make_db "$a"
make_db "$b"
A() { "$LOKET" --lang=en --db "$a" "$@"; }
B() { "$LOKET" --lang=en --db "$b" "$@"; }
sync_centre_start "$centre"
check "loketd serves on a loopback port" -n "$CENTRE"
# The centre's traps replaced tmux's: both, at the end.
trap 'tui_tmux kill-server >/dev/null 2>&1; sync_cleanup' EXIT
proxy_start
check "a fault proxy stands before it" $? -eq 0
ok "office A enrols" A sync enrol "$CENTRE" "$code_a"
ok "office B enrols, through the proxy" B sync enrol "$PROXY" "$code_b"

app=$(A application add ktp-el-baru --name "Siti Nurhaliza" \
	--nik 3201015203850002 --json |
	sed -n 's/.*"tracking":"\([0-9]*\)".*/\1/p')
ok "A's desk marks it ready" A application update "$app" --state ready \
	--note "Loket 2 — lantai 1"
ok "A syncs" A sync

# Line mode at office B: the kiosk's main menu, 2, the number.
keypad_number() { # keypad_number NAME NUMBER: its digits, then #
	for digit in $(printf '%s' "$2" | sed 's/./& /g'); do
		tui_keypad "$1" "$digit"
	done
	tui_keypad "$1" '#'
}
kiosk_b() { printf '2\n2\n%s\n' "$1" | "$LOKET" --db "$b" --line >"$TMP/out" 2>&1; }
kiosk_b "$app"
contains "office B's kiosk shows an application of office A" "$TMP/out" \
	"State: Ready for pickup."
contains "... with its note" "$TMP/out" "Note: Loket 2 — lantai 1"
contains "... the service by its name" "$TMP/out" \
	"Service: New Electronic Identity Card (KTP-el)"
contains "... as the centre knows it" "$TMP/out" "As the centre knows it now."
lacks "... never the name" "$TMP/out" "Nurhaliza"
check "B's database holds nothing of it" \
	"$(sqlite3 "$b" "SELECT count(*) FROM application")" = 0

unknown=100000000004	# a right check digit, registered nowhere
kiosk_b "$unknown"
contains "a number nobody knows is said to be unknown" "$TMP/out" \
	"No application with this number is known, here or at the centre."

# The centre away: B cannot know; A shows its own copy as of its sync.
printf 'refuse\nrefuse\nrefuse\n' >"$FAULTS"
kiosk_b "$app"
contains "the centre away: office B says it cannot know now" "$TMP/out" \
	"the centre cannot be reached now. Try again later"
: >"$FAULTS"
A sync enrol "$PROXY" "$code_a" >/dev/null 2>&1	# (a used code: no change)
sqlite3 "$a" "UPDATE sync_state SET value = '$PROXY' WHERE key = 'centre'"
printf 'refuse\nrefuse\nrefuse\n' >"$FAULTS"
printf '2\n2\n%s\n' "$app" | "$LOKET" --db "$a" --line >"$TMP/out" 2>&1
contains "office A shows its own copy" "$TMP/out" "State: Ready for pickup."
contains "... as of its last sync" "$TMP/out" "this is what this office knew as of"
: >"$FAULTS"

# The real kiosk at office B, keypad only, with a slow centre: it says it
# is searching, 0 still goes back at once, and a second try is answered.
mkdir -p "$TMP/wav"
printf '[speech]\nsink = wav\ndirectory = %s\n' "$TMP/wav" >"$TMP/wav.conf"
tui_start kb 80 24 vt100 "$LOKET" --db "$b" --config "$TMP/wav.conf" \
	--log "$TMP/loket.log" --lang=en
tui_wait kb "Welcome. Choose a language." >/dev/null
tui_keypad kb 2 2
tui_wait kb "Type the tracking number on your receipt" >/dev/null
printf 'delay 3\n' >"$FAULTS"
keypad_number kb "$app"
ok "a slow centre: the kiosk says it is searching" \
	tui_wait kb "Searching at the centre... Press 0 to go back."
tui_keypad kb 0
ok "... and 0 goes back at once, while it searches" \
	tui_wait kb "Type the tracking number on your receipt" 2
keypad_number kb "$app"
ok "asked again, the centre's answer comes" \
	tui_wait kb "State: Ready for pickup." 15
ok "... and is said" _tui_poll "$TUI_TIMEOUT" grep -qF \
	"State, Ready for pickup." "$TMP/wav/speech.log"
ok "the kiosk still runs" tui_alive kb
tui_stop kb

# A complaint filed at office B, answered at the centre, read at B's
# kiosk with the keypad once the agent has synced.
comp=$(B complaint add --service kia --kind slow --json |
	sed -n 's/.*"tracking":"\([0-9]*\)".*/\1/p')
: >"$FAULTS"
ok "office B pushes its complaint" B sync
ok "the centre answers it" "$LOKETD" --db "$centre" complaint reply "$comp" \
	--text "Maaf; loket kedua kini dibuka pukul 08.00."
ok "office B pulls the answer" B sync
tui_start kc 80 24 vt100 "$LOKET" --db "$b" --config "$TMP/wav.conf" \
	--log "$TMP/loket.log" --lang=en
tui_wait kc "Welcome. Choose a language." >/dev/null
tui_keypad kc 2 4 2
tui_wait kc "Type the complaint number" >/dev/null
keypad_number kc "$comp"
ok "the kiosk shows the centre's answer, read with the keypad" \
	tui_wait_text kc "Answer: Maaf; loket kedua kini dibuka pukul 08.00."
ok "... answered" tui_wait kc "State: Answered."
ok "... and it is heard" _tui_poll "$TUI_TIMEOUT" grep -qF \
	"Maaf; loket kedua kini dibuka" "$TMP/wav/speech.log"
tui_stop kc

# A complaint filed at office A, with a phone for the text message,
# answered at the centre and read at office B, which never had it: in
# line mode, and in the real kiosk with the keypad only while the centre
# is slow. Nothing personal is shown or said.
phone=081298765432
acomp=$(A complaint add --service ktp-el-baru --kind fee --phone "$phone" \
	--text "Diminta Rp50.000 oleh petugas" --json |
	sed -n 's/.*"tracking":"\([0-9]*\)".*/\1/p')
: >"$FAULTS"
ok "office A pushes a complaint with a phone" A sync
ok "the centre answers it" "$LOKETD" --db "$centre" complaint reply "$acomp" \
	--text "Biaya itu tidak sah; uang Anda dikembalikan di loket 3."
complaint_b() { # complaint_b NUMBER [LANGUAGE]: read an answer at B, line mode
	printf '%s\n4\n2\n%s\n' "${2:-2}" "$1" |
		"$LOKET" --db "$b" --line >"$TMP/out" 2>&1
}
complaint_b "$acomp"
contains "office B's kiosk reads the answer to a complaint filed at A" \
	"$TMP/out" "Answer: Biaya itu tidak sah; uang Anda dikembalikan di loket 3."
contains "... answered" "$TMP/out" "State: Answered."
contains "... the service by its name" "$TMP/out" \
	"Service: New Electronic Identity Card (KTP-el)"
contains "... as the centre knows it" "$TMP/out" "As the centre knows it now."
contains "... and where to take it further" "$TMP/out" \
	"Not satisfied? Take it to SP4N-LAPOR!"
lacks "... never the phone" "$TMP/out" "$phone"
lacks "... nor the complainant's words" "$TMP/out" "Diminta Rp50.000"
check "B's database holds nothing of it" \
	"$(sqlite3 "$b" "SELECT count(*) FROM complaint WHERE tracking = \
	'$acomp'")" = 0

complaint_b "$unknown"
contains "a complaint number nobody knows is said to be unknown" "$TMP/out" \
	"No complaint with this number is known, here or at the centre."
complaint_b "$unknown" 1
contains "... in the citizen's language (Indonesian)" "$TMP/out" \
	"Tidak ada pengaduan dengan nomor ini, di sini maupun di pusat."

printf 'refuse\nrefuse\nrefuse\n' >"$FAULTS"
complaint_b "$acomp"
contains "the centre away: office B says it cannot know the complaint now" \
	"$TMP/out" "the centre cannot be reached now. Try again later"
lacks "... and shows no answer" "$TMP/out" "Answer:"
printf 'refuse\nrefuse\nrefuse\n' >"$FAULTS"
printf '2\n4\n2\n%s\n' "$acomp" | "$LOKET" --db "$a" --line >"$TMP/out" 2>&1
contains "office A shows its own copy of the complaint" "$TMP/out" \
	"About: A fee not in the service standard"
contains "... as of its last sync" "$TMP/out" \
	"this is what this office knew as of"
lacks "... never the phone" "$TMP/out" "$phone"
: >"$FAULTS"

tui_start kd 80 24 vt100 "$LOKET" --db "$b" --config "$TMP/wav.conf" \
	--log "$TMP/loket.log" --lang=en
tui_wait kd "Welcome. Choose a language." >/dev/null
tui_keypad kd 2 4 2
tui_wait kd "Type the complaint number" >/dev/null
printf 'delay 3\n' >"$FAULTS"
keypad_number kd "$acomp"
ok "a slow centre: the kiosk says it is searching for the complaint" \
	tui_wait kd "Searching at the centre... Press 0 to go back."
tui_keypad kd 0
ok "... and 0 goes back at once, while it searches" \
	tui_wait kd "Type the complaint number" 2
keypad_number kd "$acomp"
ok "asked again, the centre's answer comes, read with the keypad" \
	tui_wait_text kd "Answer: Biaya itu tidak sah; uang Anda dikembalikan" 15
ok "... answered" tui_wait kd "State: Answered."
ok "... and it is heard" _tui_poll "$TUI_TIMEOUT" grep -qF \
	"Answer, Biaya itu tidak sah; uang Anda dikembalikan" \
	"$TMP/wav/speech.log"
lacks "... the phone never said" "$TMP/wav/speech.log" "$phone"
lacks "... nor its digits in words" "$TMP/wav/speech.log" \
	"eight seven six five four three two"
ok "the kiosk still runs" tui_alive kd
tui_stop kd

done_testing
