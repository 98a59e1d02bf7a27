/*
 * What the curses front-end says aloud: each new screen, the item the
 * cursor moves to, what is typed (or "digit entered" for a secret, and
 * for personal data outside headset mode), the idle warning. It follows
 * the session's voice settings, which the dialogue keeps.
 */
#ifndef LOKET_TUI_SPEAK_H
#define LOKET_TUI_SPEAK_H

#include <stddef.h>
#include <wchar.h>

struct config;
struct dialog;
struct screen;
struct tui_speaker;

/* What is said of typed input ([speech] echo). */
enum tui_echo {
	ECHO_CHARACTER = 0,	/* each character, the default */
	ECHO_WORD,		/* each word, at a space */
	ECHO_OFF
};
/* Their names, indexed by enum tui_echo, NULL-ended. */
extern const char *const tui_echo_names[];

/* NULL when the office turned speech off ([speech] sink = off). */
struct tui_speaker *tui_speaker_new(const struct config *, struct dialog *);
void		 tui_speaker_free(struct tui_speaker *);

/* A whole screen: title, message, prompt, text, choices, field. */
void		 tui_speaker_screen(struct tui_speaker *,
		     const struct screen *);
/* The choice the cursor moved to. */
void		 tui_speaker_item(struct tui_speaker *, const struct screen *,
		     size_t selected);
/* A character typed into the field (field holds it already). */
void		 tui_speaker_typed(struct tui_speaker *, const struct screen *,
		     const char *field, wint_t);
/* A character rubbed out of the field. */
void		 tui_speaker_deleted(struct tui_speaker *,
		     const struct screen *);
/* A notice, such as the idle warning. */
void		 tui_speaker_notice(struct tui_speaker *, const char *);
/* Stop at once: a key was pressed. */
void		 tui_speaker_stop(struct tui_speaker *);
/* A status-line notice (owned) if sound turned out not to work. */
char		*tui_speaker_poll(struct tui_speaker *);

#endif
