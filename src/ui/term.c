/* Taking the terminal for curses and giving it back. */
#include "config.h"

#include <curses.h>
#include <term.h>

#include "common/signals.h"
#include "ui/term.h"

static int	 term_active;

void
term_finish(void)
{
	if (!term_active)
		return;
	term_active = 0;
	curs_set(1);
	endwin();
}

int
term_start(int cursor)
{
	SCREEN	*screen;
	char	*cup;

	if ((screen = newterm(NULL, stdout, stdin)) == NULL)
		return -1;
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(screen);
		return -1;
	}
	term_active = 1;
	signals_set_cleanup(term_finish);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(cursor);
	return 0;
}
