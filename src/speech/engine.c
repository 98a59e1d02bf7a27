/*
 * The engine of loket-speech. The thread reading the commands queues
 * utterances and stops them; the worker thread takes them one at a time,
 * synthesizes with espeak-ng in its synchronous mode (a callback receives
 * each 20 ms of audio as soon as it exists, so speech starts before a
 * long text is synthesized) and writes the samples to the sink.
 *
 * Stopping bumps a generation counter and cancels the sink at once; the
 * worker sees the new generation at the next chunk, aborts the synthesis
 * and finishes the utterance as cancelled. Each utterance remembers the
 * generation it was asked in, so "cancelled" is always one comparison.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <espeak-ng/espeak_ng.h>

#include "common/xmalloc.h"
#include "speech/chime.h"
#include "speech/engine.h"
#include "speech/event.h"
#include "speech/request.h"
#include "speech/sink.h"

#define ENGINE_CHUNK_MS		20	/* audio handed over at a time */
#define ENGINE_PROBE_INTERVAL	30	/* seconds between probes */
#define ENGINE_END_WAIT_MS	1000	/* for the worker at the end */

enum engine_state {
	ENGINE_PROBING,		/* the worker is opening the sink */
	ENGINE_READY,
	ENGINE_UNAVAILABLE
};

struct engine {
	pthread_mutex_t		 lock;
	pthread_cond_t		 wake;		/* work for the worker */
	pthread_cond_t		 ended;		/* the worker is done */
	pthread_t		 worker;
	struct sink		*sink;
	int			 synthesizer;	/* espeak-ng is started */
	unsigned		 rate;		/* samples a second */

	/* Guarded by lock. */
	enum engine_state	 state;
	struct timespec		 probed;	/* last found unavailable */
	int			 probe_interval;
	struct utterance	*queue, **queue_tail;
	struct utterance	*dropped, **dropped_tail; /* for discard */
	struct utterance	*current;	/* the worker's */
	unsigned		 count;		/* numbers given */
	int			 quit, done, chime_noted;

	atomic_uint		 generation;	/* stops so far */

	/* The worker's own. */
	struct utterance	*playing;
	int			 heard;		/* "audio N" was said */
	int			 failure;	/* a sink's -1 or -2 */
	char			*cause;
	char			 voice[3];
};

/* espeak-ng's callback has no pointer of ours. */
static struct engine	*engine_current;

/* Was u stopped since it was asked for? */
static int
engine_cancelled(struct engine *e, const struct utterance *u)
{
	return u->generation != atomic_load(&e->generation);
}

static void
engine_utterance_free(struct utterance *u)
{
	if (u != NULL) {
		free(u->text);
		free(u);
	}
}

static double
engine_since(const struct timespec *then)
{
	struct timespec	 now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - then->tv_sec) +
	    (now.tv_nsec - then->tv_nsec) / 1e9;
}

/* Report every queued utterance dropped and forget them. */
static void
engine_drop_queue(struct engine *e)
{
	struct utterance	*u;

	while ((u = e->queue) != NULL) {
		e->queue = u->next;
		event_write(REPORT_DROP, "%u", u->number);
		engine_utterance_free(u);
	}
	e->queue_tail = &e->queue;
}

/* The sink was lost or never worked: say so and drop what waits. */
static void
engine_unavailable(struct engine *e, const char *cause)
{
	e->state = ENGINE_UNAVAILABLE;
	clock_gettime(CLOCK_MONOTONIC, &e->probed);
	event_write(REPORT_UNAVAILABLE, "%s", cause);
	engine_drop_queue(e);
}

/* Open the sink (called locked, in the worker). */
static void
engine_probe(struct engine *e)
{
	char	*cause = NULL;
	int	 r;

	pthread_mutex_unlock(&e->lock);
	r = e->sink->ops->open(e->sink, e->rate, &cause);
	pthread_mutex_lock(&e->lock);
	if (r == 0) {
		e->state = ENGINE_READY;
		event_write(REPORT_READY, "%s", e->sink->ops->name);
	} else
		engine_unavailable(e, cause != NULL ? cause : "unknown error");
	free(cause);
}

