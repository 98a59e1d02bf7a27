/* Unit tests: big characters for the display board. */
#include "config.h"

#include <locale.h>

#include "unit.h"
#include "common/text.h"
#include "ui/bigtext.h"

#define BLOCK	"\xe2\x96\x88"	/* U+2588 FULL BLOCK */

static const char	 alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/* The rows of text, big, joined with newlines; owned. */
static char *
render(const char *text, int utf8)
{
	char	**lines, *joined;
	size_t	  n, i, size = 1;

	n = bigtext_render(text, utf8, &lines);
	assert_int_equal(n, BIGTEXT_ROWS);
	for (i = 0; i < n; i++)
		size += strlen(lines[i]) + 1;
	joined = calloc(1, size);
	assert_non_null(joined);
	for (i = 0; i < n; i++) {
		strcat(joined, lines[i]);
		strcat(joined, "\n");
	}
	text_lines_free(lines, n);
	return joined;
}

/* Every row of text, big, is width columns wide in both modes. */
static void
assert_rows_width(const char *text, int width)
{
	char	**lines;
	size_t	  n, i;
	int	  utf8;

	for (utf8 = 0; utf8 <= 1; utf8++) {
		n = bigtext_render(text, utf8, &lines);
		assert_int_equal(n, BIGTEXT_ROWS);
		for (i = 0; i < n; i++) {
			if (text_width(lines[i]) != width)
				fail_msg("\"%s\" row %zu (utf8 %d) is %d "
				    "columns, not %d: \"%s\"", text, i, utf8,
				    text_width(lines[i]), width, lines[i]);
		}
		text_lines_free(lines, n);
	}
}

static void
test_every_digit_and_letter_is_five_even_rows(void **state)
{
	char	 one[2] = { 0, 0 };
	char	*big;
	size_t	 i;

	(void)state;
	for (i = 0; alphabet[i] != '\0'; i++) {
		one[0] = alphabet[i];
		assert_true(bigtext_width(one) >= 4);
		assert_rows_width(one, bigtext_width(one));
		/* Something is drawn: it is not a blank. */
		big = render(one, 0);
		if (strchr(big, '#') == NULL)
			fail_msg("'%c' draws nothing", alphabet[i]);
		free(big);
	}
}

static void
test_no_two_characters_look_alike(void **state)
{
	char	 a[2] = { 0, 0 }, b[2] = { 0, 0 };
	char	*big_a, *big_b, *unknown;
	size_t	 i, j;

	(void)state;
	unknown = render("\x01", 0);
	for (i = 0; alphabet[i] != '\0'; i++) {
		a[0] = alphabet[i];
		big_a = render(a, 0);
		if (strcmp(big_a, unknown) == 0)
			fail_msg("'%c' is drawn as an unknown character",
			    a[0]);
		for (j = i + 1; alphabet[j] != '\0'; j++) {
			b[0] = alphabet[j];
			big_b = render(b, 0);
			if (strcmp(big_a, big_b) == 0)
				fail_msg("'%c' and '%c' look alike", a[0],
				    b[0]);
			free(big_b);
		}
		free(big_a);
	}
	free(unknown);
}

static void
test_ascii_mode_is_pure_ascii(void **state)
{
	char		*big;
	const char	*p;

	(void)state;
	big = render("A-012 :0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ\xc3\xa9", 0);
	for (p = big; *p != '\0'; p++) {
		if (*p != '#' && *p != ' ' && *p != '\n')
			fail_msg("byte 0x%02x in ASCII mode",
			    (unsigned char)*p);
	}
	assert_non_null(strchr(big, '#'));
	free(big);
}

static void
test_utf8_mode_uses_full_blocks(void **state)
{
	char	*ascii, *utf8, *expected;
	size_t	 i, o = 0;

	(void)state;
	ascii = render("K-105", 0);
	utf8 = render("K-105", 1);
	/* The same picture: each '#' becomes one U+2588, nothing else. */
	expected = calloc(1, strlen(ascii) * 3 + 1);
	assert_non_null(expected);
	for (i = 0; ascii[i] != '\0'; i++) {
		if (ascii[i] == '#') {
			memcpy(expected + o, BLOCK, 3);
			o += 3;
		} else
			expected[o++] = ascii[i];
	}
	assert_string_equal(utf8, expected);
	assert_null(strchr(utf8, '#'));
	assert_non_null(strstr(utf8, BLOCK));
	free(expected);
	free(utf8);
	free(ascii);
}

static void
test_widths_add_up(void **state)
{
	const char	*parts[] = { "A", "-", "0", "1", "2" };
	char		**whole, **part;
	char		 row[256];
	size_t		 i, r, n;
	int		 sum = 0;

	(void)state;
	for (i = 0; i < 5; i++)
		sum += bigtext_width(parts[i]);
	sum += 4 * BIGTEXT_GAP;
	assert_int_equal(bigtext_width("A-012"), sum);
	assert_rows_width("A-012", sum);
	assert_int_equal(bigtext_width(""), 0);
	assert_rows_width("", 0);
	assert_int_equal(bigtext_width("12"),
	    bigtext_width("1") + BIGTEXT_GAP + bigtext_width("2"));

	/* Each row is the characters' rows side by side, a gap between. */
	n = bigtext_render("A-012", 0, &whole);
	for (r = 0; r < n; r++) {
		row[0] = '\0';
		for (i = 0; i < 5; i++) {
			bigtext_render(parts[i], 0, &part);
			if (i > 0)
				strcat(row, " ");
			strcat(row, part[r]);
			text_lines_free(part, BIGTEXT_ROWS);
		}
		assert_string_equal(whole[r], row);
	}
	text_lines_free(whole, n);
}

static void
test_lower_case_is_drawn_as_upper_case(void **state)
{
	char	*lower, *upper;

	(void)state;
	lower = render("k-abz", 1);
	upper = render("K-ABZ", 1);
	assert_string_equal(lower, upper);
	free(lower);
	free(upper);
}

static void
test_unknown_characters_show_a_placeholder(void **state)
{
	char	*question, *big;

	(void)state;
	question = render("?", 0);
	assert_non_null(strchr(question, '#'));
	/* A control character, a letter past ASCII, an invalid byte. */
	big = render("\x1b", 0);
	assert_string_equal(big, question);
	free(big);
	big = render("\xc3\xa9", 0);
	assert_string_equal(big, question);
	free(big);
	big = render("\xff", 0);
	assert_string_equal(big, question);
	free(big);
	/* One placeholder per character, not per byte. */
	assert_int_equal(bigtext_width("\xc3\xa9"), bigtext_width("?"));
	assert_int_equal(bigtext_width("\xe2\x82\xac\xff"),
	    2 * bigtext_width("?") + BIGTEXT_GAP);
	assert_rows_width("A\xe2\x82\xac\xff" "1", bigtext_width("A") +
	    2 * bigtext_width("?") + bigtext_width("1") + 3 * BIGTEXT_GAP);
	free(question);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_digit_and_letter_is_five_even_rows),
		cmocka_unit_test(test_no_two_characters_look_alike),
		cmocka_unit_test(test_ascii_mode_is_pure_ascii),
		cmocka_unit_test(test_utf8_mode_uses_full_blocks),
		cmocka_unit_test(test_widths_add_up),
		cmocka_unit_test(test_lower_case_is_drawn_as_upper_case),
		cmocka_unit_test(test_unknown_characters_show_a_placeholder),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
