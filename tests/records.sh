#!/bin/sh
# Applications and complaints through the centre (issue 12), on a real
# loketd on a loopback port, either engine (LOKETD_ENGINE): an office
# registers an application and files a complaint; they reach the centre
# with sync; the centre marks the application ready and answers the
# complaint; after the next sync the office's kiosk shows both, the
# application's history keeping the desk's changes and the centre's.
# A kiosk of any office may ask the centre for one by number: never a
# name, a NIK or a phone in the answer.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"

centre=$LOKETD_DB
db=$TMP/office.db
"$LOKETD" --db "$centre" init >/dev/null
code=$("$LOKETD" --db "$centre" office add KEC01 --name Satu 2>/dev/null)
code2=$("$LOKETD" --db "$centre" office add KEC02 --name Dua 2>/dev/null)
other=$TMP/other.db
make_db "$db"
L() { "$LOKET" --lang=en --db "$db" "$@"; }
sql() { sqlite3 -cmd ".timeout 10000" "$db" "$@"; }
centre_start "$centre"
check "loketd serves on a loopback port" -n "$CENTRE"
ok "the office enrols" L sync enrol "$CENTRE" "$code"
make_db "$other"
ok "... and another office" "$LOKET" --lang=en --db "$other" sync enrol \
	"$CENTRE" "$code2"
ok "... which pulls what every office gets" "$LOKET" --lang=en \
	--db "$other" sync

nik=3201015203850002
app=$(L application add ktp-el-baru --name "Siti Nurhaliza — محمد" \
	--nik "$nik" --phone 081234567890 --json |
	sed -n 's/.*"tracking":"\([0-9]*\)".*/\1/p')
check "an application registered at the office ($app)" -n "$app"
ok "... the desk starts processing it" L application update "$app" \
	--state processing
comp=$(L complaint add --service kia --kind fee --text "Diminta Rp50.000" \
	--phone 081298765432 --json |
	sed -n 's/.*"tracking":"\([0-9]*\)".*/\1/p')
check "a complaint filed at the office ($comp)" -n "$comp"
ok "sync pushes them" L sync
check "the centre knows the application, in process" \
	"$(centre_sql "$centre" "SELECT state FROM record WHERE kind = \
	'application' AND tracking = '$app'")" = processing
check "... its personal data kept sealed, never in clear" \
	"$(centre_sql "$centre" "SELECT count(*) FROM record WHERE tracking = \
	'$app' AND sealed IS NOT NULL AND sealed NOT LIKE '%$nik%'")" = 1
check "the centre knows the complaint" \
	"$(centre_sql "$centre" "SELECT state FROM record WHERE kind = \
	'complaint' AND tracking = '$comp'")" = received

# The centre's commands: bad input names what is wrong, changes nothing.
before=$(centre_sql "$centre" "SELECT count(*) FROM change")
"$LOKETD" --db "$centre" application update 1234 --state ready \
	--note x >"$TMP/out" 2>&1
check "not a tracking number: usage, exit 2 ($?)" $? -eq 2
"$LOKETD" --db "$centre" application update "$app" --state done \
	>"$TMP/out" 2>&1
check "an unknown state: exit 2" $? -eq 2
contains "... naming the states" "$TMP/out" "documents-needed, ready"
"$LOKETD" --db "$centre" application update "$app" --state ready \
	>"$TMP/out" 2>&1
check "ready without saying where: exit 2" $? -eq 2
contains "... the note is asked for" "$TMP/out" "(--note)"
"$LOKETD" --db "$centre" application update 100000000009 --state \
	processing >"$TMP/out" 2>&1
check "an application the centre does not know: exit 1 ($?)" $? -eq 1
"$LOKETD" --db "$centre" complaint reply "$comp" --text "" >"$TMP/out" 2>&1
check "an empty answer: exit 2" $? -eq 2
check "none of them published anything" \
	"$(centre_sql "$centre" "SELECT count(*) FROM change")" = "$before"

