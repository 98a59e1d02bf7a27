#!/bin/sh
# The speech process on its own: loket-speech driven through a FIFO with
# real espeak-ng, as the kiosk, the desk and the board drive it. Proves
# the WAV sink's files and log, rate and volume, S cancelling, Q in order
# after the chime, X, the end of input, the events, a synthesizer crash,
# the device sink without a sound card, on ALSA, and with a real
# PulseAudio server,
# the command sink and its killing, speech-dispatcher absent, and the
# dispatcher sink with a real speech-dispatcher playing on that server.
. "${top_srcdir:-.}/tests/lib.sh"

SPEECH=${LOKET_SPEECH:-$top_builddir/src/loket-speech}
export XDG_RUNTIME_DIR="$TMP/run"	# no speech-dispatcher or pulse of ours
mkdir -p "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
pulse_pid= spd_pid= capture_pid=
trap 'for p in $capture_pid $spd_pid $pulse_pid; do kill "$p" 2>/dev/null; done
	[ -z "$spd_pid" ] || poll 10 _gone_or_zombie "$spd_pid"; rm -rf "$TMP"' EXIT
trap 'exit 143' HUP INT TERM	# the EXIT trap cleans up then too

# poll SECS COMMAND...: run COMMAND every 0.05 s until it succeeds.
poll() {
	_poll_end=$(($(date +%s) + $1))
	shift
	while :; do
		"$@" && return 0
		[ "$(date +%s)" -lt "$_poll_end" ] || break
		sleep 0.05
	done
	"$@"
}
# _gone_or_zombie PID: the process has ended (a zombie until waited for).
_gone_or_zombie() { [ ! -d "/proc/$1" ] || grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; }

# speech_start NAME SINK [ARG]: run loket-speech reading a FIFO held open
# on fd 3; its output (events and stderr) goes to $out, its exit status
# to $TMP/NAME.status.
speech_start() {
	name=$1
	shift
	out=$TMP/$name.out
	status_file=$TMP/$name.status
	rm -f "$TMP/$name.in" "$status_file"
	mkfifo "$TMP/$name.in"
	( "$SPEECH" "$@" <"$TMP/$name.in" >"$out" 2>&1
	  echo $? >"$status_file.tmp" && mv "$status_file.tmp" "$status_file" ) &
	exec 3>"$TMP/$name.in"
}
say() { printf '%s\n' "$*" >&3; }
_has_event() { grep -qx -- "$1" "$out"; }
# event LINE: wait until loket-speech printed exactly LINE.
event() {
	poll 20 _has_event "$1" && return 0
	echo "no event: $1"
	cut -c 1-100 "$out" | sed "s/^/  | /"
	return 1
}
_ended() { [ -s "$status_file" ]; }
# After "exec 3>&-" (the end of input; not in a subshell such as ok's):
# ended SECS: wait until the process ended.
ended() { poll "$1" _ended; }
exit_status() { cat "$status_file" 2>/dev/null || echo none; }
# Which line of $out is LINE (0 when none).
line_of() { grep -nx -- "$1" "$out" | head -n 1 | cut -d: -f1 | grep . || echo 0; }
rms() { sox "$1" -n stat 2>&1 | awk '/RMS +amplitude/ { print $3 }'; }
# gt A B: A > B for decimals.
gt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 > b + 0) }'; }
wav_is_pcm() {	# FILE: RIFF WAVE, PCM mono 16-bit at 22050 Hz
	[ "$(head -c 4 "$1")" = RIFF ] &&
	[ "$(dd if="$1" bs=1 skip=8 count=8 2>/dev/null)" = "WAVEfmt " ] &&
	[ "$(od -An -tu2 -j20 -N4 "$1" | tr -s ' ')" = " 1 1" ] &&
	[ "$(od -An -tu4 -j24 -N4 "$1" | tr -d ' ')" = 22050 ] &&
	[ "$(od -An -tu2 -j34 -N2 "$1" | tr -d ' ')" = 16 ]
}
long_text() {	# N sentences of Indonesian
	awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++)
		printf "Ini adalah kalimat panjang nomor %d yang dibacakan perlahan. ", i }'
}
LONG=$(long_text 200)

