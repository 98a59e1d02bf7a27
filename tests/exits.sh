#!/bin/sh
# Exit statuses and messages (loket(1), EXIT STATUS): the catalog's
# faults are 1 with FILE:LINE, bad arguments are usage errors (2) under
# "loket: ", and an action that was done but whose output was lost says
# so with its own status (6).
. "${top_srcdir:-.}/tests/lib.sh"

db=$TMP/exits.db
make_db "$db"
out=$TMP/out
err=$TMP/err
printf '[office]\nhours = mon-sun 00:00-24:00\n' >"$TMP/open.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/open.conf"
L="$LOKET --db $db --lang=en --config $TMP/open.conf"

# A service named twice under one counter is the catalog's fault.
sed 's/^services = ktp-el-baru ktp-el-penggantian kia$/services = kia kia/' \
	"$top_srcdir/data/demo-catalog.txt" >"$TMP/twice.txt"
line=$(grep -n '^services = kia kia$' "$TMP/twice.txt" | cut -d: -f1)
check "the catalog with a service twice under a counter is made" -n "$line"
$L catalog import "$TMP/twice.txt" 2>"$err"
check "a service twice under a counter exits 1, not 3" $? -eq 1
contains "... naming the file and line" "$err" "twice.txt:$line:"
contains "... and the service" "$err" 'service "kia" is listed twice'
lacks "... and no database error" "$err" "UNIQUE"

# A date that does not exist is a usage error, as for report --date.
$L booking make kia --at '2026-02-30 08:30' 2>"$err"
check "booking make --at 2026-02-30 exits 2" $? -eq 2
contains "... saying it is not a date" "$err" '"2026-02-30 08:30" is not a date'
$L booking make kia --at '2027-02-29 08:30' 2>/dev/null
check "booking make --at 2027-02-29 (no leap year) exits 2" $? -eq 2
$L report --date 2026-02-30 2>/dev/null
check "report --date 2026-02-30 exits 2 too" $? -eq 2

# A ticket id out of range is not clamped into "no such ticket".
$L ticket finish 99999999999999999999 --outcome done 2>"$err"
check "ticket finish with a 20-digit id exits 2" $? -eq 2
contains "... saying the id is too large" "$err" "the ticket id 99999999999999999999 is too large"
lacks "... never 'no such ticket'" "$err" "No ticket"
$L ticket call 99999999999999999999 --counter 1 2>/dev/null
check "ticket call with a 20-digit id exits 2" $? -eq 2
$L ticket finish 9223372036854775807 --outcome done 2>"$err"
check "the largest id is a real id: unknown, exits 1" $? -eq 1

# Taken, but the output was lost: 6, and the ticket stands.
before=$(sqlite3 "$db" "SELECT count(*) FROM ticket")
$L ticket take kia --json >/dev/full 2>"$err"
check "ticket take --json >/dev/full exits 6" $? -eq 6
contains "... reporting the write failure" "$err" "write error on standard output"
contains "... and that the ticket was taken" "$err" "the action was done"
check "... and the ticket was taken" \
	"$(sqlite3 "$db" "SELECT count(*) FROM ticket")" -eq $((before + 1))
$L ticket take kia >/dev/full 2>/dev/null
check "ticket take (text) >/dev/full exits 6" $? -eq 6
$L ticket call --counter 1 --json >/dev/full 2>/dev/null
check "ticket call >/dev/full exits 6 once the ticket is called" $? -eq 6
$L ticket take no-such-service >/dev/full 2>/dev/null
check "a refused take >/dev/full stays 1" $? -eq 1
$L queue status >/dev/full 2>/dev/null
check "a command that changes nothing >/dev/full stays 1" $? -eq 1

# +62 numbers are accepted and kept from 0, as the man page shows.
slot=$($L booking slots kia | sed -n 3p | cut -d' ' -f1,2)
$L booking make kia --at "$slot" --phone +6281234567890 >"$out" 2>"$err"
check "booking make --phone +6281234567890 exits 0" $? -eq 0
check "... and keeps 081234567890" \
	"$(sqlite3 "$db" "SELECT phone FROM booking ORDER BY id DESC LIMIT 1")" = 081234567890
$L booking make kia --at "$slot" --phone +62081234567 2>"$err"
check "+62 then 0 is refused (2)" $? -eq 2
$L booking make kia --at "$slot" --phone +6512345678 2>/dev/null
check "another country's number is refused (2)" $? -eq 2
contains "the rule names +62" "$err" "+62"

# Option errors say "loket:", never the command's last word.
$L ticket take kia --bogus 2>"$err"
check "ticket take --bogus exits 2" $? -eq 2
contains "... under loket:" "$err" 'loket: invalid option "--bogus"'
lacks "... never take:" "$err" "take:"
$L ticket finish 1 --outcome 2>"$err"
check "ticket finish --outcome without value exits 2" $? -eq 2
contains "... under loket:" "$err" "loket: the option --outcome needs a value"
lacks "... never finish:" "$err" "finish:"
$L booking make kia --at 2>"$err"
contains "booking make --at without value: loket:" "$err" "loket: the option --at needs a value"
$LOKET --lang=en --bogus 2>"$err"
check "loket --bogus exits 2" $? -eq 2
contains "... under loket: whatever the path of the program" "$err" 'loket: invalid option "--bogus"'
lacks "... never the path" "$err" "/loket:"
$LOKET --lang=en -x 2>"$err"
contains "an unknown short option is named" "$err" 'loket: invalid option "-x"'
$LOKET 2>"$err" --lang=en --db "$db" queue status --bogus
contains "queue status --bogus: loket:" "$err" 'loket: invalid option "--bogus"'
$LOKET --db "$db" ticket take kia --bogus 2>"$err"
contains "option errors are in Indonesian by default" "$err" "loket: opsi"

done_testing
