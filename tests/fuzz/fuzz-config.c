/*
 * libFuzzer target: the configuration reader (inih through Loket's own
 * line reader, and loket.conf's schema with its checks). The input is
 * the file's text, put in a memory file that the reader opens by path.
 */
#define _GNU_SOURCE
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cmd/config-keys.h"
#include "common/configuration.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int	 fd = -1;
	static char	 path[64];
	struct config	 c;
	char		*cause = NULL;

	if (fd == -1) {
		if ((fd = memfd_create("loket-fuzz.conf", 0)) == -1)
			abort();
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) !=
	    (ssize_t)size)
		abort();
	config_init(&c, &config_keys_loket);
	if (config_read_file(&c, path, 1, &cause) != 0) {
		if (cause == NULL)
			abort();	/* a refusal always says why */
		free(cause);
	}
	config_free(&c);
	return 0;
}
