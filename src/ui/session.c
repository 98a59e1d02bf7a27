/* A citizen's session at the kiosk: the idle warning and the reset. */
#include "config.h"

#include "common/i18n.h"
#include "common/xmalloc.h"
#include "ui/session.h"

void
session_init(struct session *s, int idle_timeout, int idle_warning,
    time_t now)
{
	s->idle_timeout = idle_timeout;
	s->idle_warning = idle_warning;
	s->last_key = now;
}

void
session_touch(struct session *s, time_t now)
{
	s->last_key = now;
}

enum session_state
session_state(const struct session *s, time_t now, int *left)
{
	time_t	 idle = now - s->last_key;

	*left = 0;
	if (idle < s->idle_timeout)
		return SESSION_ACTIVE;
	if (idle < (time_t)s->idle_timeout + s->idle_warning) {
		*left = (int)(s->idle_timeout + s->idle_warning - idle);
		return SESSION_WARNING;
	}
	return SESSION_EXPIRED;
}

char *
session_warning_text(int left)
{
	return xasprintf(ngettext("Are you still there? This session ends in "
	    "%d second. Press any key to continue.", "Are you still there? "
	    "This session ends in %d seconds. Press any key to continue.",
	    left), left);
}
