/*
 * A citizen's session at the kiosk: after a while without a key press a
 * warning counts down, then the kiosk starts over for the next citizen.
 */
#ifndef LOKET_SESSION_H
#define LOKET_SESSION_H

#include <time.h>

enum session_state {
	SESSION_ACTIVE,
	SESSION_WARNING,	/* counting down; any key extends */
	SESSION_EXPIRED		/* start over */
};

struct session {
	time_t	 last_key;
	int	 idle_timeout;	/* seconds before the warning */
	int	 idle_warning;	/* seconds the warning lasts */
};

void		 session_init(struct session *, int idle_timeout,
		     int idle_warning, time_t now);
/* A key was pressed. */
void		 session_touch(struct session *, time_t now);
/* Where the session stands; *left is the countdown during a warning. */
enum session_state session_state(const struct session *, time_t now,
		     int *left);
/* The warning to show and speak, in the current language; owned. */
char		*session_warning_text(int left);

#endif
