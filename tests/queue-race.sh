#!/bin/sh
# The digital queue under real concurrency and real crashes, with the real
# binary on a real SQLite file (WAL, synchronous=FULL):
#
#  1. Concurrency. TAKERS processes (default 16) each take TICKETS tickets
#     (default 500) for a mix of three services, one `loket ticket take`
#     process per ticket, while four desks -- counters 1, 2, 10 and 11,
#     where 10 and 11 (added to the demo catalog here) serve all three
#     services, so that desks really compete for the same tickets -- each
#     loop `ticket call`, `ticket serve`, `ticket finish` until the takers
#     are done and nobody waits. Then: every ticket exists exactly once,
#     numbers per (day, service) are exactly 1..k, no ticket has two 'call'
#     events, every 'finish' is by the counter that called the ticket,
#     every ticket called was finished, and PRAGMA integrity_check says ok.
#  2. kill -9. Takers and desks run in sessions of their own; in each of
#     KILL_ROUNDS rounds (default 4) loket processes are killed with
#     SIGKILL in the middle of their loops -- every other kill one that
#     holds the database's write lock (seen in /proc/locks), that is, one in
#     the middle of its transaction -- and then the whole loops at random
#     moments. Then: integrity_check ok, numbers contiguous, no ticket with
#     two calls, no event for a ticket that does not exist, no called or
#     serving ticket without its call event, and loket still takes, calls
#     and finishes on the file.
#  3. Exit codes: `ticket call` with nobody waiting exits 4; a desk is
#     refused (exit 1) another desk's ticket; a database locked past the
#     busy timeout is exit 3 (unusable), not exit 1 (refused).
#
# Sizes. The full 16 x 500 run (8000 take processes and 24000 desk
# processes, each committing with fsync) took 70-85 s on a 2-core machine
# with an ext4 disk, the whole file 1.5-2 minutes, so the full size is the
# default. (A run across the office's midnight would leave yesterday's
# tickets uncalled -- desks call today's -- and fail part 1.) Smaller,
# for a slow machine or a quick look:
#     TAKERS=4 TICKETS=20 KILL_ROUNDS=2 sh tests/queue-race.sh
# DESK_TIMEOUT (default 240) bounds the seconds the desks may take to
# drain the queue after the takers are done.
#
# Run by hand:
#     top_srcdir=/work/main top_builddir=/work/main sh tests/queue-race.sh
. "${top_srcdir:-.}/tests/lib.sh"

TAKERS=${TAKERS:-16}
TICKETS=${TICKETS:-500}
KILL_ROUNDS=${KILL_ROUNDS:-4}
# Seconds the desks may need after the takers are done before the test
# gives up on them (a desk that never stops is a failure, not a hang).
DESK_TIMEOUT=${DESK_TIMEOUT:-240}

conf=$TMP/loket.conf
printf '[general]\nbusy_timeout = 60000\n' >"$conf"

# The demo catalog plus two counters that serve all three test services,
# so that every service has two or three desks calling from it.
services="ktp-el-baru kartu-keluarga akta-kelahiran"
desks="1 2 10 11"
catalog=$TMP/catalog.txt
cat "$top_srcdir/data/demo-catalog.txt" >"$catalog"
cat >>"$catalog" <<EOF

[counter 10]
office = sukamaju-mpp
name = Loket 10 Dukcapil
services = $services

[counter 11]
office = sukamaju-mpp
name = Loket 11 Dukcapil
services = $services
EOF

# new_db FILE: a database with that catalog.
new_db() {
	"$LOKET" --config "$conf" --log=/dev/null --db "$1" init >/dev/null
	"$LOKET" --config "$conf" --log=/dev/null --db "$1" catalog import \
		"$catalog" >/dev/null
}

# q FILE SQL: one query with the sqlite3 shell.
q() {	# q DB SQL: one query; it waits for a writer as loket does
	sqlite3 -batch -cmd ".timeout 60000" "$1" "$2" 2>&1
}

now() { date +%s; }

# A random number from 0 to $1 - 1.
random() {
	echo $(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % $1 ))
}

# Sleep a random number of milliseconds from $1 to $2.
random_sleep() {
	sleep "$(awk -v ms=$(( $1 + $(random $(( $2 - $1 + 1 ))) )) \
		'BEGIN { printf "%.3f", ms / 1000 }')"
}

