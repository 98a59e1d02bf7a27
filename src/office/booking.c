/* Bookings: the rules, the slots of a day, and the codes. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "common/configuration.h"
#include "common/xmalloc.h"
#include "office/booking.h"

/* No 0/O, 1/I, 2/Z, 5/S or 8/B: a code is read aloud and typed. */
static const char booking_alphabet[] = "ACDEFGHJKLMNPQRTUVWXY34679";

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
booking_code_parse(const char *typed, char code[BOOKING_CODE_LENGTH + 1])
{
	size_t	 n = 0;
	int	 c;

	for (; *typed != '\0'; typed++) {
		if (*typed == '-' || *typed == ' ')
			continue;
		c = toupper((unsigned char)*typed);
		if (strchr(booking_alphabet, c) == NULL || c == '\0' ||
		    n == BOOKING_CODE_LENGTH)
			return -1;
		code[n++] = (char)c;
	}
	code[n] = '\0';
	return n == BOOKING_CODE_LENGTH ? 0 : -1;
}

void
booking_code_format(const char *code, char out[10])
{
	memcpy(out, code, 4);
	out[4] = '-';
	memcpy(out + 5, code + 4, 4);
	out[9] = '\0';
}

void
booking_code_new(char code[BOOKING_CODE_LENGTH + 1],
    unsigned (*random)(unsigned))
{
	int	 i;

	for (i = 0; i < BOOKING_CODE_LENGTH; i++)
		code[i] = booking_alphabet[random(sizeof booking_alphabet -
		    1)];
	code[BOOKING_CODE_LENGTH] = '\0';
}

void
booking_clear(struct booking *b)
{
	free(b->service_code);
	memset(b, 0, sizeof *b);
}
