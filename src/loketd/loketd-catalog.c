/*
 * loketd catalog publish and loketd holidays publish: what the centre
 * publishes to every office, as one change of the feed each. A catalog
 * is checked with the office's own parser (sync/catalog.h) and published
 * as it would be written back, so that a comment or a blank line changed
 * is not a new catalog; the same content twice adds nothing.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "common/i18n.h"
#include "common/xmalloc.h"
#include "loketd/loketd.h"
#include "loketd/store.h"
#include "sync/canonical.h"
#include "sync/catalog.h"

/*
 * Add data to the feed as a change of kind; what happened is printed
 * with added or same (each given the change's cursor).
 */
static int
loketd_publish(struct loketd_conf *conf, const char *kind, json_t *data,
    const char *added, const char *same)
{
	struct store	*s;
	char		*body, *cause = NULL;
	long		 cursor = 0;
	int		 rc;

	body = sync_canonical(data);
	json_decref(data);
	if (body == NULL)
		fatal("cannot encode a change");
	if ((s = loketd_open(conf, 0)) == NULL) {
		free(body);
		return LOKETD_EXIT_DATABASE;
	}
	rc = s->engine->publish(s, kind, body, time(NULL), &cursor, &cause);
	store_close(s);
	free(body);
	if (rc < 0) {
		loketd_error("%s", cause);
		free(cause);
		return LOKETD_EXIT_DATABASE;
	}
	printf(rc == 1 ? added : same, cursor);
	return loketd_close_stdout(LOKETD_EXIT_OK);
}

/* The catalog in FILE as the office would write it back; NULL printed. */
static char *
loketd_catalog_text(const char *path)
{
	struct catalog	*catalog;
	FILE		*f, *out;
	char		*text = NULL, *cause = NULL;
	size_t		 size;
	int		 rc;

	if (strcmp(path, "-") == 0)
		f = stdin;
	else if ((f = fopen(path, "r")) == NULL) {
		loketd_error(_("cannot read %s: %s"), path, strerror(errno));
		return NULL;
	}
	catalog = catalog_file_read(f, path, &cause);
	if (f != stdin)
		fclose(f);
	if (catalog == NULL) {
		loketd_error(_("%s (nothing was published)"), cause);
		free(cause);
		return NULL;
	}
	if ((out = open_memstream(&text, &size)) == NULL)
		fatal("out of memory");
	rc = catalog_file_write(catalog, out, path, 0, &cause);
	if (fclose(out) != 0)
		fatal("out of memory");
	catalog_free(catalog);
	if (rc != 0) {
		loketd_error(_("%s (nothing was published)"), cause);
		free(cause);
		free(text);
		return NULL;
	}
	return text;
}

static int
loketd_catalog_publish_exec(struct loketd_conf *conf, int argc, char **argv)
{
	json_t	*data;
	char	*text;

	if (argc != 2) {
		loketd_error(_("usage: loketd catalog publish FILE"));
		return LOKETD_EXIT_USAGE;
	}
	if ((text = loketd_catalog_text(argv[1])) == NULL)
		return LOKETD_EXIT_FAIL;
	if ((long)strlen(text) > STORE_CHANGE_MAX) {
		loketd_error(_("%s: the catalog is larger than %ld bytes "
		    "(nothing was published)"), argv[1], STORE_CHANGE_MAX);
		free(text);
		return LOKETD_EXIT_FAIL;
	}
	data = json_pack("{s:s%}", "text", text, strlen(text));
	free(text);
	return loketd_publish(conf, "catalog", data, _("Published the catalog to every office as "
	    "change %ld.\n"), _("The catalog is the same as change %ld: "
	    "nothing was published.\n"));
}

const struct loketd_cmd loketd_catalog_publish_cmd = {
	"catalog publish", "FILE", loketd_catalog_publish_exec
};

/* Is text a real date written YYYY-MM-DD? */
static int
loketd_date_valid(const char *text)
{
	struct tm	 tm;
	time_t		 t;
	int		 i, year, month, day;

	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7 ? text[i] != '-' :
		    !isdigit((unsigned char)text[i]))
			return 0;
	}
	if (text[10] != '\0' ||
	    sscanf(text, "%4d-%2d-%2d", &year, &month, &day) != 3)
		return 0;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = day;
	tm.tm_hour = 12;
	t = timegm(&tm);
	return gmtime_r(&t, &tm) != NULL && tm.tm_year == year - 1900 &&
	    tm.tm_mon == month - 1 && tm.tm_mday == day && year >= 2000;
}

static int
loketd_date_compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
loketd_holidays_publish_exec(struct loketd_conf *conf, int argc, char **argv)
{
	json_t	*days;
	int	 i;

	if (argc < 2) {
		loketd_error(_("usage: loketd holidays publish YYYY-MM-DD..."));
		return LOKETD_EXIT_USAGE;
	}
	for (i = 1; i < argc; i++) {
		if (!loketd_date_valid(argv[i])) {
			loketd_error(_("\"%s\" is not a date: write each "
			    "holiday as YYYY-MM-DD, such as 2026-12-25 "
			    "(nothing was published)."), argv[i]);
			return LOKETD_EXIT_USAGE;
		}
	}
	/* In order and once each: the same days are the same change. */
	qsort(argv + 1, (size_t)argc - 1, sizeof *argv, loketd_date_compare);
	days = json_array();
	for (i = 1; i < argc; i++) {
		if (i == 1 || strcmp(argv[i], argv[i - 1]) != 0)
			json_array_append_new(days, json_string(argv[i]));
	}
	return loketd_publish(conf, "holidays", json_pack("{s:o}", "days",
	    days), _("Published the holidays to every office as change "
	    "%ld.\n"), _("The holidays are the same as change %ld: nothing "
	    "was published.\n"));
}

const struct loketd_cmd loketd_holidays_publish_cmd = {
	"holidays publish", "YYYY-MM-DD...", loketd_holidays_publish_exec
};
