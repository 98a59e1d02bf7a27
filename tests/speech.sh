#!/bin/sh
# Voice guidance, end to end: the real kiosk in tmux speaks through the
# real loket-speech and espeak-ng into a directory of WAV files with a log
# of the texts (the wav sink). It proves that every screen is heard as it
# shows (title, prompt, choices), the focused choice and typed input too,
# errors naming their field; that any key cancels a long text; that the
# help screen's voice keys change rate, volume, voice and headset mode,
# and that the next citizen starts from the defaults; that PINs and
# personal data are not spoken outside headset mode; the idle warning is
# heard; a speech process that dies, even on text that crashes espeak-ng,
# is started again and the kiosk goes on; nothing reaches the terminal;
# with no sound device the status line says so once; the desk is silent
# until its operator turns the voice on; and the board says each call
# twice after a chime, never cut, never again after a restart.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui-lib.sh"

# A service whose requirements take long to say.
awk '{ print }
/^requirements.en = Aged 17 or over/ {
	for (i = 1; i <= 40; i++) printf "requirements.en = Extra requirement number %d to be read aloud slowly\n", i
}' "$top_srcdir/data/demo-catalog.txt" >"$TMP/long.txt"
db=$TMP/speech.db
"$LOKET" --db "$db" init >/dev/null
"$LOKET" --db "$db" catalog import "$TMP/long.txt" >/dev/null
wav=$TMP/wav
mkdir -p "$wav"
printf '[speech]\nsink = wav\ndirectory = %s\n' "$wav" >"$TMP/speech.conf"
log=$wav/speech.log
touch "$log"

count_is() {	# count_is N FILE PATTERN: N lines of FILE hold PATTERN
	[ "$(grep -c -- "$3" "$2" 2>/dev/null)" -eq "$1" ]
}
spoken() {	# spoken TEXT: wait until the log has a line holding TEXT
	_tui_poll 10 grep -qF -- "$1" "$log"
}
lines() {	# lines: how many lines the log has
	wc -l <"$log" | tr -d ' '
}
_after() {	# _after N TEXT: a line after the first N holds TEXT
	tail -n "+$(($1 + 1))" "$log" | grep -qF -- "$2"
}
spoken_after() {	# spoken_after N TEXT: wait for TEXT after line N
	_tui_poll 10 _after "$1" "$2"
}
title() {	# title NAME: the screen's first line, as drawn
	tui_screen "$1" | head -n 1 | sed 's/ *$//'
}

tui_start s 80 24 vt100 "$LOKET" --db "$db" --config "$TMP/speech.conf"
ok "the welcome screen is spoken, with its choices" \
	spoken "Selamat datang. Pilih bahasa. Welcome. Choose a language. satu. Bahasa Indonesia. dua. English."
ok "each utterance is logged with its language, rate and volume" \
	grep -q "^0001	id	150	80	" "$log"
