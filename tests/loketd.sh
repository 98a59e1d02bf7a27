#!/bin/sh
# loketd's API against hostile and repeated requests (issue 11): an
# enrolment code works again (a new token, the last one void) until the
# office has used its token, then never; a wrong, missing or disabled token gets 401;
# an office cannot push as another; oversized bodies get 413 and
# malformed JSON 400 with a reason; the same operation twice is applied
# once ("duplicate"), the same id with other content is a "conflict",
# never applied; a gap in the hash chain is reported, not refused.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"

db=$LOKETD_DB
ok "loketd init makes the database and keys" "$LOKETD" --db "$db" init
key=$(centre_sql "$db" "SELECT value FROM meta WHERE key = 'public_key'")
ok "loketd init again" "$LOKETD" --db "$db" init
ok "loketd migrate on a current database" "$LOKETD" --db "$db" migrate
# back N: the statement that sets the schema's version N back.
back() {
	if [ "$LOKETD_ENGINE" = postgresql ]; then
		echo "UPDATE loket_schema SET version = version - $1"
	else
		echo "PRAGMA user_version = $(($(centre_sql "$db" \
			"PRAGMA user_version") - $1))"
	fi
}
# Two versions back, before enrolment codes were kept and each office's
# operations counted: migrate brings it up.
centre_sql "$db" "ALTER TABLE office DROP COLUMN token_unused;
	ALTER TABLE office DROP COLUMN received; $(back 2)"
ok "loketd migrate from the version before kept enrolment codes" \
	"$LOKETD" --db "$db" migrate
check "... adds what keeps them" \
	"$(centre_sql "$db" "SELECT count(token_unused) FROM office")" = 0
check "... and what counts each office's operations" \
	"$(centre_sql "$db" "SELECT count(received) FROM office")" = 0
check "... neither made new keys" \
	"$(centre_sql "$db" "SELECT value FROM meta WHERE key = 'public_key'")" \
	= "$key"
code=$("$LOKETD" --db "$db" office add KEC01 --name "Kecamatan Satu" 2>/dev/null)
code2=$("$LOKETD" --db "$db" office add KEC02 --name "Kecamatan Dua" 2>/dev/null)
check "office add prints an enrolment code ($code)" -n "$code"
"$LOKETD" --db "$db" office add KEC01 --name again >/dev/null 2>&1
check "the same office cannot be added twice" $? -eq 1
centre_start "$db"
check "loketd serves on a loopback port and /healthz answers" -n "$CENTRE"

