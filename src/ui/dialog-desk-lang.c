/*
 * The desk asks in which language a citizen who gave a phone number wants
 * the text messages about an application or a complaint, the desk's own
 * language under the cursor. The answer becomes the record's language,
 * which its messages are written in. It never decides what follows.
 */
#include "config.h"

#include <stdlib.h>

#include "common/xmalloc.h"
#include "ui/dialog-internal.h"

extern const struct dialog_type dialog_desk_app_handed;
extern const struct dialog_type dialog_complaint_confirm;

static void
dialog_desk_lang_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)f;
	screen_set_title(s, _("Language of the text messages"));
	screen_set_prompt(s, _("In which language does the citizen want the "
	    "text messages?"));
	dialog_add_languages(d, s);
}

/* Keep the language of choice n (dialog_add_languages' order). */
static void
dialog_desk_lang_keep(struct dialog *d, size_t n)
{
	d->draft.lang = n == 2 ? LANG_EN : LANG_ID;
}

static enum dialog_result
dialog_desk_app_lang_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	(void)f;
	dialog_desk_lang_keep(d, n);
	dialog_push(d, &dialog_desk_app_handed, 0, 0);
	return DIALOG_CHANGED;
}

static enum dialog_result
dialog_desk_complaint_lang_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	struct dialog_frame	*next;

	dialog_desk_lang_keep(d, n);
	next = dialog_push(d, &dialog_complaint_confirm, f->id, f->item);
	next->text = f->text != NULL ? xstrdup(f->text) : NULL;
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_desk_app_lang = {
	"desk-app-lang", dialog_desk_lang_build, dialog_desk_app_lang_choose,
	NULL, N_("The text messages about the application are written in "
	    "this language.")
};

const struct dialog_type dialog_desk_complaint_lang = {
	"desk-complaint-lang", dialog_desk_lang_build,
	dialog_desk_complaint_lang_choose, NULL,
	N_("The text message about the answer is written in this language.")
};
