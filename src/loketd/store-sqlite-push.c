/*
 * The SQLite engine: a batch of operations in one transaction. Each
 * operation is recorded in received_op with its effect, or as a
 * duplicate or a conflict that changes nothing; the hash chain is
 * checked as operations arrive and a break recorded, never refused.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/xmalloc.h"
#include "loketd/store-sqlite.h"

/* The first answer for an op id: 1 with its hash and result, 0, FAILED. */
static int
sq_received(struct store_sqlite *s, long office, const char *id,
    char hash[SYNC_HASH_HEX], enum store_result *result, char **cause)
{
	sqlite3_stmt	*stmt;
	const char	*text;
	int		 rc;

	if (sq_statement(s, &stmt, cause, "SELECT hash, result FROM received_op "
	    "WHERE office_id = ?1 AND op_id = ?2", "it", office, id) != 0)
		return STORE_FAILED;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		text = (const char *)sqlite3_column_text(stmt, 0);
		snprintf(hash, SYNC_HASH_HEX, "%s", text != NULL ? text : "");
		text = (const char *)sqlite3_column_text(stmt, 1);
		*result = text != NULL && strcmp(text, "applied") == 0 ?
		    STORE_APPLIED : STORE_REJECTED;
	}
	sq_done(s, stmt);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return sq_fail(s, rc, cause);
}

/*
 * Check the op against the office's chain, record a break, move on. An op
 * older than the chain's head, for a seq the centre has no receipt of,
 * fills a gap (pushed again after a restore): no break, the head stays.
 */
static int
sq_chain(struct store_sqlite *s, long office, const struct store_op *x,
    time_t now, char **cause)
{
	sqlite3_stmt	*stmt;
	const char	*head;
	long		 seq = 0, others = 0;
	char		 expected[SYNC_HASH_HEX] = "", day[11];
	int		 rc;

	if (sq_statement(s, &stmt, cause, "SELECT chain_seq, chain_hash FROM "
	    "office WHERE id = ?1", "i", office) != 0)
		return STORE_FAILED;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		seq = sqlite3_column_int64(stmt, 0);
		head = (const char *)sqlite3_column_text(stmt, 1);
		snprintf(expected, sizeof expected, "%s", head ? head : "");
	}
	sq_done(s, stmt);
	if (rc != SQLITE_ROW)
		return sq_fail(s, rc, cause);
	if (x->op.seq <= seq && sq_long(s, &others, cause, "SELECT count(*) "
	    "FROM received_op WHERE office_id = ?1 AND seq = ?2", "ii", office,
	    x->op.seq) < 0)
		return STORE_FAILED;
	if (x->op.seq <= seq && others == 0)
		return 0;
	store_op_day(x, day);
	if ((x->op.seq != seq + 1 || strcmp(x->op.prev, expected) != 0) &&
	    sq_run(s, cause, "INSERT INTO chain_break (office_id, seq, day, "
	    "expected, found, found_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	    "iittti", office, x->op.seq, day, expected, x->op.prev,
	    (long)now) != 0)
		return STORE_FAILED;
	return sq_run(s, cause, "UPDATE office SET chain_seq = ?2, chain_hash "
	    "= ?3 WHERE id = ?1", "iit", office, x->op.seq, x->hash);
}

/* The op's effect: the ticket as the event left it, if it is newer. */
static int
sq_apply_ticket(struct store_sqlite *s, long office, const struct sync_op *op,
    char **cause)
{
	const struct sync_ticket	*t = &op->ticket;

	return sq_run(s, cause, "INSERT INTO ticket (office_id, day, service, "
	    "number, priority, state, outcome, arrived_at, called_at, "
	    "served_at, finished_at, counter, seq) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT (office_id, day, "
	    "service, number) DO UPDATE SET priority = excluded.priority, "
	    "state = excluded.state, outcome = excluded.outcome, arrived_at = "
	    "excluded.arrived_at, called_at = excluded.called_at, served_at = "
	    "excluded.served_at, finished_at = excluded.finished_at, counter = "
	    "excluded.counter, seq = excluded.seq WHERE excluded.seq > "
	    "ticket.seq", "ittitttiiiiii", office, t->day, t->service,
	    t->number, t->priority, t->state, t->outcome, t->arrived, t->called,
	    t->served, t->finished, t->counter, op->seq);
}

