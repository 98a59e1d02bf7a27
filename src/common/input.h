/*
 * Lines of bounded length from a stream: a line longer than the caller
 * can use is never buffered whole. It knows nothing of what a line means.
 */
#ifndef LOKET_INPUT_H
#define LOKET_INPUT_H

#include <stdio.h>
#include <sys/types.h>

enum input_status {
	INPUT_LINE,		/* a whole line (its newline removed) */
	INPUT_LONG,		/* max bytes read; the rest of the line waits */
	INPUT_END,		/* end of input, nothing read */
	INPUT_ERROR		/* a read error or a signal (see errno) */
};

/*
 * Read at most max bytes of one line into buf (which holds max + 1); the
 * text is NUL-terminated, and *len says how long it is, NUL bytes inside
 * included. The last line may lack its newline.
 */
enum input_status input_line(FILE *, char *buf, size_t max, size_t *len);
/*
 * Throw away the rest of a line; 0 at its end (or the input's), -1 on a
 * read error or when a terminating signal arrives.
 */
int	 input_skip_line(FILE *);

#endif
