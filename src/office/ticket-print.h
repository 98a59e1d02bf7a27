/* Printing slips - queue tickets, application receipts - as configured. */
#ifndef LOKET_TICKET_PRINT_H
#define LOKET_TICKET_PRINT_H

struct config;
struct db;
struct queue_rules;
struct ticket;

/* Is a printer configured ([printer] type other than none)? */
int	 ticket_print_enabled(const struct config *);
/*
 * Print the ticket with the office, service, time, people ahead and a QR
 * code of its id; -1 and a cause if the printer failed (the ticket is
 * valid all the same).
 */
int	 ticket_print(struct db *, const struct config *,
	     const struct queue_rules *, const struct ticket *, int ahead,
	     char **cause);

/*
 * Print an application's receipt: the service, the tracking number, the
 * masked NIK and a QR code of the number; -1 and a cause on failure.
 */
struct application;
int	 application_print(struct db *, const struct config *,
	     const struct queue_rules *, const struct application *,
	     char **cause);

#endif
