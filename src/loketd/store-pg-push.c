/*
 * The PostgreSQL engine: a batch of operations in one transaction, as
 * the SQLite engine does it, made safe for several loketd processes at
 * once. The office's row is locked first, so that its batches follow one
 * another and its hash chain is checked in order; each operation is then
 * claimed by inserting its receipt, and only the transaction whose insert
 * made the row applies its effect. A second loketd sent the same batch
 * waits on that key, finds the first answer and says "duplicate".
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/xmalloc.h"
#include "loketd/store-pg.h"

/* The office's chain as the batch goes: the last seq and hash. */
struct pg_chain {
	long	 seq;
	char	 hash[SYNC_HASH_HEX];
	int	 moved;
};

/*
 * Check the op against the chain, record a break, move on. An op older
 * than the chain's head, for a seq the centre has no other receipt of,
 * fills a gap (pushed again after a restore): no break, the head stays.
 */
static int
pg_chain(struct store_pg *s, long office, struct pg_chain *c,
    const struct store_op *x, time_t now, char **cause)
{
	char	 day[11];
	long	 others = 0;

	if (x->op.seq <= c->seq && pg_long(s, &others, cause, "SELECT count(*) "
	    "FROM received_op WHERE office_id = $1 AND seq = $2 AND op_id <> "
	    "$3", "iit", office, x->op.seq, x->id) < 0)
		return STORE_FAILED;
	if (x->op.seq <= c->seq && others == 0)
		return 0;
	store_op_day(x, day);
	if ((x->op.seq != c->seq + 1 || strcmp(x->op.prev, c->hash) != 0) &&
	    pg_run(s, cause, "INSERT INTO chain_break (office_id, seq, day, "
	    "expected, found, found_at) VALUES ($1, $2, $3, $4, $5, $6)",
	    "iittti", office, x->op.seq, day, c->hash, x->op.prev,
	    (long)now) < 0)
		return STORE_FAILED;
	c->seq = x->op.seq;
	snprintf(c->hash, sizeof c->hash, "%s", x->hash);
	c->moved = 1;
	return 0;
}

/* The op's effect: the ticket as the event left it, if it is newer. */
static int
pg_apply_ticket(struct store_pg *s, long office, const struct sync_op *op,
    char **cause)
{
	const struct sync_ticket	*t = &op->ticket;

	return pg_run(s, cause, "INSERT INTO ticket (office_id, day, service, "
	    "number, priority, state, outcome, arrived_at, called_at, "
	    "served_at, finished_at, counter, seq) VALUES ($1, $2, $3, $4, $5, "
	    "$6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (office_id, day, "
	    "service, number) DO UPDATE SET priority = excluded.priority, "
	    "state = excluded.state, outcome = excluded.outcome, arrived_at = "
	    "excluded.arrived_at, called_at = excluded.called_at, served_at = "
	    "excluded.served_at, finished_at = excluded.finished_at, counter = "
	    "excluded.counter, seq = excluded.seq WHERE excluded.seq > "
	    "ticket.seq", "ittitttiiiiii", office, t->day, t->service,
	    t->number, t->priority, t->state, t->outcome, t->arrived, t->called,
	    t->served, t->finished, t->counter, op->seq) < 0 ?
	    STORE_FAILED : 0;
}

/*
 * A new operation, its receipt made: its effect. An operation that can
 * be read takes its place in the chain even when its content is refused,
 * so that one refusal is not also a chain break.
 */
static int
pg_apply(struct store_pg *s, long office, struct pg_chain *c,
    struct store_op *x, time_t now, char **cause)
{
	if (x->parsed && (pg_chain(s, office, c, x, now, cause) != 0 ||
	    pg_run(s, cause, "INSERT INTO office_event (office_id, seq, op_id, "
	    "at, kind, body) VALUES ($1, $2, $3, $4, $5, $6)", "iititt",
	    office, x->op.seq, x->id, x->op.at, x->op.kind, x->body) < 0))
		return STORE_FAILED;
	if (x->result == STORE_APPLIED && x->op.has_ticket &&
	    pg_apply_ticket(s, office, &x->op, cause) != 0)
		return STORE_FAILED;
	if (x->result == STORE_APPLIED)
		return pg_record_apply(s, office, x, cause);
	return 0;
}

