/* Unit tests: numbers and letters as words, for announcements. */
#include "config.h"

#include "unit.h"
#include "common/words.h"

static void
assert_words(unsigned long n, const char *id, const char *en)
{
	char	*w;

	w = words_number(n, LANG_ID);
	assert_string_equal(w, id);
	free(w);
	w = words_number(n, LANG_EN);
	assert_string_equal(w, en);
	free(w);
}

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
		cmocka_unit_test(test_letters_read_as_letters),
		cmocka_unit_test(test_call_announcement),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
