/* Unit tests: opening hours, breaks, holidays and Indonesian time zones. */
#include "config.h"

#include <locale.h>
#include <time.h>

#include "unit.h"
#include "office/schedule.h"

/* The office of the examples: a half day on Saturday, Friday prayer. */
#define ZONE		"WIB"
#define HOURS		"mon-thu 08:00-15:00, fri 08:00-15:30, " \
			"sat 08:00-12:00"
#define HOURS_NO_SAT	"mon-thu 08:00-15:00, fri 08:00-15:30"
#define BREAKS		"mon-thu 12:00-13:00, fri 11:30-13:00"
#define HOLIDAYS	"2026-12-25, 2027-01-01"

#define HOUR		3600
#define DAY		86400

/* A UTC instant from its calendar fields. */
static time_t
utc(int year, int month, int day, int hour, int minute)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = minute;
	return timegm(&tm);
}

/* An instant given as a WIB (UTC+7) wall-clock time. */
static time_t
wib(int year, int month, int day, int hour, int minute)
{
	return utc(year, month, day, hour, minute) - 7 * HOUR;
}

/* An instant given as a WIT (UTC+9) wall-clock time. */
static time_t
wit(int year, int month, int day, int hour, int minute)
{
	return utc(year, month, day, hour, minute) - 9 * HOUR;
}

/* Parse, failing the test with the cause if it does not. */
static void
parse_ok(struct schedule *s, const char *zone, const char *hours,
    const char *breaks, const char *holidays)
{
	char	*cause = NULL;

	if (schedule_parse(s, zone, hours, breaks, holidays, &cause) != 0)
		fail_msg("unexpected error: %s", cause);
	assert_null(cause);
}

/* Parsing must fail, leave nothing behind, and give a cause holding a, b, c. */
static void
assert_parse_error(const char *zone, const char *hours, const char *breaks,
    const char *holidays, const char *a, const char *b, const char *c)
{
	struct schedule	 s;
	char		*cause = NULL;

	if (schedule_parse(&s, zone, hours, breaks, holidays, &cause) != -1)
		fail_msg("parsed, but should not: %s | %s | %s | %s", zone,
		    hours, breaks, holidays);
	assert_non_null(cause);
	if (strstr(cause, a) == NULL || (b != NULL && strstr(cause, b) ==
	    NULL) || (c != NULL && strstr(cause, c) == NULL))
		fail_msg("\"%s\" lacks \"%s\", \"%s\" or \"%s\"", cause, a,
		    b != NULL ? b : "", c != NULL ? c : "");
	assert_null(s.hours);
	assert_null(s.breaks);
	assert_null(s.holidays);
	assert_int_equal(s.nhours + s.nbreaks + s.nholidays, 0);
	free(cause);
}

/* The span for a weekday, or NULL. */
static const struct schedule_span *
find_span(const struct schedule_span *v, size_t n, int day)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (v[i].day == day)
			return &v[i];
	}
	return NULL;
}

