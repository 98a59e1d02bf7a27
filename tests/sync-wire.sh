#!/bin/sh
# The wire between the office's agent and loketd (issue 11): bodies go
# gzipped both ways, and loketd refuses a decompression bomb (413, with
# nothing applied), a broken gzip stream (400) and an encoding it does
# not know (415); one round of several batches travels over one
# connection; over HTTPS the agent trusts a centre signed by a private
# authority only with ca_file under [sync]; a pool of two store handles
# answers many requests at once.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"

centre=$LOKETD_DB
db=$TMP/office.db
"$LOKETD" --db "$centre" init >/dev/null
# add CODE: the office's enrolment code
add() { "$LOKETD" --db "$centre" office add "$1" --name "$1" 2>/dev/null; }
make_db "$db"
loket() { "$LOKET" --lang=en --db "$db" "$@"; }
sql() { sqlite3 -cmd ".timeout 10000" "$@"; }
# metric NAME: its value in $CENTRE/metrics as last fetched (NAME with
# its labels); fetch reads them again (one more connection).
fetch() { curl -s -o "$TMP/metrics" "$CENTRE/metrics"; }
metric() { awk -v n="$1" '$1 == n { print $2 }' "$TMP/metrics"; }

n=0
while [ $n -lt 230 ]; do
	loket ticket take kia >/dev/null || break
	n=$((n + 1))
done
check "230 tickets taken offline ($n)" $n -eq 230

centre_start "$centre"
check "loketd serves on a loopback port" -n "$CENTRE"
ok "loket sync enrol" loket sync enrol "$CENTRE" "$(add KEC01)"

# One round: three batches and a page of the feed, over one connection.
fetch
before=$(metric loketd_connections_total)
requests=$(metric 'loketd_requests_total{status="200"}')
loket sync >"$TMP/out" 2>&1
rc=$?
check "a round of 230 operations: exit 0 (it exited $rc)" $rc -eq 0
contains "... all applied" "$TMP/out" "Pushed 230 operations: 230 applied"
fetch
after=$(metric loketd_connections_total)
check "... in several requests ($requests before, $(metric \
	'loketd_requests_total{status="200"}') after)" \
	"$(metric 'loketd_requests_total{status="200"}')" -ge \
	$((requests + 5))
check "... over one connection ($before before, $after after, one of them \
this /metrics)" "$after" -eq $((before + 2))
gzip_in=$(metric 'loketd_body_bytes_total{direction="in",encoding="gzip"}')
check "the agent's batches arrived gzipped ($gzip_in bytes)" "$gzip_in" -gt 0
check "... smaller than their 230 operations as text" "$gzip_in" -lt \
	"$(sql "$db" "SELECT sum(length(body)) FROM outbox")"
gzip_out=$(metric 'loketd_body_bytes_total{direction="out",encoding="gzip"}')
check "the answers went back gzipped ($gzip_out bytes)" "$gzip_out" -gt 0