/* The first audio of the utterance playing reached the sink. */
static void
engine_heard(struct engine *e)
{
	if (e->heard)
		return;
	e->heard = 1;
	pthread_mutex_lock(&e->lock);
	if (!engine_cancelled(e, e->playing))
		event_write(REPORT_AUDIO, "%u", e->playing->number);
	pthread_mutex_unlock(&e->lock);
}

/* For text sinks: audio began (1), or is the utterance still wanted (0)? */
static int
engine_heard_callback(void *arg, int started)
{
	struct engine	*e = arg;

	if (started) {
		engine_heard(e);
		return 0;
	}
	return engine_cancelled(e, e->playing);
}

/* Hand samples to the sink; -1 when the utterance must stop. */
static int
engine_deliver(struct engine *e, const short *samples, size_t n)
{
	char	*cause = NULL;
	int	 r;

	if (engine_cancelled(e, e->playing))
		return -1;
	r = e->sink->ops->write(e->sink, samples, n, &cause);
	if (r != 0) {
		if (e->failure == 0 && !engine_cancelled(e, e->playing)) {
			e->failure = r;
			e->cause = cause;
		} else
			free(cause);
		return -1;
	}
	engine_heard(e);
	return 0;
}

/* espeak-ng's synthesis callback: 1 aborts the synthesis. */
static int
engine_synth_callback(short *samples, int n, espeak_EVENT *events)
{
	struct engine	*e = engine_current;

	if (engine_cancelled(e, e->playing))
		return 1;
	if (samples != NULL && n > 0 && engine_deliver(e, samples, n) != 0)
		return 1;
	return 0;
}

/* Synthesize one utterance's text into the sink. */
static void
engine_synthesize(struct engine *e, const struct utterance *u)
{
	if (strcmp(e->voice, u->lang) != 0) {
		espeak_ng_SetVoiceByName(u->lang);
		memcpy(e->voice, u->lang, sizeof e->voice);
	}
	espeak_ng_SetParameter(espeakRATE, u->rate, 0);
	espeak_ng_SetParameter(espeakVOLUME, u->volume, 0);
	espeak_ng_Synthesize(u->text, strlen(u->text) + 1, 0, POS_CHARACTER,
	    0, espeakCHARS_UTF8, NULL, NULL);
}

/* Play the chime into the sink, a chunk at a time. */
static void
engine_chime(struct engine *e, const struct utterance *u)
{
	size_t	 n, i, chunk = e->rate * ENGINE_CHUNK_MS / 1000;
	short	*samples;

	samples = chime_new(e->rate, u->volume, &n);
	for (i = 0; i < n; i += chunk) {
		if (engine_deliver(e, samples + i, n - i < chunk ? n - i :
		    chunk) != 0)
			break;
	}
	free(samples);
}

/* An utterance is over: report it, tell the sink, forget it. */
static void
engine_end(struct engine *e, struct utterance *u, int r, char *cause)
{
	int	 cancelled;

	pthread_mutex_lock(&e->lock);
	cancelled = engine_cancelled(e, u);
	if (!cancelled && r == 0) {
		e->sink->ops->finish(e->sink, u, 0);
		event_write(REPORT_END, "%u", u->number);
	} else if (!cancelled && r == -1)
		event_write(REPORT_ERROR, "%u %s", u->number, cause);
	else if (!cancelled) {
		event_write(REPORT_DROP, "%u", u->number);
		engine_unavailable(e, cause);
	}
	e->current = NULL;
	pthread_mutex_unlock(&e->lock);
	if (cancelled || r != 0)
		e->sink->ops->finish(e->sink, u, 1);
	free(cause);
	engine_utterance_free(u);
}

