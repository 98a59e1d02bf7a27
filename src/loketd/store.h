/*
 * The centre's store: one interface, several engines (SQLite and
 * PostgreSQL), the way Synapse does it. Callers see only these
 * functions and structs; SQL and its dialect live in the engine's files
 * (store-sqlite*.c, store-pg*.c), which nothing else includes.
 *
 * It never speaks HTTP and never decides what a request may do: the API
 * (api-*.c) checks, the store persists, one transaction per call.
 * Strings in the structs it fills are owned by the caller, who frees them
 * with the matching *_clear function.
 */
#ifndef LOKETD_STORE_H
#define LOKETD_STORE_H

#include <time.h>

#include "sync/canonical.h"
#include "sync/op.h"

/* What a call returns besides 0, each with an owned cause. */
#define STORE_REFUSED	(-1)	/* the data said no (unknown, used...) */
#define STORE_FAILED	(-2)	/* the database could not be used */

/*
 * How a store is opened: to use it (SQLite brings its file's schema up
 * to date; PostgreSQL wants it current, or newer), by loketd init (which
 * makes the file or the schema), or by loketd migrate (which upgrades the
 * schema and makes nothing).
 */
#define STORE_USE	0
#define STORE_CREATE	1
#define STORE_MIGRATE	2

/* What every engine's handle starts with. */
struct store {
	const struct store_engine	*engine;
};

struct store_office {
	long	 id;
	char	*code;
	char	*name;
	int	 active;
	int	 enrolled;
	time_t	 last_seen;	/* 0: never */
	long	 chain_breaks;
	long	 received;	/* operations received */
};

/* What happened to one operation of a batch. */
enum store_result {
	STORE_APPLIED,
	STORE_DUPLICATE,
	STORE_CONFLICT,
	STORE_REJECTED,
	STORE_RESULT_COUNT
};

/* One operation of a batch, as the API read it. */
struct store_op {
	int			 parsed;	/* op is valid */
	struct sync_op		 op;
	char			 id[SYNC_UUID_LEN];	/* "" if unreadable */
	char			 hash[SYNC_HASH_HEX];
	const char		*body;		/* canonical text */
	enum store_result	 result;	/* filled by the store */
	enum store_result	 first;		/* for a duplicate */
};

/* One event an office pushed, for loketd events. */
struct store_event {
	const char	*office;	/* its code */
	long		 seq;
	const char	*op_id;
	long		 at;
	const char	*kind;
	const char	*body;		/* the operation's canonical text */
};

/*
 * A page of changes stops after the change that brings its bodies past
 * this many bytes, so that an office on a slow link gets pages it can
 * finish; a single change may be bigger, up to STORE_CHANGE_MAX.
 */
#define STORE_CHANGES_BYTES	(1024L * 1024)
#define STORE_CHANGE_MAX	(8L * 1024 * 1024)

/*
 * An application or a complaint as the centre knows it: what its office
 * pushed, then what the centre set, in the order they came (the centre's
 * order decides). note is an application's note or a complaint's answer.
 */
#define STORE_TRACKING_LEN	13	/* twelve digits and a NUL */
struct store_record {
	char	 kind[16];		/* "application" or "complaint" */
	char	 tracking[STORE_TRACKING_LEN];
	char	*office;		/* the office's code */
	char	*service;
	char	*state;
	char	*note;
	long	 updated;
};

/* One office's day, for loketd report. */
struct store_report_row {
	const char	*office;
	const char	*day;
	long		 taken, served, noshow, open;
	long		 average_wait;	/* seconds; -1: nobody called */
	long		 longest_wait;	/* seconds; -1 */
	long		 chain_breaks;
};

