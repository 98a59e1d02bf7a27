/*
 * The SQLite engine: the region's report, the events offices pushed and
 * the change feed as offices read it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/xmalloc.h"
#include "loketd/store-sqlite.h"

int
sq_report(struct store *base, const char *day, const char *office,
    int (*fn)(void *, const struct store_report_row *), void *arg,
    char **cause)
{
	struct store_report_row	 r;
	sqlite3_stmt		*stmt;
	int			 rc, stop = 0;

	if (sq_prepare(SQ(base), &stmt, cause, "SELECT o.code, d.day, "
	    "count(t.number), "
	    "count(*) FILTER (WHERE t.state = 'done' AND t.outcome <> "
	    "  'transferred'), "
	    "count(*) FILTER (WHERE t.state = 'noshow'), "
	    "count(*) FILTER (WHERE t.state IN ('waiting', 'called', "
	    "  'serving', 'parked')), "
	    "coalesce(avg(t.called_at - t.arrived_at) FILTER (WHERE "
	    "  t.called_at <> 0), -1), "
	    "coalesce(max(t.called_at - t.arrived_at) FILTER (WHERE "
	    "  t.called_at <> 0), -1), "
	    "(SELECT count(*) FROM chain_break b WHERE b.office_id = o.id AND "
	    "  b.day = d.day) "
	    "FROM (SELECT office_id, day FROM ticket UNION SELECT office_id, "
	    "  day FROM chain_break) d "
	    "JOIN office o ON o.id = d.office_id "
	    "LEFT JOIN ticket t ON t.office_id = d.office_id AND t.day = d.day "
	    "WHERE (?1 IS NULL OR d.day = ?1) AND (?2 IS NULL OR o.code = ?2) "
	    "GROUP BY o.id, d.day ORDER BY d.day, o.code", "tt", day,
	    office) != 0)
		return STORE_FAILED;
	while (!stop && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r.office = (const char *)sqlite3_column_text(stmt, 0);
		r.day = (const char *)sqlite3_column_text(stmt, 1);
		r.taken = sqlite3_column_int64(stmt, 2);
		r.served = sqlite3_column_int64(stmt, 3);
		r.noshow = sqlite3_column_int64(stmt, 4);
		r.open = sqlite3_column_int64(stmt, 5);
		r.average_wait = sqlite3_column_int64(stmt, 6);
		r.longest_wait = sqlite3_column_int64(stmt, 7);
		r.chain_breaks = sqlite3_column_int64(stmt, 8);
		stop = fn(arg, &r);
	}
	sqlite3_finalize(stmt);
	if (!stop && rc != SQLITE_DONE)
		return sq_fail(SQ(base), rc, cause);
	return 0;
}

int
sq_changes(struct store *base, long office, long after, int limit,
    json_t **out, long *last, char **cause)
{
	sqlite3_stmt	*stmt;
	json_t		*array, *body;
	long		 bytes = 0;
	int		 rc;

	if (sq_prepare(SQ(base), &stmt, cause, "SELECT cursor, kind, body "
	    "FROM change WHERE cursor > ?1 AND (office_id IS NULL OR "
	    "office_id = ?3) ORDER BY cursor LIMIT ?2", "iii", after,
	    (long)limit, office) != 0)
		return STORE_FAILED;
	array = json_array();
	*last = after;
	while (bytes <= STORE_CHANGES_BYTES &&
	    (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*last = sqlite3_column_int64(stmt, 0);
		bytes += sqlite3_column_bytes(stmt, 2);
		body = json_loads((const char *)sqlite3_column_text(stmt, 2), 0,
		    NULL);
		json_array_append_new(array, json_pack("{s:I, s:s, s:o}",
		    "cursor", (json_int_t)*last, "kind",
		    (const char *)sqlite3_column_text(stmt, 1), "data",
		    body != NULL ? body : json_null()));
	}
	sqlite3_finalize(stmt);
	if (bytes <= STORE_CHANGES_BYTES && rc != SQLITE_DONE) {
		json_decref(array);
		return sq_fail(SQ(base), rc, cause);
	}
	*out = array;
	return 0;
}

int
sq_events(struct store *base, const char *office,
    int (*fn)(void *, const struct store_event *), void *arg, char **cause)
{
	struct store_event	 e;
	sqlite3_stmt		*stmt;
	int			 rc, stop = 0;

	if (sq_prepare(SQ(base), &stmt, cause, "SELECT o.code, e.seq, "
	    "e.op_id, e.at, e.kind, e.body FROM office_event e JOIN office o "
	    "ON o.id = e.office_id WHERE ?1 IS NULL OR o.code = ?1 ORDER BY "
	    "o.code, e.seq, e.id", "t", office) != 0)
		return STORE_FAILED;
	while (!stop && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		e.office = (const char *)sqlite3_column_text(stmt, 0);
		e.seq = sqlite3_column_int64(stmt, 1);
		e.op_id = (const char *)sqlite3_column_text(stmt, 2);
		e.at = sqlite3_column_int64(stmt, 3);
		e.kind = (const char *)sqlite3_column_text(stmt, 4);
		e.body = (const char *)sqlite3_column_text(stmt, 5);
		stop = fn(arg, &e);
	}
	sqlite3_finalize(stmt);
	if (!stop && rc != SQLITE_DONE)
		return sq_fail(SQ(base), rc, cause);
	return 0;
}
