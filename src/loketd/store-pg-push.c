/*
 * The PostgreSQL engine: a batch of operations in one transaction, as
 * the SQLite engine does it, made safe for several loketd processes at
 * once. The office's row is locked first, so that its batches follow one
 * another and its hash chain is checked in order; each operation is then
 * claimed by inserting its receipt, and only the transaction whose insert
 * made the row applies its effect. A second loketd sent the same batch
 * waits on that lock, finds the first answer and says "duplicate".
 *
 * A batch costs a handful of statements whatever its size: the receipts,
 * the events and the tickets each go in one statement, their rows passed
 * as one JSON array (json_to_recordset); only what is rare (a conflict,
 * a chain break, an application or a complaint) has a statement of its
 * own. The result is the one the SQLite engine reaches op by op.
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

/* A batch being stored: its operations and which of them are new. */
struct pg_batch {
	struct store_pg	*s;
	long		 office;
	struct store_op	*ops;
	size_t		 count;
	time_t		 now;
	char		*fresh;		/* 1: its receipt was made here */
	PGresult	*held;		/* seq, count: receipts from before */
};

/* Add a row made by json_pack (what the API read is valid UTF-8). */
static void
pg_row(json_t *rows, json_t *row)
{
	if (row == NULL)
		fatal("pg_row: a row of the batch cannot be made");
	json_array_append_new(rows, row);
}

/* Run sql with $1 the office and $2 the rows (a JSON array, freed). */
static PGresult *
pg_rows(struct pg_batch *b, const char *sql, json_t *rows, char **cause)
{
	PGresult	*res;
	char		*text;

	text = json_dumps(rows, JSON_COMPACT);
	json_decref(rows);
	if (text == NULL)
		fatal("json_dumps: out of memory");
	res = pg_query(b->s, cause, sql, "it", b->office, text);
	free(text);
	return res;
}

/* Run a statement on the rows, if there are any: 0 or STORE_FAILED. */
static int
pg_rows_run(struct pg_batch *b, const char *sql, json_t *rows, char **cause)
{
	PGresult	*res;

	if (json_array_size(rows) == 0) {
		json_decref(rows);
		return 0;
	}
	res = pg_rows(b, sql, rows, cause);
	PQclear(res);
	return res == NULL ? STORE_FAILED : 0;
}

