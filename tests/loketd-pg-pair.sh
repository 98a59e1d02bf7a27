#!/bin/sh
# Two loketd processes on one PostgreSQL (issue 13): an office agent that
# alternates between them pushes every operation once; the same batch
# sent to both at once is applied once, the second answer "duplicate";
# PostgreSQL restarted while batches go: the agent's retries are answered
# and nothing is lost or doubled.
LOKETD_ENGINE=postgresql
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"

centre=$LOKETD_DB
db=$TMP/office.db
# Two loketd init at once on an empty database: the advisory lock makes
# one create the schema and the other find it.
"$LOKETD" --db "$centre" init >"$TMP/init1" 2>&1 &
a=$!
"$LOKETD" --db "$centre" init >"$TMP/init2" 2>&1
rc=$?
wait $a
check "two loketd init at once both succeed ($? $rc)" $? -eq 0 -a $rc -eq 0
check "... one schema, one version row" \
	"$(centre_sql "$centre" "SELECT count(*), max(version) FROM \
	loket_schema")" = "1|8"
secret="postgresql://loket:s3cr3t-pw@/loket?host=${LOKETD_DB#*host=}"
"$LOKETD" --db "$secret" init >"$TMP/init3" 2>&1
check "init with a password in the URL succeeds (exit $?)" $? -eq 0
contains "... and names the database" "$TMP/init3" "postgresql://loket:***@/loket"
lacks "... never printing the password" "$TMP/init3" "s3cr3t-pw"
"$LOKETD" --db "${centre}&password=s3cr3t-pw" init >"$TMP/init4" 2>&1
lacks "... nor one given as a parameter" "$TMP/init4" "s3cr3t-pw"
empty=$(pg_createdb empty)
"$LOKETD" --db "$empty" migrate >/dev/null 2>"$TMP/err"
check "loketd migrate on an empty database refuses (exit $?)" $? -eq 3
contains "... and names loketd init" "$TMP/err" "loketd init."
"$LOKETD" --db "$empty" serve --listen 127.0.0.1:0 >/dev/null 2>"$TMP/err"
check "loketd serve too (exit $?)" $? -eq 3
code=$("$LOKETD" --db "$centre" office add KEC01 --name Satu 2>/dev/null)
code2=$("$LOKETD" --db "$centre" office add KEC02 --name Dua 2>/dev/null)
make_db "$db"
loket() { "$LOKET" --lang=en --db "$db" "$@"; }
office_sql() { sqlite3 -cmd ".timeout 10000" "$db" "$1"; }
centre_count() { centre_sql "$centre" "SELECT count(*) FROM $1"; }

centre_start "$centre"
one=$CENTRE one_pid=$CENTRE_PID
CENTRE_PID=
centre_start "$centre"
two=$CENTRE
trap 'kill "$one_pid" 2>/dev/null; _centre_exit' EXIT
check "two loketd serve on one PostgreSQL" -n "$one" -a -n "$two"

# The office's agent, every round at the other centre.
ok "the office enrols at the first" loket sync enrol "$one" "$code"
alternate 6 "$one" "$two"
check "six rounds, alternating between them, all done ($failed failed)" \
	$failed -eq 0
made=$(office_sql "SELECT count(*) FROM outbox")
check "every operation the office made was received once ($made)" \
	"$(centre_sql "$centre" "SELECT count(*), count(DISTINCT op_id) FROM \
	received_op r JOIN office o ON o.id = r.office_id WHERE o.code = \
	'KEC01' AND r.result = 'applied'")" = "$made|$made"
"$LOKETD" --db "$centre" report --office KEC01 --csv >"$TMP/report"
contains "... and the report counts each ticket once" "$TMP/report" \
	",18,0,0,18,"