# The loops, as scripts of their own so that they can run in a session of
# their own and be killed whole. Each loket run is a direct child of the
# loop (no command substitution), so that a kill -9 hits loket itself.
#
# taker.sh LOKET CONF DB OUT COUNT SKIP SERVICE...: take COUNT tickets
# (0: forever), one process each, cycling through the services starting
# SKIP places in. Appends the ids loket gave to OUT.ids; a run that
# failed goes to OUT.fail, or to OUT.killed if it died of SIGKILL.
cat >"$TMP/taker.sh" <<'EOF'
loket=$1 conf=$2 db=$3 out=$4 count=$5 skip=$6
shift 6
while [ "$skip" -gt 0 ]; do
	s=$1; shift; set -- "$@" "$s"; skip=$((skip - 1))
done
i=0
while [ "$count" -eq 0 ] || [ "$i" -lt "$count" ]; do
	s=$1; shift; set -- "$@" "$s"
	"$loket" --config "$conf" --log=/dev/null --db "$db" \
		ticket take "$s" --json >"$out.last" 2>>"$out.err"
	rc=$?
	if [ $rc -eq 0 ]; then
		sed -n 's/^{"id":\([0-9][0-9]*\),.*/\1/p' "$out.last" >>"$out.ids"
	elif [ $rc -eq 137 ]; then
		echo "take $s: killed" >>"$out.killed"
	else
		echo "take $s: exit $rc" >>"$out.fail"
	fi
	i=$((i + 1))
done
EOF

# desk.sh LOKET CONF DB OUT COUNTER STOPFILE: call, serve, finish, until
# STOPFILE exists before a call that finds nobody waiting. Appends the ids
# it called to OUT.calls.
cat >"$TMP/desk.sh" <<'EOF'
loket=$1 conf=$2 db=$3 out=$4 counter=$5 stop=$6
set -- done incomplete forwarded rejected
run() {
	"$loket" --config "$conf" --log=/dev/null --db "$db" "$@" \
		>"$out.last" 2>>"$out.err"
	rc=$?
	if [ $rc -eq 137 ]; then
		echo "$1 $2: killed" >>"$out.killed"
	elif [ $rc -ne 0 ] && [ $rc -ne 4 ]; then
		echo "$1 $2 $3: exit $rc" >>"$out.fail"
	fi
	return $rc
}
while :; do
	last=0
	[ -e "$stop" ] && last=1
	"$loket" --config "$conf" --log=/dev/null --db "$db" ticket call \
		--counter "$counter" --json >"$out.last" 2>"$out.callerr"
	rc=$?
	if [ $rc -eq 1 ]; then
		# Refused: a desk killed after its call left its ticket at
		# the counter, which holds one at a time. The operator
		# finishes it first; anything else refused is a failure.
		held=$(sqlite3 -cmd ".timeout 60000" "$db" "SELECT id FROM
			ticket WHERE counter = $counter AND
			state IN ('called', 'serving')")
		if [ -n "$held" ]; then
			run ticket finish "$held" --outcome done \
				--counter "$counter"
			continue
		fi
	fi
	cat "$out.callerr" >>"$out.err"
	if [ $rc -eq 137 ]; then
		echo "ticket call: killed" >>"$out.killed"
	elif [ $rc -ne 0 ] && [ $rc -ne 4 ]; then
		echo "ticket call --counter: exit $rc" >>"$out.fail"
	fi
	case $rc in
	0)	;;
	4)	[ $last -eq 1 ] && break
		sleep 0.02
		continue ;;
	*)	continue ;;
	esac
	id=$(sed -n 's/^{"id":\([0-9][0-9]*\),.*/\1/p' "$out.last")
	if [ -z "$id" ]; then
		echo "call: no id in $(cat "$out.last")" >>"$out.fail"
		continue
	fi
	echo "$id" >>"$out.calls"
	run ticket serve "$id" --counter "$counter" || continue
	o=$1; shift; set -- "$@" "$o"
	run ticket finish "$id" --outcome "$o" --counter "$counter"
done
EOF

# lines FILE...: the number of lines in the files (0 if none exist).
lines() {
	cat "$@" 2>/dev/null | wc -l | tr -d ' '
}

# The SQL checks shared by both parts, each printing a number that must
# be 0 (so that a query that fails to run fails its check).
sql_number_groups_bad="SELECT count(*) FROM (SELECT count(*) AS n,
	count(DISTINCT number) AS d, min(number) AS lo, max(number) AS hi
	FROM ticket GROUP BY day, service_id)
	WHERE NOT (n = d AND lo = 1 AND hi = n)"