enrol() {
	printf '{"code":"%s"}' "$1" >"$TMP/enrol.json"
	http POST /v1/enrol "" "$TMP/enrol.json"
}
# enrol_again CODE: a new office, enrolled; prints its token.
enrol_again() {
	enrol "$("$LOKETD" --db "$db" office add "$1" --name "$1" 2>/dev/null)" \
		>/dev/null
	sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p' "$TMP/body"
}
check "enrolment with the code answers 200" "$(enrol "$code")" = 200
lost=$(sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p' "$TMP/body")
contains "... with the centre's public key" "$TMP/body" '"centre_key":"'
# Its answer lost on the way: the office sends the same code again.
check "the same code before the token was used answers 200" \
	"$(enrol "$code")" = 200
token=$(sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p' "$TMP/body")
check "... with a new token" -n "$token" -a "$token" != "$lost"
printf '{"office":"KEC01","ops":[]}' >"$TMP/none"
check "... the first token is refused (401)" \
	"$(http POST /v1/ops "$lost" "$TMP/none")" = 401
check "... the new one works (200)" \
	"$(http POST /v1/ops "$token" "$TMP/none")" = 200
check "a replayed enrolment code after the token was used is refused (403)" \
	"$(enrol "$code")" = 403
check "... and the token still works (200)" \
	"$(http POST /v1/ops "$token" "$TMP/none")" = 200
check "... and a made-up one too" "$(enrol 2345-6789-ABCD)" = 403
centre_sql "$db" "UPDATE office SET enrol_expires = 1 WHERE code = 'KEC02'"
check "an expired enrolment code is refused (403)" "$(enrol "$code2")" = 403
code4=$("$LOKETD" --db "$db" office add KEC04 --name "Kecamatan Empat" 2>/dev/null)
enrol "$code4" >/dev/null
centre_sql "$db" "UPDATE office SET enrol_expires = 1 WHERE code = 'KEC04'"
check "... and so is a kept one that expired since" "$(enrol "$code4")" = 403
code5=$("$LOKETD" --db "$db" office add KEC05 --name "Kecamatan Lima" 2>/dev/null)
enrol "$code5" >/dev/null
"$LOKETD" --db "$db" office disable KEC05 >/dev/null 2>&1
check "a kept code of an office disabled since is refused (403)" \
	"$(enrol "$code5")" = 403

# One ticket taken: an operation as an office makes it, in canonical form
# (keys sorted, no spaces), so that its hash is the SHA-256 of its text.
op() { # op ID SEQ PREV NUMBER [STATE]
	printf '{"actor":"kiosk","at":1764480000,"counter":0,"detail":"",'
	printf '"id":"%s","kind":"take","prev":"%s","seq":%s,' "$1" "$3" "$2"
	printf '"terminal":"t","ticket":{"arrived":1764480000,"called":0,'
	printf '"counter":0,"day":"2026-11-30","finished":0,"number":%s,' "$4"
	printf '"outcome":"","priority":"none","served":0,"service":"KTP",'
	printf '"state":"%s"}}' "${5:-waiting}"
}
hash() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
id1=0f8fad5b-d9cb-469f-a165-70867728950e
id2=7c9e6679-7425-40de-944b-e07fc1f90ae7
printf '{"office":"KEC01","ops":[%s]}' "$(op $id1 1 '' 1)" >"$TMP/batch"
check "a batch from the office is taken (200)" \
	"$(http POST /v1/ops "$token" "$TMP/batch")" = 200
contains "... its operation applied" "$TMP/body" '"result":"applied"'
check "the same batch again answers 200" \
	"$(http POST /v1/ops "$token" "$TMP/batch")" = 200
contains "... as a duplicate, with the first answer" "$TMP/body" \
	'"first":"applied","id":"'$id1'","result":"duplicate"'
printf '{"office":"KEC01","ops":[%s]}' "$(op $id1 1 '' 2)" >"$TMP/changed"
http POST /v1/ops "$token" "$TMP/changed" >/dev/null
contains "the same id with other content is a conflict" "$TMP/body" \
	'"result":"conflict"'
"$LOKETD" --db "$db" report --office KEC01 --csv >"$TMP/report"
contains "... and the ticket was applied once, never changed" \
	"$TMP/report" "KEC01,2026-11-30,1,0,0,1,"

check "no token: 401" "$(http POST /v1/ops "" "$TMP/batch")" = 401
check "a wrong token: 401" "$(http POST /v1/ops \
	0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef \
	"$TMP/batch")" = 401
lacks "... without detail" "$TMP/body" "KEC"
printf '{"office":"KEC02","ops":[%s]}' "$(op $id2 2 '' 3)" >"$TMP/other"
check "a token pushing as another office: 403" \
	"$(http POST /v1/ops "$token" "$TMP/other")" = 403
printf '{"office":"KEC01","ops":[' >"$TMP/broken"
check "malformed JSON: 400" "$(http POST /v1/ops "$token" "$TMP/broken")" = 400
contains "... with a reason" "$TMP/body" "malformed JSON at line 1"
head -c 5000000 /dev/zero | tr '\0' ' ' >"$TMP/big"
check "an oversized body: 413" "$(http POST /v1/ops "$token" "$TMP/big")" = 413

# seq 2, chained to seq 1, but in a state the centre does not know.
# Then seq 3, chained to it.
id3=9b2f0a3e-5d6c-4e7f-8a9b-0c1d2e3f4a5b
id4=3d6f4e2a-1b0c-4d9e-8f7a-6b5c4d3e2f1a
odd=$(op $id3 2 "$(hash "$(op $id1 1 '' 1)")" 5 lost)
printf '{"office":"KEC01","ops":[%s,%s]}' "$odd" \
	"$(op $id4 3 "$(hash "$odd")" 6)" >"$TMP/odd"
http POST /v1/ops "$token" "$TMP/odd" >/dev/null
contains "an operation the centre cannot apply is rejected, the next applied" \
	"$TMP/body" '"result":"rejected"},{"id":"'$id4'","result":"applied"'
"$LOKETD" --db "$db" report --office KEC01 --csv >"$TMP/report"
contains "... the rejected one kept its place in the chain: no break" \
	"$TMP/report" "KEC01,2026-11-30,2,0,0,2,-1,-1,0"
curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $token" \
	-H "Transfer-Encoding: chunked" --data-binary "@$TMP/big" \
	"$CENTRE/v1/ops" >"$TMP/status"
check "an oversized body with no length said: 413" "$(cat "$TMP/status")" = 413

# seq 5 after seq 3: an event of the office's log went missing.
printf '{"office":"KEC01","ops":[%s]}' "$(op $id2 5 '' 4)" >"$TMP/gap"
http POST /v1/ops "$token" "$TMP/gap" >/dev/null
contains "a gap in the chain is applied, not refused" "$TMP/body" \
	'"result":"applied"'
"$LOKETD" --db "$db" report --date 2026-11-30 --office KEC01 --csv \
	>"$TMP/report"
contains "loketd report shows the chain break" "$TMP/report" \
	"KEC01,2026-11-30,3,0,0,3,-1,-1,1"
http GET /metrics >/dev/null
contains "/metrics counts it" "$TMP/body" 'loketd_chain_breaks{office="KEC01"} 1'
contains "... and the duplicate" "$TMP/body" \
	'loketd_operations_total{result="duplicate"} 1'

check "the feed answers the office (200)" \
	"$(http GET '/v1/changes?after=0' "$token")" = 200
contains "... with the centre's generation" "$TMP/body" '"generation":"'
ok "office disable" "$LOKETD" --db "$db" office disable KEC01
check "a disabled office's token: 401" \
	"$(http POST /v1/ops "$token" "$TMP/batch")" = 401

# Each office's operations are counted as they come (office list and
# /metrics read no receipts); a centre from before counts them once when
# it migrates.
held=$(centre_sql "$db" "SELECT count(*) FROM received_op r JOIN office o ON
	o.id = r.office_id WHERE o.code = 'KEC01'")
ops() { "$LOKETD" --db "$db" office list --json | awk '/"code": "KEC01"/ {
	f = 1 } f && /"operations"/ { gsub(/[^0-9]/, ""); print; exit }'; }
check "office list: each office's operations, as the centre holds them" \
	"$(ops)" = "$held"
check "... duplicates and conflicts not counted ($held)" "$held" -ge 3
centre_sql "$db" "ALTER TABLE office DROP COLUMN received; $(back 1)"
ok "loketd migrate from the version before they were counted" \
	"$LOKETD" --db "$db" migrate
check "... counts them once ($(ops))" "$(ops)" = "$held"

# A rate per office: past it, 429 with Retry-After, for that office only.
centre_stop
printf '[server]\nrate_per_minute = 6\n' >"$TMP/slow.conf"
centre_start "$db" --config "$TMP/slow.conf"
check "loketd serves with a rate of 6 requests a minute per office" $? -eq 0
token2=$(enrol_again KEC03)
printf '{"office":"KEC03","ops":[]}' >"$TMP/empty"
check "the first request passes" \
	"$(http POST /v1/ops "$token2" "$TMP/empty")" = 200
curl -s -D "$TMP/headers" -o "$TMP/body" -H "Authorization: Bearer $token2" \
	--data-binary "@$TMP/empty" "$CENTRE/v1/ops" >/dev/null
contains "the next one at once: 429" "$TMP/headers" " 429"
contains "... with Retry-After" "$TMP/headers" "Retry-After: 10"

done_testing
