/*
 * What the centre accepts when it sets an application's state or answers
 * a complaint, from the command line or from a back office's request:
 * one set of rules, each end saying the refusal in its own words.
 */
#ifndef LOKETD_RECORD_RULES_H
#define LOKETD_RECORD_RULES_H

#define RECORD_NOTE_MAX	500	/* characters of a note or an answer */

enum record_problem {
	RECORD_OK = 0,
	RECORD_BAD_TRACKING,	/* not twelve digits */
	RECORD_BAD_STATE,	/* not a state's name */
	RECORD_NOTE_NEEDED,	/* documents-needed, ready, rejected */
	RECORD_BAD_TEXT,	/* control characters, bad UTF-8, too long */
	RECORD_EMPTY_ANSWER	/* a complaint's answer is empty */
};

/* kind "application" (state and note) or "complaint" (note: the answer). */
enum record_problem record_check(const char *kind, const char *tracking,
	     const char *state, const char *note);

#endif