# --- The WAV sink: files, log, events ---------------------------------
wav=$TMP/wav
speech_start wav wav "$wav"
say "S id 150 70 Selamat datang di Mal Pelayanan Publik."
say "Q en 150 70 Main menu. What do you need?"
ok "the wav sink reports ready" event "ready wav"
ok "the first utterance ends" event "end 1"
ok "a queued utterance ends after it" event "end 2"
check "events come in order: start, audio, end" \
	"$(line_of 'start 1')" -lt "$(line_of 'audio 1')" -a \
	"$(line_of 'audio 1')" -lt "$(line_of 'end 1')" -a \
	"$(line_of 'end 1')" -lt "$(line_of 'start 2')"
ok "0001.wav is a 16-bit mono PCM WAV file" wav_is_pcm "$wav/0001.wav"
ok "0002.wav is a 16-bit mono PCM WAV file" wav_is_pcm "$wav/0002.wav"
check "the WAV files hold sound" "$(gt "$(rms "$wav/0001.wav")" 0.01 && gt "$(rms "$wav/0002.wav")" 0.01 && echo yes)" = yes
printf '0001\tid\t150\t70\tSelamat datang di Mal Pelayanan Publik.\n0002\ten\t150\t70\tMain menu. What do you need?\n' >"$TMP/expected.log"
ok "the log holds exactly one line per utterance" cmp "$TMP/expected.log" "$wav/speech.log"

# Rate: the same text slower is longer; volume: softer is quieter.
say "S id 80 70 Nomor antrian A dua belas, silakan ke loket tiga."
event "end 3" >/dev/null
say "S id 300 70 Nomor antrian A dua belas, silakan ke loket tiga."
event "end 4" >/dev/null
slow=$(wc -c <"$wav/0003.wav")
fast=$(wc -c <"$wav/0004.wav")
check "80 words a minute lasts over twice as long as 300 ($slow vs $fast bytes)" "$slow" -gt $((fast * 2))
say "S id 150 20 Nomor antrian A dua belas."
event "end 5" >/dev/null
say "S id 150 100 Nomor antrian A dua belas."
event "end 6" >/dev/null
soft=$(rms "$wav/0005.wav")
loud=$(rms "$wav/0006.wav")
check "volume 20 is much softer than 100 (RMS $soft vs $loud)" "$(gt "$loud" "$(awk -v s="$soft" 'BEGIN { print s * 3 }')" && echo yes)" = yes
say "S id 999 250 Terlalu cepat."
say "Q id 10 -5 Terlalu lambat."
event "end 8" >/dev/null
contains "rate and volume past the limits are clamped up" "$wav/speech.log" "$(printf '0007\tid\t300\t100\tTerlalu cepat.')"
contains "and down" "$wav/speech.log" "$(printf '0008\tid\t80\t0\tTerlalu lambat.')"

# Malformed lines are reported and ignored.
for bad in "S xx 150 70 Halo" "S id cepat 70 Halo" "Q id 150 70" "C keras" "Z"; do
	say "$bad"
done
say "S id 150 70 Masih bisa bicara."
ok "speech goes on after malformed lines" event "end 9"
check "each malformed line is reported" "$(grep -cx 'error malformed' "$out")" -eq 5

# S during a long text cancels it, and the new text is said.
say "S id 150 70 $LONG"
event "audio 10" >/dev/null
say "S id 150 70 Teks baru."
ok "S during a long text cancels it" event "cancel 10"
ok "and the new text is said" event "end 11"
check "the log shows the cancel" -n "$(grep "^0010	cancel	Ini adalah kalimat panjang nomor 1 " "$wav/speech.log")"
check "a cancelled utterance leaves no WAV file" ! -e "$wav/0010.wav" -a ! -e "$wav/0010.wav.part"

# The chime, then Q lines, all in order, none cut.
say "C 60"
for n in satu dua tiga; do
	say "Q id 150 70 Nomor antrian A $n."
