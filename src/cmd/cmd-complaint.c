/*
 * loket complaint add|status: complaints from the desk's scripts and other
 * channels. status prints what a kiosk shows: the complaint, its state
 * and the centre's answer, and where to take it further.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/cmd-queue.h"
#include "cmd/cmd.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/complaint.h"
#include "office/db.h"

static json_t *
cmd_complaint_json(const struct complaint *c)
{
	char	 shown[TRACKING_SHOWN];

	tracking_format(c->tracking, shown);
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:I}",
	    "tracking", c->tracking, "shown", shown, "service",
	    c->service_code, "kind", complaint_kind_name(c->kind), "text",
	    c->text, "state", complaint_state_name(c->state), "answer",
	    c->answer, "created", (json_int_t)c->created, "answered",
	    (json_int_t)c->answered);
}

static void
cmd_complaint_print(const struct complaint *c)
{
	char	 shown[TRACKING_SHOWN], *service, *text;

	tracking_format(c->tracking, shown);
	service = text_sanitize(c->service_name != NULL && *c->service_name !=
	    '\0' ? c->service_name : c->service_code, i18n_utf8());
	printf(_("Complaint %s (%s): %s.\n"), shown, service,
	    complaint_state_label(c->state));
	printf(_("About: %s\n"), complaint_kind_label(c->kind));
	if (*c->text != '\0') {
		text = text_sanitize(c->text, i18n_utf8());
		printf(_("Text: %s\n"), text);
		free(text);
	}
	if (*c->answer != '\0') {
		text = text_sanitize(c->answer, i18n_utf8());
		printf(_("Answer: %s\n"), text);
		free(text);
	}
	printf("%s\n", complaint_further());
	free(service);
}

static int
cmd_complaint_add_exec(const struct config *config, int argc, char **argv)
{
	static const struct option options[] = {
		{ "service", required_argument, NULL, 's' },
		{ "kind", required_argument, NULL, 'k' },
		{ "text", required_argument, NULL, 't' },
		{ "phone", required_argument, NULL, 'p' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct complaint_form	 f = { 0 };
	struct queue_rules	 rules;
	struct queue_actor	 who;
	struct complaint	 c;
	struct db		*db;
	const char		*kind = NULL;
	char			 day[11], tracking[TRACKING_LENGTH + 1];
	char			*cause = NULL;
	int			 ch, json = 0, rc, k;

	optind = 0;
	while ((ch = getopt_long(argc + 1, argv - 1, "", options, NULL)) !=
	    -1) {
		switch (ch) {
		case 's': f.service = optarg; break;
		case 'k': kind = optarg; break;
		case 't': f.text = optarg; break;
		case 'p': f.phone = optarg; break;
		case 'j': json = 1; break;
		default: return EXIT_USAGE;
		}
	}
	if (optind != argc + 1 || f.service == NULL || kind == NULL) {
		cmd_error(_("usage: loket complaint add --service SERVICE --kind "
		    "KIND [--text TEXT] [--phone NUMBER] [--json]"));
		return EXIT_USAGE;
	}
	if ((k = complaint_kind_parse(kind)) < 0) {
		cmd_error(_("\"%s\" is not a kind of complaint: use slow, "
		    "conduct, fee, facility or other."), kind);
		return EXIT_USAGE;
	}
	f.kind = k;
	if (cmd_queue_rules(config, &rules) != 0)
		return EXIT_USAGE;
	if ((db = cmd_open_db(config, 0)) == NULL) {
		queue_rules_free(&rules);
		return EXIT_DATABASE;
	}
	cmd_queue_actor(&who, 0);
	schedule_day(&rules.schedule, time(NULL), day);
	f.day = day;
	f.lang = config->lang;
	if ((rc = complaint_add(db, &who, &f, time(NULL), &c, &cause)) != 0) {
		cmd_error("%s", cause);
		free(cause);
		db_close(db);
		queue_rules_free(&rules);
		return cmd_failure_status(rc);
	}
	if (json)
		cmd_queue_print_json(cmd_complaint_json(&c));
	else {
		/* Read back for the service's name in the reader's language. */
		memcpy(tracking, c.tracking, sizeof tracking);
		complaint_clear(&c);
		if (complaint_find(db, tracking, config->lang, &c, &cause) == 1)
			cmd_complaint_print(&c);
		free(cause);
	}
	complaint_clear(&c);
	db_close(db);
	queue_rules_free(&rules);
	return cmd_close_stdout_done(EXIT_OK, 1);
}

static int
cmd_complaint_status_exec(const struct config *config, int argc,
    char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct complaint	 c;
	struct db		*db;
	char			 tracking[TRACKING_LENGTH + 1], *cause = NULL;
	int			 ch, json = 0, rc;

	optind = 0;
	while ((ch = getopt_long(argc + 1, argv - 1, "", options, NULL)) !=
	    -1) {
		if (ch != 'j')
			return EXIT_USAGE;
		json = 1;
	}
	if (optind != argc) {
		cmd_error(_("usage: loket complaint status TRACKING [--json]"));
		return EXIT_USAGE;
	}
	if (cmd_tracking(argv[optind - 1], tracking) != 0)
		return EXIT_FAIL;
	if ((db = cmd_open_db(config, 0)) == NULL)
		return EXIT_DATABASE;
	if ((rc = complaint_find(db, tracking, config->lang, &c,
	    &cause)) != 1) {
		if (rc == 0)
			cmd_error(_("There is no complaint %s here."),
			    argv[optind - 1]);
		else
			cmd_error("%s", cause);
		free(cause);
		db_close(db);
		return rc == 0 ? EXIT_FAIL : EXIT_DATABASE;
	}
	if (json)
		cmd_queue_print_json(cmd_complaint_json(&c));
	else
		cmd_complaint_print(&c);
	complaint_clear(&c);
	db_close(db);
	return cmd_close_stdout(EXIT_OK);
}

const struct cmd_entry cmd_complaint_add_entry = {
	"complaint add", "--service SERVICE --kind KIND [--text TEXT] "
	"[--phone NUMBER] [--json]", 0, -1, cmd_complaint_add_exec
};
const struct cmd_entry cmd_complaint_status_entry = {
	"complaint status", "TRACKING [--json]", 1, -1,
	cmd_complaint_status_exec
};
