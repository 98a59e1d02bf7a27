/*
 * loket application add|status|update|list: applications from the desk's
 * scripts and other channels. What a kiosk may show (no name, no NIK) is
 * what status prints; list is for the office's staff.
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
#include "office/application.h"
#include "office/db.h"

/* "YYYY-MM-DD HH:MM" in the office's zone. */
static void
cmd_application_time(const struct cmd_record *c, time_t when,
    char out[17])
{
	struct tm	 tm;
	time_t		 local = when + c->rules.schedule.offset;

	gmtime_r(&local, &tm);
	strftime(out, 17, "%Y-%m-%d %H:%M", &tm);
}

static json_t *
cmd_application_json(const struct cmd_record *c, const void *record)
{
	const struct application	*a = record;
	char				 shown[TRACKING_SHOWN];

	(void)c;
	tracking_format(a->tracking, shown);
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:I}",
	    "tracking", a->tracking, "shown", shown, "service",
	    a->service_code, "state", application_state_name(a->state),
	    "note", a->note != NULL ? a->note : "", "handed_in",
	    a->handed_in != NULL ? a->handed_in : "", "created",
	    (json_int_t)a->created, "updated", (json_int_t)a->updated);
}

/* "Application 3141-5926-5351 (service): Ready for pickup." and more. */
static void
cmd_application_print(const struct cmd_record *c, const void *record)
{
	const struct application	*a = record;
	char				 shown[TRACKING_SHOWN], when[17];
	char				*service, *note;

	tracking_format(a->tracking, shown);
	service = text_sanitize(a->service_name != NULL && *a->service_name !=
	    '\0' ? a->service_name : a->service_code, i18n_utf8());
	printf(_("Application %s (%s): %s.\n"), shown, service,
	    application_state_label(a->state));
	if (a->note != NULL && *a->note != '\0') {
		note = text_sanitize(a->note, i18n_utf8());
		printf(_("Note: %s\n"), note);
		free(note);
	}
	cmd_application_time(c, a->updated, when);
	printf(_("Since: %s\n"), when);
	printf("%s\n", application_state_next(a->state));
	free(service);
}

static int
cmd_application_find(struct db *db, const char *tracking, enum lang lang,
    void *record, char **cause)
{
	return application_find(db, tracking, lang, record, cause);
}

static void
cmd_application_clear(void *record)
{
	application_clear(record);
}

static const struct cmd_record_type cmd_application_type = {
	N_("There is no application %s here."), cmd_application_find,
	cmd_application_clear, cmd_application_json, cmd_application_print
};

