/* The welcome screen: the first thing a citizen sees, in both languages. */
#include "config.h"

#include <stdlib.h>

#include "office/catalog.h"
#include "ui/dialog-internal.h"

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
	free(office);
	screen_set_prompt(s, "Selamat datang. Pilih bahasa. "
	    "Welcome. Choose a language.");
	dialog_add_languages(d, s);
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
