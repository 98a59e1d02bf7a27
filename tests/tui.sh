#!/bin/sh
# End-to-end tests of the curses kiosk: the real binary in a tmux pane,
# at 80x24, with TERM=vt100 and TERM=linux. Keys go in with send-keys; the
# screen, the hardware cursor and the exit status are read back from tmux.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui-lib.sh"

if [ ! -x "$LOKET" ]; then
	echo "Bail out! $LOKET is not built"
	exit 1
fi
make_db "$TMP/k.db" || { echo "Bail out! cannot make the database"; exit 1; }

printf '[kiosk]\nidle_timeout = 10\nidle_warning = 20\n' >"$TMP/idle.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/idle.conf"
printf '[kiosk]\nexit_secret = 4321\n' >"$TMP/kiosk.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/kiosk.conf"
printf '[kiosk]\nidle_timeout = 60\n' >"$TMP/nosecret.conf"
printf '%s\n' "$NOTIFY_CONF" >>"$TMP/nosecret.conf"

# The kiosk on the test database, logging to a file, not to syslog.
kiosk() {
	_k_name=$1 _k_cols=$2 _k_rows=$3 _k_term=$4
	shift 4
	tui_start "$_k_name" "$_k_cols" "$_k_rows" "$_k_term" "$LOKET" \
		--db "$TMP/k.db" --log "$TMP/loket.log" "$@"
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

# see DESC NAME TEXT [SECS]: TEXT shows in the pane.
see() {
	ok "$1" tui_wait "$2" "$3" "$4"
}

# says DESC NAME TEXT: the message TEXT shows, perhaps wrapped.
says() {
	ok "$1" tui_wait_text "$2" "$3"
}

# gone DESC NAME TEXT: TEXT no longer shows.
gone() {
	ok "$1" tui_wait_gone "$2" "$3"
}

# title DESC NAME TEXT: the first line is exactly TEXT.
_title_is() {
	[ "$(tui_screen "$1" | sed -n 1p)" = "$2" ]
}
_title() {
	_tui_poll "$TUI_TIMEOUT" _title_is "$1" "$2" && return 0
	echo "# expected the title: $2"
	_tui_show "$1"
	return 1
}
title() {
	ok "$1" _title "$2" "$3"
}
_title_now() {
	_title_is "$1" "$2" && return 0
	echo "# expected the title: $2"
	_tui_show "$1"
	return 1
}

# cursor_on DESC NAME TEXT: the hardware cursor is at the start of the
# (first) line holding TEXT.
_cursor_at_line() {
	_c_row=$(tui_row "$1" "$2")
	[ -n "$_c_row" ] && [ "$(tui_cursor "$1")" = "0 $_c_row" ]
}
_cursor_on() {
	_tui_poll "$TUI_TIMEOUT" _cursor_at_line "$1" "$2" && return 0
	echo "# cursor at $(tui_cursor "$1"), expected x 0 on the row" \
		"($(tui_row "$1" "$2")) of: $2"
	_tui_show "$1"
	return 1
}
cursor_on() {
	ok "$1" _cursor_on "$2" "$3"
}

# cursor_after DESC NAME TEXT [N]: the cursor is just after TEXT (a
# field), or N columns further (capture-pane drops trailing blanks).
_cursor_after_text() {
	_c_pos=$(tui_screen "$1" | awk -v t="$2" -v n="${3:-0}" \
		'i = index($0, t) { print i - 1 + length(t) + n, NR - 1; exit }')
	[ -n "$_c_pos" ] && [ "$(tui_cursor "$1")" = "$_c_pos" ]
}
_cursor_after() {
	_tui_poll "$TUI_TIMEOUT" _cursor_after_text "$1" "$2" "$3" && return 0
	echo "# cursor at $(tui_cursor "$1"), expected ${3:-0} after: $2"
	_tui_show "$1"
	return 1
}
cursor_after() {
	ok "$1" _cursor_after "$2" "$3" "$4"
}

# status_is DESC NAME STATUS: the program ended with STATUS.
status_is() {
	_s_got=$(tui_dead_status "$2" 2>/dev/null)
	check "$1" "$_s_got" = "$3"
	[ "$_s_got" = "$3" ] || echo "# exit status: $_s_got"
}

# alive DESC NAME: the program still runs.
alive() {
	ok "$1" tui_alive "$2"
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

# lacks_regex FILE ERE: no line of FILE matches.
lacks_regex() {
	! grep -En -- "$2" "$1" | head -3 | sed 's/^/# found: /' | grep .
}

# snap NAME: the screen now, in $TMP/screen, for lacks.
snap() {
	tui_screen "$1" >"$TMP/screen"
}

# shows_now NAME TEXT: the screen shows TEXT now (no waiting); if not,
# its last line, the key line, says what it shows instead.
shows_now() {
	tui_screen "$1" >"$TMP/screen"
	grep -qF -- "$2" "$TMP/screen" && return 0
	echo "# missing: $2; the key line: $(tail -n 1 "$TMP/screen")"
	return 1
}

# either NAME TEXT1 TEXT2: the screen shows one of the two.
either() {
	tui_screen "$1" >"$TMP/screen"
	grep -qF -- "$2" "$TMP/screen" || grep -qF -- "$3" "$TMP/screen"
}

# Keep what every screen looked like, to look for box drawing later.
keep() {
	tui_screen "$1" >>"$TMP/screens.$2"
	tui_screen_raw "$1" >>"$TMP/screens-raw.$2"
}

# The texts Indonesian mode shows.
ID_MENU=$(tr_id "Main menu")
ID_INFO=$(tr_id "Service information")
ID_SEARCH_ITEM=$(tr_id "Search by keyword")
ID_HELP=$(tr_id "Help and settings")
ID_SEARCH=$(tr_id "Search services")
ID_KEYWORD=$(tr_id "Keyword")
msgid='No service matches "%s". Try another word, such as KTP or akta.'
ID_NOMATCH=$(tr_id "$msgid" | sed 's/%s/zzzz/')
ID_TOOLONG=$(tr_id 'That is too long: type at most %zu characters.' |
	sed 's/%zu/40/')
ID_SMALL=$(tr_id "The terminal is too small. Loket needs at least 40 \
columns and 12 lines.")
# Its first words, which fit on the first line even at 30 columns.
ID_SMALL_START=$(printf '%s\n' "$ID_SMALL" | awk '{ print $1, $2, $3 }')
ID_OPEXIT=$(tr_id "Operator exit")
ID_EXITCODE=$(tr_id "Exit code")
ID_EXIT_PROMPT0=$(tr_id "Type the office's exit code, then press Enter. \
Press 0 to go back.")
ID_NOTRIGHT=$(tr_id "That exit code is not right.")

WELCOME="Welcome. Choose a language."
DUKCAPIL_ID="Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju"
DUKCAPIL_EN="Population and Civil Registration Service of Sukamaju Regency"
KTP_EN="New Electronic Identity Card (KTP-el)"
REQ_ID="(1) Telah berusia 17 tahun, sudah kawin, atau pernah kawin"
REQ_EN="(1) Aged 17 or over, married, or previously married"

for term in vt100 linux; do
	# -- Digits: the Indonesian walk down to a requirement and back. --
	s=walk-$term
	kiosk "$s" 80 24 "$term"
	see "$term: the welcome screen shows, in both languages" \
		"$s" "Selamat datang. Pilih bahasa. $WELCOME"
	see "$term: the welcome screen offers 1 Bahasa Indonesia" \
		"$s" "> 1. Bahasa Indonesia"
	see "$term: the welcome screen offers 2 English" "$s" "  2. English"
	title "$term: the office name from the catalog is the title" \
		"$s" "Mal Pelayanan Publik Kabupaten Sukamaju"
	keep "$s" "$term"
	tui_keys "$s" 1
	title "$term: 1 on the welcome screen opens the main menu, in Indonesian" \
		"$s" "$ID_MENU"
	see "$term: the main menu lists five choices" "$s" "  5. "
	keep "$s" "$term"
	tui_keys "$s" 3
	title "$term: 3 on the main menu opens the service information" \
		"$s" "$ID_INFO"
	see "$term: the agencies are listed with their Indonesian names" \
		"$s" "> 1. $DUKCAPIL_ID"
	snap "$s"
	lacks "$term: ... and not with their English ones" \
		"$TMP/screen" "Population and Civil"
	see "$term: the agency list ends with 9 Search by keyword" \
		"$s" "  9. $ID_SEARCH_ITEM"
	keep "$s" "$term"
	tui_keys "$s" 1
	title "$term: 1 on the agency list opens the Dukcapil services" \
		"$s" "$DUKCAPIL_ID"
	see "$term: the Dukcapil services start with 1 KTP-el Baru" \
		"$s" "> 1. KTP-el Baru"
	keep "$s" "$term"
	tui_keys "$s" 1
	title "$term: 1 on the services opens KTP-el Baru" "$s" "KTP-el Baru"
	see "$term: KTP-el Baru offers its seven components" "$s" "  7. "
	keep "$s" "$term"
	tui_keys "$s" 1
	see "$term: 1 on the service shows its requirements, in Indonesian" \
		"$s" "$REQ_ID"
	keep "$s" "$term"
	tui_keys "$s" 0
	title "$term: 0 on the requirements goes back to the service" \
		"$s" "KTP-el Baru"
	tui_keys "$s" 0
	title "$term: 0 on the service goes back to the Dukcapil services" \
		"$s" "$DUKCAPIL_ID"
	tui_keys "$s" 0
	title "$term: 0 on the services goes back to the agency list" \
		"$s" "$ID_INFO"
	tui_keys "$s" 0
	title "$term: 0 on the agency list goes back to the main menu" \
		"$s" "$ID_MENU"
	tui_keys "$s" 0
	see "$term: 0 on the main menu goes back to the welcome screen" \
		"$s" "$WELCOME"

	# -- Digits: the same walk in English. --
	tui_keys "$s" 2
	title "$term: 2 on the welcome screen opens the Main menu in English" \
		"$s" "Main menu"
	see "$term: the English main menu says what to do" \
		"$s" "What do you need? Press the number of your choice."
	tui_keys "$s" 3
	title "$term: 3 opens Service information" "$s" "Service information"
	see "$term: the agencies are listed with their English names" \
		"$s" "> 1. $DUKCAPIL_EN"
	see "$term: the English agency list ends with Search by keyword" \
		"$s" "  9. Search by keyword"
	keep "$s" "$term"
	tui_keys "$s" 1
	title "$term: 1 opens the Dukcapil services, named in English" \
		"$s" "$DUKCAPIL_EN"
	see "$term: the first Dukcapil service has its English name" \
		"$s" "> 1. $KTP_EN"
	tui_keys "$s" 1
	title "$term: 1 opens the service, named in English" "$s" "$KTP_EN"
	see "$term: the service's first component is Requirements" \
		"$s" "> 1. Requirements"
	tui_keys "$s" 1
	title "$term: 1 opens the Requirements screen" \
		"$s" "$KTP_EN: Requirements"
	see "$term: the requirements text is in English" "$s" "$REQ_EN"
	keep "$s" "$term"
	tui_keys "$s" 0 0 0 0
	title "$term: four times 0 go back to the Main menu" "$s" "Main menu"

	# -- The status check asks for a tracking number. --
	tui_keys "$s" 2
	title "$term: 2 on the main menu opens Check application status" \
		"$s" "Check application status"
	see "$term: it asks for the tracking number" \
		"$s" "Type the tracking number on your receipt"
	keep "$s" "$term"
	tui_keys "$s" '*'
	title "$term: * on the empty field goes back" "$s" "Main menu"

	# -- A queue ticket: service, lane, confirmation, the number. --
	tui_keys "$s" 1
	title "$term: 1 on the main menu opens Take a queue number" \
		"$s" "Take a queue number"
	tui_keys "$s" 1
	tui_keys "$s" 1
	see "$term: the priority lane is offered" "$s" "2. Elderly (60 or older)"
	tui_keys "$s" 1
	see "$term: a text message is offered, not required" "$s" \
		"1. No, thank you"
	tui_keys "$s" 1
	title "$term: a confirmation comes before the ticket" \
		"$s" "Check before taking the ticket"
	tui_keys "$s" Enter
	see "$term: Enter on Take the ticket gives the number" \
		"$s" "Your number is A-00"
	see "$term: the ticket names its counters" "$s" "Served at: Loket 1"
	tui_keys "$s" 1
	see "$term: Done starts over for the next citizen" "$s" "$WELCOME"
	tui_keys "$s" 2
	title "$term: ... and English is chosen again" "$s" "Main menu"

	# -- Ctrl-X leaves at once when the kiosk is not locked. --
	see "$term: the key line offers Ctrl-X Exit when not locked" \
		"$s" "  Ctrl-X Exit"
	tui_keys "$s" C-x
	status_is "$term: Ctrl-X exits with status 0 when not locked" "$s" 0
	tui_stop "$s"

	# -- Arrows and Enter; the selection and the hardware cursor. --
	s=arrows-$term
	kiosk "$s" 80 24 "$term"
	see "$term: the welcome screen selects 1 with a > marker" \
		"$s" "> 1. Bahasa Indonesia"
	cursor_on "$term: the cursor is on the selected line" \
		"$s" "> 1. Bahasa Indonesia"
	tui_keys "$s" Down
	see "$term: Down moves the > marker to 2" "$s" "> 2. English"
	see "$term: ... and takes it off 1" "$s" "  1. Bahasa Indonesia"
	cursor_on "$term: the cursor moves down with the selection" \
		"$s" "> 2. English"
	tui_keys "$s" Up
	see "$term: Up moves the > marker back to 1" \
		"$s" "> 1. Bahasa Indonesia"
	cursor_on "$term: the cursor moves up with it" \
		"$s" "> 1. Bahasa Indonesia"
	tui_keys "$s" Enter
	title "$term: Enter on 1 opens the main menu, in Indonesian" \
		"$s" "$ID_MENU"
	tui_keys "$s" Down Down
	see "$term: Down twice selects 3 on the main menu" \
		"$s" "> 3. $ID_INFO"
	cursor_on "$term: the cursor is on 3" "$s" "> 3. $ID_INFO"
	keep "$s" "$term"
	tui_keys "$s" Enter
	title "$term: Enter on 3 opens the service information" \
		"$s" "$ID_INFO"
	see "$term: ... with the first agency selected" "$s" "> 1. $DUKCAPIL_ID"
	tui_keys "$s" Up
	see "$term: Up on the first item wraps to the last, Search by keyword" \
		"$s" "> 9. $ID_SEARCH_ITEM"
	cursor_on "$term: the cursor is on 9" "$s" "> 9. $ID_SEARCH_ITEM"
	tui_keys "$s" Down
	see "$term: Down on the last item wraps to the first" \
		"$s" "> 1. $DUKCAPIL_ID"
	cursor_on "$term: the cursor is on 1" "$s" "> 1. $DUKCAPIL_ID"
	if [ "$term" = linux ]; then
		# vt100 has no Home and End keys; the Linux console has.
		tui_keys "$s" End
		see "$term: End selects the last item" \
			"$s" "> 9. $ID_SEARCH_ITEM"
		cursor_on "$term: the cursor is on 9" "$s" "> 9. $ID_SEARCH_ITEM"
		tui_keys "$s" Home
		see "$term: Home selects the first item" "$s" "> 1. $DUKCAPIL_ID"
		cursor_on "$term: the cursor is on 1" "$s" "> 1. $DUKCAPIL_ID"
	fi
	tui_keys "$s" Enter
	title "$term: Enter opens the Dukcapil services" "$s" "$DUKCAPIL_ID"
	tui_keys "$s" Enter
	title "$term: Enter opens KTP-el Baru" "$s" "KTP-el Baru"
	tui_keys "$s" Enter
	see "$term: Enter opens its requirements: the same screens as digits" \
		"$s" "$REQ_ID"

	# -- # help and settings from a deep screen; the language changes. --
	tui_keys "$s" '#'
	title "$term: # on the requirements opens help and settings" \
		"$s" "$ID_HELP"
	see "$term: help offers 1 Bahasa Indonesia, the language in use" \
		"$s" "> 1. Bahasa Indonesia"
	see "$term: help offers 2 English" "$s" "  2. English"
	keep "$s" "$term"
	tui_keys "$s" 2
	title "$term: 2 in help switches the help itself to English" \
		"$s" "Help and settings"
	see "$term: help confirms the switch" "$s" "The language is now English."
	see "$term: English is now the selected language" "$s" "> 2. English"
	tui_keys "$s" 0
	title "$term: 0 leaves help for the requirements screen, in English" \
		"$s" "$KTP_EN: Requirements"
	see "$term: the requirements text is now in English" "$s" "$REQ_EN"
	tui_keys "$s" '#' 1 0
	see "$term: # 1 0 switches back to Indonesian where the user was" \
		"$s" "$REQ_ID"

	# -- Searching by keyword. --
	tui_keys "$s" 0 0 0
	title "$term: back at the agency list" "$s" "$ID_INFO"
	tui_keys "$s" 9
	title "$term: 9 Search by keyword opens the search" "$s" "$ID_SEARCH"
	see "$term: the search has a Keyword field" "$s" "$ID_KEYWORD:"
	cursor_after "$term: the cursor waits in the empty Keyword field" \
		"$s" "$ID_KEYWORD:" 1
	tui_type "$s" akta
	see "$term: the typed keyword shows in the field" \
		"$s" "$ID_KEYWORD: akta"
	cursor_after "$term: the cursor follows the typing" \
		"$s" "$ID_KEYWORD: akta"
	keep "$s" "$term"
	tui_keys "$s" Enter
	see "$term: searching akta lists Akta Kelahiran" \
		"$s" "> 1. Akta Kelahiran"
	see "$term: ... and Akta Kematian" "$s" "  2. Akta Kematian"
	keep "$s" "$term"
	tui_keys "$s" 0
	title "$term: 0 goes back from the results to the search" \
		"$s" "$ID_SEARCH"
	tui_type "$s" zzzz
	tui_keys "$s" Enter
	says "$term: an unknown word says no service matches it" \
		"$s" "$ID_NOMATCH"
	see "$term: ... and the Keyword field stays for another try" \
		"$s" "$ID_KEYWORD:"
	cursor_after "$term: ... empty, with the cursor in it" \
		"$s" "$ID_KEYWORD:" 1
	check "$term: ... on the search screen" \
		"$(tui_screen "$s" | sed -n 1p)" = "$ID_SEARCH"
	keep "$s" "$term"
	tui_type "$s" 12345678901234567890123456789012345678901234567890
	tui_keys "$s" Enter
	says "$term: a keyword of 50 characters is too long" "$s" "$ID_TOOLONG"
	tui_text "$s" >"$TMP/screen"
	lacks "$term: ... and the no-match message has gone" \
		"$TMP/screen" "$ID_NOMATCH"
	keep "$s" "$term"
	tui_keys "$s" '*'
	title "$term: * in the empty field goes back to the agency list" \
		"$s" "$ID_INFO"
	tui_keys "$s" 9
	title "$term: 9 opens the search again" "$s" "$ID_SEARCH"
	tui_type "$s" ab
	see "$term: ... where ab is typed" "$s" "$ID_KEYWORD: ab"
	tui_keys "$s" Escape
	title "$term: Esc leaves the field and goes back to the agency list" \
		"$s" "$ID_INFO"
	tui_keys "$s" C-c
	status_is "$term: Ctrl-C exits with status 0 when not locked" "$s" 0
	tui_stop "$s"

	# -- No box drawing, in Unicode or in the alternate character set. --
	for c in ─ │ ┌ ┐ └ ┘; do
		lacks "$term: no box-drawing $c on any screen seen" \
			"$TMP/screens.$term" "$c"
	done
	ok "$term: no character of the box-drawing block (U+2500-U+257F)" \
		lacks_bytes "$TMP/screens.$term" "$(printf '\342\224')" \
		"$(printf '\342\225')"
	ok "$term: no cell in the alternate character set (ACS lines)" \
		lacks_bytes "$TMP/screens-raw.$term" "$(printf '\016')"
	ok "$term: no ACS line letters: no qqqq runs, no lines framed in x" \
		lacks_regex "$TMP/screens.$term" 'qqqq|^x.{38,}x$|^[lm]q|q[kj]$'
	check "$term: the box-drawing checks looked at the screens" \
		"$(grep -c 'Requirements' "$TMP/screens.$term")" -ge 1

	# -- Too small, then resized: SIGWINCH is handled. --
	s=small-$term
	kiosk "$s" 30 10 "$term"
	ok "$term: at 30x10 the kiosk says the terminal is too small" \
		tui_wait_text "$s" "$ID_SMALL"
	tui_tmux resize-window -t "=$s:" -x 80 -y 24
	see "$term: resized to 80x24 it shows the welcome screen" \
		"$s" "$WELCOME"
	gone "$term: ... and the too-small message has gone" \
		"$s" "$ID_SMALL_START"
	cursor_on "$term: ... with the cursor on the selection" \
		"$s" "> 1. Bahasa Indonesia"
	tui_keys "$s" 2
	title "$term: after the resize the keys work" "$s" "Main menu"
	tui_tmux resize-window -t "=$s:" -x 39 -y 24
	see "$term: 39 columns are too few (said in English now)" \
		"$s" "The terminal is too small."
	tui_tmux resize-window -t "=$s:" -x 40 -y 12
	title "$term: 40x12 is enough, and the screen is the one left" \
		"$s" "Main menu"
	gone "$term: ... without the too-small message" \
		"$s" "The terminal is too small."
	tui_tmux resize-window -t "=$s:" -x 40 -y 11
	see "$term: 11 lines are too few" "$s" "The terminal is too small."
	tui_tmux resize-window -t "=$s:" -x 80 -y 24
	title "$term: back at 80x24 the main menu shows again" \
		"$s" "Main menu"
	see "$term: ... whole, down to its fifth choice" "$s" "  5. Help"
	tui_keys "$s" C-x
	status_is "$term: Ctrl-X exits with status 0 after resizes" "$s" 0
	tui_stop "$s"

	# -- Locked kiosk: no escape but the exit code. --
	s=locked-$term
	kiosk "$s" 80 24 "$term" --kiosk --config "$TMP/kiosk.conf"
	see "$term --kiosk: the welcome screen shows" "$s" "$WELCOME"
	snap "$s"
	lacks "$term --kiosk: the key line offers no Ctrl-X Exit" \
		"$TMP/screen" "Ctrl-X"
	tui_keys "$s" C-c
	tui_keys "$s" 1
	title "$term --kiosk: after Ctrl-C the kiosk still answers keys" \
		"$s" "$ID_MENU"
	alive "$term --kiosk: Ctrl-C did not end the program" "$s"
	tui_keys "$s" C-z
	tui_keys "$s" 3
	title "$term --kiosk: after Ctrl-Z the kiosk still answers keys" \
		"$s" "$ID_INFO"
	alive "$term --kiosk: Ctrl-Z did not end or stop the program" "$s"
	tui_keys "$s" "C-\\"
	tui_keys "$s" 0
	title "$term --kiosk: after Ctrl-\\ the kiosk still answers keys" \
		"$s" "$ID_MENU"
	alive "$term --kiosk: Ctrl-\\ did not end the program" "$s"
	pid=$(tui_flag "$s" '#{pane_pid}')
	kill -INT "$pid"
	kill -QUIT "$pid"
	kill -TSTP "$pid"
	tui_keys "$s" 3
	title "$term --kiosk: SIGINT, SIGQUIT, SIGTSTP from outside are ignored" \
		"$s" "$ID_INFO"
	alive "$term --kiosk: ... and the program runs on" "$s"
	tui_keys "$s" C-x
	title "$term --kiosk: Ctrl-X asks for the exit code" "$s" "$ID_OPEXIT"
	see "$term --kiosk: ... in a field" "$s" "$ID_EXITCODE:"
	# The way back that the prompt names must work.
	tui_text "$s" >"$TMP/screen"
	if grep -qF -- "$ID_EXIT_PROMPT0" "$TMP/screen"; then
		tui_keys "$s" 0
		# Wait for the 0 to be handled: gone back, or typed.
		_tui_poll "$TUI_TIMEOUT" either "$s" "$ID_INFO" \
			"$ID_EXITCODE: *"
		d="0 leaves the empty exit-code field, as its prompt says"
		ok "$term --kiosk: $d" _title_now "$s" "$ID_INFO"
	fi
	tui_keys "$s" Escape
	title "$term --kiosk: Esc leaves the exit-code field" "$s" "$ID_INFO"
	tui_keys "$s" C-x
	title "$term --kiosk: Ctrl-X asks for the exit code again" \
		"$s" "$ID_OPEXIT"
	tui_type "$s" 1111
	see "$term --kiosk: the code typed shows as stars" \
		"$s" "$ID_EXITCODE: ****"
	snap "$s"
	lacks "$term --kiosk: ... never as the digits" "$TMP/screen" 1111
	tui_keys "$s" Enter
	says "$term --kiosk: a wrong exit code is not right" "$s" "$ID_NOTRIGHT"
	alive "$term --kiosk: ... and the kiosk stays" "$s"
	tui_type "$s" 4321
	tui_keys "$s" Enter
	status_is "$term --kiosk: the right exit code exits with status 0" \
		"$s" 0
	tui_stop "$s"

	s=nosecret-$term
	kiosk "$s" 80 24 "$term" --kiosk --config "$TMP/nosecret.conf"
	status_is "$term --kiosk without exit_secret refuses to start (2)" "$s" 2
	tui_output "$s" >"$TMP/screen"
	contains "$term: ... saying exit_secret is needed" \
		"$TMP/screen" "exit_secret"
	tui_stop "$s"
done

# -- The smallest terminal loket supports, 40x12 (Linux console keys:
# vt100 has no PgUp/PgDn). What matters must still show. --
s=min
kiosk "$s" 40 12 linux
see "40x12: the welcome screen shows" "$s" "> 1. Bahasa Indonesia"
tui_keys "$s" 2 3 1 1 2
see "40x12: 2 3 1 1 2 opens the KTP-el procedure, wrapped at 39" \
	"$s" "(1) Take a queue ticket at the kiosk"
ok "40x12: the key line tells that PgDn shows more" \
	shows_now "$s" "PgDn More"
tui_keys "$s" NPage
see "40x12: PgDn scrolls the text on" "$s" "(5) Collect the KTP-el and sign the"
tui_keys "$s" NPage
see "40x12: PgDn again reaches the choice below the text" "$s" \
	"> 1. Next: Processing time"
ok "40x12: the key line tells that PgUp goes back up" \
	shows_now "$s" "PgUp Back up"
tui_keys "$s" PPage PPage
see "40x12: PgUp goes back up to the first step" "$s" \
	"(1) Take a queue ticket at the kiosk"
tui_keys "$s" 0 0 0 9
title "40x12: back to the agencies, 9 opens the search" \
	"$s" "Search services"
zs=zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz
tui_type "$s" "$zs"
tui_keys "$s" Enter
says "40x12: a 40-letter unknown word says no service matches" \
	"$s" "! Keyword: No service matches"
# Blanks aside: the word is cut where the line ends.
tui_text "$s" | tr -d ' ' >"$TMP/screen"
contains "40x12: ... and the whole message shows, up to its last word" \
	"$TMP/screen" "\"$zs\".Tryanotherword,suchasKTPorakta."
tui_keys "$s" C-x
status_is "40x12: Ctrl-X exits with status 0" "$s" 0
tui_stop "$s"

# The seconds the idle warning says are left.
idle_left() {
	tui_text "$1" | sed -n 's/.*session ends in \([0-9]*\) second.*/\1/p'
}
idle_below() {
	_il=$(idle_left "$1")
	[ -n "$_il" ] && [ "$_il" -lt "$2" ]
}

# -- The idle warning and the return to the welcome screen (one pane). --
s=idle
kiosk "$s" 80 24 vt100 --config "$TMP/idle.conf"
see "idle: the welcome screen shows" "$s" "$WELCOME"
tui_keys "$s" 2
title "idle: 2 opens the Main menu" "$s" "Main menu"
start=$(date +%s)
see "idle: after idle_timeout (10 s) the warning shows, within 16 s" \
	"$s" "session ends in" 16
waited=$(($(date +%s) - start))
check "idle: ... not before 9 s without a key (took $waited s)" "$waited" -ge 9
left=$(idle_left "$s")
in_range=no
[ "${left:-0}" -ge 15 ] && [ "${left:-0}" -le 20 ] && in_range=yes
check "idle: the warning counts down from idle_warning, 20 s (saw $left)" \
	"$in_range" = yes
ok "idle: the countdown goes down" _tui_poll 5 idle_below "$s" "${left:-0}"
title "idle: the warning shows over the main menu" "$s" "Main menu"
tui_keys "$s" 3
gone "idle: a key takes the warning away" "$s" "session ends in"
title "idle: ... and does nothing else: still on the main menu" \
	"$s" "Main menu"
snap "$s"
lacks "idle: ... the 3 did not open the service information" \
	"$TMP/screen" "$DUKCAPIL_EN"
see "idle: the warning comes back after another 10 s" \
	"$s" "session ends in" 16
start=$(date +%s)
see "idle: when the countdown ends, the welcome screen returns" \
	"$s" "$WELCOME" 40
waited=$(($(date +%s) - start))
check "idle: ... after the 20 s of the countdown (took $waited s)" \
	"$waited" -ge 18
gone "idle: ... and the warning is gone" "$s" "session ends in"
alive "idle: the kiosk runs on after the reset" "$s"
tui_keys "$s" 2
title "idle: after the reset the kiosk starts over" "$s" "Main menu"
tui_keys "$s" C-x
status_is "idle: Ctrl-X exits with status 0" "$s" 0
tui_stop "$s"

done_testing
