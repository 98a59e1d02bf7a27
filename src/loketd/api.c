/* Routing, answers, the token check, /healthz, /metrics and the feed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "common/log.h"
#include "common/xmalloc.h"
#include "loketd/api.h"
#include "loketd/metrics.h"
#include "loketd/ratelimit.h"
#include "loketd/record-rules.h"
#include "loketd/store-pool.h"
#include "loketd/store.h"
#include "sync/canonical.h"

static const struct {
	const char	*method;
	const char	*path;
	api_handler	 handler;
} api_routes[] = {
	{ "POST", "/v1/enrol", api_enrol },
	{ "POST", "/v1/ops", api_ops },
	{ "GET", "/v1/changes", api_changes },
	{ "GET", "/healthz", api_healthz },
	{ "GET", "/metrics", api_metrics },
	/* A path ending in '/' takes one more part: the tracking number. */
	{ "GET", "/v1/applications/", api_record },
	{ "GET", "/v1/complaints/", api_record },
	{ "POST", "/v1/applications/", api_record_set },
	{ "POST", "/v1/complaints/", api_record_set },
};

/* Does path match a route's path (a prefix when it ends in '/')? */
static int
api_path_matches(const char *path, const char *route)
{
	size_t	 len = strlen(route);

	if (len > 0 && route[len - 1] == '/')
		return strncmp(path, route, len) == 0 && path[len] != '\0' &&
		    strchr(path + len, '/') == NULL;
	return strcmp(path, route) == 0;
}

api_handler
api_route(const char *method, const char *path, int *known)
{
	size_t	 i;

	*known = 0;
	for (i = 0; i < sizeof api_routes / sizeof api_routes[0]; i++) {
		if (!api_path_matches(path, api_routes[i].path))
			continue;
		*known = 1;
		if (strcmp(method, api_routes[i].method) == 0)
			return api_routes[i].handler;
	}
	return NULL;
}

void
api_json(struct api_answer *a, int status, void *json)
{
	a->status = status;
	a->body = json_dumps(json, JSON_COMPACT | JSON_SORT_KEYS);
	a->type = "application/json";
	json_decref(json);
	if (a->body == NULL)
		fatal("cannot encode an answer");
}

void
api_error(struct api_answer *a, int status, const char *reason)
{
	api_json(a, status, json_pack("{s:s}", "error", reason));
}

struct store *
api_store(const struct api_request *r, struct api_answer *a)
{
	struct store	*s;
	char		*cause = NULL;

	if ((s = store_pool_take(r->pool, &cause)) == NULL) {
		log_error("%s", cause);
		free(cause);
		api_error(a, 503, "the store is not available");
	}
	return s;
}

void
api_store_done(const struct api_request *r, struct store *s,
    const struct api_answer *a)
{
	store_pool_give(r->pool, s, a->status == 503);
}

/* Seconds since some fixed moment, for rates: monotonic. */
static double
api_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
api_auth(const struct api_request *r, struct store *s,
    struct store_office *o, struct api_answer *a)
{
	const char	*token;
	char		 hash[SYNC_HASH_HEX], *cause = NULL;
	int		 rc;

	token = r->authorization;
	if (token == NULL || strncmp(token, "Bearer ", 7) != 0 ||
	    !sync_hash_valid(token + 7)) {
		api_error(a, 401, "unauthorized");
		return -1;
	}
	sync_hash(token + 7, 64, hash);
	rc = s->engine->office_by_token(s, hash, time(NULL), o, &cause);
	if (rc == 1 && (a->retry_after = ratelimit_take(o->id,
	    api_now())) == 0)
		return 0;
	if (rc == 1) {
		store_office_clear(o);
		api_error(a, 429, "too many requests");
		return -1;
	}
	if (rc == 0) {
		api_error(a, 401, "unauthorized");
	} else {
		log_error("%s", cause);
		api_error(a, 503, "the store is not available");
	}
	free(cause);
	return -1;
}

void *
api_body(const struct api_request *r, struct api_answer *a)
{
	json_error_t	 error;
	json_t		*j;
	char		*reason;

	j = json_loadb(r->body, r->length, JSON_REJECT_DUPLICATES, &error);
	if (j == NULL || !json_is_object(j)) {
		reason = j == NULL ? xasprintf("malformed JSON at line %d, "
		    "column %d: %s", error.line, error.column, error.text) :
		    xstrdup("the body is not a JSON object");
		api_error(a, 400, reason);
		free(reason);
		json_decref(j);
		return NULL;
	}
	return j;
}

