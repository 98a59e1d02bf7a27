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

#include <sqlite3.h>

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
/*
 * How many database failures have been turned into causes: a command
 * compares it before and after a call to tell "the database could not
 * be used" (exit 3) from a refusal by the rules (exit 1).
 */
unsigned long	 db_failure_count(void);

/* Prepare a statement; -1 and *cause on failure. */
int		 db_prepare(struct db *, const char *sql, sqlite3_stmt **,
		     char **cause);
/* Transactions; BEGIN IMMEDIATE so writers queue at the start. */
int		 db_begin(struct db *, char **cause);
int		 db_commit(struct db *, char **cause);
void		 db_rollback(struct db *);

/* An owned copy of a text column ("" for NULL). */
char		*db_column_text(sqlite3_stmt *, int);
/* The first byte of a text column, such as a queue letter ('\0' for NULL). */
char		 db_column_char(sqlite3_stmt *, int);

#endif
