/* gzip streams through zlib, with a limit on what inflating may make. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "common/log.h"
#include "common/xmalloc.h"
#include "sync/gzip.h"

#define SYNC_GZIP_WINDOW	(15 + 16)	/* 32K window, gzip header */

char *
sync_gzip(const char *data, size_t length, size_t *out_length)
{
	z_stream	 z;
	char		*out;
	size_t		 size;

	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED,
	    SYNC_GZIP_WINDOW, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		fatal("deflateInit2 failed");
	size = deflateBound(&z, length);
	out = xmalloc(size);
	z.next_in = (Bytef *)data;
	z.avail_in = length;
	z.next_out = (Bytef *)out;
	z.avail_out = size;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END)
		fatal("deflate did not finish within its bound");
	*out_length = z.total_out;
	deflateEnd(&z);
	return out;
}

int
sync_gunzip(const char *data, size_t length, size_t max, char **out,
    size_t *out_length)
{
	z_stream	 z;
	char		*buffer = NULL;
	size_t		 size = 0;
	int		 rc = Z_OK;

	*out = NULL;
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, SYNC_GZIP_WINDOW) != Z_OK)
		fatal("inflateInit2 failed");
	z.next_in = (Bytef *)data;
	z.avail_in = length;
	while (rc == Z_OK) {
		if (z.total_out > max)
			break;
		/* Grow by what the input could make, at most past max by 1. */
		size = z.total_out + (length > 4096 ? length : 4096) * 4;
		if (size > max + 1)
			size = max + 1;
		buffer = xreallocarray(buffer, size + 1, 1);
		z.next_out = (Bytef *)buffer + z.total_out;
		z.avail_out = size - z.total_out;
		rc = inflate(&z, Z_NO_FLUSH);
		if (rc == Z_BUF_ERROR && z.avail_out > 0)
			break;	/* the input ended before the stream */
		if (rc == Z_BUF_ERROR)
			rc = Z_OK;
	}
	*out_length = z.total_out;
	inflateEnd(&z);
	if (rc == Z_STREAM_END && z.avail_in == 0 && *out_length <= max) {
		buffer[*out_length] = '\0';
		*out = buffer;
		return 0;
	}
	free(buffer);
	return *out_length > max ? SYNC_GZIP_TOO_BIG : SYNC_GZIP_CORRUPT;
}
