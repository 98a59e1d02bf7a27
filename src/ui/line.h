/*
 * The line front-end: the same screens as numbered plain text, for screen
 * readers, braille displays, TERM=dumb, serial lines and scripts. With a
 * person at a terminal it reads with readline; from a pipe, plain lines.
 */
#ifndef LOKET_LINE_H
#define LOKET_LINE_H

struct config;
struct dialog;

/* Run until end of input, the operator exits, or a signal. */
int	 line_run(struct dialog *, const struct config *);

#endif
