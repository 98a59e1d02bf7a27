/* Lines of bounded length from a stream. */
#include "config.h"

#include <errno.h>
#include <stdio.h>

#include "common/input.h"
#include "common/signals.h"

enum input_status
input_line(FILE *f, char *buf, size_t max, size_t *len)
{
	size_t	 n = 0;
	int	 c;

	*len = 0;
	buf[0] = '\0';
	while (n < max) {
		if (signals_caught) {
			errno = EINTR;
			return INPUT_ERROR;
		}
		if ((c = getc_unlocked(f)) == EOF)
			break;
		if (c == '\n') {
			buf[n] = '\0';
			*len = n;
			return INPUT_LINE;
		}
		buf[n++] = (char)c;
	}
	buf[n] = '\0';
	*len = n;
	if (n == max && !signals_caught) {
		/* Exactly max bytes, then the newline: a whole line. */
		if ((c = getc_unlocked(f)) == '\n' || c == EOF)
			return ferror(f) ? INPUT_ERROR : INPUT_LINE;
		ungetc(c, f);
		return INPUT_LONG;
	}
	if (ferror(f) || signals_caught)
		return INPUT_ERROR;
	return n > 0 ? INPUT_LINE : INPUT_END;
}

int
input_skip_line(FILE *f)
{
	int	 c;

	while (!signals_caught) {
		if ((c = getc_unlocked(f)) == '\n')
			return 0;
		if (c == EOF)
			return ferror(f) ? -1 : 0;
	}
	errno = EINTR;
	return -1;
}