done
ok "the last queued call ends" event "end 15"
check "none of the queued calls was cancelled" -z "$(grep -E '^cancel 1[2-5]$' "$out")"
check "the chime is played first, then the calls in order" \
	"$(line_of 'chime 12')" -lt "$(line_of 'start 13')" -a \
	"$(line_of 'end 12')" -lt "$(line_of 'start 13')" -a \
	"$(line_of 'end 13')" -lt "$(line_of 'start 14')" -a \
	"$(line_of 'end 14')" -lt "$(line_of 'start 15')"
tail -n 4 "$wav/speech.log" | cut -f 1,2,5 >"$TMP/queued"
printf '0012\tchime\n0013\tid\tNomor antrian A satu.\n0014\tid\tNomor antrian A dua.\n0015\tid\tNomor antrian A tiga.\n' >"$TMP/expected"
ok "the log has the chime and the calls in order" cmp "$TMP/expected" "$TMP/queued"
contains "the chime's log line has its volume" "$wav/speech.log" "$(printf '0012\tchime\t60')"
check "the chime is a WAV file with sound" "$(wav_is_pcm "$wav/0012.wav" && gt "$(rms "$wav/0012.wav")" 0.05 && echo yes)" = yes

# X stops at once; the end of input mid-utterance ends the process.
say "S id 150 70 $LONG"
event "audio 16" >/dev/null
say "X"
ok "X cancels the utterance" event "cancel 16"
say "S id 150 70 $LONG"
event "audio 17" >/dev/null
exec 3>&-
ok "the end of input mid-utterance ends the process within 2 s" ended 2
check "and it exits 0" "$(exit_status)" = 0
check "the utterance cut by the end is logged as cancelled" -n "$(grep "^0017	cancel	Ini " "$wav/speech.log")"
check "no unfinished WAV file is left" -z "$(ls "$wav" | grep part)"

# --- A synthesizer crash ---------------------------------------------
crash=$(awk 'BEGIN { for (i = 0; i < 80; i++) printf "s'"'"'" }')
speech_start crash wav "$wav/crash"
say "S en 150 70 $crash"
poll 20 _ended
check "text that crashes espeak-ng kills the process with a signal" "$(exit_status)" -gt 128
check "no WAV file is counted for it" ! -e "$wav/crash/0001.wav"
lacks "and no finished log line" "$wav/crash/speech.log" "	en	"
check "the crash leaves the unfinished 0001.wav.part behind" -e "$wav/crash/0001.wav.part"
exec 3>&-
speech_start again wav "$wav/crash"
say "S en 150 70 Speech is back."
ok "a new loket-speech speaks afterwards" event "end 1"
contains "and logs it under the next number" "$wav/crash/speech.log" "$(printf '0002\ten\t150\t70\tSpeech is back.')"
ok "0002.wav is its file" wav_is_pcm "$wav/crash/0002.wav"
check "the crashed process's .part file is cleaned up" \
	-z "$(ls "$wav/crash" | grep part)"
exec 3>&-
ended 10

# A new process in a directory of earlier WAVs numbers on after them,
# past the cancelled ones that have only a log line, overwriting nothing.
cp "$wav/0001.wav" "$TMP/first.wav"
speech_start restart wav "$wav"
say "S id 150 70 Sesudah mulai lagi."
ok "a restarted loket-speech speaks in the same directory" event "end 1"
contains "it logs under the number after the last one (0017, cancelled)" \
	"$wav/speech.log" "$(printf '0018\tid\t150\t70\tSesudah mulai lagi.')"
ok "0018.wav is its file" wav_is_pcm "$wav/0018.wav"
ok "the earlier 0001.wav is not overwritten" cmp "$TMP/first.wav" "$wav/0001.wav"
check "the log has one line numbered 0001" "$(grep -c '^0001	' "$wav/speech.log")" -eq 1
exec 3>&-
ended 10

# --- The command sink -------------------------------------------------
mkdir "$TMP/cmd"
speech_start cmd command "cat > $TMP/cmd/out-\$\$.wav"
say "S id 150 70 Selamat datang."
say "Q en 150 70 Welcome."
ok "the command sink reports ready" event "ready command"
ok "it says both utterances" event "end 2"
exec 3>&-
ended 10
set -- "$TMP"/cmd/out-*.wav
check "each utterance fed its own command: two files" $# -eq 2
check "each is a WAV stream with sound" "$(wav_is_pcm "$1" && wav_is_pcm "$2" && gt "$(rms "$1")" 0.01 && gt "$(rms "$2")" 0.01 && echo yes)" = yes