static void
test_parse_valid(void **state)
{
	struct schedule			 s;
	const struct schedule_span	*h;
	int				 day;

	(void)state;
	parse_ok(&s, ZONE, HOURS, BREAKS, HOLIDAYS);
	assert_int_equal(s.offset, 7 * HOUR);
	assert_string_equal(s.zone, "WIB");
	assert_int_equal(s.nhours, 6);
	assert_null(find_span(s.hours, s.nhours, 0));	/* closed Sunday */
	for (day = 1; day <= 4; day++) {
		assert_non_null(h = find_span(s.hours, s.nhours, day));
		assert_int_equal(h->start, 8 * 60);
		assert_int_equal(h->end, 15 * 60);
	}
	assert_non_null(h = find_span(s.hours, s.nhours, 5));
	assert_int_equal(h->end, 15 * 60 + 30);
	assert_non_null(h = find_span(s.hours, s.nhours, 6));
	assert_int_equal(h->end, 12 * 60);
	assert_int_equal(s.nbreaks, 5);
	assert_non_null(h = find_span(s.breaks, s.nbreaks, 5));
	assert_int_equal(h->start, 11 * 60 + 30);
	assert_int_equal(h->end, 13 * 60);
	assert_null(find_span(s.breaks, s.nbreaks, 6));
	assert_int_equal(s.nholidays, 2);
	assert_int_equal(s.holidays[0], utc(2026, 12, 25, 0, 0) / DAY);
	assert_int_equal(s.holidays[1], utc(2027, 1, 1, 0, 0) / DAY);
	schedule_free(&s);
	assert_null(s.hours);
	assert_int_equal(s.nhours, 0);

	/* Spaces and tabs around commas and items; a whole day; leap days. */
	parse_ok(&s, " WITA ", "  mon 08:00-12:00 ,tue\t08:00-12:00,"
	    "  sun  00:00-24:00  ", "mon 08:00-08:15 , mon 11:45-12:00,"
	    "mon 10:00-10:30", " 2028-02-29 ,2000-02-29 ");
	assert_string_equal(s.zone, "WITA");
	assert_int_equal(s.nhours, 3);
	assert_non_null(h = find_span(s.hours, s.nhours, 0));
	assert_int_equal(h->start, 0);
	assert_int_equal(h->end, 24 * 60);
	assert_int_equal(s.nbreaks, 3);
	assert_int_equal(s.nholidays, 2);
	assert_int_equal(s.holidays[0], utc(2028, 2, 29, 0, 0) / DAY);
	assert_int_equal(s.holidays[1], utc(2000, 2, 29, 0, 0) / DAY);
	schedule_free(&s);

	parse_ok(&s, "WIT", "mon-sun 07:00-19:00", "sat-sun 12:00-13:00", "");
	assert_int_equal(s.nhours, 7);
	assert_int_equal(s.nbreaks, 2);
	assert_null(s.holidays);
	schedule_free(&s);
}

static void
test_parse_empty(void **state)
{
	struct schedule	 s;

	(void)state;
	parse_ok(&s, ZONE, "", "", "");
	assert_int_equal(s.nhours + s.nbreaks + s.nholidays, 0);
	assert_null(s.hours);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 18, 10, 0)),
	    SCHEDULE_CLOSED);
	schedule_free(&s);

	parse_ok(&s, ZONE, "  ", NULL, " \t ");
	assert_int_equal(s.nhours + s.nbreaks + s.nholidays, 0);
	schedule_free(&s);
	schedule_free(&s);	/* twice is harmless */
	schedule_free(NULL);

	parse_ok(&s, ZONE, HOURS, "", NULL);
	assert_int_equal(s.nhours, 6);
	assert_int_equal(s.nbreaks + s.nholidays, 0);
	schedule_free(&s);
}

static void
test_parse_timezone(void **state)
{
	struct schedule	 s;

	(void)state;
	parse_ok(&s, "WITA", "", "", "");
	assert_int_equal(s.offset, 8 * HOUR);
	assert_string_equal(s.zone, "WITA");
	schedule_free(&s);
	parse_ok(&s, "WIT", "", "", "");
	assert_int_equal(s.offset, 9 * HOUR);
	assert_string_equal(s.zone, "WIT");
	schedule_free(&s);

	assert_parse_error("CET", HOURS, BREAKS, HOLIDAYS, "timezone: \"CET\"",
	    "WIB, WITA or WIT", "such as WIB");
	assert_parse_error("wib", HOURS, BREAKS, HOLIDAYS, "timezone: \"wib\"",
	    "WIB (UTC+7)", NULL);
	assert_parse_error("", HOURS, BREAKS, HOLIDAYS, "timezone: \"\"",
	    "WIT (UTC+9)", NULL);
	assert_parse_error("UTC+7", "", "", "", "timezone: \"UTC+7\"", NULL,
	    NULL);
}

