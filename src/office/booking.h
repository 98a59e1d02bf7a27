/*
 * Bookings: a citizen books a service for a time slot and gets a code;
 * on the day, the code (typed, or read by a barcode scanner that types
 * like a keyboard) checks them in for a queue ticket. A booking not
 * checked in by the end of the grace period expires as a no-show. The
 * SQL is in db-booking.c.
 */
#ifndef LOKET_BOOKING_H
#define LOKET_BOOKING_H

#include <stddef.h>
#include <time.h>

#include "common/i18n.h"
#include "office/schedule.h"

struct config;
struct db;
struct queue_rules;
struct ticket;

/*
 * A booking code is ten digits, the last a check digit (Verhoeff), so that
 * a keypad can type it and a wrong or swapped digit is caught before any
 * lookup: "2736-1048-53". Codes of the first form, eight letters and
 * digits ("K7M2-QX4P"), are still accepted.
 */
#define BOOKING_CODE_MAX	10	/* characters, without the dashes */
#define BOOKING_CODE_SHOWN	13	/* "2736-1048-53" and its NUL */
#define BOOKING_CODE_BAD_CHECK	(-2)	/* digits with a wrong check digit */

enum booking_state {
	BOOKING_BOOKED = 0,
	BOOKING_CHECKED_IN,
	BOOKING_EXPIRED
};

struct booking_rules {
	struct schedule	 schedule;	/* the hours slots are cut from */
	int		 slot_minutes;
	int		 capacity;
	int		 days;		/* how many days ahead */
	int		 grace;		/* minutes after the slot */
	int		 early;		/* minutes before the slot */
	int		 jump;		/* count from the slot, not check-in */
};

struct booking {
	long			 id;
	char			 code[BOOKING_CODE_MAX + 1];
	long			 service;
	char			*service_code;
	char			 day[11];
	time_t			 slot;
	enum booking_state	 state;
	long			 ticket;
};

/* The rules from the configuration (Mon-Fri 08:00-15:00 without hours). */
int	 booking_rules_init(struct booking_rules *, const struct config *,
	     char **cause);
void	 booking_rules_free(struct booking_rules *);
/* The local midnights of the days that can be booked, from today. */
size_t	 booking_days(const struct booking_rules *, time_t now, time_t **);
/* The slot starts of the day beginning at midnight, later than now. */
size_t	 booking_slots(const struct booking_rules *, time_t midnight,
	     time_t now, time_t **);
/*
 * A code as typed or scanned (dashes and spaces ignored), made canonical:
 * 0, BOOKING_CODE_BAD_CHECK for ten digits whose check digit is wrong, or
 * -1 if it cannot be a code.
 */
int	 booking_code_parse(const char *, char code[BOOKING_CODE_MAX + 1]);
/* "2736-1048-53" (or "K7M2-QX4P"): the code as shown and printed. */
void	 booking_code_format(const char *code, char out[BOOKING_CODE_SHOWN]);
/* A fresh code, random(n) giving 0..n-1 (randombytes_uniform). */
void	 booking_code_new(char code[BOOKING_CODE_MAX + 1],
	     unsigned (*random)(unsigned));
void	 booking_clear(struct booking *);

/* One booking by id: 1 found, 0 not, DB_FAILED. */
int	 booking_read(struct db *, long id, struct booking *, char **cause);
/*
 * Book a slot, keeping the citizen's language for the reminder: 0,
 * DB_REFUSED (full, past or not a slot) or DB_FAILED.
 */
int	 booking_make(struct db *, const struct booking_rules *,
	     const char *service, time_t slot, const char *phone, enum lang,
	     time_t now, struct booking *, char **cause);
/* Places left in a slot for a service, or DB_FAILED with a cause. */
int	 booking_free_places(struct db *, const struct booking_rules *,
	     long service, time_t slot, char **cause);
/*
 * Check in with a code for a ticket, in one transaction: 0, DB_REFUSED or
 * DB_FAILED with a cause
 * if the code is unknown, for another day, too early, expired or used.
 */
int	 booking_checkin(struct db *, const struct booking_rules *,
	     const struct queue_rules *, const char *code, time_t now,
	     struct ticket *, int *ahead, char **cause);
/* Mark bookings past their grace period as expired; how many. */
int	 booking_expire(struct db *, const struct booking_rules *, time_t now);

#endif
