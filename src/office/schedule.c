/* Opening hours, breaks and holidays of an office, in its Indonesian zone. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/i18n.h"
#include "common/xmalloc.h"
#include "office/schedule.h"
#include "sync/catalog.h"

#define SCHEDULE_DAY_SECONDS	86400
#define SCHEDULE_SEARCH_DAYS	400

/* Day names as written in the settings, Monday first as ranges run. */
static const char *const schedule_day_keys[7] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

/* Day names for people, 0 Sunday .. 6 Saturday like tm_wday. */
static const char *const schedule_day_names[7] = {
	N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
	N_("Thursday"), N_("Friday"), N_("Saturday")
};

/* One comma-separated setting: its name, examples and item parser. */
struct schedule_field {
	const char	*name;
	const char	*one;		/* an example item */
	const char	*list;		/* an example list */
	int		(*item)(struct schedule *,
			    const struct schedule_field *, const char *,
			    char **);
};

/* Trim spaces and tabs at both ends of s in place; return the start. */
static char *
schedule_trim(char *s)
{
	size_t	 len;

	s += strspn(s, " \t");
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		s[--len] = '\0';
	return s;
}

/* A day key of len bytes to 0 Monday .. 6 Sunday; -1 if it is none. */
static int
schedule_day_key(const char *s, size_t len)
{
	int	 i;

	for (i = 0; i < 7; i++) {
		if (len == 3 && memcmp(s, schedule_day_keys[i], 3) == 0)
			return i;
	}
	return -1;
}

/* Monday-first day index (as in the settings) to 0 Sunday .. 6 Saturday. */
static int
schedule_wday_of_key(int key)
{
	return (key + 1) % 7;
}

/* Are the n bytes at s all ASCII digits? */
static int
schedule_digits(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
	}
	return 1;
}

/* Is s "DD:DD" (the shape of a time, not yet its range)? */
static int
schedule_time_shape(const char *s)
{
	return schedule_digits(s, 2) && s[2] == ':' &&
	    schedule_digits(s + 3, 2);
}

/* Minutes after midnight of a "HH:MM" shape; -1 if past 24:00 or :59. */
static int
schedule_time_value(const char *s)
{
	int	 hour = (s[0] - '0') * 10 + (s[1] - '0');
	int	 minute = (s[3] - '0') * 10 + (s[4] - '0');

	if (hour > 24 || minute > 59 || (hour == 24 && minute != 0))
		return -1;
	return hour * 60 + minute;
}

/*
 * Parse one "DAYS HH:MM-HH:MM" item into its Monday-first day range and
 * its minutes; -1 and *cause if it is not one.
 */
static int
schedule_parse_span(const struct schedule_field *f, const char *item,
    int *first, int *last, int *start, int *end, char **cause)
{
	const char	*times, *dash, *bad;
	size_t		 len;
	char		*days, *piece;

	len = strcspn(item, " \t");
	times = item + len + strspn(item + len, " \t");
	if (len == 0 || strlen(times) != 11 || !schedule_time_shape(times) ||
	    times[5] != '-' || !schedule_time_shape(times + 6)) {
		*cause = xasprintf(_("%s: \"%s\" is not DAY HH:MM-HH:MM, such "
		    "as %s"), f->name, item, f->one);
		return -1;
	}

	dash = memchr(item, '-', len);
	if (dash == NULL)
		*first = *last = schedule_day_key(item, len);
	else {
		*first = schedule_day_key(item, dash - item);
		*last = schedule_day_key(dash + 1, len - (dash - item) - 1);
	}
	if (*first == -1 || *last == -1) {
		days = xstrndup(item, len);
		*cause = xasprintf(_("%s: \"%s\" in \"%s\" is not a day or a "
		    "range of days; use mon, tue, wed, thu, fri, sat or sun, "
		    "or a range such as mon-fri"), f->name, days, item);
		free(days);
		return -1;
	}
	if (*first > *last) {
		days = xstrndup(item, len);
		*cause = xasprintf(_("%s: \"%s\" in \"%s\" runs backwards; a "
		    "range goes forward from mon to sun without wrapping, such "
		    "as mon-fri or sat-sun"), f->name, days, item);
		free(days);
		return -1;
	}

	*start = schedule_time_value(times);
	*end = schedule_time_value(times + 6);
	if (*start == -1 || *end == -1) {
		bad = *start == -1 ? times : times + 6;
		piece = xstrndup(bad, 5);
		*cause = xasprintf(_("%s: \"%s\" in \"%s\" is not a time from "
		    "00:00 to 24:00, such as 08:00 or 15:30"), f->name, piece,
		    item);
		free(piece);
		return -1;
	}
	if (*start == 24 * 60) {
		*cause = xasprintf(_("%s: \"%s\" starts at 24:00, which can "
		    "only be an end, such as sat 20:00-24:00"), f->name, item);
		return -1;
	}
	if (*start >= *end) {
		*cause = xasprintf(_("%s: \"%s\" does not end after it starts; "
		    "the start must be earlier than the end, such as %s"),
		    f->name, item, f->one);
		return -1;
	}
	return 0;
}

