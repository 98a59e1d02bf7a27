#!/bin/sh
# The operator desk and its accounts: logins with Argon2id hashes, growing
# waits after three wrong passwords at one desk (never a lock), and one key
# per action on the ticket at the counter, driven through line mode. Each
# scenario starts from a fresh database (the demo catalog and the operator
# ani) and says which tickets it takes; every desk session must end with
# status 0.
. "${top_srcdir:-.}/tests/lib.sh"

template=$TMP/template.db
db=$TMP/desk.db
out=$TMP/out
err=$TMP/err
make_db "$template"
L="$LOKET --db $template --lang=en"

# -- Accounts ------------------------------------------------------------
echo "rahasia123" | $L user add ani >"$out"
check "user add exits 0" $? -eq 0
contains "user add confirms" "$out" "Operator ani added."
hash=$(sqlite3 "$template" "SELECT hash FROM operator WHERE name = 'ani'")
case $hash in '$argon2id$'*) a=0 ;; *) a=1 ;; esac
check "the password is stored as an Argon2id hash" $a -eq 0
lacks_db=$(sqlite3 "$template" "SELECT count(*) FROM operator WHERE hash LIKE '%rahasia123%'")
check "the password itself is not stored" "$lacks_db" = 0
echo "pendek" | $L user add budi 2>"$err"
check "a short password is refused" $? -eq 1
contains "the refusal says how long a password must be" "$err" "at least 8 characters"
echo "rahasia123" | $L user add ani 2>"$err"
check "a taken name is refused with exit 1" $? -eq 1
contains "a taken name is refused" "$err" 'There is already an operator "ani".'
echo "rahasia123" | $L user add 'Bad Name' 2>"$err"
check "a bad name is refused with exit 1" $? -eq 1
contains "a bad name is refused with the rule" "$err" "1 to 32 of a-z"
$L user list >"$out"
check "user list exits 0" $? -eq 0
contains "user list shows the account" "$out" "ani"

# fresh: a new scenario's database, a copy of the template (demo catalog,
# operator ani with the password rahasia123, no tickets).
fresh() {
	rm -f "$db" "$db-wal" "$db-shm"
	cp "$template" "$db"
	L="$LOKET --db $db --lang=en"
}

# take N: N tickets for ktp-el-baru (served at counter 1): A-001...
take() {
	_take_i=0
	while [ "$_take_i" -lt "$1" ]; do
		$L ticket take ktp-el-baru >/dev/null || echo "# take failed"
		_take_i=$((_take_i + 1))
	done
}

# keys STEP...: the lines typed at the desk, one named step at a time.
#   login NAME PASSWORD     the two fields of the login screen
#   counter N               the Nth counter of "Choose your counter"
#   call_next               1  Call next
#   call_again              2  Call again
#   serve                   3  Start serving
#   finish OUTCOME          4  Finish..., then 1 done, 2 incomplete,
#                              3 forwarded or 4 rejected
#   not_present             5  Not present
#   transfer AGENCY SERVICE 6  Transfer..., the agency and the service by
#                              their place in the lists, 1 Transfer it
#   call_number TICKET      8  Call a ticket by number, then the ticket
#   walk_in AGENCY SERVICE  9  More..., 1 Serve a walk-in, the agency and
#                              the service, 1 Serve now
#   figures                 9  More..., 2 Today's figures
#   line TEXT               any other line, as typed
keys() {
	while [ $# -gt 0 ]; do
		case $1 in
		login)		printf '%s\n%s\n' "$2" "$3"; shift 3 ;;
		counter)	printf '%s\n' "$2"; shift 2 ;;
		call_next)	printf '1\n'; shift ;;
		call_again)	printf '2\n'; shift ;;
		serve)		printf '3\n'; shift ;;
		finish)
			case $2 in
			done) o=1 ;; incomplete) o=2 ;; forwarded) o=3 ;;
			rejected) o=4 ;; *) echo "keys: outcome $2?" >&2; o= ;;
			esac
			printf '4\n%s\n' "$o"; shift 2 ;;
		not_present)	printf '5\n'; shift ;;
		transfer)	printf '6\n%s\n%s\n1\n' "$2" "$3"; shift 3 ;;
		call_number)	printf '8\n%s\n' "$2"; shift 2 ;;
		walk_in)	printf '9\n1\n%s\n%s\n1\n' "$2" "$3"; shift 3 ;;
		figures)	printf '9\n2\n'; shift ;;
		line)		printf '%s\n' "$2"; shift 2 ;;
		*)		echo "keys: unknown step $1" >&2; return 1 ;;
		esac
	done
}

# desk DESCRIPTION STEP...: a desk session fed those steps; it must end
# (at the end of its input) with status 0. Its output is in $out.
desk() {
	_desk_what=$1
	shift
	keys "$@" >"$TMP/keys" || { check "$_desk_what: the steps are known" 1 = 0; return; }
	$L desk <"$TMP/keys" >"$out" 2>&1
	_desk_status=$?
	check "$_desk_what: the desk ends with status 0" "$_desk_status" -eq 0
	[ "$_desk_status" -eq 0 ] || tail -n 20 "$out" | sed 's/^/#   | /'
}

# -- Logging in ------------------------------------------------------------
fresh
desk "wrong password" login ani wrong-password
contains "a wrong password is refused without saying which was wrong" "$out" "The name or the password is not right."
desk "unknown name" login nobody rahasia123
contains "an unknown name gets the same answer" "$out" "The name or the password is not right."

