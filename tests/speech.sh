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
# twice after a chime, never cut, never again after a restart. And that
# what is said is ready for a listener: the welcome tells its keys and
# says its English half in the English voice; each line ends with a
# pause; ticket letters are letters and phone digits are digits; booking
# days are dates and their times are times; é, an em dash, Javanese and
# Arabic letters arrive whole; and loket say speaks amounts, dates, times
# and legal references in words in both languages. Every wait counts: one
# that times out fails.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui-lib.sh"

# A service whose requirements take long to say.
awk '{ print }
/^requirements.en = Aged 17 or over/ {
	print "requirements.en = A receipt from the caf\303\251 \342\200\224 \352\246\227\352\246\256 \330\263\331\204\330\247\331\205"
	for (i = 1; i <= 40; i++) printf "requirements.en = Extra requirement number %d to be read aloud slowly\n", i
}' "$top_srcdir/data/demo-catalog.txt" >"$TMP/long.txt"
db=$TMP/speech.db
"$LOKET" --db "$db" init >/dev/null
"$LOKET" --db "$db" catalog import "$TMP/long.txt" >/dev/null
wav=$TMP/wav
mkdir -p "$wav"
printf '[speech]\nsink = wav\ndirectory = %s\n' "$wav" >"$TMP/speech.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/speech.conf"
log=$wav/speech.log
touch "$log"

count_is() {	# count_is N FILE PATTERN: N lines of FILE hold PATTERN
	[ "$(grep -c -- "$3" "$2" 2>/dev/null)" -eq "$1" ]
}
spoken() {	# spoken TEXT: wait until the log has a line holding TEXT
	_tui_poll 10 grep -qF -- "$1" "$log" ||
		_tui_timed_out "\"$1\" in the speech log"
}
lines() {	# lines: how many lines the log has
	wc -l <"$log" | tr -d ' '
}
_after() {	# _after N TEXT: a line after the first N holds TEXT
	tail -n "+$(($1 + 1))" "$log" | grep -qF -- "$2"
}
spoken_after() {	# spoken_after N TEXT: wait for TEXT after line N
	_tui_poll 10 _after "$1" "$2" ||
		_tui_timed_out "\"$2\" in the speech log after line $1"
}
must() {	# must COMMAND...: a wait that times out fails the test
	"$@" >/dev/null 2>&1 && return 0
	_tap_result 1 "in time: $*"
	return 1
}
said_exactly() {	# said_exactly LANG TEXT: a line of the log is TEXT in LANG
	awk -F '\t' -v l="$1" -v t="$2" '$2 == l && $5 == t { f = 1 }
		END { exit !f }' "$log"
}
said_like() {	# said_like REGEX: a line of the log matches REGEX (grep -E)
	grep -qE -- "$1" "$log"
}
title() {	# title NAME: the screen's first line, as drawn
	tui_screen "$1" | head -n 1 | sed 's/ *$//'
}

tui_start s 80 24 vt100 "$LOKET" --db "$db" --config "$TMP/speech.conf"
ok "the welcome screen is spoken, with its choices and its keys" \
	_tui_poll 10 said_exactly id "Mal Pelayanan Publik Kabupaten Sukamaju. Selamat datang. Pilih bahasa. satu. Bahasa Indonesia. Tombol, bintang mengulang yang diucapkan, pagar membuka bantuan dan pengaturan, nol kembali."
ok "its English half is spoken after it, in the English voice" \
	_tui_poll 10 said_exactly en "Welcome. Choose a language. two. English. Keys, star repeats what was said, hash opens help and settings, zero goes back."
check "the Indonesian voice says no English" "$(grep -c '	id	.*\(Welcome\|English\)' "$log")" -eq 0
ok "each utterance is logged with its language, rate and volume" \
	grep -q "^0001	id	150	80	" "$log"
tui_keys s Down
ok "the English choice under the cursor is said in the English voice" \
	_tui_poll 10 said_exactly en "two. English"
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
ok "a search screen is spoken, with its field" spoken "Search services. Type a word, such as kay tee pee or akta, then press hash or Enter. Keyword."
n=$(lines)
tui_type s "k"
ok "a typed letter is spoken" spoken_after "$n" "	en	150	80	kay"
n=$(lines)
tui_keys s BSpace
ok "rubbing it out is spoken" spoken_after "$n" "	deleted"
n=$(lines)
tui_type s "é"
ok "a typed é is spoken whole" _tui_poll 10 _after "$n" "	en	150	80	é"
tui_keys s BSpace
must spoken_after "$n" "	deleted"
n=$(lines)
tui_keys s Enter
ok "an error is spoken and names its field" spoken_after "$n" "Keyword, Nothing was typed. Type your answer, then press hash."
tui_type s "akta"
tui_keys s Enter
ok "the result is spoken" spoken "services match"