static void
test_parse_bad_hours(void **state)
{
	const char	*shape = "is not DAY HH:MM-HH:MM, such as mon-fri "
			    "08:00-15:00";
	const char	*days = "use mon, tue, wed, thu, fri, sat or sun";

	(void)state;
	assert_parse_error(ZONE, "fri 8-15", "", "", "hours: \"fri 8-15\"",
	    shape, NULL);
	assert_parse_error(ZONE, "fri", "", "", "hours: \"fri\"", shape, NULL);
	assert_parse_error(ZONE, "08:00-15:00", "", "",
	    "hours: \"08:00-15:00\"", shape, NULL);
	assert_parse_error(ZONE, "mon 08:00-15:00 sharp", "", "",
	    "hours: \"mon 08:00-15:00 sharp\"", shape, NULL);
	assert_parse_error(ZONE, "mon 08.00-15.00", "", "",
	    "hours: \"mon 08.00-15.00\"", shape, NULL);

	assert_parse_error(ZONE, "mon 08:00-15:00, fry 08:00-11:00", "", "",
	    "hours: \"fry\" in \"fry 08:00-11:00\"", days, "such as mon-fri");
	assert_parse_error(ZONE, "Mon 08:00-15:00", "", "",
	    "hours: \"Mon\" in \"Mon 08:00-15:00\"", days, NULL);
	assert_parse_error(ZONE, "mon-fry 08:00-15:00", "", "",
	    "hours: \"mon-fry\" in", days, NULL);
	assert_parse_error(ZONE, "fri-mon 08:00-15:00", "", "",
	    "hours: \"fri-mon\" in \"fri-mon 08:00-15:00\"", "runs backwards",
	    "such as mon-fri or sat-sun");
	assert_parse_error(ZONE, "sun-mon 08:00-10:00", "", "",
	    "hours: \"sun-mon\"", "runs backwards", NULL);

	assert_parse_error(ZONE, "mon 25:00-26:00", "", "",
	    "hours: \"25:00\" in \"mon 25:00-26:00\"", "from 00:00 to 24:00",
	    "such as 08:00");
	assert_parse_error(ZONE, "mon 08:00-15:60", "", "",
	    "hours: \"15:60\" in \"mon 08:00-15:60\"", "from 00:00 to 24:00",
	    NULL);
	assert_parse_error(ZONE, "mon 08:00-24:30", "", "", "hours: \"24:30\"",
	    "from 00:00 to 24:00", NULL);
	assert_parse_error(ZONE, "sat 24:00-24:00", "", "",
	    "hours: \"sat 24:00-24:00\"", "starts at 24:00",
	    "only be an end");
	assert_parse_error(ZONE, "mon 15:00-08:00", "", "",
	    "hours: \"mon 15:00-08:00\"", "does not end after it starts",
	    "such as mon-fri 08:00-15:00");
	assert_parse_error(ZONE, "mon 08:00-08:00", "", "",
	    "hours: \"mon 08:00-08:00\"", "does not end after it starts",
	    NULL);

	assert_parse_error(ZONE, "mon 08:00-15:00,, tue 08:00-15:00", "", "",
	    "hours: \"mon 08:00-15:00,, tue 08:00-15:00\"", "empty item",
	    "such as mon-thu 08:00-15:00, fri 08:00-11:30");
	assert_parse_error(ZONE, "mon 08:00-15:00,", "", "",
	    "hours: \"mon 08:00-15:00,\"", "empty item", NULL);
	assert_parse_error(ZONE, ", mon 08:00-15:00", "", "", "hours: ",
	    "empty item", NULL);

	/* A day given twice is named. */
	assert_parse_error(ZONE, "mon-fri 08:00-15:00, thu-sat 09:00-10:00",
	    "", "", "hours: \"thu-sat 09:00-10:00\"", "gives thu a second time",
	    "give each day once");
	assert_parse_error(ZONE, "fri 08:00-11:30, fri 13:00-15:00", "", "",
	    "hours: \"fri 13:00-15:00\"", "gives fri a second time", NULL);
}

