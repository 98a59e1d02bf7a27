/*
 * The sync agent: enrolment with the centre, and one round of sync (push
 * every operation waiting in the outbox, in batches, then pull the
 * centre's changes after the cursor). The kiosk and the desk never call
 * it: it runs in its own process (loket sync).
 *
 * It never prints; what the centre says reaches a person only through
 * the cause, made safe for a terminal.
 */
#ifndef LOKET_AGENT_H
#define LOKET_AGENT_H

struct db;

/* How a round or an enrolment ended. */
enum agent_status {
	AGENT_DONE,
	AGENT_NOT_ENROLLED,	/* loket sync enrol first */
	AGENT_UNREACHABLE,	/* no answer, 429 or 5xx: try again later */
	AGENT_REFUSED,		/* the centre said no (token, code, body) */
	AGENT_DATABASE		/* the office database could not be used */
};

struct agent_report {
	long	 pushed;	/* operations sent */
	long	 applied, duplicates, conflicts, rejected;
	long	 pulled;	/* changes received */
	int	 new_generation;	/* the centre was restored: full pull */
	long	 retry_after;	/* seconds the centre asked us to wait */
};

#define AGENT_BATCH	100	/* operations in one push */

/* Enrol with the code from "loketd office add"; *office is owned. */
enum agent_status agent_enrol(struct db *, const char *url, const char *code,
		     char **office, char **cause);
/* One round of sync. */
enum agent_status agent_round(struct db *, struct agent_report *,
		     char **cause);

#endif
