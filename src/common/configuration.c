/*
 * Configuration from INI files (read with inih), environment and flags.
 * The keys, their types and checks come from a schema given by the
 * program: this file knows no section of its own.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ini.h>

#include "common/configuration.h"
#include "common/i18n.h"
#include "common/text.h"
#include "common/xmalloc.h"

/* inih's longest line, and the largest file worth reading. */
#define CONFIG_LINE_MAX		200
#define CONFIG_FILE_MAX		(1024 * 1024)

struct config_reader {
	struct config	*config;
	const char	*path;
	char		*cause;
	FILE		*file;
	int		 line;		/* lines handed to inih so far */
	char		*refused;	/* why the reader stopped, or NULL */
	int		 refused_line;
};

void
config_init(struct config *c, const struct config_schema *schema)
{
	memset(c, 0, sizeof *c);
	c->schema = schema;
	c->lang = LANG_ID;
	c->busy_timeout_ms = 5000;
	if (schema->defaults != NULL)
		schema->defaults(c);
}

void
config_free(struct config *c)
{
	free(c->db_path);
	free(c->log_path);
	free(c->exit_secret);
	free(c->timezone);
	free(c->hours);
	free(c->breaks);
	free(c->holidays);
	free(c->speech_command);
	free(c->speech_directory);
	free(c->printer_device);
	free(c->printer_command);
	free(c->sync_ca_file);
	free(c->notify_url);
	free(c->notify_body);
	free(c->notify_content_type);
	free(c->notify_auth_header);
	free(c->notify_command);
	free(c->notify_gammu_inject);
	free(c->notify_gammu_config);
	memset(c, 0, sizeof *c);
}

/* "idle_timeout, idle_warning, ..." for one section; all sections for NULL. */
static char *
config_known_keys(const struct config_schema *schema, const char *section)
{
	const struct config_key	*k;
	char			*list = NULL, *joined;
	size_t			 i;

	for (i = 0; i < schema->nkeys; i++) {
		k = &schema->keys[i];
		if (section != NULL && strcmp(k->section, section) != 0)
			continue;
		if (section == NULL && i > 0 &&
		    strcmp(schema->keys[i - 1].section, k->section) == 0)
			continue;	/* each section once: the table groups them */
		if (list == NULL)
			list = xstrdup(section != NULL ? k->key : k->section);
		else {
			/* TRANSLATORS: joins the items of a list of names. */
			joined = xasprintf(_("%s, %s"), list,
			    section != NULL ? k->key : k->section);
			free(list);
			list = joined;
		}
	}
	return list;
}

/* The index of value among the choices, or -1. */
static int
config_choice(const char *const *choices, const char *value)
{
	int	 i;

	for (i = 0; choices[i] != NULL; i++) {
		if (strcmp(choices[i], value) == 0)
			return i;
	}
	return -1;
}

/* "a|b|c", owned, for a message. */
static char *
config_choices_text(const char *const *choices)
{
	char	*list = xstrdup(choices[0]), *joined;
	int	 i;

	for (i = 1; choices[i] != NULL; i++) {
		joined = xasprintf("%s|%s", list, choices[i]);
		free(list);
		list = joined;
	}
	return list;
}