/* Past its name, only functions: store_open checks none is NULL. */
struct store_engine {
	const char	*name;
	int	(*open)(const char *where, int mode, struct store **,
		    char **cause);
	void	(*close)(struct store *);
	/* A setting of the centre (keys, generation): 1, 0 none, FAILED. */
	int	(*meta_get)(struct store *, const char *key, char **value,
		    char **cause);
	int	(*meta_set)(struct store *, const char *key, const char *value,
		    char **cause);
	int	(*office_add)(struct store *, const char *code, const char *name,
		    const char *code_hash, time_t expires, char **cause);
	int	(*office_disable)(struct store *, const char *code,
		    char **cause);
	int	(*office_list)(struct store *,
		    int (*)(void *, const struct store_office *), void *,
		    char **cause);
	/*
	 * Enrol with a code: the office, with its new token. The code is
	 * kept, and the same code makes a new token in place of the last,
	 * until the office's first request with its token spends it
	 * (office_by_token); REFUSED when unknown, spent or expired.
	 */
	int	(*enrol)(struct store *, const char *code_hash, time_t now,
		    const char *token_hash, struct store_office *,
		    char **cause);
	/* The active office holding a token (its counts left 0): 1, 0, FAILED. */
	int	(*office_by_token)(struct store *, const char *token_hash,
		    time_t now, struct store_office *, char **cause);
	/* Record and apply a batch in one transaction. */
	int	(*push)(struct store *, long office, struct store_op *,
		    size_t count, time_t now, char **cause);
	/*
	 * The changes for an office (its own and every office's) after a
	 * cursor, as a JSON array (new reference), up to limit and
	 * STORE_CHANGES_BYTES.
	 */
	int	(*changes)(struct store *, long office, long after, int limit,
		    json_t **array, long *last, char **cause);
	int	(*report)(struct store *, const char *day, const char *office,
		    int (*)(void *, const struct store_report_row *), void *,
		    char **cause);
	/*
	 * Add a change of kind to the feed, unless the latest change of that
	 * kind has this body already, in one transaction: 1 added, 0 the
	 * same as before (nothing added), FAILED; *cursor is the change's.
	 */
	int	(*publish)(struct store *, const char *kind, const char *body,
		    time_t now, long *cursor, char **cause);
	/* What an office pushed, oldest first (all offices if NULL). */
	int	(*events)(struct store *, const char *office,
		    int (*)(void *, const struct store_event *), void *,
		    char **cause);
	/*
	 * The highest seq N such that the centre holds every operation of
	 * the office from 1 to N (a receipt, whatever its result): after a
	 * restore from a backup, lower than what the office pushed.
	 */
	int	(*pushed_through)(struct store *, long office, long *seq,
		    char **cause);
	/* An application or a complaint by kind and number: 1, 0, FAILED. */
	int	(*record_get)(struct store *, const char *kind,
		    const char *tracking, struct store_record *, char **cause);
	/*
	 * The centre sets a record's state and note and publishes the change
	 * for its office, in one transaction: 0, REFUSED (no such record),
	 * FAILED; *cursor is the change's.
	 */
	int	(*record_set)(struct store *, const char *kind,
		    const char *tracking, const char *state, const char *note,
		    time_t now, long *cursor, char **cause);
	/*
	 * A back-office system's token (its hash): made, or renewed for a
	 * name that had one (the old token stops working); 0 or FAILED.
	 */
	int	(*backoffice_add)(struct store *, const char *name,
		    const char *token_hash, time_t now, char **cause);
	/* 0, REFUSED (no such name) or FAILED. */
	int	(*backoffice_disable)(struct store *, const char *name,
		    char **cause);
	/* The active back office holding a token: 1 (*name owned), 0, FAILED. */
	int	(*backoffice_by_token)(struct store *, const char *token_hash,
		    char **name, char **cause);
};

extern const struct store_engine store_sqlite;
extern const struct store_engine store_pg;

/*
 * Open with the engine for where (a postgresql:// or postgres:// URL is
 * PostgreSQL, anything else an SQLite file); NULL and *cause.
 */
struct store	*store_open(const char *where, int mode, char **cause);
void		 store_close(struct store *);
void		 store_office_clear(struct store_office *);
const char	*store_result_name(enum store_result);
/*
 * Is x an operation about an application or a complaint? 1 with r filled
 * from its detail (strings owned: store_record_clear), 0 if not.
 */
int		 store_op_record(const struct store_op *, struct store_record *);
void		 store_record_clear(struct store_record *);
/* The change a record set at the centre publishes (owned JSON text). */
char		*store_record_change(const struct store_record *, const char **kind);
/* The record takes state and note at now: its change, as above. */
char		*store_record_next(struct store_record *, const char *state,
		     const char *note, time_t now, const char **kind);
/* Where the store is, as it may be printed: a password becomes ***. */
char		*store_where_shown(const char *where);
/* Is state a ticket state the centre knows? */
int		 store_state_known(const char *state);
/* The day an op belongs to: its ticket's, or the UTC day of its time. */
void		 store_op_day(const struct store_op *, char day[11]);

#endif
