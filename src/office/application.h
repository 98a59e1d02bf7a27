/*
 * Applications: a citizen applies for a service at the desk (an operator
 * registers it on their behalf) and follows it from any kiosk with a
 * tracking number a keypad can type. Its state changes at the desk or at
 * the centre; every change is an event with its time, note and author,
 * and the history is append-only. The SQL is in db-application.c.
 */
#ifndef LOKET_APPLICATION_H
#define LOKET_APPLICATION_H

#include <time.h>

#include "common/i18n.h"
#include "office/nik.h"

struct db;
struct queue_actor;

/*
 * A tracking number is twelve digits, the last a check digit (Verhoeff),
 * shown "3141-5926-5351": a wrong or swapped digit is caught before any
 * lookup, and a USB scanner reads it from the receipt's barcode.
 */
#define TRACKING_LENGTH	12
#define TRACKING_SHOWN	15	/* "3141-5926-5351" and its NUL */

enum application_state {
	APPLICATION_RECEIVED = 0,
	APPLICATION_PROCESSING,
	APPLICATION_DOCUMENTS_NEEDED,
	APPLICATION_READY,
	APPLICATION_HANDED_OVER,
	APPLICATION_REJECTED,
	APPLICATION_STATE_COUNT
};

/* What the desk types to register an application. */
struct application_form {
	const char	*service;	/* service code */
	const char	*name;
	const char	*nik;		/* as typed; checked */
	const char	*phone;		/* NULL: no text messages */
	const char	*handed_in;	/* requirement numbers: "1,3"; NULL */
	const char	*day;		/* the office-local day, YYYY-MM-DD */
	enum lang	 lang;		/* of its text messages */
};

struct application {
	long			 id;
	char			 tracking[TRACKING_LENGTH + 1];
	char			*service_code;
	char			*service_name;	/* in the reader's language */
	char			*name;		/* the desk's; NULL elsewhere */
	char			 nik[NIK_LENGTH + 1];	/* masked */
	char			*handed_in;	/* "1,3" */
	enum application_state	 state;
	char			*note;		/* with the state; "" none */
	time_t			 created, updated;
};

/* One change of state, oldest first. */
struct application_change {
	time_t			 at;
	enum application_state	 state;
	const char		*note;
	const char		*actor;
	const char		*source;	/* "office" or "centre" */
};

/* "documents-needed": the command-line name; NULL if out of range. */
const char	*application_state_name(enum application_state);
/* The state of a command-line name, or -1. */
int		 application_state_parse(const char *);
/* "Documents needed", in the user's language. */
const char	*application_state_label(enum application_state);
/* What the citizen does next, in the user's language. */
const char	*application_state_next(enum application_state);
/* Does the state need a note (which documents, where, why)? */
int		 application_state_needs_note(enum application_state);
/* May an application go from one state to the other at the desk? */
int		 application_may_change(enum application_state from,
		     enum application_state to);

/* A tracking number as typed or scanned: 0, CHECK_DIGIT_WRONG or -1. */
int		 tracking_parse(const char *, char out[TRACKING_LENGTH + 1]);
void		 tracking_format(const char *, char out[TRACKING_SHOWN]);
/*
 * A fresh tracking number used by no application and no complaint, in
 * the caller's write transaction: 0 or DB_FAILED.
 */
int		 tracking_new(struct db *, char out[TRACKING_LENGTH + 1],
		     char **cause);

/*
 * Register: 0, DB_REFUSED (a wrong NIK, an unknown service, a name
 * missing...) or DB_FAILED, with a cause. The NIK is kept masked, and
 * sealed with the name and phone to the centre's key when the office
 * follows a centre; it is never stored whole.
 */
int		 application_add(struct db *, const struct queue_actor *,
		     const struct application_form *, time_t now,
		     struct application *, char **cause);
/* By tracking number: 1 found, 0 not, DB_FAILED. */
int		 application_find(struct db *, const char *tracking,
		     enum lang, struct application *, char **cause);
/* Change its state: 0, DB_REFUSED (not allowed, note missing), DB_FAILED. */
int		 application_update(struct db *, const struct queue_actor *,
		     const char *tracking, enum application_state,
		     const char *note, time_t now, struct application *,
		     char **cause);
/*
 * A state the centre set, from the change feed, in the caller's
 * transaction: the application takes it, and its history gets it with
 * the source "centre" (no event: it came from there). 0; DB_REFUSED when
 * the application is not this office's or the state is unknown;
 * DB_FAILED.
 */
int		 application_from_centre(struct db *, const char *tracking,
		     const char *state, const char *note, time_t at,
		     char **cause);
/* Its history, oldest first, to fn: 0 or DB_FAILED. */
int		 application_history(struct db *, long id,
		     int (*fn)(void *, const struct application_change *),
		     void *, char **cause);
/*
 * The applications in state (-1: any) created on day (NULL: any),
 * newest first, to fn: 0 or DB_FAILED.
 */
int		 application_list(struct db *, int state, const char *day,
		     enum lang,
		     int (*fn)(void *, const struct application *), void *,
		     char **cause);
void		 application_clear(struct application *);

#endif
