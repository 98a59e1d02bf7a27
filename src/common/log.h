/* The log: a file or syslog, never the screen while curses runs. */
#ifndef LOKET_LOG_H
#define LOKET_LOG_H

/* Open the log. path NULL means syslog. verbose adds debug lines. */
int	 log_open(const char *path, int verbose, char **cause);
void	 log_close(void);

void	 log_debug(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 log_error(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
