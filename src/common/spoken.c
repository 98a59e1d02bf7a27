/* Text as a listener can follow it: the phrase, words, marks and codes. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/spoken-internal.h"
#include "common/spoken.h"
#include "common/words.h"
#include "common/xmalloc.h"

/* Vowels said alone, as a letter and not as a word ("a" is "uh" in
 * English). */
static const char *const spoken_vowels[2][5] = {
	{ "a", "e", "i", "o", "u" },
	{ "eh", "e", "i", "o", "u" },
};

/* Marks said as words. */
static const struct spoken_mark {
	char		 mark;
	const char	*id;
	const char	*en;
} spoken_marks[] = {
	{ '%', "persen", "percent" },
	{ '&', "dan", "and" },
	{ '@', "et", "at" },
	{ '+', "plus", "plus" },
	{ '=', "sama dengan", "equals" },
	{ '*', "bintang", "star" },
	{ '#', "pagar", "hash" },
};

/* Characters of more than one byte that are marks, not letters: dashes,
 * the ellipsis, quotation marks, the bullet, the no-break space. */
static const char *const spoken_utf8_marks[] = {
	"\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\xa6", "\xe2\x80\x9c",
	"\xe2\x80\x9d", "\xc2\xab", "\xc2\xbb", "\xe2\x80\xa2", "\xc2\xa0",
	NULL
};

#define SPOKEN_EN_DASH	"\xe2\x80\x93"

/* Words before a ticket's letter and number. */
static const char *const spoken_ticket_words[] = {
	"ticket", "tiket", "number", "nomor", "antrean", "queue", "calling",
	"panggilan", NULL
};

void
spoken_add(struct spoken *sp, const char *word, size_t len)
{
	if (len == 0)
		return;
	sp->text = xreallocarray(sp->text, sp->len + len + 2, 1);
	if (sp->len > 0 && strchr(".,;:!?)", word[0]) == NULL &&
	    sp->text[sp->len - 1] != '(')
		sp->text[sp->len++] = ' ';
	memcpy(sp->text + sp->len, word, len);
	sp->len += len;
	sp->text[sp->len] = '\0';
}

/* Append c to the last word, with no space. */
static void
spoken_attach(struct spoken *sp, char c)
{
	sp->text = xreallocarray(sp->text, sp->len + 2, 1);
	sp->text[sp->len++] = c;
	sp->text[sp->len] = '\0';
}

void
spoken_add_word(struct spoken *sp, const char *word)
{
	spoken_add(sp, word, strlen(word));
}

void
spoken_add_owned(struct spoken *sp, char *word)
{
	spoken_add(sp, word, strlen(word));
	free(word);
}

void
spoken_add_number(struct spoken *sp, unsigned long long n)
{
	spoken_add_owned(sp, words_number(n, sp->lang));
}

void
spoken_add_digits(struct spoken *sp, const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9')
			spoken_add_number(sp, (unsigned long long)(s[i] - '0'));
}

/* A letter or digit as said alone; "" for anything else. */
static const char *
spoken_character(char c, enum lang lang)
{
	const char	*name;

	if (c >= '0' && c <= '9')
		return NULL;
	if (c >= 'a' && c <= 'z')
		c = c - 'a' + 'A';
	if (c < 'A' || c > 'Z')
		return "";
	name = words_letter(c, lang);
	/* Vowels are said as themselves. */
	if (name[1] == '\0')
		return spoken_vowels[lang == LANG_EN][strchr("AEIOU", c) -
		    "AEIOU"];
	return name;
}

void
spoken_add_letter(struct spoken *sp, char c)
{
	const char	*name = spoken_character(c, sp->lang);

	if (name == NULL)
		spoken_add_digits(sp, &c, 1);
	else
		spoken_add_word(sp, name);
}

int
spoken_last_word_in(const struct spoken *sp, const char *const *list)
{
	size_t	 end = sp->len, start;

	while (end > 0 && strchr(" ,.", sp->text[end - 1]) != NULL)
		end--;
	start = end;
	while (start > 0 && sp->text[start - 1] != ' ')
		start--;
	for (; *list != NULL; list++)
		if (strlen(*list) == end - start &&
		    strncasecmp(sp->text + start, *list, end - start) == 0)
			return 1;
	return 0;
}

