#!/bin/sh
# loketd against hostile bodies and codes that tests/loketd.sh and
# tests/sync.sh leave out (issue 11): a body cut short of its
# Content-Length, bodies that are JSON but not a batch, nesting deep
# enough to exhaust a recursive parser, text that is not UTF-8, an
# operation that is not one; and an expired enrolment code through the
# agent. Each gets its 4xx or a per-operation "rejected"; nothing is
# applied that should not be, and loketd keeps serving.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"
. "$top_srcdir/tests/sync-check.sh"

sync_setup
sync_centre_start "$centre"
check "loketd serves on a loopback port" -n "$CENTRE"
printf '{"code":"%s"}' "$code" >"$TMP/enrol.json"
http POST /v1/enrol "" "$TMP/enrol.json" >/dev/null
token=$(sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p' "$TMP/body")
check "an office enrols" -n "$token"
received() { centre_query "SELECT count(*) FROM received_op"; }
alive() { curl -sf "$CENTRE/healthz" >/dev/null; }

# A body that stops short of its Content-Length: the client gives up
# after a second, loketd has half a batch and must drop it.
op='{"actor":"kiosk","at":1764480000,"counter":0,"detail":"","id":"0f8fad5b-d9cb-469f-a165-70867728950e","kind":"take","prev":"","seq":1,"terminal":"t","ticket":{"arrived":1764480000,"called":0,"counter":0,"day":"2026-11-30","finished":0,"number":1,"outcome":"","priority":"none","served":0,"service":"KTP","state":"waiting"}}'
printf '{"office":"KEC01","ops":[%s' "$op" >"$TMP/short"
curl -s -m 1 -o /dev/null -H "Authorization: Bearer $token" \
	-H "Content-Length: 4000" --data-binary "@$TMP/short" \
	"$CENTRE/v1/ops"
check "a body cut short of its length: nothing applied" "$(received)" -eq 0
eventually alive
check "... and loketd still serves" $? -eq 0

# post BODY: the status of a push of that body.
post() {
	printf '%s' "$1" >"$TMP/post"
	http POST /v1/ops "$token" "$TMP/post"
}
check "a body that is an array, not a batch: 400" "$(post '[]')" = 400
contains "... with a reason" "$TMP/body" "the body is not a JSON object"
check "ops that is not an array: 400" \
	"$(post '{"office":"KEC01","ops":{}}')" = 400
check "an office that is not text: 400" \
	"$(post '{"office":1,"ops":[]}')" = 400
check "an empty body: 400" "$(post '')" = 400
check "text that is not UTF-8: 400" \
	"$(post "$(printf '{"office":"KEC\377","ops":[]}')")" = 400
check "a NUL inside the JSON: 400" \
	"$(printf '{"office":"KEC01","ops":[]}\0junk' >"$TMP/nul" &&
	http POST /v1/ops "$token" "$TMP/nul")" = 400
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; }' >"$TMP/deep"
check "JSON nested 100,000 deep: 400, not a crash" \
	"$(http POST /v1/ops "$token" "$TMP/deep")" = 400
eventually alive
check "... and loketd still serves" $? -eq 0
post '{"office":"KEC01","ops":[1,{"id":"x"},{"id":"0f8fad5b-d9cb-469f-a165-70867728950e"}]}' >"$TMP/status"
check "operations that are not operations: 200" "$(cat "$TMP/status")" = 200
check "... each one rejected" \
	"$(grep -o '"result":"rejected"' "$TMP/body" | wc -l)" -eq 3
check "... and none applied" \
	"$(centre_query "SELECT count(*) FROM office_event")" -eq 0

# An expired enrolment code, given to the agent.
"$LOKETD" --db "$centre" office add KEC02 --name Dua >"$TMP/code2" 2>/dev/null
centre_query "UPDATE office SET enrol_expires = 1 WHERE code = 'KEC02'"
loket sync enrol "$CENTRE" "$(cat "$TMP/code2")" >"$TMP/out" 2>&1
rc=$?
check "an expired enrolment code, through the agent: exit 1 (it exited $rc)" \
	$rc -eq 1
contains "... the centre answered 403" "$TMP/out" "answered 403"
check "... and the office keeps no token" \
	"$(sqlite3 "$db" "SELECT count(*) FROM sync_state WHERE key = 'token'")" \
	-eq 0

done_testing