# A key during a long text cancels it.
tui_keys s Escape Escape
must tui_wait s "Service information"
tui_keys s 1
must tui_wait s "1. New Electronic Identity Card"
tui_keys s 1
must tui_wait s "1. Requirements"
tui_keys s 1
tui_keys s 0
ok "é, an em dash, Javanese and Arabic letters of the catalog reach the synthesizer whole" \
	spoken "A receipt from the café — ꦗꦮ سلام."
ok "a key during a long text cancels it" spoken "cancel	New Electronic Identity Card (kay tee pee e el), Requirements."
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
must tui_wait s "Search by keyword"
ok "speech comes back after it died" _tui_poll 10 sh -c "tail -n 1 '$log' | grep -q 'Service information. Choose an agency'"

# The voice settings, one key each on the help screen.
tui_keys s '#'
ok "help offers the voice settings, spoken" spoken "three. Voice guidance is on, press to turn it off. four. Slower voice."
tui_keys s 4
ok "4 makes the voice slower" spoken "	en	125	80	Help and settings. Slower, one hundred and twenty-five words a minute."
tui_keys s 7
ok "7 makes it louder" spoken "	en	125	90	Help and settings. Louder, volume ninety of one hundred."
tui_keys s 7 7
ok "never louder than 100" spoken "	en	125	100	Help and settings. This is already the loudest voice"
tui_keys s 3
ok "turning the voice off is still heard" spoken "	Voice guidance is off. Press"
n=$(lines)
tui_keys s 0
must tui_wait s "Search by keyword"
tui_keys s '*'
tui_keys s '#'
must tui_wait s "Voice guidance is off: press"
check "with the voice off nothing is spoken" "$(lines)" -eq "$n"
tui_keys s 3
ok "3 turns it on again" spoken_after "$n" "Voice guidance is on."

# A ticket with a phone number: personal data is not spoken without a
# headset; the next citizen gets the default voice back.
go() {	# go KEY TEXT: press KEY on the kiosk, wait until it shows TEXT
	tui_keys s "$1"
	must tui_wait s "$2"
}
go 0 "Search by keyword"
go 0 "Main menu"
go 1 "Take a queue number"
go 1 "1. New Electronic Identity Card"
go 1 "1. No, the normal lane"
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
ok "each line of the screen ends with a pause, label and value apart" \
	_tui_poll 10 said_like "Service, New Electronic Identity Card \(kay tee pee e el\)\. Lane, [^.]+\. "
ok "it says personal data is hidden, and how to hear it" spoken "Personal data is on the screen but not spoken"
tui_keys s '#'
must tui_wait s "Headset mode is off"
tui_keys s 8
ok "8 turns headset mode on" spoken "Headset mode is on, personal data is spoken."
tui_keys s 0
ok "in headset mode the phone's last digits are spoken one by one" \
	spoken "Text message, to the number ending in seven eight nine zero."
tui_keys s 1
ok "the ticket's letter is spoken as a letter, not as \"a\"" \
	_tui_poll 10 said_like "	Your number is eh [a-z]"
tui_keys s 0
ok "the next citizen gets the default voice" spoken "	id	150	80	Mal Pelayanan Publik Kabupaten Sukamaju. Selamat datang."

tui_keys s C-x
check "the kiosk ends normally with speech on" "$(tui_dead_status s)" = 0
tui_stop s

# A fee with two cases: each case is a sentence of its own.
tui_start f 80 24 vt100 "$LOKET" --db "$db" --config "$TMP/speech.conf"
must tui_wait f "English"
tui_keys f 2
must tui_wait f "Main menu"
tui_keys f 3
must tui_wait f "Ministry of Religious Affairs"
tui_keys f 7
must tui_wait f "Marriage"
tui_keys f 1
must tui_wait f "4. Fee"
tui_keys f 4
ok "the two cases of a fee are two sentences" \
	spoken "during office hours. six hundred thousand rupiah when held outside the kay u eh office and or outside office hours (pee en bee pee, Government Regulation number fifty-nine of two thousand and eighteen), paid to the state treasury."
tui_keys f C-x
tui_stop f

