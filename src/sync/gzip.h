/*
 * gzip for the wire, at both ends (zlib): the agent compresses what it
 * pushes, loketd what it answers, and each inflates what the other sent.
 *
 * Inflating stops at a limit, so that a small body cannot become a
 * large one in memory (a decompression bomb). Buffers it returns are
 * owned by the caller.
 */
#ifndef LOKET_SYNC_GZIP_H
#define LOKET_SYNC_GZIP_H

#include <stddef.h>

#define SYNC_GZIP_CORRUPT	(-1)	/* not a whole gzip stream */
#define SYNC_GZIP_TOO_BIG	(-2)	/* inflates past the limit */

/* Bodies shorter than this travel as they are: gzip would not pay. */
#define SYNC_GZIP_WORTH		256

/* data as one gzip stream: an owned buffer of *out_length bytes. */
char	*sync_gzip(const char *data, size_t length, size_t *out_length);
/*
 * Inflate one gzip stream of at most max bytes: 0 with an owned,
 * NUL-terminated *out of *out_length bytes, or SYNC_GZIP_CORRUPT or
 * SYNC_GZIP_TOO_BIG (*out NULL).
 */
int	 sync_gunzip(const char *data, size_t length, size_t max, char **out,
	     size_t *out_length);

#endif
