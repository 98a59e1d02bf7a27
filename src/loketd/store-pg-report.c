/*
 * The PostgreSQL engine: the region's report, the events offices pushed
 * and the change feed as offices read it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/xmalloc.h"
#include "loketd/store-pg.h"

int
pg_report(struct store *base, const char *day, const char *office,
    int (*fn)(void *, const struct store_report_row *), void *arg,
    char **cause)
{
	struct store_report_row	 r;
	PGresult		*res;
	int			 i, stop = 0;

	res = pg_query(PG(base), cause, "SELECT o.code, d.day, "
	    "count(t.number), "
	    "count(*) FILTER (WHERE t.state = 'done' AND t.outcome <> "
	    "  'transferred'), "
	    "count(*) FILTER (WHERE t.state = 'noshow'), "
	    "count(*) FILTER (WHERE t.state IN ('waiting', 'called', "
	    "  'serving', 'parked')), "
	    "coalesce(trunc(avg(t.called_at - t.arrived_at) FILTER (WHERE "
	    "  t.called_at <> 0)), -1)::bigint, "
	    "coalesce(max(t.called_at - t.arrived_at) FILTER (WHERE "
	    "  t.called_at <> 0), -1), "
	    "(SELECT count(*) FROM chain_break b WHERE b.office_id = o.id AND "
	    "  b.day = d.day) "
	    "FROM (SELECT office_id, day FROM ticket UNION SELECT office_id, "
	    "  day FROM chain_break) d "
	    "JOIN office o ON o.id = d.office_id "
	    "LEFT JOIN ticket t ON t.office_id = d.office_id AND t.day = d.day "
	    "WHERE ($1::text IS NULL OR d.day = $1) AND "
	    "  ($2::text IS NULL OR o.code = $2) "
	    "GROUP BY o.id, d.day ORDER BY d.day, o.code", "tt", day, office);
	if (res == NULL)
		return STORE_FAILED;
	for (i = 0; !stop && i < PQntuples(res); i++) {
		r.office = PQgetvalue(res, i, 0);
		r.day = PQgetvalue(res, i, 1);
		r.taken = pg_num(res, i, 2);
		r.served = pg_num(res, i, 3);
		r.noshow = pg_num(res, i, 4);
		r.open = pg_num(res, i, 5);
		r.average_wait = pg_num(res, i, 6);
		r.longest_wait = pg_num(res, i, 7);
		r.chain_breaks = pg_num(res, i, 8);
		stop = fn(arg, &r);
	}
	PQclear(res);
	return 0;
}

/*
 * A page stops after the change that brings its bodies past
 * STORE_CHANGES_BYTES, counted in SQL (octet_length reads no body), so
 * that a page of big changes is never fetched whole to be cut here.
 *
 * Safe against a cursor that commits late: every writer of the change
 * table takes PG_CHANGE_LOCK before its INSERT and holds it to its
 * COMMIT (store-pg.h), so a cursor is drawn only once every smaller
 * cursor is committed or rolled back; what this SELECT does not see yet
 * has a cursor above all it sees, and the office asks after its last.
 */
int
pg_changes(struct store *base, long office, long after, int limit,
    json_t **out, long *last, char **cause)
{
	PGresult	*res;
	json_t		*array, *body;
	int		 i;

	res = pg_query(PG(base), cause, "SELECT cursor, kind, body FROM "
	    "(SELECT cursor, kind, body, sum(octet_length(body)) OVER "
	    "(ORDER BY cursor) - octet_length(body) AS before FROM change "
	    "WHERE cursor > $1 AND (office_id IS NULL OR office_id = $4) ORDER "
	    "BY cursor LIMIT $2) page WHERE before <= $3 ORDER BY cursor",
	    "iiii", after, (long)limit, STORE_CHANGES_BYTES, office);
	if (res == NULL)
		return STORE_FAILED;
	array = json_array();
	*last = after;
	for (i = 0; i < PQntuples(res); i++) {
		*last = pg_num(res, i, 0);
		body = json_loads(PQgetvalue(res, i, 2), 0, NULL);
		json_array_append_new(array, json_pack("{s:I, s:s, s:o}",
		    "cursor", (json_int_t)*last, "kind", PQgetvalue(res, i, 1),
		    "data", body != NULL ? body : json_null()));
	}
	PQclear(res);
	*out = array;
	return 0;
}

int
pg_events(struct store *base, const char *office,
    int (*fn)(void *, const struct store_event *), void *arg, char **cause)
{
	struct store_event	 e;
	PGresult		*res;
	int			 i, stop = 0;

	res = pg_query(PG(base), cause, "SELECT o.code, e.seq, e.op_id, e.at, "
	    "e.kind, e.body FROM office_event e JOIN office o ON o.id = "
	    "e.office_id WHERE $1::text IS NULL OR o.code = $1 ORDER BY "
	    "o.code, e.seq, e.id", "t", office);
	if (res == NULL)
		return STORE_FAILED;
	for (i = 0; !stop && i < PQntuples(res); i++) {
		e.office = PQgetvalue(res, i, 0);
		e.seq = pg_num(res, i, 1);
		e.op_id = PQgetvalue(res, i, 2);
		e.at = pg_num(res, i, 3);
		e.kind = PQgetvalue(res, i, 4);
		e.body = PQgetvalue(res, i, 5);
		stop = fn(arg, &e);
	}
	PQclear(res);
	return 0;
}
