/* loket ticket take SERVICE [--priority KIND] [--json]: one ticket. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cmd/cmd-queue.h"
#include "cmd/cmd.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/catalog.h"
#include "office/db.h"
#include "office/ticket-print.h"

static int
cmd_ticket_take_exec(const struct config *config, int argc, char **argv)
{
	static const struct option options[] = {
		{ "priority", required_argument, NULL, 'p' },
		{ "json", no_argument, NULL, 'j' },
		{ "print", no_argument, NULL, 'P' },
		{ NULL, 0, NULL, 0 }
	};
	struct queue_rules	 rules;
	struct queue_actor	 who;
	struct ticket		 t;
	enum ticket_priority	 priority = PRIORITY_NONE;
	struct db		*db;
	json_t			*o;
	char			*cause = NULL, *label, *wait, *name, *safe;
	int			 c, json = 0, print = 0, ahead, taken = 0;
	int			 status = EXIT_OK, rc;
	long			 estimate;

	optind = 0;
	while ((c = cmd_getopt(argc + 1, argv - 1, "", options)) != -1) {
		if (c == 'p' && queue_priority_parse(optarg, &priority) == 0)
			continue;
		if (c == 'p')
			cmd_error(_("unknown priority \"%s\": use none, elderly, "
			    "disabled, pregnant or child"), optarg);
		if (c == 'j') {
			json = 1;
			continue;
		}
		if (c == 'P') {
			print = 1;
			continue;
		}
		return EXIT_USAGE;
	}
	if (optind != argc) {
		cmd_error(_("usage: loket ticket take SERVICE [--priority KIND] "
		    "[--json] [--print]"));
		return EXIT_USAGE;
	}
	if (cmd_queue_rules(config, &rules) != 0)
		return EXIT_USAGE;
	if ((db = cmd_open_db(config, 0)) == NULL) {
		queue_rules_free(&rules);
		return EXIT_DATABASE;
	}
	cmd_queue_actor(&who, 0);
	if ((rc = queue_take(db, &rules, &who, argv[optind - 1], priority,
	    time(NULL), &t, &ahead, &cause)) != 0) {
		cmd_error("%s", cause);
		free(cause);
		status = cmd_failure_status(rc);
		goto out;
	}
	taken = 1;
	estimate = queue_estimate(db, t.service, ahead);
	/* The ticket stands even if the printer fails: say so, exit 5. */
	if (print && ticket_print(db, config, &rules, &t, ahead, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		status = EXIT_PRINTER;
	}
	if (json) {
		o = cmd_queue_ticket_json(&t);
		json_object_set_new(o, "ahead", json_integer(ahead));
		json_object_set_new(o, "estimated_wait", estimate >= 0 ?
		    json_integer(estimate) : json_null());
		cmd_queue_print_json(o);
	} else {
		label = queue_ticket_label(&t);
		wait = queue_wait_text(estimate);
		name = catalog_name(db, CATALOG_SERVICE, t.service,
		    config->lang);
		safe = text_sanitize(name != NULL ? name : t.service_code,
		    i18n_utf8());
		printf(_("Ticket %s for %s.\n"), label, safe);
		free(safe);
		if (ahead == 0)
			printf(_("Nobody is ahead of you. Estimated wait: "
			    "%s.\n"), wait);
		else
			printf(ngettext("%d person is ahead of you. Estimated "
			    "wait: %s.\n", "%d people are ahead of you. "
			    "Estimated wait: %s.\n", ahead), ahead, wait);
		free(name);
		free(wait);
		free(label);
	}
	queue_ticket_clear(&t);
out:
	db_close(db);
	queue_rules_free(&rules);
	/* The ticket stands even if its number could not be written. */
	return cmd_close_stdout_done(status, taken);
}

const struct cmd_entry cmd_ticket_take_entry = {
	"ticket take", "SERVICE [--priority KIND] [--json] [--print]", 1, -1,
	cmd_ticket_take_exec
};
