/*
 * The sound device sink, through pcaudiolib as espeak-ng itself plays: a
 * PulseAudio server when there is one (a thin client's too, through
 * PULSE_SERVER), else ALSA's default device.
 *
 * Whether audio works is known by opening the device: espeak-ng's
 * synchronous output mode reports a missing device for the same reason,
 * because it opens the device when it starts (the asynchronous mode opens
 * it only when it first plays). So the probe is audio_object_open, and a
 * failing one is honest: no server and no card.
 *
 * Cancelling on PulseAudio flushes the device from the thread reading the
 * commands while the worker may be blocked in audio_object_write, as
 * espeak-ng flushes from its command thread while its playback thread
 * writes: both go through pa_simple's locked main loop, so the voice
 * stops at once. pcaudiolib's ALSA (and OSS) flush closes and reopens the
 * device, which must never happen under a write in progress: there the
 * cancel waits for the worker's write to return (one chunk of audio)
 * before it flushes.
 */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include <pcaudiolib/audio.h>

#include "common/xmalloc.h"
#include "speech/sink.h"

struct sink_device {
	pthread_mutex_t		 lock;		/* guards audio being replaced */
	pthread_mutex_t		 io;		/* a write, or a flush (ALSA) */
	struct audio_object	*audio;
	int			 pulse;		/* flush may cross a write */
	atomic_int		 cancelled;	/* since the utterance began */
};

/*
 * pcaudiolib's own constructor for PulseAudio: exported by libpcaudio 1.x
 * but not declared in its header. It answers NULL when no PulseAudio
 * server can be reached, and then create_audio_device_object falls back
 * to ALSA, as it does itself.
 */
struct audio_object *create_pulseaudio_object(const char *, const char *,
    const char *);

/* Close and forget the device. */
static void
sink_device_close(struct sink_device *d)
{
	struct audio_object	*audio;

	pthread_mutex_lock(&d->lock);
	audio = d->audio;
	d->audio = NULL;
	pthread_mutex_unlock(&d->lock);
	if (audio != NULL) {
		audio_object_close(audio);
		audio_object_destroy(audio);
	}
}

/*
 * Play a moment of silence to the end. A PulseAudio stream that has
 * never been drained holds its writer back for up to its whole buffer (2
 * seconds) before it plays, so without this the first utterance would
 * start late; once drained, writes go through at once.
 */
static void
sink_device_prime(struct audio_object *audio, unsigned rate)
{
	short	*silence;
	size_t	 n = rate / 100;

	silence = xcalloc(n, sizeof *silence);
	if (audio_object_write(audio, silence, n * sizeof *silence) == 0)
		audio_object_drain(audio);
	free(silence);
}

static int
sink_device_open(struct sink *sink, unsigned rate, char **cause)
{
	struct sink_device	*d = sink->data;
	struct audio_object	*audio;
	int			 error;

	sink_device_close(d);
	d->pulse = 1;
	audio = create_pulseaudio_object(NULL, "loket", "Loket voice");
	if (audio == NULL) {
		d->pulse = 0;
		audio = create_audio_device_object(NULL, "loket",
		    "Loket voice");
	}
	if (audio == NULL) {
		*cause = xstrdup("no sound device: no audio system found");
		return -2;
	}
	error = audio_object_open(audio, AUDIO_OBJECT_FORMAT_S16LE, rate, 1);
	if (error != 0) {
		*cause = xasprintf("no sound device: %s",
		    audio_object_strerror(audio, error));
		audio_object_destroy(audio);
		return -2;
	}
	sink_device_prime(audio, rate);
	pthread_mutex_lock(&d->lock);
	d->audio = audio;
	pthread_mutex_unlock(&d->lock);
	return 0;
}

static int
sink_device_begin(struct sink *sink, const struct utterance *u, char **cause)
{
	struct sink_device	*d = sink->data;

	atomic_store(&d->cancelled, 0);
	return 0;
}

static int
sink_device_write(struct sink *sink, const short *samples, size_t n,
    char **cause)
{
	struct sink_device	*d = sink->data;
	int			 error = 0;

	if (d->pulse)
		error = audio_object_write(d->audio, samples,
		    n * sizeof *samples);
	else {
		pthread_mutex_lock(&d->io);
		if (!atomic_load(&d->cancelled))
			error = audio_object_write(d->audio, samples,
			    n * sizeof *samples);
		pthread_mutex_unlock(&d->io);
	}
	if (error != 0 && !atomic_load(&d->cancelled)) {
		*cause = xasprintf("sound device lost: %s",
		    audio_object_strerror(d->audio, error));
		return -2;
	}
	return 0;
}

static int
sink_device_drain(struct sink *sink, char **cause)
{
	struct sink_device	*d = sink->data;
	int			 error;

	error = audio_object_drain(d->audio);
	if (error != 0 && !atomic_load(&d->cancelled)) {
		*cause = xasprintf("sound device lost: %s",
		    audio_object_strerror(d->audio, error));
		return -2;
	}
	return 0;
}

static void
sink_device_finish(struct sink *sink, const struct utterance *u,
    int cancelled)
{
	struct sink_device	*d = sink->data;

	/* What was written between the cancel and the worker seeing it. */
	if (cancelled && d->audio != NULL) {
		pthread_mutex_lock(&d->io);
		audio_object_flush(d->audio);
		pthread_mutex_unlock(&d->io);
	}
}

static void
sink_device_discard(struct sink *sink, const struct utterance *u)
{
}

static void
sink_device_cancel(struct sink *sink)
{
	struct sink_device	*d = sink->data;

	atomic_store(&d->cancelled, 1);
	pthread_mutex_lock(&d->lock);
	if (d->audio != NULL) {
		/* ALSA: after the write in progress, never under it. */
		if (!d->pulse)
			pthread_mutex_lock(&d->io);
		audio_object_flush(d->audio);
		if (!d->pulse)
			pthread_mutex_unlock(&d->io);
	}
	pthread_mutex_unlock(&d->lock);
}

static void
sink_device_free(struct sink *sink)
{
	struct sink_device	*d = sink->data;

	sink_device_close(d);
	pthread_mutex_destroy(&d->io);
	pthread_mutex_destroy(&d->lock);
	free(d);
	free(sink);
}

static const struct sink_ops sink_device_ops = {
	.name = "device",
	.chimes = 1,
	.open = sink_device_open,
	.begin = sink_device_begin,
	.write = sink_device_write,
	.drain = sink_device_drain,
	.finish = sink_device_finish,
	.discard = sink_device_discard,
	.cancel = sink_device_cancel,
	.free = sink_device_free,
};

struct sink *
sink_device_new(void)
{
	struct sink		*sink = xcalloc(1, sizeof *sink);
	struct sink_device	*d = xcalloc(1, sizeof *d);

	pthread_mutex_init(&d->lock, NULL);
	pthread_mutex_init(&d->io, NULL);
	atomic_init(&d->cancelled, 0);
	sink->ops = &sink_device_ops;
	sink->data = d;
	return sink;
}