sql_gaps="SELECT coalesce(sum(hi - n), 0) FROM (SELECT count(*) AS n,
	max(number) AS hi FROM ticket GROUP BY day, service_id)"
sql_dup_numbers="SELECT count(*) FROM (SELECT 1 FROM ticket
	GROUP BY day, service_id, number HAVING count(*) > 1)"
sql_two_calls="SELECT count(*) FROM (SELECT ticket_id FROM event
	WHERE kind = 'call' GROUP BY ticket_id HAVING count(*) > 1)"
sql_take_events_bad="SELECT count(*) FROM ticket t LEFT JOIN
	(SELECT ticket_id, count(*) AS n FROM event WHERE kind = 'take'
	GROUP BY ticket_id) e ON e.ticket_id = t.id WHERE coalesce(e.n, 0) <> 1"
sql_orphan_events="SELECT count(*) FROM event WHERE ticket_id IS NULL OR
	ticket_id NOT IN (SELECT id FROM ticket)"
sql_finish_other_counter="SELECT count(*) FROM event f LEFT JOIN
	(SELECT ticket_id, counter, min(id) AS first FROM event WHERE
	kind = 'call' GROUP BY ticket_id, counter) c ON c.ticket_id =
	f.ticket_id AND c.counter = f.counter AND c.first < f.id
	WHERE f.kind = 'finish' AND c.ticket_id IS NULL"
sql_held_without_call="SELECT count(*) FROM ticket t LEFT JOIN
	(SELECT DISTINCT ticket_id, counter FROM event WHERE kind = 'call') c
	ON c.ticket_id = t.id AND c.counter = t.counter WHERE t.state IN
	('called', 'serving') AND c.ticket_id IS NULL"
sql_calls_mismatch="SELECT count(*) FROM ticket t LEFT JOIN
	(SELECT ticket_id, count(*) AS n FROM event WHERE kind IN ('call',
	'recall') GROUP BY ticket_id) e ON e.ticket_id = t.id
	WHERE t.calls <> coalesce(e.n, 0)"
sql_done_without_finish="SELECT count(*) FROM ticket t LEFT JOIN
	(SELECT ticket_id, count(*) AS n, min(counter) AS lo, max(counter)
	AS hi FROM event WHERE kind = 'finish' GROUP BY ticket_id) e
	ON e.ticket_id = t.id WHERE t.state = 'done' AND NOT
	(coalesce(e.n, 0) = 1 AND e.lo = t.counter AND e.hi = t.counter)"

# diag LABEL FILE...: show the first lines of files that should be empty.
diag() {
	_label=$1
	shift
	for _f in "$@"; do
		grep -qv '^Killed$' "$_f" 2>/dev/null || continue
		echo "# $_label $(basename "$_f"):"
		grep -v '^Killed$' "$_f" | head -n 5 | awk '{ print "#   | " $0 }'
	done
}

# ------------------------------------------------------------------
# 1. Concurrency.
# ------------------------------------------------------------------
db=$TMP/race.db
new_db "$db"
check "the race database was made" -s "$db"
total=$((TAKERS * TICKETS))
echo "# concurrency: $TAKERS takers x $TICKETS tickets = $total tickets," \
	"desks at counters $desks"
run=$TMP/race
mkdir -p "$run"
stop=$run/takers-done
start=$(now)
desk_pids=
for c in $desks; do
	sh "$TMP/desk.sh" "$LOKET" "$conf" "$db" "$run/desk$c" "$c" "$stop" &
	desk_pids="$desk_pids $!"
done
taker_pids=
i=1
while [ $i -le "$TAKERS" ]; do
	sh "$TMP/taker.sh" "$LOKET" "$conf" "$db" "$run/taker$i" "$TICKETS" \
		$((i % 3)) $services &
	taker_pids="$taker_pids $!"
	i=$((i + 1))
done
for p in $taker_pids; do
	wait "$p"
done
takers_end=$(now)
: >"$stop"
# The desks drain the queue and stop; past the deadline they are killed.
deadline=$(($(now) + DESK_TIMEOUT))
timed_out=0
for p in $desk_pids; do
	while kill -0 "$p" 2>/dev/null; do
		if [ "$(now)" -ge "$deadline" ]; then
			timed_out=1
			kill -9 "$p" 2>/dev/null
			break
		fi
		sleep 0.2
	done
	wait "$p" 2>/dev/null
done
end=$(now)
echo "# concurrency: takers done in $((takers_end - start)) s," \
	"desks done in $((end - start)) s"

