#!/bin/sh
# What the centre publishes reaches the office (issue 11): a catalog
# checked with the office's rules (a bad one publishes nothing, the same
# one twice adds one change), holidays that refuse bookings and tickets,
# applied with the cursor in one transaction (kill -9 of the agent loses
# and doubles nothing), pulled again in full from a restored centre; and
# what the office does - bookings, log-ins - reaches the centre, a phone
# number only sealed, opened there exactly.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"

centre=$LOKETD_DB
db=$TMP/office.db
"$LOKETD" --db "$centre" init >/dev/null
code=$("$LOKETD" --db "$centre" office add KEC01 --name Satu 2>/dev/null)
make_db "$db"
printf '[office]\nhours = mon-sun 00:00-24:00\n' >"$TMP/open.conf"
loket() { "$LOKET" --lang=en --config "$TMP/open.conf" --db "$db" "$@"; }
loketd() { "$LOKETD" --db "$centre" "$@"; }
# Do two files hold the same text (sqlite3 adds a last newline)?
same() { [ -s "$1" ] && [ "$(cat "$1")" = "$(cat "$2")" ]; }
# The office's database (sqlite3); the centre's is read by centre_sql.
sql() { sqlite3 -cmd ".timeout 10000" "$@"; }
case $LOKETD_ENGINE in
postgresql) text="body::json->>'text'" ;;
*) text="json_extract(body, '\$.text')" ;;
esac
# The text of the latest catalog the centre published (at or before $1).
published() {
	centre_sql "$centre" "SELECT $text FROM change WHERE \
		kind = 'catalog' AND cursor <= ${1:-1000000} ORDER BY cursor \
		DESC LIMIT 1"
}

# A catalog in the region's own words: a café in Latin script with a
# dash and an emoji, a service named in Javanese script.
catalog() { # catalog NAME: the minimal catalog with a second service NAME
	sed "s/^name.id = KTP-el\$/name.id = Pelayanan café — ☕/" \
		"$top_srcdir/tests/fuzz/corpus-catalog/minimal.txt"
	printf '\n[service aksara]\nagency = dukcapil\nletter = B\n'
	printf 'name.id = %s\nname.en = Script\n' "$1"
	for k in requirements procedure time fee product complaints legal; do
		printf '%s.id = Ada\n%s.en = Yes\n' $k $k
	done
}
catalog "ꦥꦺꦭꦪꦤꦤ꧀" >"$TMP/one.txt"

centre_start "$centre"
check "loketd serves on a loopback port" -n "$CENTRE"
ok "the office enrols" loket sync enrol "$CENTRE" "$code"

# -- The catalog --
printf 'loket-catalog 1\n[service x]\nletter = A\n' >"$TMP/bad.txt"
loketd catalog publish "$TMP/bad.txt" >"$TMP/out" 2>&1
rc=$?
check "a bad catalog is refused (exit $rc)" $rc -eq 1
contains "... naming the line and what is wrong" "$TMP/out" "bad.txt:2:"
check "... and nothing is published" \
	"$(centre_sql "$centre" "SELECT count(*) FROM change")" = 0
ok "a catalog is published" loketd catalog publish "$TMP/one.txt"
ok "the same catalog again is no error" loketd catalog publish "$TMP/one.txt"
check "... one change in the feed" \
	"$(centre_sql "$centre" "SELECT count(*) FROM change")" = 1
ok "the agent pulls it" loket sync
loket catalog export >"$TMP/office.txt"
published >"$TMP/centre.txt"
check "the office's catalog is the centre's, byte for byte" \
	"$(same "$TMP/office.txt" "$TMP/centre.txt" && echo same)" = same
contains "... with its café" "$TMP/office.txt" "Pelayanan café — ☕"
contains "... and its Javanese script" "$TMP/office.txt" "ꦥꦺꦭꦪꦤꦤ꧀"

# -- loket catalog import once the office follows the centre --
loket catalog import "$top_srcdir/data/demo-catalog.txt" >"$TMP/out" 2>&1
rc=$?
check "an office's own import is refused once it follows the centre" $rc -eq 1
contains "... saying the catalog comes from the centre" "$TMP/out" \
	"loketd catalog publish"
loket catalog export >"$TMP/office.txt"
check "... and changes nothing" \
	"$(same "$TMP/office.txt" "$TMP/centre.txt" && echo same)" = same
ok "--force imports it" loket catalog import --force \
	"$top_srcdir/data/demo-catalog.txt"
catalog "Layanan dua" >"$TMP/two.txt"
loketd catalog publish "$TMP/two.txt" >/dev/null
ok "... until the centre publishes again" loket sync
contains "... which replaces it" "$(loket catalog export >"$TMP/office.txt"; \
	echo "$TMP/office.txt")" "Layanan dua"

