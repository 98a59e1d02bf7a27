/*
 * The PostgreSQL engine: a batch of operations, as the SQLite engine
 * stores it, made safe for several loketd processes at once.
 *
 * The whole batch is one call of the database function loket_push
 * (store-pg-push.h), in one statement and so one transaction: one round trip
 * whatever the batch's size, and statements PostgreSQL parsed and planned
 * once per connection rather than once per request (nothing is prepared by
 * name, which pgbouncer in transaction mode would lose). loketd does here
 * what needs C: which operations it can apply, their rows as one JSON
 * array, then each result from the function's answer.
 *
 * In the function, as in store-sqlite-push.c: the office's row is locked
 * first, so that its batches follow one another and its hash chain is
 * checked in order; each operation is claimed by inserting its receipt,
 * and only the call whose insert made the row applies its effect. A second
 * loketd sent the same batch waits on that lock, then finds the receipts:
 * "duplicate". The chain is checked op by op (a receipt's insert is what
 * the next op's "any other receipt of this seq?" sees); the events and the
 * tickets then go in one statement each.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/xmalloc.h"
#include "loketd/store-pg.h"

/* The row of an operation the function is given. */
static json_t *
pg_op_row(const struct store_op *x, size_t n)
{
	const struct sync_ticket	*t = &x->op.ticket;
	struct store_record		 r;
	json_t				*row, *ticket;
	char				 day[11];

	row = json_pack("{s:I, s:s, s:s, s:s, s:b, s:I}", "n", (json_int_t)n,
	    "id", x->id, "hash", x->hash, "result",
	    store_result_name(x->result), "parsed", x->parsed, "seq",
	    (json_int_t)x->op.seq);
	if (row == NULL)
		fatal("pg_op_row: a row of the batch cannot be made");
	if (!x->parsed)
		return row;
	store_op_day(x, day);
	json_object_set_new(row, "prev", json_string(x->op.prev));
	json_object_set_new(row, "day", json_string(day));
	json_object_set_new(row, "at", json_integer(x->op.at));
	json_object_set_new(row, "kind", json_string(x->op.kind));
	json_object_set_new(row, "body", json_string(x->body));
	if (x->op.has_ticket) {
		ticket = json_pack("{s:s, s:s, s:I, s:s, s:s, s:s, s:I, s:I, "
		    "s:I, s:I, s:I}", "t_day", t->day, "t_service", t->service,
		    "t_number", (json_int_t)t->number, "t_priority",
		    t->priority, "t_state", t->state, "t_outcome", t->outcome,
		    "t_arrived", (json_int_t)t->arrived, "t_called",
		    (json_int_t)t->called, "t_served", (json_int_t)t->served,
		    "t_finished", (json_int_t)t->finished, "t_counter",
		    (json_int_t)t->counter);
		if (ticket == NULL || json_object_update(row, ticket) != 0)
			fatal("pg_op_row: a ticket of the batch cannot be made");
		json_decref(ticket);
	}
	if (store_op_record(x, &r)) {
		json_object_set_new(row, "r_kind", json_string(r.kind));
		json_object_set_new(row, "r_tracking", json_string(r.tracking));
		json_object_set_new(row, "r_service", json_string(r.service));
		json_object_set_new(row, "r_state", json_string(r.state));
		json_object_set_new(row, "r_note", json_string(r.note));
		json_object_set_new(row, "r_updated", json_integer(r.updated));
		if (x->op.sealed != NULL)
			json_object_set_new(row, "r_sealed",
			    json_string(x->op.sealed));
		store_record_clear(&r);
	}
	return row;
}

/* An operation's result from the function's row: 0, or -1 if unknown. */
static int
pg_op_result(struct store_op *x, const char *status, const char *first)
{
	if (strcmp(status, "fresh") == 0)
		return 0;
	x->first = strcmp(first, "applied") == 0 ? STORE_APPLIED :
	    STORE_REJECTED;
	if (strcmp(status, "duplicate") == 0)
		x->result = STORE_DUPLICATE;
	else if (strcmp(status, "conflict") == 0)
		x->result = STORE_CONFLICT;
	else
		return -1;
	return 0;
}

int
pg_push(struct store *base, long office, struct store_op *ops, size_t count,
    time_t now, char **cause)
{
	struct store_pg	*s = PG(base);
	struct store_op	*x;
	PGresult	*res;
	json_t		*rows = json_array();
	char		*text, *answered;
	size_t		 i, sent = 0, n;
	int		 r, rc = 0;

	/* What the centre can apply: each operation's own result. */
	for (i = 0; i < count; i++) {
		x = &ops[i];
		x->result = STORE_REJECTED;
		if (x->id[0] == '\0')
			continue;
		if (x->parsed && (!x->op.has_ticket ||
		    store_state_known(x->op.ticket.state)))
			x->result = STORE_APPLIED;
		json_array_append_new(rows, pg_op_row(x, i));
		sent++;
	}
	if (sent == 0) {
		json_decref(rows);
		return 0;
	}
	if ((text = json_dumps(rows, JSON_COMPACT)) == NULL)
		fatal("json_dumps: out of memory");
	json_decref(rows);
	/*
	 * One statement, its own transaction. Sent again on a new connection
	 * if the old one was lost (pg_query): a call that had committed then
	 * answers "duplicate" with the first result, which is the truth.
	 */
	res = pg_query(s, cause, "SELECT op_n, op_status, op_first FROM "
	    "loket_push($1, $2, $3::json)", "iit", office, (long)now, text);
	free(text);
	if (res == NULL)
		return STORE_FAILED;
	/* Every operation sent has its one answer. */
	answered = xcalloc(count + 1, 1);
	for (r = 0; r < PQntuples(res); r++) {
		n = (size_t)pg_num(res, r, 0);
		if (n >= count || answered[n] || ops[n].id[0] == '\0' ||
		    pg_op_result(&ops[n], PQgetvalue(res, r, 1),
		    PQgetvalue(res, r, 2)) != 0) {
			rc = -1;
			break;
		}
		answered[n] = 1;
		sent--;
	}
	PQclear(res);
	free(answered);
	if (rc != 0 || sent != 0) {
		*cause = xasprintf("%s: loket_push did not answer each "
		    "operation once", s->name);
		log_error("%s", *cause);
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
