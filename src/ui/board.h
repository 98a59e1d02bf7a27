/*
 * The display board: a full-screen curses front-end for a screen the
 * waiting room can see. It shows the latest call in big characters, the
 * calls before it, how many people wait for each service and the office
 * time; it announces every call and recall aloud (board-voice.c), on its
 * status line and in the log. It shows no personal data, takes no input
 * but the voice settings and the keys to leave, and reads the database
 * once a second.
 */
#ifndef LOKET_BOARD_H
#define LOKET_BOARD_H

struct config;
struct db;
struct queue_rules;

/*
 * Run the board until q or Ctrl-X (unless the configuration is locked) or
 * a signal; the terminal is given back on every way out. Returns the exit
 * status (128 + the signal when one ended it), or BOARD_UNAVAILABLE if the
 * terminal cannot address the cursor. The caller installs no signal
 * handlers; the board does.
 */
int	 board_run(struct db *, const struct config *,
	     const struct queue_rules *);
#define BOARD_UNAVAILABLE	(-1)

#endif