ok "the centre marks the application ready, with where" \
	"$LOKETD" --db "$centre" application update "$app" --state ready \
	--note "Loket 2 — lantai 1"
ok "the centre answers the complaint" "$LOKETD" --db "$centre" complaint \
	reply "$comp" --text "Pungutan itu tidak sah; petugas sudah ditegur."

# A kiosk asks the centre for one by number, with its office's token.
token=$(sql "SELECT value FROM sync_state WHERE key = 'token'")
check "GET /v1/applications/N: 200" \
	"$(http GET "/v1/applications/$app" "$token")" = 200
contains "... the state the centre set" "$TMP/body" '"state":"ready"'
contains "... and the note" "$TMP/body" '"note":"Loket 2 — lantai 1"'
lacks "... never the name" "$TMP/body" "Nurhaliza"
lacks "... nor the NIK" "$TMP/body" "$nik"
lacks "... nor the phone" "$TMP/body" "81234567890"
check "without a token: 401" "$(http GET "/v1/applications/$app")" = 401
check "not a number: 400" "$(http GET "/v1/applications/12ab" "$token")" = 400
check "a number the centre does not know: 404" \
	"$(http GET /v1/applications/100000000009 "$token")" = 404
check "GET /v1/complaints/N: 200" \
	"$(http GET "/v1/complaints/$comp" "$token")" = 200
contains "... answered" "$TMP/body" '"state":"answered"'

# A back-office system does the same through the API, with a token of
# its own: an office's token is no back office's.
bo=$("$LOKETD" --db "$centre" backoffice add simpel 2>/dev/null)
before_bo=$(centre_sql "$centre" "SELECT count(*) FROM change")
check "loketd backoffice add prints a token once" \
	"$(printf '%s' "$bo" | wc -c)" -eq 64
check "... and keeps only its hash" \
	"$(centre_sql "$centre" "SELECT count(*) FROM backoffice WHERE \
	token_hash <> '$bo'")" = 1
post() { # post PATH TOKEN BODY: the status; the answer in $TMP/body
	printf '%s' "$3" >"$TMP/post"
	http POST "$1" "$2" "$TMP/post"
}
check "an office's token cannot set an application: 401" \
	"$(post "/v1/applications/$app" "$token" '{"state":"processing"}')" = 401
check "no token: 401" \
	"$(post "/v1/applications/$app" "" '{"state":"processing"}')" = 401
check "a state that is not one: 400" \
	"$(post "/v1/applications/$app" "$bo" '{"state":"done"}')" = 400
contains "... saying so" "$TMP/body" "not a state"
check "documents needed without which: 400" \
	"$(post "/v1/applications/$app" "$bo" '{"state":"documents-needed"}')" = 400
check "malformed JSON: 400" \
	"$(post "/v1/applications/$app" "$bo" '{"state":')" = 400
check "a number the centre does not know: 404" \
	"$(post /v1/applications/100000000004 "$bo" '{"state":"processing"}')" = 404
check "none of them published anything" \
	"$(centre_sql "$centre" "SELECT count(*) FROM change")" = "$before_bo"
check "the back office sets it: 200" \
	"$(post "/v1/applications/$app" "$bo" \
	'{"state":"ready","note":"Loket 2 — lantai 1"}')" = 200
contains "... and is told the change's cursor" "$TMP/body" '"cursor":'
check "... published for its office" \
	"$(centre_sql "$centre" "SELECT count(*) FROM change")" = \
	$((before_bo + 1))
bo2=$("$LOKETD" --db "$centre" backoffice add simpel 2>/dev/null)
check "a renewed token: the old one stops working (401)" \
	"$(post "/v1/complaints/$comp" "$bo" '{"answer":"x"}')" = 401
ok "loketd backoffice disable" "$LOKETD" --db "$centre" backoffice disable \
	simpel
check "a disabled back office: 401" \
	"$(post "/v1/complaints/$comp" "$bo2" '{"answer":"x"}')" = 401
