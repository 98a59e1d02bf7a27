/*
 * The digital queue: tickets per service per day, called to counters.
 *
 * Every change is one immediate transaction that also appends to the
 * event log, so that two desks can never call the same ticket, numbers
 * have no gaps, and a kill -9 at any point leaves a consistent database.
 * The rules (hours, quota, priority weighting) come from struct
 * queue_rules; the SQL lives in db-queue.c. An action returns 0 when
 * done, DB_REFUSED when the rules say no and DB_FAILED when the
 * database could not be used (office/db.h), each with a cause.
 *
 * A counter holds at most one current ticket (called or being served;
 * parked ones aside): calling the next one, or resuming a parked one,
 * while another is current is refused with its number.
 */
#ifndef LOKET_QUEUE_H
#define LOKET_QUEUE_H

#include <time.h>

#include "common/i18n.h"
#include "office/schedule.h"

struct config;
struct db;

enum ticket_state {
	TICKET_WAITING = 0,
	TICKET_CALLED,
	TICKET_SERVING,
	TICKET_PARKED,
	TICKET_DONE,
	TICKET_NOSHOW,
	TICKET_STATE_COUNT
};

enum ticket_priority {
	PRIORITY_NONE = 0,
	PRIORITY_ELDERLY,
	PRIORITY_DISABLED,
	PRIORITY_PREGNANT,
	PRIORITY_CHILD,
	PRIORITY_COUNT
};

enum ticket_outcome {
	OUTCOME_DONE = 0,	/* served */
	OUTCOME_INCOMPLETE,	/* documents incomplete */
	OUTCOME_FORWARDED,	/* sent on to another office */
	OUTCOME_REJECTED,
	OUTCOME_NOSHOW,
	OUTCOME_TRANSFERRED,	/* to another service, as a new ticket */
	OUTCOME_COUNT
};

enum queue_action {
	QUEUE_CALL = 0,
	QUEUE_RECALL,
	QUEUE_SERVE,
	QUEUE_FINISH,
	QUEUE_NOSHOW,
	QUEUE_PARK,
	QUEUE_RESUME,
	QUEUE_TRANSFER,
	QUEUE_ACTION_COUNT
};

struct ticket {
	long			 id;
	char			 day[11];	/* office-local YYYY-MM-DD */
	long			 service;
	char			*service_code;
	char			 letter;
	int			 number;
	enum ticket_priority	 priority;
	enum ticket_state	 state;
	time_t			 arrived;	/* kept across a transfer */
	time_t			 called;	/* 0 if never */
	time_t			 served;
	time_t			 finished;
	int			 counter;	/* 0 if none */
	int			 calls;
	int			 outcome;	/* enum ticket_outcome, -1 if open */
};

/* Who does something, for the event log. */
struct queue_actor {
	const char	*who;		/* user name, or "kiosk" */
	const char	*terminal;	/* tty or host */
	int		 counter;	/* 0 at a kiosk */
};

/* The office's rules for taking and calling tickets. */
struct queue_rules {
	struct schedule	 schedule;
	int		 restricted;	/* hours configured: check them */
	int		 quota;		/* tickets per service per day; 0 none */
	int		 priority_bonus;	/* seconds a priority ticket gains */
};

/* Per-service figures for the waiting list and the board. */
struct queue_service_status {
	long	 service;
	char	*code;
	char	 letter;
	char	*name;
	int	 waiting;
	int	 served;		/* finished today */
	time_t	 oldest;		/* arrival of the longest waiting, 0 if none */
};

/* A call or recall from the event log, for the board. */
struct queue_call {
	long	 event;		/* event id: later calls have larger ids */
	long	 ticket;
	char	 letter;
	int	 number;
	int	 counter;
	int	 recall;	/* 1 for a recall */
	time_t	 at;
};

/* Today's figures, for the desk and the report. */
struct queue_figures {
	int	 served;		/* finished, not transferred */
	int	 noshow;		/* with left_open */
	int	 left_open;		/* a past day's open tickets */
	int	 waiting;
	long	 average_wait;		/* seconds from arrival to call; -1 */
	long	 average_service;	/* seconds from serving to finish; -1 */
	int	 per_hour[24];		/* finished per local hour */
};

/* The rules from the configuration; -1 and *cause if they do not parse. */
int		 queue_rules_init(struct queue_rules *, const struct config *,
		     char **cause);
void		 queue_rules_free(struct queue_rules *);
/* The office-local date of now. */
void		 queue_day(const struct queue_rules *, time_t now, char day[11]);

/* Names as stored and as typed on the command line. */
const char	*queue_state_name(enum ticket_state);
const char	*queue_state_label(enum ticket_state);	/* translated */
const char	*queue_priority_name(enum ticket_priority);
int		 queue_priority_parse(const char *, enum ticket_priority *);
const char	*queue_outcome_name(enum ticket_outcome);
int		 queue_outcome_parse(const char *, enum ticket_outcome *);
/* Its label in the current language ("Elderly", "Lansia"). */
const char	*queue_priority_label(enum ticket_priority);
/* "A-012", owned by the caller. */
char		*queue_ticket_label(const struct ticket *);
/* May action be taken on a ticket in this state? */
int		 queue_allowed(enum queue_action, enum ticket_state);
/* Why not, in the current language; owned. */
char		*queue_refusal(enum queue_action, const struct ticket *);

