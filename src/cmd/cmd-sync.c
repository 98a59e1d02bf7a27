/*
 * loket sync [--watch]: one round with the centre (push what waits, then
 * pull), and what happened; with --watch, rounds until SIGTERM: soon
 * after a change is committed, every minute for the centre's news, and
 * after a failure when the backoff says. One agent runs per database.
 *
 * Exit 0 when everything was pushed and pulled, 4 when the centre could
 * not be reached (try again later), 5 when the office is not enrolled,
 * 1 when the centre refused or another agent runs, 3 for the database.
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
#include "office/agent.h"
#include "office/db.h"
#include "office/sync-http.h"
#include "office/outbox.h"

#define CMD_SYNC_PULL_EVERY	60	/* seconds between rounds when idle */

int
cmd_sync_status_of(int s)
{
	static const int statuses[] = {
		[AGENT_DONE] = EXIT_OK,
		[AGENT_NOT_ENROLLED] = EXIT_NOT_ENROLLED,
		[AGENT_UNREACHABLE] = EXIT_UNREACHABLE,
		[AGENT_REFUSED] = EXIT_FAIL,
		[AGENT_DATABASE] = EXIT_DATABASE,
	};

	return statuses[s];
}

/* Say what a round did; quiet when it did nothing and quiet is set. */
static void
cmd_sync_say(enum agent_status s, const struct agent_report *r,
    const char *cause, int quiet)
{
	if (r->pushed > 0 || (s == AGENT_DONE && !quiet))
		printf(ngettext("Pushed %ld operation: %ld applied, %ld "
		    "already at the centre, %ld in conflict, %ld rejected.\n",
		    "Pushed %ld operations: %ld applied, %ld already at the "
		    "centre, %ld in conflict, %ld rejected.\n", r->pushed),
		    r->pushed, r->applied, r->duplicates, r->conflicts,
		    r->rejected);
	if (s == AGENT_DONE && (!quiet || r->pulled > 0))
		printf(ngettext("Pulled %ld change.\n", "Pulled %ld changes.\n",
		    r->pulled), r->pulled);
	if (r->new_generation)
		printf(_("The centre was restored from a backup: its data "
		    "is pulled again in full.\n"));
	if (s != AGENT_DONE)
		cmd_error("%s", cause);
	fflush(stdout);
}

/*
 * Wait up to seconds for a stop signal (1) or, when early is set, for
 * an operation to wait in the outbox (0).
 */
static int
cmd_sync_wait(struct db *db, const sigset_t *stop, long seconds, int early)
{
	struct outbox_state	 st;
	struct timespec		 second = { 1, 0 };
	char			*cause = NULL;
	long			 pending;

	for (; seconds > 0; seconds--) {
		if (sigtimedwait(stop, NULL, &second) > 0)
			return 1;
		if (!early)
			continue;
		pending = outbox_state_read(db, &st, &cause) == 0 ?
		    st.pending : 0;
		outbox_state_clear(&st);
		free(cause);
		cause = NULL;
		if (pending > 0)
			return 0;
	}
	return 0;
}

/* Rounds until a stop signal: 0. */
static int
cmd_sync_watch(struct db *db)
{
	struct agent_report	 r;
	enum agent_status	 s;
	sigset_t		 stop;
	char			*cause;
	long			 wait;
	int			 failures = 0;

	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGHUP);
	sigprocmask(SIG_BLOCK, &stop, NULL);
	for (;;) {
		cause = NULL;
		s = agent_round(db, &r, &cause);
		cmd_sync_say(s, &r, cause, 1);
		free(cause);
		if (s == AGENT_DONE) {
			failures = 0;
			wait = CMD_SYNC_PULL_EVERY;
		} else {
			wait = agent_backoff(failures++, r.retry_after);
			printf(_("Next try in %ld seconds.\n"), wait);
			fflush(stdout);
		}
		if (outbox_next_try(db, time(NULL) + wait, &cause) != 0) {
			log_warn("%s", cause);
			free(cause);
		}
		if (cmd_sync_wait(db, &stop, wait, s == AGENT_DONE))
			return EXIT_OK;
	}
}

static int
cmd_sync_exec(const struct config *config, int argc, char **argv)
{
	static const struct option options[] = {
		{ "watch", no_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	struct agent_report	 r;
	enum agent_status	 s;
	struct db		*db;
	char			*cause = NULL;
	int			 c, watch = 0, lock, status;

	optind = 0;
	while ((c = getopt_long(argc + 1, argv - 1, "", options, NULL)) != -1) {
		if (c != 'w')
			return EXIT_USAGE;
		watch = 1;
	}
	if (optind != argc + 1) {
		cmd_error(_("usage: loket sync [--watch]"));
		return EXIT_USAGE;
	}
	if ((db = cmd_open_db(config, 0)) == NULL)
		return EXIT_DATABASE;
	sync_http_ca_file(config->sync_ca_file);
	if ((lock = agent_lock(db, &cause)) == -1) {
		cmd_error("%s", cause);
		free(cause);
		db_close(db);
		return EXIT_FAIL;
	}
	if (watch)
		status = cmd_sync_watch(db);
	else {
		s = agent_round(db, &r, &cause);
		cmd_sync_say(s, &r, cause, 0);
		free(cause);
		/* --watch waits by itself; a person is told when to retry. */
		if (s == AGENT_UNREACHABLE && r.retry_after > 0)
			cmd_error(_("The centre is busy; try again in %ld s."),
			    r.retry_after);
		status = cmd_sync_status_of(s);
	}
	close(lock);
	db_close(db);
	return cmd_close_stdout(status);
}

const struct cmd_entry cmd_sync_entry = {
	"sync", "[--watch]", 0, -1, cmd_sync_exec
};
