/* The PostgreSQL engine: the region's report and the change feed. */
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
 * A cursor comes from the table's identity, a sequence: strictly growing
 * across every loketd. A sequence is not commit order, so whatever adds a
 * change takes the transaction advisory lock PG_CHANGE_LOCK first; then
 * no change with a smaller cursor can commit after a reader passed it.
 */
int
pg_changes(struct store *base, long after, int limit, json_t **out,
    long *last, char **cause)
{
	PGresult	*res;
	json_t		*array, *body;
	int		 i;

	res = pg_query(PG(base), cause, "SELECT cursor, kind, body FROM change "
	    "WHERE cursor > $1 ORDER BY cursor LIMIT $2", "ii", after,
	    (long)limit);
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
