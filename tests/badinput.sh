#!/bin/sh
# Bad input gets a clear message in the citizen's language, naming what
# is wrong, and changes nothing; text from the database is never written
# raw to the terminal.
. "${top_srcdir:-.}/tests/lib.sh"

db=$TMP/bad.db
make_db "$db"
out=$TMP/out
esc=$(printf '\033')
long=$(printf '%060d' 0 | tr 0 a)

search() {	# LANGUAGE-CHOICE TEXT
	printf '%s\n3\n9\n%s\n' "$1" "$2" | "$LOKET" --db "$db" --line >"$out"
}

search 2 "$long"
contains "English: an over-long keyword is refused" "$out" "That is too long: type at most 40 characters."
search 1 "$long"
contains "Indonesian: an over-long keyword is refused" "$out" "Terlalu panjang: ketik paling banyak 40 karakter."
search 2 "akta$(printf '\033[2J')"
contains "English: control characters are named" "$out" "That holds control characters."
lacks "typed escape sequences are never echoed" "$out" "$esc"
search 1 "akta$(printf '\033[2J')"
contains "Indonesian: control characters are named" "$out" "karakter kendali"
search 2 "$(printf 'akta\377')"
contains "English: invalid UTF-8 is refused" "$out" "That is not valid text."
search 1 "$(printf 'akta\377')"
contains "Indonesian: invalid UTF-8 is refused" "$out" "bukan teks yang sah"
search 2 "zzzz"
contains "English: no match names the word" "$out" 'No service matches "zzzz".'
search 1 "zzzz"
contains "Indonesian: no match names the word" "$out" 'Tidak ada layanan yang cocok dengan "zzzz".'
search 2 "$(head -c 200000 /dev/zero | tr '\0' x)"
contains "a 200 KB line is refused, not crashed on" "$out" "That is too long"

printf '2\n8\n' | "$LOKET" --db "$db" --line >"$out"
contains "English: a choice that does not exist is named" "$out" "There is no choice 8. Choose a number from 1 to 7."
printf '1\n8\n' | "$LOKET" --db "$db" --line >"$out"
contains "Indonesian: a choice that does not exist is named" "$out" "Tidak ada pilihan 8."
printf '2\nthree\n' | "$LOKET" --db "$db" --line >"$out"
contains "words where a number belongs are explained" "$out" "Type the number of your choice, from 1 to 7."

before=$(sqlite3 "$db" "SELECT count(*), total(length(body)) FROM service_standard")
printf '2\n3\n9\n%s\n0\n0\n' "$long" | "$LOKET" --db "$db" --line >/dev/null
after=$(sqlite3 "$db" "SELECT count(*), total(length(body)) FROM service_standard")
check "bad input changes nothing in the database" "$before" = "$after"

# A catalog text holding escape sequences (put there behind loket's back).
sqlite3 "$db" "UPDATE service_standard SET body = 'Bayar' || char(27) || '[2J' || char(27) || ']0;owned' || char(7) || ' Rp0' || char(155) || '1m' WHERE component = 'fee'"
printf '2\n3\n1\n1\n4\n' | "$LOKET" --db "$db" --line >"$out"
contains "escape sequences in the catalog are shown harmlessly" "$out" "Bayar?[2J?]0;owned? Rp0?1m"
lacks "no escape byte from the catalog reaches the terminal" "$out" "$esc"
lacks "no bell from the catalog reaches the terminal" "$out" "$(printf '\007')"
"$LOKET" --db "$db" --lang=en catalog show ktp-el-baru >"$out"
lacks "catalog show makes escape sequences harmless too" "$out" "$esc"

done_testing
