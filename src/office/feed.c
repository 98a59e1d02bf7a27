/*
 * The centre's change feed, applied: one function a kind. Each change
 * holds the whole of its kind (the catalog, the list of holidays), so
 * applying the changes in order leaves the office with the latest.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/xmalloc.h"
#include "office/application.h"
#include "office/catalog.h"
#include "office/complaint.h"
#include "office/db.h"
#include "office/feed.h"
#include "office/schedule.h"

/*
 * The catalog: read with the rules of "loket catalog import" and put in
 * place of the office's: 1, 0 if it cannot be read here, DB_FAILED.
 */
static int
feed_catalog(struct db *db, long cursor, const json_t *data, char **cause)
{
	const json_t	*text = json_object_get(data, "text");
	struct catalog	*c;
	FILE		*f;
	char		*wrong = NULL;
	int		 rc;

	if (!json_is_string(text) || (f = fmemopen((void *)json_string_value(
	    text), json_string_length(text), "r")) == NULL) {
		log_warn("change %ld: a catalog without text", cursor);
		return 0;
	}
	c = catalog_file_read(f, "centre", &wrong);
	fclose(f);
	if (c == NULL) {
		log_warn("change %ld: %s", cursor, wrong);
		free(wrong);
		return 0;
	}
	rc = catalog_replace(db, c, cause) != 0 ||
	    feed_catalog_mark(db, cursor, cause) != 0 ? DB_FAILED : 1;
	catalog_free(c);
	return rc;
}

/*
 * The holidays: every day checked as [office] holidays would be, then
 * the list replaced: 1, 0 if it cannot be read here, DB_FAILED.
 */
static int
feed_holidays_change(struct db *db, long cursor, const json_t *data,
    char **cause)
{
	const json_t	*days = json_object_get(data, "days");
	struct schedule	 check;
	const char	**list;
	char		*wrong = NULL;
	size_t		 i, n = json_array_size(days);
	int		 rc = 1;

	if (!json_is_array(days)) {
		log_warn("change %ld: holidays without days", cursor);
		return 0;
	}
	list = xcalloc(n + 1, sizeof *list);
	for (i = 0; rc == 1 && i < n; i++) {
		list[i] = json_string_value(json_array_get(days, i));
		if (list[i] == NULL || strchr(list[i], ',') != NULL ||
		    schedule_parse(&check, "WIB", "", "", list[i],
		    &wrong) != 0) {
			log_warn("change %ld: %s", cursor, wrong != NULL ?
			    wrong : "a holiday is not text");
			free(wrong);
			rc = 0;
		} else
			schedule_free(&check);
	}
	if (rc == 1 && feed_holidays_set(db, list, n, cause) != 0)
		rc = DB_FAILED;
	free(list);
	return rc;
}

/*
 * An application's state set at the centre: applied here when the
 * application is this office's (the centre's change is one more line of
 * its history), nothing to do otherwise: 1, or DB_FAILED.
 */
static int
feed_application(struct db *db, long cursor, const json_t *data,
    char **cause)
{
	const char	*tracking, *state, *note;
	int		 rc;

	tracking = json_string_value(json_object_get(data, "tracking"));
	state = json_string_value(json_object_get(data, "state"));
	note = json_string_value(json_object_get(data, "note"));
	if (tracking == NULL || state == NULL || note == NULL ||
	    !json_is_integer(json_object_get(data, "at"))) {
		log_warn("change %ld: an application without its fields",
		    cursor);
		return 0;
	}
	rc = application_from_centre(db, tracking, state, note,
	    json_integer_value(json_object_get(data, "at")), cause);
	if (rc == DB_REFUSED && *cause != NULL) {
		log_warn("change %ld: %s", cursor, *cause);
		free(*cause);
		*cause = NULL;
		return 0;	/* kept: a state a later Loket may know */
	}
	return rc == DB_FAILED ? DB_FAILED : 1;
}

/* A complaint's answer: kept when the complaint is this office's. */
static int
feed_complaint_answer(struct db *db, long cursor, const json_t *data,
    char **cause)
{
	const char	*tracking, *answer;
	int		 rc;

	tracking = json_string_value(json_object_get(data, "tracking"));
	answer = json_string_value(json_object_get(data, "answer"));
	if (tracking == NULL || answer == NULL ||
	    !json_is_integer(json_object_get(data, "at"))) {
		log_warn("change %ld: an answer without its fields", cursor);
		return 0;
	}
	rc = complaint_answered(db, tracking, answer,
	    json_integer_value(json_object_get(data, "at")), cause);
	if (rc == DB_REFUSED) {
		free(*cause);	/* another office's complaint */
		*cause = NULL;
	}
	return rc == DB_FAILED ? DB_FAILED : 1;
}

/* The kinds this Loket applies; a new kind is one more line. */
static const struct {
	const char	*kind;
	int		(*apply)(struct db *, long, const json_t *, char **);
} feed_kinds[] = {
	{ "catalog", feed_catalog },
	{ "holidays", feed_holidays_change },
	{ "application", feed_application },
	{ "complaint-answer", feed_complaint_answer },
};

int
feed_apply(struct db *db, long cursor, const char *generation,
    const char *kind, const json_t *data, char **cause)
{
	size_t	 i;
	int	 rc = 0;

	for (i = 0; i < sizeof feed_kinds / sizeof feed_kinds[0]; i++) {
		if (strcmp(kind, feed_kinds[i].kind) == 0) {
			rc = feed_kinds[i].apply(db, cursor, data, cause);
			break;
		}
	}
	if (rc == 1)
		log_info("change %ld: %s applied", cursor, kind);
	else if (rc == 0) {
		log_warn("change %ld: kind \"%s\" kept, not applied", cursor,
		    kind);
		rc = feed_keep(db, cursor, generation, kind, data, cause);
	}
	return rc;
}

int
feed_schedule(struct db *db, struct schedule *s, char **cause)
{
	char	*list = NULL;
	int	 rc;

	if (feed_holidays(db, &list, cause) != 0)
		return -1;
	rc = schedule_add_holidays(s, list, cause);
	free(list);
	return rc;
}