# -- Holidays: the centre's and the office's, both refuse --
today=$(TZ=Asia/Jakarta date +%Y-%m-%d)
last=$(loket booking slots ktp | tail -n 1 | cut -d' ' -f1)
check "a later day has booking slots ($last)" -n "$last"
printf '[office]\nhours = mon-sun 00:00-24:00\nholidays = 2030-01-01\n' \
	>"$TMP/open.conf"
ok "the centre publishes holidays" loketd holidays publish "$last"
ok "the agent pulls them" loket sync
check "the office keeps the centre's list" \
	"$(sql "$db" "SELECT group_concat(day) FROM centre_holiday")" = "$last"
check "the day's slots are no longer offered" \
	"$(loket booking slots ktp | grep -c "^$last")" = 0
loket booking make ktp --at "$last 10:00" >"$TMP/out" 2>&1
rc=$?
check "a booking on the centre's holiday is refused (exit $rc)" $rc -eq 1
loket ticket take ktp >/dev/null
check "a ticket is taken on an ordinary day" $? -eq 0
loketd holidays publish "$today" "$last" >/dev/null
loket sync >/dev/null
loket ticket take ktp >"$TMP/out" 2>&1
rc=$?
check "no ticket on the centre's holiday today (exit $rc)" $rc -eq 1
contains "... and the kiosk says why" "$TMP/out" "closed today for a holiday"
check "the office's own holiday is still one" \
	"$(loket booking slots ktp | grep -c '^2030-01-01')" = 0
loketd holidays publish "$last" >/dev/null
loket sync >/dev/null

# -- An unknown kind is kept and the feed goes on --
centre_sql "$centre" "INSERT INTO change (kind, body, at) VALUES ('statuses', \
	'{\"x\":1}', 0)"
loketd catalog publish "$TMP/one.txt" >/dev/null
ok "a change of an unknown kind does not stop the feed" loket sync
check "... it is kept for a later Loket" \
	"$(sql "$db" "SELECT kind FROM centre_change")" = statuses
published >"$TMP/centre.txt"
loket catalog export >"$TMP/office.txt"
check "... and the change after it is applied" \
	"$(same "$TMP/office.txt" "$TMP/centre.txt" && echo same)" = same

# -- kill -9 of the agent while it pulls: data and cursor move together --
cursor() { sql "$db" "SELECT value FROM sync_state WHERE key = 'cursor'"; }
round=0 torn=0 cut=0
while [ $round -lt 20 ]; do
	round=$((round + 1))
	catalog "Layanan $round" >"$TMP/r.txt"
	loketd catalog publish "$TMP/r.txt" >/dev/null
	# The agent itself, not a shell around it, takes the kill.
	"$LOKET" --config "$TMP/open.conf" --db "$db" sync >/dev/null 2>&1 &
	pid=$!
	sleep "0.0$((round % 10))"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	# Whatever the moment, the catalog is the one its cursor says.
	published "$(cursor)" >"$TMP/centre.txt"
	loket catalog export >"$TMP/office.txt"
	same "$TMP/office.txt" "$TMP/centre.txt" || torn=$((torn + 1))
	[ "$(cursor)" = "$(centre_sql "$centre" "SELECT max(cursor) FROM change")" ] ||
		cut=$((cut + 1))
done
check "after 20 kills ($cut before the pull ended) the catalog always \
matches the cursor ($torn torn)" $torn -eq 0
ok "the next round completes" loket sync
check "the cursor is the centre's last change" "$(cursor)" = \
	"$(centre_sql "$centre" "SELECT max(cursor) FROM change")"
contains "... and the catalog is the last one" \
	"$(loket catalog export >"$TMP/office.txt"; echo "$TMP/office.txt")" \
	"Layanan 20"

# -- The centre restored from a backup: a new generation, pulled in full --
sql "$db" "DELETE FROM centre_holiday; UPDATE sync_state SET value = \
	'0' WHERE key = 'catalog_change'"
loket catalog import --force "$top_srcdir/data/demo-catalog.txt" >/dev/null
centre_sql "$centre" "UPDATE meta SET value = 'restored' WHERE key = 'generation'"
loket sync >"$TMP/out" 2>&1
check "a new generation is pulled in full (exit $?)" \
	"$(sql "$db" "SELECT value FROM sync_state WHERE key = 'generation'")" \
	= restored
contains "... and the agent says so" "$TMP/out" "again in full"
contains "... the catalog re-applied" \
	"$(loket catalog export >"$TMP/office.txt"; echo "$TMP/office.txt")" \
	"Layanan 20"
