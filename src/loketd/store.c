/* The engine for a --db value, and what every engine shares. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "common/log.h"
#include "common/xmalloc.h"
#include "loketd/store.h"

/*
 * Is every function of the engine's table there? Past its name the table
 * holds function pointers only (store.h), so they are read as an array:
 * a function added to store.h and left out of an engine is caught here,
 * when loketd first opens the store, not by a NULL call later.
 */
static int
store_engine_complete(const struct store_engine *engine)
{
	const char	*at = (const char *)engine;
	size_t		 offset;
	void		 (*function)(void);

	for (offset = offsetof(struct store_engine, open); offset +
	    sizeof function <= sizeof *engine; offset += sizeof function) {
		memcpy(&function, at + offset, sizeof function);
		if (function == NULL)
			return 0;
	}
	return 1;
}

struct store *
store_open(const char *where, int mode, char **cause)
{
	const struct store_engine	*engine = &store_sqlite;
	struct store			*s = NULL;

	if (strncmp(where, "postgresql://", 13) == 0 ||
	    strncmp(where, "postgres://", 11) == 0)
		engine = &store_pg;
	if (!store_engine_complete(engine))
		fatal("the %s store engine lacks a function of store.h",
		    engine->name);
	if (engine->open(where, mode, &s, cause) != 0)
		return NULL;
	s->engine = engine;
	return s;
}

void
store_close(struct store *s)
{
	if (s != NULL)
		s->engine->close(s);
}

void
store_office_clear(struct store_office *o)
{
	free(o->code);
	free(o->name);
	memset(o, 0, sizeof *o);
}

const char *
store_result_name(enum store_result r)
{
	static const char *const names[STORE_RESULT_COUNT] = {
		[STORE_APPLIED] = "applied",
		[STORE_DUPLICATE] = "duplicate",
		[STORE_CONFLICT] = "conflict",
		[STORE_REJECTED] = "rejected",
	};

	return r >= 0 && r < STORE_RESULT_COUNT ? names[r] : "rejected";
}

int
store_state_known(const char *state)
{
	static const char *const states[] = { "waiting", "called", "serving",
	    "parked", "done", "noshow" };
	size_t	 i;

	for (i = 0; i < sizeof states / sizeof states[0]; i++) {
		if (strcmp(state, states[i]) == 0)
			return 1;
	}
	return 0;
}

void
store_op_day(const struct store_op *x, char day[11])
{
	if (x->op.has_ticket)
		snprintf(day, 11, "%s", x->op.ticket.day);
	else
		strftime(day, 11, "%Y-%m-%d", gmtime(&(time_t){ x->op.at }));
}

char *
store_where_shown(const char *where)
{
	const char	*scheme, *at, *colon, *pw;
	char		*shown, *end;

	shown = xstrdup(where);
	/* postgresql://user:SECRET@host/db: the secret becomes ***. */
	if ((scheme = strstr(where, "://")) != NULL &&
	    (at = strchr(scheme + 3, '@')) != NULL &&
	    (colon = memchr(scheme + 3, ':', at - scheme - 3)) != NULL) {
		free(shown);
		shown = xasprintf("%.*s:***%s", (int)(colon - where), where, at);
	}
	/* ...?password=SECRET&...: the same. */
	if ((pw = strstr(shown, "password=")) != NULL) {
		end = strchr(pw, '&');
		where = shown;
		shown = xasprintf("%.*spassword=***%s", (int)(pw - where), where,
		    end != NULL ? end : "");
		free((char *)where);
	}
	return shown;
}

int
store_op_record(const struct store_op *x, struct store_record *r)
{
	const char	*kind = x->op.kind, *tracking, *service, *state, *note;
	json_t		*j;

	memset(r, 0, sizeof *r);
	if (!x->parsed || kind == NULL)
		return 0;
	if (strcmp(kind, "application-add") == 0 ||
	    strcmp(kind, "application-update") == 0)
		snprintf(r->kind, sizeof r->kind, "application");
	else if (strcmp(kind, "complaint-add") == 0)
		snprintf(r->kind, sizeof r->kind, "complaint");
	else
		return 0;
	if ((j = json_loads(x->op.detail != NULL ? x->op.detail : "", 0,
	    NULL)) == NULL)
		return 0;
	tracking = json_string_value(json_object_get(j, "tracking"));
	service = json_string_value(json_object_get(j, "service"));
	state = json_string_value(json_object_get(j, "state"));
	note = json_string_value(json_object_get(j, "note"));
	if (tracking == NULL || strlen(tracking) != STORE_TRACKING_LEN - 1 ||
	    strspn(tracking, "0123456789") != STORE_TRACKING_LEN - 1 ||
	    service == NULL) {
		json_decref(j);
		return 0;
	}
	snprintf(r->tracking, sizeof r->tracking, "%s", tracking);
	r->service = xstrdup(service);
	r->state = xstrdup(state != NULL ? state : "received");
	r->note = xstrdup(note != NULL ? note : "");
	r->updated = x->op.at;
	json_decref(j);
	return 1;
}

void
store_record_clear(struct store_record *r)
{
	free(r->office);
	free(r->service);
	free(r->state);
	free(r->note);
	memset(r, 0, sizeof *r);
}

char *
store_record_next(struct store_record *r, const char *state,
    const char *note, time_t now, const char **kind)
{
	free(r->state);
	free(r->note);
	r->state = xstrdup(state);
	r->note = xstrdup(note);
	r->updated = now;
	return store_record_change(r, kind);
}

char *
store_record_change(const struct store_record *r, const char **kind)
{
	json_t	*j;
	char	*text;

	if (strcmp(r->kind, "complaint") == 0) {
		*kind = "complaint-answer";
		j = json_pack("{s:s, s:s, s:I}", "tracking", r->tracking,
		    "answer", r->note, "at", (json_int_t)r->updated);
	} else {
		*kind = "application";
		j = json_pack("{s:s, s:s, s:s, s:I}", "tracking", r->tracking,
		    "state", r->state, "note", r->note, "at",
		    (json_int_t)r->updated);
	}
	text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	if (text == NULL)
		fatal("cannot encode a change");
	return text;
}