static void
test_parse_bad_breaks(void **state)
{
	(void)state;
	assert_parse_error(ZONE, HOURS, "fri 15:00-16:00", "",
	    "breaks: \"fri 15:00-16:00\"",
	    "outside the hours of fri (08:00-15:30)",
	    "such as fri 11:30-13:00");
	assert_parse_error(ZONE, HOURS, "mon-fri 07:30-08:30", "",
	    "breaks: \"mon-fri 07:30-08:30\"",
	    "outside the hours of mon (08:00-15:00)", NULL);
	assert_parse_error(ZONE, HOURS, "sat 11:00-12:30", "",
	    "breaks: \"sat 11:00-12:30\"",
	    "outside the hours of sat (08:00-12:00)", NULL);
	assert_parse_error(ZONE, HOURS, "sun 12:00-13:00", "",
	    "breaks: \"sun 12:00-13:00\"", "falls on sun",
	    "within that day's hours");
	assert_parse_error(ZONE, HOURS, "sat-sun 10:00-10:30", "",
	    "breaks: \"sat-sun 10:00-10:30\"", "falls on sun", NULL);
	assert_parse_error(ZONE, "", "mon 12:00-13:00", "",
	    "breaks: \"mon 12:00-13:00\"", "falls on mon", NULL);
	assert_parse_error(ZONE, HOURS, "fri 11:30-13:00, fri", "",
	    "breaks: \"fri\"", "is not DAY HH:MM-HH:MM",
	    "such as fri 11:30-13:00");
	assert_parse_error(ZONE, HOURS, "fri 13:00-11:30", "",
	    "breaks: \"fri 13:00-11:30\"", "does not end after it starts",
	    NULL);
	assert_parse_error(ZONE, HOURS, "jum 11:30-13:00", "",
	    "breaks: \"jum\" in \"jum 11:30-13:00\"", "is not a day", NULL);
	assert_parse_error(ZONE, HOURS, "mon 12:00-13:00,,fri 11:30-13:00", "",
	    "breaks: \"mon 12:00-13:00,,fri 11:30-13:00\"", "empty item",
	    NULL);
}

static void
test_parse_bad_holidays(void **state)
{
	const char	*real = "is not a real calendar date";
	const char	*shape = "is not a date YYYY-MM-DD, such as "
			    "2026-12-25";

	(void)state;
	assert_parse_error(ZONE, HOURS, BREAKS, "2026-12-25, 2027-02-29",
	    "holidays: \"2027-02-29\"", real, "such as 2027-02-28");
	assert_parse_error(ZONE, HOURS, BREAKS, "1900-02-29",
	    "holidays: \"1900-02-29\"", real, NULL);
	assert_parse_error(ZONE, HOURS, BREAKS, "2026-04-31",
	    "holidays: \"2026-04-31\"", real, NULL);
	assert_parse_error(ZONE, HOURS, BREAKS, "2026-13-01",
	    "holidays: \"2026-13-01\"", real, NULL);
	assert_parse_error(ZONE, HOURS, BREAKS, "2026-00-10",
	    "holidays: \"2026-00-10\"", real, NULL);
	assert_parse_error(ZONE, HOURS, BREAKS, "2026-12-00",
	    "holidays: \"2026-12-00\"", real, NULL);
	assert_parse_error(ZONE, HOURS, BREAKS, "25-12-2026",
	    "holidays: \"25-12-2026\"", shape, NULL);
	assert_parse_error(ZONE, HOURS, BREAKS, "2026/12/25",
	    "holidays: \"2026/12/25\"", shape, NULL);
	assert_parse_error(ZONE, HOURS, BREAKS, "2026-12-5",
	    "holidays: \"2026-12-5\"", shape, NULL);
	assert_parse_error(ZONE, HOURS, BREAKS, "2026-12-25 natal",
	    "holidays: \"2026-12-25 natal\"", shape, NULL);
	assert_parse_error(ZONE, HOURS, BREAKS, "2026-12-25,,2027-01-01",
	    "holidays: \"2026-12-25,,2027-01-01\"", "empty item",
	    "such as 2026-12-25, 2027-01-01");
}