/* The row of res whose first column is id (res sorted by it): or -1. */
static int
pg_find(const PGresult *res, const char *id)
{
	int	 lo = 0, hi = PQntuples(res), mid, d;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((d = strcmp(PQgetvalue(res, mid, 0), id)) == 0)
			return mid;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* For bsearch over the batch sorted by id, then place. */
static struct store_op *pg_sorting;

static int
pg_by_id(const void *a, const void *b)
{
	size_t	 i = *(const size_t *)a, j = *(const size_t *)b;
	int	 d = strcmp(pg_sorting[i].id, pg_sorting[j].id);

	return d != 0 ? d : (i > j) - (i < j);
}

/*
 * Insert every receipt at once; mark fresh the first operation of each
 * id whose receipt this made. What the insert skipped was received
 * before (or earlier in the batch).
 */
static int
pg_claim(struct pg_batch *b, char **cause)
{
	struct store_op	*x;
	PGresult	*res;
	json_t		*rows = json_array();
	size_t		*order, i, n = 0, lo, hi, mid;
	int		 r;

	order = xcalloc(b->count + 1, sizeof *order);
	for (i = 0; i < b->count; i++) {
		x = &b->ops[i];
		x->result = STORE_REJECTED;
		if (x->id[0] == '\0')
			continue;
		if (x->parsed && (!x->op.has_ticket ||
		    store_state_known(x->op.ticket.state)))
			x->result = STORE_APPLIED;
		order[n++] = i;
		pg_row(rows, json_pack("{s:s, s:s, s:s, s:I, s:I}", "op_id",
		    x->id, "hash", x->hash, "result",
		    store_result_name(x->result), "seq", (json_int_t)x->op.seq,
		    "at", (json_int_t)b->now));
	}
	res = pg_rows(b, "INSERT INTO received_op (office_id, op_id, hash, "
	    "result, seq, received_at) SELECT $1, r.op_id, r.hash, r.result, "
	    "r.seq, r.at FROM json_to_recordset($2::json) AS r(op_id text, "
	    "hash text, result text, seq bigint, at bigint) ON CONFLICT "
	    "(office_id, op_id) DO NOTHING RETURNING op_id", rows, cause);
	if (res == NULL) {
		free(order);
		return STORE_FAILED;
	}
	/* The first of each id: the lowest place among equal ids. */
	pg_sorting = b->ops;
	qsort(order, n, sizeof *order, pg_by_id);
	for (r = 0; r < PQntuples(res); r++) {
		lo = 0;
		hi = n;
		while (lo < hi) {
			mid = (lo + hi) / 2;
			if (strcmp(b->ops[order[mid]].id, PQgetvalue(res, r,
			    0)) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < n)
			b->fresh[order[lo]] = 1;
	}
	PQclear(res);
	free(order);
	return 0;
}

/*
 * The operations received before: a duplicate when the content is the
 * same, else a conflict, recorded.
 */
static int
pg_again(struct pg_batch *b, char **cause)
{
	struct store_op	*x;
	PGresult	*res;
	json_t		*ids = json_array();
	size_t		 i;
	int		 r, same;

	for (i = 0; i < b->count; i++) {
		if (b->ops[i].id[0] != '\0' && !b->fresh[i])
			pg_row(ids, json_string(b->ops[i].id));
	}
	if (json_array_size(ids) == 0) {
		json_decref(ids);
		return 0;
	}
	/* In the order of strcmp, for pg_find. */
	res = pg_rows(b, "SELECT op_id, hash, result FROM received_op WHERE "
	    "office_id = $1 AND op_id IN (SELECT json_array_elements_text("
	    "$2::json)) ORDER BY op_id COLLATE \"C\"", ids, cause);
	if (res == NULL)
		return STORE_FAILED;
	for (i = 0; i < b->count; i++) {
		x = &b->ops[i];
		if (x->id[0] == '\0' || b->fresh[i])
			continue;
		if ((r = pg_find(res, x->id)) < 0) {
			PQclear(res);
			return pg_fail(b->s, NULL, cause);
		}
		same = strcmp(PQgetvalue(res, r, 1), x->hash) == 0;
		x->first = strcmp(PQgetvalue(res, r, 2), "applied") == 0 ?
		    STORE_APPLIED : STORE_REJECTED;
		x->result = same ? STORE_DUPLICATE : STORE_CONFLICT;
		if (!same && pg_run(b->s, cause, "INSERT INTO op_conflict "
		    "(office_id, op_id, hash, body, received_at) VALUES ($1, "
		    "$2, $3, $4, $5)", "ittti", b->office, x->id, x->hash,
		    x->body, (long)b->now) < 0) {
			PQclear(res);
			return STORE_FAILED;
		}
	}
	PQclear(res);
	return 0;
}

/*
 * How many receipts of seq there were before operation i: those from
 * earlier batches (asked once per batch, when first needed) and the new
 * ones before it in this batch.
 */
static int
pg_others(struct pg_batch *b, size_t i, long *others, char **cause)
{
	json_t	*rows;
	size_t	 j;
	int	 r;

	if (b->held == NULL) {
		rows = json_array();
		for (j = 0; j < b->count; j++) {
			if (b->fresh[j])
				pg_row(rows, json_pack("{s:s, s:I}", "op_id",
				    b->ops[j].id, "seq",
				    (json_int_t)b->ops[j].op.seq));
		}
		b->held = pg_rows(b, "SELECT r.seq, count(*) FROM received_op r "
		    "WHERE r.office_id = $1 AND r.seq IN (SELECT seq FROM "
		    "json_to_recordset($2::json) AS f(op_id text, seq bigint)) "
		    "AND r.op_id NOT IN (SELECT op_id FROM json_to_recordset("
		    "$2::json) AS f(op_id text, seq bigint)) GROUP BY r.seq",
		    rows, cause);
		if (b->held == NULL)
			return STORE_FAILED;
	}
	*others = 0;
	for (r = 0; r < PQntuples(b->held); r++) {
		if (pg_num(b->held, r, 0) == b->ops[i].op.seq)
			*others = pg_num(b->held, r, 1);
	}
	for (j = 0; j < i; j++) {
		if (b->fresh[j] && b->ops[j].op.seq == b->ops[i].op.seq)
			(*others)++;
	}
	return 0;
}

/*
 * Check a new op against the chain, record a break, move on. An op
 * older than the chain's head, for a seq the centre has no other receipt
 * of, fills a gap (pushed again after a restore): no break, the head
 * stays.
 */
static int
pg_chain(struct pg_batch *b, struct pg_chain *c, size_t i, char **cause)
{
	const struct store_op	*x = &b->ops[i];
	char			 day[11];
	long			 others = 0;

	if (x->op.seq <= c->seq && pg_others(b, i, &others, cause) != 0)
		return STORE_FAILED;
	if (x->op.seq <= c->seq && others == 0)
		return 0;
	store_op_day(x, day);
	if ((x->op.seq != c->seq + 1 || strcmp(x->op.prev, c->hash) != 0) &&
	    pg_run(b->s, cause, "INSERT INTO chain_break (office_id, seq, day, "
	    "expected, found, found_at) VALUES ($1, $2, $3, $4, $5, $6)",
	    "iittti", b->office, x->op.seq, day, c->hash, x->op.prev,
	    (long)b->now) < 0)
		return STORE_FAILED;
	c->seq = x->op.seq;
	snprintf(c->hash, sizeof c->hash, "%s", x->hash);
	c->moved = 1;
	return 0;
}

/* The new operations' events, in the batch's order. */
static int
pg_events_add(struct pg_batch *b, char **cause)
{
	const struct store_op	*x;
	json_t			*rows = json_array();
	size_t			 i;

	for (i = 0; i < b->count; i++) {
		x = &b->ops[i];
		if (b->fresh[i] && x->parsed)
			pg_row(rows, json_pack("{s:I, s:I, s:s, s:I, s:s, "
			    "s:s}", "n", (json_int_t)i, "seq",
			    (json_int_t)x->op.seq, "op_id", x->id, "at",
			    (json_int_t)x->op.at, "kind", x->op.kind, "body",
			    x->body));
	}
	return pg_rows_run(b, "INSERT INTO office_event (office_id, seq, op_id, "
	    "at, kind, body) SELECT $1, e.seq, e.op_id, e.at, e.kind, e.body "
	    "FROM json_to_recordset($2::json) AS e(n bigint, seq bigint, op_id "
	    "text, at bigint, kind text, body text) ORDER BY e.n", rows, cause);
}

/*
 * The tickets as the new operations left them: of the operations about
 * one ticket, the latest (highest seq) replaces the centre's row if it is
 * newer, as applying each in turn would.
 */
static int
pg_tickets(struct pg_batch *b, char **cause)
{
	const struct sync_ticket	*t;
	json_t				*rows = json_array();
	size_t				 i;

	for (i = 0; i < b->count; i++) {
		t = &b->ops[i].op.ticket;
		if (!b->fresh[i] || b->ops[i].result != STORE_APPLIED ||
		    !b->ops[i].op.has_ticket)
			continue;
		pg_row(rows, json_pack("{s:I, s:s, s:s, s:I, s:s, s:s, s:s, "
		    "s:I, s:I, s:I, s:I, s:I, s:I}", "n", (json_int_t)i, "day",
		    t->day, "service", t->service, "number",
		    (json_int_t)t->number, "priority", t->priority, "state",
		    t->state, "outcome", t->outcome, "arrived",
		    (json_int_t)t->arrived, "called", (json_int_t)t->called,
		    "served", (json_int_t)t->served, "finished",
		    (json_int_t)t->finished, "counter", (json_int_t)t->counter,
		    "seq", (json_int_t)b->ops[i].op.seq));
	}
	return pg_rows_run(b, "INSERT INTO ticket (office_id, day, service, number, "
	    "priority, state, outcome, arrived_at, called_at, served_at, "
	    "finished_at, counter, seq) SELECT DISTINCT ON (t.day, t.service, "
	    "t.number) $1, t.day, t.service, t.number, t.priority, t.state, "
	    "t.outcome, t.arrived, t.called, t.served, t.finished, t.counter, "
	    "t.seq FROM json_to_recordset($2::json) AS t(n bigint, day text, "
	    "service text, number bigint, priority text, state text, outcome "
	    "text, arrived bigint, called bigint, served bigint, finished "
	    "bigint, counter bigint, seq bigint) ORDER BY t.day, "
	    "t.service, t.number, t.seq DESC, t.n ON CONFLICT (office_id, day, "
	    "service, number) DO UPDATE SET priority = excluded.priority, "
	    "state = excluded.state, outcome = excluded.outcome, arrived_at = "
	    "excluded.arrived_at, called_at = excluded.called_at, served_at = "
	    "excluded.served_at, finished_at = excluded.finished_at, counter = "
	    "excluded.counter, seq = excluded.seq WHERE excluded.seq > "
	    "ticket.seq", rows, cause);
}

/*
 * The new operations: the chain in order, then their events, tickets,
 * applications and complaints.
 */
static int
pg_apply(struct pg_batch *b, struct pg_chain *c, char **cause)
{
	size_t	 i;

	for (i = 0; i < b->count; i++) {
		if (b->fresh[i] && b->ops[i].parsed &&
		    pg_chain(b, c, i, cause) != 0)
			return STORE_FAILED;
	}
	if (pg_events_add(b, cause) != 0 || pg_tickets(b, cause) != 0)
		return STORE_FAILED;
	for (i = 0; i < b->count; i++) {
		if (b->fresh[i] && b->ops[i].result == STORE_APPLIED &&
		    pg_record_apply(b->s, b->office, &b->ops[i], cause) != 0)
			return STORE_FAILED;
	}
	return 0;
}

/*
 * The office's chain, and how far its operations are held (store.h): the
 * mark moves on over the seqs held after it, up to the first whose next
 * is missing. Only the receipts after the mark are read, in the order of
 * their index, each compared with the next (lead): the work is the batch's
 * and any gap's, never the office's whole history. (An anti-join of the
 * receipts with themselves, planned from stale statistics, read them all
 * for every row of a batch.)
 */
static int
pg_office_moved(struct pg_batch *b, const struct pg_chain *c, char **cause)
{
	return pg_run(b->s, cause, "UPDATE office SET chain_seq = $2, "
	    "chain_hash = $3, held_through = (SELECT min(h.s) FROM (SELECT "
	    "u.s, lead(u.s) OVER (ORDER BY u.s) AS next FROM (SELECT "
	    "office.held_through AS s UNION SELECT seq FROM received_op WHERE "
	    "office_id = $1 AND seq > office.held_through) u) h WHERE h.next "
	    "IS DISTINCT FROM h.s + 1) WHERE id = $1", "iit", b->office,
	    c->seq, c->hash) < 0 ? STORE_FAILED : 0;
}

/* Store the batch, in its transaction (begun): 0 or STORE_FAILED. */
static int
pg_push_batch(struct pg_batch *b, char **cause)
{
	struct pg_chain	 c = { 0 };
	PGresult	*res;
	size_t		 i;

	res = pg_query(b->s, cause, "SELECT chain_seq, chain_hash FROM office "
	    "WHERE id = $1 FOR UPDATE", "i", b->office);
	if (res == NULL)
		return STORE_FAILED;
	if (PQntuples(res) == 1) {
		c.seq = pg_num(res, 0, 0);
		snprintf(c.hash, sizeof c.hash, "%s", PQgetvalue(res, 0, 1));
	}
	PQclear(res);
	if (pg_claim(b, cause) != 0 || pg_again(b, cause) != 0 ||
	    pg_apply(b, &c, cause) != 0)
		return STORE_FAILED;
	for (i = 0; i < b->count && !b->fresh[i]; i++)
		;
	/* Nothing new (a batch sent again): the office is as it was. */
	if (i == b->count)
		return 0;
	return pg_office_moved(b, &c, cause);
}

int
pg_push(struct store *base, long office, struct store_op *ops, size_t count,
    time_t now, char **cause)
{
	struct pg_batch	 b = { PG(base), office, ops, count, now, NULL, NULL };
	int		 rc;

	if (pg_begin(b.s, cause) != 0)
		return STORE_FAILED;
	b.fresh = xcalloc(count + 1, 1);
	rc = pg_push_batch(&b, cause);
	PQclear(b.held);
	free(b.fresh);
	if (rc != 0 || pg_commit(b.s, cause) != 0) {
		pg_rollback(b.s);
		return STORE_FAILED;
	}
	return 0;
}

int
pg_pushed_through(struct store *base, long office, long *seq, char **cause)
{
	*seq = 0;
	return pg_long(PG(base), seq, cause, "SELECT held_through FROM office "
	    "WHERE id = $1", "i", office) < 0 ? STORE_FAILED : 0;
}
