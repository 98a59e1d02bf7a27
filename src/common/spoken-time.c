/* Dates and times as said: "Selasa, satu Desember dua ribu dua puluh
 * enam", "pukul sembilan lewat tiga puluh"; "nine thirty". */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/spoken-internal.h"
#include "common/spoken.h"
#include "common/words.h"
#include "common/xmalloc.h"

static const char *const spoken_months[2][12] = {
	{ "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	  "Agustus", "September", "Oktober", "November", "Desember" },
	{ "January", "February", "March", "April", "May", "June", "July",
	  "August", "September", "October", "November", "December" },
};

/* Days of the week: a date after one is set off by a comma. */
static const char *const spoken_days[] = {
	"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu",
	"Minggu", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday", "Sunday", NULL
};

/* Words after which a time needs no "pukul" of its own. */
static const char *const spoken_clock_words[] = {
	"pukul", "jam", NULL
};

/* The written forms of a date: the order of its parts, their marks. */
static const struct spoken_date_form {
	const char	*format;	/* for sscanf, with %n at the end */
	int		 year_first;
} spoken_date_forms[] = {
	{ "%4u-%2u-%2u%n", 1 },
	{ "%2u-%2u-%4u%n", 0 },
	{ "%2u/%2u/%4u%n", 0 },
	{ "%2u.%2u.%4u%n", 0 },
};

/* The date in words, without the day of the week. */
static char *
spoken_date_words(unsigned year, unsigned month, unsigned day,
    enum lang lang)
{
	char	*d, *y, *text;

	y = words_year(year, lang);
	if (lang == LANG_EN) {
		d = words_ordinal(day, lang);
		text = xasprintf("the %s of %s %s", d,
		    spoken_months[1][month - 1], y);
	} else {
		d = words_number(day, lang);
		text = xasprintf("%s %s %s", d, spoken_months[0][month - 1],
		    y);
	}
	free(d);
	free(y);
	return text;
}

char *
spoken_date(const char *date, enum lang lang)
{
	unsigned	 y, m, d;
	int		 end = 0;

	if (sscanf(date, "%4u-%2u-%2u%n", &y, &m, &d, &end) != 3 ||
	    end != 10 || date[end] != '\0' || m < 1 || m > 12 || d < 1 ||
	    d > 31)
		return xstrdup(date);
	return spoken_date_words(y, m, d, lang);
}

/* Do the n bytes at s hold only digits and the marks of a date? */
static int
spoken_date_shape(const char *s, size_t n)
{
	return strspn(s, "0123456789-/.") >= n;
}

/* "2026-12-01", "01-12-2026", "01/12/2026", "1.12.2026". */
size_t
spoken_date_rule(struct spoken *sp, const char *s)
{
	unsigned	 a, b, c, y, m, d;
	int		 end;
	size_t		 i;

	for (i = 0; i < sizeof spoken_date_forms / sizeof spoken_date_forms[0];
	    i++) {
		end = 0;
		if (sscanf(s, spoken_date_forms[i].format, &a, &b, &c, &end) !=
		    3 || end < 8 || !spoken_date_shape(s, end) ||
		    !spoken_boundary(s + end) || s[end] == '-' ||
		    s[end] == '/')
			continue;
		y = spoken_date_forms[i].year_first ? a : c;
		m = b;
		d = spoken_date_forms[i].year_first ? c : a;
		if (m < 1 || m > 12 || d < 1 || d > 31)
			continue;
		if (spoken_last_word_in(sp, spoken_days) &&
		    sp->text[sp->len - 1] != ',')
			spoken_add(sp, ",", 1);
		spoken_add_owned(sp, spoken_date_words(y, m, d, sp->lang));
		return end;
	}
	return 0;
}

/* The hour and minute in words: "pukul sembilan lewat lima", "nine oh
 * five", "eleven o'clock". */
static void
spoken_clock(struct spoken *sp, unsigned hour, unsigned minute)
{
	if (sp->lang != LANG_EN) {
		if (!spoken_last_word_in(sp, spoken_clock_words))
			spoken_add_word(sp, "pukul");
		spoken_add_number(sp, hour);
		if (minute > 0) {
			spoken_add_word(sp, "lewat");
			spoken_add_number(sp, minute);
		}
		return;
	}
	/* English says the afternoon on a twelve-hour clock: "three p.m.". */
	spoken_add_number(sp, hour > 12 ? hour - 12 : hour);
	if (minute == 0 && hour <= 12)
		spoken_add_word(sp, "o'clock");
	else if (minute > 0) {
		if (minute < 10)
			spoken_add_word(sp, "oh");
		spoken_add_number(sp, minute);
	}
	if (hour > 12)
		spoken_add_word(sp, "p.m.");
}

/* "11:00", "09.30", "8:05": a time of day. In English "9.30" is a
 * decimal; "09.30" a time. */
size_t
spoken_time(struct spoken *sp, const char *s)
{
	size_t		 hour = strspn(s, "0123456789");
	const char	*m = s + hour + 1;

	if (hour < 1 || hour > 2 || (s[hour] != ':' && s[hour] != '.') ||
	    strspn(m, "0123456789") != 2 || (s[hour] == '.' &&
	    sp->lang == LANG_EN && hour != 2))
		return 0;
	if (atoi(s) > 23 || atoi(m) > 59 || (m[2] == s[hour] &&
	    m[3] >= '0' && m[3] <= '9' && s[hour] == '.'))
		return 0;
	spoken_clock(sp, (unsigned)atoi(s), (unsigned)atoi(m));
	if (s[hour] == ':' && m[2] == ':' && strspn(m + 3, "0123456789") ==
	    2)
		return hour + 6;	/* seconds are not said */
	return hour + 3;
}
