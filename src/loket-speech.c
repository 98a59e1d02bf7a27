/*
 * loket-speech, the speech process: a program of its own so that only it
 * loads espeak-ng and the sound libraries, not every kiosk. It reads one
 * line per command on its standard input. "S id|en TEXT" speaks TEXT, "X" stops. Any new line stops
 * the utterance being synthesized, so a key press cancels at once. This
 * part of issue 4 writes to a directory of WAV files (one per utterance,
 * with a log of the texts); the sound device, command and
 * speech-dispatcher sinks are not built yet.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <espeak-ng/espeak_ng.h>

#include "xmalloc.h"

struct engine {
	int		 fd;		/* commands from the front-end */
	const char	*directory;
	FILE		*log;
	short		*samples;
	size_t		 nsamples;
	int		 cancelled;
	unsigned	 count;
};

static struct engine	*engine_current;

/* Is a new command waiting? Then the current utterance must stop. */
static int
engine_interrupted(struct engine *e)
{
	struct pollfd	 pfd = { e->fd, POLLIN, 0 };

	return poll(&pfd, 1, 0) > 0;
}

static int
engine_callback(short *wav, int n, espeak_EVENT *events)
{
	struct engine	*e = engine_current;

	(void)events;
	if (engine_interrupted(e)) {
		e->cancelled = 1;
		return 1;	/* abort the synthesis */
	}
	if (wav != NULL && n > 0) {
		e->samples = xreallocarray(e->samples, e->nsamples + n,
		    sizeof *e->samples);
		memcpy(e->samples + e->nsamples, wav, n * sizeof *wav);
		e->nsamples += n;
	}
	return 0;
}

static void
engine_le32(unsigned char *p, unsigned v)
{
	p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24;
}

/* One utterance as a 16-bit mono WAV file. */
static void
engine_write_wav(struct engine *e, const char *path, int rate)
{
	unsigned char	 h[44];
	unsigned	 bytes = (unsigned)(e->nsamples * 2);
	FILE		*f;

	memcpy(h, "RIFF", 4); engine_le32(h + 4, 36 + bytes);
	memcpy(h + 8, "WAVEfmt ", 8); engine_le32(h + 16, 16);
	h[20] = 1; h[21] = 0; h[22] = 1; h[23] = 0;	/* PCM, mono */
	engine_le32(h + 24, rate); engine_le32(h + 28, rate * 2);
	h[32] = 2; h[33] = 0; h[34] = 16; h[35] = 0;
	memcpy(h + 36, "data", 4); engine_le32(h + 40, bytes);
	if ((f = fopen(path, "wb")) == NULL)
		return;
	fwrite(h, 1, sizeof h, f);
	fwrite(e->samples, 2, e->nsamples, f);
	fclose(f);
}

static void
engine_speak(struct engine *e, const char *lang, const char *text, int rate)
{
	char	*path;

	e->nsamples = 0;
	e->cancelled = 0;
	espeak_ng_SetVoiceByName(strcmp(lang, "en") == 0 ? "en" : "id");
	espeak_ng_Synthesize(text, strlen(text) + 1, 0, POS_CHARACTER, 0,
	    espeakCHARS_UTF8, NULL, NULL);
	e->count++;
	if (e->cancelled) {
		fprintf(e->log, "%04u\tcancel\t%s\n", e->count, text);
		return;
	}
	path = xasprintf("%s/%04u.wav", e->directory, e->count);
	engine_write_wav(e, path, rate);
	free(path);
	fprintf(e->log, "%04u\t%s\t%s\n", e->count, lang, text);
}

/* Speak what standard input says, into the directory of WAV files. */
static int
speech_engine_main(int fd, const char *directory)
{
	struct engine	 e;
	FILE		*in;
	char		*line = NULL, *path, *text;
	size_t		 size = 0;
	ssize_t		 len;
	int		 rate;

	memset(&e, 0, sizeof e);
	e.fd = fd;
	e.directory = directory;
	path = xasprintf("%s/speech.log", directory);
	e.log = fopen(path, "a");
	free(path);
	if (e.log == NULL)
		return 1;
	setvbuf(e.log, NULL, _IOLBF, 0);
	engine_current = &e;
	espeak_ng_InitializePath(NULL);
	if (espeak_ng_Initialize(NULL) != ENS_OK ||
	    espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL) !=
	    ENS_OK) {
		fprintf(e.log, "error\tespeak-ng cannot start\n");
		return 1;
	}
	espeak_SetSynthCallback(engine_callback);
	rate = espeak_ng_GetSampleRate();
	if ((in = fdopen(fd, "r")) == NULL)
		return 1;
	/* Unbuffered reads: poll() must see what getline has not taken. */
	setvbuf(in, NULL, _IONBF, 0);
	while ((len = getline(&line, &size, in)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (strncmp(line, "S ", 2) == 0 && len > 5 &&
		    (text = strchr(line + 2, ' ')) != NULL) {
			*text++ = '\0';
			engine_speak(&e, line + 2, text, rate);
		}
	}
	free(line);
	free(e.samples);
	fclose(e.log);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: loket-speech DIRECTORY\n");
		return 2;
	}
	return speech_engine_main(STDIN_FILENO, argv[1]);
}
