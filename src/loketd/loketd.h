/*
 * loketd's commands: each a table entry (name, usage, exec) in its own
 * file, as loket's are. They share the settings read from loketd.conf and
 * the command line. A command never speaks HTTP but through server.h.
 */
#ifndef LOKETD_LOKETD_H
#define LOKETD_LOKETD_H

#define LOKETD_EXIT_OK		0
#define LOKETD_EXIT_FAIL	1	/* refused; a message says why */
#define LOKETD_EXIT_USAGE	2
#define LOKETD_EXIT_DATABASE	3	/* the store could not be used */

struct loketd_conf {
	char	*listen;
	char	*db;
	char	*tls_cert;
	char	*tls_key;
	int	 plain_http;	/* plain HTTP beyond loopback (a proxy) */
	int	 threads;
	int	 store_handles;	/* the pool's size; 0: threads */
	int	 rate_per_minute;	/* requests per office; -1: default */
};

struct loketd_cmd {
	const char	*name;
	const char	*usage;
	int		 (*exec)(struct loketd_conf *, int, char **);
};

extern const struct loketd_cmd loketd_init_cmd;
extern const struct loketd_cmd loketd_migrate_cmd;
extern const struct loketd_cmd loketd_generation_cmd;
extern const struct loketd_cmd loketd_serve_cmd;
extern const struct loketd_cmd loketd_office_add_cmd;
extern const struct loketd_cmd loketd_office_list_cmd;
extern const struct loketd_cmd loketd_office_disable_cmd;
extern const struct loketd_cmd loketd_report_cmd;
extern const struct loketd_cmd loketd_catalog_publish_cmd;
extern const struct loketd_cmd loketd_holidays_publish_cmd;
extern const struct loketd_cmd loketd_events_cmd;
extern const struct loketd_cmd loketd_application_update_cmd;
extern const struct loketd_cmd loketd_complaint_reply_cmd;
extern const struct loketd_cmd loketd_backoffice_add_cmd;
extern const struct loketd_cmd loketd_backoffice_disable_cmd;

/* Print an error prefixed with "loketd: ". */
void	 loketd_error(const char *, ...) __attribute__((format(printf, 1, 2)));
/* Open the configured store; print the cause and return NULL. */
struct store *loketd_open(const struct loketd_conf *, int mode);
/* Flush standard output: status, or LOKETD_EXIT_FAIL if that failed. */
int	 loketd_close_stdout(int status);

#endif