/* The opening hours of a weekday; NULL if the office is closed that day. */
static const struct schedule_span *
schedule_hours_of(const struct schedule *s, int wday)
{
	size_t	 i;

	for (i = 0; i < s->nhours; i++) {
		if (s->hours[i].day == wday)
			return &s->hours[i];
	}
	return NULL;
}

/* Append a span to an array of spans. */
static void
schedule_add_span(struct schedule_span **v, size_t *n, int wday, int start,
    int end)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].day = wday;
	(*v)[*n].start = start;
	(*v)[*n].end = end;
	(*n)++;
}

/* One item of hours: each day at most once. */
static int
schedule_hours_item(struct schedule *s, const struct schedule_field *f,
    const char *item, char **cause)
{
	int	 first, last, start, end, key, wday;

	if (schedule_parse_span(f, item, &first, &last, &start, &end,
	    cause) != 0)
		return -1;
	for (key = first; key <= last; key++) {
		wday = schedule_wday_of_key(key);
		if (schedule_hours_of(s, wday) != NULL) {
			*cause = xasprintf(_("%s: \"%s\" gives %s a second "
			    "time; give each day once, such as %s"), f->name,
			    item, schedule_day_keys[key], f->list);
			return -1;
		}
		schedule_add_span(&s->hours, &s->nhours, wday, start, end);
	}
	return 0;
}

/* One item of breaks: within the hours of each of its days. */
static int
schedule_breaks_item(struct schedule *s, const struct schedule_field *f,
    const char *item, char **cause)
{
	const struct schedule_span	*h;
	int				 first, last, start, end, key, wday;

	if (schedule_parse_span(f, item, &first, &last, &start, &end,
	    cause) != 0)
		return -1;
	for (key = first; key <= last; key++) {
		wday = schedule_wday_of_key(key);
		if ((h = schedule_hours_of(s, wday)) == NULL) {
			*cause = xasprintf(_("%s: \"%s\" falls on %s, when the "
			    "office is closed; a break must lie within that "
			    "day's hours, such as %s"), f->name, item,
			    schedule_day_keys[key], f->list);
			return -1;
		}
		if (start < h->start || end > h->end) {
			*cause = xasprintf(_("%s: \"%s\" is outside the hours "
			    "of %s (%02d:%02d-%02d:%02d); a break must lie "
			    "within that day's hours, such as %s"), f->name,
			    item, schedule_day_keys[key],
			    h->start / 60, h->start % 60, h->end / 60,
			    h->end % 60, f->one);
			return -1;
		}
		schedule_add_span(&s->breaks, &s->nbreaks, wday, start, end);
	}
	return 0;
}