void		 queue_ticket_clear(struct ticket *);
/* Is this a mobile number for text messages: 8-15 digits from 0, or
 * the same written from +62 (+6281234567890)? */
int		 queue_phone_valid(const char *);
/* The number as stored, from 0 (081234567890); NULL if not valid. Owned. */
char		*queue_phone_normalise(const char *);
/* "about 25 minutes", or "not known yet" for -1; owned. */
char		*queue_wait_text(long seconds);

/*
 * Take a ticket for a service; *ahead is how many wait before it. Refused
 * (with a cause naming when the service opens next) outside hours, on a
 * holiday or past the quota. Runs queue_retention first.
 */
int		 queue_take(struct db *, const struct queue_rules *,
		     const struct queue_actor *, const char *service,
		     enum ticket_priority, time_t now, struct ticket *,
		     int *ahead, char **cause);
/* What a ticket may carry besides its service. */
struct queue_extra {
	const char	*phone;		/* for a "your turn is near" message */
	long		 booking;	/* the booking it was checked in from */
	time_t		 arrived;	/* counts as arrived then; 0: now */
	enum lang	 lang;		/* the citizen's, for the message */
};
/* queue_take with a phone, a booking or an earlier arrival. */
int		 queue_take_with(struct db *, const struct queue_rules *,
		     const struct queue_actor *, const char *service,
		     enum ticket_priority, time_t now,
		     const struct queue_extra *, struct ticket *, int *ahead,
		     char **cause);
/* The same inside the caller's transaction, without the hours check. */
int		 queue_take_locked(struct db *, const struct queue_rules *,
		     const struct queue_actor *, const char *service,
		     enum ticket_priority, time_t now,
		     const struct queue_extra *, struct ticket *, int *ahead,
		     char **cause);
/*
 * Call the next ticket for the services the counter serves: the longest
 * waiting, a priority ticket counting priority_bonus seconds more. 1 if
 * one was called, 0 if nobody waits, DB_REFUSED or DB_FAILED.
 */
int		 queue_call_next(struct db *, const struct queue_rules *,
		     const struct queue_actor *, time_t now, struct ticket *,
		     char **cause);
/* Apply action to one ticket (by id); the transfer needs to_service. */
int		 queue_act(struct db *, const struct queue_rules *,
		     const struct queue_actor *, enum queue_action, long id,
		     enum ticket_outcome, const char *to_service, time_t now,
		     struct ticket *, char **cause);
/*
 * How many waiting tickets of the same service the calling order puts
 * before ticket id, in both lanes: 0 or DB_FAILED.
 */
int		 queue_ahead(struct db *, const struct queue_rules *, long id,
		     int *ahead, char **cause);
/*
 * Once a day: forget the phone numbers of the days before and their
 * unsent messages. 0, or DB_FAILED.
 */
int		 queue_retention(struct db *, const struct queue_rules *,
		     time_t now, char **cause);
/* One ticket by id; 1 found, 0 not, DB_FAILED. */
int		 queue_ticket(struct db *, long id, struct ticket *,
		     char **cause);
/* Today's figures per active service. */
int		 queue_status(struct db *, const struct queue_rules *, time_t now,
		     struct queue_service_status **, size_t *, char **cause);
void		 queue_status_free(struct queue_service_status *, size_t);
/*
 * Calls and recalls of today with an event id above after, oldest first,
 * at most max of the newest. After 0 gives the last max calls.
 */
int		 queue_calls(struct db *, const struct queue_rules *, time_t now,
		     long after, size_t max, struct queue_call **, size_t *,
		     char **cause);
/* The ticket a counter holds now (called, serving or parked): 1, 0, or
 * DB_FAILED. */
int		 queue_current(struct db *, const struct queue_rules *,
		     int counter, time_t now, struct ticket *, char **cause);
/* Today's ticket with this label ("A-012" or "A12"): 1, 0 none, or
 * DB_FAILED. */
int		 queue_find(struct db *, const struct queue_rules *, time_t now,
		     const char *label, long *id, char **cause);
/* Today's figures, for one counter or (counter 0) the whole office. */
int		 queue_figures(struct db *, const struct queue_rules *,
		     time_t now, int counter, struct queue_figures *,
		     char **cause);
/*
 * The same for a given office-local day "YYYY-MM-DD". Of a day before
 * now's, the tickets left open (waiting, called, serving or parked at its
 * midnight) count as not present (queue_left_open).
 */
int		 queue_figures_day(struct db *, const struct queue_rules *,
		     const char *day, int counter, time_t now,
		     struct queue_figures *, char **cause);
/* Did a day before today leave this ticket open? It was not present. */
int		 queue_left_open(const struct ticket *, const char *today);
/*
 * Every ticket of a day, in order, to row: 0, 1 when row returned
 * non-zero (and stopped it), or DB_FAILED with a cause.
 */
int		 queue_log(struct db *, const char *day,
		     int (*row)(void *, const struct ticket *), void *,
		     char **cause);
/* "Loket 1 Dukcapil, Loket 2 Dukcapil": who serves it; NULL if none. */
char		*queue_counter_names(struct db *, long service);
/*
 * The expected wait for someone with ahead people before them, from the
 * recent service times of the service; -1 when there is no history yet.
 */
long		 queue_estimate(struct db *, long service, int ahead);

#endif