# -- Calling, serving, finishing, not present -------------------------------
fresh
take 3
desk "a morning's work" login ani rahasia123 counter 1 \
	call_next serve finish done call_next not_present
contains "after login the counter is chosen" "$out" "== Choose your counter =="
contains "the desk shows the waiting list" "$out" "3 waiting"
contains "1 calls the next ticket" "$out" "Called A-001 to counter 1."
contains "3 starts serving" "$out" "Ticket A-001 is being served."
contains "4 then 1 finishes it as done" "$out" "Ticket A-001 is done."
contains "5 marks a called ticket not present" "$out" "Ticket A-002 is not present."
contains "the figures count it" "$out" "Today: 1 served, 1 not present, 1 waiting."
lacks "an office that follows no centre shows no sync line" "$out" "Sync:"
check "the event log names the operator" "$(sqlite3 "$db" "SELECT count(*) FROM event WHERE actor = 'ani'")" -ge 4

# -- A ticket called by its number, then transferred -----------------------
fresh
take 3
desk "call by number" login ani rahasia123 counter 1 \
	call_number A-003 transfer 2 1
contains "a ticket is called by its number" "$out" "Called A-003 to counter 1."
contains "a transfer makes a ticket in the other service" "$out" "Transferred: the new ticket is"
check "the transferred ticket kept its arrival time" \
	"$(sqlite3 "$db" "SELECT count(*) FROM ticket a, ticket b WHERE a.outcome = 'transferred' AND b.id > a.id AND b.arrived_at = a.arrived_at AND b.service_id <> a.service_id")" = 1
check "A-001 and A-002 still wait" \
	"$(sqlite3 "$db" "SELECT group_concat(number) FROM (SELECT number FROM ticket WHERE state = 'waiting' AND service_id = 1 ORDER BY number)")" = "1,2"

# -- A walk-in, the figures, an action with no ticket ------------------------
fresh
desk "walk-in" login ani rahasia123 counter 1 walk_in 1 1
contains "a walk-in is served without a queue ticket" "$out" "Called A-001 to counter 1."
fresh
desk "figures" login ani rahasia123 counter 1 figures
contains "today's figures have an hourly chart" "$out" "Tickets finished per hour:"
fresh
desk "no ticket" login ani rahasia123 counter 1 finish done
contains "an action with no ticket at the counter says so" "$out" "No ticket at this counter: press 1"

# -- Three wrong passwords at a desk make the next try of that name wait
# there, even with the right password; another desk is not slowed. --
fresh
desk "three wrong passwords" login ani x1 line x2 line x3 line rahasia123
contains "the third wrong password makes the next try wait" "$out" "Too many wrong tries: wait 1 second, then try again."
lacks "the right password is not even tried while waiting" "$out" "== Choose your counter =="
lacks "nothing says the account is locked" "$out" "locked"
desk "another desk" login ani rahasia123
contains "at another desk the operator logs in at once" "$out" "== Choose your counter =="
echo "baru-rahasia" | $L user passwd ani >/dev/null
check "user passwd exits 0" $? -eq 0
desk "new password" login ani baru-rahasia
contains "a new password works at once" "$out" "== Choose your counter =="
$L user disable ani >/dev/null
check "user disable exits 0" $? -eq 0
desk "disabled" login ani baru-rahasia
contains "a disabled account cannot log in" "$out" "The name or the password is not right."

# -- The day's report, and its ticket log as CSV. ----------------------------
fresh
take 3
desk "two served" login ani rahasia123 counter 1 \
	call_next serve finish done call_next serve finish done
$L report >"$out"
check "report exits 0" $? -eq 0
contains "report gives the day's served count" "$out" "Served: 2"
$L report --csv >"$out"
check "report --csv exits 0" $? -eq 0
contains "the CSV has a header" "$out" "id,ticket,service,priority,state,outcome,arrived"
contains "the CSV lists a finished ticket" "$out" ",A-001,ktp-el-baru,none,done,done,"
lacks "the CSV holds no operator names" "$out" "ani"
# A past day that ended with tickets still open: reported, never lost.
sqlite3 "$db" "INSERT INTO ticket (day, service_id, number, state, arrived_at, taken_at) VALUES ('2026-01-05', 1, 1, 'waiting', 1767580000, 1767580000), ('2026-01-05', 1, 2, 'done', 1767580100, 1767580100)"
sqlite3 "$db" "UPDATE ticket SET outcome = 'done', served_at = 1767580200, finished_at = 1767580500, called_at = 1767580150, counter = 1 WHERE day = '2026-01-05' AND number = 2"
$L report --date 2026-01-05 >"$out"
check "report --date exits 0" $? -eq 0
contains "a ticket left open at midnight counts as not present" "$out" "Not present: 1"
contains "... and the report says it was left open" "$out" "left open at the end of the day: 1"
$L report --date 2026-01-05 --csv >"$out"
contains "the CSV marks it noshow, left open" "$out" ",A-001,ktp-el-baru,none,noshow,left-open,"
check "the report changes nothing in the database" "$(sqlite3 "$db" "SELECT state FROM ticket WHERE day = '2026-01-05' AND number = 1")" = waiting
$L report --date 2026-02-30 2>"$err"
check "an impossible date is refused with exit 2" $? -eq 2
contains "the refusal names --date" "$err" '--date: "2026-02-30" is not a real calendar date'

done_testing