tui_keys s 2
ok "the main menu is spoken in English" spoken "	en	150	80	Main menu. What do you need?"
check "what is heard is what the screen shows" -n "$(grep -F "	$(title s). " "$log")"
n=$(lines)
tui_keys s Down
ok "the choice the cursor moves to is spoken" spoken_after "$n" "	two. Check application status"
tui_keys s 3
ok "service information is spoken" spoken "Service information. Choose an agency"
check "what is heard is what the screen shows" -n "$(grep -F "	$(title s). " "$log")"
c=$(ls "$wav"/*.wav | wc -l)
check "one WAV file per utterance" "$c" -eq "$(grep -c '	\(id\|en\)	' "$log")"
check "the WAV files hold sound" "$(head -c 4 "$(ls "$wav"/*.wav | head -n 1)")" = RIFF

tui_keys s 9
ok "a search screen is spoken, with its field" spoken "Search services. Type a word, such as kay tee pee or akta, then press Enter. Keyword:"
n=$(lines)
tui_type s "k"
ok "a typed letter is spoken" spoken_after "$n" "	en	150	80	kay"
n=$(lines)
tui_keys s BSpace
ok "rubbing it out is spoken" spoken_after "$n" "	deleted"
n=$(lines)
tui_keys s Enter
ok "an error is spoken and names its field" spoken_after "$n" "Keyword: Nothing was typed. Type your answer, then press Enter."
tui_type s "akta"
tui_keys s Enter
ok "the result is spoken" spoken "services match"

# A key during a long text cancels it.
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

# The voice settings, one key each on the help screen.
tui_keys s '#'
ok "help offers the voice settings, spoken" spoken "three. Voice guidance is on: press to turn it off. four. Slower voice."
tui_keys s 4
ok "4 makes the voice slower" spoken "	en	125	80	Help and settings. Slower: one hundred and twenty-five words a minute."
tui_keys s 7
ok "7 makes it louder" spoken "	en	125	90	Help and settings. Louder: volume ninety of one hundred."
tui_keys s 7 7
ok "never louder than 100" spoken "	en	125	100	Help and settings. This is already the loudest voice"
tui_keys s 3
ok "turning the voice off is still heard" spoken "	Voice guidance is off. Press"
n=$(lines)
tui_keys s 0
tui_wait s "Search by keyword" >/dev/null
tui_keys s '*'
tui_keys s '#'
tui_wait s "Voice guidance is off: press" >/dev/null
check "with the voice off nothing is spoken" "$(lines)" -eq "$n"
tui_keys s 3
ok "3 turns it on again" spoken_after "$n" "Voice guidance is on."

# A ticket with a phone number: personal data is not spoken without a
# headset; the next citizen gets the default voice back.
go() {	# go KEY TEXT: press KEY on the kiosk, wait until it shows TEXT
	tui_keys s "$1"
	tui_wait s "$2" >/dev/null
}
go 0 "Search by keyword"
go 0 "Main menu"
go 1 "Take a queue number"
go 1 "1. New Electronic Identity Card"
go 1 "1. No, normal lane"
go 1 "2. Yes, type my phone number"
go 2 "Phone:"
n=$(lines)
tui_type s "0812"
entered() {	# entered N AFTER: N keys said "digit entered" after line AFTER
	[ "$(tail -n "+$(($2 + 1))" "$log" | grep -c '	digit entered$')" -eq "$1" ]
}
ok "typed phone digits are not spoken outside headset mode" \
	_tui_poll 10 entered 4 "$n"
_after "$n" "	nol$" && ok "the digits themselves are never heard" false
tui_type s "34567890"
tui_keys s Enter
ok "the confirmation is spoken" spoken "Check before taking the ticket."
lacks "the number's end is not spoken without a headset" "$log" "7890"
ok "it says personal data is hidden, and how to hear it" spoken "Personal data is on the screen but not spoken"
tui_keys s '#'
tui_wait s "Headset mode is off" >/dev/null
tui_keys s 8
ok "8 turns headset mode on" spoken "Headset mode is on: personal data is spoken."
tui_keys s 0
ok "in headset mode the personal data is spoken" spoken "Text message: to the number ending in"
tui_keys s 1
ok "the ticket is spoken" spoken "Your number is"
tui_keys s 0
ok "the next citizen gets the default voice" spoken "	id	150	80	Mal Pelayanan Publik Kabupaten Sukamaju. Selamat datang."

tui_keys s C-x
check "the kiosk ends normally with speech on" "$(tui_dead_status s)" = 0
tui_stop s

# The idle warning is heard.
printf '[speech]\nsink = wav\ndirectory = %s\n[kiosk]\nidle_timeout = 10\n' \
	"$wav" >"$TMP/idle.conf"
tui_start i 80 24 vt100 "$LOKET" --db "$db" --config "$TMP/idle.conf"
tui_keys i 2
tui_wait i "Main menu" >/dev/null
ok "the idle warning is spoken with its countdown" \
	_tui_poll 20 grep -qF "Are you still there? This session ends in thirty seconds." "$log"
tui_keys i C-x
tui_stop i

# Text that makes espeak-ng 1.51 abort: the kiosk goes on, speech returns.
crash=$(awk 'BEGIN { for (i = 0; i < 80; i++) printf "s'"'"'" }')
awk -v crash="$crash" '{ print }
/^requirements.en = Aged 17 or over/ { print "requirements.en = " crash }' \
	"$top_srcdir/data/demo-catalog.txt" >"$TMP/crash.txt"
"$LOKET" --db "$TMP/crash.db" init >/dev/null
"$LOKET" --db "$TMP/crash.db" catalog import "$TMP/crash.txt" >/dev/null
rm -f "$wav"/*
: >"$log"
tui_start c 80 24 vt100 "$LOKET" --db "$TMP/crash.db" --config "$TMP/speech.conf" \
	--log "$TMP/crash.log"
tui_keys c 2
tui_wait c "Main menu" >/dev/null
tui_keys c 3 1 1
tui_wait c "1. Requirements" >/dev/null
tui_keys c 1
tui_wait c "Aged 17 or over" >/dev/null
ok "the synthesizer's crash is seen and logged" \
	_tui_poll 10 grep -q "speech process .* ended by signal\|speech process .* gone" "$TMP/crash.log"
n=$(lines)
tui_keys c 0
ok "the console survives it" tui_wait c "2. Procedure"
ok "speech returns afterwards" spoken_after "$n" "New Electronic Identity Card (kay tee pee e el). Choose what you want to know"
tui_keys c C-x
check "the kiosk ends normally after the crash" "$(tui_dead_status c)" = 0
tui_stop c

# Word echo: a word is heard when it is finished.
printf '[speech]\nsink = wav\ndirectory = %s\necho = word\n' "$wav" >"$TMP/word.conf"
: >"$log"
tui_start w 80 24 vt100 "$LOKET" --db "$db" --config "$TMP/word.conf"
tui_keys w 2
tui_wait w "Main menu" >/dev/null
tui_keys w 3 9
spoken "Search services."
n=$(lines)
tui_type w "akta "
ok "with echo = word the word is spoken once it ends" spoken_after "$n" "	en	150	80	akta"
check "and its letters are not" "$(tail -n "+$((n + 1))" "$log" | grep -vc '	cancel	')" -eq 1
tui_keys w C-x
tui_stop w

# Speech off: nothing is spoken and no process runs.
printf '[speech]\nsink = off\n' >"$TMP/off.conf"
tui_start quiet 80 24 vt100 "$LOKET" --db "$db" --config "$TMP/off.conf"
tui_wait quiet "Selamat datang" >/dev/null
pid=$(tui_flag quiet '#{pane_pid}')
check "with speech off there is no speech process" -z "$(pgrep -P "$pid")"
tui_keys quiet '#'
tui_wait quiet "Help and settings" >/dev/null
tui_screen quiet >"$TMP/screen"
lacks "with speech off help offers no voice settings" "$TMP/screen" "Slower voice"
tui_keys quiet C-x
tui_stop quiet

# The default sink is the sound device; this machine has none (or the
# test hides it): the status line says so once, and the kiosk goes on.
unset PULSE_SERVER
tui_start dev 80 24 vt100 env -u PULSE_SERVER ALSA_CONFIG_PATH=/dev/null \
	"$LOKET" --db "$db" --lang en --log "$TMP/dev.log"
ok "without a sound device the status line says so" \
	tui_wait dev "Voice guidance cannot be heard: the sound output does not work here."
ok "and the log says why" grep -q "speech: unavailable" "$TMP/dev.log"
tui_keys dev 2
ok "the kiosk works on without sound" tui_wait dev "Main menu"
tui_screen dev >"$TMP/screen"
lacks "the notice is said once, not on every screen" "$TMP/screen" "cannot be heard"
tui_keys dev C-x
check "the kiosk ends normally without sound" "$(tui_dead_status dev)" = 0
tui_stop dev

# "loket say": the office's IT staff check where the voice goes.
"$LOKET" --db "$db" --config "$TMP/speech.conf" say "Tes suara, nomor A-012"
check "loket say speaks through the configured sink and exits 0" $? -eq 0
ok "what it said is in the log, made speakable" spoken "	id	150	80	Tes suara, nomor a dua belas"
env -u PULSE_SERVER ALSA_CONFIG_PATH=/dev/null "$LOKET" --db "$db" --lang en say "Sound check" 2>"$TMP/err"
check "loket say without a sound device exits 1" $? -eq 1
contains "and says why it could not be heard" "$TMP/err" "the text could not be heard: no sound device"
"$LOKET" --db "$db" --lang en --config "$TMP/off.conf" say "Sound check" 2>"$TMP/err"
check "loket say with speech off exits 1" $? -eq 1
contains "and says speech is off" "$TMP/err" "speech is off here"

# No speech program at all (a broken install): said once, as no sound.
tui_start nop 80 24 vt100 env LOKET_SPEECH=/nonexistent/loket-speech \
	"$LOKET" --db "$db" --lang en --config "$TMP/speech.conf" --log "$TMP/nop.log"
ok "a missing speech program shows as no sound" \
	tui_wait nop "Voice guidance cannot be heard"
ok "and the log names the program" grep -q "cannot run /nonexistent/loket-speech" "$TMP/nop.log"
tui_keys nop C-x
check "the kiosk ends normally without its speech program" "$(tui_dead_status nop)" = 0
tui_stop nop

printf '[speech]\nsink = wav\n' >"$TMP/nodir.conf"
"$LOKET" --db "$db" --lang=en --config "$TMP/nodir.conf" >/dev/null 2>"$TMP/err"
contains "the wav sink without a directory is refused, naming the fix" "$TMP/err" "sink = wav needs a directory"

# The desk is silent by default; its operator turns the voice on under #,
# and a password is heard only as "character entered".
echo "rahasia123" | "$LOKET" --db "$db" user add ani >/dev/null
dwav=$TMP/desk
mkdir -p "$dwav"
dlog=$dwav/speech.log
printf '[speech]\nsink = wav\ndirectory = %s\n' "$dwav" >"$TMP/desk.conf"
tui_start d 80 24 vt100 "$LOKET" --db "$db" --lang en --config "$TMP/desk.conf" desk
tui_wait d "Name:" >/dev/null
pid=$(tui_flag d '#{pane_pid}')
check "the desk starts without a voice" -z "$(pgrep -P "$pid")"
tui_type d "ani"
tui_keys d Enter
tui_wait d "Password:" >/dev/null
tui_keys d '#'
ok "the desk's help offers the voice, off" tui_wait d "Voice guidance is off: press to turn it on"
tui_keys d 3
ok "3 turns the desk's voice on" _tui_poll 10 grep -qF "Voice guidance is on." "$dlog"
tui_keys d 0
tui_wait d "Password:" >/dev/null
tui_type d "rahasia123"
ok "each password key is heard as 'character' or 'digit entered'" \
	_tui_poll 10 count_is 10 "$dlog" '	\(character\|digit\) entered$'
lacks "the password is never spoken" "$dlog" "rahasia"
tui_keys d C-x
tui_stop d

# The board: a chime, then each call twice, queued; nothing after a restart.
bwav=$TMP/board
mkdir -p "$bwav"
printf '[speech]\nsink = wav\ndirectory = %s\n' "$bwav" >"$TMP/board.conf"
blog=$bwav/speech.log
board() {	# board NAME: the board in English on the test database
	tui_start "$1" 80 24 vt100 "$LOKET" --db "$db" --lang en \
		--config "$TMP/board.conf" board
	tui_wait "$1" "People waiting" >/dev/null
}
said() {	# said: the log without numbers, rates and volumes
	sed 's/^[0-9]*	//; s/	[0-9]*	[0-9]*	/	/' "$blog"
}
for i in 1 2 3; do
	"$LOKET" --db "$db" ticket take ktp-el-baru >/dev/null
done
board b
"$LOKET" --db "$db" ticket call --counter 1 >/dev/null
"$LOKET" --db "$db" ticket call --counter 1 >/dev/null
ok "the board says both calls" _tui_poll 15 count_is 2 "$blog" 'Ticket A two, please go to counter one'
said >"$TMP/board.said"
printf '%s\n' "chime	80" \
	"en	Ticket A one, please go to counter one" \
	"en	Ticket A one, please go to counter one" \
	"chime	80" \
	"en	Ticket A two, please go to counter one" \
	"en	Ticket A two, please go to counter one" >"$TMP/board.want"
ok "a chime, then each call twice, in order, none cut" cmp -s "$TMP/board.said" "$TMP/board.want" ||
	sed 's/^/# /' "$TMP/board.said"
check "one WAV per chime and call" "$(ls "$bwav"/*.wav | wc -l)" -eq 6
tui_keys b 6
ok "6 makes the board softer" tui_wait b "volume 70 of 100"
tui_keys b '*'
ok "* says the last call again, softer" _tui_poll 10 grep -q "	en	150	70	Ticket A two" "$blog"
tui_keys b q
tui_stop b
n=$(wc -l <"$blog")
board b2
"$LOKET" --db "$db" ticket call --counter 1 >/dev/null
ok "a restarted board says a new call" _tui_poll 15 count_is 2 "$blog" 'Ticket A three'
check "and no old call again" "$(tail -n "+$((n + 1))" "$blog" | grep -c 'Ticket A one\|Ticket A two')" -eq 0
tui_keys b2 q
tui_stop b2

done_testing
