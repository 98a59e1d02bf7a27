/* Operations to and from JSON, and their hashes. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/xmalloc.h"
#include "sync/op.h"

/* Text fields longer than this are refused: nothing sane is so long. */
#define SYNC_TEXT_MAX	1024

static json_t *
sync_ticket_json(const struct sync_ticket *t)
{
	return json_pack("{s:s, s:s, s:I, s:s, s:s, s:s, s:I, s:I, s:I, s:I, "
	    "s:I}", "day", t->day, "service", t->service, "number",
	    (json_int_t)t->number, "priority", t->priority, "state", t->state,
	    "outcome", t->outcome != NULL ? t->outcome : "", "arrived",
	    (json_int_t)t->arrived, "called", (json_int_t)t->called, "served",
	    (json_int_t)t->served, "finished", (json_int_t)t->finished,
	    "counter", (json_int_t)t->counter);
}

json_t *
sync_op_json(const struct sync_op *op)
{
	json_t	*j;

	j = json_pack("{s:s, s:I, s:s, s:I, s:s, s:s, s:s, s:I, s:s}",
	    "id", op->id, "seq", (json_int_t)op->seq, "prev", op->prev, "at",
	    (json_int_t)op->at, "kind", op->kind, "actor", op->actor,
	    "terminal", op->terminal, "counter", (json_int_t)op->counter,
	    "detail", op->detail);
	if (j == NULL)
		return NULL;
	if (op->has_ticket)
		json_object_set_new(j, "ticket", sync_ticket_json(&op->ticket));
	if (op->sealed != NULL)
		json_object_set_new(j, "sealed", json_string(op->sealed));
	return j;
}

/* A text field: an owned copy, or NULL if absent or too long. */
static char *
sync_text(const json_t *o, const char *key)
{
	const json_t	*v = json_object_get(o, key);

	if (!json_is_string(v) || json_string_length(v) > SYNC_TEXT_MAX ||
	    strlen(json_string_value(v)) != json_string_length(v))
		return NULL;
	return xstrdup(json_string_value(v));
}

/* A whole number field: 0, or -1 if absent or not one. */
static int
sync_number(const json_t *o, const char *key, long *out)
{
	const json_t	*v = json_object_get(o, key);

	if (!json_is_integer(v))
		return -1;
	*out = (long)json_integer_value(v);
	return 0;
}

static int
sync_ticket_parse(const json_t *j, struct sync_ticket *t)
{
	if (!json_is_object(j))
		return -1;
	t->day = sync_text(j, "day");
	t->service = sync_text(j, "service");
	t->priority = sync_text(j, "priority");
	t->state = sync_text(j, "state");
	t->outcome = sync_text(j, "outcome");
	if (t->day == NULL || t->service == NULL || t->priority == NULL ||
	    t->state == NULL || t->outcome == NULL)
		return -1;
	if (sync_number(j, "number", &t->number) != 0 ||
	    sync_number(j, "arrived", &t->arrived) != 0 ||
	    sync_number(j, "called", &t->called) != 0 ||
	    sync_number(j, "served", &t->served) != 0 ||
	    sync_number(j, "finished", &t->finished) != 0 ||
	    sync_number(j, "counter", &t->counter) != 0)
		return -1;
	return 0;
}

/* The fields every operation has; NULL, or what is wrong. */
static const char *
sync_op_fields(const json_t *j, struct sync_op *op)
{
	const char	*text;

	text = json_string_value(json_object_get(j, "id"));
	if (!sync_uuid_valid(text))
		return "id is not a UUID";
	memcpy(op->id, text, SYNC_UUID_LEN);
	text = json_string_value(json_object_get(j, "prev"));
	if (text == NULL || (*text != '\0' && !sync_hash_valid(text)))
		return "prev is not a hash";
	memcpy(op->prev, text, strlen(text) + 1);
	if (sync_number(j, "seq", &op->seq) != 0 || op->seq < 1)
		return "seq is not a positive number";
	if (sync_number(j, "at", &op->at) != 0 ||
	    sync_number(j, "counter", &op->counter) != 0)
		return "at or counter is not a number";
	op->kind = sync_text(j, "kind");
	op->actor = sync_text(j, "actor");
	op->terminal = sync_text(j, "terminal");
	op->detail = sync_text(j, "detail");
	if (op->kind == NULL || op->actor == NULL || op->terminal == NULL ||
	    op->detail == NULL)
		return "kind, actor, terminal or detail is missing";
	return NULL;
}

int
sync_op_parse(const json_t *j, struct sync_op *op, char **cause)
{
	const char	*wrong = NULL;
	const json_t	*v;

	memset(op, 0, sizeof *op);
	if (!json_is_object(j))
		wrong = "an operation is not an object";
	else
		wrong = sync_op_fields(j, op);
	if (wrong == NULL && (v = json_object_get(j, "ticket")) != NULL) {
		op->has_ticket = 1;
		if (sync_ticket_parse(v, &op->ticket) != 0)
			wrong = "ticket is incomplete";
	}
	if (wrong == NULL && json_object_get(j, "sealed") != NULL &&
	    (op->sealed = sync_text(j, "sealed")) == NULL)
		wrong = "sealed is not text";
	if (wrong != NULL) {
		*cause = xstrdup(wrong);
		sync_op_clear(op);
		return -1;
	}
	return 0;
}

void
sync_op_clear(struct sync_op *op)
{
	free(op->kind);
	free(op->actor);
	free(op->terminal);
	free(op->detail);
	free(op->ticket.day);
	free(op->ticket.service);
	free(op->ticket.priority);
	free(op->ticket.state);
	free(op->ticket.outcome);
	free(op->sealed);
	memset(op, 0, sizeof *op);
}

char *
sync_op_encode(const struct sync_op *op, char hash[SYNC_HASH_HEX])
{
	json_t	*j;
	char	*text;

	if ((j = sync_op_json(op)) == NULL)
		return NULL;
	text = sync_canonical(j);
	json_decref(j);
	if (text != NULL)
		sync_hash(text, strlen(text), hash);
	return text;
}

int
sync_op_hash(const json_t *j, char hash[SYNC_HASH_HEX])
{
	char	*text;

	if ((text = sync_canonical(j)) == NULL)
		return -1;
	sync_hash(text, strlen(text), hash);
	free(text);
	return 0;
}
