/* Numbers and letters as words, in Indonesian and English. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/words.h"
#include "common/xmalloc.h"

static const char *const words_id_units[] = {
	"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh",
	"delapan", "sembilan", "sepuluh", "sebelas"
};

static const char *const words_en_units[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
	"fifteen", "sixteen", "seventeen", "eighteen", "nineteen"
};

static const char *const words_en_tens[] = {
	"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
	"eighty", "ninety"
};

/* Indonesian letter names; vowels are said as themselves. */
static const char *const words_id_letters[26] = {
	"A", "be", "ce", "de", "E", "ef", "ge", "ha", "I", "je", "ka", "el",
	"em", "en", "O", "pe", "ki", "er", "es", "te", "U", "ve", "we", "eks",
	"ye", "zet"
};

static const char *const words_en_letters[26] = {
	"A", "bee", "see", "dee", "E", "ef", "gee", "aitch", "I", "jay", "kay",
	"el", "em", "en", "O", "pee", "cue", "ar", "ess", "tee", "U", "vee",
	"double-u", "ex", "why", "zed"
};

/* Append a word to a growing phrase, with one space between words. */
static void
words_add(char **phrase, const char *word)
{
	char	*joined;

	if (*word == '\0')
		return;
	if (*phrase == NULL) {
		*phrase = xstrdup(word);
		return;
	}
	joined = xasprintf("%s %s", *phrase, word);
	free(*phrase);
	*phrase = joined;
}

/* 1 to 999 in Indonesian. */
static void
words_id_hundreds(char **phrase, unsigned n)
{
	if (n >= 100) {
		if (n / 100 == 1)
			words_add(phrase, "seratus");
		else {
			words_add(phrase, words_id_units[n / 100]);
			words_add(phrase, "ratus");
		}
		n %= 100;
	}
	if (n == 0)
		return;
	if (n < 12)
		words_add(phrase, words_id_units[n]);
	else if (n < 20) {
		words_add(phrase, words_id_units[n % 10]);
		words_add(phrase, "belas");
	} else {
		words_add(phrase, words_id_units[n / 10]);
		words_add(phrase, "puluh");
		if (n % 10 != 0)
			words_add(phrase, words_id_units[n % 10]);
	}
}

/* 1 to 999 in English ("one hundred and one", "twenty-one"). */
static void
words_en_hundreds(char **phrase, unsigned n)
{
	char	*tens;

	if (n >= 100) {
		words_add(phrase, words_en_units[n / 100]);
		words_add(phrase, "hundred");
		n %= 100;
		if (n != 0)
			words_add(phrase, "and");
	}
	if (n == 0)
		return;
	if (n < 20)
		words_add(phrase, words_en_units[n]);
	else if (n % 10 == 0)
		words_add(phrase, words_en_tens[n / 10]);
	else {
		tens = xasprintf("%s-%s", words_en_tens[n / 10],
		    words_en_units[n % 10]);
		words_add(phrase, tens);
		free(tens);
	}
}

/* The scales of a long number, largest first. */
static const struct words_scale {
	unsigned long long	 value;
	const char		*id;
	const char		*en;
} words_scales[] = {
	{ 1000000000000000000ULL, "kuintiliun", "quintillion" },
	{ 1000000000000000ULL, "kuadriliun", "quadrillion" },
	{ 1000000000000ULL, "triliun", "trillion" },
	{ 1000000000ULL, "miliar", "billion" },
	{ 1000000ULL, "juta", "million" },
	{ 1000ULL, "ribu", "thousand" },
};

/* One group of three digits and its scale: "dua ratus ribu", "seribu". */
static void
words_group(char **phrase, unsigned group, const struct words_scale *scale,
    enum lang lang)
{
	if (lang == LANG_EN) {
		words_en_hundreds(phrase, group);
		words_add(phrase, scale->en);
	} else if (group == 1 && scale->value == 1000)
		words_add(phrase, "seribu");
	else {
		words_id_hundreds(phrase, group);
		words_add(phrase, scale->id);
	}
}

char *
words_number(unsigned long long n, enum lang lang)
{
	char		*phrase = NULL;
	unsigned	 group, rest;
	size_t		 i;

	if (n == 0)
		return xstrdup(lang == LANG_EN ? "zero" : "nol");
	for (i = 0; i < sizeof words_scales / sizeof words_scales[0]; i++) {
		group = (unsigned)(n / words_scales[i].value % 1000);
		if (group > 0)
			words_group(&phrase, group, &words_scales[i], lang);
	}
	rest = (unsigned)(n % 1000);
	if (rest > 0) {
		/* "one thousand and five", as "one hundred and five" */
		if (lang == LANG_EN && phrase != NULL && rest < 100)
			words_add(&phrase, "and");
		if (lang == LANG_EN)
			words_en_hundreds(&phrase, rest);
		else
			words_id_hundreds(&phrase, rest);
	}
	return phrase;
}

