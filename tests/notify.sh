#!/bin/sh
# Text messages really sent (issue 12): the messages the queue and the
# bookings write, handed by loket notify to an HTTP gateway (a real server
# on a loopback port that records what it receives: tests/sms-gateway.py),
# to gammu-smsd's inject (its files backend: the message appears in the
# outbox) or to a command. At least once, with the same id on every try;
# a gateway down, slow, answering 500 or 429 loses nothing; a refusal
# (4xx) is given up. The phone number is deleted once delivered or given
# up. Without a transport the kiosk never asks for a phone number.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/centre-lib.sh"	# eventually

db=$TMP/n.db
make_db "$db" || { echo "Bail out! cannot make the database"; exit 1; }
L="$LOKET --db $db --lang=en"
open='[office]
hours = mon-sun 00:00-24:00'

# conf NAME LINES...: a configuration file $TMP/NAME.conf.
conf() {
	_name=$1
	shift
	printf '%s\n' "$open" '[notify]' "$@" >"$TMP/$_name.conf"
}
q() { sqlite3 -cmd ".timeout 5000" "$db" "$1"; }

# A gateway on a loopback port: gateway_start sets URL and GW_PID.
GW_PID=
gateway_start() {
	rm -f "$TMP/port"
	python3 "$top_srcdir/tests/sms-gateway.py" "$TMP/port" "$TMP/gw.log" \
		"$TMP/gw.script" &
	GW_PID=$!
	eventually test -s "$TMP/port" || return 1
	URL="http://127.0.0.1:$(cat "$TMP/port")/send"
}
gateway_stop() {
	[ -n "$GW_PID" ] && kill "$GW_PID" 2>/dev/null && wait "$GW_PID" 2>/dev/null
	GW_PID=
}
SENDER=
trap 'gateway_stop; [ -n "$SENDER" ] && kill -9 $SENDER 2>/dev/null; rm -rf "$TMP"' EXIT
requests() { [ -f "$TMP/gw.log" ] && wc -l <"$TMP/gw.log" || echo 0; }
# field N KEY: a field of request N the gateway recorded (1 is the first).
field() {
	sed -n "${1}p" "$TMP/gw.log" | python3 -c \
		'import json,sys; r=json.load(sys.stdin); k=sys.argv[1]
v=r["headers"].get(k) if k in r["headers"] else r.get(k)
if v is None: v=json.loads(r["body"]).get(k)
sys.stdout.write(v)' "$2"
}

# serve: counter 1 calls the next ticket and finishes it.
serve() {
	$L ticket call --counter 1 >/dev/null
	$L ticket finish "$(q "SELECT id FROM ticket WHERE state = 'called'")" \
		--outcome done --counter 1 >/dev/null
}
# message PHONE: a ticket with PHONE from the kiosk (line mode, English),
# behind another; a call makes its "your turn is near" message.
message() {
	$L ticket take ktp-el-baru >/dev/null
	printf '2\n1\n1\n1\n1\n2\n%s\n1\n' "$1" |
		$L --config "$TMP/cmd.conf" --line >/dev/null
	serve
	serve
}
# The newest message's state, and a wait for it to be sent.
state() { q "SELECT state FROM message WHERE id = (SELECT max(id) FROM message)"; }
is_sent() { test "$(state)" = sent; }
requests_are() { test "$(requests)" -eq "$1"; }

printf '%s\n' '#!/bin/sh' 'printf "%s|%s|%s\n" "$1" "$2" "$LOKET_MESSAGE_ID" >>"$0.log"' \
	'exit "${SEND_STATUS:-0}"' >"$TMP/send"
chmod +x "$TMP/send"
conf cmd "transport = command" "command = $TMP/send"

# --- Migration 9 carries the messages of outgoing_message over, each with
# an id of its own; a sent one keeps no number.
old=$TMP/old.db
make_db "$old"
$LOKET --db "$old" ticket take ktp-el-baru >/dev/null
$LOKET --db "$old" ticket take ktp-el-baru >/dev/null
sqlite3 "$old" "DROP TABLE message; ALTER TABLE ticket DROP COLUMN lang;
	ALTER TABLE booking DROP COLUMN lang;
	CREATE TABLE outgoing_message (id INTEGER PRIMARY KEY,
	  ticket_id INTEGER NOT NULL UNIQUE REFERENCES ticket(id),
	  phone TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL,
	  sent_at INTEGER);
	INSERT INTO outgoing_message VALUES (1, 1, '081000000001', 'waits', 100, NULL),
	  (2, 2, '081000000002', 'went', 100, 200);
	PRAGMA user_version = 8"
