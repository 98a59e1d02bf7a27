/*
 * Shared by the queue commands (cmd-ticket-*.c, cmd-queue-status.c).
 * Their options are parsed with getopt_long over (argc + 1, argv - 1):
 * argv[-1] is the command's last word, as argv[0] is a program's name.
 */
#ifndef LOKET_CMD_QUEUE_H
#define LOKET_CMD_QUEUE_H

#include <jansson.h>

#include "office/queue.h"

struct config;

/* Nobody waits: "ticket call" found no ticket. */
#define EXIT_EMPTY	4
/* The ticket was taken but the printer failed. */
#define EXIT_PRINTER	5

/* The user and terminal running the command, for the event log. */
void	 cmd_queue_actor(struct queue_actor *, int counter);
/* The queue rules from the configuration; the cause printed on error. */
int	 cmd_queue_rules(const struct config *, struct queue_rules *);
/* A ticket as a JSON object (a new reference). */
json_t	*cmd_queue_ticket_json(const struct ticket *);
/* Print a JSON value on one line and drop the reference. */
int	 cmd_queue_print_json(json_t *);
/* Parse a counter number (1-99) or a ticket id; the error printed. */
int	 cmd_queue_counter(const char *, int *);
int	 cmd_queue_id(const char *, long *);

#endif
