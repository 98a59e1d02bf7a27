#!/bin/sh
# Hostile input stays cheap and harmless (issue 10): an endless or huge
# typed line is cut and costs little, signals end the kiosk whatever it
# reads; configuration and catalog paths that are not regular files are
# refused; another program's database is left alone; text bound for the
# terminal never carries its escape sequences.
. "${top_srcdir:-.}/tests/lib.sh"

db=$TMP/hostile.db
make_db "$db"
out=$TMP/out
err=$TMP/err
esc=$(printf '\033')

# --- Line mode: lines are capped, signals end it ---------------------------

# A 20 MB line where a 40-character keyword is asked for.
{ printf '2\n3\n9\n'; head -c 20000000 /dev/zero | tr '\0' x; printf '\n0\n0\n'; } \
	>"$TMP/huge.txt"
timeout 30 "$LOKET" --db "$db" --line <"$TMP/huge.txt" >"$out" 2>&1
check "a 20 MB line is read and refused within 30 s" $? -eq 0
contains "the rest of the line is dropped with a message" "$out" \
	"The line was too long: the rest of it was not read."
contains "and the field says what it holds" "$out" \
	"That is too long: type at most 40 characters."
if [ -x /usr/bin/time ]; then
	printf '2\n3\n9\nakta\n0\n0\n' >"$TMP/short.txt"
	/usr/bin/time -f %M -o "$TMP/rss.short" "$LOKET" --db "$db" --line \
		<"$TMP/short.txt" >/dev/null 2>&1
	/usr/bin/time -f %M -o "$TMP/rss.huge" "$LOKET" --db "$db" --line \
		<"$TMP/huge.txt" >/dev/null 2>&1
	grown=$(( $(tail -n 1 "$TMP/rss.huge") - $(tail -n 1 "$TMP/rss.short") ))
	check "the 20 MB line is never held in memory (grew $grown KiB)" \
		"$grown" -lt 8192
fi