static void
test_zone_offsets(void **state)
{
	struct schedule	 wib_s, wita_s, wit_s;
	time_t		 t = utc(2026, 12, 18, 0, 30);	/* Friday */
	char		*text;

	(void)state;
	parse_ok(&wib_s, "WIB", "fri 08:00-15:30", "", "");
	parse_ok(&wita_s, "WITA", "fri 08:00-15:30", "", "");
	parse_ok(&wit_s, "WIT", "fri 09:00-10:00", "", "");

	text = schedule_describe(&wib_s, t);
	assert_string_equal(text, "Friday 07:30 WIB");
	free(text);
	text = schedule_describe(&wita_s, t);
	assert_string_equal(text, "Friday 08:30 WITA");
	free(text);
	text = schedule_describe(&wit_s, t);
	assert_string_equal(text, "Friday 09:30 WIT");
	free(text);

	/* The same instant: not yet open in Jakarta, open in Makassar. */
	assert_int_equal(schedule_at(&wib_s, t), SCHEDULE_CLOSED);
	assert_int_equal(schedule_at(&wita_s, t), SCHEDULE_OPEN);
	assert_int_equal(schedule_at(&wit_s, t), SCHEDULE_OPEN);
	assert_int_equal(schedule_next_open(&wib_s, t), t + 30 * 60);
	assert_int_equal(schedule_next_open(&wit_s, t), t);
	/* 10:00 WIT is 08:00 WIB: closed in Jayapura, open in Jakarta. */
	assert_int_equal(schedule_at(&wit_s, t + 30 * 60), SCHEDULE_CLOSED);
	assert_int_equal(schedule_at(&wib_s, t + 30 * 60), SCHEDULE_OPEN);

	schedule_free(&wib_s);
	schedule_free(&wita_s);
	schedule_free(&wit_s);
}

static void
test_state(void **state)
{
	struct schedule	 s;

	(void)state;
	parse_ok(&s, ZONE, HOURS, BREAKS, HOLIDAYS);
	/* Friday 2026-12-18, with the Friday prayer break. */
	assert_int_equal(schedule_at(&s, wib(2026, 12, 18, 7, 59) + 59),
	    SCHEDULE_CLOSED);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 18, 8, 0)),
	    SCHEDULE_OPEN);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 18, 10, 0)),
	    SCHEDULE_OPEN);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 18, 11, 29) + 59),
	    SCHEDULE_OPEN);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 18, 11, 30)),
	    SCHEDULE_BREAK);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 18, 12, 59) + 59),
	    SCHEDULE_BREAK);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 18, 13, 0)),
	    SCHEDULE_OPEN);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 18, 15, 29)),
	    SCHEDULE_OPEN);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 18, 15, 30)),
	    SCHEDULE_CLOSED);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 18, 20, 0)),
	    SCHEDULE_CLOSED);
	/* Monday's lunch break; Saturday's half day; Sunday closed. */
	assert_int_equal(schedule_at(&s, wib(2026, 12, 21, 12, 30)),
	    SCHEDULE_BREAK);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 21, 11, 30)),
	    SCHEDULE_OPEN);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 19, 11, 59)),
	    SCHEDULE_OPEN);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 19, 12, 0)),
	    SCHEDULE_CLOSED);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 20, 10, 0)),
	    SCHEDULE_CLOSED);
	/* Christmas, a Friday: the whole local day, no earlier or later. */
	assert_int_equal(schedule_at(&s, wib(2026, 12, 25, 10, 0)),
	    SCHEDULE_HOLIDAY);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 25, 12, 0)),
	    SCHEDULE_HOLIDAY);
	assert_int_equal(schedule_at(&s, utc(2026, 12, 24, 17, 0)),
	    SCHEDULE_HOLIDAY);
	assert_int_equal(schedule_at(&s, utc(2026, 12, 24, 16, 59) + 59),
	    SCHEDULE_CLOSED);
	assert_int_equal(schedule_at(&s, utc(2026, 12, 25, 16, 59) + 59),
	    SCHEDULE_HOLIDAY);
	assert_int_equal(schedule_at(&s, utc(2026, 12, 25, 17, 0)),
	    SCHEDULE_CLOSED);
	assert_int_equal(schedule_at(&s, wib(2026, 12, 26, 8, 0)),
	    SCHEDULE_OPEN);
	schedule_free(&s);
}

