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
#include "cmd/cmd-record.h"
#include "cmd/cmd.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/complaint.h"
#include "office/db.h"

static json_t *
cmd_complaint_json(const struct cmd_record *r, const void *record)
{
	const struct complaint	*c = record;
	char			 shown[TRACKING_SHOWN];

	tracking_format(c->tracking, shown);
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:I}",
	    "tracking", c->tracking, "shown", shown, "service",
	    c->service_code, "kind", complaint_kind_name(c->kind), "text",
	    c->text, "state", complaint_state_name(c->state), "answer",
	    c->answer, "created", (json_int_t)c->created, "answered",
	    (json_int_t)c->answered);
}

static void
cmd_complaint_print(const struct cmd_record *r, const void *record)
{
	const struct complaint	*c = record;
	char			 shown[TRACKING_SHOWN], *service, *text;

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
cmd_complaint_find(struct db *db, const char *tracking, enum lang lang,
    void *record, char **cause)
{
	return complaint_find(db, tracking, lang, record, cause);
}

static void
cmd_complaint_clear(void *record)
{
	complaint_clear(record);
}

static const struct cmd_record_type cmd_complaint_type = {
	N_("There is no complaint %s here."), cmd_complaint_find,
	cmd_complaint_clear, cmd_complaint_json, cmd_complaint_print
};

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
	struct cmd_record	 r;
	struct complaint	 c;
	const char		*kind = NULL;
	char			 day[11], *cause = NULL;
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
	if ((rc = cmd_record_open(config, &r)) != 0)
		return rc;
	schedule_day(&r.rules.schedule, time(NULL), day);
	f.day = day;
	f.lang = config->lang;
	if ((rc = complaint_add(r.db, &r.who, &f, time(NULL), &c,
	    &cause)) != 0)
		return cmd_record_failed(&r, rc, cause);
	cmd_record_written(&r, &cmd_complaint_type, json, c.tracking,
	    config->lang, &c);
	complaint_clear(&c);
	cmd_record_close(&r);
	return cmd_close_stdout_done(EXIT_OK, 1);
}

static int
cmd_complaint_status_exec(const struct config *config, int argc,
    char **argv)
{
	struct cmd_record	 r;
	struct complaint	 c;
	const char		*typed;
	char			 tracking[TRACKING_LENGTH + 1];
	int			 json, status;

	if ((status = cmd_record_status_args(argc, argv,
	    _("usage: loket complaint status TRACKING [--json]"), &typed,
	    tracking, &json)) != 0)
		return status;
	/* Only the database: what a complaint shows needs no rules. */
	memset(&r, 0, sizeof r);
	if ((r.db = cmd_open_db(config, 0)) == NULL)
		return EXIT_DATABASE;
	if ((status = cmd_record_find(r.db, &cmd_complaint_type, tracking,
	    typed, config->lang, &c)) == 0) {
		cmd_record_show(&r, &cmd_complaint_type, json, &c);
		complaint_clear(&c);
	}
	db_close(r.db);
	return status != 0 ? status : cmd_close_stdout(EXIT_OK);
}

const struct cmd_entry cmd_complaint_add_entry = {
	"complaint add", "--service SERVICE --kind KIND [--text TEXT] "
	"[--phone NUMBER] [--json]", 0, -1, cmd_complaint_add_exec
};
const struct cmd_entry cmd_complaint_status_entry = {
	"complaint status", "TRACKING [--json]", 1, -1,
	cmd_complaint_status_exec
};
