/* loketd: the centre's server and its administration commands. */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ini.h>

#include "common/i18n.h"
#include "common/log.h"
#include "common/xmalloc.h"
#include "loketd/loketd.h"
#include "loketd/store.h"
#include "sync/canonical.h"

#define LOKETD_CONF	SYSCONFDIR "/loket/loketd.conf"
#define LOKETD_DB	"/var/lib/loket/centre.db"

static const struct loketd_cmd *const loketd_cmds[] = {
	&loketd_init_cmd, &loketd_serve_cmd, &loketd_office_add_cmd,
	&loketd_office_list_cmd, &loketd_office_disable_cmd,
	&loketd_report_cmd, &loketd_migrate_cmd, &loketd_generation_cmd,
	&loketd_catalog_publish_cmd, &loketd_holidays_publish_cmd,
	&loketd_events_cmd, &loketd_application_update_cmd,
	&loketd_complaint_reply_cmd, &loketd_backoffice_add_cmd,
	&loketd_backoffice_disable_cmd,
};
#define LOKETD_CMDS (sizeof loketd_cmds / sizeof loketd_cmds[0])

void
loketd_error(const char *fmt, ...)
{
	va_list	 ap;

	fflush(stdout);
	fputs("loketd: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

struct store *
loketd_open(const struct loketd_conf *conf, int mode)
{
	struct store	*s;
	char		*cause = NULL;

	if ((s = store_open(conf->db, mode, &cause)) == NULL) {
		loketd_error("%s", cause);
		free(cause);
	}
	return s;
}

int
loketd_close_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		loketd_error("%s", _("write error on standard output"));
		return LOKETD_EXIT_FAIL;
	}
	return status;
}

/* One line of loketd.conf: [server] listen, database, tls_*, ... */
static int
loketd_conf_line(void *arg, const char *section, const char *key,
    const char *value)
{
	struct loketd_conf	*c = arg;
	char			**field = NULL;

	if (strcmp(section, "server") != 0)
		return 0;
	if (strcmp(key, "listen") == 0)
		field = &c->listen;
	else if (strcmp(key, "database") == 0)
		field = &c->db;
	else if (strcmp(key, "tls_cert") == 0)
		field = &c->tls_cert;
	else if (strcmp(key, "tls_key") == 0)
		field = &c->tls_key;
	else if (strcmp(key, "plain_http") == 0)
		c->plain_http = strcmp(value, "yes") == 0;
	else if (strcmp(key, "threads") == 0)
		c->threads = atoi(value);
	else if (strcmp(key, "store_handles") == 0)
		c->store_handles = atoi(value);
	else if (strcmp(key, "rate_per_minute") == 0)
		c->rate_per_minute = atoi(value);
	else
		return 0;
	if (field != NULL) {
		free(*field);
		*field = xstrdup(value);
	}
	return 1;
}

static void
loketd_conf_clear(struct loketd_conf *c)
{
	free(c->listen);
	free(c->db);
	free(c->tls_cert);
	free(c->tls_key);
	memset(c, 0, sizeof *c);
}

/* Read the configuration file; a named one must exist. -1 on error. */
static int
loketd_conf_read(struct loketd_conf *c, const char *path)
{
	int	 rc;

	if (path == NULL && access(LOKETD_CONF, F_OK) != 0)
		return 0;
	rc = ini_parse(path != NULL ? path : LOKETD_CONF, loketd_conf_line, c);
	if (rc < 0) {
		loketd_error(_("Cannot read %s."), path != NULL ? path :
		    LOKETD_CONF);
		return -1;
	}
	if (rc > 0) {
		loketd_error(_("%s, line %d: not understood."), path != NULL ?
		    path : LOKETD_CONF, rc);
		return -1;
	}
	return 0;
}

static void
loketd_usage(void)
{
	size_t	 i;

	printf(_("Usage: loketd [--db FILE|URL] [--config FILE] COMMAND "
	    "[ARGUMENT]...\n"));
	fputs(_("The centre of Loket: receives what the offices push, "
	    "publishes what they\npull, and reports on the region.\n"), stdout);
	fputs(_("\nCommands:\n"), stdout);
	for (i = 0; i < LOKETD_CMDS; i++)
		printf("  loketd %s %s\n", loketd_cmds[i]->name,
		    loketd_cmds[i]->usage);
	printf(_("\nReport bugs to: %s\n"), PACKAGE_BUGREPORT);
}

/* The command named by argv's first words; *used: how many. */
static const struct loketd_cmd *
loketd_find(int argc, char **argv, int *used)
{
	const char	*name, *space;
	size_t		 i, len;
	int		 n;

	for (i = 0; i < LOKETD_CMDS; i++) {
		name = loketd_cmds[i]->name;
		for (n = 0; n < argc; n++) {
			space = strchr(name, ' ');
			len = space != NULL ? (size_t)(space - name) :
			    strlen(name);
			if (strlen(argv[n]) != len ||
			    strncmp(argv[n], name, len) != 0)
				break;
			if (space == NULL) {
				*used = n + 1;
				return loketd_cmds[i];
			}
			name = space + 1;
		}
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct loketd_conf		 conf = { .rate_per_minute = -1 };
	const struct loketd_cmd		*cmd;
	const char			*config = NULL, *db = NULL;
	char				*cause = NULL;
	int				 c, used, status, verbose = 0;

	i18n_init();
	while ((c = getopt_long(argc, argv, "+hvV", options, NULL)) != -1) {
		switch (c) {
		case 'c':	config = optarg; break;
		case 'd':	db = optarg; break;
		case 'v':	verbose = 1; break;
		case 'h':	loketd_usage(); return loketd_close_stdout(0);
		case 'V':
			printf("loketd (Loket) %s\n", PACKAGE_VERSION);
			return loketd_close_stdout(0);
		default:	return LOKETD_EXIT_USAGE;
		}
	}
	if (log_open(getenv("LOKETD_LOG"), verbose, &cause) != 0) {
		loketd_error("%s", cause);
		return LOKETD_EXIT_FAIL;
	}
	if (sync_init() != 0)
		fatal("libsodium cannot start");
	if (loketd_conf_read(&conf, config) != 0) {
		loketd_conf_clear(&conf);	/* the lines read before */
		return LOKETD_EXIT_USAGE;
	}
	if (db != NULL) {
		free(conf.db);
		conf.db = xstrdup(db);
	}
	if (conf.db == NULL)
		conf.db = xstrdup(LOKETD_DB);
	cmd = loketd_find(argc - optind, argv + optind, &used);
	if (cmd == NULL) {
		loketd_usage();
		loketd_conf_clear(&conf);
		return LOKETD_EXIT_USAGE;
	}
	argc -= optind + used - 1;
	argv += optind + used - 1;
	optind = 0;
	status = cmd->exec(&conf, argc, argv);
	loketd_conf_clear(&conf);
	log_close();
	return status;
}
