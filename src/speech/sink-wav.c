/*
 * The WAV sink: one file DIRECTORY/NNNN.wav per utterance and a log of
 * what was said, DIRECTORY/speech.log. A file is written as NNNN.wav.part
 * and renamed when the utterance is finished, so a WAV file and its log
 * line mean a whole utterance; a cancelled one leaves neither. A new
 * process (after a crash, or a restart) numbers on from the highest number
 * in the directory and its log, never over an earlier file, and removes
 * the .part files that a process which died has left.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/xmalloc.h"
#include "speech/sink.h"
#include "speech/wav.h"

struct sink_wav {
	char		*directory;
	FILE		*log;
	unsigned	 rate;
	FILE		*file;		/* the utterance being written */
	char		*part;		/* and its name */
	uint32_t	 bytes;
	unsigned	 base;		/* numbers used before this process */
};

/* The number NNNN of "NNNN<suffix>", or 0 if name is not one. */
static unsigned
sink_wav_number(const char *name, const char *suffix)
{
	size_t		 digits = strspn(name, "0123456789");
	unsigned long	 n;

	if (digits < 4 || digits > 9 || strcmp(name + digits, suffix) != 0)
		return 0;
	n = strtoul(name, NULL, 10);
	return (unsigned)n;
}

/*
 * The highest number an earlier process used, in the file names and the
 * log (a cancelled utterance has only its log line); the .part files of
 * one that died are removed on the way.
 */
static unsigned
sink_wav_resume(struct sink_wav *w, FILE *log)
{
	DIR		*dir;
	struct dirent	*entry;
	char		 line[32], *path, *tab;
	unsigned	 n, highest = 0;
	int		 whole = 1;

	if ((dir = opendir(w->directory)) != NULL) {
		while ((entry = readdir(dir)) != NULL) {
			if ((n = sink_wav_number(entry->d_name,
			    ".wav.part")) != 0) {
				path = xasprintf("%s/%s", w->directory,
				    entry->d_name);
				unlink(path);
				free(path);
			} else
				n = sink_wav_number(entry->d_name, ".wav");
			if (n > highest)
				highest = n;
		}
		closedir(dir);
	}
	/* Only the start of each line matters: "NNNN\t". */
	rewind(log);
	while (fgets(line, sizeof line, log) != NULL) {
		if (whole && (tab = strchr(line, '\t')) != NULL) {
			*tab = '\0';
			if ((n = sink_wav_number(line, "")) > highest)
				highest = n;
		}
		whole = strchr(line, '\n') != NULL;
	}
	return highest;
}

static int
sink_wav_open(struct sink *sink, unsigned rate, char **cause)
{
	struct sink_wav	*w = sink->data;
	char		*path;

	w->rate = rate;
	if (w->log != NULL)
		return 0;
	if (mkdir(w->directory, 0777) != 0 && errno != EEXIST) {
		*cause = xasprintf("cannot make %s: %s", w->directory,
		    strerror(errno));
		return -2;
	}
	path = xasprintf("%s/speech.log", w->directory);
	if ((w->log = fopen(path, "a+")) == NULL) {
		*cause = xasprintf("cannot write %s: %s", path,
		    strerror(errno));
		free(path);
		return -2;
	}
	free(path);
	w->base = sink_wav_resume(w, w->log);
	setvbuf(w->log, NULL, _IOLBF, 0);
	return 0;
}

static int
sink_wav_begin(struct sink *sink, const struct utterance *u, char **cause)
{
	struct sink_wav	*w = sink->data;
	unsigned char	 header[WAV_HEADER_SIZE];

	free(w->part);
	w->part = xasprintf("%s/%04u.wav.part", w->directory,
	    w->base + u->number);
	w->bytes = 0;
	wav_header(header, w->rate, 0);
	if ((w->file = fopen(w->part, "wb")) == NULL ||
	    fwrite(header, sizeof header, 1, w->file) != 1) {
		*cause = xasprintf("cannot write %s: %s", w->part,
		    strerror(errno));
		if (w->file != NULL)
			fclose(w->file);
		w->file = NULL;
		return -1;
	}
	return 0;
}

