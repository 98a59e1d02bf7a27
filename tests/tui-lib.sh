# Helpers for the end-to-end tests of the curses front-end: the real
# binary in a real terminal, a tmux pane. Source it after lib.sh.
#
#   tui_start NAME COLS ROWS TERM COMMAND...   a detached session NAME
#   tui_keys NAME KEY...         tmux key names: 1, Enter, Down, C-x, ...
#   tui_type NAME TEXT           TEXT typed literally
#   tui_keypad NAME KEY...       keys of a 12-key keypad only (0-9 * #);
#                                any other key bails out
#   tui_screen NAME              what the pane shows, as text
#   tui_screen_raw NAME          the same with attributes and charset as
#                                escapes (an ACS line drawing shows ^N)
#   tui_wait NAME TEXT [SECS]    until the fixed TEXT shows (default 10 s)
#   tui_wait_gone NAME TEXT [SECS]   until it no longer shows
#   tui_text NAME                the screen as flowing text: lines joined
#                                with one space, runs of blanks squeezed
#   tui_wait_text NAME TEXT [SECS]   until TEXT shows in the flowing text
#                                (a message wrapped over lines)
#   tui_cursor NAME              "x y" of the hardware cursor
#   tui_row NAME TEXT            the row (from 0) of the first line with TEXT
#   tui_flag NAME FORMAT         a tmux format for the pane: #{cursor_flag}
#   tui_wait_flag NAME FORMAT VALUE [SECS]   until the format is VALUE
#   tui_alive NAME               succeeds when the program still runs
#   tui_dead_status NAME [SECS]  waits for the program to end, prints its
#                                exit status ("signal N" when killed)
#   tui_output NAME              all the pane printed, history included
#   tui_stop NAME                kill the session
#
# Every wait polls the pane every 0.1 s and fails (status 1, the screen on
# stderr as TAP comments) at the timeout: the tests never sleep for the
# program. Timeouts are generous for a slow, loaded machine.
#
# A wait that times out always fails the test: inside ok, see or $(...)
# (a subshell) its status fails the caller's test point; standing alone
# (even with its output sent to /dev/null) it prints a "not ok" of its
# own, so that no wait's result can be ignored.

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	rm -rf "$TMP"
	exit 0
fi
# new-session with a command of several words needs tmux 3.0.
case $(tmux -V) in
"tmux "[0-2].*)
	echo "1..0 # SKIP tmux 3.0 or later is needed, not $(tmux -V)"
	rm -rf "$TMP"
	exit 0
	;;
esac

# A private tmux server for this test file, gone when it ends. Its socket
# goes in $TMP (removed at the end too) unless that path is too long for
# a socket.
TUI_SOCKET="loket-$$"
unset TMUX TMUX_PANE
if [ "${#TMP}" -le 60 ]; then
	TMUX_TMPDIR=$TMP
	export TMUX_TMPDIR
fi

# The TAP output, whatever a wait's own stdout is redirected to.
exec 9>&1

# _tui_timed_out WHAT: a wait timed out; a failed test point of its own
# when the wait runs in the test's shell, not in a subshell.
_tui_timed_out() {
	# shellcheck disable=SC2016 # $PPID of the child, on purpose
	[ "$(exec sh -c 'echo $PPID')" = "$$" ] || return 1
	_tap_result 1 "the wait for $1 timed out" >&9
	return 1
}

tui_tmux() {
	tmux -L "$TUI_SOCKET" -f /dev/null "$@"
}

trap 'tui_tmux kill-server >/dev/null 2>&1; rm -rf "$TMP"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 141' PIPE

: "${TUI_TIMEOUT:=10}"

# tui_start NAME COLS ROWS TERM COMMAND...
tui_start() {
	_tui_name=$1 _tui_cols=$2 _tui_rows=$3 _tui_term=$4
	shift 4
	# The options are set before the session exists, so that they hold
	# from the first output and a quick exit still leaves the pane to
	# read its status from.
	tui_tmux start-server \; \
		set-option -g exit-empty off \; \
		set-option -g default-terminal "$_tui_term" \; \
		set-option -g remain-on-exit on \; \
		set-option -g status off \; \
		new-session -d -s "$_tui_name" -x "$_tui_cols" -y "$_tui_rows" \
		env TERM="$_tui_term" "$@"
}

tui_keys() {
	_tui_name=$1
	shift
	tui_tmux send-keys -t "=$_tui_name:" "$@"
}

tui_keypad() {
	_kp_name=$1
	shift
	for _kp_key in "$@"; do
		case $_kp_key in
		[0-9]|'*'|'#') tui_keys "$_kp_name" "$_kp_key" ;;
		*) echo "Bail out! keypad: $_kp_key is not a keypad key"
		   exit 1 ;;
		esac
	done
}

tui_type() {
	tui_tmux send-keys -t "=$1:" -l -- "$2"
}

tui_screen() {
	tui_tmux capture-pane -p -t "=$1:"
}

tui_screen_raw() {
	tui_tmux capture-pane -p -e -t "=$1:"
}

tui_flag() {
	tui_tmux display-message -p -t "=$1:" "$2"
}

tui_cursor() {
	tui_flag "$1" '#{cursor_x} #{cursor_y}'
}

