/*
 * The outbox: every event of the office's log as an operation bound for
 * the centre (sync/op.h), sealed in the transaction that writes the
 * event, and the agent's state (the centre, the token, how far push and
 * pull have come). The SQL is in db-outbox.c and db-sync-state.c.
 *
 * It never speaks HTTP (office/agent.c does) and never changes an
 * operation once sealed: what is pushed is what was written.
 */
#ifndef LOKET_OUTBOX_H
#define LOKET_OUTBOX_H

#include <time.h>

#include <jansson.h>

struct db;

/*
 * Seal every event that has no operation yet, in the caller's
 * transaction: 0 or DB_FAILED. Called after each event is written.
 */
int	 outbox_seal(struct db *, char **cause);
/*
 * Personal data (a JSON object, whose reference is taken) sealed to the
 * centre's key: *sealed owned, or NULL before enrolment. 0 or DB_FAILED.
 */
int	 outbox_seal_personal(struct db *, json_t *, char **sealed,
	     char **cause);
/* The centre's public key (hex, owned), or NULL before enrolment. */
int	 outbox_centre_key(struct db *, char **key, char **cause);

/* One sealed operation, for a batch. */
struct outbox_op {
	long	 seq;
	char	*op_id;
	char	*body;	/* canonical JSON */
};
/* Up to limit operations after seq, oldest first: a count or DB_FAILED. */
int	 outbox_pending(struct db *, long after, int limit,
	     struct outbox_op **, char **cause);
void	 outbox_ops_free(struct outbox_op *, int count);

/* The agent's state, as the sync_state table holds it. */
struct outbox_state {
	char	*centre;	/* URL; NULL: not enrolled */
	char	*office;
	char	*token;
	char	*centre_key;	/* hex: sealed boxes go to it */
	char	*generation;
	long	 cursor;	/* pulled up to */
	long	 pushed;	/* outbox seq pushed up to */
	long	 conflicts, rejected;	/* answers that will not change */
	time_t	 last_success, last_attempt;
	time_t	 next_try;	/* planned by a running agent; 0 */
	time_t	 clock_at;	/* when clock_offset was measured; 0 */
	long	 clock_offset;	/* the centre's clock minus ours */
	char	*last_error;
	long	 pending;	/* operations waiting */
	time_t	 oldest;	/* the oldest waiting one's time; 0 */
};
int	 outbox_state_read(struct db *, struct outbox_state *, char **cause);
void	 outbox_state_clear(struct outbox_state *);
/* Enrolled: the centre, office, token, key and generation, at once. */
int	 outbox_enrol(struct db *, const struct outbox_state *, char **cause);
/* A batch answered: pushed through seq, with the counts of its answers. */
int	 outbox_pushed(struct db *, long seq, long conflicts, long rejected,
	     char **cause);
/*
 * Pulled: the new cursor and generation, in the caller's transaction,
 * the one that applied what was pulled (office/feed.h).
 */
int	 outbox_pulled(struct db *, long cursor, const char *generation,
	     char **cause);
/*
 * The end of a round: a success (error NULL) or why it failed, and the
 * centre's clock minus the office's when an answer said it (or NULL).
 */
int	 outbox_round(struct db *, time_t now, const char *error,
	     const long *clock_offset, char **cause);
/* When the running agent will try next (0: not planned). */
int	 outbox_next_try(struct db *, time_t when, char **cause);

#endif
