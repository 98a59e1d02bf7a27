/* Help and settings, reachable with # from every screen; operator exit. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/configuration.h"
#include "common/xmalloc.h"
#include "ui/dialog-internal.h"

/* The languages first; the voice settings follow as voice.h numbers them. */
enum help_item {
	HELP_INDONESIAN = 1,
	HELP_ENGLISH
};

/* Items 3 to 8: the voice settings, in the order of enum voice_setting. */
static void
dialog_help_voice_items(struct dialog *d, struct screen *s)
{
	char	*line;

	line = xasprintf(_("Voice: %d words a minute, volume %d of 100. The "
	    "voice returns to normal for the next person."), d->voice.rate,
	    d->voice.volume);
	screen_add_body(s, line);
	free(line);
	screen_add_item(s, d->voice.on ? _("Voice guidance is on: press to "
	    "turn it off") : _("Voice guidance is off: press to turn it on"));
	screen_add_item(s, _("Slower voice"));
	screen_add_item(s, _("Faster voice"));
	screen_add_item(s, _("Softer voice"));
	screen_add_item(s, _("Louder voice"));
	screen_add_item(s, d->voice.headset ? _("Headset mode is on: press to "
	    "turn it off") : _("Headset mode is off: press to turn it on "
	    "(personal data is then spoken)"));
}

static void
dialog_help_build(struct dialog *d, struct dialog_frame *f, struct screen *s)
{
	const struct dialog_type	*below = d->stack[d->depth - 2].type;

	(void)f;
	screen_set_title(s, _("Help and settings"));
	if (d->speaking)
		screen_set_prompt(s, _("Choose a language or a voice setting, "
		    "or press 0 to go back to where you were."));
	else
		screen_set_prompt(s, _("Choose a language, or press 0 to go "
		    "back to where you were."));
	if (below->help != NULL)
		screen_add_body(s, _(below->help));
	screen_add_body(s, _("Press the number of a choice. You can also move "
	    "with the arrow keys and press Enter."));
	screen_add_body(s, _("0 goes back. * repeats the instructions. # "
	    "opens this help from every screen."));
	screen_add_body(s, _("When you type: # is done, * erases the last "
	    "character, and on an empty field * goes back."));
	dialog_add_languages(d, s);
	if (d->speaking)
		dialog_help_voice_items(d, s);
}

/* A voice setting changed, or could not: say which. */
static enum dialog_result
dialog_help_voice(struct dialog *d, enum voice_setting setting)
{
	static const char *const limit[] = {
		[VOICE_SLOWER] = N_("This is already the slowest voice."),
		[VOICE_FASTER] = N_("This is already the fastest voice."),
		[VOICE_SOFTER] = N_("This is already the softest voice."),
		[VOICE_LOUDER] = N_("This is already the loudest voice: "
		    "louder would crackle.")
	};
	const struct voice	*v = &d->voice;

	if (voice_change(&d->voice, setting) != 0) {
		dialog_message(d, 1, "%s", _(limit[setting]));
		return DIALOG_CHANGED;
	}
	switch (setting) {
	case VOICE_TOGGLE:
		dialog_message(d, 0, "%s", v->on ? _("Voice guidance is on.") :
		    _("Voice guidance is off. Press # then 3 to turn it on "
		    "again."));
		break;
	case VOICE_SLOWER:
		dialog_message(d, 0, _("Slower: %d words a minute."), v->rate);
		break;
	case VOICE_FASTER:
		dialog_message(d, 0, _("Faster: %d words a minute."), v->rate);
		break;
	case VOICE_SOFTER:
		dialog_message(d, 0, _("Softer: volume %d of 100."),
		    v->volume);
		break;
	case VOICE_LOUDER:
		dialog_message(d, 0, _("Louder: volume %d of 100."),
		    v->volume);
		break;
	case VOICE_HEADSET:
		dialog_message(d, 0, "%s", v->headset ? _("Headset mode is on: "
		    "personal data is spoken. Use it only with headphones.") :
		    _("Headset mode is off: personal data is not spoken."));
		break;
	}
	return DIALOG_CHANGED;
}

static enum dialog_result
dialog_help_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	(void)f;
	if (n > HELP_ENGLISH)
		return dialog_help_voice(d, (enum voice_setting)n);
	dialog_set_lang(d, n == HELP_ENGLISH ? LANG_EN : LANG_ID);
	if (n == HELP_ENGLISH)
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
