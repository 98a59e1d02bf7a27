/*
 * Complaints: a citizen complains at the kiosk (or the desk files it on
 * their behalf) about a service - too slow, an officer's conduct, a fee
 * the service standard does not list, the facility, or something else -
 * with a short text if they want and a phone number if they want an
 * answer by text message; anonymous is allowed. A tracking number like
 * an application's follows it; the centre answers, and the answer comes
 * down with the change feed. The SQL is in db-complaint.c.
 */
#ifndef LOKET_COMPLAINT_H
#define LOKET_COMPLAINT_H

#include <time.h>

#include "common/i18n.h"
#include "office/application.h"

struct db;
struct queue_actor;

enum complaint_kind {
	COMPLAINT_SLOW = 0,
	COMPLAINT_CONDUCT,
	COMPLAINT_FEE,
	COMPLAINT_FACILITY,
	COMPLAINT_OTHER,
	COMPLAINT_KIND_COUNT
};

enum complaint_state {
	COMPLAINT_RECEIVED = 0,
	COMPLAINT_ANSWERED
};

#define COMPLAINT_TEXT_MAX	500	/* characters */

struct complaint_form {
	const char		*service;	/* service code */
	enum complaint_kind	 kind;
	const char		*text;		/* NULL or "": none */
	const char		*phone;		/* NULL: anonymous */
	const char		*day;		/* office-local YYYY-MM-DD */
	enum lang		 lang;		/* of its text message */
};

struct complaint {
	long			 id;
	char			 tracking[TRACKING_LENGTH + 1];
	char			*service_code;
	char			*service_name;	/* in the reader's language */
	enum complaint_kind	 kind;
	char			*text;		/* "" none */
	enum complaint_state	 state;
	char			*answer;	/* "" until answered */
	time_t			 created, answered;
};

/* "conduct": the command-line name; NULL if out of range. */
const char	*complaint_kind_name(enum complaint_kind);
/* The kind of a command-line name, or -1. */
int		 complaint_kind_parse(const char *);
/* "An officer's conduct", in the user's language. */
const char	*complaint_kind_label(enum complaint_kind);
const char	*complaint_state_name(enum complaint_state);
/* "answered": the state; -1 if none. */
int		 complaint_state_parse(const char *);
const char	*complaint_state_label(enum complaint_state);
/* Where a citizen can take a complaint further, in the user's language. */
const char	*complaint_further(void);

/* File: 0, DB_REFUSED (an unknown service, a bad phone...) or DB_FAILED. */
int		 complaint_add(struct db *, const struct queue_actor *,
		     const struct complaint_form *, time_t now,
		     struct complaint *, char **cause);
/* By tracking number: 1 found, 0 not, DB_FAILED. */
int		 complaint_find(struct db *, const char *tracking, enum lang,
		     struct complaint *, char **cause);
/*
 * The centre's answer, as the change feed brings it, in the caller's
 * transaction: 0, DB_REFUSED (no such complaint here) or DB_FAILED.
 */
int		 complaint_answered(struct db *, const char *tracking,
		     const char *answer, time_t at, char **cause);
void		 complaint_clear(struct complaint *);

#endif
