/*
 * The speech-dispatcher sink, for machines where a screen reader speaks
 * too, so that the two do not fight over the device: the text goes to
 * speech-dispatcher (libspeechd), which synthesizes and plays it. Rate
 * and volume are mapped to its -100..100 scales. It cannot play the
 * chime. It is not started if it is not running: a screen reader's
 * machine runs it already. If it goes away, what was playing is dropped
 * and the sink is unavailable until it is back.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libspeechd.h>

#include "common/xmalloc.h"
#include "speech/sink.h"

struct sink_dispatcher {
	pthread_mutex_t	 connecting;	/* guards connection against cancel */
	SPDConnection	*connection;
	pthread_mutex_t	 lock;		/* guards what the callbacks set */
	pthread_cond_t	 changed;
	int		 begun;		/* the last message that began */
	int		 ended;		/* the last that ended or was cancelled */
	unsigned	 cancels;	/* how many cancels were asked */
};

/* libspeechd's callbacks carry no pointer of ours. */
static struct sink_dispatcher	*sink_dispatcher_current;

static void
sink_dispatcher_callback(size_t message, size_t client,
    SPDNotificationType type)
{
	struct sink_dispatcher	*d = sink_dispatcher_current;

	pthread_mutex_lock(&d->lock);
	if (type == SPD_EVENT_BEGIN)
		d->begun = message;
	else
		d->ended = message;
	pthread_cond_broadcast(&d->changed);
	pthread_mutex_unlock(&d->lock);
}

static void
sink_dispatcher_close(struct sink_dispatcher *d)
{
	SPDConnection	*c;

	pthread_mutex_lock(&d->connecting);
	c = d->connection;
	d->connection = NULL;
	pthread_mutex_unlock(&d->connecting);
	if (c != NULL)
		spd_close(c);
}

static int
sink_dispatcher_open(struct sink *sink, unsigned rate, char **cause)
{
	struct sink_dispatcher	*d = sink->data;
	SPDConnection		*c;
	char			*error = NULL;

	sink_dispatcher_close(d);
	c = spd_open2("loket", "speech", NULL, SPD_MODE_THREADED, NULL, 0,
	    &error);
	if (c == NULL) {
		*cause = xasprintf("cannot connect to speech-dispatcher: %s",
		    error != NULL ? error : "unknown error");
		free(error);
		return -2;
	}
	c->callback_begin = sink_dispatcher_callback;
	c->callback_end = sink_dispatcher_callback;
	c->callback_cancel = sink_dispatcher_callback;
	spd_set_notification_on(c, SPD_BEGIN);
	spd_set_notification_on(c, SPD_END);
	spd_set_notification_on(c, SPD_CANCEL);
	pthread_mutex_lock(&d->connecting);
	d->connection = c;
	pthread_mutex_unlock(&d->connecting);
	return 0;
}

/*
 * Is speech-dispatcher still there? libspeechd tells nothing when the
 * server goes away: no END or CANCEL ever comes for what was playing.
 */
static int
sink_dispatcher_alive(struct sink_dispatcher *d)
{
	return spd_execute_command(d->connection, "GET OUTPUT_MODULE") == 0;
}

/* Wait (locked) until a callback or a cancel changes something, or a
 * second passes; -1 when, that second gone, the server is found gone. */
static int
sink_dispatcher_wait(struct sink_dispatcher *d)
{
	struct timespec	 deadline;
	int		 alive;

	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec++;
	if (pthread_cond_timedwait(&d->changed, &d->lock, &deadline) !=
	    ETIMEDOUT)
		return 0;
	pthread_mutex_unlock(&d->lock);
	alive = sink_dispatcher_alive(d);
	pthread_mutex_lock(&d->lock);
	return alive ? 0 : -1;
}

/* Words per minute (80-300, 150 normal) on speech-dispatcher's scale. */
static int
sink_dispatcher_rate(int rate)
{
	if (rate < 150)
		return (rate - 150) * 100 / 70;
	return (rate - 150) * 100 / 150;
}

static int
sink_dispatcher_say(struct sink *sink, const struct utterance *u,
    int (*heard)(void *, int), void *arg, char **cause)
{
	struct sink_dispatcher	*d = sink->data;
	int			 message, begun, started = 0;
	unsigned		 cancels;

	if (spd_set_language(d->connection, u->lang) != 0 ||
	    spd_set_voice_rate(d->connection, sink_dispatcher_rate(u->rate)) !=
	    0 || spd_set_volume(d->connection, u->volume * 2 - 100) != 0 ||
	    (message = spd_say(d->connection, SPD_MESSAGE, u->text)) == -1) {
		*cause = xstrdup("speech-dispatcher stopped answering");
		sink_dispatcher_close(d);
		return -2;
	}
	/* Never call back into the engine holding d->lock: the engine's
	 * lock is held around cancel, which takes d->lock. */
	pthread_mutex_lock(&d->lock);
	while (d->ended != message) {
		begun = d->begun == message;
		cancels = d->cancels;
		pthread_mutex_unlock(&d->lock);
		if (begun && !started) {
			started = 1;
			heard(arg, 1);
		}
		if (heard(arg, 0)) {
			/* Cancelled, maybe before spd_say was sent. */
			spd_cancel(d->connection);
			return 0;
		}
		pthread_mutex_lock(&d->lock);
		if (d->cancels == cancels && d->ended != message &&
		    (started || d->begun != message) &&
		    sink_dispatcher_wait(d) != 0) {
			pthread_mutex_unlock(&d->lock);
			*cause = xstrdup("speech-dispatcher stopped answering");
			sink_dispatcher_close(d);
			return -2;
		}
	}
	pthread_mutex_unlock(&d->lock);
	return 0;
}

static void
sink_dispatcher_finish(struct sink *sink, const struct utterance *u,
    int cancelled)
{
}

static void
sink_dispatcher_discard(struct sink *sink, const struct utterance *u)
{
}

static void
sink_dispatcher_cancel(struct sink *sink)
{
	struct sink_dispatcher	*d = sink->data;

	pthread_mutex_lock(&d->connecting);
	if (d->connection != NULL)
		spd_cancel(d->connection);
	pthread_mutex_unlock(&d->connecting);
	pthread_mutex_lock(&d->lock);
	d->cancels++;
	pthread_cond_broadcast(&d->changed);
	pthread_mutex_unlock(&d->lock);
}

static void
sink_dispatcher_free(struct sink *sink)
{
	struct sink_dispatcher	*d = sink->data;

	sink_dispatcher_close(d);
	sink_dispatcher_current = NULL;
	pthread_cond_destroy(&d->changed);
	pthread_mutex_destroy(&d->lock);
	pthread_mutex_destroy(&d->connecting);
	free(d);
	free(sink);
}

static const struct sink_ops sink_dispatcher_ops = {
	.name = "dispatcher",
	.chimes = 0,
	.open = sink_dispatcher_open,
	.say = sink_dispatcher_say,
	.finish = sink_dispatcher_finish,
	.discard = sink_dispatcher_discard,
	.cancel = sink_dispatcher_cancel,
	.free = sink_dispatcher_free,
};

struct sink *
sink_dispatcher_new(void)
{
	struct sink		*sink = xcalloc(1, sizeof *sink);
	struct sink_dispatcher	*d = xcalloc(1, sizeof *d);

	pthread_mutex_init(&d->connecting, NULL);
	pthread_mutex_init(&d->lock, NULL);
	pthread_cond_init(&d->changed, NULL);
	d->begun = d->ended = -1;
	sink_dispatcher_current = d;
	sink->ops = &sink_dispatcher_ops;
	sink->data = d;
	return sink;
}
