/* loket board: the display board for the waiting room. */
#include "config.h"

#include <stdlib.h>

#include "cmd/cmd-queue.h"
#include "cmd/cmd.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "office/db.h"
#include "office/queue.h"
#include "ui/board.h"
#include "ui/speech.h"
#include "ui/tui.h"

static int
cmd_board_exec(const struct config *config, int argc, char **argv)
{
	struct queue_rules	 rules;
	struct db		*db;
	char			*cause = NULL;
	int			 status;

	(void)argc;
	(void)argv;
	if (!tui_available()) {
		cmd_error(_("the board needs a terminal to show it on"));
		return EXIT_USAGE;
	}
	if (speech_check(config, &cause) != 0) {
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
	status = board_run(db, config, &rules);
	if (status == BOARD_UNAVAILABLE) {
		cmd_error(_("this terminal cannot show the board: it cannot "
		    "move the cursor"));
		status = EXIT_USAGE;
	}
	db_close(db);
	queue_rules_free(&rules);
	return status;
}

const struct cmd_entry cmd_board_entry = {
	"board", "", 0, 0, cmd_board_exec
};