$LOKET --db "$old" notify status >/dev/null
check "migration: both messages carried over" \
	"$(sqlite3 "$old" "SELECT group_concat(kind || ' ' || state || ' ' || ifnull(phone, '-'), ', ') FROM message ORDER BY id")" = \
	"queue-near waiting 081000000001, queue-near sent -"
check "migration: each has its own UUID" "$(sqlite3 "$old" "SELECT count(DISTINCT uuid) FROM message WHERE uuid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-4[0-9a-f][0-9a-f][0-9a-f]-[89ab][0-9a-f][0-9a-f][0-9a-f]-*' AND length(uuid) = 36")" = 2
check "migration: outgoing_message is gone" "$(sqlite3 "$old" "SELECT count(*) FROM sqlite_master WHERE name = 'outgoing_message'")" = 0

# --- The configuration: a wrong value is refused with its key and why.
bad() {	# bad DESC TEXT LINES...: the configuration is refused, saying TEXT
	_desc=$1 _text=$2
	shift 2
	conf bad "$@"
	$L --config "$TMP/bad.conf" notify status >/dev/null 2>"$TMP/err"
	_rc=$?
	check "$_desc: refused (exit $_rc)" $_rc -ne 0
	contains "$_desc: the key and why are named" "$TMP/err" "$_text"
}
bad "an unknown transport" '"transport" must be one of' "transport = sms"
bad "a URL that is not HTTP" '"url" must start with http:// or https://' \
	"transport = http" "url = ftp://gw.example/send"
bad "a placeholder that does not exist" '"body" holds {number}' \
	"transport = http" "url = http://gw.example/" 'body = {"to":"{number}"}'
bad "an auth header that is no header" '"auth_header" must be a header line' \
	"transport = http" "url = http://gw.example/" "auth_header = Bearer xyz"
bad "a retry of zero seconds" '"retry" must be a whole number' "retry = 0"
conf nourl "transport = http"
$L --config "$TMP/nourl.conf" notify 2>"$TMP/err"
check "transport = http without a url: the sender refuses to start" $? -eq 1
contains "... and says what is missing" "$TMP/err" '[notify] transport = http needs "url".'
printf '%s\n' "$open" >"$TMP/none.conf"
$L --config "$TMP/none.conf" notify 2>"$TMP/err"
check "no transport: loket notify has nothing to send with (exit 1)" $? -eq 1
contains "... and says where to choose one" "$TMP/err" "choose one in [notify]"

# --- The kiosk offers a text message only when a transport is set.
printf '2\n1\n1\n1\n1\n1\n' | $L --config "$TMP/none.conf" --line >"$TMP/out"
lacks "line mode without a transport: no phone question" "$TMP/out" "text message"
contains "... the ticket is confirmed straight after the lane" "$TMP/out" "== Check before taking the ticket =="
check "... and the ticket has no phone" "$(q "SELECT count(*) FROM ticket WHERE phone IS NOT NULL")" = 0

# --- HTTP: sent once, with the id, UTF-8 intact; the number deleted.
http_conf() {
	conf http "transport = http" "url = $URL" "retry = 1" "timeout = 3" \
		"auth_header = Authorization: Bearer sekret"
}
gateway_start || { echo "Bail out! the stand-in gateway did not start"; exit 1; }
http_conf
message 081111111111
check "a call wrote a message for the ticket with a phone" "$(state)" = waiting
uuid=$(q "SELECT uuid FROM message WHERE phone = '081111111111'")
body=$(q "SELECT body FROM message WHERE uuid = '$uuid'")
$L --config "$TMP/http.conf" notify >"$TMP/out" 2>&1
check "loket notify sends it and exits 0" $? -eq 0
check "the gateway received one request" "$(requests)" -eq 1
check "... with the number" "$(field 1 to)" = 081111111111
check "... the text" "$(field 1 text)" = "$body"
case $body in "Loket: number A-"*" is nearly called, please come back"*) en=0 ;; *) en=1 ;; esac
check "... in the citizen's language (English): $body" $en -eq 0
check "... the message's id in the body" "$(field 1 id)" = "$uuid"
check "... and as Idempotency-Key" "$(field 1 idempotency-key)" = "$uuid"
check "... with the auth header" "$(field 1 authorization)" = "Bearer sekret"
check "the message is sent" "$(q "SELECT state FROM message WHERE uuid = '$uuid'")" = sent
$L --config "$TMP/http.conf" notify >/dev/null 2>&1
check "a second round sends nothing again" "$(requests)" -eq 1
check "the message no longer holds the number" \
	"$(q "SELECT count(*) FROM message WHERE uuid = '$uuid' AND phone IS NULL")" = 1
