/* The welcome screen: the first thing a citizen sees, in both languages. */
#include "config.h"

#include <stdlib.h>

#include "common/xmalloc.h"
#include "office/catalog.h"
#include "ui/dialog-internal.h"

/* The keys, told once to a listener, in one language. */
static char *
dialog_welcome_keys(enum lang lang)
{
	enum lang	 was = i18n_get();
	char		*keys;

	i18n_set(lang);
	/* TRANSLATORS: spoken on the welcome screen, for a citizen who
	 * cannot see the key line. */
	keys = xstrdup(_("Keys: star repeats what was said, hash opens help "
	    "and settings, 0 goes back."));
	i18n_set(was);
	return keys;
}

/* Each language's half of the welcome, said in its own voice. */
static void
dialog_welcome_speech(struct screen *s, const char *office)
{
	char	*keys, *text;

	keys = dialog_welcome_keys(LANG_ID);
	text = xasprintf("%s. Selamat datang. Pilih bahasa. 1. Bahasa "
	    "Indonesia. %s", office, keys);
	screen_add_speech(s, LANG_ID, text);
	free(text);
	free(keys);
	keys = dialog_welcome_keys(LANG_EN);
	text = xasprintf("Welcome. Choose a language. 2. English. %s", keys);
	screen_add_speech(s, LANG_EN, text);
	free(text);
	free(keys);
}

static void
dialog_welcome_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	*office;

	(void)f;
	office = catalog_office_name(d->db);
	/* Both languages at once: the citizen has not chosen yet. */
	screen_set_title(s, office != NULL ? office :
	    "Loket Pelayanan Publik / Public Service Kiosk");
	screen_set_prompt(s, "Selamat datang. Pilih bahasa. "
	    "Welcome. Choose a language.");
	dialog_add_languages(d, s);
	dialog_welcome_speech(s, office != NULL ? office :
	    "Loket Pelayanan Publik");
	free(office);
}

static enum dialog_result
dialog_welcome_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	(void)f;
	dialog_set_lang(d, n == 2 ? LANG_EN : LANG_ID);
	dialog_push(d, &dialog_menu, 0, 0);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_welcome = {
	"welcome", dialog_welcome_build, dialog_welcome_choose, NULL, NULL
};
