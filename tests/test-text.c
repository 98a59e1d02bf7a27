/* Unit tests: UTF-8 checks, terminal-safe text, width and wrapping. */
#include "config.h"

#include <locale.h>

#include "unit.h"
#include "common/text.h"

static void
test_decode_rejects_bad_utf8(void **state)
{
	uint32_t	 cp;

	(void)state;
	assert_int_equal(text_utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(text_utf8_decode("\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xe9);
	/* overlong '/', a surrogate, a lone continuation, a cut sequence */
	assert_int_equal(text_utf8_decode("\xc0\xaf", 2, &cp), -1);
	assert_int_equal(text_utf8_decode("\xed\xa0\x80", 3, &cp), -1);
	assert_int_equal(text_utf8_decode("\x80", 1, &cp), -1);
	assert_int_equal(text_utf8_decode("\xe2\x82", 2, &cp), -1);
	assert_true(text_utf8_valid("Rp30.000 \xe2\x82\xac", 12));
	assert_false(text_utf8_valid("ab\xff", 3));
}

static void
test_check_input_names_the_problem(void **state)
{
	(void)state;
	assert_int_equal(text_check_input("akta", 40), TEXT_OK);
	assert_int_equal(text_check_input("   ", 40), TEXT_EMPTY);
	assert_int_equal(text_check_input("", 40), TEXT_EMPTY);
	assert_int_equal(text_check_input("abcdef", 5), TEXT_TOO_LONG);
	/* five characters of two bytes each are five, not ten */
	assert_int_equal(text_check_input("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9", 5), TEXT_OK);
	assert_int_equal(text_check_input("a\033[2Jb", 40), TEXT_CONTROL);
	assert_int_equal(text_check_input("a\tb", 40), TEXT_CONTROL);
	assert_int_equal(text_check_input("a\xc2\x9b" "b", 40), TEXT_CONTROL);
	assert_int_equal(text_check_input("a\xffz", 40), TEXT_BAD_UTF8);
}

/*
 * A typed line of 2 MB is checked in one pass: well under a second (a
 * check that measures the rest of the string at each character took
 * seconds for 1 MB, and minutes for more).
 */
static void
test_check_input_is_linear(void **state)
{
	size_t	 len = 2 * 1024 * 1024;
	char	*s = malloc(len + 1);
	double	 start, took;

	(void)state;
	assert_non_null(s);
	memset(s, 'a', len);
	s[len] = '\0';
	start = unit_seconds();
	assert_int_equal(text_check_input(s, 40), TEXT_TOO_LONG);
	s[len - 1] = '\033';
	assert_int_equal(text_check_input(s, len), TEXT_CONTROL);
	took = unit_seconds() - start;
	free(s);
	if (took > 1.0)
		fail_msg("checking 2 MB took %.2f s", took);
}

/* A line cut at a byte count keeps whole characters only. */
static void
test_utf8_boundary(void **state)
{
	const char	*s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";

	(void)state;
	assert_int_equal(text_utf8_boundary(s, 0), 0);
	assert_int_equal(text_utf8_boundary(s, 1), 1);
	assert_int_equal(text_utf8_boundary(s, 2), 1);	/* half of e-acute */
	assert_int_equal(text_utf8_boundary(s, 3), 3);
	assert_int_equal(text_utf8_boundary(s, 5), 3);	/* euro cut */
	assert_int_equal(text_utf8_boundary(s, 6), 6);
	assert_int_equal(text_utf8_boundary(s, 9), 6);	/* emoji cut */
	assert_int_equal(text_utf8_boundary(s, 10), 10);
	assert_int_equal(text_utf8_boundary("\xff\xff", 2), 2);
}

static void
test_sanitize_makes_escapes_harmless(void **state)
{
	char	*s;

	(void)state;
	s = text_sanitize("KTP\033[2J\033]0;pwned\007-el", 1);
	assert_null(strchr(s, '\033'));
	assert_null(strchr(s, '\007'));
	assert_string_equal(s, "KTP?[2J?]0;pwned?-el");
	free(s);
	s = text_sanitize("a\xc2\x9b" "1mb\xff", 1);	/* C1 CSI, bad byte */
	assert_string_equal(s, "a?1mb?");
	free(s);
	s = text_sanitize("caf\xc3\xa9\tbar", 0);	/* ASCII terminal */
	assert_string_equal(s, "caf? bar");
	free(s);
	s = text_sanitize("caf\xc3\xa9", 1);
	assert_string_equal(s, "caf\xc3\xa9");
	free(s);
}

/*
 * A family emoji (three joined by zero-width joiners), a heart with the
 * emoji variation selector and a thumb with a skin tone: a terminal may
 * draw each cluster in 2 columns or in 6 while curses counts 6, and the
 * difference is left on the screen as stray characters. Sanitized, each
 * emoji stands alone, as wide as every terminal and curses count it.
 */
static void
test_sanitize_splits_emoji_clusters(void **state)
{
	char	*s;

	(void)state;
	s = text_sanitize("[\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9"
	    "\xe2\x80\x8d\xf0\x9f\x91\xa7]", 1);
	assert_string_equal(s, "[\xf0\x9f\x91\xa8\xf0\x9f\x91\xa9"
	    "\xf0\x9f\x91\xa7]");
	assert_int_equal(text_width(s), 8);
	free(s);
	s = text_sanitize("\xe2\x9d\xa4\xef\xb8\x8f \xf0\x9f\x91\x8d"
	    "\xf0\x9f\x8f\xbd", 1);
	assert_string_equal(s, "\xe2\x9d\xa4 \xf0\x9f\x91\x8d");
	assert_int_equal(text_width(s), 4);
	free(s);
	/* On an ASCII terminal, one '?' per emoji, none per joiner. */
	s = text_sanitize("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9", 0);
	assert_string_equal(s, "??");
	free(s);
}

/* A screen narrower than a wide character still gets it whole. */
static void
test_wrap_keeps_wide_characters_whole(void **state)
{
	char	**lines;
	size_t	 n;

	(void)state;
	n = text_wrap("\xe4\xb8\xad\xe6\x96\x87", 1, &lines);
	assert_int_equal(n, 2);
	assert_string_equal(lines[0], "\xe4\xb8\xad");
	assert_string_equal(lines[1], "\xe6\x96\x87");
	text_lines_free(lines, n);
}

static void
test_width_and_fit(void **state)
{
	(void)state;
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("caf\xc3\xa9"), 4);
	assert_int_equal(text_fit("abcdef", 4), 4);
	/* never cut a character in half */
	assert_int_equal(text_fit("ab\xc3\xa9" "d", 3), 4);
	assert_int_equal(text_fit("ab", 10), 2);
}

static void
test_wrap_breaks_at_spaces(void **state)
{
	char	**lines;
	size_t	  n;

	(void)state;
	n = text_wrap("Serahkan berkas kepada petugas loket", 16, &lines);
	assert_int_equal(n, 3);
	assert_string_equal(lines[0], "Serahkan berkas");
	assert_string_equal(lines[1], "kepada petugas");
	assert_string_equal(lines[2], "loket");
	text_lines_free(lines, n);

	n = text_wrap("abcdefghij", 4, &lines);	/* a word longer than a line */
	assert_int_equal(n, 3);
	assert_string_equal(lines[0], "abcd");
	assert_string_equal(lines[2], "ij");
	text_lines_free(lines, n);

	n = text_wrap("", 10, &lines);
	assert_int_equal(n, 1);
	assert_string_equal(lines[0], "");
	text_lines_free(lines, n);

	n = text_wrap("one\ntwo", 10, &lines);
	assert_int_equal(n, 2);
	assert_string_equal(lines[1], "two");
	text_lines_free(lines, n);
}

static void
test_trim(void **state)
{
	char	 s[] = "  KTP el  ";

	(void)state;
	assert_string_equal(text_trim(s), "KTP el");
	assert_int_equal(text_length("\xc3\xa9t\xc3\xa9"), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_rejects_bad_utf8),
		cmocka_unit_test(test_check_input_names_the_problem),
		cmocka_unit_test(test_check_input_is_linear),
		cmocka_unit_test(test_utf8_boundary),
		cmocka_unit_test(test_sanitize_makes_escapes_harmless),
		cmocka_unit_test(test_sanitize_splits_emoji_clusters),
		cmocka_unit_test(test_wrap_keeps_wide_characters_whole),
		cmocka_unit_test(test_width_and_fit),
		cmocka_unit_test(test_wrap_breaks_at_spaces),
		cmocka_unit_test(test_trim),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
