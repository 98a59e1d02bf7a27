/*
 * The screen model: what one dialogue step shows and says, independent of
 * how it is drawn. The dialogue builds it; the curses and line front-ends
 * (and later the speech process) render it.
 *
 * All text in a screen is already in the current language and safe for a
 * terminal (control characters made harmless). A screen owns its strings.
 */
#ifndef LOKET_SCREEN_H
#define LOKET_SCREEN_H

#include <stddef.h>

#include "common/i18n.h"

/* One part of what a screen in two languages says, in its own voice. */
struct screen_speech {
	enum lang	 lang;
	char		*text;
};

enum field_kind {
	FIELD_NONE = 0,
	FIELD_TEXT,		/* free text, such as a search keyword */
	FIELD_DIGITS,		/* digits only */
	FIELD_SECRET		/* never shown or spoken */
};

struct screen {
	char		*title;
	char		*big;		/* shown in big characters where the
					 * screen has room (a ticket's number);
					 * the title says it too */
	char		*prompt;	/* the instruction, spoken first */
	char		**body;		/* paragraphs of text to read */
	size_t		 nbody;
	/* Paragraphs holding personal data (NIK, name, address, phone):
	 * shown, but spoken only in headset mode. personal[i] for body[i]. */
	unsigned char	*personal;
	char		**items;	/* numbered choices; key n picks items[n-1] */
	size_t		 nitems;
	size_t		 selected;	/* the item the cursor starts on */

	enum field_kind	 field;		/* an input field, if any */
	char		*field_label;
	size_t		 field_max;	/* in characters */
	int		 field_personal;	/* typing is spoken only in
						 * headset mode */

	char		*help;		/* what this screen is for */
	char		*message;	/* result or error of the last action */
	int		 message_is_error;
	int		 can_go_back;	/* 0 goes back (not on the first screen) */

	/* What is said instead of the text shown, in parts, each in its
	 * language (the welcome screen, in both); none: what is shown.
	 * Choice n, under the cursor, is said in part n's language. */
	struct screen_speech *speech;
	size_t		 nspeech;
};

struct screen	*screen_new(void);
void		 screen_free(struct screen *);

/* Setters copy and sanitize their text. */
void		 screen_set_title(struct screen *, const char *);
void		 screen_set_prompt(struct screen *, const char *);
void		 screen_set_big(struct screen *, const char *);
void		 screen_add_body(struct screen *, const char *);
/* A paragraph of personal data. */
void		 screen_add_personal(struct screen *, const char *);
void		 screen_add_item(struct screen *, const char *);
void		 screen_set_field(struct screen *, enum field_kind,
		     const char *label, size_t max);
void		 screen_set_help(struct screen *, const char *);
/* Say this part, in this language, after the parts before it. */
void		 screen_add_speech(struct screen *, enum lang, const char *);
void		 screen_set_message(struct screen *, const char *,
		     int is_error);

#endif
