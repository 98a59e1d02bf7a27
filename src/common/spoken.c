/* Text as a listener can follow it: numbers, codes, money, dates. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/spoken.h"
#include "common/words.h"
#include "common/xmalloc.h"

/* Abbreviations said letter by letter (KTP-el: "ka te pe el"). */
static const char *const spoken_abbreviations[] = {
	"BPJS", "KTP-el", "KTP", "KIA", "KK", "KUA", "NIB", "NIK", "NPWP",
	"OSS", "PBB-P2", "PBB", "PBG", "SKCK", "SKPWNI", "SMS", "SPPT", "UU",
	"WIB", "WITA", "WIT", NULL
};

static const char *const spoken_months[2][12] = {
	{ "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	  "Agustus", "September", "Oktober", "November", "Desember" },
	{ "January", "February", "March", "April", "May", "June", "July",
	  "August", "September", "October", "November", "December" },
};

/* A growing phrase, words separated by single spaces. */
struct spoken_buffer {
	char	*text;
	size_t	 len;
};

static void
spoken_add(struct spoken_buffer *b, const char *word, size_t len)
{
	if (len == 0)
		return;
	b->text = xreallocarray(b->text, b->len + len + 2, 1);
	/* One space between words; ".,;:!?)" keep to the word before,
	 * "(" to the word after. */
	if (b->len > 0 && strchr(".,;:!?)", word[0]) == NULL &&
	    b->text[b->len - 1] != '(')
		b->text[b->len++] = ' ';
	memcpy(b->text + b->len, word, len);
	b->len += len;
	b->text[b->len] = '\0';
}

static void
spoken_add_owned(struct spoken_buffer *b, char *word)
{
	spoken_add(b, word, strlen(word));
	free(word);
}

/* A letter or digit as said alone. */
static const char *
spoken_character(char c, enum lang lang, char digit[2])
{
	static const char *const id[] = { "nol", "satu", "dua", "tiga",
	    "empat", "lima", "enam", "tujuh", "delapan", "sembilan" };
	static const char *const en[] = { "zero", "one", "two", "three",
	    "four", "five", "six", "seven", "eight", "nine" };

	if (c >= '0' && c <= '9')
		return lang == LANG_EN ? en[c - '0'] : id[c - '0'];
	if (c >= 'a' && c <= 'z')
		c = c - 'a' + 'A';
	if (c >= 'A' && c <= 'Z') {
		const char *name = words_letter(c, lang);

		/* Vowels are said as themselves: a lower-case word. */
		if (name[0] >= 'A' && name[0] <= 'Z' && name[1] == '\0') {
			digit[0] = name[0] - 'A' + 'a';
			digit[1] = '\0';
			return digit;
		}
		return name;
	}
	return "";
}

char *
spoken_spell(const char *s, enum lang lang)
{
	struct spoken_buffer	 b = { NULL, 0 };
	const char		*word;
	char			 one[2];

	for (; *s != '\0'; s++) {
		word = spoken_character(*s, lang, one);
		if (*word != '\0')
			spoken_add(&b, word, strlen(word));
	}
	return b.text != NULL ? b.text : xstrdup("");
}

char *
spoken_date(const char *date, enum lang lang)
{
	int	 y, m, d;
	char	*day, *year, *text;

	if (strlen(date) != 10 || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return xstrdup(date);
	day = words_number(d, lang);
	year = words_number(y, lang);
	text = xasprintf("%s %s %s", day, spoken_months[lang == LANG_EN][m - 1],
	    year);
	free(day);
	free(year);
	return text;
}

/* Rp30.000 or Rp 30.000,00: the amount in words and "rupiah". */
static size_t
spoken_money(struct spoken_buffer *b, const char *s, enum lang lang)
{
	const char	*p = s + 2;
	unsigned long	 amount = 0;
	int		 digits = 0;

	if (*p == ' ')
		p++;
	for (; (*p >= '0' && *p <= '9') || (*p == '.' && digits > 0); p++) {
		if (*p == '.')
			continue;
		if (amount < 100000000000UL)
			amount = amount * 10 + (*p - '0');
		digits++;
	}
	if (digits == 0)
		return 0;
	if (*p == ',' && p[1] == '0' && p[2] == '0')	/* ",00" */
		p += 3;
	spoken_add_owned(b, words_number(amount, lang));
	spoken_add(b, "rupiah", 6);
	return p - s;
}

/* Is s at a word start, holding abbreviation a and then a boundary? */
static size_t
spoken_abbreviation(const char *s)
{
	size_t	 i, len;

	for (i = 0; spoken_abbreviations[i] != NULL; i++) {
		len = strlen(spoken_abbreviations[i]);
		if (strncmp(s, spoken_abbreviations[i], len) == 0 &&
		    !isalnum((unsigned char)s[len]))
			return len;
	}
	return 0;
}

/* How long is the run of letters, digits and dashes at s? */
static size_t
spoken_token(const char *s)
{
	size_t	 n = 0;

	/* A hyphen joins a code; an apostrophe a word, as in "Jum'at". */
	while (isalnum((unsigned char)s[n]) || (s[n] == '-' &&
	    isalnum((unsigned char)s[n + 1])) || (n > 0 && s[n] == '\'' &&
	    isalpha((unsigned char)s[n - 1]) && isalpha((unsigned char)s[n + 1])))
		n++;
	return n;
}

/* Read a token: a ticket, a date, a long number, a code or a word. */
static void
spoken_word(struct spoken_buffer *b, const char *s, size_t n, enum lang lang)
{
	char	*copy = xstrndup(s, n);
	size_t	 digits = strspn(copy, "0123456789");

	if (n >= 3 && n <= 5 && isupper((unsigned char)copy[0]) &&
	    copy[1] == '-' && strspn(copy + 2, "0123456789") == n - 2) {
		/* A ticket: the letter, then the number ("A dua belas"). */
		char		 one[2];
		const char	*letter = spoken_character(copy[0], lang, one);

		spoken_add(b, letter, strlen(letter));
		spoken_add_owned(b, words_number(strtoul(copy + 2, NULL, 10),
		    lang));
	} else if (n == 10 && copy[4] == '-' && copy[7] == '-' &&
	    strspn(copy, "0123456789-") == 10)
		spoken_add_owned(b, spoken_date(copy, lang));
	else if (digits == n && n > 4)
		/* A NIK, a phone number: digit by digit. */
		spoken_add_owned(b, spoken_spell(copy, lang));
	else if (digits == n)
		spoken_add_owned(b, words_number(strtoul(copy, NULL, 10),
		    lang));
	else if (digits > 0 || (strchr(copy, '-') != NULL &&
	    strspn(copy, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == n))
		/* A code mixing letters and digits: one at a time. */
		spoken_add_owned(b, spoken_spell(copy, lang));
	else
		spoken_add(b, copy, n);
	free(copy);
}

char *
spoken_text(const char *s, enum lang lang)
{
	struct spoken_buffer	 b = { NULL, 0 };
	const char		*start = s;
	char			*part;
	size_t			 n;
	int			 at_word;

	while (*s != '\0') {
		at_word = s == start || !isalnum((unsigned char)s[-1]);
		if (at_word && strncmp(s, "Rp", 2) == 0 &&
		    (n = spoken_money(&b, s, lang)) > 0) {
			s += n;
			continue;
		}
		if (at_word && (n = spoken_abbreviation(s)) > 0) {
			part = xstrndup(s, n);
			spoken_add_owned(&b, spoken_spell(part, lang));
			free(part);
			s += n;
			continue;
		}
		if ((n = spoken_token(s)) > 0) {
			spoken_word(&b, s, n, lang);
			s += n;
			continue;
		}
		if (*s != ' ')
			spoken_add(&b, s, 1);
		s++;
	}
	return b.text != NULL ? b.text : xstrdup("");
}