check "the desks stopped within $DESK_TIMEOUT s of the takers" "$timed_out" -eq 0
n=$(lines "$run"/taker*.fail)
check "every ticket take succeeded ($n failed)" "$n" -eq 0
diag "failed takes in" "$run"/taker*.fail "$run"/taker*.err
n=$(lines "$run"/taker*.ids)
check "the takers got $total ticket ids ($n)" "$n" -eq "$total"
n=$(cat "$run"/taker*.ids 2>/dev/null | sort -u | wc -l | tr -d ' ')
check "no ticket id was given to two takers ($n distinct)" "$n" -eq "$total"
n=$(q "$db" "SELECT count(*) FROM ticket")
check "the database holds exactly $total tickets ($n)" "$n" = "$total"
cat "$run"/taker*.ids 2>/dev/null | sort -n >"$run/ids.takers"
q "$db" "SELECT id FROM ticket ORDER BY id" >"$run/ids.db"
ok "the tickets in the database are exactly the ones the takers got" \
	cmp "$run/ids.takers" "$run/ids.db"
n=$(q "$db" "SELECT count(DISTINCT service_id) FROM ticket")
check "the tickets are for the three services ($n)" "$n" = 3
n=$(q "$db" "$sql_number_groups_bad")
check "numbers per day and service are exactly 1..k ($n bad groups)" "$n" = 0
n=$(q "$db" "$sql_gaps")
check "no number is missing ($n gaps)" "$n" = 0
n=$(q "$db" "$sql_dup_numbers")
check "no number is given twice ($n duplicates)" "$n" = 0
n=$(q "$db" "$sql_take_events_bad")
check "every ticket has exactly one take event ($n do not)" "$n" = 0

n=$(lines "$run"/desk*.fail)
check "every desk call, serve and finish succeeded ($n failed)" "$n" -eq 0
diag "desk failures in" "$run"/desk*.fail "$run"/desk*.err
n=$(lines "$run"/desk*.calls)
check "the desks called $total tickets ($n)" "$n" -eq "$total"
n=$(cat "$run"/desk*.calls 2>/dev/null | sort -u | wc -l | tr -d ' ')
check "no desk was handed a ticket another desk was handed ($n distinct)" \
	"$n" -eq "$total"
n=$(q "$db" "$sql_two_calls")
check "no ticket has two call events ($n do)" "$n" = 0
n=$(q "$db" "SELECT count(*) FROM event WHERE kind = 'call'")
check "there is one call event per ticket ($n)" "$n" = "$total"
n=$(q "$db" "$sql_finish_other_counter")
check "every finish is by the counter that called the ticket ($n are not)" "$n" = 0
n=$(q "$db" "SELECT count(*) FROM ticket t LEFT JOIN (SELECT DISTINCT
	ticket_id, counter FROM event WHERE kind = 'call') c ON c.ticket_id =
	t.id AND c.counter = t.counter WHERE c.ticket_id IS NULL")