static int
sink_wav_write(struct sink *sink, const short *samples, size_t n,
    char **cause)
{
	struct sink_wav	*w = sink->data;

	if (w->file == NULL || fwrite(samples, sizeof *samples, n, w->file) !=
	    n) {
		*cause = xasprintf("cannot write %s: %s", w->part,
		    strerror(errno));
		return -1;
	}
	w->bytes += n * sizeof *samples;
	return 0;
}

static int
sink_wav_drain(struct sink *sink, char **cause)
{
	return 0;
}

/* Write the real sizes into the header and close the file. */
static int
sink_wav_close_file(struct sink_wav *w)
{
	unsigned char	 header[WAV_HEADER_SIZE];
	int		 failed;

	wav_header(header, w->rate, w->bytes);
	failed = fseek(w->file, 0, SEEK_SET) != 0 ||
	    fwrite(header, sizeof header, 1, w->file) != 1 ||
	    ferror(w->file);
	if (fclose(w->file) != 0)
		failed = 1;
	w->file = NULL;
	return failed ? -1 : 0;
}

/* The log line of an utterance that was not finished. */
static void
sink_wav_log_cancel(struct sink_wav *w, const struct utterance *u)
{
	fprintf(w->log, "%04u\tcancel\t%s\n", w->base + u->number,
	    u->chime ? "chime" : u->text);
}

static void
sink_wav_finish(struct sink *sink, const struct utterance *u, int cancelled)
{
	struct sink_wav	*w = sink->data;
	char		*path;

	if (w->file == NULL)
		return;
	if (cancelled || sink_wav_close_file(w) != 0) {
		if (w->file != NULL)
			fclose(w->file);
		w->file = NULL;
		unlink(w->part);
		sink_wav_log_cancel(w, u);
		return;
	}
	path = xasprintf("%s/%04u.wav", w->directory, w->base + u->number);
	if (rename(w->part, path) != 0) {
		unlink(w->part);
		sink_wav_log_cancel(w, u);
	} else if (u->chime)
		fprintf(w->log, "%04u\tchime\t%d\n", w->base + u->number,
		    u->volume);
	else
		fprintf(w->log, "%04u\t%s\t%d\t%d\t%s\n", w->base + u->number,
		    u->lang, u->rate, u->volume, u->text);
	free(path);
}

static void
sink_wav_discard(struct sink *sink, const struct utterance *u)
{
	struct sink_wav	*w = sink->data;

	if (w->log != NULL)
		sink_wav_log_cancel(w, u);
}

static void
sink_wav_cancel(struct sink *sink)
{
	/* Nothing plays: the worker stops writing at the next chunk. */
}

static void
sink_wav_free(struct sink *sink)
{
	struct sink_wav	*w = sink->data;

	if (w->file != NULL) {
		fclose(w->file);
		unlink(w->part);
	}
	if (w->log != NULL)
		fclose(w->log);
	free(w->part);
	free(w->directory);
	free(w);
	free(sink);
}

static const struct sink_ops sink_wav_ops = {
	.name = "wav",
	.chimes = 1,
	.open = sink_wav_open,
	.begin = sink_wav_begin,
	.write = sink_wav_write,
	.drain = sink_wav_drain,
	.finish = sink_wav_finish,
	.discard = sink_wav_discard,
	.cancel = sink_wav_cancel,
	.free = sink_wav_free,
};

struct sink *
sink_wav_new(const char *directory)
{
	struct sink	*sink = xcalloc(1, sizeof *sink);
	struct sink_wav	*w = xcalloc(1, sizeof *w);

	w->directory = xstrdup(directory);
	sink->ops = &sink_wav_ops;
	sink->data = w;
	return sink;
}
