/*
 * The SQLite engine: applications and complaints. An operation an office
 * pushed and a state the centre set both overwrite the record, in the
 * order the centre sees them; the history stays in the office's events
 * and in the change feed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "common/xmalloc.h"
#include "loketd/store-sqlite.h"

int
sq_record_apply(struct store_sqlite *s, long office, const struct store_op *x,
    char **cause)
{
	struct store_record	 r;
	int			 rc;

	if (!store_op_record(x, &r))
		return 0;
	/* The personal data sealed by the office is kept from its first. */
	rc = sq_run(s, cause, "INSERT INTO record (kind, tracking, office_id, "
	    "service, state, note, sealed, updated_at) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6, ?7, ?8) ON CONFLICT (kind, tracking) DO UPDATE SET state "
	    "= excluded.state, note = excluded.note, sealed = "
	    "coalesce(record.sealed, excluded.sealed), updated_at = "
	    "excluded.updated_at", "ttitttti", r.kind, r.tracking, office,
	    r.service, r.state, r.note, x->op.sealed, r.updated);
	store_record_clear(&r);
	return rc;
}

int
sq_record_get(struct store *base, const char *kind, const char *tracking,
    struct store_record *r, char **cause)
{
	struct store_sqlite	*s = SQ(base);
	sqlite3_stmt		*stmt;
	int			 rc;

	memset(r, 0, sizeof *r);
	if (sq_prepare(s, &stmt, cause, "SELECT o.code, r.service, r.state, "
	    "r.note, r.updated_at FROM record r JOIN office o ON o.id = "
	    "r.office_id WHERE r.kind = ?1 AND r.tracking = ?2", "tt", kind,
	    tracking) != 0)
		return STORE_FAILED;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		snprintf(r->kind, sizeof r->kind, "%s", kind);
		snprintf(r->tracking, sizeof r->tracking, "%s", tracking);
		r->office = sq_text(stmt, 0);
		r->service = sq_text(stmt, 1);
		r->state = sq_text(stmt, 2);
		r->note = sq_text(stmt, 3);
		r->updated = sqlite3_column_int64(stmt, 4);
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : sq_fail(s, rc, cause);
}

int
sq_record_set(struct store *base, const char *kind, const char *tracking,
    const char *state, const char *note, time_t now, long *cursor,
    char **cause)
{
	struct store_sqlite	*s = SQ(base);
	struct store_record	 r;
	const char		*change;
	char			*body;
	int			 rc;

	if (sq_begin(s, cause) != 0)
		return STORE_FAILED;
	if ((rc = sq_record_get(base, kind, tracking, &r, cause)) == 0) {
		*cause = xasprintf(_("There is no %s %s at the centre."), kind,
		    tracking);
		rc = STORE_REFUSED;
	}
	if (rc < 0)
		goto rollback;
	body = store_record_next(&r, state, note, now, &change);
	rc = sq_run(s, cause, "UPDATE record SET state = ?3, note = ?4, "
	    "updated_at = ?5 WHERE kind = ?1 AND tracking = ?2", "tttti", kind,
	    tracking, state, note, (long)now);
	if (rc == 0)
		rc = sq_run(s, cause, "INSERT INTO change (kind, body, at, "
		    "office_id) VALUES (?1, ?2, ?3, (SELECT office_id FROM "
		    "record WHERE kind = ?4 AND tracking = ?5))", "ttitt",
		    change, body, (long)now, kind, tracking);
	free(body);
	store_record_clear(&r);
	if (rc != 0)
		goto rollback;
	*cursor = (long)sqlite3_last_insert_rowid(s->handle);
	if (sq_commit(s, cause) != 0)
		goto rollback;
	return 0;
rollback:
	sq_rollback(s);
	return rc == STORE_REFUSED ? STORE_REFUSED : STORE_FAILED;
}

int
sq_backoffice_add(struct store *base, const char *name,
    const char *token_hash, time_t now, char **cause)
{
	return sq_run(SQ(base), cause, "INSERT INTO backoffice (name, "
	    "token_hash, created_at) VALUES (?1, ?2, ?3) ON CONFLICT (name) DO "
	    "UPDATE SET token_hash = excluded.token_hash, active = 1",
	    "tti", name, token_hash, (long)now);
}

int
sq_backoffice_disable(struct store *base, const char *name, char **cause)
{
	long	 found;
	int	 rc;

	if ((rc = sq_long(SQ(base), &found, cause, "UPDATE backoffice SET "
	    "active = 0 WHERE name = ?1 RETURNING 1", "t", name)) < 0)
		return rc;
	if (rc == 0) {
		*cause = xasprintf(_("There is no back office %s."), name);
		return STORE_REFUSED;
	}
	return 0;
}

int
sq_backoffice_by_token(struct store *base, const char *token_hash,
    char **name, char **cause)
{
	struct store_sqlite	*s = SQ(base);
	sqlite3_stmt		*stmt;
	int			 rc;

	*name = NULL;
	if (sq_prepare(s, &stmt, cause, "SELECT name FROM backoffice WHERE "
	    "token_hash = ?1 AND active", "t", token_hash) != 0)
		return STORE_FAILED;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*name = sq_text(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : sq_fail(s, rc, cause);
}