# ends_within_a_second PID STATUS-FILE: after the signal, the process is gone
# within a second (polled every 0.1 s).
ends_within_a_second() {
	_i=0
	while [ ! -s "$2" ] && [ $_i -lt 10 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	[ -s "$2" ]
}

# An endless line with no newline: SIGTERM and SIGHUP still end it.
for sig in TERM HUP; do
	rm -f "$TMP/status"
	( tr '\0' x </dev/zero | "$LOKET" --db "$db" --line >/dev/null 2>&1
	  echo $? >"$TMP/status" ) &
	# Wait until loket runs and reads, then send the signal.
	i=0
	while ! pid=$(pgrep -n -f "^$LOKET --db $db --line") && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	sleep 0.3
	kill -"$sig" "$pid"
	ok "SIG$sig ends line mode within a second while it reads an endless line" \
		ends_within_a_second "$pid" "$TMP/status"
	want=$([ $sig = TERM ] && echo 143 || echo 129)
	check "with status $want" "$(cat "$TMP/status" 2>/dev/null)" = "$want"
	wait
done

# A request line of 1 MB to the speech process: dropped as malformed, and
# the next line is said.
speech=${LOKET_SPEECH:-$top_builddir/src/loket-speech}
mkdir -p "$TMP/wav"
mkfifo "$TMP/speech.in"
exec 3<>"$TMP/speech.in"	# read-write: never blocks, never SIGPIPE
"$speech" wav "$TMP/wav" <"$TMP/speech.in" >"$TMP/speech.out" 2>&1 &
speech_pid=$!
{ printf 'S id 150 70 '; head -c 1000000 /dev/zero | tr '\0' a
  printf '\nS id 150 70 Halo.\n'; } >&3
said() {	# until the speech process said its first text (10 s at most)
	_i=0
	while ! grep -qx 'end 1' "$TMP/speech.out" && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	grep -qx 'end 1' "$TMP/speech.out"
}
ok "a 1 MB line to the speech process is dropped, the next one said" said
contains "the long line is reported as malformed" "$TMP/speech.out" "error malformed"
exec 3>&-
kill "$speech_pid" 2>/dev/null
wait "$speech_pid"

# --- Configuration and catalog files ---------------------------------------

mkdir -p "$TMP/conf.d"
"$LOKET" --lang=en --config="$TMP/conf.d" --db "$db" queue status 2>"$err"
check "--config=DIR exits 2" $? -eq 2
contains "and names the path" "$err" "$TMP/conf.d: it is not a regular file"
rm -f "$XDG_CONFIG_HOME/loket/loket.conf"	# lib.sh's, with a transport
mkdir -p "$XDG_CONFIG_HOME/loket/loket.conf"
"$LOKET" --lang=en --db "$db" queue status 2>"$err"
check "a directory at the user's config path exits 2" $? -eq 2
contains "and names the path" "$err" "$XDG_CONFIG_HOME/loket/loket.conf"
rmdir "$XDG_CONFIG_HOME/loket/loket.conf"
timeout 10 "$LOKET" --lang=en --config=/dev/zero --db "$db" queue status 2>"$err"
check "--config=/dev/zero is refused at once, exit 2" $? -eq 2
contains "naming it" "$err" "/dev/zero: it is not a regular file"
printf '[general]\nlanguage = en\000junk\n' >"$TMP/nul.conf"
"$LOKET" --config="$TMP/nul.conf" --db "$db" queue status 2>"$err"
check "a NUL byte in a config line exits 2" $? -eq 2
contains "naming the file and line" "$err" "nul.conf:2: baris memuat byte NUL"

timeout 10 "$LOKET" --lang=en --db "$db" catalog import /dev/zero 2>"$err"
check "catalog import /dev/zero is refused at once, exit 1" $? -eq 1
contains "naming it" "$err" "/dev/zero: it is not a regular file"
{ printf '\357\273\277'; cat "$top_srcdir/data/demo-catalog.txt"; } >"$TMP/bom.txt"
"$LOKET" --lang=en --db "$db" catalog import "$TMP/bom.txt" >"$out" 2>&1
check "a catalog that starts with a UTF-8 byte-order mark is imported" $? -eq 0

# --- Another program's database --------------------------------------------

sqlite3 "$TMP/other.db" 'CREATE TABLE foo (x); INSERT INTO foo VALUES (1)'
cp "$TMP/other.db" "$TMP/other.orig"
"$LOKET" --lang=en --db "$TMP/other.db" queue status 2>"$err"
check "another program's database is refused, exit 3" $? -eq 3
contains "saying so" "$err" "belongs to another program"
"$LOKET" --db "$TMP/other.db" init >/dev/null 2>&1
check "init refuses it too" $? -eq 3
ok "and nothing in it is changed" cmp "$TMP/other.db" "$TMP/other.orig"
check "not even the journal mode" ! -e "$TMP/other.db-wal"
sqlite3 "$TMP/marked.db" 'PRAGMA application_id = 7'
"$LOKET" --db "$TMP/marked.db" init >/dev/null 2>&1
check "an empty database marked by another program is refused" $? -eq 3
: >"$TMP/empty.db"
"$LOKET" --lang=en --db "$TMP/empty.db" queue status 2>"$err"
check "a command does not make an empty file a database" $? -eq 3
contains "it points to loket init" "$err" 'Create it with "loket init".'
"$LOKET" --db "$TMP/new.db" catalog import "$top_srcdir/data/demo-catalog.txt" \
	>/dev/null 2>&1
check "catalog import does not create a database" ! -e "$TMP/new.db"
printf '0\n' | "$LOKET" --lang=en --db "$TMP/empty.db" --line >/dev/null 2>&1
check "the kiosk's first start makes an empty file Loket's" \
	"$(sqlite3 "$TMP/empty.db" 'PRAGMA application_id')" = 1280265044
check "a new database is marked as Loket's" \
	"$(sqlite3 "$db" 'PRAGMA application_id')" = 1280265044
cp "$db" "$TMP/old.db"
sqlite3 "$TMP/old.db" 'PRAGMA application_id = 0'
ok "a Loket database from before the mark still opens" \
	"$LOKET" --db "$TMP/old.db" queue status
check "and is marked" "$(sqlite3 "$TMP/old.db" 'PRAGMA application_id')" = 1280265044

# --- Escape sequences never reach the terminal -----------------------------

"$LOKET" --db "$db" ticket take "$(printf 'k\033]2;pwned\007')" 2>"$err"
check "an unknown service given with escapes fails" $? -ne 0
lacks "the error does not echo the escape" "$err" "$esc"
contains "it shows it made harmless" "$err" "k?]2;pwned?"
sqlite3 "$db" "UPDATE agency SET name_en = 'Dinas' || char(27) || ']2;pwned' || char(7) WHERE code = 'dukcapil'"
"$LOKET" --lang=en --db "$db" catalog export >"$out" 2>"$err"
check "catalog export refuses text the importer would refuse, exit 1" $? -eq 1
check "and writes nothing" ! -s "$out"
lacks "the message carries no escape" "$err" "$esc"
contains "it names where the text is" "$err" "[agency dukcapil] name.en"
cp "$top_srcdir/data/demo-catalog.txt" "$TMP/kept.txt"
"$LOKET" --db "$db" catalog export "$TMP/kept.txt" 2>/dev/null
ok "an existing file is left as it was" cmp "$TMP/kept.txt" \
	"$top_srcdir/data/demo-catalog.txt"

done_testing
