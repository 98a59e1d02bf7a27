/*
 * loket sync: one round with the centre (push what waits, then pull),
 * and what happened. Exit 0 when everything was pushed and pulled, 4
 * when the centre could not be reached (try again later), 5 when the
 * office is not enrolled, 1 when the centre refused, 3 for the database.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd/cmd.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "office/agent.h"
#include "office/db.h"

/* The exit status for how the agent ended. */
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

static int
cmd_sync_exec(const struct config *config, int argc, char **argv)
{
	struct agent_report	 r;
	enum agent_status	 s;
	struct db		*db;
	char			*cause = NULL;

	if ((db = cmd_open_db(config, 0)) == NULL)
		return EXIT_DATABASE;
	s = agent_round(db, &r, &cause);
	db_close(db);
	if (r.pushed > 0 || s == AGENT_DONE)
		printf(ngettext("Pushed %ld operation: %ld applied, %ld "
		    "already at the centre, %ld in conflict, %ld rejected.\n",
		    "Pushed %ld operations: %ld applied, %ld already at the "
		    "centre, %ld in conflict, %ld rejected.\n", r.pushed),
		    r.pushed, r.applied, r.duplicates, r.conflicts,
		    r.rejected);
	if (s == AGENT_DONE)
		printf(ngettext("Pulled %ld change.\n", "Pulled %ld changes.\n",
		    r.pulled), r.pulled);
	if (r.new_generation)
		printf(_("The centre was restored from a backup: its data "
		    "is pulled again in full.\n"));
	if (s != AGENT_DONE) {
		cmd_error("%s", cause);
		free(cause);
	}
	return cmd_close_stdout(cmd_sync_status_of(s));
}

const struct cmd_entry cmd_sync_entry = {
	"sync", "", 0, 0, cmd_sync_exec
};
