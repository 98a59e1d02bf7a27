/*
 * loket report [--date YYYY-MM-DD] [--csv]: the day's figures, or its
 * ticket log as CSV. A ticket a past day left open (waiting, called,
 * serving or parked at midnight) counts as not present: never lost, and
 * the log says it was left open.
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
#include "common/xmalloc.h"
#include "office/db.h"
#include "office/schedule.h"

struct report {
	const char	*day;
	const char	*today;
};

/* A time as office-local HH:MM:SS, or "" for none. */
static void
cmd_report_time(const struct schedule *s, time_t when, char out[9])
{
	struct tm	 tm;
	time_t		 local = when + s->offset;

	out[0] = '\0';
	if (when != 0 && gmtime_r(&local, &tm) != NULL)
		strftime(out, 9, "%H:%M:%S", &tm);
}

static const struct schedule	*cmd_report_schedule;

/* One CSV row; nothing in it needs quoting (codes, names, numbers). */
static int
cmd_report_row(void *arg, const struct ticket *t)
{
	struct report	*r = arg;
	char		 arrived[9], called[9], served[9], finished[9];
	char		*label = queue_ticket_label(t);
	const char	*state = queue_state_name(t->state);
	const char	*outcome = t->outcome >= 0 ?
			    queue_outcome_name(t->outcome) : "";

	if (queue_left_open(t, r->today)) {
		state = queue_state_name(TICKET_NOSHOW);
		outcome = "left-open";
	}
	cmd_report_time(cmd_report_schedule, t->arrived, arrived);
	cmd_report_time(cmd_report_schedule, t->called, called);
	cmd_report_time(cmd_report_schedule, t->served, served);
	cmd_report_time(cmd_report_schedule, t->finished, finished);
	printf("%ld,%s,%s,%s,%s,%s,%s,%s,%s,%s,", t->id, label,
	    t->service_code, queue_priority_name(t->priority), state, outcome,
	    arrived, called, served, finished);
	if (t->counter > 0)
		printf("%d", t->counter);
	printf(",%ld,%ld\n", t->called ? (long)(t->called - t->arrived) : -1L,
	    t->served && t->finished ? (long)(t->finished - t->served) : -1L);
	free(label);
	return ferror(stdout) ? 1 : 0;
}

static int
cmd_report_exec(const struct config *config, int argc, char **argv)
{
	static const struct option options[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "csv", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct queue_figures	 f;
	struct queue_rules	 rules;
	struct report		 r;
	struct schedule		 check;
	struct db		*db;
	const char		*date = NULL;
	char			 today[11], *cause = NULL;
	int			 c, csv = 0, status = EXIT_OK, hour;

	optind = 0;
	while ((c = cmd_getopt(argc + 1, argv - 1, "", options)) != -1) {
		if (c == 'd')
			date = optarg;
		else if (c == 'c')
			csv = 1;
		else
			return EXIT_USAGE;
	}
	if (optind != argc + 1) {
		cmd_error(_("usage: loket report [--date YYYY-MM-DD] [--csv]"));
		return EXIT_USAGE;
	}
	/* A date is checked as a holiday list would be. */
	if (date != NULL) {
		if (schedule_parse(&check, "WIB", "", "", date, &cause) != 0) {
			/* "holidays: ..." names the wrong field here. */
			cmd_error("--date%s", strchr(cause, ':') != NULL ?
			    strchr(cause, ':') : cause);
			free(cause);
			return EXIT_USAGE;
		}
		schedule_free(&check);
	}
	if (cmd_queue_rules(config, &rules) != 0)
		return EXIT_USAGE;
	if ((db = cmd_open_db(config, 0)) == NULL) {
		queue_rules_free(&rules);
		return EXIT_DATABASE;
	}
	queue_day(&rules, time(NULL), today);
	memset(&r, 0, sizeof r);
	r.day = date != NULL ? date : today;
	r.today = today;
	cmd_report_schedule = &rules.schedule;
	if (csv) {
		printf("id,ticket,service,priority,state,outcome,arrived,called,"
		    "served,finished,counter,wait_seconds,service_seconds\n");
		/* 1: a row could not be written; cmd_close_stdout says so. */
		if (queue_log(db, r.day, cmd_report_row, &r, &cause) < 0) {
			cmd_error("%s", cause);
			free(cause);
			status = EXIT_DATABASE;
		}
		goto out;
	}
	if (queue_figures_day(db, &rules, r.day, 0, time(NULL), &f,
	    &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		status = EXIT_DATABASE;
		goto out;
	}
	printf(_("Report for %s\n"), r.day);
	printf(_("Served: %d\n"), f.served);
	printf(_("Not present: %d\n"), f.noshow);
	if (f.left_open > 0)
		printf(_("  of which left open at the end of the day: %d\n"),
		    f.left_open);
	else
		printf(_("Still waiting: %d\n"), f.waiting);
	if (f.average_wait >= 0)
		printf(_("Average wait: %ld min\n"), (f.average_wait + 30) / 60);
	if (f.average_service >= 0)
		printf(_("Average service time: %ld min\n"),
		    (f.average_service + 30) / 60);
	for (hour = 0; hour < 24; hour++) {
		if (f.per_hour[hour] > 0)
			printf("  %02d:00  %d\n", hour, f.per_hour[hour]);
	}
out:
	db_close(db);
	queue_rules_free(&rules);
	return cmd_close_stdout(status);
}

const struct cmd_entry cmd_report_entry = {
	"report", "[--date YYYY-MM-DD] [--csv]", 0, -1, cmd_report_exec
};
