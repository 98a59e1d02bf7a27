#!/bin/sh
# End-to-end tests of the display board, "loket board": the real binary in
# a tmux pane while tickets are taken and called from the shell with the
# real ticket commands. They prove that a call shows in big characters
# with its counter and is announced (status line and log) exactly once,
# that a recall is announced again and moves back to the top, that the
# previous calls and the waiting counts follow the queue, that a restarted
# board shows the last calls without announcing them again, the ASCII
# fallback, the 40x12 minimum, the keys to leave (ignored when locked), a
# database failure on the status line, and that SIGTERM gives the terminal
# back. TERM=vt100 and TERM=linux, 80x24.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui-lib.sh"

if [ ! -x "$LOKET" ]; then
	echo "Bail out! $LOKET is not built"
	exit 1
fi

LOG=$TMP/board.log
BLOCK=$(printf '\342\226\210')		# U+2588 FULL BLOCK

# board NAME COLS ROWS TERM DB [OPTION]...: the board on DB in a pane;
# the options go before the command, as global options do.
board() {
	_b_name=$1 _b_cols=$2 _b_rows=$3 _b_term=$4 _b_db=$5
	shift 5
	tui_start "$_b_name" "$_b_cols" "$_b_rows" "$_b_term" "$LOKET" \
		--db "$_b_db" --log "$LOG" "$@" board
}

# take DB SERVICE / call DB COUNTER (prints the ticket id) /
# recall DB ID COUNTER: the queue commands, as a desk would use them.
take() {
	"$LOKET" --db "$1" ticket take "$2" >/dev/null
}
call() {
	"$LOKET" --db "$1" ticket call --counter "$2" --json |
		sed -n 's/^{"id":\([0-9]*\),.*/\1/p'
}
recall() {
	"$LOKET" --db "$1" ticket recall "$2" --counter "$3" >/dev/null
}

# big PATTERN: a row of big characters as the board draws them: a full
# block where terminfo lists one in the line-drawing set (TERM=linux), a
# '#' where it does not (TERM=vt100: a VT100 cannot show U+2588). CELL is
# set for the terminal of each part below. The rows are middle rows of the top of
# the board, from the font in src/ui/bigtext.c: the ticket, the arrow, the
# counter, side by side.
CELL=$BLOCK
big() {
	printf '%s' "$1" | sed "s/#/$CELL/g"
}
cell_for() {	# cell_for TERM: set CELL for boards on TERM
	case $1 in vt100) CELL='#' ;; *) CELL=$BLOCK ;; esac
}
A001_TO1='###### #### ##  ## ##  ##   ##     ->     ##'
J001_TO3='    ## #### ##  ## ##  ##   ##     ->    ####'
A002_TO1='###### #### ##  ## ##  ##  ####    ->     ##'
A002='###### #### ##  ## ##  ##  ####'	# the ticket alone

see() {
	ok "$1" tui_wait "$2" "$3" "$4"
}
says() {
	ok "$1" tui_wait_text "$2" "$3"
}
gone() {
	ok "$1" tui_wait_gone "$2" "$3"
}

# wait_line NAME ERE: until a line of the pane matches ERE.
_matches() {
	tui_screen "$1" | grep -qE -- "$2"
}
wait_line() {
	_tui_poll "$TUI_TIMEOUT" _matches "$1" "$2" && return 0
	{ echo "# waited for a line matching: $2"; _tui_show "$1"; } >&2
	return 1
}

# lacks_bytes FILE STRING...: FILE holds none of the byte strings.
lacks_bytes() {
	_lb_file=$1
	shift
	for _lb in "$@"; do
		if LC_ALL=C grep -qF -- "$_lb" "$_lb_file"; then
			LC_ALL=C grep -nF -- "$_lb" "$_lb_file" | head -3 |
				sed 's/^/# found: /'
			return 1
		fi
	done
}

# status_is DESC NAME STATUS: the program ended with STATUS.
status_is() {
	_s_got=$(tui_dead_status "$2" 2>/dev/null)
	check "$1" "$_s_got" = "$3"
	[ "$_s_got" = "$3" ] || echo "# exit status: $_s_got"
}

# announced TEXT: how many times the log has announced TEXT.
announced() {
	grep -cF -- "announce: $1" "$LOG"
}

# last_rows NAME N: the last N rows of the pane.
last_rows() {
	tui_screen "$1" | tail -n "$2"
}

