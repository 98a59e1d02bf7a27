/* The curses front-end: full screen, keypad and arrows, 80x24 and up. */
#ifndef LOKET_TUI_H
#define LOKET_TUI_H

#include <stddef.h>

struct config;
struct dialog;
struct screen;

/* Can this terminal address the cursor? (Otherwise use line mode.) */
int	 tui_available(void);
/* Run the kiosk until the operator exits or a signal; the exit status. */
int	 tui_run(struct dialog *, const struct config *);

/* What the drawing needs besides the screen model. */
struct tui_view {
	size_t		 selected;	/* item under the cursor */
	int		 scroll;	/* first content line shown */
	int		 max_scroll;	/* set by drawing */
	const char	*field_value;	/* what has been typed */
	const char	*notice;	/* idle warning, overrides the message */
	int		 can_exit;	/* show the exit key (not in kiosk mode) */
};

/* Draw the screen into stdscr (no refresh); placing the cursor. */
void	 tui_draw(const struct screen *, struct tui_view *);

#endif