# A command that does not read blocks the worker, as a busy sound card
# does; a cancel kills it at once, and no process is left.
printf '#!/bin/sh\necho $$ >"%s/reader.pid"\nexec sleep 600\n' "$TMP" >"$TMP/reader"
chmod +x "$TMP/reader"
speech_start slow command "$TMP/reader"
say "S id 150 70 $LONG"
event "audio 1" >/dev/null
poll 10 test -s "$TMP/reader.pid"
reader=$(cat "$TMP/reader.pid")
check "the command runs while the utterance plays" -n "$reader" -a -d "/proc/$reader"
say "X"
ok "X cancels while the worker is blocked writing to the command" event "cancel 1"
_gone() { [ ! -d "/proc/$1" ]; }
ok "the command is killed" poll 5 _gone "$reader"
exec 3>&-
poll 10 _ended

# A crash while a command plays: a command that reads in real time, an
# introduction that fills its pipe, then the text that crashes espeak-ng.
printf '#!/bin/sh\necho $$ >"%s/player.pid"\nwhile head -c 4410 >/dev/null; do sleep 0.1; done\n' "$TMP" >"$TMP/player"
chmod +x "$TMP/player"
speech_start slow2 command "$TMP/player"
say "S en 150 70 Hello, this is the kiosk speaking to you now, please wait a moment while I read. $crash"
poll 20 _ended
check "a crash with a command playing kills the process" "$(exit_status)" -gt 128
player=$(cat "$TMP/player.pid" 2>/dev/null)
check "the command was playing" -n "$player"
ok "and the command died with it (it would read on forever)" poll 5 _gone "${player:-0}"
exec 3>&-

# --- The device sink without sound ------------------------------------
if [ -n "$(cat /proc/asound/cards 2>/dev/null | grep -v 'no soundcards')" ]; then
	echo "# this machine has a sound card: the no-device case is not run"
else
	PULSE_SERVER=unix:$TMP/no-pulse LOKET_SPEECH_PROBE_INTERVAL=30 \
		speech_start nodev device
	ok "without a sound card the device sink is unavailable" poll 10 grep -q '^unavailable no sound device: ' "$out"
	say "S id 150 70 Halo."
	say "Q id 150 70 Halo lagi."
	ok "it goes on reading and drops utterances" event "drop 2"
	exec 3>&-
	ok "and ends at the end of input" ended 5
	check "with status 0" "$(exit_status)" = 0
fi

# --- The device sink on ALSA -----------------------------------------
# No PulseAudio, and ALSA's null device: pcaudiolib falls back to ALSA,
# whose flush reopens the device, so writes and flushes take turns there.
# The null device never blocks, so this proves the ALSA path speaks and
# survives cancel after cancel, not the turn-taking under a full buffer
# (that needs a sound card).
printf 'pcm.!default {\n\ttype null\n}\n' >"$TMP/asound.conf"
PULSE_SERVER=unix:$TMP/no-pulse ALSA_CONFIG_PATH=$TMP/asound.conf \
	speech_start alsa device
ok "on ALSA's null device the device sink is ready" event "ready device"
text=$(long_text 20)
i=1
while [ "$i" -le 40 ]; do
	say "S id 150 70 $text"
	say "X"
	i=$((i + 1))
done
say "S id 150 70 Kalimat terakhir."
ok "after 40 cancels on ALSA the last text is said" event "end 41"
check "every one of them was cancelled or ended" \
	"$(grep -cE '^(cancel|end) [0-9]+$' "$out")" -eq 41
check "nothing went wrong on the device" -z "$(grep -E '^(unavailable|drop|error)' "$out")"
exec 3>&-
ok "it ends at the end of input" ended 5
check "with status 0" "$(exit_status)" = 0

# --- speech-dispatcher not running -------------------------------------
speech_start spd dispatcher
ok "without speech-dispatcher running the sink is unavailable" poll 10 grep -q '^unavailable cannot connect to speech-dispatcher' "$out"
say "S id 150 70 Halo."
ok "and utterances are dropped" event "drop 1"
exec 3>&-
ended 5
check "it ends with status 0" "$(exit_status)" = 0

