/* Requests: the lines loket-speech reads on its standard input. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "speech/request.h"

/* A whole number followed by one space (or the end); clamped to low-high.
 * Advances *p past it; -1 when it is not a number. */
static int
request_number(const char **p, int low, int high, int *value)
{
	const char	*s = *p;
	char		*end;
	long		 v;

	if (!isdigit((unsigned char)*s) && !(*s == '-' &&
	    isdigit((unsigned char)s[1])))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end != ' ' && *end != '\0')
		return -1;
	if (errno == ERANGE)
		v = v < 0 ? LONG_MIN : LONG_MAX;
	*value = v < low ? low : v > high ? high : (int)v;
	*p = *end == ' ' ? end + 1 : end;
	return 0;
}

/* "LANG " at *p: id or en. */
static int
request_lang(const char **p, struct request *r)
{
	const char	*s = *p;

	if ((strncmp(s, "id ", 3) != 0 && strncmp(s, "en ", 3) != 0))
		return -1;
	memcpy(r->lang, s, 2);
	r->lang[2] = '\0';
	*p = s + 3;
	return 0;
}

void
request_parse(const char *line, struct request *r)
{
	const char	*p = line + 2;

	memset(r, 0, sizeof *r);
	r->type = REQUEST_MALFORMED;
	if (strcmp(line, "X") == 0) {
		r->type = REQUEST_STOP;
		return;
	}
	if (strncmp(line, "C ", 2) == 0) {
		if (request_number(&p, 0, REQUEST_VOLUME_MAX, &r->volume) ==
		    0 && *p == '\0')
			r->type = REQUEST_CHIME;
		return;
	}
	if ((line[0] != 'S' && line[0] != 'Q') || line[1] != ' ' ||
	    request_lang(&p, r) != 0)
		return;
	if (request_number(&p, REQUEST_RATE_MIN, REQUEST_RATE_MAX,
	    &r->rate) != 0 || request_number(&p, 0, REQUEST_VOLUME_MAX,
	    &r->volume) != 0)
		return;
	if (*p == '\0')
		return;
	r->text = p;
	r->type = line[0] == 'S' ? REQUEST_SAY : REQUEST_QUEUE;
}
