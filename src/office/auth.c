/* Operators: password hashing and the rules of a login. */
#include "config.h"

#include <stdlib.h>
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

/* Names remembered at one terminal: the oldest is forgotten first. */
#define AUTH_THROTTLE_NAMES	64

struct auth_try {
	char	*name;
	int	 wrong;		/* wrong tries in a row */
	int64_t	 until;		/* no try before this, in ms */
	int64_t	 last;
};

struct auth_throttle {
	struct auth_try	 tries[AUTH_THROTTLE_NAMES];
};

struct auth_throttle *
auth_throttle_new(void)
{
	return xcalloc(1, sizeof (struct auth_throttle));
}

void
auth_throttle_free(struct auth_throttle *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < AUTH_THROTTLE_NAMES; i++)
		free(t->tries[i].name);
	free(t);
}

/* The entry for name, or NULL. */
static struct auth_try *
auth_throttle_find(const struct auth_throttle *t, const char *name)
{
	size_t	 i;

	for (i = 0; i < AUTH_THROTTLE_NAMES; i++) {
		if (t->tries[i].name != NULL &&
		    strcmp(t->tries[i].name, name) == 0)
			return (struct auth_try *)&t->tries[i];
	}
	return NULL;
}

int
auth_throttle_wait(const struct auth_throttle *t, const char *name,
    int64_t now_ms)
{
	struct auth_try	*try = auth_throttle_find(t, name);

	if (try == NULL || try->until <= now_ms)
		return 0;
	return (int)((try->until - now_ms + 999) / 1000);
}

void
auth_throttle_record(struct auth_throttle *t, const char *name, int right,
    int64_t now_ms)
{
	struct auth_try	*try = auth_throttle_find(t, name);
	size_t		 i, oldest = 0;
	int		 wait;

	if (right) {
		if (try != NULL) {
			free(try->name);
			memset(try, 0, sizeof *try);
		}
		return;
	}
	if (try == NULL) {
		for (i = 0; i < AUTH_THROTTLE_NAMES; i++) {
			if (t->tries[i].name == NULL ||
			    t->tries[i].last < t->tries[oldest].last)
				oldest = i;
			if (t->tries[i].name == NULL)
				break;
		}
		try = &t->tries[oldest];
		free(try->name);
		memset(try, 0, sizeof *try);
		try->name = xstrdup(name);
	}
	try->last = now_ms;
	if (++try->wrong < AUTH_FREE_TRIES)
		return;
	wait = try->wrong - AUTH_FREE_TRIES >= 9 ? AUTH_WAIT_MAX :
	    1 << (try->wrong - AUTH_FREE_TRIES);
	try->until = now_ms + 1000 * (int64_t)(wait < AUTH_WAIT_MAX ? wait :
	    AUTH_WAIT_MAX);
}
