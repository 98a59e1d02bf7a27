#!/bin/sh
# The operator desk and its accounts: logins with Argon2id hashes, growing
# waits after three wrong passwords at one desk (never a lock), and one key
# per action on the ticket at the counter, driven through line mode.
. "${top_srcdir:-.}/tests/lib.sh"

db=$TMP/desk.db
make_db "$db"
out=$TMP/out
err=$TMP/err
L="$LOKET --db $db --lang=en"

echo "rahasia123" | $L user add ani >"$out"
check "user add exits 0" $? -eq 0
contains "user add confirms" "$out" "Operator ani added."
hash=$(sqlite3 "$db" "SELECT hash FROM operator WHERE name = 'ani'")
case $hash in '$argon2id$'*) a=0 ;; *) a=1 ;; esac
check "the password is stored as an Argon2id hash" $a -eq 0
lacks_db=$(sqlite3 "$db" "SELECT count(*) FROM operator WHERE hash LIKE '%rahasia123%'")
check "the password itself is not stored" "$lacks_db" = 0
echo "pendek" | $L user add budi 2>"$err"
check "a short password is refused" $? -eq 1
contains "the refusal says how long a password must be" "$err" "at least 8 characters"
echo "rahasia123" | $L user add ani 2>"$err"
contains "a taken name is refused" "$err" 'There is already an operator "ani".'
echo "rahasia123" | $L user add 'Bad Name' 2>"$err"
contains "a bad name is refused with the rule" "$err" "1 to 32 of a-z"
$L user list >"$out"
contains "user list shows the account" "$out" "ani"

desk() {
	$L desk >"$out" 2>&1
}

printf 'ani\nwrong-password\n' | desk
contains "a wrong password is refused without saying which was wrong" "$out" "The name or the password is not right."
printf 'nobody\nrahasia123\n' | desk
contains "an unknown name gets the same answer" "$out" "The name or the password is not right."

# Take tickets for counter 1 (it serves ktp-el-baru), then work them.
for i in 1 2 3; do $L ticket take ktp-el-baru >/dev/null; done
printf 'ani\nrahasia123\n1\n1\n3\n4\n1\n1\n5\n' | desk
contains "after login the counter is chosen" "$out" "== Choose your counter =="
contains "the desk shows the waiting list" "$out" "3 waiting"
contains "1 calls the next ticket" "$out" "Called A-001 to counter 1."
contains "3 starts serving" "$out" "Ticket A-001 is being served."
contains "4 then 1 finishes it as done" "$out" "Ticket A-001 is done."
contains "5 marks a called ticket not present" "$out" "Ticket A-002 is not present."
contains "the figures count it" "$out" "Today: 1 served, 1 not present, 1 waiting."
check "the event log names the operator" "$(sqlite3 "$db" "SELECT count(*) FROM event WHERE actor = 'ani'")" -ge 4

printf 'ani\nrahasia123\n1\n8\nA-003\n6\n2\n1\n1\n' | desk
contains "a ticket is called by its number" "$out" "Called A-003 to counter 1."
contains "a transfer makes a ticket in the other service" "$out" "Transferred: the new ticket is"
check "the transferred ticket kept its arrival time" \
	"$(sqlite3 "$db" "SELECT count(*) FROM ticket a, ticket b WHERE a.outcome = 'transferred' AND b.id > a.id AND b.arrived_at = a.arrived_at AND b.service_id <> a.service_id")" = 1

printf 'ani\nrahasia123\n1\n9\n1\n1\n1\n1\n' | desk
contains "a walk-in is served without a queue ticket" "$out" "Called A-004 to counter 1."
printf 'ani\nrahasia123\n1\n9\n2\n' | desk
contains "today's figures have an hourly chart" "$out" "Tickets finished per hour:"
printf 'ani\nrahasia123\n1\n4\n1\n2\n' | desk
contains "an action with no ticket at the counter says so" "$out" "No ticket at this counter: press 1"

# Three wrong passwords at a desk make the next try of that name wait there,
# even with the right password; another desk is not slowed.
printf 'ani\nx1\nx2\nx3\nrahasia123\n' | desk
contains "the third wrong password makes the next try wait" "$out" "Too many wrong tries: wait 1 second, then try again."
lacks "the right password is not even tried while waiting" "$out" "== Choose your counter =="
lacks "nothing says the account is locked" "$out" "locked"
printf 'ani\nrahasia123\n' | desk
contains "at another desk the operator logs in at once" "$out" "== Choose your counter =="
echo "baru-rahasia" | $L user passwd ani >/dev/null
printf 'ani\nbaru-rahasia\n' | desk
contains "a new password works at once" "$out" "== Choose your counter =="
$L user disable ani >/dev/null
printf 'ani\nbaru-rahasia\n' | desk
contains "a disabled account cannot log in" "$out" "The name or the password is not right."

# The day's report, and its ticket log as CSV.
$L report >"$out"
contains "report gives the day's served count" "$out" "Served: 2"
$L report --csv >"$out"
contains "the CSV has a header" "$out" "id,ticket,service,priority,state,outcome,arrived"
contains "the CSV lists a finished ticket" "$out" ",A-001,ktp-el-baru,none,done,done,"
lacks "the CSV holds no operator names" "$out" "ani"
# A past day that ended with tickets still open: reported, never lost.
sqlite3 "$db" "INSERT INTO ticket (day, service_id, number, state, arrived_at, taken_at) VALUES ('2026-01-05', 1, 1, 'waiting', 1767580000, 1767580000), ('2026-01-05', 1, 2, 'done', 1767580100, 1767580100)"
sqlite3 "$db" "UPDATE ticket SET outcome = 'done', served_at = 1767580200, finished_at = 1767580500, called_at = 1767580150, counter = 1 WHERE day = '2026-01-05' AND number = 2"
$L report --date 2026-01-05 >"$out"
contains "a ticket left open at midnight counts as not present" "$out" "Not present: 1"
contains "... and the report says it was left open" "$out" "left open at the end of the day: 1"
$L report --date 2026-01-05 --csv >"$out"
contains "the CSV marks it noshow, left open" "$out" ",A-001,ktp-el-baru,none,noshow,left-open,"
check "the report changes nothing in the database" "$(sqlite3 "$db" "SELECT state FROM ticket WHERE day = '2026-01-05' AND number = 1")" = waiting
$L report --date 2026-02-30 2>"$err"
check "an impossible date is refused with exit 2" $? -eq 2
contains "the refusal names --date" "$err" '--date: "2026-02-30" is not a real calendar date'

done_testing