char *
words_year(unsigned long long year, enum lang lang)
{
	char		*century, *rest, *text;
	unsigned	 y = (unsigned)(year % 100);

	/* English says 1983 in pairs; other years, and Indonesian, whole. */
	if (lang != LANG_EN || year < 1100 || year > 1999)
		return words_number(year, lang);
	century = words_number(year / 100, lang);
	if (y == 0)
		text = xasprintf("%s hundred", century);
	else {
		rest = words_number(y, lang);
		text = xasprintf("%s %s%s", century, y < 10 ? "oh " : "", rest);
		free(rest);
	}
	free(century);
	return text;
}

/* English ordinals that are not the cardinal and "th". */
static const char *const words_en_ordinals[][2] = {
	{ "one", "first" }, { "two", "second" }, { "three", "third" },
	{ "five", "fifth" }, { "eight", "eighth" }, { "nine", "ninth" },
	{ "twelve", "twelfth" },
};

/* The English ordinal of a cardinal's last word ("twenty-one"). */
static char *
words_en_ordinal(char *cardinal)
{
	char	*last = cardinal, *p, *text;
	size_t	 i, len;

	for (p = cardinal; *p != '\0'; p++)
		if (*p == ' ' || *p == '-')
			last = p + 1;
	len = last - cardinal;
	for (i = 0; i < sizeof words_en_ordinals / sizeof words_en_ordinals[0];
	    i++) {
		if (strcmp(last, words_en_ordinals[i][0]) == 0) {
			text = xasprintf("%.*s%s", (int)len, cardinal,
			    words_en_ordinals[i][1]);
			free(cardinal);
			return text;
		}
	}
	if (last[strlen(last) - 1] == 'y')	/* twenty: twentieth */
		text = xasprintf("%.*sieth", (int)strlen(cardinal) - 1,
		    cardinal);
	else
		text = xasprintf("%sth", cardinal);
	free(cardinal);
	return text;
}

char *
words_ordinal(unsigned long long n, enum lang lang)
{
	char	*cardinal = words_number(n, lang), *text;

	if (lang == LANG_EN)
		return words_en_ordinal(cardinal);
	if (n == 1)
		text = xstrdup("pertama");
	else	/* "ke" joins the first word: "kedua puluh satu" */
		text = xasprintf("ke%s", cardinal);
	free(cardinal);
	return text;
}

/* Words that begin a number beside the units and tens. */
static const char *const words_id_number_words[] = {
	"seratus", "seribu", NULL
};
static const char *const words_en_number_words[] = {
	"hundred", "thousand", "million", "billion", "trillion", NULL
};

/* Is word (len bytes) one of the list? */
static int
words_in(const char *word, size_t len, const char *const *list, size_t n)
{
	size_t	 i;

	for (i = 0; i < n && list[i] != NULL; i++)
		if (strlen(list[i]) == len && strncmp(word, list[i], len) == 0)
			return 1;
	return 0;
}

int
words_is_number(const char *word, size_t len, enum lang lang)
{
	const char	*dash = memchr(word, '-', len);

	if (lang != LANG_EN)
		return words_in(word, len, words_id_units, 12) ||
		    words_in(word, len, words_id_number_words, SIZE_MAX);
	if (dash != NULL)	/* "twenty-one" */
		len = dash - word;
	return words_in(word, len, words_en_units, 20) ||
	    words_in(word, len, words_en_tens + 2, 8) ||
	    words_in(word, len, words_en_number_words, SIZE_MAX);
}

const char *
words_letter(char letter, enum lang lang)
{
	if (letter < 'A' || letter > 'Z')
		return "";
	return lang == LANG_EN ? words_en_letters[letter - 'A'] :
	    words_id_letters[letter - 'A'];
}

char *
words_call(char letter, unsigned number, unsigned counter, enum lang lang)
{
	char	*n, *c, *text;

	n = words_number(number, lang);
	c = words_number(counter, lang);
	if (lang == LANG_EN)
		text = xasprintf("Ticket %s %s, please go to counter %s",
		    words_letter(letter, lang), n, c);
	else
		text = xasprintf("Nomor antrean %s %s, silakan menuju loket %s",
		    words_letter(letter, lang), n, c);
	free(n);
	free(c);
	return text;
}
