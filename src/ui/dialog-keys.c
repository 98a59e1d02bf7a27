/*
 * What a key means on the current screen: decided here once, for every
 * front-end. A front-end decodes what the terminal sent into a dialog_key,
 * asks dialog_key_meaning, and carries the answer out (typing into its
 * field, or calling the action named); line mode hands whole lines to
 * dialog_line.
 *
 * The rule for a field is the telephone menu's, which citizens know: #
 * means done, * erases the last character and, on an empty field, goes
 * back. So 0 can begin a phone number or a code, and no key traps a
 * keypad user. On a menu, 1-9 choose, 0 goes back, * repeats and # opens
 * help.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/configuration.h"
#include "common/xmalloc.h"
#include "ui/dialog-internal.h"

enum dialog_do
dialog_key_meaning(struct dialog *d, enum dialog_key key, size_t typed)
{
	const struct screen	*s = dialog_screen(d);
	int			 field = s->field != FIELD_NONE;

	switch (key) {
	case DIALOG_KEY_EXIT:
		return DIALOG_DO_EXIT;
	case DIALOG_KEY_INTERRUPT:
		return d->config->locked ? DIALOG_DO_NOTHING : DIALOG_DO_QUIT;
	case DIALOG_KEY_ESCAPE:
		return s->can_go_back ? DIALOG_DO_BACK : DIALOG_DO_NOTHING;
	case DIALOG_KEY_ENTER:
		if (field)
			return DIALOG_DO_SUBMIT;
		return s->nitems > 0 ? DIALOG_DO_CHOOSE_SELECTED :
		    DIALOG_DO_NOTHING;
	case DIALOG_KEY_STAR:
		if (!field)
			return DIALOG_DO_REPEAT;
		/* On the first screen, going back explains why it cannot. */
		return typed > 0 ? DIALOG_DO_ERASE : DIALOG_DO_BACK;
	case DIALOG_KEY_HASH:
		return field && typed > 0 ? DIALOG_DO_SUBMIT : DIALOG_DO_HELP;
	case DIALOG_KEY_ERASE:
		return field && typed > 0 ? DIALOG_DO_ERASE : DIALOG_DO_NOTHING;
	case DIALOG_KEY_DIGIT_0:
		return field ? DIALOG_DO_TYPE : DIALOG_DO_BACK;
	case DIALOG_KEY_DIGIT:
		return field ? DIALOG_DO_TYPE : DIALOG_DO_CHOOSE;
	case DIALOG_KEY_TEXT:
		return field ? DIALOG_DO_TYPE : DIALOG_DO_NOTHING;
	}
	return DIALOG_DO_NOTHING;
}

size_t
dialog_key_hints(struct dialog *d, size_t typed,
    struct dialog_hint hints[DIALOG_HINTS_MAX])
{
	const struct screen	*s = dialog_screen(d);
	size_t			 n = 0;

	/* Shown in this order; the lowest keep goes first when short. */
	if (s->field == FIELD_NONE) {
		if (s->can_go_back)
			hints[n++] = (struct dialog_hint){ _("0 Back"), 3 };
		hints[n++] = (struct dialog_hint){ _("* Repeat"), 1 };
		hints[n++] = (struct dialog_hint){ _("# Help"), 2 };
	} else if (typed > 0) {
		hints[n++] = (struct dialog_hint){ _("# Done"), 3 };
		hints[n++] = (struct dialog_hint){ _("* Erase"), 2 };
	} else {
		if (s->can_go_back)
			hints[n++] = (struct dialog_hint){ _("* Back"), 3 };
		hints[n++] = (struct dialog_hint){ _("# Help"), 2 };
	}
	return n;
}

const char *
dialog_key_rule(struct dialog *d)
{
	const struct screen	*s = dialog_screen(d);

	if (s->field == FIELD_NONE)
		return NULL;
	if (!s->can_go_back)
		return _("Press hash when done. Star erases the last "
		    "character.");
	return _("Press hash when done. Star erases the last character; "
	    "on an empty field, star goes back.");
}

enum dialog_result
dialog_line(struct dialog *d, const char *typed)
{
	const struct screen	*s = dialog_screen(d);
	size_t			 len = strlen(typed);
	enum dialog_result	 r;
	enum dialog_key		 key;
	char			*value;

	/* A line of one key means what that key means on an empty field or
	 * a menu: the same rule as the keypad's, decided above. */
	if (len == 1 && strchr("*#0", typed[0]) != NULL) {
		key = typed[0] == '*' ? DIALOG_KEY_STAR : typed[0] == '#' ?
		    DIALOG_KEY_HASH : DIALOG_KEY_DIGIT_0;
		switch (dialog_key_meaning(d, key, 0)) {
		case DIALOG_DO_REPEAT:
			return DIALOG_CHANGED;	/* shown again */
		case DIALOG_DO_HELP:
			return dialog_help(d);
		case DIALOG_DO_BACK:
			return dialog_back(d);
		default:
			break;			/* a digit of the field */
		}
	}
	/* A keypad's "done" at the end of a field's line is not part of it. */
	if (s->field != FIELD_NONE && len > 0 && typed[len - 1] == '#') {
		value = xstrdup(typed);
		value[len - 1] = '\0';
		r = dialog_submit(d, value);
		explicit_bzero(value, len);
		free(value);
		return r;
	}
	/* The field's value, or a choice typed as a number. */
	return dialog_submit(d, typed);
}
