/* Unit tests: configuration files, environment and their errors. */
#include "config.h"

#include <locale.h>

#include "unit.h"
#include "cmd/config-keys.h"
#include "common/configuration.h"
#include "ui/speech.h"
#include "ui/tui-speak.h"
#include "common/xmalloc.h"

#include <sys/stat.h>

/* Reading must fail with a cause holding every one of the words. */
static void
assert_config_error(const char *text, const char *a, const char *b)
{
	struct config	 c;
	char		*path, *cause = NULL;

	path = unit_file("bad.conf", text);
	config_init(&c, &config_keys_loket);
	assert_int_equal(config_read_file(&c, path, 1, &cause), -1);
	assert_non_null(cause);
	if (strstr(cause, a) == NULL || strstr(cause, b) == NULL)
		fail_msg("\"%s\" lacks \"%s\" or \"%s\"", cause, a, b);
	free(cause);
	config_free(&c);
	free(path);
}

static void
test_defaults(void **state)
{
	struct config	 c;

	(void)state;
	config_init(&c, &config_keys_loket);
	assert_int_equal(c.lang, LANG_ID);
	assert_int_equal(c.idle_timeout, 60);
	assert_true(c.idle_warning >= 20);
	assert_int_equal(c.locked, 0);
	assert_null(c.exit_secret);
	/* Speech on at a kiosk and the board, off at the desk. */
	assert_int_equal(c.speech_sink, SPEECH_SINK_DEVICE);	/* default */
	assert_true(c.speech_kiosk);
	assert_true(c.speech_board);
	assert_false(c.speech_desk);
	assert_int_equal(c.speech_rate, 150);
	config_free(&c);
}