check "every ticket is at the counter whose call event it has ($n are not)" "$n" = 0
n=$(q "$db" "SELECT count(*) FROM event WHERE kind = 'finish'")
check "there is one finish event per ticket ($n)" "$n" = "$total"
n=$(q "$db" "SELECT count(*) FROM ticket WHERE state <> 'done' OR
	outcome IS NULL OR finished_at IS NULL")
check "every ticket called was finished ($n open)" "$n" = 0
n=$(q "$db" "$sql_done_without_finish")
check "every done ticket has one finish event from its counter ($n do not)" "$n" = 0
n=$(q "$db" "$sql_calls_mismatch")
check "every ticket's call count matches its call events ($n do not)" "$n" = 0
# Desk by desk, from the files each desk wrote: what a desk was told it
# called is what the event log says that counter called.
bad=0
for c in $desks; do
	sort -n "$run/desk$c.calls" 2>/dev/null >"$run/desk$c.sorted"
	q "$db" "SELECT ticket_id FROM event WHERE kind = 'call' AND
		counter = $c ORDER BY ticket_id" >"$run/desk$c.db"
	cmp -s "$run/desk$c.sorted" "$run/desk$c.db" || bad=$((bad + 1))
done
check "each desk's calls are the event log's calls for its counter ($bad differ)" "$bad" -eq 0
if [ "$total" -ge 200 ]; then
	# The race was real: every desk worked, and every service was called
	# from more than one counter.
	n=$(q "$db" "SELECT count(DISTINCT counter) FROM event WHERE kind = 'call'")
	check "all four desks called tickets ($n did)" "$n" = 4
	n=$(q "$db" "SELECT count(*) FROM (SELECT t.service_id FROM event e
		JOIN ticket t ON t.id = e.ticket_id WHERE e.kind = 'call'
		GROUP BY t.service_id HAVING count(DISTINCT e.counter) >= 2)")
	check "every service was called from two or more desks ($n were)" "$n" = 3
fi
n=$(q "$db" "PRAGMA integrity_check")
check "integrity_check is ok after the race ($n)" "$n" = ok
n=$(q "$db" "PRAGMA foreign_key_check" | wc -l | tr -d ' ')
check "foreign_key_check finds nothing after the race ($n)" "$n" -eq 0
q "$db" "SELECT counter, count(*) FROM event WHERE kind = 'call' GROUP BY
	counter" | awk -F'|' '{ printf "# counter %s called %s\n", $1, $2 }'

# ------------------------------------------------------------------
# 2. kill -9 in the middle of the loops.
# ------------------------------------------------------------------
# kill_part: all of part 2, run when the tools to kill a loop whole exist.
kill_part() {
kdb=$TMP/kill.db
new_db "$kdb"
krun=$TMP/kill
mkdir -p "$krun"
# The name ps shows for loket (at most 15 characters, as the kernel keeps).
lname=$(basename "$LOKET" | cut -c1-15)
killed=0
killed_tx=0
integrity_bad=0
kstart=$(now)
round=1
while [ "$round" -le "$KILL_ROUNDS" ]; do
	# Each loop in a session of its own: kill -9 -SID ends the loop and
	# the loket it is running at that moment.
	sids=
	for c in $desks; do
		setsid sh "$TMP/desk.sh" "$LOKET" "$conf" "$kdb" \
			"$krun/desk$c" "$c" "$krun/never" &
		sids="$sids $!"
	done
	i=1
	while [ $i -le 4 ]; do
		setsid sh "$TMP/taker.sh" "$LOKET" "$conf" "$kdb" \
			"$krun/taker$i" 0 $((i % 3)) $services &
		sids="$sids $!"
		i=$((i + 1))
	done
	random_sleep 200 600
	# Kill single loket runs at random moments: every other time
	# whichever of ours is running, at whatever point it has reached;
	# in between, one that holds the database's write lock (found in
	# /proc/locks), that is, one in the middle of its transaction.
	list=$(echo $sids | tr ' ' ',')
	k=0
	while [ $k -lt 30 ]; do
		ps -o pid=,stat=,comm= --sid "$list" 2>/dev/null |
			awk -v name="$lname" '$3 == name && $2 !~ /^Z/ { print $1 }' >"$krun/ours"
		victim=
		in_tx=0
		if [ $((k % 2)) -eq 1 ] && [ -r /proc/locks ]; then
			w=0
			while [ -z "$victim" ] && [ $w -lt 20 ]; do
				victim=$(awk -v ino=":$(stat -c %i "$kdb-shm" 2>/dev/null) " '
					FNR == NR { ours[$1] = 1; next }
					$2 == "POSIX" && $4 == "WRITE" && $7 == 120 &&
					index($6 " ", ino) && ($5 in ours) { print $5; exit }
					' "$krun/ours" /proc/locks)
				[ -n "$victim" ] && in_tx=1
				w=$((w + 1))
				[ -n "$victim" ] || ps -o pid=,stat=,comm= --sid "$list" 2>/dev/null |
					awk -v name="$lname" '$3 == name && $2 !~ /^Z/ { print $1 }' >"$krun/ours"
			done
		fi
		[ -n "$victim" ] || victim=$(awk -v r="$(random 1000)" \
			'{ p[n++] = $1 } END { if (n) print p[r % n] }' "$krun/ours")
		if [ -n "$victim" ] && kill -9 "$victim" 2>/dev/null; then
			killed=$((killed + 1))
			killed_tx=$((killed_tx + in_tx))
		fi
		random_sleep 5 50
		k=$((k + 1))
	done
	# Then the loops themselves, one by one at random moments.
	for s in $sids; do
		random_sleep 0 80
		kill -9 -"$s" 2>/dev/null
	done
	for s in $sids; do
		wait "$s" 2>/dev/null
	done
	n=$(q "$kdb" "PRAGMA integrity_check")
	[ "$n" = ok ] || { integrity_bad=$((integrity_bad + 1))
		echo "# round $round: integrity_check said: $n"; }
	round=$((round + 1))
done
kend=$(now)
ktickets=$(q "$kdb" "SELECT count(*) FROM ticket")
kdied=$(lines "$krun"/*.killed)
echo "# kill -9: $KILL_ROUNDS rounds in $((kend - kstart)) s, $killed loket" \
	"runs killed ($killed_tx holding the write lock, $kdied seen dying by" \
	"the loops), $ktickets tickets," \
	"$(q "$kdb" "SELECT count(*) FROM event WHERE kind = 'call'") calls," \
	"$(q "$kdb" "SELECT count(*) FROM ticket WHERE state IN ('called',
	'serving')") left at a desk"

check "loket runs were killed in the middle of the loops ($killed)" "$killed" -gt 0
if [ -r /proc/locks ]; then
	check "loket runs were killed holding the write lock ($killed_tx)" \
		"$killed_tx" -gt 0
fi
check "the loops saw loket die of SIGKILL ($kdied times)" "$kdied" -gt 0
check "tickets were taken between the kills ($ktickets)" "$ktickets" -gt 0
n=$(q "$kdb" "SELECT count(*) FROM event WHERE kind = 'finish'")
check "tickets were finished between the kills ($n)" "$n" -gt 0
n=$(lines "$krun"/*.fail)
check "no loket run failed other than by being killed ($n did)" "$n" -eq 0
diag "failures in" "$krun"/*.fail "$krun"/*.err
check "integrity_check was ok after every round ($integrity_bad were not)" \
	"$integrity_bad" -eq 0
n=$(q "$kdb" "PRAGMA integrity_check")
check "integrity_check is ok after the kills ($n)" "$n" = ok
n=$(q "$kdb" "PRAGMA foreign_key_check" | wc -l | tr -d ' ')
check "foreign_key_check finds nothing after the kills ($n)" "$n" -eq 0
n=$(q "$kdb" "$sql_number_groups_bad")
check "after the kills numbers per day and service are 1..k ($n bad groups)" "$n" = 0
n=$(q "$kdb" "$sql_gaps")
check "after the kills no number is missing ($n gaps)" "$n" = 0
n=$(q "$kdb" "$sql_two_calls")
check "after the kills no ticket has two call events ($n do)" "$n" = 0
n=$(q "$kdb" "$sql_orphan_events")
check "after the kills no event is for a ticket that does not exist ($n are)" "$n" = 0
n=$(q "$kdb" "$sql_take_events_bad")
check "after the kills every ticket has exactly one take event ($n do not)" "$n" = 0
n=$(q "$kdb" "$sql_held_without_call")
check "after the kills no called or serving ticket lacks its call event ($n do)" "$n" = 0
n=$(q "$kdb" "SELECT count(*) FROM ticket WHERE (state = 'waiting') <>
	(counter IS NULL AND called_at IS NULL AND calls = 0)")
check "after the kills a ticket is waiting exactly when it was never called ($n not)" "$n" = 0
n=$(q "$kdb" "$sql_calls_mismatch")
check "after the kills every call count matches the call events ($n do not)" "$n" = 0
n=$(q "$kdb" "$sql_finish_other_counter")
check "after the kills every finish is by the counter that called ($n not)" "$n" = 0
n=$(q "$kdb" "$sql_done_without_finish")
check "after the kills every done ticket has its finish event ($n do not)" "$n" = 0
n=$(q "$kdb" "SELECT count(*) FROM ticket t LEFT JOIN (SELECT DISTINCT
	ticket_id, counter FROM event WHERE kind = 'serve') e ON e.ticket_id =
	t.id AND e.counter = t.counter WHERE t.state = 'serving' AND
	e.ticket_id IS NULL")
check "after the kills every serving ticket has its serve event ($n do not)" "$n" = 0

# Loket still works on the file: take, call, serve, finish.
before=$(q "$kdb" "SELECT coalesce(max(number), 0) FROM ticket t JOIN
	service s ON s.id = t.service_id WHERE s.code = 'npwp' AND
	t.day = (SELECT max(day) FROM ticket)")
"$LOKET" --config "$conf" --log=/dev/null --db "$kdb" ticket take npwp \
	--json >"$krun/take.out" 2>"$krun/take.err"
check "after the kills ticket take exits 0" $? -eq 0
contains "after the kills the new ticket has the next number" "$krun/take.out" \
	"\"number\":$((before + 1)),"
"$LOKET" --config "$conf" --log=/dev/null --db "$kdb" ticket call \
	--counter 3 --json >"$krun/call.out" 2>"$krun/call.err"
check "after the kills ticket call exits 0" $? -eq 0
contains "after the kills the call hands out that ticket" "$krun/call.out" \
	"\"number\":$((before + 1)),"
id=$(sed -n 's/^{"id":\([0-9][0-9]*\),.*/\1/p' "$krun/call.out")
"$LOKET" --config "$conf" --log=/dev/null --db "$kdb" ticket finish \
	"${id:-0}" --outcome done --counter 3 >/dev/null 2>&1
check "after the kills ticket finish exits 0" $? -eq 0
"$LOKET" --config "$conf" --log=/dev/null --db "$kdb" ticket take \
	ktp-el-baru >/dev/null 2>&1
check "after the kills another take exits 0" $? -eq 0
held=$(q "$kdb" "SELECT id FROM ticket WHERE counter = 1 AND
	state IN ('called', 'serving')")
if [ -n "$held" ]; then	# left by a killed desk: the operator finishes it
	"$LOKET" --config "$conf" --log=/dev/null --db "$kdb" ticket finish \
		"$held" --outcome done --counter 1 >/dev/null 2>&1
fi
"$LOKET" --config "$conf" --log=/dev/null --db "$kdb" ticket call \
	--counter 1 >/dev/null 2>&1
check "after the kills a desk with a backlog can call (exit 0)" $? -eq 0
n=$(q "$kdb" "PRAGMA integrity_check")
check "integrity_check is ok after loket used the file again ($n)" "$n" = ok
}
if command -v setsid >/dev/null &&
    ps -o pid= --sid "$(ps -o sid= -p $$ | tr -d ' ')" >/dev/null 2>&1; then
	kill_part
else
	echo "# skipped the kill -9 part: it needs setsid and ps --sid"
fi

# ------------------------------------------------------------------
# 3. Exit codes: nobody waiting is 4, not an error.
# ------------------------------------------------------------------
edb=$TMP/empty.db
new_db "$edb"
out=$TMP/out
err=$TMP/err
"$LOKET" --lang=en --config "$conf" --log=/dev/null --db "$edb" ticket call \
	--counter 3 >"$out" 2>"$err"
check "ticket call with nobody waiting exits 4" $? -eq 4
contains "ticket call with nobody waiting says so" "$out" "Nobody is waiting"
contains "the message names the counter" "$out" "for counter 3."
"$LOKET" --lang=en --config "$conf" --log=/dev/null --db "$edb" ticket call \
	--counter 3 --json >"$out" 2>"$err"
check "ticket call --json with nobody waiting exits 4" $? -eq 4
contains "ticket call --json with nobody waiting gives a null ticket" "$out" \
	'{"ticket":null}'
"$LOKET" --config "$conf" --log=/dev/null --db "$edb" ticket take \
	ktp-el-baru >/dev/null 2>&1
"$LOKET" --lang=en --config "$conf" --log=/dev/null --db "$edb" ticket call \
	--counter 3 >"$out" 2>"$err"
check "a ticket for another service does not wait for counter 3 (exit 4)" $? -eq 4
"$LOKET" --config "$conf" --log=/dev/null --db "$edb" ticket take \
	npwp >/dev/null 2>&1
"$LOKET" --lang=en --config "$conf" --log=/dev/null --db "$edb" ticket call \
	--counter 3 >"$out" 2>"$err"
check "with a ticket waiting ticket call exits 0" $? -eq 0
lacks "with a ticket waiting ticket call does not say nobody waits" "$out" \
	"Nobody is waiting"
"$LOKET" --lang=en --config "$conf" --log=/dev/null --db "$edb" ticket call \
	--counter 3 >"$out" 2>"$err"
check "once it is called, the next call exits 4 again" $? -eq 4
contains "once it is called, nobody is waiting" "$out" "Nobody is waiting"
"$LOKET" --lang=en --config "$conf" --log=/dev/null --db "$edb" ticket call \
	--counter 42 >"$out" 2>"$err"
check "a counter that is not in the catalog exits 1" $? -eq 1
contains "a counter that is not in the catalog is named" "$err" "Counter 42"
n=$(q "$edb" "SELECT count(*) FROM event WHERE kind = 'call'")
check "only the one real call is in the event log ($n)" "$n" = 1

# A desk cannot take over another desk's ticket: the refusals behind "no
# ticket called by two desks" and "finished by the counter that called it".
id=$(q "$edb" "SELECT id FROM ticket WHERE state = 'called'")
"$LOKET" --lang=en --config "$conf" --log=/dev/null --db "$edb" ticket call \
	"${id:-0}" --counter 10 >"$out" 2>"$err"
check "calling a ticket another desk called exits 1" $? -eq 1
"$LOKET" --lang=en --config "$conf" --log=/dev/null --db "$edb" ticket serve \
	"${id:-0}" --counter 10 >"$out" 2>"$err"
check "serving another desk's ticket exits 1" $? -eq 1
"$LOKET" --lang=en --config "$conf" --log=/dev/null --db "$edb" ticket finish \
	"${id:-0}" --outcome done --counter 10 >"$out" 2>"$err"
check "finishing another desk's ticket exits 1" $? -eq 1
n=$(q "$edb" "SELECT state || ' ' || counter FROM ticket WHERE id = ${id:-0}")
check "the refusals left the ticket called at counter 3 ($n)" "$n" = "called 3"
n=$(q "$edb" "SELECT count(*) FROM event WHERE ticket_id = ${id:-0}")
check "the refusals added nothing to the event log ($n events)" "$n" = 2
"$LOKET" --lang=en --config "$conf" --log=/dev/null --db "$edb" ticket take \
	no-such-service >"$out" 2>"$err"
check "a take for a service that does not exist is refused with exit 1" $? -eq 1

# A database another program keeps locked past the busy timeout is a
# database that cannot be used (exit 3, as everywhere else), not a refusal
# (exit 1): a script must be able to tell "try again" from "no".
printf '[general]\nbusy_timeout = 300\n' >"$TMP/busy.conf"
( printf "PRAGMA busy_timeout = 5000;\nBEGIN IMMEDIATE;\n"
  printf "INSERT INTO setting VALUES ('lock', 'held');\n"
  sleep 4 ) | sqlite3 "$edb" >/dev/null 2>&1 &
holder=$!
n=0
while [ $n -lt 50 ] && sqlite3 "$edb" "BEGIN IMMEDIATE; ROLLBACK;" \
	>/dev/null 2>&1; do
	sleep 0.1
	n=$((n + 1))
done
check "another program holds the write lock" $n -lt 50
"$LOKET" --lang=en --config "$TMP/busy.conf" --log=/dev/null --db "$edb" \
	ticket take npwp >"$out" 2>"$err"
rc=$?
check "ticket take on a locked database exits 3 (it exited $rc)" $rc -eq 3
contains "ticket take on a locked database says it is locked" "$err" \
	"locked by another program"
"$LOKET" --lang=en --config "$TMP/busy.conf" --log=/dev/null --db "$edb" \
	ticket call --counter 3 >"$out" 2>"$err"
rc=$?
check "ticket call on a locked database exits 3 (it exited $rc)" $rc -eq 3
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
n=$(q "$edb" "SELECT count(*) FROM ticket")
check "the locked attempts took no ticket ($n tickets)" "$n" = 2

# A counter holds one current ticket, whatever desks press at once: eight
# "call next" for counter 4 at the same moment (a button box bouncing, two
# operators at one counter) call exactly one ticket; the others are refused
# with exit 1, naming the ticket the counter holds.
for i in 1 2 3 4 5 6 7 8; do
	"$LOKET" --config "$conf" --log=/dev/null --db "$edb" ticket take \
		pbb-p2 >/dev/null	# served at counter 4
done
pids=
for i in 1 2 3 4 5 6 7 8; do
	( "$LOKET" --lang=en --config "$conf" --log=/dev/null --db "$edb" \
		ticket call --counter 4 >"$TMP/call4.$i.out" 2>"$TMP/call4.$i.err"
	  echo $? >"$TMP/call4.$i.rc" ) &
	pids="$pids $!"
done
wait $pids
called=0 refused=0
for i in 1 2 3 4 5 6 7 8; do
	case $(cat "$TMP/call4.$i.rc") in
	0) called=$((called + 1)) ;;
	1) grep -q "Counter 4 still holds ticket" "$TMP/call4.$i.err" &&
		refused=$((refused + 1)) ;;
	esac
done
check "eight calls at once for one counter: one called ($called)" $called -eq 1
check "... and seven refused with the ticket it holds ($refused)" \
	$refused -eq 7
n=$(q "$edb" "SELECT count(*) FROM ticket WHERE counter = 4 AND
	state IN ('called', 'serving')")
check "counter 4 holds exactly one current ticket ($n)" "$n" = 1

done_testing
