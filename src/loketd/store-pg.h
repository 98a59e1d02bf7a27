/*
 * The PostgreSQL engine's own handle and helpers, shared by its files
 * (store-pg*.c) and by nothing else: no other file of loketd may include
 * libpq-fe.h.
 *
 * Nothing lives in the session between two calls, so that loketd works
 * behind pgbouncer in transaction mode: statements are sent with their
 * parameters (an unnamed statement each time), locks are transaction
 * advisory locks, nothing is SET.
 */
#ifndef LOKETD_STORE_PG_H
#define LOKETD_STORE_PG_H

#include <libpq-fe.h>

#include "loketd/store.h"

struct store_pg {
	struct store	 base;		/* first: what callers see */
	PGconn		*conn;
	char		*name;		/* the database, for messages */
	int		 in_tx;		/* inside BEGIN ... COMMIT */
};

#define PG(s)	((struct store_pg *)(s))

/*
 * The rule of the change table: whatever inserts into it takes this
 * transaction advisory lock first, before the INSERT, in the same
 * transaction (PostgreSQL holds it to COMMIT or ROLLBACK).
 *
 * Why: a cursor comes from a sequence, and a sequence is not commit
 * order. Without the lock, A draws cursor 7 and B cursor 8, B commits
 * first, an office reads "after 6", gets 8 and next asks "after 8": 7,
 * committed a moment later, is never read. With the lock, B cannot draw
 * 8 before A has committed 7 (or rolled it back, leaving a gap that
 * nothing will fill), so a reader that sees a cursor sees every smaller
 * one there will ever be. Readers take no lock. Every loketd must use
 * the same key, and a hand-made INSERT (psql) must take it too.
 */
#define PG_CHANGE_LOCK	"SELECT pg_advisory_xact_lock(345131791221)"

/* Log PostgreSQL's words, set *cause and return STORE_FAILED. */
int	 pg_fail(struct store_pg *, const PGresult *, char **cause);
/*
 * Run sql with $1, $2 ... bound by binds ('t' text, NULL for SQL NULL;
 * 'i' long). The result on success (PQclear it), else NULL and *cause.
 */
PGresult *pg_query(struct store_pg *, char **cause, const char *sql,
	     const char *binds, ...);
/* Run a statement: the rows it touched, or STORE_FAILED. */
long	 pg_run(struct store_pg *, char **cause, const char *sql,
	     const char *binds, ...);
/* The first column of the first row: 1 found, 0 none, STORE_FAILED. */
int	 pg_long(struct store_pg *, long *, char **cause, const char *sql,
	     const char *binds, ...);
int	 pg_begin(struct store_pg *, char **cause);
int	 pg_commit(struct store_pg *, char **cause);
void	 pg_rollback(struct store_pg *);
/* A column as a number; an owned copy of a text column. */
long	 pg_num(const PGresult *, int row, int column);
char	*pg_text(const PGresult *, int row, int column);

/* The engine's parts, in store-pg-*.c. */
int	 pg_push(struct store *, long office, struct store_op *, size_t,
	     time_t now, char **cause);
int	 pg_changes(struct store *, long office, long after, int limit,
	     json_t **, long *last, char **cause);
int	 pg_pushed_through(struct store *, long office, long *seq,
	     char **cause);
int	 pg_publish(struct store *, const char *kind, const char *body,
	     time_t now, long *cursor, char **cause);
int	 pg_events(struct store *, const char *office,
	     int (*)(void *, const struct store_event *), void *, char **cause);
int	 pg_record_get(struct store *, const char *kind, const char *tracking,
	     struct store_record *, char **cause);
int	 pg_record_set(struct store *, const char *kind, const char *tracking,
	     const char *state, const char *note, time_t now, long *cursor,
	     char **cause);
int	 pg_backoffice_add(struct store *, const char *name,
	     const char *token_hash, time_t now, char **cause);
int	 pg_backoffice_disable(struct store *, const char *name, char **cause);
int	 pg_backoffice_by_token(struct store *, const char *token_hash,
	     char **name, char **cause);
int	 pg_report(struct store *, const char *day, const char *office,
	     int (*)(void *, const struct store_report_row *), void *,
	     char **cause);

#endif
