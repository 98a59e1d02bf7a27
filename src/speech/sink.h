/*
 * Sinks: where loket-speech sends what it says. An audio sink is given
 * 16-bit mono samples (a directory of WAV files, the sound device, a
 * command fed a WAV stream); a text sink says the text itself
 * (speech-dispatcher). The engine's worker thread calls every operation
 * but cancel, which the thread reading the commands calls to silence the
 * sink at once while the worker may be blocked writing to it.
 *
 * Return values: 0 done; -1 this utterance failed (*cause says why, the
 * sink still works); -2 the sink is lost (*cause says why; the engine
 * reports it unavailable and opens it again later). Causes are allocated
 * and the caller frees them.
 */
#ifndef LOKET_SINK_H
#define LOKET_SINK_H

#include <stddef.h>

/* One thing to say or play, numbered from 1 in the process. */
struct utterance {
	unsigned		 number;
	int			 chime;		/* the chime, not text */
	char			 lang[3];	/* "id" or "en" */
	int			 rate;		/* words per minute, 80-300 */
	int			 volume;	/* 0-100 */
	char			*text;		/* NULL for the chime */
	unsigned		 generation;	/* stop count when it was asked */
	struct utterance	*next;
};

struct sink;

struct sink_ops {
	const char	*name;
	int		 chimes;	/* can play the chime */

	/* Open, or probe whether the sink works, at rate samples a second. */
	int	(*open)(struct sink *, unsigned, char **);
	/* Audio sinks: begin an utterance, its samples, wait until played. */
	int	(*begin)(struct sink *, const struct utterance *, char **);
	int	(*write)(struct sink *, const short *, size_t, char **);
	int	(*drain)(struct sink *, char **);
	/* Text sinks: say it; returns when it is done or cancelled. The
	 * function given is called with 1 when audio begins and with 0 to
	 * ask whether the utterance is still wanted (it returns 1 when it
	 * was cancelled). */
	int	(*say)(struct sink *, const struct utterance *,
		    int (*)(void *, int), void *, char **);
	/* End an utterance, finished or cancelled (quick: no waiting). */
	void	(*finish)(struct sink *, const struct utterance *, int);
	/* An utterance dropped from the queue before it began. */
	void	(*discard)(struct sink *, const struct utterance *);
	/* From another thread: silence the sink at once. */
	void	(*cancel)(struct sink *);
	void	(*free)(struct sink *);
};

struct sink {
	const struct sink_ops	*ops;
	void			*data;
};

/* A sink by name ("wav", "device", "command", "dispatcher") and its
 * argument; NULL and *cause when there is no such sink or it needs an
 * argument it was not given. */
struct sink	*sink_new(const char *, const char *, char **);
void		 sink_free(struct sink *);

/* The sinks. */
struct sink	*sink_wav_new(const char *);
struct sink	*sink_device_new(void);
struct sink	*sink_command_new(const char *);
struct sink	*sink_dispatcher_new(void);

#endif