# gzip by hand, from an office of its own.
printf '{"code":"%s"}' "$(add KEC02)" >"$TMP/enrol.json"
http POST /v1/enrol "" "$TMP/enrol.json" >/dev/null
token=$(sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p' "$TMP/body")
op() { # op ID NUMBER
	printf '{"actor":"kiosk","at":1764480000,"counter":0,"detail":"",'
	printf '"id":"%s","kind":"take","prev":"","seq":1,' "$1"
	printf '"terminal":"t","ticket":{"arrived":1764480000,"called":0,'
	printf '"counter":0,"day":"2026-11-30","finished":0,"number":%s,' "$2"
	printf '"outcome":"","priority":"none","served":0,"service":"KTP",'
	printf '"state":"waiting"}}'
}
# push FILE [ENCODING]: POST FILE as it is, saying ENCODING; the status.
push() {
	curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer \
$token" ${2:+-H "Content-Encoding: $2"} --data-binary "@$1" "$CENTRE/v1/ops"
}
applied() { # applied ID: how many times the centre recorded it
	centre_sql "$centre" "SELECT count(*) FROM received_op WHERE op_id =
	    '$1'"
}
id1=0f8fad5b-d9cb-469f-a165-70867728950e
id2=7c9e6679-7425-40de-944b-e07fc1f90ae7
printf '{"office":"KEC02","ops":[%s]}' "$(op $id1 1)" | gzip >"$TMP/batch.gz"
check "a gzipped batch is taken (200)" "$(push "$TMP/batch.gz" gzip)" = 200
contains "... and its operation applied" "$TMP/body" '"result":"applied"'
# A bomb: 20 kB that inflate to a valid batch of 50 MB.
{
	printf '{"office":"KEC02","ops":[%s]' "$(op $id2 2)"
	head -c 50000000 /dev/zero | tr '\0' ' '
	printf '}'
} | gzip >"$TMP/bomb.gz"
check "a decompression bomb of $(wc -c <"$TMP/bomb.gz") bytes: 413" \
	"$(push "$TMP/bomb.gz" gzip)" = 413
contains "... with a reason" "$TMP/body" "too large once inflated"
check "... and its operation was not applied" "$(applied $id2)" = 0
head -c 60 "$TMP/batch.gz" >"$TMP/cut.gz"
check "a gzip stream cut short: 400" "$(push "$TMP/cut.gz" gzip)" = 400
contains "... with a reason" "$TMP/body" "not a whole gzip stream"
check "an encoding loketd does not know: 415" \
	"$(push "$TMP/batch.gz" br)" = 415
check "... nothing applied twice" "$(applied $id1)" = 1
curl -s -D "$TMP/headers" -o "$TMP/body" -H 'Accept-Encoding: gzip' \
	"$CENTRE/metrics"
contains "an answer is gzipped for a client that takes gzip" \
	"$TMP/headers" "Content-Encoding: gzip"
curl -s -D "$TMP/headers" -o "$TMP/body" \
	-H 'Accept-Encoding: gzip;q=0, identity' "$CENTRE/metrics"
lacks "... and not for one that says gzip;q=0" "$TMP/headers" \
	"Content-Encoding"
contains "... which gets the text" "$TMP/body" "loketd_connections_total"

# Many requests at once, through a pool of two store handles.
centre_stop
printf '[server]\nthreads = 8\nstore_handles = 2\n' >"$TMP/pool.conf"
centre_start "$centre" --config "$TMP/pool.conf"
check "loketd serves with a pool of two store handles" -n "$CENTRE"
# Twenty batches of a hundred operations, each holding a handle while it
# commits, and forty small requests beside them.
i=0
while [ $i -lt 20 ]; do
	j=0
	printf '{"office":"KEC02","ops":[' >"$TMP/load$i"
	while [ $j -lt 100 ]; do
		[ $j -eq 0 ] || printf ',' >>"$TMP/load$i"
		op "$(printf '%08x-0000-4000-8000-%012x' $i $j)" $((i * 100 + j)) \
			>>"$TMP/load$i"
		j=$((j + 1))
	done
	printf ']}' >>"$TMP/load$i"
	i=$((i + 1))
done
: >"$TMP/codes"
i=0
pids=
while [ $i -lt 20 ]; do
	curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer \
$token" --data-binary "@$TMP/load$i" "$CENTRE/v1/ops" >>"$TMP/codes" &
	pids="$pids $!"
	curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer \
$token" "$CENTRE/v1/changes?after=0" >>"$TMP/codes" &
	pids="$pids $!"
	curl -s -o /dev/null -w '%{http_code}\n' "$CENTRE/healthz" \
		>>"$TMP/codes" &
	pids="$pids $!"
	i=$((i + 1))
done
wait $pids
check "60 requests at once are all answered 200 \
($(sort "$TMP/codes" | uniq -c | tr '\n' ' '))" \
	"$(grep -c '^200$' "$TMP/codes")" = 60
check "... the 2000 operations all applied" "$(centre_sql "$centre" \
	"SELECT count(*) FROM received_op WHERE op_id LIKE \
	'%-0000-4000-8000-%'")" = 2000
handles=$(centre_handles)
check "... by at most two open handles on the database ($handles)" \
	"$handles" -ge 1 -a "$handles" -le 2
centre_stop

# HTTPS with a certificate from the region's own authority.
if ! command -v openssl >/dev/null; then
	echo "ok $((tap_count + 1)) # SKIP openssl is not installed"
	tap_count=$((tap_count + 1))
	done_testing
	exit
fi
(
	cd "$TMP" &&
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Test CA" \
		-keyout ca.key -out ca.pem &&
	openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
		-keyout centre.key -out centre.csr &&
	printf 'subjectAltName = IP:127.0.0.1\n' >centre.ext &&
	openssl x509 -req -in centre.csr -CA ca.pem -CAkey ca.key \
		-CAcreateserial -days 2 -extfile centre.ext -out centre.pem
) >"$TMP/openssl.out" 2>&1
check "a throwaway authority and certificate for 127.0.0.1" -s "$TMP/centre.pem"
printf '[server]\ntls_cert = %s\ntls_key = %s\n' "$TMP/centre.pem" \
	"$TMP/centre.key" >"$TMP/tls.conf"
: >"$TMP/loketd.out"
"$LOKETD" --db "$centre" --config "$TMP/tls.conf" serve \
	--listen 127.0.0.1:0 >"$TMP/loketd.out" 2>"$TMP/loketd.err" &
CENTRE_PID=$!
_tls_up() {
	_port=$(sed -n 's/.*127\.0\.0\.1:\([0-9][0-9]*\)\..*/\1/p' \
		"$TMP/loketd.out")
	[ -n "$_port" ] && curl -sf --cacert "$TMP/ca.pem" \
		"https://127.0.0.1:$_port/healthz" >/dev/null &&
	    CENTRE="https://127.0.0.1:$_port"
}
eventually _tls_up
check "loketd serves HTTPS with tls_cert and tls_key ($CENTRE)" \
	-n "$(echo "$CENTRE" | grep '^https://')"
code3=$(add KEC03)
db3=$TMP/office3.db
make_db "$db3"
"$LOKET" --lang=en --db "$db3" sync enrol "$CENTRE" "$code3" >"$TMP/out" 2>&1
rc=$?
check "without the authority's file the agent refuses the centre (exit $rc)" \
	$rc -eq 4
contains "... and says what to do" "$TMP/out" "as ca_file under [sync]"
printf '[sync]\nca_file = %s\n' "$TMP/ca.pem" >"$TMP/ca.conf"
ok "with ca_file under [sync] it enrols" "$LOKET" --lang=en --db "$db3" \
	--config "$TMP/ca.conf" sync enrol "$CENTRE" "$code3"
"$LOKET" --db "$db3" ticket take kia >/dev/null
"$LOKET" --lang=en --db "$db3" --config "$TMP/ca.conf" sync >"$TMP/out" 2>&1
rc=$?
check "... and syncs over HTTPS (exit $rc)" $rc -eq 0
contains "... its ticket applied" "$TMP/out" "1 applied"
printf '[sync]\nca_file = %s\n' "$TMP/missing.pem" >"$TMP/bad.conf"
"$LOKET" --lang=en --db "$db3" --config "$TMP/bad.conf" sync >"$TMP/out" 2>&1
contains "a CA file that is not there is named" "$TMP/out" "$TMP/missing.pem"

done_testing
