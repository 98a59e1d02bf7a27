/* loket: options, configuration, and which front-end or command to run. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/config-keys.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "common/log.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/booking.h"
#include "office/catalog.h"
#include "office/db.h"
#include "office/feed.h"
#include "office/queue.h"
#include "ui/dialog.h"
#include "ui/frontend.h"

struct options {
	const char	*config_file;
	const char	*db_path;
	const char	*lang;
	const char	*log_path;
	int		 verbose;
	int		 line;
	int		 kiosk;
	int		 demo;
};

enum {
	OPTION_DB = 256,
	OPTION_CONFIG,
	OPTION_LANG,
	OPTION_LOG,
	OPTION_LINE,
	OPTION_KIOSK,
	OPTION_DEMO
};

static const struct option long_options[] = {
	{ "config", required_argument, NULL, OPTION_CONFIG },
	{ "db", required_argument, NULL, OPTION_DB },
	{ "demo", no_argument, NULL, OPTION_DEMO },
	{ "help", no_argument, NULL, 'h' },
	{ "kiosk", no_argument, NULL, OPTION_KIOSK },
	{ "lang", required_argument, NULL, OPTION_LANG },
	{ "line", no_argument, NULL, OPTION_LINE },
	{ "log", required_argument, NULL, OPTION_LOG },
	{ "verbose", no_argument, NULL, 'v' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* Follow a language named early (--lang, LOKET_LANG) for --help. */
static void
i18n_set_from(const char *code)
{
	enum lang	 lang;

	if (code != NULL && i18n_parse(code, &lang) == 0)
		i18n_set(lang);
}

