/* The speech process's reports, as one table for both ends. */
#include "config.h"

#include <string.h>

#include "common/speech-report.h"

static const char *const speech_report_names[REPORT_OTHER] = {
	[REPORT_READY] = "ready",
	[REPORT_UNAVAILABLE] = "unavailable",
	[REPORT_START] = "start",
	[REPORT_AUDIO] = "audio",
	[REPORT_END] = "end",
	[REPORT_CANCEL] = "cancel",
	[REPORT_CHIME] = "chime",
	[REPORT_DROP] = "drop",
	[REPORT_ERROR] = "error",
};

const char *
speech_report_name(enum speech_report_kind kind)
{
	return kind < REPORT_OTHER ? speech_report_names[kind] : NULL;
}

void
speech_report_parse(const char *line, struct speech_report *r)
{
	size_t	 len = strcspn(line, " ");
	int	 kind;

	r->kind = REPORT_OTHER;
	r->detail = line;
	for (kind = 0; kind < REPORT_OTHER; kind++) {
		if (strlen(speech_report_names[kind]) == len &&
		    strncmp(line, speech_report_names[kind], len) == 0) {
			r->kind = kind;
			r->detail = line[len] == ' ' ? line + len + 1 :
			    line + len;
			return;
		}
	}
}

int
speech_report_ends(enum speech_report_kind kind)
{
	return kind == REPORT_END || kind == REPORT_CANCEL ||
	    kind == REPORT_DROP;
}
