/* loket ticket call [ID] --counter N [--json]: call the next, or one. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cmd/cmd-queue.h"
#include "cmd/cmd.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "common/log.h"
#include "common/words.h"
#include "common/xmalloc.h"
#include "office/db.h"

static int
cmd_ticket_call_exec(const struct config *config, int argc, char **argv)
{
	static const struct option options[] = {
		{ "counter", required_argument, NULL, 'c' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct queue_rules	 rules;
	struct queue_actor	 who;
	struct ticket		 t;
	struct db		*db;
	json_t			*o;
	char			*cause = NULL, *label, *announce;
	int			 c, json = 0, counter = 0, called = 0;
	int			 status = EXIT_OK;
	long			 id = 0;

	optind = 0;
	while ((c = cmd_getopt(argc + 1, argv - 1, "", options)) != -1) {
		if (c == 'c' && cmd_queue_counter(optarg, &counter) == 0)
			continue;
		if (c == 'j') {
			json = 1;
			continue;
		}
		return EXIT_USAGE;
	}
	/* Past the options, argv[optind - 1] is the first argument. */
	if (counter == 0 || argc + 1 - optind > 1 || (argc + 1 - optind == 1 &&
	    cmd_queue_id(argv[optind - 1], &id) != 0)) {
		cmd_error(_("usage: loket ticket call [ID] --counter N "
		    "[--json]"));
		return EXIT_USAGE;
	}
	if (cmd_queue_rules(config, &rules) != 0)
		return EXIT_USAGE;
	if ((db = cmd_open_db(config, 0)) == NULL) {
		queue_rules_free(&rules);
		return EXIT_DATABASE;
	}
	cmd_queue_actor(&who, counter);
	if (id != 0) {
		called = queue_act(db, &rules, &who, QUEUE_CALL, id,
		    OUTCOME_DONE, NULL, time(NULL), &t, &cause);
		called = called == 0 ? 1 : called;
	} else
		called = queue_call_next(db, &rules, &who, time(NULL), &t,
		    &cause);
	if (called < 0) {
		cmd_error("%s", cause);
		free(cause);
		status = cmd_failure_status(called);
		goto out;
	}
	if (called == 0) {
		if (json)
			cmd_queue_print_json(json_pack("{s:n}", "ticket"));
		else
			printf(_("Nobody is waiting for counter %d.\n"),
			    counter);
		status = EXIT_EMPTY;
		goto out;
	}
	announce = words_call(t.letter, t.number, t.counter, config->lang);
	log_info("announce: %s", announce);
	if (json) {
		o = cmd_queue_ticket_json(&t);
		json_object_set_new(o, "announcement", json_string(announce));
		cmd_queue_print_json(o);
	} else {
		label = queue_ticket_label(&t);
		printf(_("Ticket %s to counter %d.\n"), label, t.counter);
		printf("%s\n", announce);
		free(label);
	}
	free(announce);
	queue_ticket_clear(&t);
out:
	db_close(db);
	queue_rules_free(&rules);
	return cmd_close_stdout_done(status, called == 1);
}

const struct cmd_entry cmd_ticket_call_entry = {
	"ticket call", "[ID] --counter N [--json]", 0, -1, cmd_ticket_call_exec
};
