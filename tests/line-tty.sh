#!/bin/sh
# Line mode with a person at a terminal: chosen by itself for TERM=dumb,
# readline editing and history, long text paged, the idle reset that
# forgets the history, and a locked kiosk that Ctrl-C does not end.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui-lib.sh"

db=$TMP/tty.db
make_db "$db"
# A service whose requirements run past one page of 20 lines.
awk '{ print }
/^requirements.en = Aged 17 or over/ {
	for (i = 1; i <= 30; i++) printf "requirements.en = Extra line %d\n", i
}' "$top_srcdir/data/demo-catalog.txt" >"$TMP/long.txt"
"$LOKET" --db "$TMP/long.db" init >/dev/null
"$LOKET" --db "$TMP/long.db" catalog import "$TMP/long.txt" >/dev/null

tui_start dumb 80 24 dumb "$LOKET" --db "$TMP/long.db"
ok "TERM=dumb gets line mode by itself" tui_wait dumb "Pilihan>"
lacks "line mode is numbered text, not a drawn menu" "$(tui_screen dumb >"$TMP/s"; echo "$TMP/s")" "> 1. Bahasa"
tui_keys dumb 2 Enter
ok "typing 2 and Enter opens the English main menu" tui_wait dumb "== Main menu =="
tui_keys dumb 3 Enter
ok "3 opens service information" tui_wait dumb "== Service information =="
tui_keys dumb Up
ok "Up recalls the last line typed (readline history)" tui_wait dumb "Choice> 3"
tui_keys dumb BSpace 1 Enter
ok "the recalled line can be edited" tui_wait dumb "== Population and Civil Registration"
tui_keys dumb 1 Enter
tui_wait dumb "7. Legal basis" >/dev/null 2>&1
tui_keys dumb 1 Enter
ok "a long text stops after a page" tui_wait dumb "-- Enter: more, 0: stop --"
tui_screen dumb >"$TMP/s"
lacks "the second page is not shown before Enter" "$TMP/s" "Extra line 25"
tui_keys dumb Enter
ok "Enter shows the next page" tui_wait dumb "Extra line 25"
tui_stop dumb

printf '[kiosk]\nidle_timeout = 10\nidle_warning = 20\nlocked = yes\nexit_secret = 2468\n' >"$TMP/kiosk.conf"
tui_start kiosk 80 24 dumb "$LOKET" --db "$db" --config "$TMP/kiosk.conf"
tui_wait kiosk "Pilihan>" >/dev/null
tui_keys kiosk 2 Enter
tui_wait kiosk "== Main menu ==" >/dev/null
tui_keys kiosk 3 Enter
tui_wait kiosk "== Service information ==" >/dev/null
tui_keys kiosk C-c
tui_keys kiosk 'C-\'
tui_keys kiosk Enter
ok "a locked kiosk in line mode survives Ctrl-C and Ctrl-\\" tui_wait kiosk "Type the number of your choice"
check "the locked kiosk still runs" "$(tui_flag kiosk '#{pane_dead}')" = 0
ok "an idle session warns with a countdown" tui_wait kiosk "This session ends in" 25
ok "then starts over at the welcome screen" tui_wait kiosk "Selamat datang" 40
tui_keys kiosk C-l
# Up, then a letter: the letter shows right after the prompt only if Up
# recalled nothing (else the line would read "Pilihan> 3z").
tui_keys kiosk Up
tui_type kiosk z
ok "after the reset Up recalls nothing: the letter typed after it shows" \
	tui_wait kiosk "Pilihan> z"
tui_screen kiosk | sed "/^ *$/d" | tail -n 1 >"$TMP/s"
lacks "after the reset the last citizen's typing cannot be recalled" "$TMP/s" "Pilihan> 3"
tui_keys kiosk C-u C-d
ok "end of input in a locked kiosk asks for the exit code" tui_wait kiosk "Kode keluar>"
tui_type kiosk "2468"
tui_keys kiosk Enter
st=$(tui_dead_status kiosk)
check "the right exit code ends the kiosk with status 0" "$st" = 0
tui_stop kiosk

done_testing
