/*
 * What a citizen or an operator types into a form (a name, a note, a
 * complaint's text), checked the same way everywhere: a refusal names
 * the field and what is wrong, in the user's language.
 */
#ifndef LOKET_FORM_H
#define LOKET_FORM_H

#include <stddef.h>

/*
 * Text of at most max characters for field (its name, translated): 0, or
 * DB_REFUSED with an owned cause. Empty is refused only when required.
 */
int	 form_text(const char *text, size_t max, int required,
	     const char *field, char **cause);

#endif
