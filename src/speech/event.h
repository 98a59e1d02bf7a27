/*
 * Events: what loket-speech tells the front-end, one line each on
 * standard output ("ready wav", "start 3", "cancel 3" ...). Standard
 * output is made non-blocking: an event the reader has no room for is
 * dropped rather than ever making the speech process wait.
 */
#ifndef LOKET_EVENT_H
#define LOKET_EVENT_H

#include "common/speech-report.h"

/* Make standard output non-blocking. */
void	event_init(void);
/* Write one report: its kind's word, then the details (a newline added). */
void	event_write(enum speech_report_kind, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
