/*
 * The store: one SQLite database file per office, opened in WAL mode with
 * synchronous=FULL, foreign keys on and a busy timeout, and brought up to
 * the current schema by ordered migrations.
 *
 * Only db*.c files include sqlite3.h; SQLite result codes become
 * user-language causes here (db_cause) and nowhere else.
 */
#ifndef LOKET_DB_H
#define LOKET_DB_H

#include <stdarg.h>

#include <sqlite3.h>

/*
 * What an action of the office returns besides 0 (done), each with a
 * cause the caller shows and frees: the rules said no, or the database
 * could not be used (locked past the busy timeout, a full disk...), when
 * trying again later may work.
 */
#define DB_REFUSED	(-1)
#define DB_FAILED	(-2)

struct db {
	sqlite3		*handle;
	char		*path;
	int		 busy_ms;
};

enum db_open_mode {
	DB_OPEN_EXISTING,	/* the file must exist and be Loket's */
	DB_OPEN_CREATE,		/* create the file (and its directory) if needed */
	DB_OPEN_FIRST_START	/* the file must exist; an empty one is made
				 * Loket's (the kiosk's first start) */
};

/*
 * Open and migrate; NULL with *cause on failure. A database that is not
 * empty and not Loket's (by its application_id, or by its tables for one
 * made before the mark) is refused and left as it was; an empty one is
 * given Loket's schema only when the mode allows it.
 */
struct db	*db_open(const char *path, enum db_open_mode, int busy_ms,
		     char **cause);
void		 db_close(struct db *);

/* The schema version this program writes. */
int		 db_schema_version(void);

/* An owned, user-language cause for result code rc. */
char		*db_cause(struct db *, int rc);
/* Log SQLite's own words, set *cause from rc and return DB_FAILED. */
int		 db_fail(struct db *, int rc, char **cause);
/*
 * Bind the arguments to ?1, ?2 ... by binds, one letter each: 't' a
 * const char * (NULL binds NULL), 'i' a long. Binds past the statement's
 * last parameter are ignored, so that statements picked from a table
 * share one call. An SQLite result code.
 */
int		 db_bind(struct db *, sqlite3_stmt *, const char *binds,
		     va_list);
/*
 * The first column of the first row, as a long (0 for NULL): 1 found,
 * 0 no row, DB_FAILED.
 */
int		 db_query_long(struct db *, long *, char **cause,
		     const char *sql, const char *binds, ...);
/* Run a statement that returns no row: 0 or DB_FAILED. */
int		 db_change(struct db *, char **cause, const char *sql,
		     const char *binds, ...);

/* Prepare a statement; DB_FAILED and *cause on failure. */
int		 db_prepare(struct db *, const char *sql, sqlite3_stmt **,
		     char **cause);
/* Transactions (0 or DB_FAILED); BEGIN IMMEDIATE so writers queue. */
int		 db_begin(struct db *, char **cause);
int		 db_commit(struct db *, char **cause);
void		 db_rollback(struct db *);

/* An owned copy of a text column ("" for NULL). */
char		*db_column_text(sqlite3_stmt *, int);
/* The first byte of a text column, such as a queue letter ('\0' for NULL). */
char		 db_column_char(sqlite3_stmt *, int);

#endif