# --- A real PulseAudio server --------------------------------------------
pulse=$TMP/pulse
pulse_start() {
	mkdir -p "$pulse"
	HOME=$pulse pulseaudio -n --daemonize=no --exit-idle-time=-1 \
		--use-pid-file=no --disable-shm=yes --log-target=stderr \
		-L "module-null-sink sink_name=loket" \
		-L "module-native-protocol-unix auth-anonymous=1 socket=$pulse/socket" \
		>"$pulse/log" 2>&1 &
	pulse_pid=$!
	poll 10 test -S "$pulse/socket"
}
# record FILE SECS: what the null sink plays for SECS seconds, raw.
record() {
	timeout "$2" parec -d loket.monitor --format=s16le --rate=22050 \
		--channels=1 >"$1" 2>/dev/null
	[ -s "$1" ]
}
raw_max() { sox -t raw -r 22050 -e signed -b 16 -c 1 "$1" -n stat 2>&1 | awk '/Maximum amplitude/ { print $3 }'; }
if ! command -v pulseaudio >/dev/null || ! command -v parec >/dev/null; then
	echo "# pulseaudio or parec is missing: the real device is not tested"
else
	export PULSE_SERVER="unix:$pulse/socket"
	# Started before the server: unavailable, then ready when it comes.
	LOKET_SPEECH_PROBE_INTERVAL=1 speech_start pa device
	ok "with no server yet the device sink is unavailable" poll 10 grep -q '^unavailable' "$out"
	pulse_start
	ok "a PulseAudio server starts (null sink on a socket)" test -S "$pulse/socket"
	: >"$TMP/sent"
	_probe() {
		say "S id 150 70 Halo."
		echo >>"$TMP/sent"
		grep -qx 'ready device' "$out"
	}
	ok "the device comes back at an utterance after the interval" poll 15 _probe
	n=$(($(wc -l <"$TMP/sent") + 1))
	say "S id 150 70 $LONG"
	event "audio $n" >/dev/null
	ok "it plays: the server's monitor hears sound" record "$TMP/playing.raw" 1
	check "loud enough to be speech (max $(raw_max "$TMP/playing.raw"))" "$(gt "$(raw_max "$TMP/playing.raw")" 0.1 && echo yes)" = yes
	say "X"
	ok "X cancels what the device plays" event "cancel $n"
	record "$TMP/after.raw" 1.2
	sox -t raw -r 22050 -e signed -b 16 -c 1 "$TMP/after.raw" -t raw "$TMP/after-cut.raw" trim 0.2
	check "after the cancel the device is silent (max $(raw_max "$TMP/after-cut.raw"))" "$(gt 0.01 "$(raw_max "$TMP/after-cut.raw")" && echo yes)" = yes
	say "S id 150 70 Selamat datang."
	ok "a short text plays to its end" event "end $((n + 1))"
	exec 3>&-
	ok "the process ends at the end of input" ended 5
	check "with status 0" "$(exit_status)" = 0
fi