static void
test_next_open_in_break(void **state)
{
	struct schedule	 s;
	time_t		 t;

	(void)state;
	parse_ok(&s, ZONE, HOURS, BREAKS, HOLIDAYS);
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 18, 12, 0)),
	    wib(2026, 12, 18, 13, 0));
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 18, 11, 30)),
	    wib(2026, 12, 18, 13, 0));
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 21, 12, 59) +
	    30), wib(2026, 12, 21, 13, 0));
	/* Open already, mid-minute: that very moment. */
	t = wib(2026, 12, 18, 10, 0) + 17;
	assert_int_equal(schedule_next_open(&s, t), t);
	/* Before opening: the opening, to the minute. */
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 18, 7, 0)),
	    wib(2026, 12, 18, 8, 0));
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 18, 7, 59) +
	    30), wib(2026, 12, 18, 8, 0));
	schedule_free(&s);

	/* Breaks back to back and overlapping, in any order. */
	parse_ok(&s, ZONE, "mon 08:00-15:00", "mon 11:00-12:00, "
	    "mon 10:00-11:30, mon 12:00-12:15", "");
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 21, 10, 15)),
	    wib(2026, 12, 21, 12, 15));
	schedule_free(&s);

	/* A break until closing: the next opening day. */
	parse_ok(&s, ZONE, "mon 08:00-15:00", "mon 14:00-15:00", "");
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 21, 14, 30)),
	    wib(2026, 12, 28, 8, 0));
	schedule_free(&s);
}

static void
test_next_open_after_closing(void **state)
{
	struct schedule	 s;
	char		*text;

	(void)state;
	parse_ok(&s, ZONE, HOURS, BREAKS, HOLIDAYS);
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 18, 16, 0)),
	    wib(2026, 12, 19, 8, 0));
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 18, 15, 30)),
	    wib(2026, 12, 19, 8, 0));
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 19, 12, 0)),
	    wib(2026, 12, 21, 8, 0));
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 20, 9, 0)),
	    wib(2026, 12, 21, 8, 0));
	schedule_free(&s);

	parse_ok(&s, ZONE, HOURS_NO_SAT, BREAKS, HOLIDAYS);
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 18, 16, 0)),
	    wib(2026, 12, 21, 8, 0));
	text = schedule_describe(&s, schedule_next_open(&s,
	    wib(2026, 12, 18, 16, 0)));
	assert_string_equal(text, "Monday 08:00 WIB");
	free(text);
	schedule_free(&s);
}

static void
test_next_open_holiday_eve(void **state)
{
	struct schedule	 s;

	(void)state;
	parse_ok(&s, ZONE, HOURS, BREAKS, HOLIDAYS);
	/* Thursday after closing; Friday is Christmas; Saturday opens. */
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 24, 15, 0)),
	    wib(2026, 12, 26, 8, 0));
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 24, 23, 59)),
	    wib(2026, 12, 26, 8, 0));
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 25, 9, 0)),
	    wib(2026, 12, 26, 8, 0));
	schedule_free(&s);

	parse_ok(&s, ZONE, HOURS_NO_SAT, BREAKS, HOLIDAYS);
	assert_int_equal(schedule_next_open(&s, wib(2026, 12, 24, 15, 0)),
	    wib(2026, 12, 28, 8, 0));
	schedule_free(&s);
}

static void
test_next_open_year_end(void **state)
{
	struct schedule	 s;
	char		 day[11];
	time_t		 t;

	(void)state;
	parse_ok(&s, ZONE, HOURS, BREAKS, HOLIDAYS);
	t = schedule_next_open(&s, wib(2026, 12, 31, 15, 0));
	assert_int_equal(t, wib(2027, 1, 2, 8, 0));
	schedule_day(&s, t, day);
	assert_string_equal(day, "2027-01-02");
	schedule_free(&s);

	parse_ok(&s, ZONE, HOURS_NO_SAT, BREAKS, HOLIDAYS);
	t = schedule_next_open(&s, wib(2026, 12, 31, 15, 0));
	assert_int_equal(t, wib(2027, 1, 4, 8, 0));
	schedule_day(&s, t, day);
	assert_string_equal(day, "2027-01-04");
	schedule_free(&s);

	/* In Jayapura the new year comes two hours before Jakarta's. */
	parse_ok(&s, "WIT", HOURS_NO_SAT, BREAKS, HOLIDAYS);
	assert_int_equal(schedule_next_open(&s, wit(2026, 12, 31, 16, 0)),
	    wit(2027, 1, 4, 8, 0));
	assert_int_equal(schedule_at(&s, wit(2027, 1, 1, 0, 0)),
	    SCHEDULE_HOLIDAY);
	assert_int_equal(schedule_at(&s, wit(2027, 1, 1, 0, 0) - 1),
	    SCHEDULE_CLOSED);
	schedule_free(&s);
}