/* Bytes of the valid UTF-8 character at s, or 0 if it is not one. */
static size_t
spoken_utf8_length(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 n, i;

	if (u[0] < 0x80)
		return u[0] != '\0';
	if (u[0] >= 0xc2 && u[0] <= 0xdf)
		n = 2;
	else if (u[0] >= 0xe0 && u[0] <= 0xef)
		n = 3;
	else if (u[0] >= 0xf0 && u[0] <= 0xf4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((u[i] & 0xc0) != 0x80)
			return 0;
	/* Overlong forms, surrogates and past U+10FFFF are not text. */
	if ((u[0] == 0xe0 && u[1] < 0xa0) || (u[0] == 0xed && u[1] >= 0xa0) ||
	    (u[0] == 0xf0 && u[1] < 0x90) || (u[0] == 0xf4 && u[1] >= 0x90))
		return 0;
	return n;
}

/* Bytes of the letter or digit of any script at s, or 0. */
static size_t
spoken_letter_length(const char *s)
{
	size_t	 n, i;

	if (isalnum((unsigned char)*s))
		return 1;
	if ((unsigned char)*s < 0x80 || (n = spoken_utf8_length(s)) == 0)
		return 0;
	for (i = 0; spoken_utf8_marks[i] != NULL; i++)
		if (strncmp(s, spoken_utf8_marks[i], n) == 0)
			return 0;
	return n;
}

int
spoken_boundary(const char *s)
{
	return spoken_letter_length(s) == 0;
}

size_t
spoken_token(const char *s)
{
	size_t	 n = 0, k;

	for (;;) {
		if ((k = spoken_letter_length(s + n)) > 0)
			n += k;
		/* A hyphen joins a code; an apostrophe a word ("Jum'at"). */
		else if (n > 0 && (s[n] == '-' || s[n] == '\'') &&
		    spoken_letter_length(s + n + 1) > 0 &&
		    (s[n] == '-' || isalpha((unsigned char)s[n - 1])))
			n++;
		else
			return n;
	}
}

char *
spoken_spell(const char *s, enum lang lang)
{
	struct spoken	 sp = { NULL, 0, s, lang, 0 };
	size_t		 n;

	for (; *s != '\0'; s += n > 0 ? n : 1) {
		n = spoken_letter_length(s);
		if (isalnum((unsigned char)*s))
			spoken_add_letter(&sp, *s);
		else if (n > 1)		/* "é", "ꦗ": as they are */
			spoken_add(&sp, s, n);
	}
	return sp.text != NULL ? sp.text : xstrdup("");
}

/* Is the word at s (len bytes) a number, in digits or in words? */
static int
spoken_is_number(const char *s, size_t len, enum lang lang)
{
	return isdigit((unsigned char)*s) || words_is_number(s, len, lang);
}

/* Is "A 12" at s a ticket: after a word naming one ("Ticket A 12"), or
 * the number ends the phrase ("Your number is A 12.")? Not "A 5 day
 * course", nor "A hundred people". */
static int
spoken_is_ticket(const struct spoken *sp, const char *s)
{
	size_t	 next;

	if (s[1] != ' ' || (next = spoken_token(s + 2)) == 0 ||
	    !spoken_is_number(s + 2, next, sp->lang))
		return 0;
	return spoken_last_word_in(sp, spoken_ticket_words) ||
	    strchr(".,;:!?)", s[2 + next]) != NULL;
}

/* A ticket: "A-012", "A 12", "A twelve": the letter by its name. */
static size_t
spoken_ticket(struct spoken *sp, const char *s)
{
	size_t	 digits;

	if (!isupper((unsigned char)s[0]))
		return 0;
	if (s[1] == '-' && (digits = strspn(s + 2, "0123456789")) >= 1 &&
	    digits <= 4 && spoken_boundary(s + 2 + digits)) {
		spoken_add_letter(sp, s[0]);
		spoken_add_number(sp, strtoull(s + 2, NULL, 10));
		return 2 + digits;
	}
	if (!spoken_is_ticket(sp, s))
		return 0;
	spoken_add_letter(sp, s[0]);
	return 1;
}

/* A word: a code mixing letters and digits one character at a time,
 * any other word as it is, in whatever script. */
static size_t
spoken_word(struct spoken *sp, const char *s)
{
	size_t	 n = spoken_token(s), i, digits = 0, upper = 0;

	for (i = 0; i < n; i++) {
		digits += isdigit((unsigned char)s[i]) != 0;
		upper += isupper((unsigned char)s[i]) || isdigit((unsigned
		    char)s[i]) || s[i] == '-';
	}
	if (digits > 0 || (memchr(s, '-', n) != NULL && upper == n)) {
		for (i = 0; i < n; i++)
			spoken_add_letter(sp, s[i]);
		if (digits > 0)
			sp->identifier = SPOKEN_IDENTIFIER_WORDS;
	} else
		spoken_add(sp, s, n);
	return n;
}

/* At the start of a word, in this order: the first that reads wins. */
static const spoken_rule spoken_rules[] = {
	spoken_money, spoken_date_rule, spoken_time, spoken_legal,
	spoken_ordinal, spoken_expansion, spoken_abbreviation, spoken_roman,
	spoken_ticket, spoken_number, spoken_word
};

/* The previous and next characters that are not spaces, or '\0'. */
static char
spoken_before(const struct spoken *sp, const char *s)
{
	while (s > sp->start && s[-1] == ' ')
		s--;
	return s > sp->start ? s[-1] : '\0';
}

static char
spoken_after(const char *s)
{
	while (*s == ' ')
		s++;
	return *s;
}

/* Does a number, or an amount of money, follow s? */
static int
spoken_number_follows(const char *s)
{
	while (*s == ' ')
		s++;
	if (strncmp(s, "Rp", 2) == 0)
		s += s[2] == ' ' ? 3 : 2;
	return isdigit((unsigned char)*s);
}

/* Is the mark at s (len bytes) between two numbers, as in "1-3"? */
static int
spoken_between_numbers(const struct spoken *sp, const char *s, size_t len)
{
	return isdigit((unsigned char)spoken_before(sp, s)) &&
	    spoken_number_follows(s + len);
}

/* A mark between words: a pause, a word, or itself. */
static size_t
spoken_mark(struct spoken *sp, const char *s)
{
	size_t	 i, n;

	for (i = 0; i < sizeof spoken_marks / sizeof spoken_marks[0]; i++)
		if (s[0] == spoken_marks[i].mark) {
			spoken_add_word(sp, SPOKEN_WORD(sp, spoken_marks[i].id,
			    spoken_marks[i].en));
			return 1;
		}
	switch (s[0]) {
	case ':':	/* a label's end: a pause, never the mark */
		spoken_add_word(sp, spoken_after(s + 1) == '\0' ? "." : ",");
		return 1;
	case '/':
		spoken_add_word(sp, isdigit((unsigned char)spoken_before(sp,
		    s)) ? "per" : SPOKEN_WORD(sp, "atau", "or"));
		return 1;
	case '-':	/* "1-3": a range; "5-day": a space; " - ": a pause */
		if (spoken_between_numbers(sp, s, 1))
			spoken_add_word(sp, SPOKEN_WORD(sp, "sampai", "to"));
		else if (s == sp->start || !isalnum((unsigned char)s[-1]) ||
		    !isalnum((unsigned char)s[1]))
			spoken_add_word(sp, ",");
		return 1;
	case '.':	/* "lapor.go.id" */
		if (s > sp->start && isalnum((unsigned char)s[-1]) &&
		    isalnum((unsigned char)s[1]))
			spoken_add_word(sp, SPOKEN_WORD(sp, "titik", "dot"));
		else
			spoken_add(sp, s, 1);
		return 1;
	case '\'':	/* "parents' book": the apostrophe keeps to its word */
		if (s > sp->start && isalpha((unsigned char)s[-1]))
			spoken_attach(sp, s[0]);
		else
			spoken_add(sp, s, 1);
		return 1;
	case '\n':	/* a line ends a sentence */
		if (sp->len > 0 && strchr(".!?", sp->text[sp->len - 1]) ==
		    NULL)
			spoken_add(sp, ".", 1);
		return 1;
	}
	if (strncmp(s, SPOKEN_EN_DASH, 3) == 0 &&
	    spoken_between_numbers(sp, s, 3)) {
		spoken_add_word(sp, SPOKEN_WORD(sp, "sampai", "to"));
		return 3;
	}
	if ((n = spoken_utf8_length(s)) > 1 || (n == 1 && isgraph((unsigned
	    char)*s)))
		spoken_add(sp, s, n);	/* ".", "(", "—": as they are */
	return n > 0 ? n : 1;	/* a control or a broken byte: dropped */
}

/* Read a word at s with the rules; the digits of an identifier keep to
 * the few words after its name. */
static size_t
spoken_read_word(struct spoken *sp, const char *s)
{
	size_t	 i, n = 0, token = spoken_token(s);
	int	 names = spoken_names_identifier(s, token);

	for (i = 0; n == 0 && i < sizeof spoken_rules / sizeof spoken_rules[0];
	    i++)
		n = spoken_rules[i](sp, s);
	if (names)
		sp->identifier = SPOKEN_IDENTIFIER_WORDS;
	else if (sp->identifier > 0)
		sp->identifier--;
	return n;
}

char *
spoken_text(const char *s, enum lang lang)
{
	struct spoken	 sp = { NULL, 0, s, lang, 0 };

	while (*s != '\0') {
		if (*s == ' ' || *s == '\t' || *s == '\r')
			s++;
		else if (spoken_letter_length(s) > 0)
			s += spoken_read_word(&sp, s);
		else
			s += spoken_mark(&sp, s);
	}
	return sp.text != NULL ? sp.text : xstrdup("");
}
