/*
 * The board's voice: each call is heard twice after a chime, calls wait
 * their turn and never cut each other, and the staff set the voice with
 * the same digits as the kiosk's settings screen (3 on/off, 4 slower,
 * 5 faster, 6 softer, 7 louder, * the last call again).
 */
#ifndef LOKET_BOARD_VOICE_H
#define LOKET_BOARD_VOICE_H

#include <wchar.h>

#include "common/i18n.h"

struct board_voice;
struct config;

/* NULL when the board does not speak ([speech] board or sink). */
struct board_voice *board_voice_new(const struct config *);
void		 board_voice_free(struct board_voice *);
/* Announce a call: the chime, then the text twice. */
void		 board_voice_call(struct board_voice *, const char *,
		     enum lang);
/* A settings key: what changed (owned), or NULL if not such a key. */
char		*board_voice_key(struct board_voice *, wint_t);
/* A notice (owned) if sound turned out not to work; else NULL. */
char		*board_voice_poll(struct board_voice *);

#endif
