/*
 * The centre's change feed, applied at the office: each change pulled is
 * applied by its kind (a table, one entry a kind), in the transaction
 * that also moves the cursor, so that a change is applied once or not at
 * all. A change of a kind this Loket does not know is kept in the
 * database for a later one and never stops the feed. The SQL is in
 * db-feed.c.
 *
 * It never speaks HTTP (office/agent.c does) and never opens a
 * transaction of its own but where it says so.
 */
#ifndef LOKET_FEED_H
#define LOKET_FEED_H

#include <stddef.h>

#include <jansson.h>

struct db;

/*
 * Apply one change (its cursor, generation, kind and data) in the
 * caller's transaction: 1 applied, 0 kept (a kind not known here),
 * DB_REFUSED (the data is not what the kind says: the centre sent
 * something wrong) or DB_FAILED, with a cause.
 */
int	 feed_apply(struct db *, long cursor, const char *generation,
	     const char *kind, const json_t *data, char **cause);

/*
 * Has the office's catalog come from the centre? 1 with *cursor the
 * change it came with, 0 not (the office's own import is its catalog),
 * DB_FAILED.
 */
int	 feed_catalog_followed(struct db *, long *cursor, char **cause);

/* Is day (YYYY-MM-DD) a holiday the centre published? 1, 0, DB_FAILED. */
int	 feed_holiday(struct db *, const char *day, char **cause);
/*
 * The centre's holidays as a list for schedule_parse() ("2026-12-25,
 * 2027-01-01"; "" for none), owned: 0 or DB_FAILED.
 */
int	 feed_holidays(struct db *, char **list, char **cause);

/*
 * Add the centre's holidays to a schedule made from loket.conf, so that
 * what it offers (booking slots) leaves them out: 0, or -1 with a cause.
 */
struct schedule;
int	 feed_schedule(struct db *, struct schedule *, char **cause);

/* Store, in the caller's transaction: 0 or DB_FAILED. */
/* Keep a change this Loket cannot apply, for a later one. */
int	 feed_keep(struct db *, long cursor, const char *generation,
	     const char *kind, const json_t *data, char **cause);
/* The catalog came from the centre with the change at cursor. */
int	 feed_catalog_mark(struct db *, long cursor, char **cause);
/* The centre's holidays are now days (YYYY-MM-DD each), and only they. */
int	 feed_holidays_set(struct db *, const char *const *days, size_t n,
	     char **cause);

#endif