# Wrapped output (stderr) is joined back by -J; curses lines by awk.
tui_text() {
	tui_tmux capture-pane -p -J -t "=$1:" |
		awk '{ $1 = $1; if ($0 != "") printf "%s ", $0 } END { print "" }'
}

# tui_row NAME TEXT: print the row of the first line holding TEXT.
tui_row() {
	tui_screen "$1" | grep -nF -- "$2" | head -n 1 | \
		sed 's/:.*//' | awk '{ print $1 - 1 }'
}

# The screen as TAP comments, to say why a wait failed.
_tui_show() {
	echo "# --- screen of $1 ---"
	tui_screen "$1" 2>&1 | sed 's/^/#   | /'
	echo "# --- cursor $(tui_cursor "$1" 2>&1)," \
		"dead $(tui_flag "$1" '#{pane_dead}' 2>&1) ---"
}

# _tui_poll SECS COMMAND...: run COMMAND every 0.1 s until it succeeds.
_tui_poll() {
	_tui_end=$(($(date +%s) + $1))
	shift
	while :; do
		"$@" && return 0
		[ "$(date +%s)" -lt "$_tui_end" ] || break
		sleep 0.1
	done
	"$@"
}

_tui_shows() {
	tui_screen "$1" | grep -qF -- "$2"
}

_tui_lacks() {
	tui_screen "$1" >"$TMP/.tui-screen" || return 1
	! grep -qF -- "$2" "$TMP/.tui-screen"
}

# tui_wait NAME TEXT [SECS]
tui_wait() {
	_tui_poll "${3:-$TUI_TIMEOUT}" _tui_shows "$1" "$2" && return 0
	{ echo "# waited ${3:-$TUI_TIMEOUT} s for: $2"; _tui_show "$1"; } >&2
	_tui_timed_out "\"$2\" on $1"
}

_tui_flows() {
	tui_text "$1" | grep -qF -- "$2"
}

# tui_wait_text NAME TEXT [SECS]
tui_wait_text() {
	_tui_poll "${3:-$TUI_TIMEOUT}" _tui_flows "$1" "$2" && return 0
	{ echo "# waited ${3:-$TUI_TIMEOUT} s for the text: $2"
	  _tui_show "$1"; } >&2
	_tui_timed_out "the text \"$2\" on $1"
}

# tui_wait_gone NAME TEXT [SECS]
tui_wait_gone() {
	_tui_poll "${3:-$TUI_TIMEOUT}" _tui_lacks "$1" "$2" && return 0
	{ echo "# waited ${3:-$TUI_TIMEOUT} s for this to go: $2"
	  _tui_show "$1"; } >&2
	_tui_timed_out "\"$2\" to go from $1"
}

_tui_flag_is() {
	[ "$(tui_flag "$1" "$2")" = "$3" ]
}

# tui_wait_flag NAME FORMAT VALUE [SECS]
tui_wait_flag() {
	_tui_poll "${4:-$TUI_TIMEOUT}" _tui_flag_is "$1" "$2" "$3" && return 0
	echo "# waited ${4:-$TUI_TIMEOUT} s for $2 to be $3:" \
		"$(tui_flag "$1" "$2")" >&2
	_tui_timed_out "$2 to be $3 on $1"
}

tui_alive() {
	[ "$(tui_flag "$1" '#{pane_dead}')" = 0 ]
}

_tui_dead() {
	[ "$(tui_flag "$1" '#{pane_dead}')" = 1 ]
}

# tmux before 3.5 can miss the SIGCHLD of a pane (tmux issue #311) and
# then never reaps it nor learns its status: nudge our own server.
_tui_status_ready() {
	[ -n "$(tui_flag "$1" '#{pane_dead_status}')" ] && return 0
	grep -q '^Pane is dead (signal' "$TMP/.tui-dead" 2>/dev/null && return 0
	kill -CHLD "$(tui_tmux display-message -p '#{pid}')" 2>/dev/null
	tui_screen "$1" >"$TMP/.tui-dead"
	return 1
}

# tui_dead_status NAME [SECS]: the exit status once the program ended,
# or "signal N" when a signal killed it.
tui_dead_status() {
	if ! _tui_poll "${2:-$TUI_TIMEOUT}" _tui_dead "$1"; then
		{ echo "# waited ${2:-$TUI_TIMEOUT} s for the program to end"
		  _tui_show "$1"; } >&2
		echo "running"
		_tui_timed_out "the end of $1"
		return 1
	fi
	# The pane closes before tmux has reaped the process: wait for it.
	rm -f "$TMP/.tui-dead"
	if ! _tui_poll "${2:-$TUI_TIMEOUT}" _tui_status_ready "$1"; then
		echo "unknown"
		_tui_timed_out "the exit status of $1"
		return 1
	fi
	_tui_st=$(tui_flag "$1" '#{pane_dead_status}')
	if [ -z "$_tui_st" ]; then
		_tui_st=$(sed -n 's/^Pane is dead (signal \([0-9]*\),.*/signal \1/p' \
			"$TMP/.tui-dead")
	fi
	echo "$_tui_st"
}

# tui_output NAME: all a program printed, history too, wrapped lines
# joined: for the message of a program that has ended.
tui_output() {
	tui_tmux capture-pane -p -J -S - -t "=$1:"
}

tui_stop() {
	tui_tmux kill-session -t "=$1" >/dev/null 2>&1
	return 0
}
