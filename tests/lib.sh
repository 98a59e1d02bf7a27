# Shared by the shell tests: TAP output, a scratch directory, and the
# binary under test. Each test says what it proves in its description.
#
#   . "$top_srcdir/tests/lib.sh"
#   ok "description" command...      passes when the command succeeds
#   check "description" test-expr    passes when the shell test is true
#   done_testing                     prints the plan and the exit status

: "${LOKET:=$top_builddir/src/loket}"
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
export LOKET_DATADIR="${LOKET_DATADIR:-$top_srcdir/data}"
export LOKET_LOCALEDIR="${LOKET_LOCALEDIR:-$top_builddir/locale}"
export LOKET_SPEECH="${LOKET_SPEECH:-$top_builddir/src/loket-speech}"
export LC_ALL=C.UTF-8
unset LANGUAGE LOKET_DB LOKET_LANG LOKET_LOG

tap_count=0
tap_failed=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/loket-test.XXXXXX")
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/data" \
	XDG_CONFIG_HOME="$TMP/home/config"
mkdir -p "$HOME"
trap 'rm -rf "$TMP"' EXIT

# The kiosk offers a text message only when a transport can send it: the
# tests written before transports existed get one that sends nothing.
# NOTIFY_CONF is that section, for a test's own --config file.
NOTIFY_CONF='[notify]
transport = command
command = true'
mkdir -p "$XDG_CONFIG_HOME/loket"
printf '%s\n' "$NOTIFY_CONF" >"$XDG_CONFIG_HOME/loket/loket.conf"

# A catalog database for the tests, made from the demo catalog.
make_db() {
	"$LOKET" --db "$1" init >/dev/null &&
	"$LOKET" --db "$1" catalog import "$top_srcdir/data/demo-catalog.txt" \
		>/dev/null
}

_tap_result() {
	tap_count=$((tap_count + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_count - $(printf '%s' "$2" | tr '#' '^')"
	else
		tap_failed=$((tap_failed + 1))
		echo "not ok $tap_count - $(printf '%s' "$2" | tr '#' '^')"
	fi
}

# ok DESCRIPTION COMMAND...: the command must succeed.
ok() {
	_ok_desc=$1
	shift
	_ok_out=$("$@" 2>&1)
	_ok_rc=$?
	_tap_result $_ok_rc "$_ok_desc"
	[ $_ok_rc -eq 0 ] || printf '%s\n' "$_ok_out" | awk '{ print "# " $0 }'
	return 0
}

# check DESCRIPTION EXPR...: the shell test must hold.
check() {
	_check_desc=$1
	shift
	if [ "$@" ]; then
		_tap_result 0 "$_check_desc"
	else
		_tap_result 1 "$_check_desc"
	fi
}

# contains DESCRIPTION FILE TEXT: FILE must hold TEXT (fixed string).
contains() {
	if grep -qF -- "$3" "$2"; then
		_tap_result 0 "$1"
	else
		_tap_result 1 "$1"
		echo "# expected to find: $3"
		tail -n 40 "$2" | awk '{ print "#   | " $0 }'
	fi
}

# lacks DESCRIPTION FILE TEXT: FILE must exist and not hold TEXT.
lacks() {
	if [ ! -e "$2" ] || [ ! -r "$2" ]; then
		_tap_result 1 "$1"
		echo "# there is no file to look in: $2"
	elif grep -qF -- "$3" "$2"; then
		_tap_result 1 "$1"
		echo "# did not expect: $3"
	else
		_tap_result 0 "$1"
	fi
}

# skip DESCRIPTION REASON: a point this machine cannot check, reported as a
# skip (never a pass); REASON reads "PROGRAM is not installed" when it is.
skip() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count # SKIP $2: $(printf '%s' "$1" | tr '#' '^')"
}

done_testing() {
	echo "1..$tap_count"
	[ "$tap_failed" -eq 0 ]
}
