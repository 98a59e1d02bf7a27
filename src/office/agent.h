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
	long	 kept;		/* of which kept, not applied (kind unknown) */
	int	 new_generation;	/* the centre was restored: full pull */
	long	 pushed_back;	/* operations the centre had lost, again */
	long	 retry_after;	/* seconds the centre asked us to wait */
	int	 has_clock;	/* the centre said its time */
	long	 clock_offset;	/* its clock minus the office's, seconds */
};

#define AGENT_BATCH	100	/* operations in one push */

/* Enrol with the code from "loketd office add"; *office is owned. */
enum agent_status agent_enrol(struct db *, const char *url, const char *code,
		     char **office, char **cause);
/* One round of sync. */
enum agent_status agent_round(struct db *, struct agent_report *,
		     char **cause);

#define AGENT_BACKOFF_BASE	2	/* seconds: the first retry's ceiling */
#define AGENT_BACKOFF_CAP	900	/* seconds: never wait longer */

/*
 * Seconds to wait before the next try after attempt failures in a row:
 * full jitter (uniform between 0 and min(cap, base * 2^attempt)), and at
 * least what the centre asked for with Retry-After (up to the cap).
 */
long		 agent_backoff(int attempt, long retry_after);
/*
 * Take the lock that lets one agent run per database: a descriptor to
 * keep open while running, or -1 with a cause (another agent has it).
 */
int		 agent_lock(struct db *, char **cause);
/* Is an agent running for this database (holding the lock)? 1 or 0. */
int		 agent_running(struct db *);

#endif