static int
cmd_application_add_exec(const struct config *config, int argc, char **argv)
{
	static const struct option options[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "nik", required_argument, NULL, 'k' },
		{ "phone", required_argument, NULL, 'p' },
		{ "handed-in", required_argument, NULL, 'h' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct application_form	 f = { 0 };
	struct cmd_record	 c;
	struct application	 a;
	char			 day[11], *cause = NULL;
	int			 ch, json = 0, rc, status;

	optind = 0;
	while ((ch = getopt_long(argc + 1, argv - 1, "", options, NULL)) !=
	    -1) {
		switch (ch) {
		case 'n': f.name = optarg; break;
		case 'k': f.nik = optarg; break;
		case 'p': f.phone = optarg; break;
		case 'h': f.handed_in = optarg; break;
		case 'j': json = 1; break;
		default: return EXIT_USAGE;
		}
	}
	if (optind != argc || f.name == NULL || f.nik == NULL) {
		cmd_error(_("usage: loket application add SERVICE --name NAME "
		    "--nik NIK [--phone NUMBER] [--handed-in 1,3] [--json]"));
		return EXIT_USAGE;
	}
	f.service = argv[optind - 1];
	if ((status = cmd_record_open(config, &c)) != 0)
		return status;
	schedule_day(&c.rules.schedule, time(NULL), day);
	f.day = day;
	f.lang = config->lang;
	if ((rc = application_add(c.db, &c.who, &f, time(NULL), &a,
	    &cause)) != 0)
		return cmd_record_failed(&c, rc, cause);
	if (cmd_record_written(&c, &cmd_application_type, json, a.tracking,
	    config->lang, &a))
		printf(_("NIK: %s\n"), a.nik);
	application_clear(&a);
	cmd_record_close(&c);
	return cmd_close_stdout_done(EXIT_OK, 1);
}

/* One change of the history, for status. */
static int
cmd_application_change(void *arg, const struct application_change *ch)
{
	const struct cmd_record	*c = arg;
	char				 when[17], *note;

	cmd_application_time(c, ch->at, when);
	note = text_sanitize(ch->note, i18n_utf8());
	printf("  %s  %s%s%s\n", when, application_state_label(ch->state),
	    *note != '\0' ? ": " : "", note);
	free(note);
	return 0;
}

/* The same, into a JSON array. */
static int
cmd_application_change_json(void *arg, const struct application_change *ch)
{
	json_array_append_new(arg, json_pack("{s:I, s:s, s:s, s:s}", "at",
	    (json_int_t)ch->at, "state", application_state_name(ch->state),
	    "note", ch->note, "source", ch->source));
	return 0;
}

static int
cmd_application_status_exec(const struct config *config, int argc,
    char **argv)
{
	struct cmd_record	 c;
	struct application	 a;
	json_t			*o, *history;
	const char		*typed;
	char			 tracking[TRACKING_LENGTH + 1], *cause = NULL;
	int			 json, rc, status;

	if ((status = cmd_record_status_args(argc, argv,
	    _("usage: loket application status TRACKING [--json]"), &typed,
	    tracking, &json)) != 0 ||
	    (status = cmd_record_open(config, &c)) != 0)
		return status;
	if ((status = cmd_record_find(c.db, &cmd_application_type, tracking,
	    typed, config->lang, &a)) != 0) {
		cmd_record_close(&c);
		return status;
	}
	if (json) {
		o = cmd_application_json(&c, &a);
		history = json_array();
		rc = application_history(c.db, a.id,
		    cmd_application_change_json, history, &cause);
		json_object_set_new(o, "history", history);
		cmd_queue_print_json(o);
	} else {
		cmd_application_print(&c, &a);
		printf(_("History:\n"));
		rc = application_history(c.db, a.id, cmd_application_change,
		    &c, &cause);
	}
	if (rc != 0) {
		cmd_error("%s", cause);
		free(cause);
		status = EXIT_DATABASE;
	}
	application_clear(&a);
	cmd_record_close(&c);
	return cmd_close_stdout(status);
}

static int
cmd_application_update_exec(const struct config *config, int argc,
    char **argv)
{
	static const struct option options[] = {
		{ "state", required_argument, NULL, 's' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_record	 c;
	struct application	 a;
	const char		*state = NULL, *note = NULL;
	char			 tracking[TRACKING_LENGTH + 1], *cause = NULL;
	int			 ch, to, rc, status;

	optind = 0;
	while ((ch = getopt_long(argc + 1, argv - 1, "", options, NULL)) !=
	    -1) {
		switch (ch) {
		case 's': state = optarg; break;
		case 'n': note = optarg; break;
		default: return EXIT_USAGE;
		}
	}
	if (optind != argc || state == NULL) {
		cmd_error(_("usage: loket application update TRACKING --state "
		    "STATE [--note TEXT]"));
		return EXIT_USAGE;
	}
	if ((to = application_state_parse(state)) < 0) {
		cmd_error(_("\"%s\" is not a state: use received, processing, "
		    "documents-needed, ready, handed-over or rejected."), state);
		return EXIT_USAGE;
	}
	if ((status = cmd_tracking(argv[optind - 1],
	    tracking)) != 0)
		return status;
	if ((status = cmd_record_open(config, &c)) != 0)
		return status;
	if ((rc = application_update(c.db, &c.who, tracking, to, note,
	    time(NULL), &a, &cause)) != 0)
		return cmd_record_failed(&c, rc, cause);
	cmd_record_written(&c, &cmd_application_type, 0, tracking,
	    config->lang, &a);
	application_clear(&a);
	cmd_record_close(&c);
	return cmd_close_stdout_done(EXIT_OK, 1);
}

/* One application as a line of text or CSV. */
struct cmd_application_list {
	struct cmd_record	*c;
	int			 csv;
};

/* A CSV field: quoted, with quotes doubled, when it needs to be. */
static void
cmd_application_csv(const char *field, int last)
{
	const char	*p;

	if (strpbrk(field, ",\"\n\r") == NULL)
		fputs(field, stdout);
	else {
		putchar('"');
		for (p = field; *p != '\0'; p++) {
			if (*p == '"')
				putchar('"');
			putchar(*p);
		}
		putchar('"');
	}
	putchar(last ? '\n' : ',');
}

static int
cmd_application_line(void *arg, const struct application *a)
{
	struct cmd_application_list	*l = arg;
	char				 shown[TRACKING_SHOWN], when[17];
	char				*service, *note;

	tracking_format(a->tracking, shown);
	cmd_application_time(l->c, a->updated, when);
	if (l->csv) {
		cmd_application_csv(a->tracking, 0);
		cmd_application_csv(a->service_code, 0);
		cmd_application_csv(application_state_name(a->state), 0);
		cmd_application_csv(when, 0);
		cmd_application_csv(a->nik, 0);
		cmd_application_csv(a->note, 1);
		return 0;
	}
	service = text_sanitize(a->service_name, i18n_utf8());
	note = text_sanitize(a->note, i18n_utf8());
	printf("%s  %s  %-16s  %s  %s%s%s\n", shown, when,
	    application_state_name(a->state), a->nik, service,
	    *note != '\0' ? ": " : "", note);
	free(service);
	free(note);
	return 0;
}

static int
cmd_application_list_exec(const struct config *config, int argc, char **argv)
{
	static const struct option options[] = {
		{ "state", required_argument, NULL, 's' },
		{ "date", required_argument, NULL, 'd' },
		{ "csv", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_application_list	 l = { NULL, 0 };
	struct cmd_record		 c;
	const char			*day = NULL;
	char				*cause = NULL;
	int				 ch, state = -1, status, y, m, d;
	char				 extra;

	optind = 0;
	while ((ch = getopt_long(argc + 1, argv - 1, "", options, NULL)) !=
	    -1) {
		switch (ch) {
		case 's':
			if ((state = application_state_parse(optarg)) < 0) {
				cmd_error(_("\"%s\" is not a state: use "
				    "received, processing, documents-needed, "
				    "ready, handed-over or rejected."), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'd':
			day = optarg;
			if (strlen(day) != 10 || sscanf(day, "%4d-%2d-%2d%c",
			    &y, &m, &d, &extra) != 3 || m < 1 || m > 12 ||
			    d < 1 || d > 31) {
				cmd_error(_("--date wants a date such as "
				    "2026-11-30, not \"%s\"."), day);
				return EXIT_USAGE;
			}
			break;
		case 'c': l.csv = 1; break;
		default: return EXIT_USAGE;
		}
	}
	if (optind != argc + 1) {
		cmd_error(_("usage: loket application list [--state STATE] "
		    "[--date YYYY-MM-DD] [--csv]"));
		return EXIT_USAGE;
	}
	if ((status = cmd_record_open(config, &c)) != 0)
		return status;
	l.c = &c;
	if (l.csv)
		printf("tracking,service,state,updated,nik,note\n");
	if (application_list(c.db, state, day, config->lang,
	    cmd_application_line, &l, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		status = EXIT_DATABASE;
	}
	cmd_record_close(&c);
	return cmd_close_stdout(status);
}

const struct cmd_entry cmd_application_add_entry = {
	"application add", "SERVICE --name NAME --nik NIK [--phone NUMBER] "
	"[--handed-in 1,3] [--json]", 1, -1, cmd_application_add_exec
};
const struct cmd_entry cmd_application_status_entry = {
	"application status", "TRACKING [--json]", 1, -1,
	cmd_application_status_exec
};
const struct cmd_entry cmd_application_update_entry = {
	"application update", "TRACKING --state STATE [--note TEXT]", 1, -1,
	cmd_application_update_exec
};
const struct cmd_entry cmd_application_list_entry = {
	"application list", "[--state STATE] [--date YYYY-MM-DD] [--csv]", 0,
	-1, cmd_application_list_exec
};
