/* Operators: password hashing and the rules of a login. */
#include "config.h"

#include <string.h>

#include <sodium.h>

#include "common/i18n.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/auth.h"

int
auth_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

int
auth_name_valid(const char *name)
{
	size_t	 len = strlen(name);

	if (len == 0 || len > 32)
		return 0;
	return strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789._-") == len;
}

char *
auth_password_problem(const char *password)
{
	if (!text_utf8_valid(password, strlen(password)))
		return xstrdup(_("The password is not valid text."));
	if (text_length(password) < AUTH_PASSWORD_MIN)
		return xasprintf(_("The password is too short: use at least %d "
		    "characters."), AUTH_PASSWORD_MIN);
	if (text_length(password) > AUTH_PASSWORD_MAX)
		return xasprintf(_("The password is too long: use at most %d "
		    "characters."), AUTH_PASSWORD_MAX);
	if (text_check_input(password, AUTH_PASSWORD_MAX) == TEXT_CONTROL)
		return xstrdup(_("The password holds control characters."));
	return NULL;
}
