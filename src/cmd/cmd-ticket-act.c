/*
 * loket ticket finish|recall|serve|noshow|park|resume|transfer ID: the
 * desk's actions on one ticket, for scripts and button boxes.
 */
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

/* Parse ID and the options, act, report. */
static int
cmd_ticket_act(const struct config *config, int argc, char **argv,
    enum queue_action action, const char *usage)
{
	static const struct option options[] = {
		{ "counter", required_argument, NULL, 'c' },
		{ "outcome", required_argument, NULL, 'o' },
		{ "to", required_argument, NULL, 't' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct queue_rules	 rules;
	struct queue_actor	 who;
	struct ticket		 t;
	enum ticket_outcome	 outcome = OUTCOME_DONE;
	struct db		*db;
	const char		*to = NULL;
	char			*cause = NULL, *label, *announce;
	int			 c, json = 0, counter = 0, status = EXIT_OK, rc;
	int			 have_outcome = 0, done = 0;
	long			 id;

	optind = 0;
	while ((c = cmd_getopt(argc + 1, argv - 1, "", options)) != -1) {
		switch (c) {
		case 'c':
			if (cmd_queue_counter(optarg, &counter) != 0)
				return EXIT_USAGE;
			break;
		case 'o':
			if (queue_outcome_parse(optarg, &outcome) != 0) {
				cmd_error(_("unknown outcome \"%s\": use done, "
				    "incomplete, forwarded or rejected"),
				    optarg);
				return EXIT_USAGE;
			}
			have_outcome = 1;
			break;
		case 't':
			to = optarg;
			break;
		case 'j':
			json = 1;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (argc + 1 - optind != 1 || cmd_queue_id(argv[optind - 1], &id) != 0 ||
	    (action == QUEUE_FINISH && !have_outcome) ||
	    (action == QUEUE_TRANSFER && to == NULL)) {
		cmd_error(_("usage: loket %s"), usage);
		return EXIT_USAGE;
	}
	if (cmd_queue_rules(config, &rules) != 0)
		return EXIT_USAGE;
	if ((db = cmd_open_db(config, 0)) == NULL) {
		queue_rules_free(&rules);
		return EXIT_DATABASE;
	}
	cmd_queue_actor(&who, counter);
	if ((rc = queue_act(db, &rules, &who, action, id, outcome, to,
	    time(NULL), &t, &cause)) != 0) {
		cmd_error("%s", cause);
		free(cause);
		status = cmd_failure_status(rc);
		goto out;
	}
	done = 1;
	label = queue_ticket_label(&t);
	if (json)
		cmd_queue_print_json(cmd_queue_ticket_json(&t));
	else if (action == QUEUE_TRANSFER)
		printf(_("Transferred: the new ticket is %s.\n"), label);
	else
		printf(_("Ticket %s is now %s.\n"), label,
		    queue_state_label(t.state));
	if (action == QUEUE_RECALL) {
		announce = words_call(t.letter, t.number, t.counter,
		    config->lang);
		log_info("announce: %s", announce);
		if (!json)
			printf("%s\n", announce);
		free(announce);
	}
	free(label);
	queue_ticket_clear(&t);
out:
	db_close(db);
	queue_rules_free(&rules);
	return cmd_close_stdout_done(status, done);
}

#define CMD_TICKET_ACT(name, action, usage)				\
static int								\
cmd_ticket_##name##_exec(const struct config *config, int argc,	\
    char **argv)							\
{									\
	return cmd_ticket_act(config, argc, argv, action,		\
	    "ticket " #name " " usage);					\
}									\
const struct cmd_entry cmd_ticket_##name##_entry = {			\
	"ticket " #name, usage, 1, -1, cmd_ticket_##name##_exec		\
};

CMD_TICKET_ACT(finish, QUEUE_FINISH, "ID --outcome X [--counter N]")
CMD_TICKET_ACT(recall, QUEUE_RECALL, "ID [--counter N]")
CMD_TICKET_ACT(serve, QUEUE_SERVE, "ID [--counter N]")
CMD_TICKET_ACT(noshow, QUEUE_NOSHOW, "ID [--counter N]")
CMD_TICKET_ACT(park, QUEUE_PARK, "ID [--counter N]")
CMD_TICKET_ACT(resume, QUEUE_RESUME, "ID [--counter N]")
CMD_TICKET_ACT(transfer, QUEUE_TRANSFER, "ID --to SERVICE [--counter N]")
