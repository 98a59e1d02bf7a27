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
enum lang	 dialog_lang(struct dialog *);
/* The front-end speaks: offer the voice settings in help. */
void		 dialog_set_speaking(struct dialog *, int);
/* This session's voice settings (reset for each citizen). */
struct voice;
const struct voice *dialog_voice(struct dialog *);

#endif
