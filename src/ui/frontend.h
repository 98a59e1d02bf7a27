/* Running a dialogue in the front-end the terminal allows. */
#ifndef LOKET_FRONTEND_H
#define LOKET_FRONTEND_H

struct config;
struct dialog;

/* Can a front-end start with this configuration? 0, or -1 and a cause. */
int	 frontend_check(const struct config *, char **cause);
/*
 * After frontend_check: curses when the terminal can address its cursor and line mode was not
 * asked for (config->line_mode), else line mode; the exit status.
 */
int	 frontend_run(struct dialog *, const struct config *);

#endif