/*
 * A new operation: its receipt, with its effect or as a rejection. An
 * operation that can be read takes its place in the chain even when its
 * content is refused, so that one refusal is not also a chain break.
 */
static int
sq_apply(struct store_sqlite *s, long office, struct store_op *x,
    time_t now, char **cause)
{
	x->result = STORE_REJECTED;
	if (x->parsed && (sq_chain(s, office, x, now, cause) != 0 ||
	    sq_run(s, cause, "INSERT INTO office_event (office_id, seq, op_id, "
	    "at, kind, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", "iititt",
	    office, x->op.seq, x->id, x->op.at, x->op.kind, x->body) != 0))
		return STORE_FAILED;
	if (x->parsed && (!x->op.has_ticket ||
	    store_state_known(x->op.ticket.state)))
		x->result = STORE_APPLIED;
	if (x->result == STORE_APPLIED && x->op.has_ticket &&
	    sq_apply_ticket(s, office, &x->op, cause) != 0)
		return STORE_FAILED;
	if (x->result == STORE_APPLIED && sq_record_apply(s, office, x,
	    cause) != 0)
		return STORE_FAILED;
	return sq_run(s, cause, "INSERT INTO received_op (office_id, op_id, "
	    "hash, result, seq, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	    "itttii", office, x->id, x->hash, store_result_name(x->result),
	    x->op.seq, (long)now);
}

/* One operation of the batch; *made counts the receipts made. */
static int
sq_push_one(struct store_sqlite *s, long office, struct store_op *x,
    time_t now, long *made, char **cause)
{
	char	 hash[SYNC_HASH_HEX];
	int	 rc;

	if (x->id[0] == '\0') {
		x->result = STORE_REJECTED;
		return 0;
	}
	rc = sq_received(s, office, x->id, hash, &x->first, cause);
	if (rc < 0)
		return rc;
	if (rc == 0) {
		(*made)++;
		return sq_apply(s, office, x, now, cause);
	}
	if (strcmp(hash, x->hash) == 0) {
		x->result = STORE_DUPLICATE;
		return 0;
	}
	x->result = STORE_CONFLICT;
	return sq_run(s, cause, "INSERT INTO op_conflict (office_id, op_id, "
	    "hash, body, received_at) VALUES (?1, ?2, ?3, ?4, ?5)", "ittti",
	    office, x->id, x->hash, x->body, (long)now);
}

int
sq_push(struct store *base, long office, struct store_op *ops, size_t count,
    time_t now, char **cause)
{
	struct store_sqlite	*s = SQ(base);
	size_t			 i;
	long			 made = 0;

	if (sq_begin(s, cause) != 0)
		return STORE_FAILED;
	for (i = 0; i < count; i++) {
		if (sq_push_one(s, office, &ops[i], now, &made, cause) != 0)
			goto rollback;
	}
	/* The mark moves on over the seqs now held after it, if any. */
	if (sq_run(s, cause, "UPDATE office SET received = received + ?2, "
	    "held_through = (SELECT "
	    "min(c.s) FROM (SELECT held_through AS s FROM office WHERE id = ?1 "
	    "UNION ALL SELECT seq FROM received_op WHERE office_id = ?1 AND "
	    "seq > (SELECT held_through FROM office WHERE id = ?1)) c WHERE NOT "
	    "EXISTS (SELECT 1 FROM received_op r WHERE r.office_id = ?1 AND "
	    "r.seq = c.s + 1)) WHERE id = ?1", "ii", office, made) != 0 ||
	    sq_commit(s, cause) != 0)
		goto rollback;
	return 0;
rollback:
	sq_rollback(s);
	return STORE_FAILED;
}

int
sq_pushed_through(struct store *base, long office, long *seq, char **cause)
{
	*seq = 0;
	return sq_long(SQ(base), seq, cause, "SELECT held_through FROM office "
	    "WHERE id = ?1", "i", office) < 0 ? STORE_FAILED : 0;
}