static void
test_file_values(void **state)
{
	struct config	 c;
	char		*path, *cause = NULL;

	(void)state;
	path = unit_file("good.conf", "; office settings\n[general]\n"
	    "language = en\ndatabase = /var/lib/loket/office.db\n"
	    "busy_timeout = 250\n[kiosk]\nidle_timeout = 90\n"
	    "idle_warning = 25\nlocked = yes\nexit_secret = 2468\n"
	    "[speech]\nsink = command\ncommand = aplay -q -D plughw:1\n"
	    "rate = 175\nvolume = 60\necho = word\ndesk = yes\n");
	config_init(&c, &config_keys_loket);
	if (config_read_file(&c, path, 1, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(c.lang, LANG_EN);
	assert_string_equal(c.db_path, "/var/lib/loket/office.db");
	assert_int_equal(c.busy_timeout_ms, 250);
	assert_int_equal(c.idle_timeout, 90);
	assert_int_equal(c.idle_warning, 25);
	assert_int_equal(c.locked, 1);
	assert_string_equal(c.exit_secret, "2468");
	assert_int_equal(c.speech_sink, SPEECH_SINK_COMMAND);
	assert_string_equal(c.speech_command, "aplay -q -D plughw:1");
	assert_int_equal(c.speech_rate, 175);
	assert_int_equal(c.speech_volume, 60);
	assert_int_equal(c.speech_echo, ECHO_WORD);
	assert_true(c.speech_desk);
	config_free(&c);
	free(path);
}

static void
test_errors_name_line_key_and_allowed(void **state)
{
	(void)state;
	assert_config_error("[kiosk]\nidle_timeout = 60\ncolour = red\n",
	    "bad.conf:3:", "known keys: idle_timeout, idle_warning");
	assert_config_error("[kiosk]\n\nidle_timeout = soon\n", "bad.conf:3:",
	    "from 10 to 3600");
	assert_config_error("[kiosk]\nidle_warning = 5\n", "bad.conf:2:",
	    "from 20 to 300");
	assert_config_error("[general]\nlanguage = fr\n", "bad.conf:2:",
	    "id or en");
	assert_config_error("[kiosk]\nlocked = maybe\n", "bad.conf:2:",
	    "yes or no");
	assert_config_error("[fax]\nport = 1\n", "bad.conf:2:",
	    "unknown section [fax]");
	assert_config_error("[kiosk]\nexit_secret = 12\n", "bad.conf:2:",
	    "4 to 64 letters or digits");
	assert_config_error("[kiosk]\nthis is not ini\n", "bad.conf:2:",
	    "key = value");
	assert_config_error("[speech]\nsink = speakers\n", "bad.conf:2:",
	    "one of device|command|dispatcher|wav|off");
	assert_config_error("[speech]\nsink = de\n", "bad.conf:2:",
	    "not \"de\"");
	assert_config_error("[speech]\nrate = 400\n", "bad.conf:2:",
	    "from 80 to 300");
	assert_config_error("[speech]\nvolume = 150\n", "bad.conf:2:",
	    "from 10 to 100");
	assert_config_error("[speech]\necho = letters\n", "bad.conf:2:",
	    "character|word|off");
}

static void
test_missing_file(void **state)
{
	struct config	 c;
	char		*cause = NULL;

	(void)state;
	config_init(&c, &config_keys_loket);
	assert_int_equal(config_read_file(&c, "/nonexistent/loket.conf", 0,
	    &cause), 0);
	assert_int_equal(config_read_file(&c, "/nonexistent/loket.conf", 1,
	    &cause), -1);
	assert_non_null(strstr(cause, "/nonexistent/loket.conf"));
	free(cause);
	config_free(&c);
}

/* A file holding a NUL byte: the value is refused, never cut short. */
static void
test_nul_byte_refused(void **state)
{
	struct config	 c;
	char		*path, *cause = NULL;
	FILE		*f;

	(void)state;
	path = unit_path("nul.conf");
	f = fopen(path, "w");
	assert_non_null(f);
	fwrite("[general]\nlanguage = en\0junk\n", 1, 30, f);
	fclose(f);
	config_init(&c, &config_keys_loket);
	assert_int_equal(config_read_file(&c, path, 1, &cause), -1);
	assert_non_null(cause);
	if (strstr(cause, "nul.conf:2: ") == NULL ||
	    strstr(cause, "NUL byte") == NULL)
		fail_msg("got \"%s\"", cause);
	assert_int_equal(c.lang, LANG_ID);	/* "en" was not taken */
	free(cause);
	config_free(&c);
	free(path);
}

/*
 * A line longer than the reader takes is refused, not split in two: the
 * tail of this comment would otherwise be read as a line of its own and
 * unlock the kiosk.
 */
static void
test_long_line_refused(void **state)
{
	char	 comment[200], *text;

	(void)state;
	memset(comment, 'x', sizeof comment - 1);
	comment[0] = '#';
	comment[sizeof comment - 1] = '\0';
	text = xasprintf("[kiosk]\nlocked = yes\n%slocked = no\n", comment);
	assert_config_error(text, "bad.conf:3:", "longer than 198 bytes");
	free(text);
}

/*
 * What is not a regular file is refused at once, naming the path: a
 * directory (for --config, and at the user's own path, which may be
 * missing but not wrong) and a device that never ends.
 */
static void
test_not_a_regular_file(void **state)
{
	struct config	 c;
	char		*dir, *cause = NULL;

	(void)state;
	dir = unit_path("conf.d");
	assert_int_equal(mkdir(dir, 0755), 0);
	config_init(&c, &config_keys_loket);
	assert_int_equal(config_read_file(&c, dir, 1, &cause), -1);
	assert_non_null(strstr(cause, dir));
	assert_non_null(strstr(cause, "not a regular file"));
	free(cause);
	cause = NULL;
	assert_int_equal(config_read_file(&c, dir, 0, &cause), -1);
	assert_non_null(strstr(cause, dir));
	free(cause);
	cause = NULL;
	assert_int_equal(config_read_file(&c, "/dev/zero", 1, &cause), -1);
	assert_non_null(strstr(cause, "/dev/zero"));
	free(cause);
	config_free(&c);
	free(dir);
}

static void
test_environment_overrides_file(void **state)
{
	struct config	 c;
	char		*path, *cause = NULL;

	(void)state;
	path = unit_file("env.conf", "[general]\nlanguage = id\n"
	    "database = /from/file.db\n");
	config_init(&c, &config_keys_loket);
	assert_int_equal(config_read_file(&c, path, 1, &cause), 0);
	setenv("LOKET_LANG", "en", 1);
	setenv("LOKET_DB", "/from/env.db", 1);
	assert_int_equal(config_read_env(&c, &cause), 0);
	assert_int_equal(c.lang, LANG_EN);
	assert_string_equal(c.db_path, "/from/env.db");
	setenv("LOKET_LANG", "klingon", 1);
	assert_int_equal(config_read_env(&c, &cause), -1);
	assert_non_null(strstr(cause, "LOKET_LANG"));
	free(cause);
	unsetenv("LOKET_LANG");
	unsetenv("LOKET_DB");
	config_free(&c);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_file_values),
		cmocka_unit_test(test_errors_name_line_key_and_allowed),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_nul_byte_refused),
		cmocka_unit_test(test_long_line_refused),
		cmocka_unit_test(test_not_a_regular_file),
		cmocka_unit_test(test_environment_overrides_file),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
