#!/bin/sh
# Line mode through pipes: the same screens as numbered text, in both
# languages, scriptable, with nothing but plain text on the output.
. "${top_srcdir:-.}/tests/lib.sh"

db=$TMP/line.db
make_db "$db"
out=$TMP/out

kiosk() {
	"$LOKET" --db "$db" --line "$@"
}

printf '2\n3\n1\n1\n1\n' | kiosk >"$out"
check "an English walk exits 0 at end of input" $? -eq 0
contains "English: the welcome screen offers both languages" "$out" "  2. English"
contains "English: the main menu" "$out" "== Main menu =="
contains "English: service information lists agencies" "$out" "  1. Population and Civil Registration Service"
contains "English: the search is the last choice" "$out" "  9. Search by keyword"
contains "English: a service offers its standard" "$out" "  7. Legal basis"
contains "English: requirements are numbered, not as choices" "$out" "(1) Aged 17 or over"
contains "English: the keys are named" "$out" "0 Back  * Repeat  # Help"

printf '1\n3\n1\n1\n4\n' | kiosk >"$out"
contains "Indonesian: the main menu" "$out" "== Menu utama =="
contains "Indonesian: service information" "$out" "== Informasi layanan =="
contains "Indonesian: agency names from the catalog" "$out" "Dinas Kependudukan dan Pencatatan Sipil"
contains "Indonesian: the fee of KTP-el is free" "$out" "Gratis"
contains "Indonesian: component titles are translated" "$out" "Biaya"

printf '1\n3\n1\n1\n4\n' | "$LOKET" --db "$db" >"$TMP/auto"
ok "without --line, a pipe gets line mode by itself" cmp "$out" "$TMP/auto"

printf '2\n3\n9\nakta kelahiran\n1\n4\n' | kiosk >"$out"
contains "search finds a service by two words" "$out" "1 service matches. Choose one."
contains "a found service opens" "$out" "== Birth Certificate: Fee =="

printf '2\n3\n#\n1\n0\n' | kiosk >"$out"
contains "help is reachable with the hash key from any screen" "$out" "== Help and settings =="
contains "help switches to Indonesian" "$out" "Bahasa sekarang Bahasa Indonesia."
contains "0 returns to the screen the citizen was on, translated" "$out" "== Informasi layanan =="

printf '2\n3\n0\n0\n0\n' | kiosk >"$out"
contains "0 on the welcome screen is explained" "$out" "This is the first screen."

printf '2\n2\n' | kiosk --lang=en >"$out"
contains "2 on the main menu checks an application's status" "$out" "Type the tracking number on your receipt"

printf '2\n1\n1\n1\n2\n1\n1\n0\n' | kiosk >"$out"
contains "a queue ticket: the service first" "$out" "== Take a queue number =="
contains "then the priority lane" "$out" "  2. Elderly (60 or older)"
contains "then a confirmation before anything is taken" "$out" "Lane: Elderly (60 or older)"
contains "then the ticket with its number" "$out" "== Your number is A-001 =="
contains "the ticket says who is ahead" "$out" "Nobody is ahead of you."
contains "the ticket says where it is served" "$out" "Served at: Loket 1 Dukcapil."
contains "0 on the ticket starts over, it does not undo" "$out" "Selamat datang. Pilih bahasa."
printf '1\n1\n1\n1\n1\n1\n1\n' | kiosk >"$out"
contains "Indonesian: the second ticket is A-002" "$out" "== Nomor Anda A-002 =="
contains "Indonesian: one person is ahead" "$out" "Ada 1 orang di depan Anda."
check "two tickets exist, once each" "$(sqlite3 "$db" "SELECT group_concat(number) FROM ticket")" = "1,2"
printf '[office]\nhours = sun 00:00-00:01\n' >"$TMP/closed.conf"
printf '2\n1\n1\n1\n1\n1\n1\n' | kiosk --config "$TMP/closed.conf" >"$out"
contains "outside office hours no ticket is given, and the next opening is named" "$out" "The office is closed now. It opens Sunday 00:00 WIB."
check "a refused ticket changes nothing" "$(sqlite3 "$db" "SELECT count(*) FROM ticket")" = 2

# A phone number for a message when the turn is near.
printf '2\n1\n1\n1\n1\n2\n12345\n081234567890\n1\n' | kiosk >"$out"
contains "a phone number is offered, never required" "$out" "  1. No, thank you"
contains "a phone number that is not one is explained" "$out" "That is not a mobile number"
contains "the confirmation shows only the end of the number" "$out" "Text message: to the number ending in 7890"
lacks "the whole number is never shown back" "$out" "Text message: to the number ending in 081234567890"
check "the ticket keeps the phone number" "$(sqlite3 "$db" "SELECT phone FROM ticket WHERE number = 3")" = 081234567890
"$LOKET" --db "$db" ticket call --counter 1 >/dev/null
check "a call queues a text message for the next ones with a phone" \
	"$(sqlite3 "$db" "SELECT count(*) FROM message WHERE phone = '081234567890' AND body LIKE '%A-003%'")" = 1
ok "counter 1 marks its ticket not present" "$LOKET" --db "$db" ticket noshow \
	"$(sqlite3 "$db" "SELECT id FROM ticket WHERE state = 'called'")" --counter 1
ok "and calls the next one" "$LOKET" --db "$db" ticket call --counter 1
check "each ticket gets one message only" "$(sqlite3 "$db" "SELECT count(*) FROM message")" = 1
# A new day: the tickets with a phone are yesterday's, and retention (once
# a day) last ran yesterday.
sqlite3 "$db" "UPDATE ticket SET day = '2026-01-05' WHERE phone IS NOT NULL;
	UPDATE setting SET value = '2026-01-05' WHERE key = 'retention_day'"
"$LOKET" --db "$db" ticket take ktp-el-baru >/dev/null
check "a new day forgets the phone numbers of the days before" "$(sqlite3 "$db" "SELECT count(*) FROM ticket WHERE phone IS NOT NULL")" = 0
check "... and their messages" "$(sqlite3 "$db" "SELECT count(*) FROM message")" = 0

printf '2\n3\n1\n1\n' | kiosk >"$out"
if grep -q "$(printf '\033')" "$out"; then esc=1; else esc=0; fi
check "line mode writes no escape sequences" $esc -eq 0

printf '2\n' | kiosk >/dev/full 2>/dev/null
check "a write error on standard output fails the run" $? -ne 0

printf '2\n3\n' | kiosk --lang=id >"$out"
contains "the welcome screen is bilingual whatever the language" "$out" "Selamat datang. Pilih bahasa. Welcome. Choose a language."

done_testing
