/* The chime before the board's calls: a two-tone "ding-dong". */
#ifndef LOKET_CHIME_H
#define LOKET_CHIME_H

#include <stddef.h>

/* The chime's samples at rate samples a second and volume 0-100, in an
 * allocated array the caller frees; *n is how many. */
short	*chime_new(unsigned, int, size_t *);

#endif
