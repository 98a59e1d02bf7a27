/*
 * Taking the terminal for curses and giving it back, shared by the
 * kiosk and desk front-end (tui.c) and the board (board.c): one place
 * that restores the terminal on every exit path.
 */
#ifndef LOKET_TERM_H
#define LOKET_TERM_H

/*
 * Start curses in raw mode (Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys),
 * without echo, with the keypad on and the hardware cursor shown or not;
 * -1 if the terminal cannot address its cursor (nothing was changed).
 */
int	 term_start(int cursor);
/* Give the terminal back; safe to call more than once, and on a crash. */
void	 term_finish(void);

#endif