check "... and the holidays" \
	"$(sql "$db" "SELECT group_concat(day) FROM centre_holiday")" = "$last"

# -- What the office does reaches the centre --
echo "rahasia123" | loket user add ani >/dev/null
printf 'ani\nrahasia123\n1\n' | loket desk >/dev/null 2>&1
slot=$(loket booking slots ktp | head -n 1 | cut -d' ' -f1,2)
booking=$(loket booking make ktp --at "$slot" --phone 081234567890 --json |
	sed 's/.*"code":"\([^"]*\)".*/\1/')
ok "a booking with a phone is made" test -n "$booking"
ok "... and checked in" loket booking checkin "$booking"
check "the office's outbox never holds the phone in clear" \
	"$(sql "$db" "SELECT count(*) FROM outbox WHERE body LIKE \
	'%081234567890%'")" = 0
check "... nor the password" \
	"$(sql "$db" "SELECT count(*) FROM outbox WHERE body LIKE \
	'%rahasia123%'")" = 0
ok "the agent pushes them" loket sync
loketd events --office KEC01 --json >"$TMP/events"
for kind in login logout book checkin; do
	contains "the centre has the \"$kind\" event" "$TMP/events" \
		"\"kind\": \"$kind\""
done
check "... the phone sealed there too" \
	"$(centre_sql "$centre" "SELECT count(*) FROM office_event WHERE body LIKE \
	'%081234567890%'")" = 0
loketd events --office KEC01 --json --phones >"$TMP/events"
check "loketd opens it exactly with its secret key (booked, taken, in)" \
	"$(grep -c '"phone": "081234567890"' "$TMP/events")" = 3
centre_sql "$centre" "UPDATE meta SET value = '$(printf '%064d' 0)' WHERE \
	key = 'secret_key'"
loketd events --office KEC01 --phones >/dev/null 2>"$TMP/out"
rc=$?
check "another key opens nothing, and says so (exit $rc)" $rc -eq 1

# -- A page of changes stops past 1 MiB of bodies (STORE_CHANGES_BYTES) --
case $LOKETD_ENGINE in
postgresql) big="'{\"x\":\"' || repeat('0', 600000) || '\"}'" ;;
*) big="'{\"x\":\"' || hex(zeroblob(300000)) || '\"}'" ;;
esac
from=$(centre_sql "$centre" "SELECT max(cursor) FROM change")
for n in 1 2 3; do
	centre_sql "$centre" "INSERT INTO change (kind, body, at) VALUES \
		('big', $big, 0)"
done
token=$(sql "$db" "SELECT value FROM sync_state WHERE key = 'token'")
page() { # page AFTER: how many changes the page after AFTER holds
	http GET "/v1/changes?after=$1" "$token" >/dev/null
	grep -o '"kind":' "$TMP/body" | wc -l
}
check "three changes of 600 kB: the first page holds two" "$(page "$from")" \
	-eq 2
check "... the next the third" "$(page $((from + 2)))" -eq 1
ok "... and the agent pulls them all" loket sync
check "... to the last cursor" "$(cursor)" = \
	"$(centre_sql "$centre" "SELECT max(cursor) FROM change")"

# -- PostgreSQL: a publish waits for the change lock (PG_CHANGE_LOCK) --
if [ "$LOKETD_ENGINE" = postgresql ]; then
	mkfifo "$TMP/psql.in"
	psql -XAtq -d "$centre" <"$TMP/psql.in" >"$TMP/psql.out" 2>&1 &
	holder=$!
	exec 3>"$TMP/psql.in"
	echo "BEGIN; SELECT pg_advisory_xact_lock(345131791221); \
		SELECT 'held';" >&3
	eventually grep -q held "$TMP/psql.out"
	before=$(centre_sql "$centre" "SELECT count(*) FROM change")
	loketd catalog publish "$TMP/two.txt" >/dev/null 2>&1 &
	publisher=$!
	waits() {
		[ "$(centre_sql "$centre" "SELECT count(*) FROM pg_locks \
			WHERE locktype = 'advisory' AND NOT granted")" = 1 ]
	}
	eventually waits
	check "a publish waits while another holds the change lock" $? -eq 0
	check "... having added nothing" \
		"$(centre_sql "$centre" "SELECT count(*) FROM change")" = \
		"$before"
	echo "COMMIT;" >&3
	exec 3>&-
	wait $publisher
	check "... and publishes once it is released (exit $?)" \
		"$(centre_sql "$centre" "SELECT count(*) FROM change")" = \
		$((before + 1))
	wait $holder
fi	# (SQLite has one writer at a time: no lock of its own to check)

done_testing
