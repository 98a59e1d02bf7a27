/*
 * Store: what the centre published, as the office keeps it: the
 * holidays, the mark that the catalog came from the centre, and the
 * changes kept for a later Loket. Each in the caller's transaction.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/xmalloc.h"
#include "office/db.h"
#include "office/feed.h"

int
feed_keep(struct db *db, long cursor, const char *generation,
    const char *kind, const json_t *data, char **cause)
{
	char	*text = json_dumps(data, JSON_COMPACT | JSON_ENCODE_ANY);
	int	 rc;

	rc = db_change(db, cause, "INSERT OR REPLACE INTO centre_change "
	    "(cursor, generation, kind, data, received_at) VALUES (?1, ?2, ?3, "
	    "?4, ?5)", "ittti", cursor, generation, kind, text != NULL ? text :
	    "null", (long)time(NULL));
	free(text);
	return rc;
}

int
feed_catalog_mark(struct db *db, long cursor, char **cause)
{
	char	 value[32];

	snprintf(value, sizeof value, "%ld", cursor);
	return db_change(db, cause, "INSERT INTO sync_state (key, value) "
	    "VALUES ('catalog_change', ?1) ON CONFLICT (key) DO UPDATE SET "
	    "value = excluded.value", "t", value);
}

int
feed_catalog_followed(struct db *db, long *cursor, char **cause)
{
	return db_query_long(db, cursor, cause, "SELECT CAST(value AS INTEGER) "
	    "FROM sync_state WHERE key = 'catalog_change'", "");
}

int
feed_holidays_set(struct db *db, const char *const *days, size_t n,
    char **cause)
{
	size_t	 i;
	int	 rc;

	rc = db_change(db, cause, "DELETE FROM centre_holiday", "");
	for (i = 0; rc == 0 && i < n; i++)
		rc = db_change(db, cause, "INSERT OR IGNORE INTO centre_holiday "
		    "(day) VALUES (?1)", "t", days[i]);
	return rc;
}

int
feed_holiday(struct db *db, const char *day, char **cause)
{
	long	 found;

	return db_query_long(db, &found, cause, "SELECT 1 FROM centre_holiday "
	    "WHERE day = ?1", "t", day);
}

int
feed_holidays(struct db *db, char **list, char **cause)
{
	sqlite3_stmt	*stmt;
	char		*joined = xstrdup(""), *next;
	int		 rc;

	*list = NULL;
	if ((rc = db_prepare(db, "SELECT day FROM centre_holiday ORDER BY day",
	    &stmt, cause)) != 0) {
		free(joined);
		return rc;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		next = xasprintf("%s%s%s", joined, *joined != '\0' ? ", " : "",
		    (const char *)sqlite3_column_text(stmt, 0));
		free(joined);
		joined = next;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		free(joined);
		return db_fail(db, rc, cause);
	}
	*list = joined;
	return 0;
}
