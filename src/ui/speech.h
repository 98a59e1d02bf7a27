/*
 * Speech: a process of loket's own (loket-speech) that speaks through
 * espeak-ng, fed through a pipe so that the screens never wait for it.
 * What it is told is first made speakable (spoken.c). If it dies, loket
 * goes on as text and starts it again at the next utterance. What it
 * reports (whether audio works; anything the sound libraries print) comes
 * back through a second pipe and goes to the log.
 *
 * Sinks ([speech] sink): the sound device (the default; PULSE_SERVER
 * reaches a thin client's sound server), a command fed WAV audio,
 * speech-dispatcher, a directory of WAV files, or off.
 */
#ifndef LOKET_SPEECH_H
#define LOKET_SPEECH_H

#include "common/i18n.h"

struct config;
struct speech;

/* Where speech plays ([speech] sink). */
enum speech_sink {
	SPEECH_SINK_DEVICE = 0,	/* the sound device, the default */
	SPEECH_SINK_COMMAND,	/* a command fed WAV audio */
	SPEECH_SINK_DISPATCHER,	/* speech-dispatcher */
	SPEECH_SINK_WAV,	/* a directory of WAV files, for tests */
	SPEECH_SINK_OFF
};
/* The names loket-speech takes, indexed by enum speech_sink, NULL-ended. */
extern const char *const speech_sink_names[];

/* Is the [speech] section usable? -1 and a cause (owned) if not. */
int		 speech_check(const struct config *, char **cause);
/*
 * Get ready to speak as configured; NULL when the sink is off. With
 * start_now the process starts (and probes the audio) at once, else at
 * the first utterance.
 */
struct speech	*speech_start(const struct config *, int start_now);
/* Rate (words per minute) and volume (10-100) of what is said next. */
void		 speech_set_voice(struct speech *, int rate, int volume);
/* Say text (made speakable first), stopping whatever is being said. */
void		 speech_say(struct speech *, const char *, enum lang);
/* Say text after whatever is queued, never cutting it (the board). */
void		 speech_queue(struct speech *, const char *, enum lang);
/* The chime before a call, after whatever is queued. */
void		 speech_chime(struct speech *);
/* Stop at once (a key was pressed). */
void		 speech_stop(struct speech *);
/*
 * Read what the speech process reported. Returns, once, a notice for the
 * status line (owned) when audio turned out not to work; else NULL.
 */
char		*speech_poll(struct speech *);
/*
 * Wait until everything said so far has been heard to its end: 0, or -1
 * and a cause (owned) when sound does not work, the process ended, or it
 * took longer than timeout_ms. For "loket say", never for a screen.
 */
int		 speech_wait(struct speech *, int timeout_ms, char **cause);
void		 speech_free(struct speech *);

#endif