check "nor does its ticket" "$(q "SELECT count(*) FROM ticket WHERE phone = '081111111111'")" = 0
q "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
check "the number is nowhere in the database file (grep)" \
	"$(cat "$db" "$db-wal" 2>/dev/null | grep -c -a 081111111111)" = 0

# Non-ASCII (é, —) reaches the gateway as UTF-8: a booking's reminder the
# day before, with a service name holding them.
q "UPDATE service SET name_id = 'Akta Kelahiran — Café é' WHERE code = 'akta-kelahiran'"
tomorrow=$(TZ=Asia/Jakarta date -d tomorrow +%Y-%m-%d)
$L --config "$TMP/http.conf" booking make akta-kelahiran --at "$tomorrow 10:00" \
	--phone 082222222222 --lang id >/dev/null
$L --config "$TMP/http.conf" notify >/dev/null 2>&1
check "a booking tomorrow gets its reminder, once" "$(requests)" -eq 2
text=$(field 2 text)
case $text in *"Akta Kelahiran — Café é"*"10:00"*) utf=0 ;; *) utf=1 ;; esac
check "é and — reach the gateway intact (UTF-8): $text" $utf -eq 0
case $text in "Loket: pemesanan Anda untuk "*) id=0 ;; *) id=1 ;; esac
check "... in Indonesian (the booking's language)" $id -eq 0
$L --config "$TMP/http.conf" notify >/dev/null 2>&1
check "... and is not written twice" "$(q "SELECT count(*) FROM message WHERE kind = 'booking-reminder'")" = 1

# The README's examples: each configuration is accepted, and the HTTP one
# sends what its body template says to the stand-in gateway.
awk -v dir="$TMP" '/^Text messages$/ { on = 1 } /^For developers$/ { on = 0 }
	on && /^    \[notify\]$/ { n++; f = dir "/readme-" n ".conf";
	    print "[office]\nhours = mon-sun 00:00-24:00" >f }
	on && n && /^    / { sub(/^    /, ""); print >>f; next }
	on && n && /^$/ { f = "/dev/null" }' "$top_srcdir/README"
for n in 1 2 3; do
	$L --config "$TMP/readme-$n.conf" notify status >/dev/null 2>"$TMP/err"
	check "README example $n: $(sed -n 3p "$TMP/readme-$n.conf") is accepted" $? -eq 0
done
sed "s|^url = .*|url = $URL|" "$TMP/readme-1.conf" >"$TMP/readme-http.conf"
message 081010101010
uuid=$(q "SELECT uuid FROM message WHERE phone = '081010101010'")
$L --config "$TMP/readme-http.conf" notify >/dev/null 2>&1
n=$(requests)
check "README's HTTP example: sent with its body template" "$(field "$n" ref)" = "$uuid"
check "... to {phone_e164}" "$(field "$n" to)" = +6281010101010
check "... with its auth header" "$(field "$n" authorization)" = "Bearer YOUR-API-KEY"

# --- The gateway down: retried later, nothing lost.
gateway_stop
message 083333333333
$L --config "$TMP/http.conf" notify >/dev/null 2>"$TMP/err"
check "gateway down: loket notify exits 4 (try again later)" $? -eq 4
check "... the message waits, tried once" \
	"$(q "SELECT state || ' ' || attempts FROM message WHERE phone = '083333333333'")" = "waiting 1"
