/* Shared by the cmocka unit tests: includes and a scratch directory. */
#ifndef LOKET_TEST_UNIT_H
#define LOKET_TEST_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

/* Seconds on a monotonic clock, to time what must stay quick. */
static inline double
unit_seconds(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A fresh scratch directory for this test program; removed at exit. */
static char unit_dir[64];

static inline void
unit_cleanup(void)
{
	char	 cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", unit_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", unit_dir);
}

static inline const char *
unit_tmpdir(void)
{
	if (unit_dir[0] == '\0') {
		snprintf(unit_dir, sizeof unit_dir, "/tmp/loket-unit.XXXXXX");
		if (mkdtemp(unit_dir) == NULL)
			abort();
		atexit(unit_cleanup);
	}
	return unit_dir;
}

/* A path in the scratch directory; owned by the caller. */
static inline char *
unit_path(const char *name)
{
	char	*path;

	if (asprintf(&path, "%s/%s", unit_tmpdir(), name) == -1)
		abort();
	return path;
}

/* Write text to a new file in the scratch directory; return its path. */
static inline char *
unit_file(const char *name, const char *text)
{
	char	*path = unit_path(name);
	FILE	*f = fopen(path, "w");

	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0)
		abort();
	return path;
}

/* The demo catalog shipped in data/. */
static inline char *
unit_demo_catalog(void)
{
	const char	*top = getenv("top_srcdir");
	char		*path;

	if (asprintf(&path, "%s/data/demo-catalog.txt",
	    top != NULL ? top : SRCDIR) == -1)
		abort();
	return path;
}

#endif
