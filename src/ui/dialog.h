/*
 * The dialogue: the kiosk's screens as data, and what each action does.
 * A front-end asks for the current screen model, draws it, and turns keys
 * into the actions below. It never decides what a choice means.
 */
#ifndef LOKET_DIALOG_H
#define LOKET_DIALOG_H

#include <stddef.h>

#include "common/i18n.h"

struct config;
struct db;
struct screen;

enum dialog_result {
	DIALOG_SAME = 0,	/* nothing changed */
	DIALOG_CHANGED,		/* draw the screen again */
	DIALOG_QUIT		/* the operator ended the program */
};

struct queue_rules;

struct dialog	*dialog_new(struct db *, const struct config *,
		     const struct queue_rules *);
/* Offer bookings and check-in with these rules (borrowed). */
struct booking_rules;
void		 dialog_set_booking(struct dialog *,
		     const struct booking_rules *);
/* The operator desk: login, counter, then the desk's actions. */
struct dialog	*dialog_new_desk(struct db *, const struct config *,
		     const struct queue_rules *);
void		 dialog_free(struct dialog *);

/* The current screen, borrowed until the next action. */
const struct screen *dialog_screen(struct dialog *);

/* Pick choice n (counting from 1). */
enum dialog_result dialog_choose(struct dialog *, size_t n);
/* Go back one screen (key 0). */
enum dialog_result dialog_back(struct dialog *);
/* Submit typed text: the field's value, or a choice typed as a number. */
enum dialog_result dialog_submit(struct dialog *, const char *);
/* Open help and settings (key #). */
enum dialog_result dialog_help(struct dialog *);
/* Leave the program: at once, or after the office's exit code. */
enum dialog_result dialog_exit(struct dialog *);
/*
 * Keys, decoded once by the front-ends: the twelve keys of a keypad and
 * the few keyboard keys that also act (dialog-keys.c says what each
 * means where).
 */
enum dialog_key {
	DIALOG_KEY_DIGIT,	/* 1-9 */
	DIALOG_KEY_DIGIT_0,
	DIALOG_KEY_STAR,
	DIALOG_KEY_HASH,
	DIALOG_KEY_ENTER,
	DIALOG_KEY_ESCAPE,
	DIALOG_KEY_ERASE,	/* Backspace */
	DIALOG_KEY_TEXT,	/* any other printable character */
	DIALOG_KEY_INTERRUPT,	/* Ctrl-C */
	DIALOG_KEY_EXIT		/* Ctrl-X */
};

/* What the front-end is to do with a key. */
enum dialog_do {
	DIALOG_DO_NOTHING,
	DIALOG_DO_CHOOSE,		/* dialog_choose(the digit) */
	DIALOG_DO_CHOOSE_SELECTED,	/* dialog_choose(the cursor's item) */
	DIALOG_DO_BACK,			/* dialog_back */
	DIALOG_DO_REPEAT,		/* show and say the screen again */
	DIALOG_DO_HELP,			/* dialog_help */
	DIALOG_DO_TYPE,			/* add the character to the field */
	DIALOG_DO_ERASE,		/* take the field's last one away */
	DIALOG_DO_SUBMIT,		/* dialog_submit(the field) */
	DIALOG_DO_EXIT,			/* dialog_exit */
	DIALOG_DO_QUIT			/* leave at once */
};

/* What key means now, with typed characters in the field. */
enum dialog_do	 dialog_key_meaning(struct dialog *, enum dialog_key,
		     size_t typed);

/* One hint of the key line, and how much it matters when space is short. */
struct dialog_hint {
	const char	*text;		/* "# Done" */
	int		 keep;		/* the lowest is dropped first */
};
#define DIALOG_HINTS_MAX	4
/* The key line's hints for the current screen, in the order shown. */
size_t		 dialog_key_hints(struct dialog *, size_t typed,
		     struct dialog_hint[DIALOG_HINTS_MAX]);
/* The rule of a field's keys, to be said with the screen; NULL if none. */
const char	*dialog_key_rule(struct dialog *);
/* Line mode: act on one typed line, with the same rules. */
enum dialog_result dialog_line(struct dialog *, const char *);

/* Start over for the next citizen, forgetting everything typed. */
void		 dialog_reset(struct dialog *);
/* Is the welcome screen showing (nothing to forget)? */
int		 dialog_at_start(struct dialog *);
/* Should idleness start over (a citizen's session, not the start)? */
int		 dialog_times_out(struct dialog *);
/* Does the screen show live figures, to be rebuilt every second? */
int		 dialog_live(struct dialog *);
/* Rebuild the screen from the database at the next dialog_screen. */
void		 dialog_refresh(struct dialog *);
/*
 * Has something done in the background (a lookup at the centre) changed
 * the screen? 1: show and say it as a new screen. Front-ends ask once a
 * second.
 */
int		 dialog_poll(struct dialog *);
/* Wait (bounded) for what the screen waits for: for line mode. */
void		 dialog_settle(struct dialog *);
enum lang	 dialog_lang(struct dialog *);
/* The front-end speaks: offer the voice settings in help. */
void		 dialog_set_speaking(struct dialog *, int);
/* This session's voice settings (reset for each citizen). */
struct voice;
const struct voice *dialog_voice(struct dialog *);

#endif