# tr_id MSGID: the text Indonesian mode shows for MSGID, looked up in the
# built message catalog the way loket does (the msgid itself until
# po/id.po translates it).
tr_id() {
	if command -v gettext >/dev/null 2>&1; then
		LANGUAGE=id TEXTDOMAINDIR="$LOKET_LOCALEDIR" \
			gettext -d loket -- "$1"
	else
		printf '%s' "$1"
	fi
}

skip() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count # SKIP $1"
}

A1_EN="Ticket A one, please go to counter one"
J1_EN="Ticket jay one, please go to counter three"
A2_ID="Nomor antrean A dua, silakan menuju loket satu"
ADDRESS="Jl. Merdeka"		# the demo office's address, in the catalog

for term in vt100 linux; do
	cell_for "$term"
	db=$TMP/$term.db
	make_db "$db" || { echo "Bail out! cannot make the database"; exit 1; }
	: >"$LOG"
	s=calls-$term
	board "$s" 80 24 "$term" "$db" --lang en
	see "$term: an empty board says nobody has been called yet" \
		"$s" "Nobody has been called yet today."
	see "$term: ... and that nobody waits" "$s" "Nobody is waiting."
	ok "$term: ... and the office time, in English" \
		wait_line "$s" "^[A-Z][a-z]+day [0-2][0-9]:[0-5][0-9] WIB$"

	take "$db" ktp-el-baru
	take "$db" ktp-el-baru
	take "$db" ktp-el-baru
	take "$db" npwp
	ok "$term: three taken tickets show as 3 waiting for service A" \
		wait_line "$s" "A  New Electronic Identity Card \(KTP-el\) +3$"
	ok "$term: ... and one for service J" \
		wait_line "$s" "J  Individual Taxpayer Registration.* 1$"

	a1=$(call "$db" 1)
	check "$term: the desk called ticket 1" "$a1" = 1
	says "$term: the call is announced on the status line" "$s" "$A1_EN"
	see "$term: A-001 and its counter 1 show big, side by side" \
		"$s" "$(big "$A001_TO1")"
	if [ "$term" = vt100 ]; then
		tui_screen_raw "$s" >"$TMP/raw.$term"
		ok "vt100: no U+2588, which a VT100 cannot show" \
			lacks_bytes "$TMP/raw.$term" "$BLOCK"
	fi
	ok "$term: the first row labels the counter" \
		wait_line "$s" "^Now calling +Counter$"
	ok "$term: service A has one fewer waiting" \
		wait_line "$s" "A  New Electronic Identity Card \(KTP-el\) +2$"
	check "$term: the log announces the call once" \
		"$(announced "$A1_EN")" = 1

	j1=$(call "$db" 3)
	says "$term: a second call is announced" "$s" "$J1_EN"
	see "$term: J-001 and counter 3 take the top" \
		"$s" "$(big "$J001_TO3")"
	ok "$term: A-001 moves to the previous calls, with counter and time" \
		wait_line "$s" "^  A-001 +Counter 1 +[0-2][0-9]:[0-5][0-9]( |$)"
	gone "$term: nobody waits for J any more" "$s" "Individual Taxpayer"

	recall "$db" "$a1" 1
	ok "$term: a recall is announced again" \
		_tui_poll "$TUI_TIMEOUT" eval \
		'[ "$(announced "$A1_EN")" = 2 ]'
	says "$term: ... on the status line" "$s" "$A1_EN"
	see "$term: the recalled A-001 is back on top" \
		"$s" "$(big "$A001_TO1")"
	ok "$term: J-001 is now a previous call" \
		wait_line "$s" "^  J-001 +Counter 3 +[0-2][0-9]:[0-5][0-9]( |$)"
	tui_screen "$s" >"$TMP/screen"
	lacks "$term: a previous call is listed once, not once per call" \
		"$TMP/screen" "  A-001 "
	lacks "$term: no office address (no personal data) on the board" \
		"$TMP/screen" "$ADDRESS"
	tui_screen_raw "$s" >"$TMP/raw"
	ok "$term: no box drawing (no ACS shift, no U+2500-257F)" \
		lacks_bytes "$TMP/raw" "$(printf '\016')" \
		"$(printf '\342\224')" "$(printf '\342\225')"
	ok "$term: nothing blinks" lacks_bytes "$TMP/raw" "$(printf '\033[5m')"
	check "$term: J-001 was announced once in all" \
		"$(announced "$J1_EN")" = 1
	check "$term: the ticket J-001 was id 4" "$j1" = 4

	tui_keys "$s" q
	status_is "$term: q leaves the board with status 0" "$s" 0
	tui_stop "$s"
