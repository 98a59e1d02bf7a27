#!/bin/sh
# Applications from the command line (issue 12): registered with a NIK
# that is checked and then kept only masked, followed by a tracking number
# whose check digit catches a mistyped digit before any lookup, moved
# through their states with the notes they need, listed for the staff.
# Bad input changes nothing; the database file never holds the whole NIK.
. "${top_srcdir:-.}/tests/lib.sh"

db=$TMP/office.db
make_db "$db"
L() { "$LOKET" --lang=en --db "$db" "$@"; }
sql() { sqlite3 -cmd ".timeout 10000" "$db" "$@"; }
nik=3201015203850002	# a woman born 12 March 1985
name="Siti Nurhaliza — Café محمد"

# -- Registering ------------------------------------------------------------
L application add ktp-el-baru --name "$name" --nik "$nik" \
	--phone 081234567890 --handed-in 1,2 --json >"$TMP/add" 2>"$TMP/err"
check "application add exits 0" $? -eq 0
tracking=$(sed -n 's/.*"tracking":"\([0-9]*\)".*/\1/p' "$TMP/add")
shown=$(sed -n 's/.*"shown":"\([0-9-]*\)".*/\1/p' "$TMP/add")
check "it gets a tracking number of 12 digits ($tracking)" \
	"$(printf '%s' "$tracking" | wc -c)" -eq 12
check "... shown in groups of four ($shown)" \
	"$(printf '%s' "$shown" | tr -d '-')" = "$tracking"
contains "... received" "$TMP/add" '"state":"received"'
contains "... with the requirements handed in" "$TMP/add" '"handed_in":"1,2"'
check "the name is kept as typed, non-Latin letters and all" \
	"$(sql "SELECT name FROM application")" = "$name"
check "the NIK is kept only masked" \
	"$(sql "SELECT nik_masked FROM application")" = "************0002"
sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
found=$(cat "$db" "$db-wal" 2>/dev/null | grep -c "$nik")
check "the database file never holds the whole NIK" "$found" -eq 0
check "the event log has its registration, for the centre" \
	"$(sql "SELECT count(*) FROM event WHERE kind = 'application-add' \
	AND application_id IS NOT NULL")" -eq 1
check "... sealed into the outbox with the chain" \
	"$(sql "SELECT count(*) FROM outbox o JOIN event e ON e.id = \
	o.event_id WHERE e.kind = 'application-add'")" -eq 1
lacks_nik=$(sql "SELECT count(*) FROM outbox WHERE body LIKE '%$nik%' OR \
	body LIKE '%081234567890%' OR body LIKE '%Nurhaliza%'")
check "the outbox holds no NIK, phone or name in clear" "$lacks_nik" -eq 0

L application add ktp-el-baru --name "Budi" --nik 3201011203850001 \
	>"$TMP/out" 2>&1
check "in words: exit 0" $? -eq 0
contains "... the number, the service and the state" "$TMP/out" \
	"(New Electronic Identity Card (KTP-el)): Received."
contains "... the NIK masked" "$TMP/out" "NIK: ************0001"
lacks "... never whole" "$TMP/out" "3201011203850001"

# -- Bad input: a message that names what is wrong, and nothing changes ----
before=$(sql "SELECT count(*) FROM application")
events=$(sql "SELECT count(*) FROM event")
refused() { # refused DESCRIPTION TEXT ARGS...: exit 1, TEXT said
	_what=$1 _text=$2
	shift 2
	L application add "$@" >"$TMP/out" 2>&1
	_rc=$?
	check "$_what: exit 1 ($_rc)" $_rc -eq 1
	contains "... and says so" "$TMP/out" "$_text"
}
refused "a NIK one digit short" "A NIK has 16 digits; this has 15." \
	ktp-el-baru --name Ani --nik 320101120385000
refused "a NIK with a letter" "A NIK is made of digits only." \
	ktp-el-baru --name Ani --nik 32010112O3850001
refused "a NIK with no province" "20 is not one" \
	ktp-el-baru --name Ani --nik 2001011203850001
refused "a NIK whose date cannot be" "320385 is not a date" \
	ktp-el-baru --name Ani --nik 3201013203850001
refused "a NIK with sequence 0000" "never 0000" \
	ktp-el-baru --name Ani --nik 3201011203850000
refused "no name" "The applicant's name is missing." \
	ktp-el-baru --name "  " --nik 3201011203850001
refused "a name with an escape character" "not text" \
	ktp-el-baru --name "$(printf 'A\033[2J')" --nik 3201011203850001
refused "an unknown service" 'There is no service "paspor".' \
	paspor --name Ani --nik 3201011203850001
refused "a phone that is not one" "is not a mobile number" \
	ktp-el-baru --name Ani --nik 3201011203850001 --phone 12ab
refused "requirements that are not numbers" "is not a list of requirement" \
	ktp-el-baru --name Ani --nik 3201011203850001 --handed-in 2,1
check "none of them registered anything" \
	"$(sql "SELECT count(*) FROM application")" -eq "$before"
check "... nor wrote an event" "$(sql "SELECT count(*) FROM event")" -eq "$events"
L application add ktp-el-baru --nik 3201011203850001 >"$TMP/out" 2>&1
check "--name is required: usage, exit 2" $? -eq 2