/* "YYYY-MM-DD, ..." for n days in a row from a UTC date. */
static char *
holiday_run(time_t first, int n)
{
	char		*list = calloc(n, 12);
	struct tm	 tm;
	time_t		 t;
	int		 i;

	if (list == NULL)
		abort();
	for (i = 0; i < n; i++) {
		t = first + (time_t)i * DAY;
		gmtime_r(&t, &tm);
		strftime(list + strlen(list), 12, i == 0 ? "%Y-%m-%d" :
		    ",%Y-%m-%d", &tm);
	}
	return list;
}

static void
test_next_open_never(void **state)
{
	struct schedule	 s;
	time_t		 t = wib(2026, 12, 20, 8, 0);
	char		*run;

	(void)state;
	parse_ok(&s, ZONE, "", "", HOLIDAYS);
	assert_int_equal(schedule_next_open(&s, t), 0);
	assert_int_equal(schedule_at(&s, t), SCHEDULE_CLOSED);
	schedule_free(&s);

	/* Open on paper, but the break fills the day. */
	parse_ok(&s, ZONE, "mon 08:00-09:00", "mon 08:00-09:00", "");
	assert_int_equal(schedule_next_open(&s, t), 0);
	schedule_free(&s);

	/* 400 holidays in a row: open again exactly 400 days later... */
	run = holiday_run(utc(2026, 12, 20, 0, 0), 400);
	parse_ok(&s, ZONE, "mon-sun 08:00-09:00", "", run);
	assert_int_equal(s.nholidays, 400);
	assert_int_equal(schedule_next_open(&s, t), t + 400 * DAY);
	schedule_free(&s);
	free(run);

	/* ...but one more and that is too far to look. */
	run = holiday_run(utc(2026, 12, 20, 0, 0), 401);
	parse_ok(&s, ZONE, "mon-sun 08:00-09:00", "", run);
	assert_int_equal(schedule_next_open(&s, t), 0);
	schedule_free(&s);
	free(run);
}

static void
test_day_near_midnight(void **state)
{
	struct schedule	 s;
	char		 day[11];

	(void)state;
	parse_ok(&s, "WIB", "", "", "");
	schedule_day(&s, utc(2026, 12, 18, 23, 59), day);
	assert_string_equal(day, "2026-12-19");
	schedule_day(&s, utc(2026, 12, 18, 16, 59) + 59, day);
	assert_string_equal(day, "2026-12-18");
	schedule_day(&s, utc(2026, 12, 18, 17, 0), day);
	assert_string_equal(day, "2026-12-19");
	schedule_day(&s, utc(2026, 12, 31, 17, 0), day);
	assert_string_equal(day, "2027-01-01");
	/* Before 1970 too: time_t is negative there. */
	schedule_day(&s, utc(1969, 12, 31, 17, 0), day);
	assert_string_equal(day, "1970-01-01");
	schedule_day(&s, utc(1969, 12, 31, 16, 59), day);
	assert_string_equal(day, "1969-12-31");
	schedule_free(&s);

	parse_ok(&s, "WIT", "", "", "");
	schedule_day(&s, utc(2026, 12, 31, 15, 0), day);
	assert_string_equal(day, "2027-01-01");
	schedule_day(&s, utc(2026, 12, 31, 14, 59), day);
	assert_string_equal(day, "2026-12-31");
	schedule_free(&s);

	parse_ok(&s, "WITA", "", "", "");
	schedule_day(&s, utc(2026, 2, 28, 16, 0), day);
	assert_string_equal(day, "2026-03-01");
	schedule_day(&s, utc(2028, 2, 28, 16, 0), day);
	assert_string_equal(day, "2028-02-29");
	schedule_free(&s);
}

