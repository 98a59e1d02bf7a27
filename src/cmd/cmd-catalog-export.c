/* loket catalog export [FILE]: write the catalog in the import format. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "common/i18n.h"
#include "office/catalog.h"
#include "office/db.h"

static int
cmd_catalog_export_exec(const struct config *config, int argc, char **argv)
{
	struct catalog	*catalog;
	struct db	*db;
	FILE		*f = stdout;
	char		*cause = NULL;
	int		 status = EXIT_OK;

	if ((db = cmd_open_db(config, 0)) == NULL)
		return EXIT_DATABASE;
	catalog = catalog_export(db, &cause);
	db_close(db);
	if (catalog == NULL) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_DATABASE;
	}
	if (argc == 1 && strcmp(argv[0], "-") != 0 &&
	    (f = fopen(argv[0], "w")) == NULL) {
		cmd_error(_("cannot write %s: %s"), argv[0], strerror(errno));
		catalog_free(catalog);
		return EXIT_FAIL;
	}
	if (catalog_file_write(catalog, f) != 0) {
		cmd_error(_("cannot write %s: %s"), argc == 1 ? argv[0] :
		    _("standard output"), strerror(errno));
		status = EXIT_FAIL;
	}
	if (f != stdout && fclose(f) != 0 && status == EXIT_OK) {
		cmd_error(_("cannot write %s: %s"), argv[0], strerror(errno));
		status = EXIT_FAIL;
	}
	catalog_free(catalog);
	return cmd_close_stdout(status);
}

const struct cmd_entry cmd_catalog_export_entry = {
	"catalog export", "[FILE]", 0, 1, cmd_catalog_export_exec
};
