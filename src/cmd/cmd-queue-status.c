/* loket queue status [--json]: who waits for which service today. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cmd/cmd-queue.h"
#include "cmd/cmd.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/db.h"

static int
cmd_queue_status_exec(const struct config *config, int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct queue_service_status	*s;
	struct queue_rules		 rules;
	struct db			*db;
	json_t				*list, *o;
	char				*cause = NULL, *name, day[11];
	size_t				 n, i;
	int				 c, json = 0, status = EXIT_OK;
	time_t				 now = time(NULL);

	optind = 0;
	while ((c = cmd_getopt(argc + 1, argv - 1, "", options)) != -1) {
		if (c != 'j')
			return EXIT_USAGE;
		json = 1;
	}
	if (optind != argc + 1) {
		cmd_error(_("usage: loket queue status [--json]"));
		return EXIT_USAGE;
	}
	if (cmd_queue_rules(config, &rules) != 0)
		return EXIT_USAGE;
	if ((db = cmd_open_db(config, 0)) == NULL) {
		queue_rules_free(&rules);
		return EXIT_DATABASE;
	}
	if (queue_status(db, &rules, now, &s, &n, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		status = EXIT_DATABASE;
		goto out;
	}
	queue_day(&rules, now, day);
	if (json) {
		list = json_array();
		for (i = 0; i < n; i++) {
			o = json_pack("{s:s, s:s, s:i, s:i}", "service",
			    s[i].code, "letter", (char[]){ s[i].letter, 0 },
			    "waiting", s[i].waiting, "served", s[i].served);
			json_object_set_new(o, "longest_wait", s[i].oldest ?
			    json_integer(now - s[i].oldest) : json_null());
			json_array_append_new(list, o);
		}
		cmd_queue_print_json(json_pack("{s:s, s:o}", "day", day,
		    "services", list));
	} else {
		printf(_("Queue on %s\n"), day);
		for (i = 0; i < n; i++) {
			name = text_sanitize(s[i].name, i18n_utf8());
			printf(_("  %c  %-40.40s waiting %3d  served %3d\n"),
			    s[i].letter, name, s[i].waiting, s[i].served);
			free(name);
		}
	}
	queue_status_free(s, n);
out:
	db_close(db);
	queue_rules_free(&rules);
	return cmd_close_stdout(status);
}

const struct cmd_entry cmd_queue_status_entry = {
	"queue status", "[--json]", 0, -1, cmd_queue_status_exec
};