/* Say or play one utterance, to its end or until it is stopped. */
static void
engine_play(struct engine *e, struct utterance *u)
{
	const struct sink_ops	*ops = e->sink->ops;
	char			*cause = NULL;
	int			 r;

	e->playing = u;
	e->heard = 0;
	e->failure = 0;
	e->cause = NULL;
	if (ops->say != NULL)
		r = ops->say(e->sink, u, engine_heard_callback, e, &cause);
	else if ((r = ops->begin(e->sink, u, &cause)) == 0) {
		if (u->chime)
			engine_chime(e, u);
		else
			engine_synthesize(e, u);
		if ((r = e->failure) != 0)
			cause = e->cause;
		else if (!engine_cancelled(e, u))
			r = ops->drain(e->sink, &cause);
	}
	engine_end(e, u, r, cause);
}

/* Give the sink the utterances stopped before they began (locked). */
static void
engine_discard(struct engine *e)
{
	struct utterance	*u;

	while ((u = e->dropped) != NULL) {
		e->dropped = u->next;
		if (e->dropped == NULL)
			e->dropped_tail = &e->dropped;
		pthread_mutex_unlock(&e->lock);
		e->sink->ops->discard(e->sink, u);
		engine_utterance_free(u);
		pthread_mutex_lock(&e->lock);
	}
}

/* Take the next utterance to play (locked); NULL when there is none. */
static struct utterance *
engine_next(struct engine *e)
{
	struct utterance	*u;

	while ((u = e->queue) != NULL) {
		if ((e->queue = u->next) == NULL)
			e->queue_tail = &e->queue;
		u->next = NULL;
		if (!u->chime || e->sink->ops->chimes) {
			event_write(u->chime ? REPORT_CHIME : REPORT_START,
			    "%u", u->number);
			return u;
		}
		if (!e->chime_noted)
			event_write(REPORT_ERROR, "the chime cannot be "
			    "played by %s", e->sink->ops->name);
		e->chime_noted = 1;
		event_write(REPORT_DROP, "%u", u->number);
		engine_utterance_free(u);
	}
	return NULL;
}

/* The worker thread: probe the sink, then play what is queued. */
static void *
engine_work(void *arg)
{
	struct engine		*e = arg;
	struct utterance	*u;

	if (e->synthesizer) {
		/* Load the kiosk's first language now, not at its first
		 * screen. */
		espeak_ng_SetVoiceByName("id");
		memcpy(e->voice, "id", sizeof e->voice);
	}
	pthread_mutex_lock(&e->lock);
	for (;;) {
		engine_discard(e);
		if (e->quit)
			break;
		if (e->state == ENGINE_PROBING) {
			engine_probe(e);
			continue;
		}
		if (e->state != ENGINE_READY || (u = engine_next(e)) == NULL) {
			pthread_cond_wait(&e->wake, &e->lock);
			continue;
		}
		e->current = u;
		pthread_mutex_unlock(&e->lock);
		engine_play(e, u);
		pthread_mutex_lock(&e->lock);
	}
	e->done = 1;
	pthread_cond_broadcast(&e->ended);
	pthread_mutex_unlock(&e->lock);
	return NULL;
}

/* Start espeak-ng: synchronous mode, audio handed to our callback. */
static int
engine_start_synthesizer(struct engine *e, char **cause)
{
	char		 message[256];
	espeak_ng_STATUS status;

	espeak_ng_InitializePath(NULL);
	if ((status = espeak_ng_Initialize(NULL)) == ENS_OK)
		status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS,
		    ENGINE_CHUNK_MS, NULL);
	if (status != ENS_OK) {
		espeak_ng_GetStatusCodeMessage(status, message,
		    sizeof message);
		*cause = xasprintf("espeak-ng cannot start: %s", message);
		return -1;
	}
	espeak_SetSynthCallback(engine_synth_callback);
	e->rate = espeak_ng_GetSampleRate();
	e->synthesizer = 1;
	return 0;
}

