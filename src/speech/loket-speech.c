/*
 * loket-speech, the speech process: a program of its own so that only it
 * loads espeak-ng and the sound libraries, not every kiosk. The kiosk,
 * the desk and the board start it as
 *
 *   loket-speech wav DIRECTORY     one WAV file per utterance, and a log
 *   loket-speech device            the sound device (or PULSE_SERVER)
 *   loket-speech command 'CMD'     /bin/sh -c CMD fed a WAV stream each time
 *   loket-speech dispatcher        speech-dispatcher
 *
 * and write one command a line on its standard input (request.h): S says
 * a text after stopping everything, Q queues one, C queues the chime, X
 * stops; the end of input stops at once and ends the process. It answers
 * with events on standard output (event.h, engine.h). It never makes the
 * front-end wait: commands are read while the worker thread speaks.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/input.h"
#include "common/xmalloc.h"
#include "speech/engine.h"
#include "speech/event.h"
#include "speech/request.h"
#include "speech/sink.h"

static void
usage(FILE *f)
{
	fprintf(f, "usage: loket-speech wav DIRECTORY | device | "
	    "command COMMAND | dispatcher\n"
	    "Speaks the lines read on standard input: "
	    "S|Q LANG RATE VOLUME TEXT, C VOLUME, X.\n");
}

/* The longest request line: far more than one screen's text to say. */
#define REQUEST_LINE_MAX	(256 * 1024)

/*
 * Read the commands until the end of input; a line too long to be a
 * request is read and dropped, and reported as malformed.
 */
static void
read_requests(struct engine *e)
{
	struct request		 r;
	char			*line = xmalloc(REQUEST_LINE_MAX + 1);
	size_t			 len;
	enum input_status	 status;

	while ((status = input_line(stdin, line, REQUEST_LINE_MAX, &len)) ==
	    INPUT_LINE || status == INPUT_LONG) {
		if (status == INPUT_LONG) {
			if (input_skip_line(stdin) != 0)
				break;
			event_write(REPORT_ERROR, "malformed");
			continue;
		}
		while (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		request_parse(line, &r);
		switch (r.type) {
		case REQUEST_SAY:
			engine_stop(e);
			engine_add(e, &r);
			break;
		case REQUEST_QUEUE:
		case REQUEST_CHIME:
			engine_add(e, &r);
			break;
		case REQUEST_STOP:
			engine_stop(e);
			break;
		case REQUEST_MALFORMED:
			event_write(REPORT_ERROR, "malformed");
			break;
		}
	}
	free(line);
}

int
main(int argc, char **argv)
{
	struct sink	*sink;
	struct engine	*e;
	char		*cause = NULL;

	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
	}
	if (argc == 2 && strcmp(argv[1], "--version") == 0) {
		printf("loket-speech (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
		return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
	}
	if (argc < 2 || argc > 3) {
		usage(stderr);
		return 2;
	}
	if ((sink = sink_new(argv[1], argv[2], &cause)) == NULL) {
		fprintf(stderr, "loket-speech: %s\n", cause);
		usage(stderr);
		free(cause);
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);	/* a command or reader gone: EPIPE */
	event_init();
	if ((e = engine_new(sink, &cause)) == NULL) {
		event_write(REPORT_UNAVAILABLE, "%s", cause);
		free(cause);
		sink_free(sink);
		return 1;
	}
	read_requests(e);
	if (engine_free(e) != 0)
		_exit(0);	/* the worker is stuck in a library */
	return 0;
}
