/* The curses front-end: full screen, keypad and arrows, 80x24 and up. */
#ifndef LOKET_TUI_H
#define LOKET_TUI_H

#include <stddef.h>

#include "ui/dialog.h"

struct config;
struct dialog;
struct screen;

/* Is there a terminal worth trying curses on? */
int	 tui_available(void);
/*
 * Run the kiosk until the operator exits or a signal; the exit status, or
 * TUI_UNAVAILABLE if the terminal cannot address the cursor.
 */
int	 tui_run(struct dialog *, const struct config *);
#define TUI_UNAVAILABLE	(-1)

/* What the drawing needs besides the screen model. */
struct tui_view {
	size_t		 selected;	/* item under the cursor */
	int		 scroll;	/* first content line shown */
	int		 follow;	/* scroll to keep the selection shown */
	int		 max_scroll;	/* set by drawing */
	const char	*field_value;	/* what has been typed */
	const char	*notice;	/* idle warning, overrides the message */
	const char	*status;	/* shown when there is no message */
	int		 can_exit;	/* show the exit key (not in kiosk mode) */
	/* The dialogue's key hints for this screen, in the order shown. */
	struct dialog_hint	 hints[DIALOG_HINTS_MAX];
	size_t		 nhints;
};

/* Draw the screen into stdscr (no refresh); placing the cursor. */
void	 tui_draw(const struct screen *, struct tui_view *);

#endif
