/*
 * loketd application update TRACKING --state STATE [--note TEXT] and
 * loketd complaint reply TRACKING --text TEXT: the centre (its back
 * office) changes an application or answers a complaint; the change goes
 * down to the offices with the feed, and the office's kiosk shows it.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/i18n.h"
#include "common/text.h"
#include "loketd/loketd.h"
#include "loketd/store.h"
#include "sync/record.h"

#define LOKETD_NOTE_MAX	500	/* characters of a note or an answer */

/* Is text a tracking number as stored (twelve digits)? */
static int
loketd_tracking_valid(const char *text)
{
	return strlen(text) == STORE_TRACKING_LEN - 1 &&
	    strspn(text, "0123456789") == STORE_TRACKING_LEN - 1;
}

/* Set a record and publish it; the exit status. */
static int
loketd_record_set(struct loketd_conf *conf, const char *kind,
    const char *tracking, const char *state, const char *note)
{
	struct store	*s;
	char		*cause = NULL;
	long		 cursor = 0;
	int		 rc;

	if (text_check_input(note, LOKETD_NOTE_MAX) > TEXT_EMPTY) {
		loketd_error(_("the text must be plain text of at most %d "
		    "characters"), LOKETD_NOTE_MAX);
		return LOKETD_EXIT_USAGE;
	}
	if ((s = loketd_open(conf, 0)) == NULL)
		return LOKETD_EXIT_DATABASE;
	rc = s->engine->record_set(s, kind, tracking, state, note, time(NULL),
	    &cursor, &cause);
	store_close(s);
	if (rc != 0) {
		loketd_error("%s", cause);
		free(cause);
		return rc == STORE_REFUSED ? LOKETD_EXIT_FAIL :
		    LOKETD_EXIT_DATABASE;
	}
	printf(_("The %s %s is now %s; its office gets it with change %ld.\n"),
	    kind, tracking, state, cursor);
	return loketd_close_stdout(LOKETD_EXIT_OK);
}

static int
loketd_application_update_exec(struct loketd_conf *conf, int argc,
    char **argv)
{
	static const struct option options[] = {
		{ "state", required_argument, NULL, 's' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*state = NULL, *note = "";
	int		 c, n;

	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (c == 's')
			state = optarg;
		else if (c == 'n')
			note = optarg;
		else
			return LOKETD_EXIT_USAGE;
	}
	if (optind != argc - 1 || state == NULL) {
		loketd_error(_("usage: loketd application update TRACKING "
		    "--state STATE [--note TEXT]"));
		return LOKETD_EXIT_USAGE;
	}
	if (!loketd_tracking_valid(argv[optind])) {
		loketd_error(_("%s is not a tracking number (twelve digits)"),
		    argv[optind]);
		return LOKETD_EXIT_USAGE;
	}
	if ((n = sync_application_state_parse(state)) < 0) {
		loketd_error(_("\"%s\" is not a state: use received, "
		    "processing, documents-needed, ready, handed-over or "
		    "rejected"), state);
		return LOKETD_EXIT_USAGE;
	}
	if (sync_application_state_needs_note(n) &&
	    text_check_input(note, LOKETD_NOTE_MAX) == TEXT_EMPTY) {
		loketd_error(_("the state %s needs a note (--note): which "
		    "documents, where to pick it up, or why"), state);
		return LOKETD_EXIT_USAGE;
	}
	return loketd_record_set(conf, "application", argv[optind], state,
	    note);
}

const struct loketd_cmd loketd_application_update_cmd = {
	"application update", "TRACKING --state STATE [--note TEXT]",
	loketd_application_update_exec
};

static int
loketd_complaint_reply_exec(struct loketd_conf *conf, int argc, char **argv)
{
	static const struct option options[] = {
		{ "text", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*text = NULL;
	int		 c;

	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (c == 't')
			text = optarg;
		else
			return LOKETD_EXIT_USAGE;
	}
	if (optind != argc - 1 || text == NULL) {
		loketd_error(_("usage: loketd complaint reply TRACKING --text "
		    "TEXT"));
		return LOKETD_EXIT_USAGE;
	}
	if (!loketd_tracking_valid(argv[optind])) {
		loketd_error(_("%s is not a tracking number (twelve digits)"),
		    argv[optind]);
		return LOKETD_EXIT_USAGE;
	}
	if (text_check_input(text, LOKETD_NOTE_MAX) == TEXT_EMPTY) {
		loketd_error(_("the answer is empty"));
		return LOKETD_EXIT_USAGE;
	}
	return loketd_record_set(conf, "complaint", argv[optind], "answered",
	    text);
}

const struct loketd_cmd loketd_complaint_reply_cmd = {
	"complaint reply", "TRACKING --text TEXT", loketd_complaint_reply_exec
};
