/*
 * The database function a batch of operations is stored by on
 * PostgreSQL (store-pg-push.c calls it): SELECT op_n, op_status, op_first
 * FROM loket_push(office, now, ops), ops a JSON array of the batch's
 * operations (store-pg-push.c: pg_op_row), one row answered for each:
 * "fresh" (its receipt made here), "duplicate" or "conflict" with the
 * first receipt's result.
 *
 * Migrations make it (store-pg.c): each that changes it replaces it
 * whole, with CREATE OR REPLACE, in the same transaction as the schema
 * change it follows, so that no push sees the one without the other.
 * Only store-pg.c includes this.
 */
#ifndef LOKETD_STORE_PG_PUSH_H
#define LOKETD_STORE_PG_PUSH_H

#define PG_PUSH_FUNCTION \
	"CREATE OR REPLACE FUNCTION loket_push(p_office BIGINT, p_now BIGINT," \
	"  p_ops JSON) RETURNS TABLE (op_n INTEGER, op_status TEXT," \
	"  op_first TEXT) LANGUAGE plpgsql AS $f$\n" \
	"DECLARE\n" \
	"  c_seq BIGINT;\n" \
	"  c_hash TEXT;\n" \
	"  o RECORD;\n" \
	"  got RECORD;\n" \
	"  fresh INTEGER[] := '{}';\n" \
	"BEGIN\n" \
	"  SELECT f.chain_seq, f.chain_hash INTO c_seq, c_hash FROM office f" \
	"    WHERE f.id = p_office FOR UPDATE;\n" \
	"  c_seq := coalesce(c_seq, 0);\n" \
	"  c_hash := coalesce(c_hash, '');\n" \
	"  FOR o IN SELECT * FROM json_to_recordset(p_ops) AS x(n INTEGER," \
	"      id TEXT, hash TEXT, result TEXT, parsed BOOLEAN, seq BIGINT," \
	"      prev TEXT, day TEXT, body TEXT, r_kind TEXT, r_tracking TEXT," \
	"      r_service TEXT, r_state TEXT, r_note TEXT, r_sealed TEXT," \
	"      r_updated BIGINT) ORDER BY x.n LOOP\n" \
	"    op_n := o.n;\n" \
	"    INSERT INTO received_op AS r (office_id, op_id, hash, result, seq," \
	"      received_at) VALUES (p_office, o.id, o.hash, o.result, o.seq," \
	"      p_now) ON CONFLICT (office_id, op_id) DO NOTHING;\n" \
	/* Received before, or earlier in this batch. */ \
	"    IF NOT FOUND THEN\n" \
	"      SELECT r.hash, r.result INTO got FROM received_op r WHERE" \
	"        r.office_id = p_office AND r.op_id = o.id;\n" \
	"      op_first := got.result;\n" \
	"      op_status := 'duplicate';\n" \
	"      IF got.hash <> o.hash THEN\n" \
	"        op_status := 'conflict';\n" \
	"        INSERT INTO op_conflict (office_id, op_id, hash, body," \
	"          received_at) VALUES (p_office, o.id, o.hash, o.body, p_now);\n" \
	"      END IF;\n" \
	"      RETURN NEXT;\n" \
	"      CONTINUE;\n" \
	"    END IF;\n" \
	"    fresh := fresh || o.n;\n" \
	"    op_status := 'fresh';\n" \
	"    op_first := NULL;\n" \
	"    RETURN NEXT;\n" \
	/* \
	 * The chain. An op older than its head, for a seq the centre has \
	 * no other receipt of, fills a gap (pushed again after a restore): \
	 * no break, the head stays. \
	 */ \
	"    IF o.parsed AND (o.seq > c_seq OR EXISTS (SELECT 1 FROM" \
	"        received_op r WHERE r.office_id = p_office AND r.seq = o.seq" \
	"        AND r.op_id <> o.id)) THEN\n" \
	"      IF o.seq <> c_seq + 1 OR o.prev <> c_hash THEN\n" \
	"        INSERT INTO chain_break (office_id, seq, day, expected, found," \
	"          found_at) VALUES (p_office, o.seq, o.day, c_hash, o.prev," \
	"          p_now);\n" \
	"      END IF;\n" \
	"      c_seq := o.seq;\n" \
	"      c_hash := o.hash;\n" \
	"    END IF;\n" \
	/* An application's or a complaint's: the latest in the centre's \
	 * order overwrites the record (store-pg-record.c). */ \
	"    IF o.result = 'applied' AND o.r_kind IS NOT NULL THEN\n" \
	"      INSERT INTO record AS d (kind, tracking, office_id, service," \
	"        state, note, sealed, updated_at) VALUES (o.r_kind," \
	"        o.r_tracking, p_office, o.r_service, o.r_state, o.r_note," \
	"        o.r_sealed, o.r_updated) ON CONFLICT (kind, tracking) DO" \
	"        UPDATE SET state = excluded.state, note = excluded.note," \
	"        sealed = coalesce(d.sealed, excluded.sealed), updated_at =" \
	"        excluded.updated_at;\n" \
	"    END IF;\n" \
	"  END LOOP;\n" \
	/* Nothing new (a batch sent again): the office is as it was. */ \
	"  IF cardinality(fresh) = 0 THEN\n" \
	"    RETURN;\n" \
	"  END IF;\n" \
	"  INSERT INTO office_event (office_id, seq, op_id, at, kind, body)" \
	"    SELECT p_office, e.seq, e.id, e.at, e.kind, e.body FROM" \
	"    json_to_recordset(p_ops) AS e(n INTEGER, id TEXT, parsed BOOLEAN," \
	"    seq BIGINT, at BIGINT, kind TEXT, body TEXT) WHERE e.n = ANY" \
	"    (fresh) AND e.parsed ORDER BY e.n;\n" \
	/* Of the operations about one ticket, the latest (highest seq) \
	 * replaces the centre's row if newer, as applying each would. */ \
	"  INSERT INTO ticket AS k (office_id, day, service, number, priority," \
	"    state, outcome, arrived_at, called_at, served_at, finished_at," \
	"    counter, seq) SELECT DISTINCT ON (t.t_day, t.t_service," \
	"    t.t_number) p_office, t.t_day, t.t_service, t.t_number," \
	"    t.t_priority, t.t_state, t.t_outcome, t.t_arrived, t.t_called," \
	"    t.t_served, t.t_finished, t.t_counter, t.seq FROM" \
	"    json_to_recordset(p_ops) AS t(n INTEGER, result TEXT, seq BIGINT," \
	"    t_day TEXT, t_service TEXT, t_number BIGINT, t_priority TEXT," \
	"    t_state TEXT, t_outcome TEXT, t_arrived BIGINT, t_called BIGINT," \
	"    t_served BIGINT, t_finished BIGINT, t_counter BIGINT) WHERE t.n =" \
	"    ANY (fresh) AND t.result = 'applied' AND t.t_day IS NOT NULL" \
	"    ORDER BY t.t_day, t.t_service, t.t_number, t.seq DESC, t.n" \
	"    ON CONFLICT (office_id, day, service, number) DO UPDATE SET" \
	"    priority = excluded.priority, state = excluded.state, outcome =" \
	"    excluded.outcome, arrived_at = excluded.arrived_at, called_at =" \
	"    excluded.called_at, served_at = excluded.served_at, finished_at =" \
	"    excluded.finished_at, counter = excluded.counter, seq =" \
	"    excluded.seq WHERE excluded.seq > k.seq;\n" \
	/* \
	 * The office's chain, and how far its operations are held (store.h): \
	 * the mark moves on over the seqs held after it, up to the first \
	 * whose next is missing. Only the receipts after the mark are read, \
	 * each compared with the next (lead): the work is the batch's and \
	 * any gap's, never the office's whole history. \
	 */ \
	"  UPDATE office f SET chain_seq = c_seq, chain_hash = c_hash," \
	"    received = f.received + cardinality(fresh)," \
	"    held_through = (SELECT min(h.s) FROM (SELECT u.s, lead(u.s) OVER" \
	"    (ORDER BY u.s) AS next FROM (SELECT f.held_through AS s UNION" \
	"    SELECT r.seq FROM received_op r WHERE r.office_id = p_office AND" \
	"    r.seq > f.held_through) u) h WHERE h.next IS DISTINCT FROM" \
	"    h.s + 1) WHERE f.id = p_office;\n" \
	"END\n" \
	"$f$;"

#endif