# The same batch of 200 ticket operations to both at once.
printf '{"code":"%s"}' "$code2" >"$TMP/enrol"
curl -s -o "$TMP/body" --data-binary "@$TMP/enrol" "$one/v1/enrol"
token=$(sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p' "$TMP/body")
# batch FIRST COUNT: ticket operations FIRST... as a batch of KEC02.
batch() {
	awk -v first="$1" -v count="$2" 'BEGIN {
		printf "{\"office\":\"KEC02\",\"ops\":["
		for (n = first; n < first + count; n++) {
			printf("%s{\"actor\":\"kiosk\",\"at\":1764480000,",
			    (n > first ? "," : ""))
			printf "\"counter\":0,\"detail\":\"\",\"id\":"
			printf "\"%08d-0000-4000-8000-000000000000\",", n
			printf "\"kind\":\"take\",\"prev\":\"\",\"seq\":%d,", n
			printf "\"terminal\":\"t\",\"ticket\":{\"arrived\":"
			printf "1764480000,\"called\":0,\"counter\":0,\"day\":"
			printf "\"2026-11-30\",\"finished\":0,\"number\":%d,", n
			printf "\"outcome\":\"\",\"priority\":\"none\","
			printf "\"served\":0,\"service\":\"KTP\",\"state\":"
			printf "\"waiting\"}}"
		}
		printf "]}"
	}'
}
push() { # push CENTRE BATCH ANSWER: prints the status
	curl -s -o "$3" -w '%{http_code}' -H "Authorization: Bearer $token" \
		--data-binary "@$2" "$1/v1/ops"
}
results() { grep -o "\"result\":\"$1\"" "$2" | wc -l; }
batch 1 200 >"$TMP/batch"
push "$one" "$TMP/batch" "$TMP/a" >"$TMP/a.status" &
a=$!
push "$two" "$TMP/batch" "$TMP/b" >"$TMP/b.status"
wait $a
check "both answer 200" "$(cat "$TMP/a.status") $(cat "$TMP/b.status")" = \
	"200 200"
check "... one applied all 200, the other said duplicate 200 times" \
	"$(($(results applied "$TMP/a") + $(results applied "$TMP/b"))) \
$(($(results duplicate "$TMP/a") + $(results duplicate "$TMP/b")))" = \
	"200 200"
check "the store holds one receipt per operation" \
	"$(centre_sql "$centre" "SELECT count(*), count(DISTINCT op_id) FROM \
	received_op WHERE office_id = (SELECT id FROM office WHERE code = \
	'KEC02')")" = "200|200"
check "... one event and one ticket each" \
	"$(centre_count "office_event WHERE seq <= 200 AND office_id = \
	(SELECT id FROM office WHERE code = 'KEC02')") $(centre_count "ticket \
	WHERE office_id = (SELECT id FROM office WHERE code = 'KEC02')")" = \
	"200 200"

# PostgreSQL restarted while a large batch goes: 503 or 200, and the
# same batch again is answered, its operations applied once.
batch 201 1000 >"$TMP/big"
push "$one" "$TMP/big" "$TMP/a" >"$TMP/a.status" &
a=$!
pg_ctl_run -m fast -w restart
wait $a
status=$(cat "$TMP/a.status")
check "a batch cut by the restart is answered 200 or 503 ($status)" \
	"$status" = 200 -o "$status" = 503
eventually sh -c "[ \"\$(curl -s -o '$TMP/b' -w '%{http_code}' \
	-H 'Authorization: Bearer $token' --data-binary '@$TMP/big' \
	'$two/v1/ops')\" = 200 ]"
check "its retry at the other loketd is answered 200" $? -eq 0
check "... every operation applied or a duplicate of the first answer" \
	"$(($(results applied "$TMP/b") + $(results duplicate "$TMP/b")))" = \
	1000
check "the store holds each of the 1200 operations once" \
	"$(centre_sql "$centre" "SELECT count(*), count(DISTINCT op_id) FROM \
	received_op WHERE office_id = (SELECT id FROM office WHERE code = \
	'KEC02')")" = "1200|1200"
check "... and each ticket once" \
	"$(centre_count "ticket WHERE office_id = (SELECT id FROM office \
	WHERE code = 'KEC02')")" = 1200

# The office agent through a restart: whatever failed is sent again.
for i in 1 2 3 4 5; do loket ticket take kia >/dev/null; done
loket sync >"$TMP/out" 2>&1 &
a=$!
pg_ctl_run -m fast -w restart
wait $a
eventually loket sync >"$TMP/out" 2>&1
check "after the restart the agent's retry goes through" $? -eq 0
made=$(office_sql "SELECT count(*) FROM outbox")
check "lost 0, doubled 0: the centre received each of the $made once" \
	"$(centre_sql "$centre" "SELECT count(*), count(DISTINCT op_id) FROM \
	received_op r JOIN office o ON o.id = r.office_id WHERE o.code = \
	'KEC01'")" = "$made|$made"
kill "$one_pid"

done_testing
