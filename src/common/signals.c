/*
 * Signals: clean exit on SIGTERM/SIGHUP, no escape in kiosk mode, and the
 * terminal given back on every other signal that ends the program.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "common/signals.h"
#include "common/xmalloc.h"

volatile sig_atomic_t	 signals_caught;
static void		(*signals_cleanup)(void);

static void
signals_terminate(int sig)
{
	signals_caught = sig;
}

/* A crash: give the terminal back, then die of the same signal. */
static void
signals_crash(int sig)
{
	static const char	 msg[] = "loket: crashed; terminal restored\n";
	void			(*fn)(void) = signals_cleanup;

	signals_cleanup = NULL;
	if (fn != NULL)
		fn();
	if (write(STDERR_FILENO, msg, sizeof msg - 1) == -1) {
		/* nothing more can be done */
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * Any other signal whose default is to end the program (SIGQUIT, SIGUSR1,
 * SIGALRM, ...): give the terminal back, then die of it all the same.
 */
static void
signals_fatal(int sig)
{
	void	(*fn)(void) = signals_cleanup;

	signals_cleanup = NULL;
	if (fn != NULL)
		fn();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
signals_set(int sig, void (*handler)(int))
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof sa);
	/* No second signal may cut into a handler restoring the terminal. */
	sigfillset(&sa.sa_mask);
	sa.sa_handler = handler;
	sigaction(sig, &sa, NULL);
}

/* The signals whose default action ends the program, bar the ones with
 * their own handling above (and SIGKILL, which nothing can catch). */
static const int signals_fatal_list[] = {
	SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
	SIGXFSZ, SIGSYS, SIGTRAP,
#ifdef SIGIO
	SIGIO,
#endif
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
#ifdef SIGPWR
	SIGPWR,
#endif
#ifdef SIGLOST
	SIGLOST,
#endif
#ifdef SIGEMT
	SIGEMT,
#endif
};

void
signals_install(int locked)
{
	size_t	 i;
	int	 sig;

	signals_set(SIGTERM, signals_terminate);
	signals_set(SIGHUP, signals_terminate);
	signals_set(SIGINT, locked ? SIG_IGN : signals_terminate);
	if (locked) {
		signals_set(SIGQUIT, SIG_IGN);
		signals_set(SIGTSTP, SIG_IGN);
	}
	signals_set(SIGPIPE, SIG_IGN);
	for (i = 0; i < sizeof signals_fatal_list / sizeof *signals_fatal_list;
	    i++) {
		if (signals_fatal_list[i] != SIGQUIT || !locked)
			signals_set(signals_fatal_list[i], signals_fatal);
	}
#ifdef SIGRTMIN
	for (sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		signals_set(sig, signals_fatal);
#endif
	signals_set(SIGSEGV, signals_crash);
	signals_set(SIGBUS, signals_crash);
	signals_set(SIGFPE, signals_crash);
	signals_set(SIGILL, signals_crash);
	signals_set(SIGABRT, signals_crash);
}

void
signals_set_cleanup(void (*fn)(void))
{
	signals_cleanup = fn;
	fatal_set_cleanup(fn);
}
