#!/bin/sh
# Complaints from the command line and line mode (issue 12): filed with a
# kind, an optional text and an optional phone (anonymous otherwise),
# followed by a tracking number; the phone leaves the office only sealed;
# bad input names what is wrong and changes nothing.
. "${top_srcdir:-.}/tests/lib.sh"

db=$TMP/office.db
make_db "$db"
L() { "$LOKET" --lang=en --db "$db" "$@"; }
sql() { sqlite3 -cmd ".timeout 10000" "$db" "$@"; }

L complaint add --service ktp-el-baru --kind fee \
	--text "Diminta Rp50.000 — katanya untuk blangko. 收费" --json \
	>"$TMP/add" 2>"$TMP/err"
check "complaint add exits 0" $? -eq 0
tracking=$(sed -n 's/.*"tracking":"\([0-9]*\)".*/\1/p' "$TMP/add")
check "it gets a tracking number of 12 digits ($tracking)" \
	"$(printf '%s' "$tracking" | wc -c)" -eq 12
contains "... about a fee" "$TMP/add" '"kind":"fee"'
contains "... received" "$TMP/add" '"state":"received"'
check "the text is kept as typed" "$(sql "SELECT text FROM complaint")" = \
	"Diminta Rp50.000 — katanya untuk blangko. 收费"
check "anonymous: no phone kept" \
	"$(sql "SELECT count(*) FROM complaint WHERE phone IS NULL")" -eq 1
check "an event for the centre" "$(sql "SELECT count(*) FROM event e JOIN \
	outbox o ON o.event_id = e.id WHERE e.kind = 'complaint-add' AND \
	e.complaint_id IS NOT NULL")" -eq 1

L complaint status "$tracking" >"$TMP/out"
check "status: exit 0" $? -eq 0
contains "... the state" "$TMP/out" "Received, waiting for an answer."
contains "... what it is about" "$TMP/out" "About: A fee not in the service standard"
contains "... where to go further" "$TMP/out" "SP4N-LAPOR!"
last=$(printf '%s' "$tracking" | cut -c12)
wrong="$(printf '%s' "$tracking" | cut -c1-11)$(( (last + 1) % 10 ))"
L complaint status "$wrong" >"$TMP/out" 2>&1
check "a wrong check digit: exit 1" $? -eq 1
contains "... caught before any lookup" "$TMP/out" "is not valid"

# Applications and complaints never share a number.
check "tracking numbers are unique across applications and complaints" \
	"$(sql "SELECT count(*) FROM application WHERE tracking = '$tracking'")" -eq 0

# A phone for the answer: kept for the text message, sealed for the centre.
key=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
sql "INSERT INTO sync_state (key, value) VALUES ('centre_key', '$key')"
L complaint add --service kia --kind slow --phone +6281298765432 >"$TMP/out"
check "with a phone: exit 0" $? -eq 0
check "... the phone kept in the local form for the text message" \
	"$(sql "SELECT phone FROM complaint WHERE kind = 'slow'")" = 081298765432
check "... and sealed in the outbox, never readable there" \
	"$(sql "SELECT count(*) FROM outbox WHERE body LIKE '%\"sealed\":\"%' \
	AND body NOT LIKE '%81298765432%'")" -eq 1

before=$(sql "SELECT count(*) FROM complaint")
events=$(sql "SELECT count(*) FROM event")
L complaint add --service ktp-el-baru --kind rude >"$TMP/out" 2>&1
check "an unknown kind: usage, exit 2" $? -eq 2
contains "... naming the kinds" "$TMP/out" "use slow, conduct, fee, facility or other"
L complaint add --service paspor --kind slow >"$TMP/out" 2>&1
check "an unknown service: exit 1" $? -eq 1
contains "... named" "$TMP/out" 'There is no service "paspor".'
L complaint add --service kia --kind slow --phone 12ab >"$TMP/out" 2>&1
check "a phone that is not one: exit 1" $? -eq 1
L complaint add --service kia --kind slow --text "$(printf 'a\033[2Jb')" \
	>"$TMP/out" 2>&1
check "a text with an escape: exit 1" $? -eq 1
contains "... named" "$TMP/out" "complaint's text holds characters that are not text"
long=$(head -c 600 /dev/zero | tr '\0' 'x')
L complaint add --service kia --kind other --text "$long" >"$TMP/out" 2>&1
check "a text past 500 characters: exit 1" $? -eq 1
check "none of them filed anything" \
	"$(sql "SELECT count(*) FROM complaint")" -eq "$before"
check "... nor wrote an event" "$(sql "SELECT count(*) FROM event")" -eq "$events"
L complaint add --kind slow >"$TMP/out" 2>&1
check "--service is required: exit 2" $? -eq 2

# The kiosk in line mode: Complaints, a service, a kind, no words, file.
printf '2\n4\n1\n1\n1\n1\n1\n1\n1\n' | "$LOKET" --db "$db" --line >"$TMP/line" 2>&1
contains "line mode: the complaints menu" "$TMP/line" "1. File a complaint"
contains "... what it is about" "$TMP/line" "2. An officer's conduct"
contains "... filed, with its number" "$TMP/line" "Complaint number: "
shown=$(sed -n 's/^Complaint number: //p' "$TMP/line")
check "... a complaint about slowness without words is stored" \
	"$(sql "SELECT count(*) FROM complaint WHERE text = '' AND phone IS \
	NULL AND kind = 'slow'")" -eq 1
# A phone typed, then back to the question and "No, stay anonymous":
# anonymous, the number forgotten.
phones=$(sql "SELECT count(*) FROM complaint WHERE phone IS NOT NULL")
filed=$(sql "SELECT count(*) FROM complaint")
printf '2\n4\n1\n1\n1\n1\n1\n2\n081234567890\n0\n*\n1\n1\n1\n' |
	"$LOKET" --db "$db" --line >"$TMP/line" 2>&1
contains "line mode: a phone typed is shown before filing" "$TMP/line" \
	"Text message to: 081234567890"
check "... back, then anonymous: filed" \
	"$(sql "SELECT count(*) FROM complaint")" -eq $((filed + 1))
check "... without the number" \
	"$(sql "SELECT count(*) FROM complaint WHERE phone IS NOT NULL")" \
	-eq "$phones"
printf '2\n4\n2\n%s\n' "$shown" | "$LOKET" --db "$db" --line >"$TMP/line" 2>&1
contains "line mode: its answer is awaited" "$TMP/line" "State: Received, waiting for an answer."
printf '1\n4\n3\n' | "$LOKET" --db "$db" --line >"$TMP/line" 2>&1
contains "in Indonesian: where to go further" "$TMP/line" "www.lapor.go.id"
lacks "... translated" "$TMP/line" "Not satisfied?"

done_testing