static void
usage(void)
{
	printf(_("Usage: loket [OPTION]...\n"
	    "  or:  loket [OPTION]... COMMAND [ARGUMENT]...\n"));
	fputs(_("A public-service kiosk for the terminal: queue numbers, "
	    "service information\nand more, in Bahasa Indonesia and "
	    "English.\n"), stdout);
	fputs("\n", stdout);
	fputs(_("Without a command, loket runs the citizen kiosk.\n"), stdout);
	fputs("\n", stdout);
	fputs(_("  --db=FILE        use this database file\n"
	    "  --config=FILE    read only this configuration file\n"
	    "  --lang=LANG      start in this language: id or en\n"
	    "  --line           use the plain line mode (screen readers, "
	    "scripts)\n"
	    "  --kiosk          lock the kiosk: leaving needs the exit code\n"
	    "  --demo           run on a demonstration database\n"
	    "  --log=FILE       write the log to FILE instead of syslog\n"
	    "  -v, --verbose    add debug detail to the log\n"
	    "  -h, --help       display this help and exit\n"
	    "  -V, --version    output version information and exit\n"),
	    stdout);
	fputs("\n", stdout);
	fputs(_("Commands:\n"), stdout);
	cmd_print_usage();
	fputs("\n", stdout);
	fputs(_("Keys: 1-9 choose, 0 goes back, * repeats, # opens help and "
	    "settings.\n"), stdout);
	fputs("\n", stdout);
	printf(_("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}

static void
version(void)
{
	printf("loket (Loket) %s\n", PACKAGE_VERSION);
	fputs(_("Copyright (C) 2026 The Loket developers.\n"
	    "License GPLv3+: GNU GPL version 3 or later "
	    "<https://gnu.org/licenses/gpl.html>\n"
	    "This is free software: you are free to change and redistribute "
	    "it.\nThere is NO WARRANTY, to the extent permitted by law.\n"),
	    stdout);
}

static int
parse_options(int argc, char **argv, struct options *o)
{
	int	 c;

	memset(o, 0, sizeof *o);
	/* "+": stop at the first non-option, the command. */
	while ((c = cmd_getopt(argc, argv, "+hvV", long_options)) != -1) {
		switch (c) {
		case OPTION_CONFIG:
			o->config_file = optarg;
			break;
		case OPTION_DB:
			o->db_path = optarg;
			break;
		case OPTION_DEMO:
			o->demo = 1;
			break;
		case OPTION_KIOSK:
			o->kiosk = 1;
			break;
		case OPTION_LANG:
			o->lang = optarg;
			i18n_set_from(optarg);
			break;
		case OPTION_LINE:
			o->line = 1;
			break;
		case OPTION_LOG:
			o->log_path = optarg;
			break;
		case 'v':
			o->verbose = 1;
			break;
		case 'h':
			usage();
			exit(cmd_close_stdout(EXIT_OK));
		case 'V':
			version();
			exit(cmd_close_stdout(EXIT_OK));
		default:
			fprintf(stderr, _("Try 'loket --help' for more "
			    "information.\n"));
			return -1;
		}
	}
	return 0;
}

/* Files, then environment, then flags; an error names what is wrong. */
static int
configure(struct config *config, const struct options *o)
{
	char	*cause = NULL;

	config_init(config, &config_keys_loket);
	if (config_read_files(config, o->config_file, &cause) != 0 ||
	    config_read_env(config, &cause) != 0 ||
	    (o->lang != NULL && config_set(config, "general", "language",
	    o->lang, &cause) != 0) ||
	    (o->db_path != NULL && config_set(config, "general", "database",
	    o->db_path, &cause) != 0) ||
	    (o->log_path != NULL && config_set(config, "general", "log",
	    o->log_path, &cause) != 0)) {
		cmd_error("%s", cause);
		free(cause);
		config_free(config);	/* what the files set before */
		return -1;
	}
	config->verbose = o->verbose;
	config->line_mode = o->line;
	if (o->kiosk)
		config->locked = 1;
	i18n_set(config->lang);
	return 0;
}

/* Find a file shipped in data/: in LOKET_DATADIR (the tests' source
 * tree), else installed; never in the tree Loket was built from. */
static char *
find_data_file(const char *name)
{
	const char	*dirs[2];
	struct stat	 sb;
	char		*path;
	size_t		 i;

	dirs[0] = getenv("LOKET_DATADIR");
	dirs[1] = PKGDATADIR;
	for (i = 0; i < 2; i++) {
		if (dirs[i] == NULL || *dirs[i] == '\0')
			continue;
		path = xasprintf("%s/%s", dirs[i], name);
		if (stat(path, &sb) == 0)
			return path;
		free(path);
	}
	return NULL;
}

/* --demo: a database of its own, filled with the demo catalog. */
static struct db *
open_demo(struct config *config)
{
	struct catalog	*catalog;
	struct db	*db;
	FILE		*f;
	char		*path, *cause = NULL;

	if ((path = find_data_file("demo-catalog.txt")) == NULL) {
		cmd_error(_("cannot find the demo catalog demo-catalog.txt; "
		    "set LOKET_DATADIR to the directory holding it"));
		return NULL;
	}
	if ((f = fopen(path, "r")) == NULL) {
		cmd_error(_("cannot read %s: %s"), path, strerror(errno));
		free(path);
		return NULL;
	}
	catalog = catalog_file_read(f, path, &cause);
	fclose(f);
	free(path);
	if (catalog == NULL) {
		cmd_error("%s", cause);
		free(cause);
		return NULL;
	}
	/* Never the office's database: the import replaces its catalog. */
	free(config->db_path);
	config->db_path = config_default_db_path("demo.db");
	if ((db = cmd_open_db(config, 1)) != NULL &&
	    catalog_import(db, catalog, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		db_close(db);
		db = NULL;
	}
	catalog_free(catalog);
	return db;
}

/* The citizen kiosk, in curses or in line mode. */
static int
run_kiosk(struct config *config, const struct options *o)
{
	struct booking_rules	 booking;
	struct queue_rules	 rules;
	struct dialog		*dialog;
	struct db		*db;
	char			*cause = NULL;
	int			 status;

	if (frontend_check(config, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_USAGE;
	}
	if (queue_rules_init(&rules, config, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_USAGE;
	}
	if (booking_rules_init(&booking, config, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		queue_rules_free(&rules);
		return EXIT_USAGE;
	}
	db = o->demo ? open_demo(config) : cmd_open_db(config,
	    DB_OPEN_FIRST_START);
	if (db == NULL) {
		queue_rules_free(&rules);
		booking_rules_free(&booking);
		return EXIT_DATABASE;
	}
	/* The centre's holidays leave the slots (bookings check them too). */
	if (feed_schedule(db, &booking.schedule, &cause) != 0) {
		log_warn("%s", cause);
		free(cause);
	}
	dialog = dialog_new(db, config, &rules);
	dialog_set_booking(dialog, &booking);
	status = frontend_run(dialog, config);
	dialog_free(dialog);
	db_close(db);
	queue_rules_free(&rules);
	booking_rules_free(&booking);
	return status;
}

int
main(int argc, char **argv)
{
	const struct cmd_entry	*cmd;
	struct options		 o;
	struct config		 config;
	char			*cause = NULL;
	int			 used, status;

	/* A closed pipe is an error to report, not a reason to die. */
	signal(SIGPIPE, SIG_IGN);
	i18n_init();
	i18n_set_from(getenv("LOKET_LANG"));
	if (parse_options(argc, argv, &o) != 0)
		return EXIT_USAGE;
	if (o.demo && o.db_path != NULL) {
		cmd_error(_("--demo uses a database of its own under "
		    "XDG_DATA_HOME; it cannot be combined with --db"));
		return EXIT_USAGE;
	}
	if (configure(&config, &o) != 0)
		return EXIT_USAGE;
	if (log_open(config.log_path, config.verbose, &cause) != 0) {
		cmd_error(_("cannot open the log: %s"), cause);
		free(cause);
		config_free(&config);
		return EXIT_USAGE;
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		status = run_kiosk(&config, &o);
	else if ((cmd = cmd_find(argc, argv, &used)) == NULL) {
		cause = text_sanitize(argv[0], i18n_utf8());
		cmd_error(_("unknown command \"%s\"; see 'loket --help'"),
		    cause);
		free(cause);
		status = EXIT_USAGE;
	} else
		status = cmd_run(cmd, &config, argc - used, argv + used);
	log_close();
	config_free(&config);
	return status;
}
