/* loketd office add, list and disable: the offices of the region. */
#include "config.h"

#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "common/i18n.h"
#include "common/text.h"
#include "loketd/enrol-code.h"
#include "loketd/loketd.h"
#include "loketd/store.h"

/* An office code: 1 to 32 letters, digits, '-' or '_'. */
static int
loketd_office_code_valid(const char *code)
{
	size_t	 i, len = strlen(code);

	if (len == 0 || len > 32)
		return 0;
	for (i = 0; i < len; i++) {
		if (!isalnum((unsigned char)code[i]) && code[i] != '-' &&
		    code[i] != '_')
			return 0;
	}
	return 1;
}

/* A store call's status, with its cause printed. */
static int
loketd_office_status(int rc, char *cause)
{
	if (rc == 0)
		return LOKETD_EXIT_OK;
	loketd_error("%s", cause);
	free(cause);
	return rc == STORE_REFUSED ? LOKETD_EXIT_FAIL : LOKETD_EXIT_DATABASE;
}

static int
loketd_office_add_exec(struct loketd_conf *conf, int argc, char **argv)
{
	static const struct option options[] = {
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct store	*s;
	const char	*name = NULL;
	char		 shown[ENROL_CODE_SHOWN], hash[SYNC_HASH_HEX];
	char		*cause = NULL;
	int		 c, rc;

	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (c != 'n')
			return LOKETD_EXIT_USAGE;
		name = optarg;
	}
	if (optind + 1 != argc || name == NULL || *name == '\0') {
		loketd_error(_("usage: loketd office add CODE --name NAME"));
		return LOKETD_EXIT_USAGE;
	}
	if (!loketd_office_code_valid(argv[optind])) {
		loketd_error(_("An office code is 1 to 32 letters, digits, "
		    "'-' or '_'."));
		return LOKETD_EXIT_USAGE;
	}
	if ((s = loketd_open(conf, 0)) == NULL)
		return LOKETD_EXIT_DATABASE;
	enrol_code_new(shown, hash);
	rc = s->engine->office_add(s, argv[optind], name, hash,
	    time(NULL) + 24 * 3600, &cause);
	store_close(s);
	if (rc != 0)
		return loketd_office_status(rc, cause);
	fprintf(stderr, _("Office %s added. Its enrolment code, for \"loket "
	    "sync enrol\", is good for 24 hours, until the office is "
	    "enrolled:\n"), argv[optind]);
	printf("%s\n", shown);
	return loketd_close_stdout(LOKETD_EXIT_OK);
}

const struct loketd_cmd loketd_office_add_cmd = {
	"office add", "CODE --name NAME", loketd_office_add_exec
};

/* One office as a line of text. */
static int
loketd_office_line(void *arg, const struct store_office *o)
{
	char	*name = text_sanitize(o->name, 1);

	printf(_("%s  %s  %s, %s, %ld operations, %ld chain breaks\n"),
	    o->code, name, o->active ? _("active") : _("disabled"),
	    o->enrolled ? _("enrolled") : _("not enrolled"), o->received,
	    o->chain_breaks);
	free(name);
	return ferror(stdout) ? 1 : 0;
}

/* One office into a JSON array. */
static int
loketd_office_json(void *arg, const struct store_office *o)
{
	json_array_append_new(arg, json_pack("{s:s, s:s, s:b, s:b, s:I, s:I, "
	    "s:I}", "code", o->code, "name", o->name, "active", o->active,
	    "enrolled", o->enrolled, "last_seen", (json_int_t)o->last_seen,
	    "operations", (json_int_t)o->received, "chain_breaks",
	    (json_int_t)o->chain_breaks));
	return 0;
}

static int
loketd_office_list_exec(struct loketd_conf *conf, int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct store	*s;
	json_t		*all = NULL;
	char		*cause = NULL;
	int		 c, json = 0, rc;

	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (c != 'j')
			return LOKETD_EXIT_USAGE;
		json = 1;
	}
	if (optind != argc) {
		loketd_error(_("usage: loketd office list [--json]"));
		return LOKETD_EXIT_USAGE;
	}
	if ((s = loketd_open(conf, 0)) == NULL)
		return LOKETD_EXIT_DATABASE;
	if (json)
		all = json_array();
	rc = s->engine->office_list(s, json ? loketd_office_json :
	    loketd_office_line, all, &cause);
	store_close(s);
	if (rc == 0 && json) {
		json_dumpf(all, stdout, JSON_INDENT(2) | JSON_ENSURE_ASCII);
		putchar('\n');
	}
	json_decref(all);
	if (rc != 0)
		return loketd_office_status(rc, cause);
	return loketd_close_stdout(LOKETD_EXIT_OK);
}

const struct loketd_cmd loketd_office_list_cmd = {
	"office list", "[--json]", loketd_office_list_exec
};

static int
loketd_office_disable_exec(struct loketd_conf *conf, int argc, char **argv)
{
	struct store	*s;
	char		*cause = NULL;
	int		 rc;

	if (argc != 2) {
		loketd_error(_("usage: loketd office disable CODE"));
		return LOKETD_EXIT_USAGE;
	}
	if ((s = loketd_open(conf, 0)) == NULL)
		return LOKETD_EXIT_DATABASE;
	rc = s->engine->office_disable(s, argv[1], &cause);
	store_close(s);
	if (rc == 0)
		printf(_("Office %s is disabled: its token no longer works.\n"),
		    argv[1]);
	return loketd_close_stdout(loketd_office_status(rc, cause));
}

const struct loketd_cmd loketd_office_disable_cmd = {
	"office disable", "CODE", loketd_office_disable_exec
};
