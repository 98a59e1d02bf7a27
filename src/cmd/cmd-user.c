/*
 * loket user add|passwd|disable|list: the desk operators' accounts.
 * A password is typed twice, unseen, at a terminal, or read as one line
 * from standard input.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "cmd/cmd.h"
#include "common/i18n.h"
#include "common/input.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/auth.h"
#include "office/db.h"

/*
 * One line without its newline, unseen at a terminal; NULL at EOF. A line
 * longer than any password is cut (and then refused as too long).
 */
static char *
cmd_user_read(const char *prompt, int tty)
{
	struct termios	 old, quiet;
	size_t		 max = (AUTH_PASSWORD_MAX + 1) * 4, len;
	char		*line = xmalloc(max + 1);
	enum input_status status;

	if (tty) {
		fputs(prompt, stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	status = input_line(stdin, line, max, &len);
	if (status == INPUT_LONG && input_skip_line(stdin) != 0)
		status = INPUT_ERROR;
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
		fputc('\n', stderr);
	}
	if (status == INPUT_END || status == INPUT_ERROR) {
		sodium_memzero(line, max + 1);
		free(line);
		return NULL;
	}
	line[text_utf8_boundary(line, len)] = '\0';
	return line;
}

/* The new password: typed twice at a terminal, once from a pipe. */
static char *
cmd_user_password(void)
{
	char	*first, *again;
	int	 tty = isatty(STDIN_FILENO);

	if ((first = cmd_user_read(_("New password: "), tty)) == NULL) {
		cmd_error(_("no password was given"));
		return NULL;
	}
	if (!tty)
		return first;
	again = cmd_user_read(_("The same password again: "), tty);
	if (again == NULL || strcmp(first, again) != 0) {
		cmd_error(_("the two passwords differ; nothing was changed"));
		sodium_memzero(first, strlen(first));
		free(first);
		if (again != NULL)
			sodium_memzero(again, strlen(again));
		free(again);
		return NULL;
	}
	sodium_memzero(again, strlen(again));
	free(again);
	return first;
}

/* Open the database and libsodium; NULL if either fails. */
static struct db *
cmd_user_open(const struct config *config, int create)
{
	if (auth_init() != 0) {
		cmd_error(_("the password library cannot start"));
		return NULL;
	}
	return cmd_open_db(config, create);
}

/* add and passwd: a name and a new password. */
static int
cmd_user_set(const struct config *config, char **argv, int add)
{
	struct db	*db;
	char		*password, *cause = NULL, *safe;
	int		 rc;

	if ((db = cmd_user_open(config, 0)) == NULL)
		return EXIT_DATABASE;
	if ((password = cmd_user_password()) == NULL) {
		db_close(db);
		return EXIT_FAIL;
	}
	rc = add ? auth_add(db, argv[0], password, time(NULL), &cause) :
	    auth_passwd(db, argv[0], password, &cause);
	sodium_memzero(password, strlen(password));
	free(password);
	db_close(db);
	safe = text_sanitize(argv[0], i18n_utf8());
	if (rc != 0) {
		cmd_error("%s", cause);
		free(cause);
		free(safe);
		return EXIT_FAIL;
	}
	printf(add ? _("Operator %s added.\n") : _("Operator %s has a new "
	    "password.\n"), safe);
	free(safe);
	return cmd_close_stdout(EXIT_OK);
}

static int
cmd_user_add_exec(const struct config *config, int argc, char **argv)
{
	(void)argc;
	return cmd_user_set(config, argv, 1);
}

static int
cmd_user_passwd_exec(const struct config *config, int argc, char **argv)
{
	(void)argc;
	return cmd_user_set(config, argv, 0);
}

static int
cmd_user_disable_exec(const struct config *config, int argc, char **argv)
{
	struct db	*db;
	char		*cause = NULL, *safe;
	int		 rc;

	(void)argc;
	if ((db = cmd_user_open(config, 0)) == NULL)
		return EXIT_DATABASE;
	rc = auth_disable(db, argv[0], &cause);
	db_close(db);
	if (rc != 0) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_FAIL;
	}
	safe = text_sanitize(argv[0], i18n_utf8());
	printf(_("Operator %s can no longer log in.\n"), safe);
	free(safe);
	return cmd_close_stdout(EXIT_OK);
}

static int
cmd_user_list_exec(const struct config *config, int argc, char **argv)
{
	struct auth_user	*users;
	struct db		*db;
	size_t			 n, i;
	char			*cause = NULL;

	(void)argc;
	(void)argv;
	if ((db = cmd_user_open(config, 0)) == NULL)
		return EXIT_DATABASE;
	if (auth_list(db, &users, &n, &cause) != 0) {
		db_close(db);
		cmd_error("%s", cause);
		free(cause);
		return EXIT_DATABASE;
	}
	db_close(db);
	for (i = 0; i < n; i++) {
		const char *state = !users[i].active ? _("disabled") :
		    _("active");

		printf("%-32s %s\n", users[i].name, state);
	}
	auth_users_free(users, n);
	return cmd_close_stdout(EXIT_OK);
}

const struct cmd_entry cmd_user_add_entry = {
	"user add", "NAME", 1, 1, cmd_user_add_exec
};
const struct cmd_entry cmd_user_passwd_entry = {
	"user passwd", "NAME", 1, 1, cmd_user_passwd_exec
};
const struct cmd_entry cmd_user_disable_entry = {
	"user disable", "NAME", 1, 1, cmd_user_disable_exec
};
const struct cmd_entry cmd_user_list_entry = {
	"user list", "", 0, 0, cmd_user_list_exec
};
