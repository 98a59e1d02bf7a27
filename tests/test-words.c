/* Unit tests: numbers and letters as words, for announcements. */
#include "config.h"

#include "unit.h"
#include "common/words.h"

/* What f says for n in each language. */
static void
assert_both(char *(*f)(unsigned long long, enum lang), unsigned long long n,
    const char *id, const char *en)
{
	char	*w;

	w = f(n, LANG_ID);
	assert_string_equal(w, id);
	free(w);
	w = f(n, LANG_EN);
	assert_string_equal(w, en);
	free(w);
}

#define assert_words(n, id, en)		assert_both(words_number, n, id, en)
#define assert_ordinal(n, id, en)	assert_both(words_ordinal, n, id, en)

static void
test_numbers_both_languages(void **state)
{
	(void)state;
	assert_words(0, "nol", "zero");
	assert_words(1, "satu", "one");
	assert_words(10, "sepuluh", "ten");
	assert_words(11, "sebelas", "eleven");
	assert_words(12, "dua belas", "twelve");
	assert_words(19, "sembilan belas", "nineteen");
	assert_words(20, "dua puluh", "twenty");
	assert_words(21, "dua puluh satu", "twenty-one");
	assert_words(99, "sembilan puluh sembilan", "ninety-nine");
	assert_words(100, "seratus", "one hundred");
	assert_words(101, "seratus satu", "one hundred and one");
	assert_words(111, "seratus sebelas", "one hundred and eleven");
	assert_words(999, "sembilan ratus sembilan puluh sembilan",
	    "nine hundred and ninety-nine");
	assert_words(1000, "seribu", "one thousand");
	assert_words(1005, "seribu lima", "one thousand and five");
	assert_words(2310, "dua ribu tiga ratus sepuluh",
	    "two thousand three hundred and ten");
	assert_words(11000, "sebelas ribu", "eleven thousand");
	assert_words(999999, "sembilan ratus sembilan puluh sembilan ribu "
	    "sembilan ratus sembilan puluh sembilan", "nine hundred and "
	    "ninety-nine thousand nine hundred and ninety-nine");
	assert_words(1000000, "satu juta", "one million");
	assert_words(1000001, "satu juta satu", "one million and one");
	assert_words(1000000000, "satu miliar", "one billion");
	assert_words(4294967296ULL, "empat miliar dua ratus sembilan puluh "
	    "empat juta sembilan ratus enam puluh tujuh ribu dua ratus sembilan "
	    "puluh enam", "four billion two hundred and ninety-four million "
	    "nine hundred and sixty-seven thousand two hundred and ninety-six");
	assert_words(1000000000000ULL, "satu triliun", "one trillion");
	assert_words(18446744073709551615ULL, "delapan belas kuintiliun empat "
	    "ratus empat puluh enam kuadriliun tujuh ratus empat puluh empat "
	    "triliun tujuh puluh tiga miliar tujuh ratus sembilan juta lima "
	    "ratus lima puluh satu ribu enam ratus lima belas", "eighteen "
	    "quintillion four hundred and forty-six quadrillion seven hundred "
	    "and forty-four trillion seventy-three billion seven hundred and "
	    "nine million five hundred and fifty-one thousand six hundred and "
	    "fifteen");
}

static void
test_ordinals_both_languages(void **state)
{
	(void)state;
	assert_ordinal(1, "pertama", "first");
	assert_ordinal(2, "kedua", "second");
	assert_ordinal(3, "ketiga", "third");
	assert_ordinal(12, "kedua belas", "twelfth");
	assert_ordinal(20, "kedua puluh", "twentieth");
	assert_ordinal(21, "kedua puluh satu", "twenty-first");
	assert_ordinal(100, "keseratus", "one hundredth");
	assert_ordinal(1000000, "kesatu juta", "one millionth");
}

static void
test_years_both_languages(void **state)
{
	(void)state;
	assert_both(words_year, 1983, "seribu sembilan ratus delapan puluh "
	    "tiga", "nineteen eighty-three");
	assert_both(words_year, 1900, "seribu sembilan ratus",
	    "nineteen hundred");
	assert_both(words_year, 1905, "seribu sembilan ratus lima",
	    "nineteen oh five");
	assert_both(words_year, 2006, "dua ribu enam", "two thousand and six");
	assert_both(words_year, 2026, "dua ribu dua puluh enam",
	    "two thousand and twenty-six");
}

static void
test_number_words(void **state)
{
	(void)state;
	assert_true(words_is_number("twenty-one", 10, LANG_EN));
	assert_true(words_is_number("hundred", 7, LANG_EN));
	assert_false(words_is_number("fee", 3, LANG_EN));
	assert_true(words_is_number("sebelas", 7, LANG_ID));
	assert_true(words_is_number("seratus", 7, LANG_ID));
	assert_false(words_is_number("orang", 5, LANG_ID));
}

static void
test_letters_read_as_letters(void **state)
{
	(void)state;
	assert_string_equal(words_letter('K', LANG_ID), "ka");
	assert_string_equal(words_letter('A', LANG_ID), "A");
	assert_string_equal(words_letter('Q', LANG_ID), "ki");
	assert_string_equal(words_letter('K', LANG_EN), "kay");
	assert_string_equal(words_letter('W', LANG_EN), "double-u");
	assert_string_equal(words_letter('1', LANG_EN), "");
}

static void
test_call_announcement(void **state)
{
	char	*text;

	(void)state;
	text = words_call('A', 12, 3, LANG_ID);
	assert_string_equal(text,
	    "Nomor antrean A dua belas, silakan menuju loket tiga");
	free(text);
	text = words_call('A', 12, 3, LANG_EN);
	assert_string_equal(text, "Ticket A twelve, please go to counter three");
	free(text);
	text = words_call('K', 105, 11, LANG_ID);
	assert_string_equal(text,
	    "Nomor antrean ka seratus lima, silakan menuju loket sebelas");
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_both_languages),
		cmocka_unit_test(test_ordinals_both_languages),
		cmocka_unit_test(test_years_both_languages),
		cmocka_unit_test(test_number_words),
		cmocka_unit_test(test_letters_read_as_letters),
		cmocka_unit_test(test_call_announcement),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