done

# -- A restarted board shows the state and repeats nothing. --
db=$TMP/vt100.db
s=restart
: >"$LOG"
cell_for vt100
board "$s" 80 24 vt100 "$db"
see "restart: the last call is still shown big" \
	"$s" "$(big "$A001_TO1")"
ok "restart: the previous call is still listed" \
	wait_line "$s" "^  J-001 +[^ ].* [0-2][0-9]:[0-5][0-9]( |$)"
DAYS_ID="Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu"
ok "restart: the clock shows, in Indonesian by default" \
	wait_line "$s" "^($DAYS_ID) [0-2][0-9]:[0-5][0-9] WIB$"
check "restart: the status line below the clock is empty" \
	-z "$(last_rows "$s" 1 | tr -d ' ')"
take "$db" ktp-el-baru
# Counter 1 still holds A-001 (called, then recalled): it is served first,
# since a counter holds one current ticket at a time.
ok "restart: counter 1 finishes A-001 before its next call" \
	"$LOKET" --db "$db" ticket finish "$a1" --outcome done --counter 1
a2=$(call "$db" 1)
check "restart: the desk called ticket 2, A-002" "$a2" = 2
says "restart: a new call is announced, in Indonesian" "$s" "$A2_ID"
see "restart: ... and shows big" "$s" "$(big "$A002_TO1")"
contains "restart: the board logs to the log file" "$LOG" "board: started"
check "restart: the new call was announced once" "$(announced "$A2_ID")" = 1
check "restart: the old calls were not announced again" \
	"$(grep -c "announce: " "$LOG")" = 1

# -- Sizes: 40x12 works, 30x10 is too small, and a resize redraws. --
tui_tmux resize-window -t "=$s:" -x 40 -y 12
see "40x12: the big ticket still shows" "$s" "$(big "$A002")"
ok "40x12: the counter goes on the first row" \
	wait_line "$s" "^[^ ].* +(Loket|Counter) 1$"
says "40x12: the announcement shows whole" "$s" "$A2_ID"
tui_tmux resize-window -t "=$s:" -x 30 -y 10
says "30x10: the board says the terminal is too small" \
	"$s" "$(tr_id "The terminal is too small. Loket needs at least 40 \
columns and 12 lines.")"
tui_tmux resize-window -t "=$s:" -x 80 -y 24
see "80x24 again: the board is drawn again" \
	"$s" "$(big "$A002_TO1")"

# -- A database that cannot be read: said, retried, recovered. --
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$db" "ALTER TABLE event RENAME TO event_gone"
	says "db: a failed read shows on the status line" \
		"$s" "! $(tr_id "The queue cannot be read; trying again.")"
	ok "db: the board keeps running" tui_alive "$s"
	sqlite3 "$db" "ALTER TABLE event_gone RENAME TO event"
	gone "db: the message goes once the queue reads again" \
		"$s" "$(tr_id "The queue cannot be read; trying again.")"
	see "db: the calls show as before" "$s" "$(big "$A002")"
	contains "db: the failure is in the log" "$LOG" \
		"board: cannot read the queue"
else
	skip "sqlite3 is not installed"
fi
tui_stop "$s"

# -- ASCII fallback: a terminal that is not UTF-8 gets '#'. --
# LC_ALL=C would not do: loket takes C.UTF-8 in place of the C locale.
mkdir -p "$TMP/locale"
if localedef -i en_US -f ISO-8859-1 "$TMP/locale/en_US.ISO-8859-1" \
    >/dev/null 2>&1; then
	s=ascii
	tui_start "$s" 80 24 vt100 env LOCPATH="$TMP/locale" \
		LC_ALL=en_US.ISO-8859-1 "$LOKET" --db "$db" --log "$LOG" \
		--lang en board
	see "ascii: the big ticket and counter are drawn with hash signs" \
		"$s" "$A002_TO1"
	tui_screen_raw "$s" >"$TMP/raw"
	ok "ascii: no full block on the screen" lacks_bytes "$TMP/raw" "$BLOCK"
	others=$(LC_ALL=C tr -d '\011\012\033\040-\176' <"$TMP/raw" | wc -c)
	check "ascii: nothing but ASCII on the screen" "$others" -eq 0
	tui_stop "$s"
