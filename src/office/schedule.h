/* An office's week: opening hours, breaks and holidays in its time zone. */
#ifndef LOKET_SCHEDULE_H
#define LOKET_SCHEDULE_H

#include <stddef.h>
#include <time.h>

struct schedule_span {
	int	 day;		/* 0 Sunday .. 6 Saturday */
	int	 start;		/* minutes after local midnight */
	int	 end;
};
struct schedule {
	int			 offset;	/* seconds east of UTC */
	const char		*zone;		/* "WIB", "WITA" or "WIT" */
	struct schedule_span	*hours;
	size_t			 nhours;
	struct schedule_span	*breaks;
	size_t			 nbreaks;
	long			*holidays;	/* local days since 1970-01-01 */
	size_t			 nholidays;
};
enum schedule_state {
	SCHEDULE_OPEN,
	SCHEDULE_BREAK,		/* open today, but on a break now */
	SCHEDULE_CLOSED,	/* before opening, after closing, or a closed day */
	SCHEDULE_HOLIDAY
};
/* Parse the four settings; -1 and *cause on the first error. */
int	 schedule_parse(struct schedule *, const char *zone, const char *hours,
	     const char *breaks, const char *holidays, char **cause);
/* Add holidays ("2026-12-25, 2027-01-01") to a parsed schedule; -1. */
int	 schedule_add_holidays(struct schedule *, const char *holidays,
	     char **cause);
void	 schedule_free(struct schedule *);	/* frees the arrays; NULL-safe fields */
/* Is the office open at when? */
enum schedule_state schedule_at(const struct schedule *, time_t when);
/* The first moment at or after when that the office is open; 0 if none within 400 days. */
time_t	 schedule_next_open(const struct schedule *, time_t when);
/* The office-local date of when, "YYYY-MM-DD" into out[11]. */
void	 schedule_day(const struct schedule *, time_t when, char out[11]);
/* The next local midnight after when (when the day rolls over). */
time_t	 schedule_next_midnight(const struct schedule *, time_t when);
/* "Monday 08:00 WIB"-style text for a moment, in the current language: day names through _() (N_ table), e.g. _("Monday"); format "%s %02d:%02d %s" (day, hour, minute, zone), owned by caller. */
char	*schedule_describe(const struct schedule *, time_t when);

#endif
