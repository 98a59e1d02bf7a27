/* Unit tests: the dialogue's screens and actions, on a real database. */
#include "config.h"

#include <locale.h>

#include "unit-catalog.h"
#include "cmd/config-keys.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "common/xmalloc.h"
#include "office/db.h"
#include "office/queue.h"
#include "ui/dialog.h"
#include "ui/screen.h"
#include "ui/session.h"
#include "ui/voice.h"

static struct db	*test_db;
static struct config	 test_config;
static struct queue_rules test_rules;

static int
setup(void **state)
{
	struct catalog	*c;
	char		*db_path, *cause = NULL;

	(void)state;
	c = unit_demo_read();
	db_path = unit_path("dialog.db");
	test_db = db_open(db_path, DB_OPEN_CREATE, 1000, &cause);
	free(db_path);
	if (c == NULL || test_db == NULL || catalog_import(test_db, c,
	    &cause) != 0)
		return -1;
	catalog_free(c);
	config_init(&test_config, &config_keys_loket);
	test_config.lang = LANG_EN;	/* msgids: no catalog needed */
	if (queue_rules_init(&test_rules, &test_config, &cause) != 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	db_close(test_db);
	queue_rules_free(&test_rules);
	config_free(&test_config);
	return 0;
}

static const char *
title(struct dialog *d)
{
	return dialog_screen(d)->title;
}

/* Walk from the welcome screen to a service's requirements. */
static void
test_browse_to_requirements_and_back(void **state)
{
	struct dialog		*d;
	const struct screen	*s;

	(void)state;
	d = dialog_new(test_db, &test_config, &test_rules);
	s = dialog_screen(d);
	assert_int_equal(s->nitems, 2);
	assert_false(s->can_go_back);
	assert_int_equal(dialog_choose(d, 2), DIALOG_CHANGED);	/* English */
	assert_string_equal(title(d), "Main menu");
	assert_int_equal(dialog_screen(d)->nitems, 7);
	dialog_choose(d, 3);
	assert_string_equal(title(d), "Service information");
	s = dialog_screen(d);
	assert_string_equal(s->items[s->nitems - 1], "Search by keyword");
	dialog_choose(d, 1);
	assert_non_null(strstr(title(d), "Population"));
	dialog_choose(d, 1);
	assert_int_equal(dialog_screen(d)->nitems, COMPONENT_COUNT);
	dialog_choose(d, 1);
	s = dialog_screen(d);
	assert_non_null(strstr(s->title, "Requirements"));
	assert_true(s->nbody >= 2);
	/* Numbered "(1)", so that the list does not look like choices. */
	assert_string_equal(strncmp(s->body[0], "(1) ", 4) == 0 ? "numbered" :
	    s->body[0], "numbered");
	/* The one choice: the next part, said once (not as the prompt). */
	assert_int_equal(s->nitems, 1);
	assert_non_null(strstr(s->items[0], "Procedure"));
	assert_null(strstr(s->prompt, "Requirements"));
	assert_true(s->can_go_back);
	assert_int_equal(dialog_choose(d, 1), DIALOG_CHANGED);
	assert_non_null(strstr(dialog_screen(d)->title, "Procedure"));
	dialog_back(d);
	/* Back on the list of parts, the cursor is on the part just read. */
	assert_int_equal(dialog_screen(d)->selected, 1);
	assert_int_equal(dialog_choose(d, 1), DIALOG_CHANGED);
	dialog_back(d);
	dialog_back(d);
	dialog_back(d);
	assert_string_equal(title(d), "Service information");
	dialog_free(d);
}

static void
test_wrong_choices_explained(void **state)
{
	struct dialog		*d;
	const struct screen	*s;

	(void)state;
	d = dialog_new(test_db, &test_config, &test_rules);
	dialog_back(d);		/* nothing before the welcome screen */
	s = dialog_screen(d);
	assert_true(s->message_is_error);
	assert_non_null(strstr(s->message, "first screen"));
	dialog_choose(d, 2);
	dialog_choose(d, 8);
	s = dialog_screen(d);
	assert_string_equal(s->title, "Main menu");
	assert_true(s->message_is_error);
	assert_non_null(strstr(s->message, "from 1 to 7"));
	dialog_submit(d, "three");	/* words where a number belongs */
	s = dialog_screen(d);
	assert_non_null(strstr(s->message, "number of your choice"));
	/* The message is shown once, then gone. */
	dialog_choose(d, 3);
	assert_null(dialog_screen(d)->message);
	dialog_free(d);
}

static void
test_unbuilt_items_say_so(void **state)
{
	struct dialog		*d;
	const struct screen	*s;

	(void)state;
	/* Without booking rules, booking is not offered at this kiosk. */
	d = dialog_new(test_db, &test_config, &test_rules);
	dialog_choose(d, 2);
	dialog_choose(d, 6);
	s = dialog_screen(d);
	assert_string_equal(s->title, "Book a visit");
	assert_non_null(strstr(s->prompt, "not available"));
	dialog_free(d);
}

/* Go to the search field. */
static struct dialog *
open_search(void)
{
	struct dialog	*d = dialog_new(test_db, &test_config, &test_rules);

	dialog_choose(d, 2);
	dialog_choose(d, 3);
	dialog_choose(d, dialog_screen(d)->nitems);
	assert_int_equal(dialog_screen(d)->field, FIELD_TEXT);
	return d;
}

static void
test_search_and_bad_input(void **state)
{
	struct dialog		*d;
	const struct screen	*s;
	char			 longer[60];

	(void)state;
	d = open_search();
	memset(longer, 'a', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	dialog_submit(d, longer);
	s = dialog_screen(d);
	assert_int_equal(s->field, FIELD_TEXT);	/* still on the field */
	assert_non_null(strstr(s->message, "too long"));
	dialog_submit(d, "akta\033[2J");
	assert_non_null(strstr(dialog_screen(d)->message, "control"));
	dialog_submit(d, "akta\xff");
	assert_non_null(strstr(dialog_screen(d)->message, "not valid text"));
	dialog_submit(d, "   ");
	assert_non_null(strstr(dialog_screen(d)->message, "Nothing was typed"));
	/* An error names the field it is about. */
	assert_int_equal(strncmp(dialog_screen(d)->message, "Keyword: ", 9),
	    0);
	dialog_submit(d, "zzzz");
	s = dialog_screen(d);
	assert_non_null(strstr(s->message, "No service matches"));
	assert_int_equal(s->field, FIELD_TEXT);
	dialog_submit(d, "  birth  ");
	s = dialog_screen(d);
	assert_string_equal(s->title, "Search: birth");
	assert_int_equal(s->nitems, 1);
	assert_string_equal(s->items[0], "Birth Certificate");
	dialog_choose(d, 1);
	assert_string_equal(title(d), "Birth Certificate");
	dialog_free(d);
}

static void
test_reset_forgets_everything(void **state)
{
	struct dialog	*d;

	(void)state;
	d = open_search();
	dialog_submit(d, "akta");
	assert_false(dialog_at_start(d));
	dialog_reset(d);
	assert_true(dialog_at_start(d));
	assert_int_equal(dialog_screen(d)->nitems, 2);
	assert_null(dialog_screen(d)->message);
	dialog_free(d);
}

static void
test_help_switches_language(void **state)
{
	struct dialog	*d;

	(void)state;
	d = dialog_new(test_db, &test_config, &test_rules);
	dialog_choose(d, 2);
	dialog_choose(d, 3);
	dialog_help(d);
	assert_string_equal(title(d), "Help and settings");
	dialog_choose(d, 1);
	assert_int_equal(dialog_lang(d), LANG_ID);
	assert_int_equal(i18n_get(), LANG_ID);
	dialog_back(d);
	/* Catalog names follow the language even without message files. */
	dialog_choose(d, 1);
	assert_non_null(strstr(title(d), "Dinas Kependudukan"));
	dialog_help(d);
	dialog_choose(d, 2);
	dialog_back(d);
	assert_non_null(strstr(title(d), "Population"));
	dialog_free(d);
}

/* The voice settings: one key each, limits kept, reset per citizen. */
static void
test_voice_settings(void **state)
{
	struct dialog		*d;
	const struct voice	*v;
	const struct screen	*s;

	(void)state;
	d = dialog_new(test_db, &test_config, &test_rules);
	v = dialog_voice(d);
	assert_true(v->on);		/* on by default at a kiosk */
	assert_int_equal(v->rate, 150);
	dialog_help(d);
	assert_int_equal(dialog_screen(d)->nitems, 2);	/* a silent front-end */
	dialog_set_speaking(d, 1);
	s = dialog_screen(d);
	assert_int_equal(s->nitems, 8);
	assert_non_null(strstr(s->items[2], "Voice guidance is on"));
	dialog_choose(d, 4);
	assert_int_equal(v->rate, 125);
	assert_string_equal(dialog_screen(d)->message,
	    "Slower: 125 words a minute.");
	dialog_choose(d, 4);
	dialog_choose(d, 4);
	assert_int_equal(v->rate, 80);
	dialog_choose(d, 4);
	assert_int_equal(v->rate, 80);
	assert_true(dialog_screen(d)->message_is_error);
	assert_non_null(strstr(dialog_screen(d)->message, "slowest"));
	dialog_choose(d, 5);
	assert_int_equal(v->rate, 105);
	dialog_choose(d, 7);
	dialog_choose(d, 7);
	assert_int_equal(v->volume, 100);
	dialog_choose(d, 7);	/* never past 100: louder clips */
	assert_int_equal(v->volume, 100);
	assert_non_null(strstr(dialog_screen(d)->message, "loudest"));
	dialog_choose(d, 6);
	assert_int_equal(v->volume, 90);
	assert_false(v->headset);
	dialog_choose(d, 8);
	assert_true(v->headset);
	assert_non_null(strstr(dialog_screen(d)->items[7], "Headset mode is on"));
	dialog_choose(d, 3);
	assert_false(v->on);
	assert_non_null(strstr(dialog_screen(d)->message, "Press # then 3"));
	/* The next citizen starts from the office's defaults. */
	dialog_reset(d);
	assert_true(v->on);
	assert_int_equal(v->rate, 150);
	assert_int_equal(v->volume, 80);
	assert_false(v->headset);
	dialog_free(d);

	/* The desk is silent unless the office asks for speech there. */
	d = dialog_new_desk(test_db, &test_config, &test_rules);
	assert_false(dialog_voice(d)->on);
	dialog_free(d);
}

static void
test_exit_needs_secret_when_locked(void **state)
{
	struct dialog	*d;

	(void)state;
	d = dialog_new(test_db, &test_config, &test_rules);
	assert_int_equal(dialog_exit(d), DIALOG_QUIT);	/* not locked */
	dialog_free(d);

	test_config.locked = 1;
	test_config.exit_secret = xstrdup("4321");
	d = dialog_new(test_db, &test_config, &test_rules);
	assert_int_equal(dialog_exit(d), DIALOG_CHANGED);
	assert_int_equal(dialog_screen(d)->field, FIELD_SECRET);
	assert_int_equal(dialog_submit(d, "1234"), DIALOG_CHANGED);
	assert_non_null(strstr(dialog_screen(d)->message, "not right"));
	assert_int_equal(dialog_submit(d, "43210"), DIALOG_CHANGED);
	assert_int_equal(dialog_submit(d, "4321"), DIALOG_QUIT);
	dialog_free(d);
	test_config.locked = 0;
	free(test_config.exit_secret);
	test_config.exit_secret = NULL;
}

static void
test_session_countdown(void **state)
{
	struct session	 s;
	char		*text;
	int		 left;

	(void)state;
	session_init(&s, 60, 30, 1000);
	assert_int_equal(session_state(&s, 1059, &left), SESSION_ACTIVE);
	assert_int_equal(session_state(&s, 1060, &left), SESSION_WARNING);
	assert_int_equal(left, 30);
	assert_int_equal(session_state(&s, 1089, &left), SESSION_WARNING);
	assert_int_equal(left, 1);
	assert_int_equal(session_state(&s, 1090, &left), SESSION_EXPIRED);
	session_touch(&s, 1085);
	assert_int_equal(session_state(&s, 1090, &left), SESSION_ACTIVE);
	text = session_warning_text(25);
	assert_non_null(strstr(text, "25 seconds"));
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_browse_to_requirements_and_back),
		cmocka_unit_test(test_wrong_choices_explained),
		cmocka_unit_test(test_unbuilt_items_say_so),
		cmocka_unit_test(test_search_and_bad_input),
		cmocka_unit_test(test_reset_forgets_everything),
		cmocka_unit_test(test_help_switches_language),
		cmocka_unit_test(test_voice_settings),
		cmocka_unit_test(test_exit_needs_secret_when_locked),
		cmocka_unit_test(test_session_countdown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	/* No message catalog: every _() is the English msgid. */
	setenv("LOKET_LOCALEDIR", "/nonexistent", 1);
	return cmocka_run_group_tests(tests, setup, teardown);
}