/* Days from 1970-01-01 to a proleptic Gregorian date. */
static long
schedule_days_from_civil(int year, int month, int day)
{
	long	 era, yoe, doy, doe;

	year -= month <= 2;
	era = (year >= 0 ? year : year - 399) / 400;
	yoe = year - era * 400;
	doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Days in a month of a year. */
static int
schedule_month_days(int year, int month)
{
	static const int	 days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (month == 2 && (year % 4 == 0 && (year % 100 != 0 ||
	    year % 400 == 0)))
		return 29;
	return days[month - 1];
}

/* One item of holidays: a real date YYYY-MM-DD. */
static int
schedule_holidays_item(struct schedule *s, const struct schedule_field *f,
    const char *item, char **cause)
{
	int	 year, month, day;

	if (strlen(item) != 10 || !schedule_digits(item, 4) ||
	    item[4] != '-' || !schedule_digits(item + 5, 2) ||
	    item[7] != '-' || !schedule_digits(item + 8, 2)) {
		*cause = xasprintf(_("%s: \"%s\" is not a date YYYY-MM-DD, "
		    "such as %s"), f->name, item, f->one);
		return -1;
	}
	year = atoi(item);
	month = (item[5] - '0') * 10 + (item[6] - '0');
	day = (item[8] - '0') * 10 + (item[9] - '0');
	if (month < 1 || month > 12 || day < 1 ||
	    day > schedule_month_days(year, month)) {
		*cause = xasprintf(_("%s: \"%s\" is not a real calendar date; "
		    "check the month and the day, such as 2027-02-28"), f->name,
		    item);
		return -1;
	}
	s->holidays = xreallocarray(s->holidays, s->nholidays + 1,
	    sizeof *s->holidays);
	s->holidays[s->nholidays++] = schedule_days_from_civil(year, month,
	    day);
	return 0;
}

static const struct schedule_field schedule_field_hours = {
	"hours", "mon-fri 08:00-15:00",
	"mon-thu 08:00-15:00, fri 08:00-11:30", schedule_hours_item
};
static const struct schedule_field schedule_field_breaks = {
	"breaks", "fri 11:30-13:00",
	"mon-thu 12:00-13:00, fri 11:30-13:00", schedule_breaks_item
};
static const struct schedule_field schedule_field_holidays = {
	"holidays", "2026-12-25", "2026-12-25, 2027-01-01",
	schedule_holidays_item
};

/*
 * Split a comma-separated setting into trimmed items and parse each; a
 * blank or NULL setting has none. -1 and *cause on an empty item or a bad one.
 */
static int
schedule_parse_list(struct schedule *s, const struct schedule_field *f,
    const char *value, char **cause)
{
	char	*copy, *item, *next, *comma;
	int	 rc = 0;

	if (value == NULL)
		return 0;
	copy = xstrdup(value);
	next = schedule_trim(copy);
	if (*next == '\0') {
		free(copy);
		return 0;
	}
	while (next != NULL) {
		item = next;
		if ((comma = strchr(item, ',')) != NULL) {
			*comma = '\0';
			next = comma + 1;
		} else
			next = NULL;
		item = schedule_trim(item);
		if (*item == '\0') {
			*cause = xasprintf(_("%s: \"%s\" has an empty item "
			    "between commas; separate items with one comma, "
			    "such as %s"), f->name, value, f->list);
			rc = -1;
			break;
		}
		if (f->item(s, f, item, cause) != 0) {
			rc = -1;
			break;
		}
	}
	free(copy);
	return rc;
}

/* The time zone: WIB, WITA or WIT. */
static int
schedule_parse_zone(struct schedule *s, const char *zone, char **cause)
{
	char	*copy, *name;

	copy = xstrdup(zone != NULL ? zone : "");
	name = schedule_trim(copy);
	if ((s->zone = catalog_zone(name, &s->offset)) != NULL) {
		free(copy);
		return 0;
	}
	*cause = xasprintf(_("timezone: \"%s\" is not WIB, WITA or WIT; use "
	    "WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9), such as WIB"), name);
	free(copy);
	return -1;
}

int
schedule_parse(struct schedule *s, const char *zone, const char *hours,
    const char *breaks, const char *holidays, char **cause)
{
	memset(s, 0, sizeof *s);
	if (schedule_parse_zone(s, zone, cause) != 0 ||
	    schedule_parse_list(s, &schedule_field_hours, hours, cause) != 0 ||
	    schedule_parse_list(s, &schedule_field_breaks, breaks,
	    cause) != 0 ||
	    schedule_parse_list(s, &schedule_field_holidays, holidays,
	    cause) != 0) {
		schedule_free(s);
		return -1;
	}
	return 0;
}

int
schedule_add_holidays(struct schedule *s, const char *holidays, char **cause)
{
	return schedule_parse_list(s, &schedule_field_holidays, holidays,
	    cause);
}

void
schedule_free(struct schedule *s)
{
	if (s == NULL)
		return;
	free(s->hours);
	free(s->breaks);
	free(s->holidays);
	memset(s, 0, sizeof *s);
}

/* a / b rounded down, for times before 1970 too. */
static long long
schedule_floor_div(long long a, long long b)
{
	long long	 q = a / b;

	if (a % b != 0 && (a < 0) != (b < 0))
		q--;
	return q;
}

/* The weekday, 0 Sunday .. 6 Saturday, of a day since 1970-01-01. */
static int
schedule_wday(long long day)
{
	/* 1970-01-01 was a Thursday. */
	return (int)(day + 4 - schedule_floor_div(day + 4, 7) * 7);
}

/*
 * The office-local time of when: broken down with gmtime_r after adding
 * the zone's offset (never the process time zone), and as a day since
 * 1970-01-01 and a minute of that day. -1 if when is out of range.
 */
static int
schedule_local(const struct schedule *s, time_t when, struct tm *tm,
    long long *day, int *minute)
{
	long long	 local;
	time_t		 t;

	if ((s->offset > 0 && when > LLONG_MAX - s->offset) ||
	    (s->offset < 0 && when < LLONG_MIN - s->offset))
		return -1;
	local = (long long)when + s->offset;
	t = (time_t)local;
	if ((long long)t != local || gmtime_r(&t, tm) == NULL)
		return -1;
	*day = schedule_floor_div(local, SCHEDULE_DAY_SECONDS);
	*minute = tm->tm_hour * 60 + tm->tm_min;
	return 0;
}

/* Is a local day since 1970-01-01 a holiday? */
static int
schedule_is_holiday(const struct schedule *s, long long day)
{
	size_t	 i;

	for (i = 0; i < s->nholidays; i++) {
		if (s->holidays[i] == day)
			return 1;
	}
	return 0;
}

/* The break covering a minute of a weekday; NULL if none does. */
static const struct schedule_span *
schedule_break_at(const struct schedule *s, int wday, int minute)
{
	size_t	 i;

	for (i = 0; i < s->nbreaks; i++) {
		if (s->breaks[i].day == wday && s->breaks[i].start <= minute &&
		    minute < s->breaks[i].end)
			return &s->breaks[i];
	}
	return NULL;
}

/* The first open minute at or after minute on a local day; -1 if none. */
static int
schedule_first_open(const struct schedule *s, long long day, int minute)
{
	const struct schedule_span	*h, *b;
	int				 wday = schedule_wday(day);

	if (schedule_is_holiday(s, day) ||
	    (h = schedule_hours_of(s, wday)) == NULL)
		return -1;
	if (minute < h->start)
		minute = h->start;
	/* Each step jumps to the end of a break, so this ends. */
	while (minute < h->end) {
		if ((b = schedule_break_at(s, wday, minute)) == NULL)
			return minute;
		minute = b->end;
	}
	return -1;
}

enum schedule_state
schedule_at(const struct schedule *s, time_t when)
{
	const struct schedule_span	*h;
	struct tm			 tm;
	long long			 day;
	int				 minute;

	if (schedule_local(s, when, &tm, &day, &minute) != 0)
		return SCHEDULE_CLOSED;
	if (schedule_is_holiday(s, day))
		return SCHEDULE_HOLIDAY;
	h = schedule_hours_of(s, tm.tm_wday);
	if (h == NULL || minute < h->start || minute >= h->end)
		return SCHEDULE_CLOSED;
	if (schedule_break_at(s, tm.tm_wday, minute) != NULL)
		return SCHEDULE_BREAK;
	return SCHEDULE_OPEN;
}

time_t
schedule_next_open(const struct schedule *s, time_t when)
{
	struct tm	 tm;
	long long	 day, d, at;
	int		 minute, open;

	if (schedule_local(s, when, &tm, &day, &minute) != 0)
		return 0;
	for (d = day; d <= day + SCHEDULE_SEARCH_DAYS; d++) {
		open = schedule_first_open(s, d, d == day ? minute : 0);
		if (open == -1)
			continue;
		/* Open already, perhaps mid-minute: that very moment. */
		if (d == day && open == minute)
			return when;
		at = d * SCHEDULE_DAY_SECONDS + open * 60LL - s->offset;
		if (at - when > SCHEDULE_SEARCH_DAYS * SCHEDULE_DAY_SECONDS ||
		    (long long)(time_t)at != at)
			return 0;
		return (time_t)at;
	}
	return 0;
}

void
schedule_day(const struct schedule *s, time_t when, char out[11])
{
	struct tm	 tm;
	long long	 day;
	int		 minute;

	if (schedule_local(s, when, &tm, &day, &minute) != 0 ||
	    tm.tm_year < -1900 || tm.tm_year > 9999 - 1900) {
		memcpy(out, "0000-00-00", 11);
		return;
	}
	/* The remainders only tell the compiler that it fits. */
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)(tm.tm_year + 1900) %
	    10000, (unsigned)(tm.tm_mon + 1) % 100, (unsigned)tm.tm_mday % 100);
}

time_t
schedule_next_midnight(const struct schedule *s, time_t when)
{
	struct tm	 tm;
	long long	 day, at;
	int		 minute;

	if (schedule_local(s, when, &tm, &day, &minute) != 0)
		return 0;
	at = (day + 1) * SCHEDULE_DAY_SECONDS - s->offset;
	if ((long long)(time_t)at != at)
		return 0;
	return (time_t)at;
}

char *
schedule_describe(const struct schedule *s, time_t when)
{
	struct tm	 tm;
	long long	 day;
	int		 minute;
	const char	*zone = s->zone != NULL ? s->zone : "";

	if (schedule_local(s, when, &tm, &day, &minute) != 0)
		return xasprintf("? --:-- %s", zone);
	return xasprintf("%s %02d:%02d %s", _(schedule_day_names[tm.tm_wday]),
	    tm.tm_hour, tm.tm_min, zone);
}
