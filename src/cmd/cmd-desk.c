/* loket desk: the operator desk, in curses or line mode. */
#include "config.h"

#include <stdlib.h>

#include "cmd/cmd-queue.h"
#include "cmd/cmd.h"
#include "common/configuration.h"
#include "office/db.h"
#include "ui/dialog.h"
#include "ui/frontend.h"

static int
cmd_desk_exec(const struct config *config, int argc, char **argv)
{
	struct queue_rules	 rules;
	struct dialog		*dialog;
	struct db		*db;
	char			*cause = NULL;
	int			 status;

	(void)argc;
	(void)argv;
	if (frontend_check(config, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_USAGE;
	}
	if (cmd_queue_rules(config, &rules) != 0)
		return EXIT_USAGE;
	if ((db = cmd_open_db(config, 0)) == NULL) {
		queue_rules_free(&rules);
		return EXIT_DATABASE;
	}
	dialog = dialog_new_desk(db, config, &rules);
	status = frontend_run(dialog, config);
	dialog_free(dialog);
	db_close(db);
	queue_rules_free(&rules);
	return status;
}

const struct cmd_entry cmd_desk_entry = {
	"desk", "", 0, 0, cmd_desk_exec
};
