/*
 * The centre's store: one interface, several engines (SQLite now,
 * PostgreSQL to come), the way Synapse does it. Callers see only these
 * functions and structs; SQL and its dialect live in the engine's file
 * (store-sqlite.c), which nothing else includes.
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

/* One office's day, for loketd report. */
struct store_report_row {
	const char	*office;
	const char	*day;
	long		 taken, served, noshow, open;
	long		 average_wait;	/* seconds; -1: nobody called */
	long		 longest_wait;	/* seconds; -1 */
	long		 chain_breaks;
};

struct store_engine {
	const char	*name;
	int	(*open)(const char *where, int create, struct store **,
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
	/* Spend an enrolment code: the office, with its new token. */
	int	(*enrol)(struct store *, const char *code_hash, time_t now,
		    const char *token_hash, struct store_office *,
		    char **cause);
	/* The active office holding a token (its counts left 0): 1, 0, FAILED. */
	int	(*office_by_token)(struct store *, const char *token_hash,
		    time_t now, struct store_office *, char **cause);
	/* Record and apply a batch in one transaction. */
	int	(*push)(struct store *, long office, struct store_op *,
		    size_t count, time_t now, char **cause);
	/* Changes after a cursor, as a JSON array (new reference). */
	int	(*changes)(struct store *, long after, int limit,
		    json_t **array, long *last, char **cause);
	int	(*report)(struct store *, const char *day, const char *office,
		    int (*)(void *, const struct store_report_row *), void *,
		    char **cause);
};

extern const struct store_engine store_sqlite;

/* Open with the engine for where (a path is SQLite); NULL and *cause. */
struct store	*store_open(const char *where, int create, char **cause);
void		 store_close(struct store *);
void		 store_office_clear(struct store_office *);
const char	*store_result_name(enum store_result);

#endif
