/* loket catalog show [SERVICE]: list services, or print one's standard. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "common/configuration.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/catalog.h"
#include "office/db.h"

/* Print text from the database with control characters made harmless. */
static void
cmd_catalog_show_text(const char *prefix, const char *text)
{
	char	*safe = text_sanitize(text, i18n_utf8());

	printf("%s%s\n", prefix, safe);
	free(safe);
}

static int
cmd_catalog_show_list(struct db *db, enum lang lang)
{
	struct catalog_entry	*agencies, *services;
	size_t			 na, ns, i, j;
	char			*cause = NULL;

	if (catalog_agencies(db, lang, &agencies, &na, &cause) != 0)
		goto fail;
	for (i = 0; i < na; i++) {
		cmd_catalog_show_text("", agencies[i].name);
		if (catalog_services(db, agencies[i].id, lang, &services, &ns,
		    &cause) != 0) {
			catalog_entries_free(agencies, na);
			goto fail;
		}
		for (j = 0; j < ns; j++) {
			char *line = xasprintf("  %-24s ", services[j].code);

			cmd_catalog_show_text(line, services[j].name);
			free(line);
		}
		catalog_entries_free(services, ns);
	}
	catalog_entries_free(agencies, na);
	return EXIT_OK;
fail:
	cmd_error("%s", cause);
	free(cause);
	return EXIT_DATABASE;
}

static int
cmd_catalog_show_service(struct db *db, const char *code, enum lang lang)
{
	struct catalog_entry	 e;
	char			*cause = NULL, *text, *line, *save;
	int			 found, k;

	found = catalog_service_by_code(db, code, lang, &e, &cause);
	if (found == -1) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_DATABASE;
	}
	if (found == 0) {
		char *safe = text_sanitize(code, i18n_utf8());

		cmd_error(_("unknown service \"%s\"; \"loket catalog show\" "
		    "lists the services"), safe);
		free(safe);
		return EXIT_FAIL;
	}
	cmd_catalog_show_text("", e.name);
	for (k = 0; k < COMPONENT_COUNT; k++) {
		if (catalog_component(db, e.id, k, lang, &text, &cause) != 0) {
			cmd_error("%s", cause);
			free(cause);
			free(e.code);
			free(e.name);
			return EXIT_DATABASE;
		}
		printf("\n%s:\n", catalog_component_title(k));
		for (line = strtok_r(text, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save))
			cmd_catalog_show_text("  ", line);
		free(text);
	}
	free(e.code);
	free(e.name);
	return EXIT_OK;
}

static int
cmd_catalog_show_exec(const struct config *config, int argc, char **argv)
{
	struct db	*db;
	int		 status;

	if ((db = cmd_open_db(config, 0)) == NULL)
		return EXIT_DATABASE;
	if (argc == 0)
		status = cmd_catalog_show_list(db, config->lang);
	else
		status = cmd_catalog_show_service(db, argv[0], config->lang);
	db_close(db);
	return cmd_close_stdout(status);
}

const struct cmd_entry cmd_catalog_show_entry = {
	"catalog show", "[SERVICE]", 0, 1, cmd_catalog_show_exec
};
