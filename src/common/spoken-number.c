/* Numbers as said: amounts, money, decimals, percent, units, ordinals;
 * identifiers (NIK, phone numbers) one digit at a time. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "common/spoken-internal.h"
#include "common/words.h"
#include "common/xmalloc.h"

/* A run of more digits than this, with no separators, is an identifier
 * (a NIK, a phone number): amounts that long are written grouped. */
#define SPOKEN_NUMBER_DIGITS_MAX	8
/* More digits than an unsigned long long holds for certain. */
#define SPOKEN_NUMBER_VALUE_DIGITS	19

/* Each language's marks: thousands, then decimals. */
static const char spoken_separators[2][2] = {
	{ '.', ',' },	/* Indonesian: 1.500.000,50 */
	{ ',', '.' },	/* English: 1,500,000.50 */
};

/* Units after a number, longest first; English has a singular. */
static const struct spoken_unit {
	const char	*unit;
	const char	*id;
	const char	*en;
	const char	*en_one;
} spoken_units[] = {
	{ "m2", "meter persegi", "square metres", "square metre" },
	{ "km", "kilometer", "kilometres", "kilometre" },
	{ "kg", "kilogram", "kilograms", "kilogram" },
	{ "cm", "sentimeter", "centimetres", "centimetre" },
	{ "mm", "milimeter", "millimetres", "millimetre" },
	{ "m", "meter", "metres", "metre" },
};

/* English ordinal endings: "1st", "22nd", "3rd", "4th". */
static const char *const spoken_ordinal_endings[] = {
	"st", "nd", "rd", "th", NULL
};

static int
spoken_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Add len digits at s to the value; note an overflow. */
static void
spoken_number_digits(struct spoken_number *n, const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++, n->digits++) {
		if (n->digits >= SPOKEN_NUMBER_VALUE_DIGITS)
			n->overflow = 1;
		else
			n->value = n->value * 10 + (unsigned)(s[i] - '0');
	}
}

size_t
spoken_number_parse(const char *s, enum lang lang, struct spoken_number *n)
{
	const char	 thousands = spoken_separators[lang == LANG_EN][0];
	const char	 decimal = spoken_separators[lang == LANG_EN][1];
	size_t		 len = strspn(s, "0123456789");

	memset(n, 0, sizeof *n);
	if (len == 0)
		return 0;
	spoken_number_digits(n, s, len);
	/* Groups of three after a first group of one to three digits. */
	while (len - 4 * n->grouped <= 3 && s[len] == thousands &&
	    strspn(s + len + 1, "0123456789") == 3) {
		spoken_number_digits(n, s + len + 1, 3);
		n->grouped++;
		len += 4;
	}
	if (s[len] == decimal && spoken_digit(s[len + 1])) {
		n->fraction = s + len + 1;
		n->nfraction = strspn(n->fraction, "0123456789");
		len += 1 + n->nfraction;
	}
	n->len = len;
	return len;
}

/* Say a parsed number that begins at s. */
static void
spoken_add_at(struct spoken *sp, const char *s, const struct spoken_number *n)
{
	if (n->overflow)
		spoken_add_digits(sp, s, n->fraction != NULL ? (size_t)
		    (n->fraction - s) : n->len);
	else
		spoken_add_number(sp, n->value);
	if (n->fraction != NULL) {
		spoken_add_word(sp, SPOKEN_WORD(sp, "koma", "point"));
		spoken_add_digits(sp, n->fraction, n->nfraction);
	}
}

size_t
spoken_unit(const char *s, enum lang lang, int one, const char **words)
{
	size_t	 i, len;

	for (i = 0; i < sizeof spoken_units / sizeof spoken_units[0]; i++) {
		len = strlen(spoken_units[i].unit);
		if (strncmp(s, spoken_units[i].unit, len) == 0 &&
		    spoken_boundary(s + len)) {
			if (lang != LANG_EN)
				*words = spoken_units[i].id;
			else
				*words = one ? spoken_units[i].en_one :
				    spoken_units[i].en;
			return len;
		}
	}
	return 0;
}

/* "Rp30.000", "Rp 1.500.000,00": the amount in words, then "rupiah". */
size_t
spoken_money(struct spoken *sp, const char *s)
{
	struct spoken_number	 n;
	size_t			 skip;

	if (strncmp(s, "Rp", 2) != 0)
		return 0;
	skip = s[2] == ' ' ? 3 : 2;
	if (!spoken_digit(s[skip]) || spoken_number_parse(s + skip, sp->lang,
	    &n) == 0)
		return 0;
	if (n.fraction != NULL && strspn(n.fraction, "0") == n.nfraction)
		n.fraction = NULL;	/* ",00": no sen */
	spoken_add_at(sp, s + skip, &n);
	spoken_add_word(sp, "rupiah");
	return skip + n.len;
}

