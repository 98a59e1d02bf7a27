#!/bin/sh
# The test helpers themselves cannot pass what they should fail: lacks on
# a file that does not exist, and a tmux wait that times out (standing
# alone with its output sent to /dev/null, or inside ok) each give a
# "not ok" and a failing exit status.
. "${top_srcdir:-.}/tests/lib.sh"

# run SCRIPT: the TAP a small test script prints, with its exit status
# as a last line "status N".
run() {
	printf '. "%s/tests/lib.sh"\n%s\ndone_testing\n' "$top_srcdir" "$1" \
		>"$TMP/script.sh"
	(cd "$TMP" && TMP= sh "$TMP/script.sh" 2>/dev/null; echo "status $?")
}

printf 'text\n' >"$TMP/file"
out=$(run "lacks 'the file lacks other' '$TMP/file' other")
check "lacks passes on a file without the text" \
	"$(printf '%s\n' "$out" | grep -c '^ok 1 ')" -eq 1
out=$(run "lacks 'the file lacks text' '$TMP/file' text")
check "lacks fails on a file with the text" \
	"$(printf '%s\n' "$out" | grep -c '^not ok 1 ')" -eq 1
out=$(run "lacks 'a missing file lacks text' '$TMP/no-such-file' text")
check "lacks fails when the file does not exist" \
	"$(printf '%s\n' "$out" | grep -c '^not ok 1 ')" -eq 1
check "... and the script's status says so" \
	"$(printf '%s\n' "$out" | tail -n 1)" = "status 1"

if ! command -v tmux >/dev/null 2>&1; then
	echo "# SKIP tmux is not installed: the wait helpers are not checked"
	done_testing
	exit
fi

# A pane that shows "ready" and never the text waited for.
waits='. "'"$top_srcdir"'/tests/tui-lib.sh"
tui_start w 40 5 vt100 sh -c "echo ready; exec sleep 30"
ok "ready shows" tui_wait w ready
'
out=$(run "$waits
tui_wait w 'never shown' 1 >/dev/null
tui_stop w")
check "a wait that times out alone is a 'not ok', even sent to /dev/null" \
	"$(printf '%s\n' "$out" | grep -c '^not ok 2 - the wait for "never shown" on w timed out')" -eq 1
check "... and the script fails" "$(printf '%s\n' "$out" | tail -n 1)" = "status 1"
out=$(run "$waits
ok 'inside ok' tui_wait w 'never shown' 1
tui_stop w")
check "a wait that times out inside ok is that test's 'not ok'" \
	"$(printf '%s\n' "$out" | grep -c '^not ok 2 - inside ok')" -eq 1
check "... counted once" "$(printf '%s\n' "$out" | grep -c '^1\.\.2$')" -eq 1
out=$(run "$waits
tui_wait_text w 'never shown' 1
tui_wait_gone w ready 1
tui_wait_flag w '#{pane_dead}' 1 1
tui_stop w")
check "tui_wait_text, tui_wait_gone and tui_wait_flag time out as 'not ok'" \
	"$(printf '%s\n' "$out" | grep -c '^not ok [234] - the wait for')" -eq 3
out=$(run "$waits
tui_wait w ready 1 >/dev/null
tui_stop w")
check "a wait that succeeds adds nothing" \
	"$(printf '%s\n' "$out" | grep -c '^not ok')" -eq 0

done_testing
