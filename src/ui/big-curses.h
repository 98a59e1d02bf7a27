/*
 * Big characters on a curses screen (the board's calls, the kiosk's ticket
 * number), drawn with what the terminal has: a full block when terminfo
 * lists one in its line-drawing set (the Linux console; U+2588 in a UTF-8
 * locale, its own alternate character otherwise), else '#' (a VT100, a
 * serial terminal). Never a character the terminal may not show.
 */
#ifndef LOKET_BIG_CURSES_H
#define LOKET_BIG_CURSES_H

/* Draw text big, its top left corner at (y, x), clipped to the screen. */
void	 big_draw(int y, int x, const char *text);

#endif
