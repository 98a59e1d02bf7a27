/*
 * loketd events: what the offices pushed, one event a line or as JSON.
 * Personal data stays sealed in the store as the office sent it (the
 * operation's hash covers it); --phones opens it with the centre's
 * secret key, for this listing only.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "common/i18n.h"
#include "common/text.h"
#include "loketd/loketd.h"
#include "loketd/store.h"
#include "sync/seal.h"

struct loketd_events {
	int	 json;
	char	*public_key;	/* NULL: phones stay sealed */
	char	*secret_key;
	json_t	*array;
	int	 unopened;	/* sealed data the keys did not open */
};

/* The phone sealed in an operation, opened; NULL if none or unopened. */
static char *
loketd_events_phone(struct loketd_events *x, const json_t *op)
{
	const char	*sealed = json_string_value(json_object_get(op,
			    "sealed"));
	char		*phone;

	if (sealed == NULL || x->public_key == NULL)
		return NULL;
	if ((phone = sync_open(sealed, x->public_key, x->secret_key)) == NULL)
		x->unopened++;
	return phone;
}

/* Its kind, actor and phone as one line, in a static buffer. */
static const char *
loketd_events_line(const struct store_event *e, const char *actor,
    const char *phone)
{
	static char	 line[2200];

	snprintf(line, sizeof line, "%s %s%s%s", e->kind, actor != NULL ?
	    actor : "", phone != NULL ? " " : "", phone != NULL ? phone : "");
	return line;
}

/* One event as a line of text, or into the JSON array. */
static int
loketd_events_one(void *arg, const struct store_event *e)
{
	struct loketd_events	*x = arg;
	json_t			*op = json_loads(e->body, 0, NULL), *j;
	const json_t		*ticket = json_object_get(op, "ticket");
	const char		*actor;
	char			*phone, *safe, when[32];
	time_t			 at = e->at;

	phone = loketd_events_phone(x, op);
	actor = json_string_value(json_object_get(op, "actor"));
	if (x->json) {
		j = json_pack("{s:s, s:I, s:s, s:I, s:s, s:s?, s:O?}", "office",
		    e->office, "seq", (json_int_t)e->seq, "id", e->op_id, "at",
		    (json_int_t)e->at, "kind", e->kind, "actor", actor,
		    "ticket", ticket);
		if (phone != NULL)
			json_object_set_new(j, "phone", json_string(phone));
		json_array_append_new(x->array, j);
	} else {
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S",
		    gmtime(&at));
		/* What an office sent reaches the terminal made safe. */
		safe = text_sanitize(loketd_events_line(e, actor, phone), 0);
		printf("%s %ld %s %s\n", e->office, e->seq, when, safe);
		free(safe);
	}
	free(phone);
	json_decref(op);
	return ferror(stdout) ? 1 : 0;
}

/* Read the centre's keys for --phones: 0, or the exit status. */
static int
loketd_events_keys(struct store *s, struct loketd_events *x)
{
	char	*cause = NULL;

	if (s->engine->meta_get(s, "public_key", &x->public_key,
	    &cause) == 1 && s->engine->meta_get(s, "secret_key",
	    &x->secret_key, &cause) == 1)
		return 0;
	loketd_error("%s", cause != NULL ? cause : _("The centre has no key "
	    "pair: run \"loketd init\" first."));
	free(cause);
	return LOKETD_EXIT_DATABASE;
}

static int
loketd_events_exec(struct loketd_conf *conf, int argc, char **argv)
{
	static const struct option options[] = {
		{ "office", required_argument, NULL, 'o' },
		{ "json", no_argument, NULL, 'j' },
		{ "phones", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	struct loketd_events	 x = { 0 };
	struct store		*s;
	const char		*office = NULL;
	char			*cause = NULL;
	int			 c, phones = 0, status = LOKETD_EXIT_OK;

	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (c == 'o')
			office = optarg;
		else if (c == 'j')
			x.json = 1;
		else if (c == 'p')
			phones = 1;
		else
			return LOKETD_EXIT_USAGE;
	}
	if (optind != argc) {
		loketd_error(_("usage: loketd events [--office CODE] [--json] "
		    "[--phones]"));
		return LOKETD_EXIT_USAGE;
	}
	if ((s = loketd_open(conf, 0)) == NULL)
		return LOKETD_EXIT_DATABASE;
	if (phones && (status = loketd_events_keys(s, &x)) != 0)
		goto out;
	x.array = json_array();
	if (s->engine->events(s, office, loketd_events_one, &x, &cause) != 0) {
		loketd_error("%s", cause);
		free(cause);
		status = LOKETD_EXIT_DATABASE;
		goto out;
	}
	if (x.json)
		json_dumpf(x.array, stdout, JSON_INDENT(2));
	if (x.json)
		putchar('\n');
	if (x.unopened > 0) {
		loketd_error(_("%d sealed values could not be opened with this "
		    "centre's key."), x.unopened);
		status = LOKETD_EXIT_FAIL;
	}
out:
	json_decref(x.array);
	free(x.public_key);
	free(x.secret_key);
	store_close(s);
	return loketd_close_stdout(status);
}

const struct loketd_cmd loketd_events_cmd = {
	"events", "[--office CODE] [--json] [--phones]", loketd_events_exec
};