/* An op id received before: a duplicate, or a conflict recorded. */
static int
pg_again(struct store_pg *s, long office, struct store_op *x, time_t now,
    char **cause)
{
	PGresult	*res;
	int		 same;

	res = pg_query(s, cause, "SELECT hash, result FROM received_op WHERE "
	    "office_id = $1 AND op_id = $2", "it", office, x->id);
	if (res == NULL)
		return STORE_FAILED;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return pg_fail(s, NULL, cause);
	}
	same = strcmp(PQgetvalue(res, 0, 0), x->hash) == 0;
	x->first = strcmp(PQgetvalue(res, 0, 1), "applied") == 0 ?
	    STORE_APPLIED : STORE_REJECTED;
	PQclear(res);
	if (same) {
		x->result = STORE_DUPLICATE;
		return 0;
	}
	x->result = STORE_CONFLICT;
	return pg_run(s, cause, "INSERT INTO op_conflict (office_id, op_id, "
	    "hash, body, received_at) VALUES ($1, $2, $3, $4, $5)", "ittti",
	    office, x->id, x->hash, x->body, (long)now) < 0 ? STORE_FAILED : 0;
}

/* One operation of the batch: claimed by its receipt, or seen again. */
static int
pg_push_one(struct store_pg *s, long office, struct pg_chain *c,
    struct store_op *x, time_t now, char **cause)
{
	long	 rows;

	x->result = STORE_REJECTED;
	if (x->id[0] == '\0')
		return 0;
	if (x->parsed && (!x->op.has_ticket ||
	    store_state_known(x->op.ticket.state)))
		x->result = STORE_APPLIED;
	rows = pg_run(s, cause, "INSERT INTO received_op (office_id, op_id, "
	    "hash, result, seq, received_at) VALUES ($1, $2, $3, $4, $5, $6) "
	    "ON CONFLICT (office_id, op_id) DO NOTHING", "itttii", office,
	    x->id, x->hash, store_result_name(x->result), x->op.seq,
	    (long)now);
	if (rows < 0)
		return STORE_FAILED;
	if (rows == 1)
		return pg_apply(s, office, c, x, now, cause);
	return pg_again(s, office, x, now, cause);
}

int
pg_push(struct store *base, long office, struct store_op *ops, size_t count,
    time_t now, char **cause)
{
	struct store_pg	*s = PG(base);
	struct pg_chain	 c = { 0 };
	PGresult	*res;
	size_t		 i;

	if (pg_begin(s, cause) != 0)
		return STORE_FAILED;
	res = pg_query(s, cause, "SELECT chain_seq, chain_hash FROM office "
	    "WHERE id = $1 FOR UPDATE", "i", office);
	if (res == NULL)
		goto rollback;
	if (PQntuples(res) == 1) {
		c.seq = pg_num(res, 0, 0);
		snprintf(c.hash, sizeof c.hash, "%s", PQgetvalue(res, 0, 1));
	}
	PQclear(res);
	for (i = 0; i < count; i++) {
		if (pg_push_one(s, office, &c, &ops[i], now, cause) != 0)
			goto rollback;
	}
	if (c.moved && pg_run(s, cause, "UPDATE office SET chain_seq = $2, "
	    "chain_hash = $3 WHERE id = $1", "iit", office, c.seq,
	    c.hash) < 0)
		goto rollback;
	/* The mark moves on over the seqs now held after it, if any. */
	if (pg_run(s, cause, "UPDATE office SET held_through = (SELECT "
	    "min(c.s) FROM (SELECT held_through AS s FROM office WHERE id = $1 "
	    "UNION ALL SELECT seq FROM received_op WHERE office_id = $1 AND "
	    "seq > (SELECT held_through FROM office WHERE id = $1)) c WHERE NOT "
	    "EXISTS (SELECT 1 FROM received_op r WHERE r.office_id = $1 AND "
	    "r.seq = c.s + 1)) WHERE id = $1", "i", office) < 0)
		goto rollback;
	if (pg_commit(s, cause) != 0)
		goto rollback;
	return 0;
rollback:
	pg_rollback(s);
	return STORE_FAILED;
}

int
pg_pushed_through(struct store *base, long office, long *seq, char **cause)
{
	*seq = 0;
	return pg_long(PG(base), seq, cause, "SELECT held_through FROM office "
	    "WHERE id = $1", "i", office) < 0 ? STORE_FAILED : 0;
}
