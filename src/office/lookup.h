/*
 * A kiosk asks the centre about an application or a complaint registered
 * at another office, by its tracking number, in the background: the
 * kiosk keeps answering keys and says it is searching, and gives up
 * after a few seconds (the office's own copy then stands, "as of" its
 * last sync). The request runs in a thread of its own with a libcurl
 * handle of its own; it never touches the database.
 */
#ifndef LOKET_LOOKUP_H
#define LOKET_LOOKUP_H

#include <time.h>

struct db;
struct lookup;

enum lookup_state {
	LOOKUP_SEARCHING = 0,
	LOOKUP_FOUND,		/* the centre answered with it */
	LOOKUP_UNKNOWN,		/* the centre does not know the number */
	LOOKUP_UNREACHABLE	/* no answer in time, or a refusal */
};

/* What the centre said of one; owned strings. */
struct lookup_answer {
	char	*service;	/* its code */
	char	*state;		/* "ready", "answered" ... */
	char	*note;		/* the note, or a complaint's answer */
	time_t	 updated;
};

/*
 * Ask the centre about kind ("application" or "complaint") tracking,
 * giving up after seconds: NULL when this office follows no centre.
 */
struct lookup	*lookup_start(struct db *, const char *kind,
		     const char *tracking, int seconds);
/* Where it stands; when LOOKUP_FOUND, *answer filled (clear it). */
enum lookup_state lookup_poll(struct lookup *, struct lookup_answer *);
/* Wait for it to end, at most its seconds; where it stands then. */
enum lookup_state lookup_wait(struct lookup *);
/* Forget it; a request still running ends by itself. */
void		 lookup_free(struct lookup *);
void		 lookup_answer_clear(struct lookup_answer *);

#endif
