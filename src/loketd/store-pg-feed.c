/*
 * The PostgreSQL engine: what the centre publishes to every office. A
 * change holds the whole of its kind (the catalog, the holidays), so the
 * latest change of a kind is what an office should have; the same body
 * again adds nothing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "loketd/store-pg.h"

/*
 * The change lock first (store-pg.h says why): it orders the cursors, and
 * it makes the look at the latest change and the insert one step, so that
 * two loketd publishing the same body add one change.
 */
int
pg_publish(struct store *base, const char *kind, const char *body,
    time_t now, long *cursor, char **cause)
{
	struct store_pg	*s = PG(base);
	int		 rc;

	if (pg_begin(s, cause) != 0)
		return STORE_FAILED;
	if (pg_run(s, cause, PG_CHANGE_LOCK, "") < 0)
		goto rollback;
	rc = pg_long(s, cursor, cause, "SELECT cursor FROM change WHERE "
	    "cursor = (SELECT max(cursor) FROM change WHERE kind = $1) AND "
	    "body = $2", "tt", kind, body);
	if (rc == 0 && (rc = pg_long(s, cursor, cause, "INSERT INTO change "
	    "(kind, body, at) VALUES ($1, $2, $3) RETURNING cursor", "tti",
	    kind, body, (long)now)) == 1)
		rc = 2;
	if (rc < 0 || pg_commit(s, cause) != 0)
		goto rollback;
	return rc == 2;
rollback:
	pg_rollback(s);
	return STORE_FAILED;
}
