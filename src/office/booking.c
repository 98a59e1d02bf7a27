/* Bookings: the rules, the slots of a day, and the codes. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/check-digit.h"
#include "common/configuration.h"
#include "common/xmalloc.h"
#include "office/booking.h"

/*
 * The first form of codes, still accepted: eight of these (no 0/O, 1/I,
 * 2/Z, 5/S or 8/B).
 */
static const char booking_alphabet[] = "ACDEFGHJKLMNPQRTUVWXY34679";
#define BOOKING_CODE_OLD	8

int
booking_rules_init(struct booking_rules *b, const struct config *c,
    char **cause)
{
	memset(b, 0, sizeof *b);
	b->slot_minutes = c->slot_minutes;
	b->capacity = c->slot_capacity;
	b->days = c->booking_days;
	b->grace = c->booking_grace;
	b->early = c->booking_early;
	b->jump = c->booking_jump;
	return schedule_parse(&b->schedule, c->timezone != NULL ?
	    c->timezone : "WIB", c->hours != NULL ? c->hours :
	    "mon-fri 08:00-15:00", c->breaks != NULL ? c->breaks : "",
	    c->holidays != NULL ? c->holidays : "", cause);
}

void
booking_rules_free(struct booking_rules *b)
{
	schedule_free(&b->schedule);
}

size_t
booking_slots(const struct booking_rules *b, time_t midnight, time_t now,
    time_t **slots)
{
	size_t	 n = 0;
	time_t	 t, step = (time_t)b->slot_minutes * 60;

	*slots = NULL;
	for (t = midnight; t < midnight + 86400; t += step) {
		if (t <= now || schedule_at(&b->schedule, t) != SCHEDULE_OPEN)
			continue;
		*slots = xreallocarray(*slots, n + 1, sizeof **slots);
		(*slots)[n++] = t;
	}
	return n;
}

size_t
booking_days(const struct booking_rules *b, time_t now, time_t **days)
{
	time_t	 midnight, *slots;
	size_t	 n = 0, nslots;
	int	 i;

	*days = NULL;
	/* Today's midnight: the next one, a day back. */
	midnight = schedule_next_midnight(&b->schedule, now) - 86400;
	for (i = 0; i <= b->days; i++, midnight += 86400) {
		nslots = booking_slots(b, midnight, now, &slots);
		free(slots);
		if (nslots == 0)
			continue;
		*days = xreallocarray(*days, n + 1, sizeof **days);
		(*days)[n++] = midnight;
	}
	return n;
}

int
booking_code_parse(const char *typed, char code[BOOKING_CODE_MAX + 1])
{
	size_t	 n = 0;
	int	 c, rc;

	/* Ten digits with their check digit; a wrong one is said apart. */
	if ((rc = check_digit_read(typed, BOOKING_CODE_MAX, code)) == 0)
		return 0;
	if (rc == CHECK_DIGIT_WRONG)
		return BOOKING_CODE_BAD_CHECK;
	/* The first form: eight of its own letters and digits. */
	for (; *typed != '\0'; typed++) {
		if (*typed == '-' || *typed == ' ')
			continue;
		c = toupper((unsigned char)*typed);
		if (n == BOOKING_CODE_OLD || c == '\0' ||
		    strchr(booking_alphabet, c) == NULL)
			return -1;
		code[n++] = (char)c;
	}
	code[n] = '\0';
	return n == BOOKING_CODE_OLD ? 0 : -1;
}

void
booking_code_format(const char *code, char out[BOOKING_CODE_SHOWN])
{
	check_digit_group(code, out, BOOKING_CODE_SHOWN);
}

void
booking_code_new(char code[BOOKING_CODE_MAX + 1],
    unsigned (*random)(unsigned))
{
	check_digit_new(code, BOOKING_CODE_MAX, random);
}

void
booking_clear(struct booking *b)
{
	free(b->service_code);
	memset(b, 0, sizeof *b);
}
