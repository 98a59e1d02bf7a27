/*
 * loket sync enrol URL CODE: enrol this office with the centre, with the
 * one-time code "loketd office add" printed; the office's token and the
 * centre's public key are kept in the office database.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd/cmd.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "office/agent.h"
#include "office/db.h"
#include "office/sync-http.h"

static int
cmd_sync_enrol_exec(const struct config *config, int argc, char **argv)
{
	enum agent_status	 s;
	struct db		*db;
	char			*office = NULL, *cause = NULL;

	if ((db = cmd_open_db(config, 0)) == NULL)
		return EXIT_DATABASE;
	sync_http_ca_file(config->sync_ca_file);
	s = agent_enrol(db, argv[0], argv[1], &office, &cause);
	db_close(db);
	if (s != AGENT_DONE) {
		cmd_error("%s", cause);
		free(cause);
		return cmd_sync_status_of(s);
	}
	printf(_("Enrolled with the centre as office %s.\n"), office);
	free(office);
	return cmd_close_stdout(EXIT_OK);
}

const struct cmd_entry cmd_sync_enrol_entry = {
	"sync enrol", "URL CODE", 2, 2, cmd_sync_enrol_exec
};
