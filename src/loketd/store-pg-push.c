/*
 * The PostgreSQL engine: a batch of operations, as the SQLite engine
 * stores it, made safe for several loketd processes at once.
 *
 * The whole batch is one call of the database function loket_push (made
 * by migration 6), in one statement and so one transaction: one round trip
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

const char pg_push_function[] =
	"CREATE OR REPLACE FUNCTION loket_push(p_office BIGINT, p_now BIGINT,"
	"  p_ops JSON) RETURNS TABLE (op_n INTEGER, op_status TEXT,"
	"  op_first TEXT) LANGUAGE plpgsql AS $f$\n"
	"DECLARE\n"
	"  c_seq BIGINT;\n"
	"  c_hash TEXT;\n"
	"  o RECORD;\n"
	"  got RECORD;\n"
	"  fresh INTEGER[] := '{}';\n"
	"BEGIN\n"
	"  SELECT f.chain_seq, f.chain_hash INTO c_seq, c_hash FROM office f"
	"    WHERE f.id = p_office FOR UPDATE;\n"
	"  c_seq := coalesce(c_seq, 0);\n"
	"  c_hash := coalesce(c_hash, '');\n"
	"  FOR o IN SELECT * FROM json_to_recordset(p_ops) AS x(n INTEGER,"
	"      id TEXT, hash TEXT, result TEXT, parsed BOOLEAN, seq BIGINT,"
	"      prev TEXT, day TEXT, body TEXT, r_kind TEXT, r_tracking TEXT,"
	"      r_service TEXT, r_state TEXT, r_note TEXT, r_sealed TEXT,"
	"      r_updated BIGINT) ORDER BY x.n LOOP\n"
	"    op_n := o.n;\n"
	"    INSERT INTO received_op AS r (office_id, op_id, hash, result, seq,"
	"      received_at) VALUES (p_office, o.id, o.hash, o.result, o.seq,"
	"      p_now) ON CONFLICT (office_id, op_id) DO NOTHING;\n"
	/* Received before, or earlier in this batch. */
	"    IF NOT FOUND THEN\n"
	"      SELECT r.hash, r.result INTO got FROM received_op r WHERE"
	"        r.office_id = p_office AND r.op_id = o.id;\n"
	"      op_first := got.result;\n"
	"      op_status := 'duplicate';\n"
	"      IF got.hash <> o.hash THEN\n"
	"        op_status := 'conflict';\n"
	"        INSERT INTO op_conflict (office_id, op_id, hash, body,"
	"          received_at) VALUES (p_office, o.id, o.hash, o.body, p_now);\n"
	"      END IF;\n"
	"      RETURN NEXT;\n"
	"      CONTINUE;\n"
	"    END IF;\n"
	"    fresh := fresh || o.n;\n"
	"    op_status := 'fresh';\n"
	"    op_first := NULL;\n"
	"    RETURN NEXT;\n"
	/*
	 * The chain. An op older than its head, for a seq the centre has
	 * no other receipt of, fills a gap (pushed again after a restore):
	 * no break, the head stays.
	 */
	"    IF o.parsed AND (o.seq > c_seq OR EXISTS (SELECT 1 FROM"
	"        received_op r WHERE r.office_id = p_office AND r.seq = o.seq"
	"        AND r.op_id <> o.id)) THEN\n"
	"      IF o.seq <> c_seq + 1 OR o.prev <> c_hash THEN\n"
	"        INSERT INTO chain_break (office_id, seq, day, expected, found,"
	"          found_at) VALUES (p_office, o.seq, o.day, c_hash, o.prev,"
	"          p_now);\n"
	"      END IF;\n"
	"      c_seq := o.seq;\n"
	"      c_hash := o.hash;\n"
	"    END IF;\n"
	/* An application's or a complaint's: the latest in the centre's
	 * order overwrites the record (store-pg-record.c). */
	"    IF o.result = 'applied' AND o.r_kind IS NOT NULL THEN\n"
	"      INSERT INTO record AS d (kind, tracking, office_id, service,"
	"        state, note, sealed, updated_at) VALUES (o.r_kind,"
	"        o.r_tracking, p_office, o.r_service, o.r_state, o.r_note,"
	"        o.r_sealed, o.r_updated) ON CONFLICT (kind, tracking) DO"
	"        UPDATE SET state = excluded.state, note = excluded.note,"
	"        sealed = coalesce(d.sealed, excluded.sealed), updated_at ="
	"        excluded.updated_at;\n"
	"    END IF;\n"
	"  END LOOP;\n"
	/* Nothing new (a batch sent again): the office is as it was. */
	"  IF cardinality(fresh) = 0 THEN\n"
	"    RETURN;\n"
	"  END IF;\n"
	"  INSERT INTO office_event (office_id, seq, op_id, at, kind, body)"
	"    SELECT p_office, e.seq, e.id, e.at, e.kind, e.body FROM"
	"    json_to_recordset(p_ops) AS e(n INTEGER, id TEXT, parsed BOOLEAN,"
	"    seq BIGINT, at BIGINT, kind TEXT, body TEXT) WHERE e.n = ANY"
	"    (fresh) AND e.parsed ORDER BY e.n;\n"
	/* Of the operations about one ticket, the latest (highest seq)
	 * replaces the centre's row if newer, as applying each would. */
	"  INSERT INTO ticket AS k (office_id, day, service, number, priority,"
	"    state, outcome, arrived_at, called_at, served_at, finished_at,"
	"    counter, seq) SELECT DISTINCT ON (t.t_day, t.t_service,"
	"    t.t_number) p_office, t.t_day, t.t_service, t.t_number,"
	"    t.t_priority, t.t_state, t.t_outcome, t.t_arrived, t.t_called,"
	"    t.t_served, t.t_finished, t.t_counter, t.seq FROM"
	"    json_to_recordset(p_ops) AS t(n INTEGER, result TEXT, seq BIGINT,"
	"    t_day TEXT, t_service TEXT, t_number BIGINT, t_priority TEXT,"
	"    t_state TEXT, t_outcome TEXT, t_arrived BIGINT, t_called BIGINT,"
	"    t_served BIGINT, t_finished BIGINT, t_counter BIGINT) WHERE t.n ="
	"    ANY (fresh) AND t.result = 'applied' AND t.t_day IS NOT NULL"
	"    ORDER BY t.t_day, t.t_service, t.t_number, t.seq DESC, t.n"
	"    ON CONFLICT (office_id, day, service, number) DO UPDATE SET"
	"    priority = excluded.priority, state = excluded.state, outcome ="
	"    excluded.outcome, arrived_at = excluded.arrived_at, called_at ="
	"    excluded.called_at, served_at = excluded.served_at, finished_at ="
	"    excluded.finished_at, counter = excluded.counter, seq ="
	"    excluded.seq WHERE excluded.seq > k.seq;\n"
	/*
	 * The office's chain, and how far its operations are held (store.h):
	 * the mark moves on over the seqs held after it, up to the first
	 * whose next is missing. Only the receipts after the mark are read,
	 * each compared with the next (lead): the work is the batch's and
	 * any gap's, never the office's whole history.
	 */
	"  UPDATE office f SET chain_seq = c_seq, chain_hash = c_hash,"
	"    held_through = (SELECT min(h.s) FROM (SELECT u.s, lead(u.s) OVER"
	"    (ORDER BY u.s) AS next FROM (SELECT f.held_through AS s UNION"
	"    SELECT r.seq FROM received_op r WHERE r.office_id = p_office AND"
	"    r.seq > f.held_through) u) h WHERE h.next IS DISTINCT FROM"
	"    h.s + 1) WHERE f.id = p_office;\n"
	"END\n"
	"$f$;";

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
