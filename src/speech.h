/*
 * Speech: a process of loket's own that speaks through espeak-ng's
 * library, fed through a pipe so that the screens never wait for it.
 * What it is told is first made speakable (spoken.c). If it dies, loket
 * goes on as text and starts it again at the next utterance.
 *
 * This is the first part of issue 4: the only sink is a directory of WAV
 * files with a log of what was said ([speech] sink = wav); the sound
 * device, a command, speech-dispatcher, the audio probe, rate and volume
 * keys and headset mode are not built yet.
 */
#ifndef LOKET_SPEECH_H
#define LOKET_SPEECH_H

#include "i18n.h"

struct config;
struct speech;

/* Start speaking as configured; NULL when speech is off. */
struct speech	*speech_start(const struct config *);
/* Say text (made speakable first), stopping whatever is being said. */
void		 speech_say(struct speech *, const char *, enum lang);
/* Stop at once (a key was pressed). */
void		 speech_stop(struct speech *);
void		 speech_free(struct speech *);

#endif
