/*
 * loket notify status [--json]: the text messages by state, the oldest
 * one waiting, when the next try is, the last error, the transport and
 * whether a sender runs.
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
#include "office/db.h"
#include "office/notify.h"

/* A local time, or "-" for none. */
static const char *
cmd_notify_status_when(time_t when, char out[32])
{
	struct tm	 tm;

	if (when <= 0 || localtime_r(&when, &tm) == NULL)
		return "-";
	strftime(out, 32, "%Y-%m-%d %H:%M:%S", &tm);
	return out;
}

static void
cmd_notify_status_text(const struct config *config,
    const struct notify_status *st, int running)
{
	char	 oldest[32], next[32], at[32], *error;

	printf(_("Transport: %s\n"),
	    notify_transport_names[config->notify_transport]);
	printf(running ? _("Sender: running\n") : _("Sender: not running "
	    "(start \"loket notify --watch\" or its service)\n"));
	printf(_("Waiting: %ld (the oldest from %s; next try %s)\n"),
	    st->count[NOTIFY_WAITING] + st->count[NOTIFY_SENDING],
	    cmd_notify_status_when(st->oldest_waiting, oldest),
	    cmd_notify_status_when(st->next_try, next));
	printf(_("Sent: %ld\n"), st->count[NOTIFY_SENT]);
	printf(_("Given up: %ld\n"), st->count[NOTIFY_FAILED]);
	if (st->last_error != NULL) {
		error = text_sanitize(st->last_error, 1);
		printf(_("Last error: %s (at %s)\n"), error,
		    cmd_notify_status_when(st->last_error_at, at));
		free(error);
	}
}

static void
cmd_notify_status_json(const struct config *config,
    const struct notify_status *st, int running)
{
	json_t	*j;
	int	 s;

	j = json_pack("{s:s, s:b, s:I, s:I, s:s?, s:I}", "transport",
	    notify_transport_names[config->notify_transport], "sender_running",
	    running, "oldest_waiting", (json_int_t)st->oldest_waiting,
	    "next_try", (json_int_t)st->next_try, "last_error",
	    st->last_error, "last_error_at", (json_int_t)st->last_error_at);
	for (s = 0; s < NOTIFY_STATE_COUNT; s++)
		json_object_set_new(j, notify_state_names[s],
		    json_integer(st->count[s]));
	json_dumpf(j, stdout, JSON_INDENT(2) | JSON_ENSURE_ASCII);
	putchar('\n');
	json_decref(j);
}

static int
cmd_notify_status_exec(const struct config *config, int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct notify_status	 st;
	struct db		*db;
	char			*cause = NULL;
	int			 c, json = 0, status = EXIT_OK;

	optind = 0;
	while ((c = cmd_getopt(argc + 1, argv - 1, "", options)) != -1) {
		if (c != 'j')
			return EXIT_USAGE;
		json = 1;
	}
	if (optind != argc + 1) {
		cmd_error(_("usage: loket notify status [--json]"));
		return EXIT_USAGE;
	}
	if ((db = cmd_open_db(config, 0)) == NULL)
		return EXIT_DATABASE;
	if (notify_status_read(db, &st, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		status = EXIT_DATABASE;
	} else if (json)
		cmd_notify_status_json(config, &st, notify_running(db));
	else
		cmd_notify_status_text(config, &st, notify_running(db));
	notify_status_clear(&st);
	db_close(db);
	return cmd_close_stdout(status);
}

const struct cmd_entry cmd_notify_status_entry = {
	"notify status", "[--json]", 0, -1, cmd_notify_status_exec
};
