/*
 * loket sync status [--json]: the centre this office follows, operations
 * waiting and the oldest one's age, the last success and the last error,
 * when the running agent tries next, and the office clock's offset from
 * the centre's.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <jansson.h>

#include "cmd/cmd.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "common/text.h"
#include "office/agent.h"
#include "office/db.h"
#include "office/outbox.h"

/* A time as the office's local time, or "never". */
static void
cmd_sync_status_time(time_t when, char out[32])
{
	struct tm	 tm;

	if (when == 0 || localtime_r(&when, &tm) == NULL)
		snprintf(out, 32, "%s", _("never"));
	else
		strftime(out, 32, "%Y-%m-%d %H:%M:%S", &tm);
}

/* Whether an agent runs, and when it tries next. */
static void
cmd_sync_status_agent(const struct outbox_state *st, int running)
{
	char	 next[32];

	if (!running) {
		printf(_("Agent: not running (start \"loket sync --watch\" or "
		    "its service)\n"));
		return;
	}
	if (st->next_try != 0 && st->next_try < time(NULL))
		printf(_("Agent: running, trying now\n"));
	else {
		cmd_sync_status_time(st->next_try, next);
		printf(_("Agent: running, next try at %s\n"), next);
	}
}

/* How far the office clock is from the centre's, when it was measured. */
static void
cmd_sync_status_clock(const struct outbox_state *st)
{
	long	 off = st->clock_offset;

	if (st->clock_at == 0)
		return;
	if (off >= -1 && off <= 1)
		printf(_("Office clock: agrees with the centre's\n"));
	else if (off > 0)
		printf(ngettext("Office clock: %ld second behind the centre's\n",
		    "Office clock: %ld seconds behind the centre's\n", off),
		    off);
	else
		printf(ngettext("Office clock: %ld second ahead of the "
		    "centre's\n", "Office clock: %ld seconds ahead of the "
		    "centre's\n", -off), -off);
}

static void
cmd_sync_status_text(const struct outbox_state *st, int running)
{
	char	*centre, *office, *error, success[32], oldest[32];

	if (st->centre == NULL) {
		printf(_("Not enrolled with a centre.\n"));
		printf(ngettext("Waiting: %ld operation\n",
		    "Waiting: %ld operations\n", st->pending), st->pending);
		return;
	}
	centre = text_sanitize(st->centre, 0);
	office = text_sanitize(st->office != NULL ? st->office : "", 0);
	printf(_("Centre: %s (this office: %s)\n"), centre, office);
	cmd_sync_status_time(st->oldest, oldest);
	if (st->pending > 0)
		printf(ngettext("Waiting: %ld operation, from %s\n",
		    "Waiting: %ld operations, the oldest from %s\n",
		    st->pending), st->pending, oldest);
	else
		printf(_("Waiting: none\n"));
	cmd_sync_status_time(st->last_success, success);
	printf(_("Last success: %s\n"), success);
	if (st->last_error != NULL) {
		error = text_sanitize(st->last_error, 1);
		printf(_("Last error: %s\n"), error);
		free(error);
	}
	cmd_sync_status_agent(st, running);
	cmd_sync_status_clock(st);
	if (st->conflicts > 0 || st->rejected > 0)
		printf(_("Refused by the centre: %ld in conflict, %ld "
		    "rejected\n"), st->conflicts, st->rejected);
	free(centre);
	free(office);
}

static void
cmd_sync_status_json(const struct outbox_state *st, int running)
{
	json_t	*j;

	j = json_pack("{s:b, s:s?, s:s?, s:I, s:I, s:I, s:I, s:s?, s:I, s:I, "
	    "s:I, s:b, s:I}", "enrolled", st->centre != NULL, "centre",
	    st->centre, "office", st->office, "pending",
	    (json_int_t)st->pending, "oldest", (json_int_t)st->oldest,
	    "last_success", (json_int_t)st->last_success, "last_attempt",
	    (json_int_t)st->last_attempt, "last_error", st->last_error,
	    "conflicts", (json_int_t)st->conflicts, "rejected",
	    (json_int_t)st->rejected, "cursor", (json_int_t)st->cursor,
	    "agent_running", running, "next_try",
	    (json_int_t)(running ? st->next_try : 0));
	json_object_set_new(j, "clock_offset", st->clock_at != 0 ?
	    json_integer(st->clock_offset) : json_null());
	json_object_set_new(j, "clock_at", json_integer(st->clock_at));
	json_dumpf(j, stdout, JSON_INDENT(2) | JSON_ENSURE_ASCII);
	putchar('\n');
	json_decref(j);
}

static int
cmd_sync_status_exec(const struct config *config, int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct outbox_state	 st;
	struct db		*db;
	char			*cause = NULL;
	int			 c, json = 0, status = EXIT_OK;

	optind = 0;
	while ((c = getopt_long(argc + 1, argv - 1, "", options, NULL)) != -1) {
		if (c != 'j')
			return EXIT_USAGE;
		json = 1;
	}
	if (optind != argc + 1) {
		cmd_error(_("usage: loket sync status [--json]"));
		return EXIT_USAGE;
	}
	if ((db = cmd_open_db(config, 0)) == NULL)
		return EXIT_DATABASE;
	if (outbox_state_read(db, &st, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		status = EXIT_DATABASE;
	} else if (json)
		cmd_sync_status_json(&st, agent_running(db));
	else
		cmd_sync_status_text(&st, agent_running(db));
	outbox_state_clear(&st);
	db_close(db);
	return cmd_close_stdout(status);
}

const struct cmd_entry cmd_sync_status_entry = {
	"sync status", "[--json]", 0, -1, cmd_sync_status_exec
};