else
	skip "localedef cannot make an ISO-8859-1 locale"
	skip "localedef cannot make an ISO-8859-1 locale"
	skip "localedef cannot make an ISO-8859-1 locale"
fi

# -- Locked: the keys to leave do nothing; SIGTERM still ends it. --
s=locked
cell_for linux
board "$s" 80 24 linux "$db" --lang en --kiosk
see "locked: the board runs" "$s" "$(big "$A002")"
tui_keys "$s" q C-x C-c
take "$db" kia
# Shown only after the keys were read: they have had their chance.
ok "locked: a ticket taken after the keys shows" \
	wait_line "$s" "F  Child Identity Card \(KIA\) +1$"
ok "locked: q, Ctrl-X and Ctrl-C leave the board running" tui_alive "$s"
kill -TERM "$(tui_flag "$s" '#{pane_pid}')"
status_is "locked: SIGTERM ends it with status 143" "$s" 143
tui_stop "$s"

# -- Not locked, Ctrl-X leaves too. --
s=ctrlx
cell_for vt100
board "$s" 80 24 vt100 "$db" --lang en
see "ctrl-x: the board runs" "$s" "$(big "$A002")"
tui_keys "$s" C-x
status_is "ctrl-x: Ctrl-X leaves with status 0" "$s" 0
tui_stop "$s"

# -- SIGTERM, and the signals that end a program by default, give the
# terminal back (as tests/tui-restore.sh does). --
for way in screen:TERM:143 vt100:TERM:143 screen:USR1:138 vt100:ALRM:142; do
	term=${way%%:*} sig=${way#*:} want=${way##*:}
	sig=${sig%:*}
	cell_for "$term"
	s=restore-$term-$sig
	tui_start "$s" 80 24 "$term" env PS1='ready> ' sh -i
	ok "$term SIG$sig restore: the shell is ready" tui_wait "$s" "ready>"
	shell=$(tui_flag "$s" '#{pane_pid}')
	tui_type "$s" "stty -g >'$TMP/stty.$s' && echo re''corded"
	tui_keys "$s" Enter
	ok "$term SIG$sig restore: the tty modes are recorded" tui_wait "$s" "recorded"
	tui_type "$s" "ulimit -c 0; '$LOKET' --db '$db' --log '$LOG' board; st=\$?;\
 stty -g >'$TMP/stty.$s.after'; echo ended-''board status=\$st"
	tui_keys "$s" Enter
	see "$term SIG$sig restore: the board starts from the shell" \
		"$s" "$(big "$A002")"
	ok "$term SIG$sig restore: the keypad is on while it runs" \
		tui_wait_flag "$s" '#{keypad_cursor_flag}#{keypad_flag}' 11
	pid=$(pgrep -P "$shell" -f -- "--db $db")
	kill -"$sig" "$pid"
	ok "$term SIG$sig restore: it ends the board, the shell goes on" \
		tui_wait "$s" "ended-board status=" 15
	got=$(tui_screen "$s" |
		sed -n 's/.*ended-board status=\([0-9]*\).*/\1/p')
	check "$term SIG$sig restore: the exit status is $want" "$got" = "$want"
	ok "$term SIG$sig restore: the tty modes are the ones from before" \
		cmp "$TMP/stty.$s" "$TMP/stty.$s.after"
	check "$term SIG$sig restore: the cursor is visible" \
		"$(tui_flag "$s" '#{cursor_flag}')" = 1
	check "$term SIG$sig restore: the keypad modes are off" \
		"$(tui_flag "$s" '#{keypad_cursor_flag}#{keypad_flag}')" = 00
	if [ "$term" = screen ]; then
		check "$term SIG$sig restore: the alternate screen is off" \
			"$(tui_flag "$s" '#{alternate_on}')" = 0
	fi
	# shellcheck disable=SC2086 # one pid or several
	left=$(pgrep -P "$shell" -f -- "--db $db") && kill -KILL $left
	tui_stop "$s"
done

# -- Not on a terminal, the board says so and does not start. --
"$LOKET" --db "$db" --lang en board </dev/null >"$TMP/out" 2>"$TMP/err"
check "no terminal: the board refuses with status 2" "$?" -eq 2
contains "no terminal: ... and says why" "$TMP/err" "terminal"

done_testing
