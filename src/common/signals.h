/*
 * Signals: SIGTERM and SIGHUP end the program cleanly from the main loop;
 * in kiosk mode the keyboard signals are ignored; a crash, and any other
 * signal whose default is to end the program (SIGQUIT, SIGUSR1, SIGALRM,
 * the real-time ones...), gives the terminal back before the program
 * dies of it.
 */
#ifndef LOKET_SIGNALS_H
#define LOKET_SIGNALS_H

#include <signal.h>

/* The last terminating signal caught, or 0. */
extern volatile sig_atomic_t signals_caught;

/* Install the handlers; locked ignores Ctrl-C, Ctrl-Z and Ctrl-\. */
void	 signals_install(int locked);
/* What to call on a crash (and on fatal()) to restore the terminal. */
void	 signals_set_cleanup(void (*)(void));

#endif
