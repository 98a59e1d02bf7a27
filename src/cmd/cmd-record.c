/* What the record commands share (see cmd-record.h). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd-queue.h"
#include "cmd/cmd-record.h"
#include "cmd/cmd.h"
#include "common/check-digit.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "office/db.h"

int
cmd_record_open(const struct config *config, struct cmd_record *c)
{
	if (cmd_queue_rules(config, &c->rules) != 0)
		return EXIT_USAGE;
	if ((c->db = cmd_open_db(config, 0)) == NULL) {
		queue_rules_free(&c->rules);
		return EXIT_DATABASE;
	}
	cmd_queue_actor(&c->who, 0);
	return 0;
}

void
cmd_record_close(struct cmd_record *c)
{
	db_close(c->db);
	queue_rules_free(&c->rules);
}

int
cmd_tracking(const char *typed, char *out)
{
	switch (tracking_parse(typed, out)) {
	case 0:
		return 0;
	case CHECK_DIGIT_WRONG:
		cmd_error(_("The number %s is not valid: a digit is wrong or "
		    "two are swapped. Check it again."), typed);
		break;
	default:
		cmd_error(_("A tracking number has 12 digits, such as "
		    "3141-5926-5351."));
		break;
	}
	return EXIT_FAIL;
}

int
cmd_record_status_args(int argc, char **argv, const char *usage,
    const char **typed, char tracking[TRACKING_LENGTH + 1], int *json)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch;

	*json = 0;
	optind = 0;
	while ((ch = getopt_long(argc + 1, argv - 1, "", options, NULL)) !=
	    -1) {
		if (ch != 'j')
			return EXIT_USAGE;
		*json = 1;
	}
	if (optind != argc) {
		cmd_error("%s", usage);
		return EXIT_USAGE;
	}
	*typed = argv[optind - 1];
	return cmd_tracking(*typed, tracking);
}

int
cmd_record_find(struct db *db, const struct cmd_record_type *type,
    const char *tracking, const char *typed, enum lang lang, void *record)
{
	char	*cause = NULL;
	int	 rc;

	if ((rc = type->find(db, tracking, lang, record, &cause)) == 1)
		return 0;
	if (rc == 0)
		cmd_error(_(type->missing), typed);
	else
		cmd_error("%s", cause);
	free(cause);
	return rc == 0 ? EXIT_FAIL : EXIT_DATABASE;
}

void
cmd_record_show(const struct cmd_record *c,
    const struct cmd_record_type *type, int json, const void *record)
{
	if (json)
		cmd_queue_print_json(type->json(c, record));
	else
		type->print(c, record);
}

int
cmd_record_failed(struct cmd_record *c, int rc, char *cause)
{
	cmd_error("%s", cause);
	free(cause);
	cmd_record_close(c);
	return cmd_failure_status(rc);
}

int
cmd_record_written(const struct cmd_record *c,
    const struct cmd_record_type *type, int json, const char *tracking,
    enum lang lang, void *record)
{
	char	 copy[TRACKING_LENGTH + 1], *cause = NULL;
	int	 found;

	if (json) {
		cmd_queue_print_json(type->json(c, record));
		return 0;
	}
	snprintf(copy, sizeof copy, "%s", tracking);
	type->clear(record);
	if ((found = type->find(c->db, copy, lang, record, &cause) == 1))
		type->print(c, record);
	free(cause);
	return found;
}