$L --config "$TMP/http.conf" notify status >"$TMP/out"
contains "notify status names the last error" "$TMP/out" "Last error: Cannot reach the gateway at http://127.0.0.1"
contains "... and counts the one waiting" "$TMP/out" "Waiting: 1"
rm -f "$TMP/gw.log"
gateway_start
http_conf
$L --config "$TMP/http.conf" notify --watch >"$TMP/watch.out" 2>&1 &
SENDER=$!
ok "with the gateway back, the watching sender sends it after the backoff" \
	eventually is_sent
check "... once" "$(requests)" -eq 1
$L --config "$TMP/http.conf" notify >/dev/null 2>"$TMP/err"
check "a second sender is refused while one runs" $? -eq 1
contains "... and says why" "$TMP/err" "Another text-message sender is running"
$L --config "$TMP/http.conf" notify status --json >"$TMP/out"
contains "notify status --json: the sender runs" "$TMP/out" '"sender_running": true'
contains "... counts by state" "$TMP/out" "\"sent\": $(q "SELECT count(*) FROM message WHERE state = 'sent'")"

# --- 500, then OK: sent, the same id on both tries (a gateway can dedupe).
rm -f "$TMP/gw.log"
printf '500\n' >"$TMP/gw.script"
message 084444444444
ok "500 then OK: sent by the watching sender" eventually is_sent
check "... after two requests" "$(requests)" -eq 2
check "... with the same id both times" "$(field 1 id)" = "$(field 2 id)"
check "... the same Idempotency-Key both times" \
	"$(field 1 idempotency-key)" = "$(field 2 idempotency-key)"

# 429 (too many requests) is "later", too.
rm -f "$TMP/gw.log"
printf '429\n' >"$TMP/gw.script"
message 085555555555
ok "429 then OK: sent" eventually is_sent
check "... after two requests" "$(requests)" -eq 2

# --- kill -9 of the sender while the gateway holds the request: retried,
# with the same id.
rm -f "$TMP/gw.log"
printf 'slow 10\n' >"$TMP/gw.script"
message 086666666666
ok "a slow gateway: the sender waits on it" eventually requests_are 1
check "... the message is marked sending" "$(state)" = sending
kill -9 $SENDER
wait $SENDER 2>/dev/null
SENDER=
$L --config "$TMP/http.conf" notify >/dev/null 2>&1
check "after kill -9, the next sender sends it again" "$(state)" = sent
check "... a second request" "$(requests)" -eq 2
check "... with the same id (at least once; the gateway can dedupe)" "$(field 1 id)" = "$(field 2 id)"

# A gateway too slow for the timeout: tried again later.
rm -f "$TMP/gw.log"
printf 'slow 5\n' >"$TMP/gw.script"
message 087777777777
$L --config "$TMP/http.conf" notify >/dev/null 2>"$TMP/err"
check "a gateway slower than the timeout: exit 4" $? -eq 4
check "... the message waits" "$(state)" = waiting

# --- 4xx: refused for good; the number deleted at once.
q "UPDATE message SET state = 'sent', phone = NULL WHERE state = 'waiting'"
rm -f "$TMP/gw.log"
printf '400\n' >"$TMP/gw.script"
message 088888888888
id=$(q "SELECT max(id) FROM message")
$L --config "$TMP/http.conf" notify >/dev/null 2>&1
check "400: loket notify exits 1 (given up)" $? -eq 1
check "... the message failed" "$(q "SELECT state FROM message WHERE id = $id")" = failed
check "... and holds no number" "$(q "SELECT count(*) FROM message WHERE id = $id AND phone IS NULL")" = 1
contains_status() { $L --config "$TMP/http.conf" notify status >"$TMP/out"; grep -qF "$1" "$TMP/out"; }
ok "... notify status counts it as given up" contains_status "Given up: 1"

# A message tried past give_up (minutes) is given up.
gateway_stop
message 089999999999
q "UPDATE message SET created_at = created_at - 3600 WHERE phone = '089999999999'"
conf giveup "transport = http" "url = $URL" "give_up = 30" "timeout = 2"
$L --config "$TMP/giveup.conf" notify >/dev/null 2>&1
check "a message an hour old with give_up = 30 minutes is given up" "$(state)" = failed
check "... its number deleted" "$(q "SELECT count(*) FROM message WHERE phone = '089999999999'")" = 0

