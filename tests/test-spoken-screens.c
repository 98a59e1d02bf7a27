/*
 * Unit tests: every text of the demo catalog and of every kiosk screen
 * reached from the welcome screen, once made speakable, leaves nothing
 * for the synthesizer to guess at: no ASCII digit, no "%", "/" or ":".
 */
#include "config.h"

#include "unit-catalog.h"
#include "cmd/config-keys.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "common/spoken.h"
#include "common/xmalloc.h"
#include "office/booking.h"
#include "office/db.h"
#include "office/queue.h"
#include "ui/dialog.h"
#include "ui/screen.h"

#define WALK_DEPTH	10	/* choices from the welcome screen */
#define WALK_SCREENS	2000	/* screens read at most, per language */
#define WALK_PATHS	40000	/* paths tried at most, per language */
#define WALK_BRANCHES	3	/* the first choices, and the last, deep */
#define WALK_WIDE	4	/* every choice this close to the start */

static struct catalog		*test_catalog;
static struct db		*test_db;
static struct config		 test_config;
static struct queue_rules	 test_rules;
static struct booking_rules	 test_booking;

static int
setup(void **state)
{
	char	*db_path, *cause = NULL;

	(void)state;
	i18n_init();
	if ((test_catalog = unit_demo_read()) == NULL)
		return -1;
	db_path = unit_path("screens.db");
	test_db = db_open(db_path, DB_OPEN_CREATE, 1000, &cause);
	free(db_path);
	if (test_db == NULL || catalog_import(test_db, test_catalog,
	    &cause) != 0)
		return -1;
	config_init(&test_config, &config_keys_loket);
	if (queue_rules_init(&test_rules, &test_config, &cause) != 0 ||
	    booking_rules_init(&test_booking, &test_config, &cause) != 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	catalog_free(test_catalog);
	db_close(test_db);
	queue_rules_free(&test_rules);
	booking_rules_free(&test_booking);
	config_free(&test_config);
	return 0;
}

/* Is text, made speakable, free of digits and "%/:"? Say so if not. */
static int
speakable(const char *text, enum lang lang, const char *where)
{
	char	*said;
	int	 clean;

	if (text == NULL)
		return 1;
	said = spoken_text(text, lang);
	clean = strpbrk(said, "0123456789%/:") == NULL;
	if (!clean)
		print_message("# %s, %s: \"%s\" is said \"%s\"\n", where,
		    i18n_code(lang), text, said);
	free(said);
	return clean;
}

static void
test_catalog_is_speakable(void **state)
{
	const struct catalog_service	*sv;
	size_t				 i, failed = 0;
	int				 l, c;

	(void)state;
	for (l = 0; l < LANG_COUNT; l++) {
		for (i = 0; i < test_catalog->nagencies; i++)
			failed += !speakable(test_catalog->agencies[i].name[l],
			    l, test_catalog->agencies[i].code);
		for (i = 0; i < test_catalog->nservices; i++) {
			sv = &test_catalog->services[i];
			failed += !speakable(sv->name[l], l, sv->code);
			for (c = 0; c < COMPONENT_COUNT; c++)
				failed += !speakable(sv->component[c][l], l,
				    sv->code);
		}
		for (i = 0; i < test_catalog->noffices; i++) {
			failed += !speakable(test_catalog->offices[i].name, l,
			    "office");
			failed += !speakable(test_catalog->offices[i].address,
			    l, "office");
		}
		for (i = 0; i < test_catalog->ncounters; i++)
			failed += !speakable(test_catalog->counters[i].name, l,
			    "counter");
	}
	assert_int_equal(failed, 0);
}

/* Every text of a screen, as the voice would be given it. */
static size_t
screen_unspeakable(const struct screen *s, enum lang lang)
{
	size_t	 i, failed = 0;
	char	*item;
	const char *where = s->title != NULL ? s->title : "(untitled)";

	failed += !speakable(s->title, lang, where);
	failed += !speakable(s->prompt, lang, where);
	failed += !speakable(s->message, lang, where);
	failed += !speakable(s->help, lang, where);
	failed += !speakable(s->field_label, lang, where);
	for (i = 0; i < s->nbody; i++)
		failed += !speakable(s->body[i], lang, where);
	for (i = 0; i < s->nitems; i++) {
		item = xasprintf("%zu. %s", i + 1, s->items[i]);
		failed += !speakable(item, lang, where);
		free(item);
	}
	for (i = 0; i < s->nspeech; i++)
		failed += !speakable(s->speech[i].text, s->speech[i].lang,
		    where);
	return failed;
}

/* A screen's name, to read each screen once: the same list leads to
 * other screens from each choice of the main menu (branch). */
static char *
screen_signature(const struct screen *s, int branch)
{
	return xasprintf("%d|%s|%s|%s|%zu|%zu|%d|%s", branch, s->title != NULL ?
	    s->title : "", s->prompt != NULL ? s->prompt : "", s->nbody > 0 ?
	    s->body[0] : "", s->nbody, s->nitems, s->field, s->message != NULL ?
	    s->message : "");
}

/* A path from the welcome screen: n > 0 chooses n, 0 opens help, -1
 * types into the field. */
struct walk {
	int	 path[WALK_DEPTH];
	size_t	 length;
};

/* Follow a path on a new dialogue; NULL if it ended the program. */
static struct dialog *
walk_follow(const struct walk *w)
{
	struct dialog	*d = dialog_new(test_db, &test_config, &test_rules);
	const struct screen *s;
	size_t		 i;

	dialog_set_booking(d, &test_booking);
	for (i = 0; i < w->length; i++) {
		s = dialog_screen(d);
		if (w->path[i] > 0)
			dialog_choose(d, (size_t)w->path[i]);
		else if (w->path[i] == 0)
			dialog_help(d);
		else
			dialog_submit(d, s->field == FIELD_DIGITS ?
			    "081234567890" : "akta");
	}
	return d;
}

/* The steps worth taking from a screen: choices (every one near the
 * start, a few deeper), typing. */
static size_t
walk_steps(const struct screen *s, size_t depth, int steps[12])
{
	size_t	 n = 0, i, most = depth < WALK_WIDE ? 9 : WALK_BRANCHES;

	for (i = 1; i <= s->nitems && i <= most; i++)
		steps[n++] = (int)i;
	if (s->nitems > most)
		steps[n++] = (int)s->nitems;
	if (s->field != FIELD_NONE && s->field != FIELD_SECRET)
		steps[n++] = -1;
	return n;
}

/* Read every screen reached from the welcome screen in one language. */
static size_t
walk_language(int language_choice, size_t *screens)
{
	struct walk	*queue = xcalloc(WALK_PATHS, sizeof *queue);
	char		**seen = xcalloc(WALK_SCREENS, sizeof *seen);
	struct dialog	*d;
	const struct screen *s;
	size_t		 head = 0, tail = 0, nseen = 0, failed = 0, i, n;
	int		 steps[12], fresh;

	queue[tail].path[0] = language_choice;
	queue[tail].path[1] = 0;		/* help, from the main menu */
	queue[tail++].length = 2;
	queue[tail].path[0] = language_choice;
	queue[tail++].length = 1;
	while (head < tail && nseen < WALK_SCREENS) {
		d = walk_follow(&queue[head]);
		s = dialog_screen(d);
		seen[nseen] = screen_signature(s, queue[head].length > 1 ?
		    queue[head].path[1] : -1);
		for (fresh = 1, i = 0; i < nseen && fresh; i++)
			fresh = strcmp(seen[i], seen[nseen]) != 0;
		if (fresh) {
			failed += screen_unspeakable(s, dialog_lang(d));
			nseen++;
			n = walk_steps(s, queue[head].length, steps);
			for (i = 0; i < n && tail < WALK_PATHS &&
			    queue[head].length < WALK_DEPTH; i++) {
				queue[tail] = queue[head];
				queue[tail].path[queue[tail].length++] = steps[i];
				tail++;
			}
		} else
			free(seen[nseen]);
		dialog_free(d);
		head++;
	}
	for (i = 0; i < nseen; i++)
		free(seen[i]);
	free(seen);
	free(queue);
	*screens = nseen;
	return failed;
}

static void
test_every_screen_is_speakable(void **state)
{
	struct dialog	*d;
	struct walk	 welcome = { { 0 }, 0 };
	size_t		 screens;

	(void)state;
	d = walk_follow(&welcome);
	assert_int_equal(screen_unspeakable(dialog_screen(d), LANG_ID), 0);
	dialog_free(d);
	assert_int_equal(walk_language(1, &screens), 0);
	print_message("# %zu Indonesian screens read\n", screens);
	assert_true(screens > 30);
	assert_int_equal(walk_language(2, &screens), 0);
	print_message("# %zu English screens read\n", screens);
	assert_true(screens > 30);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalog_is_speakable),
		cmocka_unit_test(test_every_screen_is_speakable),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
