/*
 * loket catalog import [--force] FILE: replace the catalog, all or
 * nothing. Once the centre has published a catalog to this office, the
 * centre's is the office's: an import is refused unless --force, and
 * even then lasts only until the centre publishes again.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "common/i18n.h"
#include "office/catalog.h"
#include "office/db.h"
#include "office/feed.h"

/* May the office's own catalog replace the centre's? 0, or a status. */
static int
cmd_catalog_import_allowed(struct db *db, int force)
{
	char	*cause = NULL;
	long	 change;
	int	 rc;

	if ((rc = feed_catalog_followed(db, &change, &cause)) < 0) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_DATABASE;
	}
	if (rc == 0)
		return 0;
	if (!force) {
		cmd_error(_("This office follows the catalog the centre "
		    "publishes (change %ld): ask the centre to publish the new "
		    "catalog with \"loketd catalog publish\", or import with "
		    "--force, knowing that the centre's next catalog will "
		    "replace it (nothing was imported)."), change);
		return EXIT_FAIL;
	}
	fprintf(stderr, _("loket: this office follows the centre's catalog: "
	    "the centre's next catalog will replace this one.\n"));
	return 0;
}

static int
cmd_catalog_import_exec(const struct config *config, int argc, char **argv)
{
	static const struct option options[] = {
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct catalog	*catalog;
	struct db	*db;
	FILE		*f;
	char		*cause = NULL;
	int		 c, force = 0, status = EXIT_OK;

	optind = 0;
	while ((c = cmd_getopt(argc + 1, argv - 1, "", options)) != -1) {
		if (c != 'f')
			return EXIT_USAGE;
		force = 1;
	}
	if (optind != argc) {
		cmd_error(_("usage: loket catalog import [--force] FILE"));
		return EXIT_USAGE;
	}
	argv += optind - 1;
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
	status = cmd_catalog_import_allowed(db, force);
	if (status == EXIT_OK && catalog_import(db, catalog, &cause) != 0) {
		cmd_error(_("%s (nothing was imported)"), cause);
		free(cause);
		status = EXIT_DATABASE;
	} else if (status == EXIT_OK)
		printf(ngettext("Imported %zu service ", "Imported %zu services ",
		    catalog->nservices), catalog->nservices),
		printf(ngettext("from %zu agency.\n", "from %zu agencies.\n",
		    catalog->nagencies), catalog->nagencies);
	db_close(db);
	catalog_free(catalog);
	return cmd_close_stdout(status);
}

const struct cmd_entry cmd_catalog_import_entry = {
	"catalog import", "[--force] FILE", 1, 2, cmd_catalog_import_exec
};
