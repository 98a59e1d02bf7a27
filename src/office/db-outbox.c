/*
 * Store: the outbox. Each event becomes an operation (sync/op.h) with
 * the ticket as the event left it, an id, its canonical text and hash,
 * and the hash of the operation before it, in the event's transaction.
 * A phone number leaves the office only sealed to the centre's key.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sodium.h>

#include "common/xmalloc.h"
#include "office/db.h"
#include "office/outbox.h"
#include "sync/op.h"
#include "sync/seal.h"

#define OUTBOX_EVENT_COLUMNS \
	"e.id, e.at, e.actor, e.terminal, coalesce(e.counter, 0), e.kind, " \
	"e.detail, t.id IS NOT NULL, t.day, s.code, t.number, t.priority, " \
	"t.state, coalesce(t.outcome, ''), t.arrived_at, " \
	"coalesce(t.called_at, 0), coalesce(t.served_at, 0), " \
	"coalesce(t.finished_at, 0), coalesce(t.counter, 0), " \
	"coalesce(t.phone, b.phone), " \
	"CASE e.kind WHEN 'application-add' THEN a.sealed " \
	"WHEN 'complaint-add' THEN c.sealed END"

/* Fill op from a row of OUTBOX_EVENT_COLUMNS; its strings are owned. */
static void
outbox_row(sqlite3_stmt *stmt, struct sync_op *op, const char *key)
{
	struct sync_ticket	*t = &op->ticket;

	op->at = sqlite3_column_int64(stmt, 1);
	op->actor = db_column_text(stmt, 2);
	op->terminal = db_column_text(stmt, 3);
	op->counter = sqlite3_column_int64(stmt, 4);
	op->kind = db_column_text(stmt, 5);
	op->detail = db_column_text(stmt, 6);
	op->has_ticket = sqlite3_column_int(stmt, 7);
	/*
	 * An application's or a complaint's personal data was sealed when
	 * it was typed; the ticket's phone, or the booking's for an event
	 * about one, is sealed now.
	 */
	if (sqlite3_column_type(stmt, 20) != SQLITE_NULL)
		op->sealed = db_column_text(stmt, 20);
	else if (key != NULL && sqlite3_column_type(stmt, 19) != SQLITE_NULL)
		op->sealed = sync_seal((const char *)sqlite3_column_text(stmt,
		    19), key);
	if (!op->has_ticket)
		return;
	t->day = db_column_text(stmt, 8);
	t->service = db_column_text(stmt, 9);
	t->number = sqlite3_column_int64(stmt, 10);
	t->priority = db_column_text(stmt, 11);
	t->state = db_column_text(stmt, 12);
	t->outcome = db_column_text(stmt, 13);
	t->arrived = sqlite3_column_int64(stmt, 14);
	t->called = sqlite3_column_int64(stmt, 15);
	t->served = sqlite3_column_int64(stmt, 16);
	t->finished = sqlite3_column_int64(stmt, 17);
	t->counter = sqlite3_column_int64(stmt, 18);
}

/* The last operation's seq and hash ("" and 0 before the first). */
static int
outbox_head(struct db *db, long *seq, char hash[SYNC_HASH_HEX], char **cause)
{
	sqlite3_stmt	*stmt;
	const char	*text;
	int		 rc;

	*seq = 0;
	hash[0] = '\0';
	if ((rc = db_prepare(db, "SELECT seq, hash FROM outbox ORDER BY seq "
	    "DESC LIMIT 1", &stmt, cause)) != 0)
		return rc;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*seq = sqlite3_column_int64(stmt, 0);
		text = (const char *)sqlite3_column_text(stmt, 1);
		snprintf(hash, SYNC_HASH_HEX, "%s", text != NULL ? text : "");
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc, cause);
	return 0;
}

