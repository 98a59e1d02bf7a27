/*
 * Shared by the commands about a record the office keeps by tracking
 * number (cmd-application.c, cmd-complaint.c): what they open, how
 * status reads its arguments, how a record is found or said missing,
 * and how one is shown, as JSON or in words. A kind of record is a
 * table of the functions that read, free and show one (struct
 * cmd_record_type); the record itself is the caller's.
 */
#ifndef LOKET_CMD_RECORD_H
#define LOKET_CMD_RECORD_H

#include <jansson.h>

#include "common/i18n.h"
#include "office/application.h"
#include "office/queue.h"

struct config;
struct db;

/* What a record command opens. */
struct cmd_record {
	struct queue_rules	 rules;	/* the office's zone and day */
	struct db		*db;
	struct queue_actor	 who;
};

/* A kind of record, through a pointer to one. */
struct cmd_record_type {
	/* "There is no ... %s here.", marked N_(); %s the number typed */
	const char	*missing;
	/* By tracking number: 1 found, 0 not, DB_FAILED. */
	int		 (*find)(struct db *, const char *tracking, enum lang,
			     void *, char **cause);
	void		 (*clear)(void *);
	/* A new reference. */
	json_t		*(*json)(const struct cmd_record *, const void *);
	void		 (*print)(const struct cmd_record *, const void *);
};

/* The rules, the database and who acts: 0, or the exit status said. */
int		 cmd_record_open(const struct config *, struct cmd_record *);
void		 cmd_record_close(struct cmd_record *);
/*
 * "TRACKING [--json]": the number as typed into *typed (argv's), read
 * into tracking, and --json into *json; 0, or the exit status with the
 * error (usage, translated) printed.
 */
int		 cmd_record_status_args(int argc, char **argv,
		     const char *usage, const char **typed,
		     char tracking[TRACKING_LENGTH + 1], int *json);
/*
 * The record by tracking number into record: 0, or EXIT_FAIL (none;
 * said with the number as typed) or EXIT_DATABASE (the cause said).
 */
int		 cmd_record_find(struct db *, const struct cmd_record_type *,
		     const char *tracking, const char *typed, enum lang,
		     void *record);
/* Print the record as one line of JSON or in words. */
void		 cmd_record_show(const struct cmd_record *,
		     const struct cmd_record_type *, int json, const void *);
/*
 * After an action refused (DB_REFUSED) or failed (DB_FAILED): the cause
 * printed and freed, c closed; the exit status.
 */
int		 cmd_record_failed(struct cmd_record *, int rc, char *cause);
/*
 * A record just written, shown: its JSON as written, or in words read
 * again by its tracking number (which may point into it), for the
 * service's name in the reader's language. 1 shown in words, 0 not.
 */
int		 cmd_record_written(const struct cmd_record *,
		     const struct cmd_record_type *, int json,
		     const char *tracking, enum lang, void *record);

#endif