struct engine *
engine_new(struct sink *sink, char **cause)
{
	struct engine	*e = xcalloc(1, sizeof *e);
	const char	*interval = getenv("LOKET_SPEECH_PROBE_INTERVAL");

	e->sink = sink;
	e->rate = 22050;
	/* Text sinks synthesize elsewhere: no need to load espeak-ng. */
	if (sink->ops->say == NULL && engine_start_synthesizer(e, cause) != 0) {
		free(e);
		return NULL;
	}
	pthread_mutex_init(&e->lock, NULL);
	pthread_cond_init(&e->wake, NULL);
	pthread_cond_init(&e->ended, NULL);
	e->state = ENGINE_PROBING;
	e->probe_interval = ENGINE_PROBE_INTERVAL;
	if (interval != NULL && atoi(interval) >= 0)
		e->probe_interval = atoi(interval);	/* for the tests */
	e->queue_tail = &e->queue;
	e->dropped_tail = &e->dropped;
	atomic_init(&e->generation, 0);
	engine_current = e;
	if ((errno = pthread_create(&e->worker, NULL, engine_work, e)) != 0)
		fatal("cannot start a thread: %s", strerror(errno));
	return e;
}

void
engine_stop(struct engine *e)
{
	struct utterance	*u;
	unsigned		 before;

	pthread_mutex_lock(&e->lock);
	before = atomic_fetch_add(&e->generation, 1);
	if (e->current != NULL && e->current->generation == before) {
		e->sink->ops->cancel(e->sink);
		event_write(REPORT_CANCEL, "%u", e->current->number);
	}
	while ((u = e->queue) != NULL) {
		e->queue = u->next;
		u->next = NULL;
		event_write(REPORT_CANCEL, "%u", u->number);
		*e->dropped_tail = u;
		e->dropped_tail = &u->next;
	}
	e->queue_tail = &e->queue;
	pthread_cond_signal(&e->wake);
	pthread_mutex_unlock(&e->lock);
}

void
engine_add(struct engine *e, const struct request *r)
{
	struct utterance	*u = xcalloc(1, sizeof *u);

	u->chime = r->type == REQUEST_CHIME;
	memcpy(u->lang, r->lang, sizeof u->lang);
	u->rate = r->rate;
	u->volume = r->volume;
	if (r->text != NULL)
		u->text = xstrdup(r->text);
	pthread_mutex_lock(&e->lock);
	u->number = ++e->count;
	u->generation = atomic_load(&e->generation);
	if (e->state == ENGINE_UNAVAILABLE) {
		if (engine_since(&e->probed) < e->probe_interval) {
			event_write(REPORT_DROP, "%u", u->number);
			engine_utterance_free(u);
			pthread_mutex_unlock(&e->lock);
			return;
		}
		e->state = ENGINE_PROBING;	/* try again, then say it */
	}
	*e->queue_tail = u;
	e->queue_tail = &u->next;
	pthread_cond_signal(&e->wake);
	pthread_mutex_unlock(&e->lock);
}

int
engine_free(struct engine *e)
{
	struct timespec	 deadline;
	int		 done;

	engine_stop(e);
	pthread_mutex_lock(&e->lock);
	e->quit = 1;
	pthread_cond_signal(&e->wake);
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_nsec += ENGINE_END_WAIT_MS % 1000 * 1000000L;
	deadline.tv_sec += ENGINE_END_WAIT_MS / 1000 +
	    deadline.tv_nsec / 1000000000L;
	deadline.tv_nsec %= 1000000000L;
	while (!e->done && pthread_cond_timedwait(&e->ended, &e->lock,
	    &deadline) != ETIMEDOUT)
		;
	done = e->done;
	pthread_mutex_unlock(&e->lock);
	if (!done)
		return -1;
	pthread_join(e->worker, NULL);
	if (e->synthesizer)
		espeak_ng_Terminate();
	sink_free(e->sink);
	pthread_cond_destroy(&e->ended);
	pthread_cond_destroy(&e->wake);
	pthread_mutex_destroy(&e->lock);
	free(e);
	return 0;
}
