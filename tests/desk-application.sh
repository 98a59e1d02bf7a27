#!/bin/sh
# The desk registers an application for a citizen (issue 12), driven
# through line mode as an operator types: a service, the name (non-Latin
# letters and all), a NIK refused with what is wrong and then typed
# right, a phone, the requirements ticked; the tracking number is shown,
# the receipt printed with its QR code, and the NIK only ever masked.
# Then the desk moves it to "documents needed" with which ones.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"	# for a complaint's answer

db=$TMP/desk.db
make_db "$db"
echo "rahasia123" | "$LOKET" --db "$db" user add ani >/dev/null
printf '[printer]\ntype = text\ndevice = %s\n%s\n' "$TMP/receipt.txt" \
	"$NOTIFY_CONF" >"$TMP/print.conf"
desk() { # desk LINE...: a desk session in English fed those lines
	printf '%s\n' ani rahasia123 1 "$@" |
		"$LOKET" --db "$db" --config "$TMP/print.conf" \
		--lang="${DESK_LANG:-en}" desk >"$TMP/out" 2>&1
}
sql() { sqlite3 -cmd ".timeout 10000" "$db" "$@"; }
# tracking_shown DIGITS: a tracking number as messages show it.
tracking_shown() { printf '%s\n' "$1" | sed 's/^\(....\)\(....\)/\1-\2-/'; }
name="Siti Nurhaliza — Café محمد"
nik=3201015203850002

# More..., Register an application, the first agency, its first service.
desk 9 4 1 1 "$name" 3201013203850002 "$nik" 2 0812345 081234567890 2 1 2 9 1
check "the desk session ends with status 0" $? -eq 0
contains "More... offers to register an application" "$TMP/out" \
	"4. Register an application"
contains "a NIK whose date cannot be is refused with what is wrong" \
	"$TMP/out" "320385 is not a date"
contains "a phone that is not one is refused" "$TMP/out" \
	"That is not a mobile number"
contains "the requirements are listed to tick" "$TMP/out" \
	"1. [ ] Aged 17 or over"
contains "... and ticked" "$TMP/out" "1. [x] Aged 17 or over"
contains "the application is registered" "$TMP/out" "== Application registered =="
tracking=$(sql "SELECT tracking FROM application")
shown=$(sed -n 's/^Tracking number: //p' "$TMP/out")
check "... its tracking number shown ($shown)" \
	"$(printf '%s' "$shown" | tr -d -)" = "$tracking"
check "... with the name as typed" "$(sql "SELECT name FROM application")" = "$name"
check "... the requirements handed in" \
	"$(sql "SELECT handed_in FROM application")" = "1,2"
check "... the phone kept for the text message" \
	"$(sql "SELECT phone FROM application")" = 081234567890
check "... made by the operator" \
	"$(sql "SELECT actor FROM event WHERE kind = 'application-add'")" = ani
contains "the NIK is shown masked" "$TMP/out" "NIK: ************0002"
lacks "... never whole after it was typed" "$TMP/out" "NIK: $nik"
contains "the receipt is printed with the number" "$TMP/receipt.txt" "$shown"
contains "... the masked NIK" "$TMP/receipt.txt" "NIK ************0002"
contains "... and a QR code" "$TMP/receipt.txt" "##############"
lacks "... never the whole NIK" "$TMP/receipt.txt" "$nik"
sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
check "the database file never holds the whole NIK" \
	"$(cat "$db" "$db-wal" 2>/dev/null | grep -c "$nik")" -eq 0

# More..., Change an application's state: the number, Documents needed.
desk 9 5 12345 "$tracking" 2 "Fotokopi KK — 2 lembar"
contains "a tracking number of the wrong length is refused" "$TMP/out" \
	"A tracking number has 12 digits"
contains "the states that may follow are offered" "$TMP/out" "2. Documents needed"
contains "the state changes, and the desk says so" "$TMP/out" \
	"is now: Documents needed."
check "... with the note" "$(sql "SELECT state || '|' || note FROM application")" = \
	"documents-needed|Fotokopi KK — 2 lembar"
"$LOKET" --db "$db" --lang=en application status "$tracking" >"$TMP/status"
contains "the kiosk's status shows which documents" "$TMP/status" \
	"Note: Fotokopi KK — 2 lembar"

# Documents needed: the applicant who gave a phone gets a text message.
check "a text message says which documents are needed" \
	"$(sql "SELECT count(*) FROM message WHERE kind = 'documents-needed' \
	AND phone = '081234567890' AND body LIKE '%Fotokopi KK — 2 lembar%' \
	AND body LIKE '%$shown%'")" = 1

# An office that cannot send text messages asks for no phone.
printf '[printer]\ntype = none\n[notify]\ntransport = none\n' >"$TMP/none.conf"
printf '%s\n' ani rahasia123 1 9 4 1 1 Budi 3201011203850001 9 1 |
	"$LOKET" --db "$db" --config "$TMP/none.conf" --lang=en desk \
	>"$TMP/out" 2>&1
lacks "without a transport, the desk asks for no phone" "$TMP/out" \
	"Does the applicant want a text message"
contains "... and goes on to the requirements" "$TMP/out" \
	"Which requirements were handed in?"
