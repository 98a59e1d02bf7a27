/*
 * Scriptable subcommands: each is a small table entry in its own
 * cmd-*.c file, as tmux does it.
 */
#ifndef LOKET_CMD_H
#define LOKET_CMD_H

struct config;
struct db;
struct option;

/* Exit statuses, documented in loket(1). */
#define EXIT_OK		0
#define EXIT_FAIL	1	/* bad input or data; a message says why */
#define EXIT_USAGE	2	/* wrong options or arguments */
#define EXIT_DATABASE	3	/* the database could not be used */
/* 4 and 5 mean what each command says: the queue's (cmd-queue.h), and: */
#define EXIT_UNREACHABLE 4	/* loket sync: no answer; try again later */
#define EXIT_NOT_ENROLLED 5	/* loket sync: no centre yet */
#define EXIT_OUTPUT_LOST 6	/* done, but its output could not be written */

struct cmd_entry {
	const char	*name;		/* "catalog import" */
	const char	*usage;		/* arguments, after the name */
	int		 min_args;
	int		 max_args;	/* -1: any */
	int		 (*exec)(const struct config *, int, char **);
};

/* Find the command named by the first words of argv; NULL if none. */
const struct cmd_entry *cmd_find(int argc, char **argv, int *used);
/* Run it with its arguments; an exit status. */
int		 cmd_run(const struct cmd_entry *, const struct config *,
		     int argc, char **argv);
/*
 * getopt_long, with the errors (an unknown option, a missing value)
 * printed by cmd_error under "loket: " and returned as '?'.
 */
int		 cmd_getopt(int argc, char **argv, const char *shortopts,
		     const struct option *);
/* Print every command's usage line. */
void		 cmd_print_usage(void);

/*
 * Open the configured database; print the cause and return NULL. mode is
 * an enum db_open_mode: 0 an existing database, 1 create it (init).
 */
struct db	*cmd_open_db(const struct config *, int mode);
/* Print an error in the user's language, prefixed with "loket: ". */
void		 cmd_error(const char *, ...)
		     __attribute__((format(printf, 1, 2)));
/*
 * The status for what an action of the office returned: EXIT_DATABASE
 * for DB_FAILED (trying again may work), else EXIT_FAIL (a refusal).
 */
int		 cmd_failure_status(int rc);
/* The exit status of loket sync for an enum agent_status. */
int		 cmd_sync_status_of(int);
/* Flush standard output; an error and EXIT_FAIL if that fails. */
int		 cmd_close_stdout(int status);
/*
 * A tracking number as typed or scanned into out (13 bytes): 0, or
 * EXIT_FAIL with the message printed.
 */
int		 cmd_tracking(const char *typed, char *out);
/*
 * The same after an action that stands once done (a ticket taken or
 * called, a booking made): if done, a failed write is EXIT_OUTPUT_LOST.
 */
int		 cmd_close_stdout_done(int status, int done);

extern const struct cmd_entry cmd_catalog_import_entry;
extern const struct cmd_entry cmd_catalog_export_entry;
extern const struct cmd_entry cmd_catalog_show_entry;
extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_desk_entry;
extern const struct cmd_entry cmd_ticket_take_entry;
extern const struct cmd_entry cmd_ticket_call_entry;
extern const struct cmd_entry cmd_ticket_finish_entry;
extern const struct cmd_entry cmd_ticket_recall_entry;
extern const struct cmd_entry cmd_ticket_serve_entry;
extern const struct cmd_entry cmd_ticket_noshow_entry;
extern const struct cmd_entry cmd_ticket_park_entry;
extern const struct cmd_entry cmd_ticket_resume_entry;
extern const struct cmd_entry cmd_ticket_transfer_entry;
extern const struct cmd_entry cmd_queue_status_entry;
extern const struct cmd_entry cmd_board_entry;
extern const struct cmd_entry cmd_say_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_booking_slots_entry;
extern const struct cmd_entry cmd_booking_make_entry;
extern const struct cmd_entry cmd_booking_checkin_entry;
extern const struct cmd_entry cmd_user_add_entry;
extern const struct cmd_entry cmd_user_passwd_entry;
extern const struct cmd_entry cmd_user_disable_entry;
extern const struct cmd_entry cmd_user_list_entry;
extern const struct cmd_entry cmd_sync_enrol_entry;
extern const struct cmd_entry cmd_sync_status_entry;
extern const struct cmd_entry cmd_sync_entry;
extern const struct cmd_entry cmd_application_add_entry;
extern const struct cmd_entry cmd_application_status_entry;
extern const struct cmd_entry cmd_application_update_entry;
extern const struct cmd_entry cmd_application_list_entry;
extern const struct cmd_entry cmd_complaint_add_entry;
extern const struct cmd_entry cmd_complaint_status_entry;
extern const struct cmd_entry cmd_notify_status_entry;
extern const struct cmd_entry cmd_notify_entry;

#endif
