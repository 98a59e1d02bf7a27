/*
 * Requests: the lines loket-speech reads on its standard input.
 *
 *   S LANG RATE VOLUME TEXT   stop everything, then say TEXT
 *   Q LANG RATE VOLUME TEXT   say TEXT after everything queued
 *   C VOLUME                  the chime, after everything queued
 *   X                         stop at once
 *
 * LANG is "id" or "en", RATE words per minute (clamped to 80-300),
 * VOLUME 0-100 (clamped).
 */
#ifndef LOKET_REQUEST_H
#define LOKET_REQUEST_H

#define REQUEST_RATE_MIN	80
#define REQUEST_RATE_MAX	300
#define REQUEST_VOLUME_MAX	100

enum request_type {
	REQUEST_SAY,
	REQUEST_QUEUE,
	REQUEST_CHIME,
	REQUEST_STOP,
	REQUEST_MALFORMED
};

struct request {
	enum request_type	 type;
	char			 lang[3];
	int			 rate;
	int			 volume;
	const char		*text;		/* borrowed from the line */
};

/* Read one line (without its newline) into r; r->type says what it is. */
void	request_parse(const char *, struct request *);

#endif
