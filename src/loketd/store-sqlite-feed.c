/*
 * The SQLite engine: what the centre publishes to every office. A change
 * holds the whole of its kind (the catalog, the holidays), so the latest
 * change of a kind is what an office should have; the same body again
 * adds nothing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "loketd/store-sqlite.h"

int
sq_publish(struct store *base, const char *kind, const char *body,
    time_t now, long *cursor, char **cause)
{
	struct store_sqlite	*s = SQ(base);
	int			 rc;

	if (sq_begin(s, cause) != 0)
		return STORE_FAILED;
	rc = sq_long(s, cursor, cause, "SELECT cursor FROM change WHERE "
	    "cursor = (SELECT max(cursor) FROM change WHERE kind = ?1) AND "
	    "body = ?2", "tt", kind, body);
	if (rc == 0 && (rc = sq_run(s, cause, "INSERT INTO change (kind, "
	    "body, at) VALUES (?1, ?2, ?3)", "tti", kind, body,
	    (long)now)) == 0) {
		*cursor = (long)sqlite3_last_insert_rowid(s->handle);
		rc = 1;
	} else if (rc == 1)
		rc = 0;
	if (rc < 0 || sq_commit(s, cause) != 0) {
		sq_rollback(s);
		return STORE_FAILED;
	}
	return rc;
}
