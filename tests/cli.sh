#!/bin/sh
# The command line: --help and --version as GNU programs do, the catalog
# commands, configuration errors, and database files that cannot be used.
. "${top_srcdir:-.}/tests/lib.sh"

out=$TMP/out
err=$TMP/err

"$LOKET" --help >"$out" 2>"$err"
check "--help exits 0" $? -eq 0
contains "--help shows the usage line" "$out" "loket [OPTION]... COMMAND"
contains "--help lists the catalog import command" "$out" "catalog import [--force] FILE"
contains "--help is in Indonesian by default" "$out" "Laporkan"
"$LOKET" --lang=en --help >"$out"
contains "--lang=en --help is in English" "$out" "Report bugs to"
contains "--lang=en --help starts with Usage:" "$out" "Usage: loket [OPTION]..."
"$LOKET" --version >"$out"
check "--version exits 0" $? -eq 0
contains "--version names the program and version" "$out" "loket (Loket) 0.1.0"
if [ -w /dev/full ]; then
	"$LOKET" --help >/dev/full 2>"$err"
	check "--help to a full disk fails" $? -ne 0
	"$LOKET" --version >/dev/full 2>"$err"
	check "--version to a full disk fails" $? -ne 0
fi
"$LOKET" --no-such-option >"$out" 2>"$err"
check "an unknown option exits 2" $? -eq 2
contains "an unknown option points to --help" "$err" "loket --help"
"$LOKET" frobnicate 2>"$err"
check "an unknown command exits 2" $? -eq 2
contains "an unknown command is named" "$err" "frobnicate"

db=$TMP/office.db
"$LOKET" --db "$db" init >/dev/null
"$LOKET" --lang=en --db "$db" catalog import "$top_srcdir/data/demo-catalog.txt" >"$out"
check "catalog import exits 0" $? -eq 0
contains "catalog import reports the count" "$out" "Imported 16 services from 8 agencies."
"$LOKET" --lang=en --db "$db" catalog export >"$TMP/export.txt"
check "catalog export exits 0" $? -eq 0
"$LOKET" --db "$TMP/copy.db" init >/dev/null
"$LOKET" --db "$TMP/copy.db" catalog import "$TMP/export.txt" >/dev/null
"$LOKET" --db "$TMP/copy.db" catalog export "$TMP/export2.txt"
ok "export, import, export gives the same file" cmp "$TMP/export.txt" "$TMP/export2.txt"
"$LOKET" --lang=en --db "$db" catalog show >"$out"
contains "catalog show lists service codes" "$out" "ktp-el-baru"
"$LOKET" --lang=en --db "$db" catalog show akta-kelahiran >"$out"
contains "catalog show prints the fee in English" "$out" "Free"
contains "catalog show prints every component" "$out" "Legal basis:"
"$LOKET" --db "$db" catalog show akta-kelahiran >"$out"
contains "catalog show prints the fee in Indonesian" "$out" "Gratis"
"$LOKET" --lang=en --db "$db" catalog show no-such-service 2>"$err"
check "an unknown service exits 1" $? -eq 1
contains "an unknown service is named" "$err" 'unknown service "no-such-service"'

# A broken catalog is rejected whole, with its line and reason.
sed 's/^letter = C$/letter = A/' "$top_srcdir/data/demo-catalog.txt" >"$TMP/broken.txt"
line=$(grep -n '^letter = A$' "$TMP/broken.txt" | sed -n 2p | cut -d: -f1)
before=$(sqlite3 "$db" "SELECT group_concat(letter, '') FROM service")
"$LOKET" --lang=en --db "$db" catalog import "$TMP/broken.txt" 2>"$err"
check "a broken catalog exits 1" $? -eq 1
contains "the error names the file and line" "$err" "broken.txt:$line:"
contains "the error gives the reason" "$err" "letter A is already used"
contains "the error says nothing was imported" "$err" "nothing was imported"
after=$(sqlite3 "$db" "SELECT group_concat(letter, '') FROM service")
check "a broken catalog changes nothing" "$before" = "$after"
"$LOKET" --db "$db" catalog import "$TMP/broken.txt" 2>"$err"
contains "catalog errors are in Indonesian by default" "$err" "tidak ada yang diimpor"

# Configuration errors name the file, line, key and what is allowed.
printf '[kiosk]\nidle_timeout = 60\nidle_tiemout = 30\n' >"$TMP/bad.conf"
"$LOKET" --lang=en --config "$TMP/bad.conf" --db "$db" catalog show >"$out" 2>"$err"
check "an unknown configuration key exits 2" $? -eq 2
contains "the key, file and line are named" "$err" "bad.conf:3: unknown key \"idle_tiemout\""
contains "the known keys are listed" "$err" "idle_timeout, idle_warning"
printf '[kiosk]\nidle_timeout = soon\n' >"$TMP/bad.conf"
"$LOKET" --lang=en --config "$TMP/bad.conf" --db "$db" catalog show 2>"$err"
contains "a bad number names the allowed range" "$err" "from 10 to 3600"
LOKET_LANG=xx "$LOKET" --db "$db" catalog show >/dev/null 2>"$err"
check "a bad LOKET_LANG exits 2" $? -eq 2
contains "a bad LOKET_LANG is named" "$err" "LOKET_LANG"
LOKET_DB="$db" "$LOKET" --lang=en catalog show >"$out" 2>&1
contains "LOKET_DB chooses the database" "$out" "ktp-el-baru"

