/* Unit tests: text made speakable, in Indonesian and English. */
#include "config.h"

#include "unit.h"
#include "common/spoken.h"

struct spoken_case {
	const char	*text;
	const char	*said;
};

#include "spoken-cases-id.h"
#include "spoken-cases-en.h"

#define SPOKEN_CASES(t)	(sizeof (t) / sizeof (t)[0])

static void
assert_spoken(const char *text, enum lang lang, const char *want)
{
	char	*got = spoken_text(text, lang);

	if (strcmp(got, want) != 0)
		fail_msg("\"%s\" became \"%s\", not \"%s\"", text, got, want);
	free(got);
}

static void
test_tickets(void **state)
{
	(void)state;
	assert_spoken("Nomor Anda A-012", LANG_ID, "Nomor Anda a dua belas");
	assert_spoken("Your number is K-105", LANG_EN,
	    "Your number is kay one hundred and five");
	assert_spoken("Tiket K-001.", LANG_ID, "Tiket ka satu.");
}

static void
test_digits_one_by_one(void **state)
{
	(void)state;
	assert_spoken("NIK 3201010101900001", LANG_ID, "en i ka tiga dua nol "
	    "satu nol satu nol satu nol satu sembilan nol nol nol nol satu");
	assert_spoken("Call 081234567890", LANG_EN, "Call zero eight one two "
	    "three four five six seven eight nine zero");
	assert_spoken("Kode K7M2-QX4P", LANG_ID,
	    "Kode ka tujuh em dua ki eks empat pe");
}

static void
test_spelled_one_at_a_time(void **state)
{
	char	*said;

	(void)state;
	said = spoken_spell("K7-\xc3\xa9\xea\xa6\x97", LANG_ID);
	assert_string_equal(said, "ka tujuh \xc3\xa9 \xea\xa6\x97");
	free(said);
	said = spoken_spell("a\xff" "0", LANG_EN);
	assert_string_equal(said, "eh zero");
	free(said);
}

static void
test_money(void **state)
{
	(void)state;
	assert_spoken("Biaya Rp30.000", LANG_ID,
	    "Biaya tiga puluh ribu rupiah");
	assert_spoken("Fee: Rp 600,000.00.", LANG_EN,
	    "Fee, six hundred thousand rupiah.");
	assert_spoken("Rp0", LANG_ID, "nol rupiah");
}

static void
test_dates(void **state)
{
	(void)state;
	assert_spoken("Tanggal 2026-11-30", LANG_ID,
	    "Tanggal tiga puluh November dua ribu dua puluh enam");
	assert_spoken("on 2027-01-01", LANG_EN,
	    "on the first of January two thousand and twenty-seven");
}

static void
test_abbreviations(void **state)
{
	(void)state;
	assert_spoken("KTP-el Baru", LANG_ID, "ka te pe e el Baru");
	assert_spoken("Kartu Keluarga (KK)", LANG_ID,
	    "Kartu Keluarga (ka ka)");
	assert_spoken("SKCK", LANG_EN, "ess kay see kay");
	/* Inside a longer word it is not an abbreviation. */
	assert_spoken("KKN", LANG_ID, "KKN");
}

static void
test_numbers_and_plain_words(void **state)
{
	(void)state;
	assert_spoken("3 orang di depan Anda", LANG_ID,
	    "tiga orang di depan Anda");
	assert_spoken("about 25 minutes", LANG_EN,
	    "about twenty-five minutes");
	assert_spoken("", LANG_ID, "");
	/* An apostrophe inside a word keeps it whole. */
	assert_spoken("Buka hari Jum'at", LANG_ID, "Buka hari Jum'at");
	assert_spoken("don't wait", LANG_EN, "don't wait");
}

/* Every case of a table, each mismatch named; how many failed. */
static size_t
spoken_table(const struct spoken_case *cases, size_t n, enum lang lang)
{
	size_t	 i, failed = 0;
	char	*got;

	for (i = 0; i < n; i++) {
		got = spoken_text(cases[i].text, lang);
		if (strcmp(got, cases[i].said) != 0) {
			print_message("# %s \"%s\" became \"%s\", not \"%s\"\n",
			    i18n_code(lang), cases[i].text, got, cases[i].said);
			failed++;
		}
		free(got);
	}
	return failed;
}

static void
test_table_indonesian(void **state)
{
	(void)state;
	assert_true(SPOKEN_CASES(spoken_id_cases) >= 200);
	assert_int_equal(spoken_table(spoken_id_cases,
	    SPOKEN_CASES(spoken_id_cases), LANG_ID), 0);
}

static void
test_table_english(void **state)
{
	(void)state;
	assert_true(SPOKEN_CASES(spoken_en_cases) >= 200);
	assert_int_equal(spoken_table(spoken_en_cases,
	    SPOKEN_CASES(spoken_en_cases), LANG_EN), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_indonesian),
		cmocka_unit_test(test_table_english),
		cmocka_unit_test(test_spelled_one_at_a_time),
		cmocka_unit_test(test_tickets),
		cmocka_unit_test(test_digits_one_by_one),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_abbreviations),
		cmocka_unit_test(test_numbers_and_plain_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