"$LOKETD" --db "$centre" backoffice disable nobody >/dev/null 2>&1
check "disabling a back office that does not exist: exit 1" $? -eq 1

L sync >"$TMP/pull" 2>&1
check "the next sync pulls the centre's changes (exit $?)" $? -eq 0
contains "... its office's three" "$TMP/pull" "Pulled 3 changes."
"$LOKET" --lang=en --db "$other" sync >"$TMP/pull2" 2>&1
contains "another office pulls none of them: they are not its own" \
	"$TMP/pull2" "Pulled 0 changes."
check "... and the centre wrote them for their office alone" \
	"$(centre_sql "$centre" "SELECT count(*) FROM change WHERE kind IN \
	('application', 'complaint-answer') AND office_id IS NULL")" = 0
L application status "$app" >"$TMP/status"
contains "the office's records show ready" "$TMP/status" "Ready for pickup."
printf '2\n2\n%s\n' "$app" | "$LOKET" --db "$db" --line >"$TMP/kiosk" 2>&1
contains "the office's kiosk shows ready (line mode)" "$TMP/kiosk" \
	"State: Ready for pickup."
contains "... and where" "$TMP/kiosk" "Note: Loket 2 — lantai 1"
contains "... where" "$TMP/status" "Note: Loket 2 — lantai 1"
contains "... and the history keeps the desk's change" "$TMP/status" \
	"In process"
check "... and the centre's, said to come from it (the same twice: once)" \
	"$(sql "SELECT count(*) FROM application_change WHERE source = \
	'centre' AND state = 'ready'")" = 1
check "the applicant's text message says where to pick it up" \
	"$(sql "SELECT count(*) FROM message WHERE kind = 'application-ready' \
	AND phone = '081234567890' AND body LIKE '%Loket 2 — lantai 1%'")" = 1
check "the complainant's text message says there is an answer" \
	"$(sql "SELECT count(*) FROM message WHERE kind = \
	'complaint-answered' AND phone = '081298765432'")" = 1
check "... and the complaint forgets the phone (the message keeps it)" \
	"$(sql "SELECT count(*) FROM complaint WHERE phone IS NULL")" = 1
# The sender hands them to the office's transport: a command here.
printf '%s\n' '#!/bin/sh' 'printf "%s|%s\n" "$1" "$2" >>"$0.log"' \
	>"$TMP/send"
chmod +x "$TMP/send"
printf '[notify]\ntransport = command\ncommand = %s\n' "$TMP/send" \
	>"$TMP/notify.conf"
"$LOKET" --lang=en --db "$db" --config "$TMP/notify.conf" notify \
	>"$TMP/out" 2>&1
check "loket notify sends them (exit $?)" $? -eq 0
contains "the applicant's text message goes out, with where" \
	"$TMP/send.log" "081234567890|Loket: application"
contains "... the pickup place in it" "$TMP/send.log" "Loket 2 — lantai 1"
contains "the complainant's goes out too" "$TMP/send.log" \
	"081298765432|Loket: your complaint"
L complaint status "$comp" >"$TMP/status"
contains "the complaint shows the centre's answer" "$TMP/status" \
	"Answer: Pungutan itu tidak sah; petugas sudah ditegur."
contains "... answered" "$TMP/status" "Answered."
events=$(sql "SELECT count(*) FROM event WHERE kind LIKE 'application%'")
ok "a sync again" L sync
check "a change that came from the centre is not pushed back" \
	"$(sql "SELECT count(*) FROM event WHERE kind LIKE 'application%'")" \
	= "$events"

# The centre's order decides: the desk hands it over after the centre's
# ready; the centre gets the desk's change as the latest.
ok "the desk hands it over" L application update "$app" --state handed-over
ok "... sync" L sync
check "the centre's record follows the latest change it received" \
	"$(centre_sql "$centre" "SELECT state FROM record WHERE tracking = \
	'$app'")" = handed-over
check "handed over, the application forgets the phone" \
	"$(sql "SELECT count(*) FROM application WHERE phone IS NULL")" = 1

done_testing