# --- A real speech-dispatcher ---------------------------------------------
# A private server for this test only: its own configuration, socket and
# logs under $TMP, espeak-ng as its only output module, its audio on the
# private PulseAudio server above (never the machine's), and no autospawn.
spd=$TMP/spd
spd_modules=$(pkg-config --variable=modulebindir speech-dispatcher 2>/dev/null)
spd_modules=${spd_modules:-/usr/lib/speech-dispatcher-modules}
spd_start() {
	mkdir -p "$spd/modules" "$spd/log"
	cat >"$spd/speechd.conf" <<-CONF
	LogLevel 4
	LogDir "$spd/log"
	CommunicationMethod "unix_socket"
	AudioOutputMethod "pulse"
	AddModule "espeak-ng" "$spd_modules/sd_espeak-ng" "espeak-ng.conf"
	DefaultModule espeak-ng
	DefaultVolume 100
	DisableAutoSpawn
	CONF
	cp /etc/speech-dispatcher/modules/espeak-ng.conf "$spd/modules/" ||
		: >"$spd/modules/espeak-ng.conf"
	rm -f "$spd/socket"
	PULSE_SERVER="unix:$pulse/socket" speech-dispatcher --run-single \
		--timeout 0 --config-dir "$spd" --socket-path "$spd/socket" \
		--pid-file "$spd/pid" --log-dir "$spd/log" \
		>"$spd/out" 2>&1 3>&- &	# not holding loket-speech's input
	spd_pid=$!
	poll 20 test -S "$spd/socket"
}
spd_stop() {
	kill "$spd_pid" 2>/dev/null
	poll 10 _gone_or_zombie "$spd_pid"
	wait "$spd_pid" 2>/dev/null
	spd_pid=
}
# capture FILE: record what the null sink plays, raw, until capture_end.
capture() {
	parec -d loket.monitor --format=s16le --rate=22050 --channels=1 \
		>"$1" 2>/dev/null 3>&- &
	capture_pid=$!
	poll 10 test -s "$1"	# the monitor gives samples, silent or not
}
capture_end() {
	kill "$capture_pid" 2>/dev/null
	wait "$capture_pid" 2>/dev/null
	capture_pid=
}
raw_rms() { sox -t raw -r 22050 -e signed -b 16 -c 1 "$1" -n stat 2>&1 | awk '/RMS +amplitude/ { print $3 }'; }
seconds() { wc -c <"$1" | awk '{ printf "%.2f", $1 / 44100 }'; }
# say_captured FILE LINE N: say LINE, record until "end N" into FILE, and
# into FILE.sound from the first sound to the last, without the silence
# around it that the timing decides.
say_captured() {
	capture "$1"
	say "$2"
	event "end $3" >/dev/null
	capture_end
	sox -t raw -r 22050 -e signed -b 16 -c 1 "$1" -t raw "$1.sound" \
		silence 1 0.01 1% reverse silence 1 0.01 1% reverse
}
# max_after FILE: record 1.5 s into FILE; the loudest sample after 0.3 s.
max_after() {
	record "$1" 1.5
	sox -t raw -r 22050 -e signed -b 16 -c 1 "$1" -t raw "$1.cut" trim 0.3
	raw_max "$1.cut"
}
if [ -z "$pulse_pid" ] || ! command -v speech-dispatcher >/dev/null ||
    [ ! -x "$spd_modules/sd_espeak-ng" ]; then
	echo "# no PulseAudio server, speech-dispatcher or its espeak-ng module: speech-dispatcher is not tested"