# --- The command transport: the phone and text as arguments, no shell.
message 081212121212
uuid=$(q "SELECT uuid FROM message WHERE phone = '081212121212'")
body=$(q "SELECT body FROM message WHERE uuid = '$uuid'")
$L --config "$TMP/cmd.conf" notify >/dev/null 2>&1
check "command: exit 0 is sent" "$(q "SELECT state FROM message WHERE uuid = '$uuid'")" = sent
check "... the command got the number, the text and LOKET_MESSAGE_ID" \
	"$(tail -n 1 "$TMP/send.log")" = \
	"081212121212|$body|$uuid"
message 081313131313
SEND_STATUS=65 $L --config "$TMP/cmd.conf" notify >/dev/null 2>&1
check "... exit 65 (the message refused) is given up" "$(state)" = failed
message 081414141414
SEND_STATUS=1 $L --config "$TMP/cmd.conf" notify >/dev/null 2>&1
check "... any other failure is tried again later" "$(state)" = waiting
q "UPDATE message SET state = 'sent', phone = NULL WHERE state = 'waiting'"

# --- gammu: gammu-smsd-inject into gammu-smsd's files backend, no network.
if command -v gammu-smsd-inject >/dev/null 2>&1; then
	mkdir -p "$TMP/outbox" "$TMP/inbox" "$TMP/sent" "$TMP/error"
	cat >"$TMP/smsdrc" <<EOF
[gammu]
model = dummy
connection = none
device = $TMP/phone
[smsd]
service = files
outboxpath = $TMP/outbox/
inboxpath = $TMP/inbox/
sentsmspath = $TMP/sent/
errorsmspath = $TMP/error/
logfile = $TMP/smsd.log
EOF
	conf gammu "transport = gammu" "gammu_config = $TMP/smsdrc"
	message 081515151515
	body=$(q "SELECT body FROM message WHERE phone = '081515151515'")
	$L --config "$TMP/gammu.conf" notify >/dev/null 2>"$TMP/err"
	check "gammu: loket notify exits 0" $? -eq 0
	file=$(ls "$TMP/outbox" | head -n 1)
	check "gammu: a message file appears in gammu-smsd's outbox" -n "$file"
	contains "... for the number" "$TMP/outbox/$file" 'Number = "081515151515"'
	contains "... with the text" "$TMP/outbox/$file" "; $body"
	check "... and the message is sent" "$(state)" = sent
	conf gammubad "transport = gammu" "gammu_config = $TMP/none/smsdrc"
	message 081616161616
	$L --config "$TMP/gammubad.conf" notify >/dev/null 2>&1
	check "gammu failing (no config file): tried again later" "$(state)" = waiting
	contains_error() { $L --config "$TMP/gammu.conf" notify status >"$TMP/out"; grep -qF "$1" "$TMP/out"; }
	ok "... and its error is in notify status" contains_error "Last error: gammu-smsd-inject failed"
else
	for t in 1 2 3 4 5 6 7; do
		skip "gammu: a message file in gammu-smsd's outbox" "gammu-smsd-inject is not installed"
	done
fi

# --- The desk shows where the messages stand, when a transport is set.
echo "rahasia123" | $L user add ani >/dev/null
printf 'ani\nrahasia123\n1\n' | $L --config "$TMP/cmd.conf" desk >"$TMP/out" 2>&1
waiting=$(q "SELECT count(*) FROM message WHERE state IN ('waiting', 'sending')")
sent=$(q "SELECT count(*) FROM message WHERE state = 'sent'")
failed=$(q "SELECT count(*) FROM message WHERE state = 'failed'")
contains "the desk shows the messages by state" "$TMP/out" \
	"Text messages: $waiting waiting, $sent sent, $failed given up."
printf 'ani\nrahasia123\n1\n' | $L --config "$TMP/none.conf" desk >"$TMP/out" 2>&1
lacks "... and nothing of them without a transport" "$TMP/out" "Text messages:"

# --- Retention: a new day deletes the queue's messages of the days before.
q "UPDATE ticket SET day = '2026-01-05'; UPDATE setting SET value = '2026-01-05' WHERE key = 'retention_day'"
$L --config "$TMP/cmd.conf" ticket take ktp-el-baru >/dev/null
check "a new day deletes the queue's messages of the days before" \
	"$(q "SELECT count(*) FROM message WHERE kind = 'queue-near'")" = 0

done_testing