static void
test_next_midnight(void **state)
{
	struct schedule	 s;
	char		 day[11];
	time_t		 t;

	(void)state;
	parse_ok(&s, "WIB", "", "", "");
	assert_int_equal(schedule_next_midnight(&s, utc(2026, 12, 18, 10, 0)),
	    utc(2026, 12, 18, 17, 0));
	assert_int_equal(schedule_next_midnight(&s, utc(2026, 12, 18, 16, 59) +
	    59), utc(2026, 12, 18, 17, 0));
	/* At midnight exactly, the next one. */
	assert_int_equal(schedule_next_midnight(&s, utc(2026, 12, 18, 17, 0)),
	    utc(2026, 12, 19, 17, 0));
	assert_int_equal(schedule_next_midnight(&s, utc(1969, 12, 31, 12, 0)),
	    utc(1969, 12, 31, 17, 0));
	schedule_free(&s);

	parse_ok(&s, "WIT", "", "", "");
	t = schedule_next_midnight(&s, utc(2026, 12, 31, 12, 0));
	assert_int_equal(t, utc(2026, 12, 31, 15, 0));
	schedule_day(&s, t, day);
	assert_string_equal(day, "2027-01-01");
	schedule_day(&s, t - 1, day);
	assert_string_equal(day, "2026-12-31");
	schedule_free(&s);
}

static void
test_describe(void **state)
{
	static const char *const want[7] = {
		"Sunday 08:00 WIB", "Monday 08:00 WIB", "Tuesday 08:00 WIB",
		"Wednesday 08:00 WIB", "Thursday 08:00 WIB",
		"Friday 08:00 WIB", "Saturday 08:00 WIB"
	};
	struct schedule	 s;
	char		*text;
	int		 i;

	(void)state;
	parse_ok(&s, "WIB", HOURS, BREAKS, HOLIDAYS);
	text = schedule_describe(&s, wib(2026, 12, 18, 13, 0));
	assert_string_equal(text, "Friday 13:00 WIB");
	free(text);
	for (i = 0; i < 7; i++) {	/* from Sunday 2026-12-20 */
		text = schedule_describe(&s, wib(2026, 12, 20 + i, 8, 0));
		assert_string_equal(text, want[i]);
		free(text);
	}
	schedule_free(&s);

	parse_ok(&s, "WITA", "", "", "");
	text = schedule_describe(&s, utc(2026, 12, 19, 16, 0));
	assert_string_equal(text, "Sunday 00:00 WITA");
	free(text);
	schedule_free(&s);
	parse_ok(&s, "WIT", "", "", "");
	text = schedule_describe(&s, utc(2026, 12, 19, 14, 59) + 59);
	assert_string_equal(text, "Saturday 23:59 WIT");
	free(text);
	schedule_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_parse_empty),
		cmocka_unit_test(test_parse_timezone),
		cmocka_unit_test(test_parse_bad_hours),
		cmocka_unit_test(test_parse_bad_breaks),
		cmocka_unit_test(test_parse_bad_holidays),
		cmocka_unit_test(test_zone_offsets),
		cmocka_unit_test(test_state),
		cmocka_unit_test(test_next_open_in_break),
		cmocka_unit_test(test_next_open_after_closing),
		cmocka_unit_test(test_next_open_holiday_eve),
		cmocka_unit_test(test_next_open_year_end),
		cmocka_unit_test(test_next_open_never),
		cmocka_unit_test(test_day_near_midnight),
		cmocka_unit_test(test_next_midnight),
		cmocka_unit_test(test_describe),
	};

	setlocale(LC_ALL, "C.UTF-8");
	/* A process zone far from Indonesia: the module must not use it. */
	setenv("TZ", "America/Sao_Paulo", 1);
	tzset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
