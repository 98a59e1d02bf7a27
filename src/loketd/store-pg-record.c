/*
 * The PostgreSQL engine: applications and complaints, as in the SQLite
 * engine (store-sqlite-record.c): an office's operation and the centre's
 * setting both overwrite the record, in the order the centre sees them
 * (an office's, in the database function loket_push: store-pg-push.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "common/xmalloc.h"
#include "loketd/store-pg.h"

int
pg_record_get(struct store *base, const char *kind, const char *tracking,
    struct store_record *r, char **cause)
{
	struct store_pg	*s = PG(base);
	PGresult	*res;
	int		 found;

	memset(r, 0, sizeof *r);
	res = pg_query(s, cause, "SELECT o.code, r.service, r.state, r.note, "
	    "r.updated_at FROM record r JOIN office o ON o.id = r.office_id "
	    "WHERE r.kind = $1 AND r.tracking = $2", "tt", kind, tracking);
	if (res == NULL)
		return STORE_FAILED;
	if ((found = PQntuples(res) > 0)) {
		snprintf(r->kind, sizeof r->kind, "%s", kind);
		snprintf(r->tracking, sizeof r->tracking, "%s", tracking);
		r->office = pg_text(res, 0, 0);
		r->service = pg_text(res, 0, 1);
		r->state = pg_text(res, 0, 2);
		r->note = pg_text(res, 0, 3);
		r->updated = pg_num(res, 0, 4);
	}
	PQclear(res);
	return found;
}

int
pg_record_set(struct store *base, const char *kind, const char *tracking,
    const char *state, const char *note, time_t now, long *cursor,
    char **cause)
{
	struct store_pg		*s = PG(base);
	struct store_record	 r;
	const char		*change;
	char			*body;
	int			 rc;

	if (pg_begin(s, cause) != 0)
		return STORE_FAILED;
	if ((rc = pg_record_get(base, kind, tracking, &r, cause)) == 0) {
		*cause = xasprintf(_("There is no %s %s at the centre."), kind,
		    tracking);
		rc = STORE_REFUSED;
	}
	if (rc < 0)
		goto rollback;
	body = store_record_next(&r, state, note, now, &change);
	/* Cursors commit in their order: see PG_CHANGE_LOCK. */
	rc = pg_run(s, cause, PG_CHANGE_LOCK, "") < 0 ||
	    pg_run(s, cause, "UPDATE record SET state = $3, note = $4, "
	    "updated_at = $5 WHERE kind = $1 AND tracking = $2", "tttti", kind,
	    tracking, state, note, (long)now) < 0 ||
	    pg_long(s, cursor, cause, "INSERT INTO change (kind, body, at, "
	    "office_id) VALUES ($1, $2, $3, (SELECT office_id FROM record "
	    "WHERE kind = $4 AND tracking = $5)) RETURNING cursor", "ttitt",
	    change, body, (long)now, kind, tracking) != 1 ? STORE_FAILED : 0;
	free(body);
	store_record_clear(&r);
	if (rc != 0 || pg_commit(s, cause) != 0)
		goto rollback;
	return 0;
rollback:
	pg_rollback(s);
	return rc == STORE_REFUSED ? STORE_REFUSED : STORE_FAILED;
}

int
pg_backoffice_add(struct store *base, const char *name,
    const char *token_hash, time_t now, char **cause)
{
	return pg_run(PG(base), cause, "INSERT INTO backoffice (name, "
	    "token_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO "
	    "UPDATE SET token_hash = excluded.token_hash, active = TRUE",
	    "tti", name, token_hash, (long)now) < 0 ? STORE_FAILED : 0;
}

int
pg_backoffice_disable(struct store *base, const char *name, char **cause)
{
	long	 rows;

	if ((rows = pg_run(PG(base), cause, "UPDATE backoffice SET active = "
	    "FALSE WHERE name = $1", "t", name)) < 0)
		return STORE_FAILED;
	if (rows == 0) {
		*cause = xasprintf(_("There is no back office %s."), name);
		return STORE_REFUSED;
	}
	return 0;
}

int
pg_backoffice_by_token(struct store *base, const char *token_hash,
    char **name, char **cause)
{
	PGresult	*res;
	int		 found;

	*name = NULL;
	res = pg_query(PG(base), cause, "SELECT name FROM backoffice WHERE "
	    "token_hash = $1 AND active", "t", token_hash);
	if (res == NULL)
		return STORE_FAILED;
	if ((found = PQntuples(res) > 0))
		*name = pg_text(res, 0, 0);
	PQclear(res);
	return found;
}
