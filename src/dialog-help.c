/* Help and settings, reachable with # from every screen; operator exit. */
#include "config.h"

#include <string.h>

#include "configuration.h"
#include "dialog-internal.h"

static void
dialog_help_build(struct dialog *d, struct dialog_frame *f, struct screen *s)
{
	const struct dialog_type	*below = d->stack[d->depth - 2].type;

	(void)f;
	screen_set_title(s, _("Help and settings"));
	screen_set_prompt(s, _("Choose a language, or press 0 to go back to "
	    "where you were."));
	if (below->help != NULL)
		screen_add_body(s, _(below->help));
	screen_add_body(s, _("Press the number of a choice. You can also move "
	    "with the arrow keys and press Enter."));
	screen_add_body(s, _("0 goes back. * repeats the instructions. # "
	    "opens this help from every screen."));
	screen_add_body(s, _("Voice guidance is not available yet."));
	dialog_add_languages(d, s);
}

static enum dialog_result
dialog_help_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	(void)f;
	dialog_set_lang(d, n == 2 ? LANG_EN : LANG_ID);
	if (n == 2)
		dialog_message(d, 0, _("The language is now English."));
	else
		dialog_message(d, 0, _("The language is now Indonesian."));
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_help_screen = {
	"help", dialog_help_build, dialog_help_choose, NULL, NULL
};

static void
dialog_exit_build(struct dialog *d, struct dialog_frame *f, struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("Operator exit"));
	screen_set_prompt(s, _("Type the office's exit code, then press "
	    "Enter."));
	screen_set_field(s, FIELD_SECRET, _("Exit code"), 64);
}

/* Compare without stopping at the first difference. */
static int
dialog_exit_matches(const char *typed, const char *secret)
{
	size_t		 a = strlen(typed), b = strlen(secret), i;
	unsigned char	 diff = a != b;

	for (i = 0; i < b; i++)
		diff |= (unsigned char)secret[i] ^
		    (unsigned char)(i < a ? typed[i] : 0);
	return diff == 0;
}

static enum dialog_result
dialog_exit_submit(struct dialog *d, struct dialog_frame *f, const char *code)
{
	(void)f;
	if (d->config->exit_secret != NULL &&
	    dialog_exit_matches(code, d->config->exit_secret))
		return DIALOG_QUIT;
	dialog_message(d, 1, _("That exit code is not right."));
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_exit_screen = {
	"exit", dialog_exit_build, NULL, dialog_exit_submit,
	N_("For office staff: the exit code ends the kiosk. Esc goes back.")
};