else
	export SPEECHD_ADDRESS="unix_socket:$spd/socket"
	spd_start
	ok "a private speech-dispatcher starts on its own socket" test -S "$spd/socket"
	LOKET_SPEECH_PROBE_INTERVAL=1 speech_start sd dispatcher
	ok "the dispatcher sink connects to it and reports ready" event "ready dispatcher"
	say_captured "$TMP/sd-1.raw" "S id 150 80 Selamat datang di Mal Pelayanan Publik." 1
	ok "an utterance begins playing: audio 1 from speech-dispatcher's BEGIN" event "audio 1"
	ok "and ends: end 1 from its END" event "end 1"
	check "events come in order: start, audio, end" \
		"$(line_of 'start 1')" -lt "$(line_of 'audio 1')" -a \
		"$(line_of 'audio 1')" -lt "$(line_of 'end 1')"
	check "speech-dispatcher played it on our server (RMS $(raw_rms "$TMP/sd-1.raw"), max $(raw_max "$TMP/sd-1.raw"))" \
		"$(gt "$(raw_rms "$TMP/sd-1.raw")" 0.02 && gt "$(raw_max "$TMP/sd-1.raw")" 0.1 && echo yes)" = yes

	# Volume 20 is -60 on speech-dispatcher's scale, 100 is +100.
	say_captured "$TMP/sd-soft.raw" "S id 150 20 Nomor antrian A dua belas." 2
	say_captured "$TMP/sd-loud.raw" "S id 150 100 Nomor antrian A dua belas." 3
	soft=$(raw_rms "$TMP/sd-soft.raw.sound")
	loud=$(raw_rms "$TMP/sd-loud.raw.sound")
	check "volume 20 is much softer than 100 through speech-dispatcher (RMS $soft vs $loud)" \
		"$(gt "$loud" "$(awk -v s="$soft" 'BEGIN { print s * 3 }')" && echo yes)" = yes
	# Rate 80 is -100 on its scale, 300 is +100.
	say_captured "$TMP/sd-slow.raw" "S id 80 80 Nomor antrian A dua belas." 4
	say_captured "$TMP/sd-fast.raw" "S id 300 80 Nomor antrian A dua belas." 5
	slow=$(seconds "$TMP/sd-slow.raw.sound")
	fast=$(seconds "$TMP/sd-fast.raw.sound")
	check "80 words a minute sounds over twice as long as 300 (${slow} s vs ${fast} s)" \
		"$(gt "$slow" "$(awk -v f="$fast" 'BEGIN { print f * 2 }')" && gt "$fast" 0.2 && echo yes)" = yes

	# X during a long text: the server stops playing it.
	say "S id 150 80 $LONG"
	event "audio 6" >/dev/null
	ok "a long text plays on our server" record "$TMP/sd-playing.raw" 1
	check "loud enough to be speech (max $(raw_max "$TMP/sd-playing.raw"))" "$(gt "$(raw_max "$TMP/sd-playing.raw")" 0.1 && echo yes)" = yes
	say "X"
	ok "X cancels it: cancel 6" event "cancel 6"
	after=$(max_after "$TMP/sd-after.raw")
	check "0.3 s after the cancel the server is silent (max $after)" "$(gt 0.01 "$after" && echo yes)" = yes

	# S during a long text: cancelled, and the new text is said to its end.
	say "S id 150 80 $LONG"
	event "audio 7" >/dev/null
	say "S id 150 80 Teks baru."
	ok "S during a long text cancels it" event "cancel 7"
	ok "and the new text is said to its end" event "end 8"

	# The chime: speech-dispatcher cannot play it; said once, each dropped.
	say "C 60"
	say "C 60"
	say "Q id 150 80 Nomor antrian A satu."
	ok "a queued text after two chimes is said" event "end 11"
	check "the chime error is reported exactly once" \
		"$(grep -cx 'error the chime cannot be played by dispatcher' "$out")" -eq 1
	ok "the first chime is dropped" event "drop 9"
	ok "and the second" event "drop 10"
	check "neither chime is started" -z "$(grep -E '^(chime|start) (9|10)$' "$out")"

	# The server goes away mid-utterance, as when a screen reader's session
	# restarts it: the utterance is dropped, the sink is unavailable, and
	# it is ready again at an utterance once a server is back.
	say "S id 150 80 $LONG"
	event "audio 12" >/dev/null
	spd_stop
	ok "the server gone mid-utterance, the utterance is dropped" event "drop 12"
	ok "and the sink reports itself unavailable" event "unavailable speech-dispatcher stopped answering"
	check "the dropped utterance neither ends nor is cancelled" -z "$(grep -E '^(end|cancel) 12$' "$out")"
	spd_start
	: >"$TMP/sd-sent"
	_sd_probe() {
		say "S id 150 80 Halo."
		echo >>"$TMP/sd-sent"
		[ "$(grep -cx 'ready dispatcher' "$out")" -eq 2 ]
	}
	ok "with a server back it is ready again at an utterance" poll 20 _sd_probe
	n=$((13 + $(wc -l <"$TMP/sd-sent")))
	say "S id 150 80 Selamat datang."
	ok "and speaks again" event "end $n"

	# The end of input mid-utterance: the process ends, the server stops.
	n=$((n + 1))
	say "S id 150 80 $LONG"
	event "audio $n" >/dev/null
	exec 3>&-
	ok "the end of input mid-utterance ends the process within 5 s" ended 5
	check "and it exits 0" "$(exit_status)" = 0
	after=$(max_after "$TMP/sd-gone.raw")
	check "the server does not go on speaking for it (max $after)" "$(gt 0.01 "$after" && echo yes)" = yes
	spd_stop
fi
[ -n "$pulse_pid" ] && kill "$pulse_pid"
pulse_pid=

done_testing