/* Seal one event as the next operation of the chain. */
static int
outbox_seal_one(struct db *db, sqlite3_stmt *row, const char *key, long *seq,
    char prev[SYNC_HASH_HEX], char **cause)
{
	struct sync_op	 op;
	char		 hash[SYNC_HASH_HEX], *body;
	int		 rc;

	memset(&op, 0, sizeof op);
	outbox_row(row, &op, key);
	sync_uuid(op.id);
	op.seq = *seq + 1;
	memcpy(op.prev, prev, SYNC_HASH_HEX);
	if ((body = sync_op_encode(&op, hash)) == NULL)
		fatal("cannot encode event %lld",
		    (long long)sqlite3_column_int64(row, 0));
	rc = db_change(db, cause, "INSERT INTO outbox (seq, event_id, op_id, "
	    "hash, body) VALUES (?1, ?2, ?3, ?4, ?5)", "iittt", op.seq,
	    (long)sqlite3_column_int64(row, 0), op.id, hash, body);
	if (rc == 0) {
		*seq = op.seq;
		memcpy(prev, hash, SYNC_HASH_HEX);
	}
	free(body);
	sync_op_clear(&op);
	return rc;
}

int
outbox_centre_key(struct db *db, char **key, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*key = NULL;
	if ((rc = db_prepare(db, "SELECT value FROM sync_state WHERE key = "
	    "'centre_key' AND value <> ''", &stmt, cause)) != 0)
		return rc;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*key = db_column_text(stmt, 0);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, rc,
	    cause);
}

int
outbox_seal_personal(struct db *db, json_t *j, char **sealed, char **cause)
{
	char	*key, *text;
	int	 rc;

	*sealed = NULL;
	if ((rc = outbox_centre_key(db, &key, cause)) != 0 || key == NULL) {
		json_decref(j);
		return rc;
	}
	text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	*sealed = text != NULL ? sync_seal(text, key) : NULL;
	if (text != NULL)
		sodium_memzero(text, strlen(text));
	free(text);
	free(key);
	return 0;
}

int
outbox_seal(struct db *db, char **cause)
{
	sqlite3_stmt	*stmt = NULL;
	char		 prev[SYNC_HASH_HEX], *key = NULL;
	long		 seq, last_event;
	int		 rc;

	if ((rc = outbox_head(db, &seq, prev, cause)) != 0 ||
	    (rc = db_query_long(db, &last_event, cause, "SELECT "
	    "coalesce(max(event_id), 0) FROM outbox", "")) < 0)
		return rc;
	if ((rc = outbox_centre_key(db, &key, cause)) != 0)
		return rc;
	if ((rc = db_prepare(db, "SELECT " OUTBOX_EVENT_COLUMNS " FROM event e "
	    "LEFT JOIN ticket t ON t.id = e.ticket_id LEFT JOIN service s ON "
	    "s.id = t.service_id LEFT JOIN booking b ON b.id = e.booking_id "
	    "LEFT JOIN application a ON a.id = e.application_id "
	    "LEFT JOIN complaint c ON c.id = e.complaint_id "
	    "WHERE e.id > ?1 ORDER BY e.id", &stmt,
	    cause)) != 0)
		goto out;
	sqlite3_bind_int64(stmt, 1, last_event);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((rc = outbox_seal_one(db, stmt, key, &seq, prev,
		    cause)) != 0)
			goto out;
	}
	rc = rc == SQLITE_DONE ? 0 : db_fail(db, rc, cause);
out:
	sqlite3_finalize(stmt);
	free(key);
	return rc;
}

int
outbox_pending(struct db *db, long after, int limit, struct outbox_op **out,
    char **cause)
{
	struct outbox_op	*ops;
	sqlite3_stmt		*stmt;
	int			 rc, n = 0;

	*out = NULL;
	if ((rc = db_prepare(db, "SELECT seq, op_id, body FROM outbox WHERE "
	    "seq > ?1 ORDER BY seq LIMIT ?2", &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, after);
	sqlite3_bind_int(stmt, 2, limit);
	ops = xcalloc(limit > 0 ? limit : 1, sizeof *ops);
	while (n < limit && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		ops[n].seq = sqlite3_column_int64(stmt, 0);
		ops[n].op_id = db_column_text(stmt, 1);
		ops[n].body = db_column_text(stmt, 2);
		n++;
	}
	sqlite3_finalize(stmt);
	if (n < limit && rc != SQLITE_DONE) {
		outbox_ops_free(ops, n);
		return db_fail(db, rc, cause);
	}
	*out = ops;
	return n;
}

void
outbox_ops_free(struct outbox_op *ops, int count)
{
	int	 i;

	for (i = 0; ops != NULL && i < count; i++) {
		free(ops[i].op_id);
		free(ops[i].body);
	}
	free(ops);
}