/* "ke-3" is "ketiga"; "3rd" is "third". */
size_t
spoken_ordinal(struct spoken *sp, const char *s)
{
	size_t	 digits, i;

	if (strncasecmp(s, "ke-", 3) == 0 && (digits = strspn(s + 3,
	    "0123456789")) > 0 && digits < 10 && spoken_boundary(s + 3 +
	    digits)) {
		spoken_add_owned(sp, words_ordinal(strtoull(s + 3, NULL, 10),
		    sp->lang));
		return 3 + digits;
	}
	if ((digits = strspn(s, "0123456789")) == 0 || digits >= 10)
		return 0;
	for (i = 0; spoken_ordinal_endings[i] != NULL; i++)
		if (strncmp(s + digits, spoken_ordinal_endings[i], 2) == 0 &&
		    spoken_boundary(s + digits + 2)) {
			spoken_add_owned(sp, words_ordinal(strtoull(s, NULL,
			    10), LANG_EN));
			return digits + 2;
		}
	return 0;
}

/* How many groups of digits joined by dashes are at s ("1234-5678-90")? */
static size_t
spoken_dashed_groups(const char *s)
{
	size_t	 groups = 0, len;

	while ((len = strspn(s, "0123456789")) > 0) {
		groups++;
		if (s[len] != '-')
			break;
		s += len + 1;
	}
	return groups;
}

/* Is the number at s an identifier, read digit by digit? Three groups
 * joined by dashes are a code; two are a range. */
static int
spoken_is_identifier(const struct spoken *sp, const char *s,
    const struct spoken_number *n)
{
	if (n->grouped || n->fraction != NULL)
		return 0;
	return sp->identifier > 0 || (s[0] == '0' && n->digits > 1) ||
	    n->digits > SPOKEN_NUMBER_DIGITS_MAX || spoken_dashed_groups(s) > 2;
}

/* An identifier: its digits, through the dashes that join its groups. */
static size_t
spoken_identifier(struct spoken *sp, const char *s)
{
	size_t	 len = 0;

	while (spoken_digit(s[len]) || (s[len] == '-' && len > 0 &&
	    spoken_digit(s[len + 1])))
		len++;
	spoken_add_digits(sp, s, len);
	/* "(0000) 123456": the next group is the same number's. */
	sp->identifier = SPOKEN_IDENTIFIER_WORDS - 1;
	return len;
}

/* What follows number n: "%", a unit, "x 6", a letter ("79A"); bytes. */
static size_t
spoken_number_suffix(struct spoken *sp, const char *s,
    const struct spoken_number *number)
{
	struct spoken_number	 n;
	const char		*words;
	size_t			 len, space = s[0] == ' ';

	if (s[space] == '%') {
		spoken_add_word(sp, SPOKEN_WORD(sp, "persen", "percent"));
		return space + 1;
	}
	if ((len = spoken_unit(s + space, sp->lang, number->value == 1 &&
	    number->fraction == NULL, &words)) > 0) {
		spoken_add_word(sp, words);
		return space + len;
	}
	if (space)
		return 0;
	if (s[0] == 'x' && spoken_number_parse(s + 1, sp->lang, &n) > 0) {
		spoken_add_word(sp, SPOKEN_WORD(sp, "kali", "by"));
		spoken_add_at(sp, s + 1, &n);
		return 1 + n.len + spoken_number_suffix(sp, s + 1 + n.len, &n);
	}
	if (isalpha((unsigned char)s[0]) && spoken_boundary(s + 1)) {
		spoken_add_letter(sp, s[0]);
		return 1;
	}
	return 0;
}

/* A number: an identifier's digits, or the number in words; a code
 * mixing digits and letters ("3F7K") one character at a time. */
size_t
spoken_number(struct spoken *sp, const char *s)
{
	struct spoken		 n_said = { NULL, 0, sp->start, sp->lang, 0 };
	struct spoken_number	 n;
	size_t			 len, token;

	if (!spoken_digit(s[0]) || (len = spoken_number_parse(s, sp->lang,
	    &n)) == 0)
		return 0;
	if (spoken_is_identifier(sp, s, &n))
		return spoken_identifier(sp, s);
	spoken_add_at(&n_said, s, &n);
	len += spoken_number_suffix(&n_said, s + len, &n);
	if (spoken_boundary(s + len)) {
		spoken_add_owned(sp, n_said.text);
		return len;
	}
	free(n_said.text);
	token = spoken_token(s);
	for (len = 0; len < token; len++)
		spoken_add_letter(sp, s[len]);
	sp->identifier = SPOKEN_IDENTIFIER_WORDS;
	return len;
}