# A booking: its days are said as dates, its times as times (Indonesian).
n=$(lines)
tui_start bk 80 24 vt100 "$LOKET" --db "$db" --config "$TMP/speech.conf"
must tui_wait bk "English"
tui_keys bk 1
must tui_wait bk "Menu utama"
tui_keys bk 6
must tui_wait bk "Pesan waktu kunjungan"
tui_keys bk 1
must tui_wait bk "KTP-el Baru"
tui_keys bk 1
must tui_wait bk "Pilih hari kunjungan Anda."
days='(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)'
months='(Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)'
ok "the days of a booking are said as dates" _tui_poll 10 said_like \
	"Pilih hari kunjungan Anda\. satu\. $days, [a-z ]+ $months dua ribu [a-z ]+\. dua\. $days, "
tui_keys bk 1
must tui_wait bk "Pilih jam kunjungan Anda."
ok "its times are said as times" _tui_poll 10 said_like \
	"Pilih jam kunjungan Anda\. satu\. pukul [a-z ]+ \(sisa [a-z ]+ tempat\)\."
tui_keys bk 1
must tui_wait bk "SMS sehari sebelumnya?"
tui_keys bk 1
must tui_wait bk "Periksa sebelum memesan"
ok "the visit is said as a day, a date and a time" _tui_poll 10 said_like \
	"Kunjungan, $days, [a-z ]+ $months dua ribu [a-z ]+ pukul [a-z ]+ we i be\."
check "nothing said for the booking holds a digit" \
	"$(tail -n "+$((n + 1))" "$log" | cut -f 5- | grep -c '[0-9]')" -eq 0
tui_keys bk C-x
tui_stop bk

# The idle warning is heard.
printf '[speech]\nsink = wav\ndirectory = %s\n[kiosk]\nidle_timeout = 10\n' \
	"$wav" >"$TMP/idle.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/idle.conf"
tui_start i 80 24 vt100 "$LOKET" --db "$db" --config "$TMP/idle.conf"
tui_keys i 2
must tui_wait i "Main menu"
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
must tui_wait c "Main menu"
tui_keys c 3 1 1
must tui_wait c "1. Requirements"
tui_keys c 1
must tui_wait c "Aged 17 or over"
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
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/word.conf"
: >"$log"
tui_start w 80 24 vt100 "$LOKET" --db "$db" --config "$TMP/word.conf"
tui_keys w 2
must tui_wait w "Main menu"
tui_keys w 3 9
must spoken "Search services."
n=$(lines)
tui_type w "akta "
ok "with echo = word the word is spoken once it ends" spoken_after "$n" "	en	150	80	akta"
check "and its letters are not" "$(tail -n "+$((n + 1))" "$log" | grep -vc '	cancel	')" -eq 1
tui_keys w C-x
tui_stop w

# Speech off: nothing is spoken and no process runs.
printf '[speech]\nsink = off\n' >"$TMP/off.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/off.conf"
tui_start quiet 80 24 vt100 "$LOKET" --db "$db" --config "$TMP/off.conf"
must tui_wait quiet "Selamat datang"
pid=$(tui_flag quiet '#{pane_pid}')
check "with speech off there is no speech process" -z "$(pgrep -P "$pid")"
# In English, so that the lacks below could see "Slower voice".
tui_keys quiet 2
must tui_wait quiet "Main menu"
tui_keys quiet '#'
must tui_wait quiet "Help and settings"
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
say_heard() {	# say_heard LANG TEXT WANT: loket say TEXT is logged as WANT
	"$LOKET" --db "$db" --config "$TMP/speech.conf" --lang "$1" say "$2" &&
	_tui_poll 10 said_exactly "$1" "$3"
}
# Every UTF-8 character reaches the synthesizer whole, in both languages.
ok "say: é, an em dash, Javanese and Arabic letters intact (id)" \
	say_heard id "Kafé — ꦗꦮ مرحبا" "Kafé — ꦗꦮ مرحبا"
ok "say: é, an em dash, Javanese and Arabic letters intact (en)" \
	say_heard en "Café — ꦱꦸꦫ سلام" "Café — ꦱꦸꦫ سلام"
# Numbers, money, dates and times as an Indonesian listener expects.
ok "say: amounts past a million with Indonesian separators" \
	say_heard id "Biaya Rp1.500.000 dan 2500000 orang" \
	"Biaya satu juta lima ratus ribu rupiah dan dua juta lima ratus ribu orang"
ok "say: amounts with English separators" \
	say_heard en "Rp30,000 per certificate, 3.5 kg" \
	"thirty thousand rupiah per certificate, three point five kilograms"
ok "say: a date and a time, as a date and a time (id)" \
	say_heard id "Selasa 01/12/2026 09.30" \
	"Selasa, satu Desember dua ribu dua puluh enam pukul sembilan lewat tiga puluh"
