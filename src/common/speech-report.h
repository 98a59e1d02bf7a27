/*
 * What loket-speech reports to the front-end, one line each: a word
 * naming the kind, then its details ("ready wav", "end 3", "unavailable
 * no sound device"). Both programs use this table: the speech process to
 * write a report, the speech client to read one.
 */
#ifndef LOKET_SPEECH_REPORT_H
#define LOKET_SPEECH_REPORT_H

enum speech_report_kind {
	REPORT_READY = 0,	/* sound works; the sink's name */
	REPORT_UNAVAILABLE,	/* sound does not work; why */
	REPORT_START,		/* utterance N is being synthesized */
	REPORT_AUDIO,		/* utterance N is heard */
	REPORT_END,		/* utterance N was heard to its end */
	REPORT_CANCEL,		/* utterance N was cut by a stop */
	REPORT_CHIME,		/* chime N is played */
	REPORT_DROP,		/* utterance N was never played */
	REPORT_ERROR,		/* something failed; what */
	REPORT_OTHER		/* anything else: a library speaking up */
};

struct speech_report {
	enum speech_report_kind	 kind;
	const char		*detail;	/* borrowed from the line */
};

/* The word for a kind ("ready"); NULL for REPORT_OTHER. */
const char	*speech_report_name(enum speech_report_kind);
/* Read one line (without its newline). */
void		 speech_report_parse(const char *, struct speech_report *);
/* Does this report end an utterance (heard, cut or dropped)? */
int		 speech_report_ends(enum speech_report_kind);

#endif