void
api_healthz(const struct api_request *r, struct api_answer *a)
{
	struct store	*s;
	char		*generation = NULL, *cause = NULL;

	if ((s = api_store(r, a)) == NULL)
		return;
	if (s->engine->meta_get(s, "generation", &generation, &cause) != 1) {
		free(cause);
		api_error(a, 503, "the centre is not initialised");
	} else {
		a->status = 200;
		a->body = xstrdup("ok\n");
		a->type = "text/plain";
	}
	free(generation);
	api_store_done(r, s, a);
}

/* One office's figures from the store, for /metrics. */
static int
api_metrics_office(void *arg, const struct store_office *o)
{
	FILE	*f = arg;

	fprintf(f, "loketd_office_last_seen_seconds{office=\"%s\"} %ld\n"
	    "loketd_chain_breaks{office=\"%s\"} %ld\n", o->code,
	    o->last_seen != 0 ? (long)(time(NULL) - o->last_seen) : -1L,
	    o->code, o->chain_breaks);
	return 0;
}

void
api_metrics(const struct api_request *r, struct api_answer *a)
{
	struct store	*s;
	FILE		*f;
	size_t		 size;
	char		*cause = NULL;

	if ((s = api_store(r, a)) == NULL)
		return;
	if ((f = open_memstream(&a->body, &size)) == NULL)
		fatal("out of memory");
	metrics_write(f);
	fputs("# HELP loketd_office_last_seen_seconds Seconds since each "
	    "office was last seen (-1: never).\n"
	    "# TYPE loketd_office_last_seen_seconds gauge\n"
	    "# HELP loketd_chain_breaks Breaks found in each office's hash "
	    "chain.\n# TYPE loketd_chain_breaks gauge\n", f);
	if (s->engine->office_list(s, api_metrics_office, f, &cause) != 0) {
		log_error("%s", cause);
		free(cause);
	}
	fclose(f);
	a->status = 200;
	a->type = "text/plain; version=0.0.4";
	api_store_done(r, s, a);
}

void
api_changes(const struct api_request *r, struct api_answer *a)
{
	struct store_office	 o = { 0 };
	struct store		*s;
	json_t			*changes = NULL;
	char			*generation = NULL, *cause = NULL, *end;
	long			 after = 0, last, through;

	if (r->after != NULL) {
		after = strtol(r->after, &end, 10);
		if (*r->after == '\0' || *end != '\0' || after < 0) {
			api_error(a, 400, "after is not a cursor");
			return;
		}
	}
	if ((s = api_store(r, a)) == NULL)
		return;
	if (api_auth(r, s, &o, a) != 0)
		goto out;
	if (s->engine->meta_get(s, "generation", &generation, &cause) != 1 ||
	    s->engine->pushed_through(s, o.id, &through, &cause) != 0 ||
	    s->engine->changes(s, o.id, after, 500, &changes, &last,
	    &cause) != 0) {
		log_error("%s", cause != NULL ? cause : "no generation");
		api_error(a, 503, "the store is not available");
		goto out;
	}
	api_json(a, 200, json_pack("{s:s, s:I, s:o, s:I}", "generation",
	    generation, "cursor", (json_int_t)last, "changes", changes,
	    "pushed_through", (json_int_t)through));
out:
	store_office_clear(&o);
	free(generation);
	free(cause);
	api_store_done(r, s, a);
}

/*
 * GET /v1/applications/TRACKING and /v1/complaints/TRACKING: what a kiosk
 * of any office may show of one (never the name, the NIK or the phone),
 * for an office's token.
 */
void
api_record(const struct api_request *r, struct api_answer *a)
{
	struct store_office	 o = { 0 };
	struct store_record	 rec;
	struct store		*s;
	const char		*kind, *tracking;
	char			*cause = NULL;
	int			 rc;

	kind = strncmp(r->path, "/v1/complaints/", 15) == 0 ? "complaint" :
	    "application";
	tracking = strrchr(r->path, '/') + 1;
	if (strlen(tracking) != STORE_TRACKING_LEN - 1 ||
	    strspn(tracking, "0123456789") != STORE_TRACKING_LEN - 1) {
		api_error(a, 400, "not a tracking number");
		return;
	}
	if ((s = api_store(r, a)) == NULL)
		return;
	if (api_auth(r, s, &o, a) != 0)
		goto out;
	rc = s->engine->record_get(s, kind, tracking, &rec, &cause);
	if (rc < 0) {
		log_error("%s", cause);
		api_error(a, 503, "the store is not available");
	} else if (rc == 0)
		api_error(a, 404, "no such record");
	else {
		api_json(a, 200, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, "
		    "s:I}", "kind", kind, "tracking", rec.tracking, "office",
		    rec.office, "service", rec.service, "state", rec.state,
		    "note", rec.note, "updated", (json_int_t)rec.updated));
		store_record_clear(&rec);
	}
