#!/bin/sh
# A very long text in the curses kiosk, with voice guidance on: a
# requirements list of 200,000 lines (8 MB, put in the database behind the
# importer's back, which refuses so many) shows at once, what is said is
# bounded, so the kiosk stays quick to answer, and SIGTERM and SIGHUP end
# it within a second.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui-lib.sh"

db=$TMP/long.db
make_db "$db"
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
	WHERE i < 200000) UPDATE service_standard SET body = (SELECT
	group_concat('Requirement line number ' || i || ' to be read', char(10))
	FROM n) WHERE component = 'requirements' AND lang = 'en' AND
	service_id = (SELECT id FROM service WHERE code = 'ktp-el-baru')"
mkdir -p "$TMP/wav"
printf '[speech]\nsink = wav\ndirectory = %s\n' "$TMP/wav" >"$TMP/speech.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/speech.conf"

# open_requirements NAME: the kiosk in English, at the long list.
open_requirements() {
	tui_start "$1" 80 24 xterm-256color "$LOKET" --db "$db" \
		--config "$TMP/speech.conf"
	tui_wait "$1" "English" >/dev/null &&
	tui_keys "$1" 2 && tui_wait "$1" "Main menu" >/dev/null &&
	tui_keys "$1" 3 && tui_wait "$1" "Service information" >/dev/null &&
	tui_keys "$1" 1 && tui_wait "$1" "(KTP-el)" >/dev/null &&
	tui_keys "$1" 1 && tui_wait "$1" "Legal basis" >/dev/null &&
	tui_keys "$1" 1 &&
	tui_wait "$1" "(2) Requirement line number 2 to be read" 10
}

# ends_within NAME SIGNAL STATUS: the signal ends the kiosk in a second
# (EXIT_SECONDS: under LeakSanitizer the scan of the heap at exit, which
# is no part of the program, takes longer; .ci/run's sanitizer pass sets
# it to 5).
: "${EXIT_SECONDS:=1}"
ends_within() {
	_pid=$(tui_flag "$1" '#{pane_pid}')
	kill -"$2" "$_pid"
	[ "$(tui_dead_status "$1" "$EXIT_SECONDS")" = "$3" ]
}

ok "200,000 lines of requirements show within 10 seconds" \
	open_requirements t
tui_keys t PageDown
ok "the kiosk still answers a key at once" \
	tui_wait t "(20) Requirement line number 20 to be read" 2
ok "SIGTERM ends it within a second, whatever it is saying" \
	ends_within t TERM 143
open_requirements h >/dev/null 2>&1
ok "SIGHUP does too" ends_within h HUP 129
done_testing
