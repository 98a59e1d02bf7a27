/*
 * What both ends know of applications and complaints: the names of an
 * application's states (as the command lines, the event log and the
 * change feed write them) and which of them need a note. The office adds
 * its labels and which state may follow which (office/application.h);
 * the centre may set any state, and its order decides.
 */
#ifndef LOKET_SYNC_RECORD_H
#define LOKET_SYNC_RECORD_H

#define SYNC_APPLICATION_STATES	6

/* The name of state n (0 received ... 5 rejected); NULL out of range. */
const char	*sync_application_state(int);
/* The state of a name, or -1. */
int		 sync_application_state_parse(const char *);
/* Does the state need a note (which documents, where, why)? */
int		 sync_application_state_needs_note(int);

#endif