out:
	free(cause);
	store_office_clear(&o);
	api_store_done(r, s, a);
}

/* The back office a request's token belongs to: its name, or NULL after
 * a 401 (or a 503). */
static char *
api_backoffice(const struct api_request *r, struct store *s,
    struct api_answer *a)
{
	const char	*token = r->authorization;
	char		 hash[SYNC_HASH_HEX], *name = NULL, *cause = NULL;
	int		 rc;

	if (token == NULL || strncmp(token, "Bearer ", 7) != 0 ||
	    !sync_hash_valid(token + 7)) {
		api_error(a, 401, "unauthorized");
		return NULL;
	}
	sync_hash(token + 7, 64, hash);
	if ((rc = s->engine->backoffice_by_token(s, hash, &name,
	    &cause)) == 1)
		return name;
	if (rc == 0)
		api_error(a, 401, "unauthorized");
	else {
		log_error("%s", cause);
		api_error(a, 503, "the store is not available");
	}
	free(cause);
	return NULL;
}

/*
 * POST /v1/applications/TRACKING {"state":..., "note":...} and
 * POST /v1/complaints/TRACKING {"answer":...}, for a back office's token
 * (an office's is refused): the centre sets it and publishes the change
 * for its office, as loketd application update and complaint reply do.
 */
void
api_record_set(const struct api_request *r, struct api_answer *a)
{
	static const char *const problems[] = {
		[RECORD_BAD_TRACKING] = "not a tracking number",
		[RECORD_BAD_STATE] = "not a state",
		[RECORD_NOTE_NEEDED] = "this state needs a note",
		[RECORD_BAD_TEXT] = "the text is not plain text of at most "
		    "500 characters",
		[RECORD_EMPTY_ANSWER] = "the answer is empty",
	};
	enum record_problem	 problem;
	struct store		*s;
	const char		*kind, *tracking, *state, *note;
	json_t			*body;
	char			*who, *cause = NULL;
	long			 cursor = 0;
	int			 rc;

	kind = strncmp(r->path, "/v1/complaints/", 15) == 0 ? "complaint" :
	    "application";
	tracking = strrchr(r->path, '/') + 1;
	if ((s = api_store(r, a)) == NULL)
		return;
	if ((who = api_backoffice(r, s, a)) == NULL) {
		api_store_done(r, s, a);
		return;
	}
	if ((body = api_body(r, a)) == NULL)
		goto out;
	if (strcmp(kind, "complaint") == 0) {
		state = "answered";
		note = json_string_value(json_object_get(body, "answer"));
	} else {
		state = json_string_value(json_object_get(body, "state"));
		note = json_string_value(json_object_get(body, "note"));
		if (note == NULL && json_object_get(body, "note") == NULL)
			note = "";
	}
	if (state == NULL || note == NULL)
		problem = strcmp(kind, "complaint") == 0 ?
		    RECORD_EMPTY_ANSWER : RECORD_BAD_STATE;
	else
		problem = record_check(kind, tracking, state, note);
	if (problem != RECORD_OK) {
		api_error(a, 400, problems[problem]);
		goto out;
	}
	rc = s->engine->record_set(s, kind, tracking, state, note, time(NULL),
	    &cursor, &cause);
	if (rc == STORE_REFUSED)
		api_error(a, 404, "no such record");
	else if (rc != 0) {
		log_error("%s", cause);
		api_error(a, 503, "the store is not available");
	} else {
		log_info("back office %s: %s %s is %s", who, kind, tracking,
		    state);
		api_json(a, 200, json_pack("{s:s, s:s, s:I}", "tracking",
		    tracking, "state", state, "cursor", (json_int_t)cursor));
	}
out:
	json_decref(body);
	free(cause);
	free(who);
	api_store_done(r, s, a);
}