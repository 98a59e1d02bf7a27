/* What the queue commands share: the actor, the rules, JSON output. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "cmd/cmd-queue.h"
#include "cmd/cmd.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "common/xmalloc.h"

void
cmd_queue_actor(struct queue_actor *who, int counter)
{
	struct passwd	*pw;
	const char	*tty = isatty(STDIN_FILENO) ? ttyname(STDIN_FILENO) :
			    NULL;

	pw = getpwuid(getuid());
	who->who = pw != NULL ? pw->pw_name : "?";
	who->terminal = tty != NULL ? tty : "command";
	who->counter = counter;
}

int
cmd_queue_rules(const struct config *config, struct queue_rules *rules)
{
	char	*cause = NULL;

	if (queue_rules_init(rules, config, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

json_t *
cmd_queue_ticket_json(const struct ticket *t)
{
	json_t	*o;
	char	*label = queue_ticket_label(t);

	o = json_pack("{s:I, s:s, s:s, s:s, s:i, s:s, s:s}",
	    "id", (json_int_t)t->id, "ticket", label, "day", t->day,
	    "service", t->service_code, "number", t->number,
	    "priority", queue_priority_name(t->priority),
	    "state", queue_state_name(t->state));
	free(label);
	if (o == NULL)
		fatal("out of memory (JSON)");
	json_object_set_new(o, "counter", t->counter > 0 ?
	    json_integer(t->counter) : json_null());
	json_object_set_new(o, "arrived", json_integer(t->arrived));
	json_object_set_new(o, "outcome", t->outcome >= 0 ?
	    json_string(queue_outcome_name(t->outcome)) : json_null());
	return o;
}

int
cmd_queue_print_json(json_t *o)
{
	int	 rc;

	rc = json_dumpf(o, stdout, JSON_COMPACT | JSON_ENSURE_ASCII);
	json_decref(o);
	putchar('\n');
	return rc;
}

int
cmd_queue_counter(const char *text, int *counter)
{
	char	*end;
	long	 n;

	n = strtol(text, &end, 10);
	if (*text == '\0' || *end != '\0' || n < 1 || n > 99) {
		cmd_error(_("the counter must be a number from 1 to 99, not "
		    "\"%s\""), text);
		return -1;
	}
	*counter = (int)n;
	return 0;
}

int
cmd_queue_id(const char *text, long *id)
{
	char	*end;
	long	 n;

	errno = 0;
	n = strtol(text, &end, 10);
	if (*text == '\0' || *end != '\0' || n < 1) {
		cmd_error(_("a ticket id is a positive number, not \"%s\""),
		    text);
		return -1;
	}
	/* strtol clamps what is too large: no ticket has such an id. */
	if (errno == ERANGE) {
		cmd_error(_("the ticket id %s is too large: ids go up to %ld"),
		    text, LONG_MAX);
		return -1;
	}
	*id = n;
	return 0;
}
