/* loket catalog import FILE: replace the catalog, all or nothing. */
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
cmd_catalog_import_exec(const struct config *config, int argc, char **argv)
{
	struct catalog	*catalog;
	struct db	*db;
	FILE		*f;
	char		*cause = NULL;
	int		 status = EXIT_OK;

	(void)argc;
	if (strcmp(argv[0], "-") == 0)
		f = stdin;
	else if ((f = fopen(argv[0], "r")) == NULL) {
		cmd_error(_("cannot read %s: %s"), argv[0], strerror(errno));
		return EXIT_FAIL;
	}
	catalog = catalog_file_read(f, argv[0], &cause);
	if (f != stdin)
		fclose(f);
	if (catalog == NULL) {
		cmd_error(_("%s (nothing was imported)"), cause);
		free(cause);
		return EXIT_FAIL;
	}
	if ((db = cmd_open_db(config, DB_OPEN_EXISTING)) == NULL) {
		catalog_free(catalog);
		return EXIT_DATABASE;
	}
	if (catalog_import(db, catalog, &cause) != 0) {
		cmd_error(_("%s (nothing was imported)"), cause);
		free(cause);
		status = EXIT_DATABASE;
	} else
		printf(ngettext("Imported %zu service ", "Imported %zu services ",
		    catalog->nservices), catalog->nservices),
		printf(ngettext("from %zu agency.\n", "from %zu agencies.\n",
		    catalog->nagencies), catalog->nagencies);
	db_close(db);
	catalog_free(catalog);
	return cmd_close_stdout(status);
}

const struct cmd_entry cmd_catalog_import_entry = {
	"catalog import", "FILE", 1, 1, cmd_catalog_import_exec
};