# Database files that cannot be used: clear error, exit 3, no damage.
"$LOKET" --lang=en --db "$TMP/none.db" catalog show 2>"$err"
check "a missing database exits 3" $? -eq 3
contains "a missing database is explained" "$err" "does not exist"
check "a missing database is not created" ! -e "$TMP/none.db"
head -c 4096 /dev/urandom >"$TMP/corrupt.db"
cp "$TMP/corrupt.db" "$TMP/corrupt.orig"
"$LOKET" --lang=en --db "$TMP/corrupt.db" catalog show 2>"$err"
check "a corrupt database exits 3" $? -eq 3
contains "a corrupt database is explained" "$err" "damaged or is not a Loket database"
ok "a corrupt database is left as it was" cmp "$TMP/corrupt.db" "$TMP/corrupt.orig"
"$LOKET" --lang=en --db "$TMP/corrupt.db" --line </dev/null >"$out" 2>"$err"
check "the kiosk refuses a corrupt database with exit 3" $? -eq 3

# Another program holds the database locked past the busy timeout.
printf '[general]\nbusy_timeout = 300\n' >"$TMP/busy.conf"
cp "$db" "$TMP/locked.db"
# The holder touches a file once its lock is taken: poll for that file.
( printf 'PRAGMA locking_mode=EXCLUSIVE;\nBEGIN EXCLUSIVE;\nUPDATE setting SET value = value;\n'
  printf ".system touch '%s'\n" "$TMP/held"
  sleep 10 ) | sqlite3 "$TMP/locked.db" >/dev/null &
holder=$!
n=0
until [ -e "$TMP/held" ] || [ $n -ge 100 ]; do sleep 0.1; n=$((n + 1)); done
check "another program holds the database locked" -e "$TMP/held"
"$LOKET" --lang=en --config "$TMP/busy.conf" --db "$TMP/locked.db" catalog show >"$out" 2>"$err"
check "a locked database exits 3" $? -eq 3
contains "a locked database is explained" "$err" "locked by another program"
kill $holder 2>/dev/null
wait $holder 2>/dev/null

# A read-only file, for a user who may not write it.
if command -v setpriv >/dev/null && [ "$(id -u)" -eq 0 ]; then
	mkdir -p "$TMP/ro" && cp "$db" "$TMP/ro/ro.db"
	chmod 0444 "$TMP/ro/ro.db" && chmod 0755 "$TMP" "$TMP/ro"
	chmod 0755 "$TMP/home" 2>/dev/null
	as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
else
	mkdir -p "$TMP/ro" && cp "$db" "$TMP/ro/ro.db" && chmod 0444 "$TMP/ro/ro.db"
	as_nobody=
fi
$as_nobody env HOME=/nonexistent "$LOKET" --lang=en --db "$TMP/ro/ro.db" catalog show >"$out" 2>"$err"
check "a read-only database exits 3" $? -eq 3
contains "a read-only database is explained" "$err" "read-only"

# A full disk, for real: a small tmpfs in a private mount namespace.
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
	mkdir -p "$TMP/small"
	unshare -m sh -c '
		mount -t tmpfs -o size=1m tmpfs "$1" || exit 99
		"$2" --db "$1/full.db" init >/dev/null || exit 98
		"$2" --db "$1/full.db" catalog import "$3" >/dev/null || exit 98
		dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null
		"$2" --lang=en --db "$1/full.db" catalog import "$4" >"$5.out" 2>"$5.err"
		echo $? >"$5.status"
		rm -f "$1/filler"
		sqlite3 "$1/full.db" "PRAGMA integrity_check" >"$5.integrity"
		sqlite3 "$1/full.db" "SELECT count(*) FROM service" >"$5.count"
	' sh "$TMP/small" "$LOKET" "$top_srcdir/data/demo-catalog.txt" \
		"$TMP/export.txt" "$TMP/full"
	check "a full disk exits 3" "$(cat "$TMP/full.status")" = 3
	contains "a full disk is explained" "$TMP/full.err" "is full. Nothing was changed."
	contains "after a full disk the database is intact" "$TMP/full.integrity" "ok"
	contains "after a full disk the catalog is still there" "$TMP/full.count" "16"
else
	echo "# skipped the full-disk test: it needs root to mount a small tmpfs"
fi

"$LOKET" --lang=en --db "$TMP/new/dir/fresh.db" init >"$out"
check "init creates the database and its directory" -s "$TMP/new/dir/fresh.db"
contains "init reports the schema" "$out" "schema version"
"$LOKET" --db "$TMP/fresh.db" --kiosk --line </dev/null 2>"$err"
check "--kiosk without exit_secret refuses to start" $? -eq 2
contains "--kiosk explains what is missing" "$err" "exit_secret"

done_testing