ok "say: a date and a time, as a date and a time (en)" \
	say_heard en "Tuesday 2026-12-01 11:00" \
	"Tuesday, the first of December two thousand and twenty-six eleven o'clock"
ok "say: legal references, percent, ranges and ordinals (id)" \
	say_heard id "PP 76/2020, 10%, 1-3 hari, ke-3, Kelas III" \
	"Peraturan Pemerintah Nomor tujuh puluh enam Tahun dua ribu dua puluh, sepuluh persen, satu sampai tiga hari, ketiga, Kelas tiga"
ok "say: ticket letters and phone digits (en)" \
	say_heard en "Ticket A-009, phone 081234567890" \
	"Ticket eh nine, phone zero eight one two three four five six seven eight nine zero"
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
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/nodir.conf"
"$LOKET" --db "$db" --lang=en --config "$TMP/nodir.conf" >/dev/null 2>"$TMP/err"
contains "the wav sink without a directory is refused, naming the fix" "$TMP/err" "sink = wav needs a directory"

# The desk is silent by default; its operator turns the voice on under #,
# and a password is heard only as "character entered".
echo "rahasia123" | "$LOKET" --db "$db" user add ani >/dev/null
dwav=$TMP/desk
mkdir -p "$dwav"
dlog=$dwav/speech.log
printf '[speech]\nsink = wav\ndirectory = %s\n' "$dwav" >"$TMP/desk.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/desk.conf"
tui_start d 80 24 vt100 "$LOKET" --db "$db" --lang en --config "$TMP/desk.conf" desk
must tui_wait d "Name:"
pid=$(tui_flag d '#{pane_pid}')
check "the desk starts without a voice" -z "$(pgrep -P "$pid")"
tui_type d "ani"
tui_keys d Enter
must tui_wait d "Password:"
tui_keys d '#'
ok "the desk's help offers the voice, off" tui_wait d "Voice guidance is off: press to turn it on"
tui_keys d 3
ok "3 turns the desk's voice on" _tui_poll 10 grep -qF "Voice guidance is on." "$dlog"
tui_keys d 0
must tui_wait d "Password:"
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
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/board.conf"
blog=$bwav/speech.log
board() {	# board NAME: the board in English on the test database
	tui_start "$1" 80 24 vt100 "$LOKET" --db "$db" --lang en \
		--config "$TMP/board.conf" board
	must tui_wait "$1" "People waiting"
}
said() {	# said: the log without numbers, rates and volumes
	sed 's/^[0-9]*	//; s/	[0-9]*	[0-9]*	/	/' "$blog"
}
for i in 1 2 3; do
	"$LOKET" --db "$db" ticket take ktp-el-baru >/dev/null
done
board b
# A counter holds one ticket at a time: each is marked not present before
# the next call.
"$LOKET" --db "$db" ticket call --counter 1 >/dev/null
"$LOKET" --db "$db" ticket noshow 1 --counter 1 >/dev/null
"$LOKET" --db "$db" ticket call --counter 1 >/dev/null
ok "the board says both calls" _tui_poll 15 count_is 2 "$blog" 'Ticket eh two, please go to counter one'
said >"$TMP/board.said"
printf '%s\n' "chime	80" \
	"en	Ticket eh one, please go to counter one" \
	"en	Ticket eh one, please go to counter one" \
	"chime	80" \
	"en	Ticket eh two, please go to counter one" \
	"en	Ticket eh two, please go to counter one" >"$TMP/board.want"
ok "a chime, then each call twice, in order, none cut" cmp -s "$TMP/board.said" "$TMP/board.want" ||
	sed 's/^/# /' "$TMP/board.said"
check "one WAV per chime and call" "$(ls "$bwav"/*.wav | wc -l)" -eq 6
tui_keys b 6
ok "6 makes the board softer" tui_wait b "volume 70 of 100"
tui_keys b '*'
ok "* says the last call again, softer" _tui_poll 10 grep -q "	en	150	70	Ticket eh two" "$blog"
tui_keys b q
tui_stop b
n=$(wc -l <"$blog")
board b2
"$LOKET" --db "$db" ticket noshow 2 --counter 1 >/dev/null
"$LOKET" --db "$db" ticket call --counter 1 >/dev/null
ok "a restarted board says a new call" _tui_poll 15 count_is 2 "$blog" 'Ticket eh three'
check "and no old call again" "$(tail -n "+$((n + 1))" "$blog" | grep -c 'Ticket eh one\|Ticket eh two')" -eq 0
tui_keys b2 q
tui_stop b2

done_testing
