/* loket catalog export [FILE]: write the catalog in the import format. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	const char	*name = _("standard output");
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
	/* Refused text leaves an existing file as it was. */
	if (catalog_file_write(catalog, NULL, name, 0, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		catalog_free(catalog);
		return EXIT_FAIL;
	}
	if (argc == 1 && strcmp(argv[0], "-") != 0) {
		name = argv[0];
		if ((f = fopen(name, "w")) == NULL) {
			cmd_error(_("cannot write %s: %s"), name,
			    strerror(errno));
			catalog_free(catalog);
			return EXIT_FAIL;
		}
	}
	/* A file keeps the text as stored; a terminal sees it made safe. */
	if (catalog_file_write(catalog, f, name, f == stdout &&
	    isatty(STDOUT_FILENO), &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		status = EXIT_FAIL;
	}
	if (f != stdout && fclose(f) != 0 && status == EXIT_OK) {
		cmd_error(_("cannot write %s: %s"), name, strerror(errno));
		status = EXIT_FAIL;
	}
	catalog_free(catalog);
	return cmd_close_stdout(status);
}

const struct cmd_entry cmd_catalog_export_entry = {
	"catalog export", "[FILE]", 0, 1, cmd_catalog_export_exec
};
