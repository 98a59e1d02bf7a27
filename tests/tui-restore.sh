#!/bin/sh
# The terminal is given back on every way out of the curses kiosk: Ctrl-X,
# SIGTERM, SIGHUP, SIGINT, a crash (SIGSEGV) and the other signals whose
# default is to end a program (SIGQUIT, SIGUSR1, SIGALRM), which still
# end it, of that signal. An interactive sh in a
# tmux pane runs loket again and again; after each exit the tty modes
# (stty -g) are the ones from before, the cursor is visible, the keypad
# and the alternate screen are off, and the exit status is the right one.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui-lib.sh"

if [ ! -x "$LOKET" ]; then
	echo "Bail out! $LOKET is not built"
	exit 1
fi
make_db "$TMP/r.db" || { echo "Bail out! cannot make the database"; exit 1; }

# screen: what tmux emulates, with keypad (smkx), alternate screen (smcup)
# and cursor visibility (civis/cnorm); vt100: keypad only.
for term in screen vt100; do
	for way in ctrl-x term hup int segv quit usr1 alrm; do
		# A fresh shell for each way out, so that one failure does not
		# spill into the next.
		s=$term-$way
		tui_start "$s" 80 24 "$term" env PS1='ready> ' sh -i
		ok "$term, $way: the shell is ready" tui_wait "$s" "ready>"
		shell=$(tui_flag "$s" '#{pane_pid}')
		# The '' keep the command line from showing the text waited for.
		tui_type "$s" "stty -g >'$TMP/stty.$s' && echo re''corded"
		tui_keys "$s" Enter
		ok "$term, $way: the tty modes are recorded" \
			tui_wait "$s" "recorded"
		check "$term, $way: before loket the keypad mode is off" \
			"$(tui_flag "$s" '#{keypad_cursor_flag}#{keypad_flag}')" = 00

		# No core file from SIGQUIT or SIGSEGV.
		tui_type "$s" "ulimit -c 0; '$LOKET' --db '$TMP/r.db' --log '$TMP/log'; st=\$?;\
 stty -g >'$TMP/stty.$s.after'; echo ended-''$way status=\$st"
		tui_keys "$s" Enter
		ok "$term, $way: loket starts from the shell" \
			tui_wait "$s" "Welcome. Choose a language."
		ok "$term, $way: loket has the keypad on while it runs" \
			tui_wait_flag "$s" '#{keypad_cursor_flag}#{keypad_flag}' 11
		if [ "$term" = screen ]; then
			ok "$term, $way: loket uses the alternate screen" \
				tui_wait_flag "$s" '#{alternate_on}' 1
		fi
		pid=$(pgrep -P "$shell" -f -- "--db $TMP/r.db")
		case $way in
		ctrl-x)	tui_keys "$s" C-x; want=0 ;;
		term)	kill -TERM "$pid"; want=143 ;;
		hup)	kill -HUP "$pid"; want=129 ;;
		int)	kill -INT "$pid"; want=130 ;;
		segv)	kill -SEGV "$pid"; want=139 ;;
		quit)	kill -QUIT "$pid"; want=131 ;;
		usr1)	kill -USR1 "$pid"; want=138 ;;
		alrm)	kill -ALRM "$pid"; want=142 ;;
		esac
		ok "$term, $way: loket ends and the shell goes on" \
			tui_wait "$s" "ended-$way status=" 15
		got=$(tui_screen "$s" |
			sed -n "s/.*ended-$way status=\([0-9]*\).*/\1/p")
		check "$term, $way: the exit status is $want" "$got" = "$want"
		[ "$got" = "$want" ] || echo "# exit status: $got"
		ok "$term, $way: the tty modes are the ones from before" \
			cmp "$TMP/stty.$s" "$TMP/stty.$s.after"
		check "$term, $way: the cursor is visible" \
			"$(tui_flag "$s" '#{cursor_flag}')" = 1
		check "$term, $way: the cursor-key keypad mode is off" \
			"$(tui_flag "$s" '#{keypad_cursor_flag}')" = 0
		check "$term, $way: the keypad mode is off" \
			"$(tui_flag "$s" '#{keypad_flag}')" = 0
		if [ "$term" = screen ]; then
			check "$term, $way: the alternate screen is off" \
				"$(tui_flag "$s" '#{alternate_on}')" = 0
		fi
		if [ "$way" = segv ]; then
			ok "$term, $way: the crash handler says so" \
				tui_wait "$s" "loket: crashed; terminal restored"
		fi
		ok "$term, $way: the shell is still there" tui_alive "$s"
		# Whatever happened, nothing of this run stays behind.
		# shellcheck disable=SC2086 # one pid or several
		left=$(pgrep -P "$shell" -f -- "--db $TMP/r.db") &&
			kill -KILL $left
		tui_stop "$s"
	done
done

done_testing
