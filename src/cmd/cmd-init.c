/* loket init: create the office database with the current schema. */
#include "config.h"

#include <stdio.h>

#include "cmd/cmd.h"
#include "common/i18n.h"
#include "office/db.h"

static int
cmd_init_exec(const struct config *config, int argc, char **argv)
{
	struct db	*db;

	(void)argc;
	(void)argv;
	if ((db = cmd_open_db(config, 1)) == NULL)
		return EXIT_DATABASE;
	printf(_("Database %s is ready (schema version %d).\n"), db->path,
	    db_schema_version());
	db_close(db);
	return cmd_close_stdout(EXIT_OK);
}

const struct cmd_entry cmd_init_entry = {
	"init", "", 0, 0, cmd_init_exec
};
