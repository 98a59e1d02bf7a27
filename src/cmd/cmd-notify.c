/*
 * loket notify [--watch]: hand the text messages that are due to the
 * transport of [notify] (one round), or with --watch, until SIGTERM:
 * soon after a message is written, and when a retry falls due. One
 * sender runs per database; a message left "sending" by a sender that
 * died is sent again (at least once: the gateway may dedupe by its id).
 *
 * Exit 0 when nothing failed, 4 when a message waits to be tried again,
 * 1 when one was given up, no transport is set or another sender runs,
 * 3 for the database.
 */
#include "config.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "common/log.h"
#include "office/db.h"
#include "office/notify.h"
#include "office/queue.h"

#define CMD_NOTIFY_ROUND_EVERY	60	/* seconds between rounds when idle */

/* Say what a round did; quiet when it did nothing and quiet is set. */
static void
cmd_notify_say(const struct notify_report *r, int quiet)
{
	if (quiet && r->sent == 0 && r->retrying == 0 && r->failed == 0)
		return;
	printf(_("Text messages: %ld sent, %ld to try again, %ld given up.\n"),
	    r->sent, r->retrying, r->failed);
	fflush(stdout);
}

/* Wait for a stop signal (1), or a message falling due, or a minute (0). */
static int
cmd_notify_wait(struct db *db, const sigset_t *stop)
{
	struct timespec	 second = { 1, 0 };
	char		*cause = NULL;
	int		 waited, due;

	for (waited = 0; waited < CMD_NOTIFY_ROUND_EVERY; waited++) {
		if (sigtimedwait(stop, NULL, &second) > 0)
			return 1;
		due = notify_due(db, time(NULL), &cause);
		free(cause);
		cause = NULL;
		if (due == 1)
			return 0;
	}
	return 0;
}

/* Rounds until a stop signal: 0. */
static int
cmd_notify_watch(struct db *db, const struct config *config,
    const struct queue_rules *rules)
{
	struct notify_report	 r;
	sigset_t		 stop;
	char			*cause;

	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGHUP);
	sigprocmask(SIG_BLOCK, &stop, NULL);
	for (;;) {
		cause = NULL;
		if (notify_round(db, config, rules, &r, &cause) != 0) {
			cmd_error("%s", cause);
			free(cause);
		}
		cmd_notify_say(&r, 1);
		if (cmd_notify_wait(db, &stop))
			return EXIT_OK;
	}
}

/* One round, and its exit status. */
static int
cmd_notify_once(struct db *db, const struct config *config,
    const struct queue_rules *rules)
{
	struct notify_report	 r;
	char			*cause = NULL;

	if (notify_round(db, config, rules, &r, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_DATABASE;
	}
	cmd_notify_say(&r, 0);
	if (r.failed > 0)
		return EXIT_FAIL;
	return r.retrying > 0 ? EXIT_UNREACHABLE : EXIT_OK;
}

/* Lock, recover, then run: an exit status. */
static int
cmd_notify_run(const struct config *config, int watch)
{
	struct queue_rules	 rules;
	struct db		*db;
	char			*cause = NULL;
	int			 lock, status;

	if (notify_configured(config, &cause) != 1) {
		cmd_error("%s", cause != NULL ? cause : _("No transport for "
		    "text messages is set: choose one in [notify] of "
		    "loket.conf."));
		free(cause);
		return EXIT_FAIL;
	}
	if (queue_rules_init(&rules, config, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_FAIL;
	}
	if ((db = cmd_open_db(config, 0)) == NULL) {
		queue_rules_free(&rules);
		return EXIT_DATABASE;
	}
	if ((lock = notify_lock(db, &cause)) == -1 ||
	    notify_recover(db, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		status = lock == -1 ? EXIT_FAIL : EXIT_DATABASE;
	} else if (watch)
		status = cmd_notify_watch(db, config, &rules);
	else
		status = cmd_notify_once(db, config, &rules);
	if (lock != -1)
		close(lock);
	db_close(db);
	queue_rules_free(&rules);
	return cmd_close_stdout(status);
}

static int
cmd_notify_exec(const struct config *config, int argc, char **argv)
{
	static const struct option options[] = {
		{ "watch", no_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	int	 c, watch = 0;

	optind = 0;
	while ((c = cmd_getopt(argc + 1, argv - 1, "", options)) != -1) {
		if (c != 'w')
			return EXIT_USAGE;
		watch = 1;
	}
	if (optind != argc + 1) {
		cmd_error(_("usage: loket notify [--watch]"));
		return EXIT_USAGE;
	}
	return cmd_notify_run(config, watch);
}

const struct cmd_entry cmd_notify_entry = {
	"notify", "[--watch]", 0, -1, cmd_notify_exec
};