check "... the application is registered without one" \
	"$(sql "SELECT count(*) FROM application WHERE name = 'Budi' AND \
	phone IS NULL")" = 1

# A complaint filed at the desk for a citizen: the operator's, and the
# operator stays logged in after it (Done, or 0 on its last screen).
desk 9 6 1 1 3 1 1 1 1
contains "More... offers to file a complaint for a citizen" "$TMP/out" \
	"6. File a complaint for a citizen"
contains "the complaint is filed" "$TMP/out" "Complaint number: "
check "... by the operator" "$(sql "SELECT actor FROM event WHERE kind = \
	'complaint-add'")" = ani
after_filing() { sed -n '/Your complaint is filed/,$p' "$TMP/out"; }
check "... and Done goes back to the counter, still logged in" \
	"$(after_filing | grep -c "== Counter 1: ani ==")" -eq 1
desk 9 6 1 1 3 1 1 1 0
check "0 after filing also goes back to the counter" \
	"$(after_filing | grep -c "== Counter 1: ani ==")" -eq 1
check "... and logs nobody out on the way" \
	"$(after_filing | grep -c "Type your operator name")" -eq 0

# A phone typed, then back to the question and "No, stay anonymous":
# filed without the number.
desk 9 6 1 1 3 1 2 081277778888 2 0 0 '*' 1 1 1
contains "a phone typed at the desk is shown before filing" "$TMP/out" \
	"081277778888"
check "... back, then anonymous: filed without it" \
	"$(sql "SELECT count(*) FROM complaint WHERE phone = '081277778888'")" = 0
contains "... and filed" "$TMP/out" "Complaint number: "

# The citizen's language for the text messages: asked after the phone
# (the desk's own under the cursor), kept with the record, and the
# messages come in it, whatever the desk's language.
body() { sql "SELECT body FROM message WHERE kind = '$1' AND phone = '$2'"; }
# A desk in Indonesian; the citizen wants English.
DESK_LANG=id desk 9 4 1 1 Rina "$nik" 2 081211112222 2 9 1
contains "after the phone, the desk asks in which language" "$TMP/out" \
	"Dalam bahasa apa warga ingin menerima SMS?"
contains "... offering both" "$TMP/out" "2. English"
app_en=$(sql "SELECT tracking FROM application WHERE phone = '081211112222'")
"$LOKET" --db "$db" --lang=id application update "$app_en" \
	--state documents-needed --note "KK asli" >/dev/null
check "English chosen: the documents-needed message is in English" \
	"$(body documents-needed 081211112222)" = \
	"Loket: application $(tracking_shown "$app_en") needs: KK asli. Please bring them to the office."
# A desk in English; the citizen wants Bahasa Indonesia.
desk 9 4 1 1 Joko "$nik" 2 081233334444 1 9 1
app_id=$(sql "SELECT tracking FROM application WHERE phone = '081233334444'")
"$LOKET" --db "$db" --lang=en application update "$app_id" \
	--state processing >/dev/null
"$LOKET" --db "$db" --lang=en application update "$app_id" \
	--state ready --note "Loket 2" >/dev/null
check "Indonesian chosen at an English desk: the ready message is in Indonesian" \
	"$(body application-ready 081233334444)" = \
	"Loket: permohonan $(tracking_shown "$app_id") sudah siap. Ambil di Loket 2 dengan tanda terima dan KTP."

# A complaint filed at a desk in Indonesian for a citizen who wants
# English: its answer comes from the centre, and so does the message.
DESK_LANG=id desk 9 6 1 1 3 1 2 081255556666 2 1 1
contains "a complaint at the desk asks the language too" "$TMP/out" \
	"Dalam bahasa apa warga ingin menerima SMS?"
comp=$(sql "SELECT tracking FROM complaint WHERE phone = '081255556666'")
check "... and is filed ($comp)" -n "$comp"
"$LOKETD" --db "$LOKETD_DB" init >/dev/null
office=$("$LOKETD" --db "$LOKETD_DB" office add KEC01 --name Satu 2>/dev/null)
centre_start "$LOKETD_DB" || { echo "Bail out! loketd did not start"; exit 1; }
"$LOKET" --db "$db" sync enrol "$CENTRE" "$office" >/dev/null 2>&1
"$LOKET" --db "$db" sync >/dev/null 2>&1
check "the office pushes the complaint to the centre (exit $?)" $? -eq 0
"$LOKETD" --db "$LOKETD_DB" complaint reply "$comp" --text "Sudah ditindak." \
	>/dev/null 2>&1
check "the centre answers it (exit $?)" $? -eq 0
"$LOKET" --db "$db" sync >/dev/null 2>&1
check "English chosen: the complaint's message is in English" \
	"$(body complaint-answered 081255556666)" = \
	"Loket: your complaint $(tracking_shown "$comp") has an answer. Read it at the kiosk: Complaints, then 2."
centre_stop

# In Indonesian, the same screens.
printf '%s\n' ani rahasia123 1 9 |
	"$LOKET" --db "$db" --lang=id desk >"$TMP/out" 2>&1
lacks "in Indonesian, More... is translated" "$TMP/out" "Register an application"

done_testing