# -- Status by tracking number -----------------------------------------------
L application status "$shown" >"$TMP/out" 2>&1
check "status by the number as shown: exit 0" $? -eq 0
contains "... says the state" "$TMP/out" "Received."
contains "... and what to do next" "$TMP/out" "Nothing to do yet."
lacks "... never the name" "$TMP/out" "Nurhaliza"
lacks "... nor the NIK, even masked" "$TMP/out" "0002"
last=$(printf '%s' "$tracking" | cut -c12)
wrong=$(printf '%s%s' "$(printf '%s' "$tracking" | cut -c1-11)" \
	$(( (last + 1) % 10 )))
L application status "$wrong" >"$TMP/out" 2>&1
check "a wrong check digit: exit 1, no lookup" $? -eq 1
contains "... check it again" "$TMP/out" "is not valid: a digit is wrong or two are swapped"
swapped=$(printf '%s' "$tracking" | sed 's/^\(.\)\(.\)/\2\1/')
if [ "$swapped" != "$tracking" ]; then
	L application status "$swapped" >"$TMP/out" 2>&1
	check "two digits swapped: caught" $? -eq 1
fi
L application status 12345 >"$TMP/out" 2>&1
check "too short: exit 1" $? -eq 1
contains "... with the form a number has" "$TMP/out" "12 digits, such as 3141-5926-5351"
# A valid number that is not registered: eleven digits and their check.
cand=10000000000
for d in 0 1 2 3 4 5 6 7 8 9; do
	L application status "$cand$d" >"$TMP/out" 2>&1
	grep -q "is not valid" "$TMP/out" || break
done
check "a valid number not registered here: exit 1 ($cand$d)" \
	"$(L application status "$cand$d" >/dev/null 2>&1; echo $?)" -eq 1
contains "... says there is none" "$TMP/out" "There is no application 10000000000$d here."

# -- States -------------------------------------------------------------------
L application update "$tracking" --state documents-needed >"$TMP/out" 2>&1
check "documents needed without saying which: exit 1" $? -eq 1
contains "... the note is asked for" "$TMP/out" "needs a note"
L application update "$tracking" --state handed-over >"$TMP/out" 2>&1
check "received straight to handed over: exit 1" $? -eq 1
contains "... and why" "$TMP/out" "An application that is received cannot become handed-over."
L application update "$tracking" --state done >"$TMP/out" 2>&1
check "an unknown state: usage, exit 2" $? -eq 2
contains "... naming the states" "$TMP/out" "documents-needed, ready"
ok "received -> processing" L application update "$tracking" --state processing
ok "processing -> documents needed, which" L application update "$tracking" \
	--state documents-needed --note "Surat pengantar RT/RW — asli"
ok "documents needed -> ready, where" L application update "$tracking" \
	--state ready --note "Loket 2, lantai 1"
L application status "$tracking" >"$TMP/out"
contains "status: ready for pickup" "$TMP/out" "Ready for pickup."
contains "... where" "$TMP/out" "Note: Loket 2, lantai 1"
contains "... the history, with the earlier note" "$TMP/out" \
	"Documents needed: Surat pengantar RT/RW — asli"
L application status "$tracking" --json >"$TMP/json"
check "--json: the history has all four changes" \
	"$(grep -o '"source":"office"' "$TMP/json" | wc -l)" -eq 4
ok "ready -> handed over" L application update "$tracking" --state handed-over
L application update "$tracking" --state processing >"$TMP/out" 2>&1
check "handed over is final: exit 1" $? -eq 1
sql "UPDATE application_change SET note = 'x'" 2>"$TMP/err"
contains "the history is append-only" "$TMP/err" "append-only"
check "each change is an event for the centre" \
	"$(sql "SELECT count(*) FROM event WHERE kind = 'application-update'")" -eq 4

# -- Listing ----------------------------------------------------------------
L application list >"$TMP/out"
check "list: both applications" "$(wc -l <"$TMP/out")" -eq 2
lacks "... no name in the list" "$TMP/out" "Budi"
L application list --state received --csv >"$TMP/csv"
check "--state received --csv: a header and one row" "$(wc -l <"$TMP/csv")" -eq 2
contains "... the masked NIK" "$TMP/csv" "************0001"
today=$(sql "SELECT day FROM application LIMIT 1")
L application list --date "$today" --csv >"$TMP/csv"
check "--date: today's two" "$(wc -l <"$TMP/csv")" -eq 3
L application list --date 2026-13-01 >"$TMP/out" 2>&1
check "a date that is not one: exit 2" $? -eq 2
contains "... says what --date wants" "$TMP/out" "--date wants a date such as 2026-11-30"

# -- Sealed for the centre --------------------------------------------------
key=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
sql "INSERT INTO sync_state (key, value) VALUES ('centre_key', '$key')"
L application add ktp-el-baru --name "Dewi" --nik 3201011203850003 \
	--phone 081298765432 >/dev/null
check "with a centre's key, the name, NIK and phone are sealed to it" \
	"$(sql "SELECT count(*) FROM outbox o JOIN event e ON e.id = o.event_id \
	WHERE e.kind = 'application-add' AND o.body LIKE '%\"sealed\":\"%'")" -eq 1
check "... and nothing of them is readable" \
	"$(sql "SELECT count(*) FROM outbox WHERE body LIKE '%3201011203850003%' \
	OR body LIKE '%081298765432%' OR body LIKE '%Dewi%'")" -eq 0

# -- In Indonesian --------------------------------------------------------------
"$LOKET" --lang=id --db "$db" application status "$wrong" >"$TMP/out" 2>&1
lacks "in Indonesian, the refusal is translated" "$TMP/out" "is not valid"
"$LOKET" --lang=id --db "$db" application add ktp-el-baru --name A \
	--nik 123 >"$TMP/out" 2>&1
contains "... and a NIK's too" "$TMP/out" "16 digit"

done_testing
