/* Typed text in forms: one check, one set of messages. */
#include "config.h"

#include <stdlib.h>

#include "common/i18n.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/db.h"
#include "office/form.h"

int
form_text(const char *text, size_t max, int required, const char *field,
    char **cause)
{
	switch (text_check_input(text != NULL ? text : "", max)) {
	case TEXT_OK:
		return 0;
	case TEXT_EMPTY:
		if (!required)
			return 0;
		*cause = xasprintf(_("The %s is missing."), field);
		break;
	case TEXT_TOO_LONG:
		*cause = xasprintf(_("The %s is too long: at most %zu "
		    "characters."), field, max);
		break;
	default:
		*cause = xasprintf(_("The %s holds characters that are not "
		    "text."), field);
		break;
	}
	return DB_REFUSED;
}
