/*
 * The settings of text messages: the transports' names and the checks of
 * [notify] in loket.conf, and whether a transport is set up. Nothing here
 * touches the database or a network, so the configuration's fuzz target
 * links it alone.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/configuration.h"
#include "common/i18n.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/notify.h"

const char *const notify_transport_names[] = {
	"none", "http", "gammu", "command", NULL
};

const char *const notify_method_names[] = { "post", "get", "put", NULL };

int
notify_configured(const struct config *c, char **cause)
{
	static const struct {
		enum notify_transport	 transport;
		size_t			 offset;
		const char		*key;
	} needs[] = {
		{ NOTIFY_HTTP, CONFIG_AT(notify_url), "url" },
		{ NOTIFY_COMMAND, CONFIG_AT(notify_command), "command" },
	};
	size_t	 i;

	if (c->notify_transport == NOTIFY_NONE)
		return 0;
	for (i = 0; i < sizeof needs / sizeof needs[0]; i++) {
		if ((int)needs[i].transport != c->notify_transport ||
		    *(char *const *)((const char *)c + needs[i].offset) != NULL)
			continue;
		*cause = xasprintf(_("[notify] transport = %s needs \"%s\"."),
		    notify_transport_names[c->notify_transport], needs[i].key);
		return 0;
	}
	return 1;
}

int
notify_enabled(const struct config *c)
{
	char	*cause = NULL;
	int	 yes;

	yes = notify_configured(c, &cause);
	free(cause);
	return yes;
}

/* The placeholders a template may hold. */
static const char *const notify_placeholders[] = {
	"id", "phone", "phone_e164", "text", NULL
};

int
notify_check_template(const char *key, const char *value, char **cause)
{
	const char	*p, *end;
	size_t		 i, n;

	if (text_check_input(value, 4096) != TEXT_OK) {
		*cause = xasprintf(_("\"%s\" must not be empty or hold control "
		    "characters"), key);
		return -1;
	}
	for (p = value; (p = strchr(p, '{')) != NULL; p++) {
		n = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz0123456789_");
		end = p + 1 + n;
		if (n == 0 || *end != '}')
			continue;	/* a brace of JSON, not a placeholder */
		for (i = 0; notify_placeholders[i] != NULL; i++) {
			if (strlen(notify_placeholders[i]) == n &&
			    strncmp(notify_placeholders[i], p + 1, n) == 0)
				break;
		}
		if (notify_placeholders[i] == NULL) {
			*cause = xasprintf(_("\"%s\" holds {%.*s}, which is not "
			    "a placeholder: use {id}, {phone}, {phone_e164} or "
			    "{text}"), key, (int)n, p + 1);
			return -1;
		}
	}
	return 0;
}

int
notify_check_header(const char *key, const char *value, char **cause)
{
	size_t	 name;

	name = strspn(value, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789-_");
	if (name == 0 || value[name] != ':' ||
	    text_check_input(value, 4096) != TEXT_OK) {
		*cause = xasprintf(_("\"%s\" must be a header line such as "
		    "\"Authorization: Bearer KEY\""), key);
		return -1;
	}
	return 0;
}

int
notify_check_url(const char *key, const char *value, char **cause)
{
	if (strncmp(value, "http://", 7) != 0 &&
	    strncmp(value, "https://", 8) != 0) {
		*cause = xasprintf(_("\"%s\" must start with http:// or "
		    "https://, not \"%s\""), key, value);
		return -1;
	}
	return notify_check_template(key, value, cause);
}
