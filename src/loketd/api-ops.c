/*
 * POST /v1/ops {"office": CODE, "ops": [...]}: a batch of operations
 * from the office the token belongs to (another office's code: 403).
 * Each operation gets its own result, in order; one bad operation never
 * blocks the others. The store records and applies the batch in one
 * transaction.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "common/log.h"
#include "common/xmalloc.h"
#include "loketd/api.h"
#include "loketd/metrics.h"
#include "loketd/store.h"

#define API_OPS_MAX	1000	/* operations in one batch */

/* Read each operation of the batch; what cannot be read is rejected. */
static struct store_op *
api_ops_read(const json_t *ops, size_t *count)
{
	struct store_op	*x;
	const json_t	*item;
	const char	*id;
	char		*cause;
	json_int_t	 seq;
	size_t		 i;

	*count = json_array_size(ops);
	x = xcalloc(*count + 1, sizeof *x);
	json_array_foreach(ops, i, item) {
		cause = NULL;
		id = json_string_value(json_object_get(item, "id"));
		if (sync_uuid_valid(id))
			memcpy(x[i].id, id, SYNC_UUID_LEN);
		x[i].body = sync_canonical(item);
		if (x[i].body == NULL) {
			x[i].id[0] = '\0';
			continue;
		}
		sync_hash(x[i].body, strlen(x[i].body), x[i].hash);
		x[i].parsed = sync_op_parse(item, &x[i].op, &cause) == 0;
		if (!x[i].parsed) {
			log_info("operation %s rejected: %s", x[i].id, cause);
			/* Held all the same (store.h: pushed_through). */
			seq = json_integer_value(json_object_get(item, "seq"));
			x[i].op.seq = seq > 0 ? (long)seq : 0;
		}
		free(cause);
	}
	return x;
}

static void
api_ops_free(struct store_op *x, size_t count)
{
	size_t	 i;

	for (i = 0; i < count; i++) {
		sync_op_clear(&x[i].op);
		free((char *)x[i].body);
	}
	free(x);
}

/* The per-operation results, in the batch's order. */
static json_t *
api_ops_results(const struct store_op *x, size_t count)
{
	json_t	*results = json_array(), *one;
	size_t	 i;

	for (i = 0; i < count; i++) {
		metrics_op(x[i].result);
		one = json_pack("{s:s, s:s}", "id", x[i].id, "result",
		    store_result_name(x[i].result));
		if (x[i].result == STORE_DUPLICATE)
			json_object_set_new(one, "first",
			    json_string(store_result_name(x[i].first)));
		json_array_append_new(results, one);
	}
	return results;
}

/* The batch of an office, checked: the ops array, or NULL after 4xx. */
static const json_t *
api_ops_batch(const json_t *body, const struct store_office *o,
    struct api_answer *a)
{
	const json_t	*ops = json_object_get(body, "ops");
	const char	*office = json_string_value(json_object_get(body,
			    "office"));

	if (office == NULL || !json_is_array(ops)) {
		api_error(a, 400, "office or ops is missing");
		return NULL;
	}
	if (strcmp(office, o->code) != 0) {
		api_error(a, 403, "this token belongs to another office");
		return NULL;
	}
	if (json_array_size(ops) > API_OPS_MAX) {
		api_error(a, 413, "too many operations in one batch");
		return NULL;
	}
	return ops;
}

void
api_ops(const struct api_request *r, struct api_answer *a)
{
	struct store_office	 o = { 0 };
	struct store		*s = NULL;
	struct store_op		*x = NULL;
	const json_t		*ops;
	struct timespec		 start, end;
	json_t			*body;
	size_t			 count = 0;
	char			*cause = NULL;

	clock_gettime(CLOCK_MONOTONIC, &start);
	if ((s = api_store(r, a)) == NULL)
		return;
	if (api_auth(r, s, &o, a) != 0 || (body = api_body(r, a)) == NULL)
		goto out;
	if ((ops = api_ops_batch(body, &o, a)) == NULL)
		goto free_body;
	x = api_ops_read(ops, &count);
	if (s->engine->push(s, o.id, x, count, time(NULL), &cause) != 0) {
		log_error("%s", cause);
		api_error(a, 503, "the store is not available");
		goto free_body;
	}
	api_json(a, 200, json_pack("{s:o}", "results",
	    api_ops_results(x, count)));
	clock_gettime(CLOCK_MONOTONIC, &end);
	metrics_push_seconds((double)(end.tv_sec - start.tv_sec) +
	    (end.tv_nsec - start.tv_nsec) / 1e9);
free_body:
	json_decref(body);
out:
	api_ops_free(x, count);
	free(cause);
	store_office_clear(&o);
	api_store_done(r, s, a);
}
