/*
 * loketd application update TRACKING --state STATE [--note TEXT] and
 * loketd complaint reply TRACKING --text TEXT: the centre (its back
 * office) changes an application or answers a complaint; the change goes
 * down to the offices with the feed, and the office's kiosk shows it.
 * loketd backoffice add|disable NAME: a back-office system's token for
 * doing the same through the API.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/i18n.h"
#include "loketd/enrol-code.h"
#include "loketd/loketd.h"
#include "loketd/record-rules.h"
#include "loketd/store.h"

/* Check, set a record and publish it; the exit status. */
static int
loketd_record_set(struct loketd_conf *conf, const char *kind,
    const char *tracking, const char *state, const char *note)
{
	struct store	*s;
	char		*cause = NULL;
	long		 cursor = 0;
	int		 rc;

	switch (record_check(kind, tracking, state, note)) {
	case RECORD_OK:
		break;
	case RECORD_BAD_TRACKING:
		loketd_error(_("%s is not a tracking number (twelve digits)"),
		    tracking);
		return LOKETD_EXIT_USAGE;
	case RECORD_BAD_STATE:
		loketd_error(_("\"%s\" is not a state: use received, "
		    "processing, documents-needed, ready, handed-over or "
		    "rejected"), state);
		return LOKETD_EXIT_USAGE;
	case RECORD_NOTE_NEEDED:
		loketd_error(_("the state %s needs a note (--note): which "
		    "documents, where to pick it up, or why"), state);
		return LOKETD_EXIT_USAGE;
	case RECORD_EMPTY_ANSWER:
		loketd_error(_("the answer is empty"));
		return LOKETD_EXIT_USAGE;
	case RECORD_BAD_TEXT:
		loketd_error(_("the text must be plain text of at most %d "
		    "characters"), RECORD_NOTE_MAX);
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
	int		 c;

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
	return loketd_record_set(conf, "complaint", argv[optind], "answered",
	    text);
}

const struct loketd_cmd loketd_complaint_reply_cmd = {
	"complaint reply", "TRACKING --text TEXT", loketd_complaint_reply_exec
};

/* A back office's name: what office codes allow. */
static int
loketd_backoffice_name(const char *name)
{
	size_t	 len = strlen(name);

	return len > 0 && len <= 32 &&
	    strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-") == len;
}

static int
loketd_backoffice_add_exec(struct loketd_conf *conf, int argc, char **argv)
{
	struct store	*s;
	char		 token[ENROL_TOKEN_HEX], hash[SYNC_HASH_HEX];
	char		*cause = NULL;
	int		 rc;

	if (argc != 2 || !loketd_backoffice_name(argv[1])) {
		loketd_error(_("usage: loketd backoffice add NAME (1 to 32 of "
		    "a-z, 0-9 and -)"));
		return LOKETD_EXIT_USAGE;
	}
	if ((s = loketd_open(conf, 0)) == NULL)
		return LOKETD_EXIT_DATABASE;
	enrol_token_new(token, hash);
	rc = s->engine->backoffice_add(s, argv[1], hash, time(NULL), &cause);
	store_close(s);
	if (rc != 0) {
		loketd_error("%s", cause);
		free(cause);
		return LOKETD_EXIT_DATABASE;
	}
	/* Shown once: only its hash is kept. */
	printf("%s\n", token);
	return loketd_close_stdout(LOKETD_EXIT_OK);
}

const struct loketd_cmd loketd_backoffice_add_cmd = {
	"backoffice add", "NAME", loketd_backoffice_add_exec
};

static int
loketd_backoffice_disable_exec(struct loketd_conf *conf, int argc,
    char **argv)
{
	struct store	*s;
	char		*cause = NULL;
	int		 rc;

	if (argc != 2) {
		loketd_error(_("usage: loketd backoffice disable NAME"));
		return LOKETD_EXIT_USAGE;
	}
	if ((s = loketd_open(conf, 0)) == NULL)
		return LOKETD_EXIT_DATABASE;
	rc = s->engine->backoffice_disable(s, argv[1], &cause);
	store_close(s);
	if (rc != 0) {
		loketd_error("%s", cause);
		free(cause);
		return rc == STORE_REFUSED ? LOKETD_EXIT_FAIL :
		    LOKETD_EXIT_DATABASE;
	}
	return loketd_close_stdout(LOKETD_EXIT_OK);
}

const struct loketd_cmd loketd_backoffice_disable_cmd = {
	"backoffice disable", "NAME", loketd_backoffice_disable_exec
};
