/* Numbers and letters as words, in Indonesian and English. */
#include "config.h"

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

char *
words_number(unsigned long n, enum lang lang)
{
	char		*phrase = NULL;
	unsigned	 thousands, rest;

	if (n == 0)
		return xstrdup(lang == LANG_EN ? "zero" : "nol");
	if (n > 999999)
		n = 999999;
	thousands = n / 1000;
	rest = n % 1000;
	if (thousands > 0) {
		if (lang == LANG_EN) {
			words_en_hundreds(&phrase, thousands);
			words_add(&phrase, "thousand");
		} else if (thousands == 1)
			words_add(&phrase, "seribu");
		else {
			words_id_hundreds(&phrase, thousands);
			words_add(&phrase, "ribu");
		}
	}
	if (rest > 0) {
		/* "one thousand and five", as "one hundred and five" */
		if (lang == LANG_EN && thousands > 0 && rest < 100)
			words_add(&phrase, "and");
		if (lang == LANG_EN)
			words_en_hundreds(&phrase, rest);
		else
			words_id_hundreds(&phrase, rest);
	}
	return phrase;
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
