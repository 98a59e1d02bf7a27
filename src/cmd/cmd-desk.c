/* loket desk: the operator desk, in curses or line mode. */
#include "config.h"

#include <stdlib.h>

#include "cmd-queue.h"
#include "cmd.h"
#include "configuration.h"
#include "db.h"
#include "dialog.h"
#include "frontend.h"

static int
cmd_desk_exec(const struct config *config, int argc, char **argv)
{
	struct queue_rules	 rules;
	struct dialog		*dialog;
	struct db		*db;
	int			 status;

	(void)argc;
	(void)argv;
	if (frontend_check(config) != 0 || cmd_queue_rules(config, &rules) != 0)
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
