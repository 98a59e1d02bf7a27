#!/bin/sh
# Speech, first part: the kiosk's screens are spoken by a process of its
# own through espeak-ng, into a directory of WAV files with a log of the
# texts; any key cancels a long utterance; nothing it prints reaches the
# terminal; a speech process that dies is started again.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui-lib.sh"

# A service whose requirements take long to say.
awk '{ print }
/^requirements.en = Aged 17 or over/ {
	for (i = 1; i <= 40; i++) printf "requirements.en = Extra requirement number %d to be read aloud slowly\n", i
}' "$top_srcdir/data/demo-catalog.txt" >"$TMP/long.txt"
db=$TMP/speech.db
"$LOKET" --db "$db" catalog import "$TMP/long.txt" >/dev/null
wav=$TMP/wav
mkdir -p "$wav"
printf '[speech]\nsink = wav\ndirectory = %s\n' "$wav" >"$TMP/speech.conf"
log=$wav/speech.log

spoken() {	# spoken TEXT: wait until the log has a line holding TEXT
	_tui_poll 10 grep -qF -- "$1" "$log"
}

tui_start s 80 24 vt100 "$LOKET" --db "$db" --config "$TMP/speech.conf"
ok "the welcome screen is spoken" spoken "Selamat datang. Pilih bahasa."
tui_keys s 2
ok "the main menu is spoken in English" spoken "	en	Main menu. What do you need?"
tui_keys s 3
ok "service information is spoken" spoken "Service information. Choose an agency"
n=$(ls "$wav"/*.wav | wc -l)
check "one WAV file per utterance" "$n" -eq "$(grep -c '	\(id\|en\)	' "$log")"
check "the WAV files hold sound" "$(head -c 4 "$(ls "$wav"/*.wav | head -n 1)")" = RIFF
tui_keys s 9
ok "a search screen is spoken" spoken "Search services."
tui_type s "akta"
tui_keys s Enter
ok "the result is spoken" spoken "services match"

tui_keys s Escape Escape
tui_wait s "Service information" >/dev/null
tui_keys s 1
tui_wait s "1. New Electronic Identity Card" >/dev/null
tui_keys s 1
tui_wait s "1. Requirements" >/dev/null
tui_keys s 1
tui_keys s 0
ok "a key during a long text cancels it" spoken "cancel	New Electronic Identity Card (kay tee pee e el): Requirements."
tui_screen s >"$TMP/screen"
lacks "nothing from the synthesizer reaches the terminal" "$TMP/screen" "espeak"

# Kill the speech process: the kiosk goes on and speaks again.
pid=$(tui_flag s '#{pane_pid}')
child=$(pgrep -P "$pid" | head -n 1)
check "the speech process is a child of the kiosk" -n "$child"
[ -n "$child" ] && kill -9 "$child"
tui_keys s 0
ok "the kiosk goes on after the speech process died" tui_wait s "Choose a service."
tui_keys s 0
tui_wait s "Search by keyword" >/dev/null
ok "speech comes back after it died" _tui_poll 10 sh -c "tail -n 1 '$log' | grep -q 'Service information. Choose an agency'"
tui_keys s C-x
check "the kiosk ends normally with speech on" "$(tui_dead_status s)" = 0
tui_stop s

# Speech off: nothing is spoken and no process runs.
tui_start quiet 80 24 vt100 "$LOKET" --db "$db"
tui_wait quiet "Selamat datang" >/dev/null
pid=$(tui_flag quiet '#{pane_pid}')
check "with speech off there is no speech process" -z "$(pgrep -P "$pid")"
tui_keys quiet C-x
tui_stop quiet

printf '[speech]\nsink = device\n' >"$TMP/device.conf"
"$LOKET" --db "$db" --lang=en --config "$TMP/device.conf" catalog show >/dev/null 2>"$TMP/err"
contains "a sink not built yet is refused honestly" "$TMP/err" "other sinks are not available yet"

done_testing