static int
config_set_value(struct config *c, const struct config_key *k,
    const char *value, char **cause)
{
	void	*field = (char *)c + k->offset;
	char	*end, *list;
	long	 number;

	switch (k->type) {
	case CONFIG_LANG:
		if (i18n_parse(value, field) != 0) {
			*cause = xasprintf(_("\"%s\" must be id or en, not "
			    "\"%s\""), k->key, value);
			return -1;
		}
		return 0;
	case CONFIG_NUMBER:
		errno = 0;
		number = strtol(value, &end, 10);
		if (*value == '\0' || *end != '\0' || errno != 0 ||
		    number < k->min || number > k->max) {
			*cause = xasprintf(_("\"%s\" must be a whole number "
			    "from %d to %d, not \"%s\""), k->key, k->min,
			    k->max, value);
			return -1;
		}
		*(int *)field = (int)number;
		return 0;
	case CONFIG_BOOLEAN:
		if (strcmp(value, "yes") == 0 || strcmp(value, "true") == 0)
			*(int *)field = 1;
		else if (strcmp(value, "no") == 0 ||
		    strcmp(value, "false") == 0)
			*(int *)field = 0;
		else {
			*cause = xasprintf(_("\"%s\" must be yes or no, not "
			    "\"%s\""), k->key, value);
			return -1;
		}
		return 0;
	case CONFIG_SECRET:
		/* Letters and digits only: * and # are keys of their own. */
		if (strlen(value) < (size_t)k->min ||
		    strlen(value) > (size_t)k->max ||
		    strspn(value, "0123456789abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != strlen(value)) {
			*cause = xasprintf(_("\"%s\" must be %d to %d letters "
			    "or digits"), k->key, k->min, k->max);
			return -1;
		}
		break;
	case CONFIG_CHECKED:
		if (k->check(k->key, value, cause) != 0)
			return -1;
		break;
	case CONFIG_CHOICE:
		if ((number = config_choice(k->choices, value)) < 0) {
			list = config_choices_text(k->choices);
			*cause = xasprintf(_("\"%s\" must be one of %s, not "
			    "\"%s\""), k->key, list, value);
			free(list);
			return -1;
		}
		*(int *)field = (int)number;
		return 0;
	case CONFIG_PATH:
	case CONFIG_STRING:
		if (text_check_input(value, PATH_MAX) != TEXT_OK) {
			*cause = xasprintf(_("\"%s\" must not be empty or hold "
			    "control characters"), k->key);
			return -1;
		}
		break;
	}
	free(*(char **)field);
	*(char **)field = xstrdup(value);
	return 0;
}

int
config_set(struct config *c, const char *section, const char *key,
    const char *value, char **cause)
{
	const struct config_schema	*schema = c->schema;
	size_t				 i;
	int				 known_section = 0;
	char				*list;

	for (i = 0; i < schema->nkeys; i++) {
		if (strcmp(schema->keys[i].section, section) != 0)
			continue;
		known_section = 1;
		if (strcmp(schema->keys[i].key, key) == 0)
			return config_set_value(c, &schema->keys[i], value,
			    cause);
	}
	if (!known_section) {
		list = config_known_keys(schema, NULL);
		*cause = xasprintf(_("unknown section [%s]; known sections: "
		    "%s"), section, list);
		free(list);
		return -1;
	}
	list = config_known_keys(schema, section);
	*cause = xasprintf(_("unknown key \"%s\" in [%s]; known keys: %s"),
	    key, section, list);
	free(list);
	return -1;
}

static int
config_ini_handler(void *user, const char *section, const char *key,
    const char *value)
{
	struct config_reader	*r = user;
	char			*cause = NULL;

	if (r->cause != NULL)
		return 1;
	if (config_set(r->config, section, key, value, &cause) != 0) {
		r->cause = cause;
		return 0;
	}
	return 1;
}

/*
 * inih's reader: one line, as fgets gives it, but a NUL byte or a line
 * longer than inih takes stops the file instead of cutting the value.
 */
static char *
config_reader_line(char *buf, int size, void *stream)
{
	struct config_reader	*r = stream;
	int			 c, n = 0;

	if (r->refused != NULL)
		return NULL;
	while (n < size - 1 && (c = getc(r->file)) != EOF) {
		if (c == '\0') {
			r->refused = xstrdup(_("the line holds a NUL byte"));
			r->refused_line = r->line + 1;
			return NULL;
		}
		buf[n++] = (char)c;
		if (c == '\n')
			break;
	}
	buf[n] = '\0';
	if (n == 0)
		return NULL;
	r->line++;
	if (buf[n - 1] != '\n' && n == size - 1 &&
	    (c = getc(r->file)) != EOF) {
		if (c != '\n') {
			r->refused = xasprintf(_("the line is longer than %d "
			    "bytes"), CONFIG_LINE_MAX - 2);
			r->refused_line = r->line;
			return NULL;
		}
	}
	return buf;
}

/* Refuse what is not a regular file, or is too big to be a configuration. */
static int
config_check_file(FILE *f, const char *path, char **cause)
{
	struct stat	 sb;

	if (fstat(fileno(f), &sb) == -1) {
		*cause = xasprintf(_("cannot read %s: %s"), path,
		    strerror(errno));
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		*cause = xasprintf(_("cannot read %s: it is not a regular "
		    "file"), path);
		return -1;
	}
	if (sb.st_size > CONFIG_FILE_MAX) {
		*cause = xasprintf(_("cannot read %s: a configuration file is "
		    "at most %d KiB"), path, CONFIG_FILE_MAX / 1024);
		return -1;
	}
	return 0;
}

int
config_read_file(struct config *c, const char *path, int required,
    char **cause)
{
	struct config_reader	 r;
	FILE			*f;
	int			 line;

	if ((f = fopen(path, "r")) == NULL) {
		if (errno == ENOENT && !required)
			return 0;
		*cause = xasprintf(_("cannot read %s: %s"), path,
		    strerror(errno));
		return -1;
	}
	if (config_check_file(f, path, cause) != 0) {
		fclose(f);
		return -1;
	}
	memset(&r, 0, sizeof r);
	r.config = c;
	r.path = path;
	r.file = f;
	line = ini_parse_stream(config_reader_line, &r, config_ini_handler,
	    &r);
	if (line == 0 && r.refused == NULL && ferror(f))
		line = -1;
	fclose(f);
	if (r.refused != NULL) {
		*cause = xasprintf("%s:%d: %s", path, r.refused_line,
		    r.refused);
		free(r.refused);
		free(r.cause);
		return -1;
	}
	if (line == 0)
		return 0;
	if (r.cause != NULL) {
		*cause = xasprintf("%s:%d: %s", path, line, r.cause);
		free(r.cause);
	} else if (line > 0) {
		*cause = xasprintf(_("%s:%d: expected \"key = value\" or a "
		    "[section] header (lines are at most 200 bytes)"), path,
		    line);
	} else
		*cause = xasprintf(_("cannot read %s"), path);
	return -1;
}

/* The user's home: HOME, or the password file's entry; NULL if none. */
static const char *
configuration_home(void)
{
	const char	*home = getenv("HOME");
	struct passwd	*pw;

	if (home != NULL && *home == '/')
		return home;
	if ((pw = getpwuid(getuid())) != NULL && pw->pw_dir != NULL &&
	    *pw->pw_dir == '/')
		return pw->pw_dir;
	return NULL;
}

const char *
config_system_path(void)
{
	return SYSCONFDIR "/loket/loket.conf";
}

int
config_read_files(struct config *c, const char *only, char **cause)
{
	const char	*home, *xdg;
	char		*path;
	int		 rc;

	if (only != NULL)
		return config_read_file(c, only, 1, cause);
	if (config_read_file(c, config_system_path(), 0, cause) != 0)
		return -1;
	xdg = getenv("XDG_CONFIG_HOME");
	home = configuration_home();
	if (xdg != NULL && *xdg == '/')
		path = xasprintf("%s/loket/loket.conf", xdg);
	else if (home != NULL)
		path = xasprintf("%s/.config/loket/loket.conf", home);
	else
		return 0;
	rc = config_read_file(c, path, 0, cause);
	free(path);
	return rc;
}

int
config_read_env(struct config *c, char **cause)
{
	static const struct {
		const char	*name;
		const char	*section;
		const char	*key;
	} vars[] = {
		{ "LOKET_DB", "general", "database" },
		{ "LOKET_LANG", "general", "language" },
		{ "LOKET_LOG", "general", "log" },
	};
	const char	*value;
	char		*reason;
	size_t		 i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		value = getenv(vars[i].name);
		if (value == NULL || *value == '\0')
			continue;
		if (config_set(c, vars[i].section, vars[i].key, value,
		    &reason) != 0) {
			*cause = xasprintf("%s: %s", vars[i].name, reason);
			free(reason);
			return -1;
		}
	}
	return 0;
}

char *
config_default_db_path(const char *name)
{
	const char	*xdg, *home;

	xdg = getenv("XDG_DATA_HOME");
	if (xdg != NULL && *xdg == '/')
		return xasprintf("%s/loket/%s", xdg, name);
	if ((home = configuration_home()) == NULL)
		return xasprintf("/var/lib/loket/%s", name);
	return xasprintf("%s/.local/share/loket/%s", home, name);
}
