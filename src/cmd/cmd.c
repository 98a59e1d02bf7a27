/* The subcommand table and what every subcommand shares. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/db.h"

static const struct cmd_entry *const cmd_table[] = {
	&cmd_init_entry,
	&cmd_desk_entry,
	&cmd_catalog_import_entry,
	&cmd_catalog_export_entry,
	&cmd_catalog_show_entry,
	&cmd_ticket_take_entry,
	&cmd_ticket_call_entry,
	&cmd_ticket_finish_entry,
	&cmd_ticket_recall_entry,
	&cmd_ticket_serve_entry,
	&cmd_ticket_noshow_entry,
	&cmd_ticket_park_entry,
	&cmd_ticket_resume_entry,
	&cmd_ticket_transfer_entry,
	&cmd_queue_status_entry,
	&cmd_board_entry,
	&cmd_say_entry,
	&cmd_report_entry,
	&cmd_booking_slots_entry,
	&cmd_booking_make_entry,
	&cmd_booking_checkin_entry,
	&cmd_user_add_entry,
	&cmd_user_passwd_entry,
	&cmd_user_disable_entry,
	&cmd_user_list_entry,
	&cmd_sync_enrol_entry,	/* before "sync", which would match first */
	&cmd_sync_status_entry,
	&cmd_sync_entry,
	&cmd_application_add_entry,
	&cmd_application_status_entry,
	&cmd_application_update_entry,
	&cmd_application_list_entry,
	&cmd_complaint_add_entry,
	&cmd_complaint_status_entry,
	&cmd_notify_status_entry,	/* before "notify" */
	&cmd_notify_entry,
};
#define CMD_COUNT (sizeof cmd_table / sizeof cmd_table[0])

/* How many words of argv match a command name, or 0. */
static int
cmd_match(const char *name, int argc, char **argv)
{
	char	*copy, *word, *save;
	int	 used = 0, ok = 1;

	copy = xstrdup(name);
	for (word = strtok_r(copy, " ", &save); word != NULL && ok;
	    word = strtok_r(NULL, " ", &save)) {
		ok = used < argc && strcmp(argv[used], word) == 0;
		used++;
	}
	free(copy);
	return ok ? used : 0;
}

const struct cmd_entry *
cmd_find(int argc, char **argv, int *used)
{
	size_t	 i;
	int	 n;

	for (i = 0; i < CMD_COUNT; i++) {
		if ((n = cmd_match(cmd_table[i]->name, argc, argv)) > 0) {
			*used = n;
			return cmd_table[i];
		}
	}
	return NULL;
}

int
cmd_run(const struct cmd_entry *cmd, const struct config *config, int argc,
    char **argv)
{
	if (argc < cmd->min_args ||
	    (cmd->max_args >= 0 && argc > cmd->max_args)) {
		cmd_error(_("usage: loket %s %s"), cmd->name, cmd->usage);
		return EXIT_USAGE;
	}
	return cmd->exec(config, argc, argv);
}

void
cmd_print_usage(void)
{
	size_t	 i;

	for (i = 0; i < CMD_COUNT; i++)
		printf("  loket [OPTION]... %s %s\n", cmd_table[i]->name,
		    cmd_table[i]->usage);
}

/* The long name of the option whose value is val, or NULL. */
static const char *
cmd_option_name(const struct option *options, int val)
{
	for (; options->name != NULL; options++) {
		if (options->flag == NULL && options->val == val)
			return options->name;
	}
	return NULL;
}

int
cmd_getopt(int argc, char **argv, const char *shortopts,
    const struct option *options)
{
	const char	*arg, *name;
	char		*spec;
	int		 c, plus = shortopts[0] == '+';

	/* ':' after any '+': a missing value is told apart, and nothing
	 * is printed by getopt itself, whose prefix is argv[0]. */
	spec = xasprintf("%s:%s", plus ? "+" : "", shortopts + plus);
	opterr = 0;
	c = getopt_long(argc, argv, spec, options, NULL);
	free(spec);
	if (c != '?' && c != ':')
		return c;
	arg = optind >= 1 && optind <= argc ? argv[optind - 1] : "";
	if (c == ':' && (name = cmd_option_name(options, optopt)) != NULL)
		cmd_error(_("the option --%s needs a value"), name);
	else if (c == ':')
		cmd_error(_("the option -%c needs a value"), optopt);
	else if (strncmp(arg, "--", 2) == 0)
		cmd_error(_("invalid option \"%s\""), arg);
	else
		cmd_error(_("invalid option \"-%c\""), optopt);
	return '?';
}

/*
 * The message passes through the kiosk's filter line by line: what it
 * quotes (an argument, a file's text) cannot reach the terminal raw.
 */
void
cmd_error(const char *fmt, ...)
{
	va_list	 ap;
	char	*message, *line, *next, *safe, *all, *more;

	fflush(stdout);
	va_start(ap, fmt);
	message = xvasprintf(fmt, ap);
	va_end(ap);
	all = xstrdup("loket: ");
	for (line = message; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		safe = text_sanitize(line, i18n_utf8());
		more = xasprintf("%s%s\n", all, safe);
		free(safe);
		free(all);
		all = more;
	}
	/* One write: a terminal (or a tmux pane) gets the message whole. */
	fputs(all, stderr);
	free(all);
	free(message);
}

struct db *
cmd_open_db(const struct config *config, int mode)
{
	struct db	*db;
	char		*path, *cause = NULL;

	path = config->db_path != NULL ? xstrdup(config->db_path) :
	    config_default_db_path("loket.db");
	db = db_open(path, mode, config->busy_timeout_ms, &cause);
	free(path);
	if (db == NULL) {
		cmd_error("%s", cause);
		free(cause);
	}
	return db;
}

int
cmd_close_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cmd_error(_("write error on standard output: %s"),
		    strerror(errno));
		return EXIT_FAIL;
	}
	return status;
}

int
cmd_close_stdout_done(int status, int done)
{
	int	 closed = cmd_close_stdout(EXIT_OK);

	if (closed == EXIT_OK || !done)
		return closed == EXIT_OK ? status : closed;
	cmd_error(_("the action was done, but its output was lost"));
	return EXIT_OUTPUT_LOST;
}

int
cmd_failure_status(int rc)
{
	return rc == DB_FAILED ? EXIT_DATABASE : EXIT_FAIL;
}
