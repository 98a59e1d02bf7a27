/*
 * The SQLite engine's own handle and helpers, shared by its files
 * (store-sqlite*.c) and by nothing else: no other file of loketd may
 * include sqlite3.h.
 */
#ifndef LOKETD_STORE_SQLITE_H
#define LOKETD_STORE_SQLITE_H

#include <sqlite3.h>

#include "loketd/store.h"

#define SQ_CACHE	64	/* statements kept prepared in a handle */

struct store_sqlite {
	struct store	 base;		/* first: what callers see */
	sqlite3		*handle;
	char		*path;
	struct {
		char		*sql;
		sqlite3_stmt	*stmt;
	}		 cache[SQ_CACHE];	/* prepared once, reused */
	int		 cached;
	int		 writing;	/* holds the process's writer lock */
};

#define SQ(s)	((struct store_sqlite *)(s))

/* Log SQLite's words, set *cause and return STORE_FAILED. */
int	 sq_fail(struct store_sqlite *, int rc, char **cause);
/*
 * Prepare sql and bind ?1, ?2 ... by binds ('t' text, 'i' long): 0 or
 * STORE_FAILED.
 */
int	 sq_prepare(struct store_sqlite *, sqlite3_stmt **, char **cause,
	     const char *sql, const char *binds, ...);
/*
 * As sq_prepare, but the statement is kept prepared in the handle for
 * the next call with the same sql; give it back with sq_done, never
 * sqlite3_finalize. sq_run and sq_long use it.
 */
int	 sq_statement(struct store_sqlite *, sqlite3_stmt **, char **cause,
	     const char *sql, const char *binds, ...);
void	 sq_done(struct store_sqlite *, sqlite3_stmt *);
/* Run a statement that returns no row: 0 or STORE_FAILED. */
int	 sq_run(struct store_sqlite *, char **cause, const char *sql,
	     const char *binds, ...);
/* The first column of the first row: 1 found, 0 none, STORE_FAILED. */
int	 sq_long(struct store_sqlite *, long *, char **cause, const char *sql,
	     const char *binds, ...);
int	 sq_begin(struct store_sqlite *, char **cause);
int	 sq_commit(struct store_sqlite *, char **cause);
void	 sq_rollback(struct store_sqlite *);
/* An owned copy of a text column ("" for NULL). */
char	*sq_text(sqlite3_stmt *, int column);

/* The engine's parts, in store-sqlite-*.c. */
int	 sq_push(struct store *, long office, struct store_op *, size_t,
	     time_t now, char **cause);
int	 sq_changes(struct store *, long office, long after, int limit,
	     json_t **, long *last, char **cause);
int	 sq_pushed_through(struct store *, long office, long *seq,
	     char **cause);
int	 sq_publish(struct store *, const char *kind, const char *body,
	     time_t now, long *cursor, char **cause);
int	 sq_events(struct store *, const char *office,
	     int (*)(void *, const struct store_event *), void *, char **cause);
int	 sq_record_get(struct store *, const char *kind, const char *tracking,
	     struct store_record *, char **cause);
int	 sq_record_set(struct store *, const char *kind, const char *tracking,
	     const char *state, const char *note, time_t now, long *cursor,
	     char **cause);
int	 sq_backoffice_add(struct store *, const char *name,
	     const char *token_hash, time_t now, char **cause);
int	 sq_backoffice_disable(struct store *, const char *name, char **cause);
int	 sq_backoffice_by_token(struct store *, const char *token_hash,
	     char **name, char **cause);
/* An application's or a complaint's operation, in the push's transaction. */
int	 sq_record_apply(struct store_sqlite *, long office,
	     const struct store_op *, char **cause);
int	 sq_report(struct store *, const char *day, const char *office,
	     int (*)(void *, const struct store_report_row *), void *,
	     char **cause);

#endif
