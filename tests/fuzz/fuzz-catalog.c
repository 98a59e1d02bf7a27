/*
 * libFuzzer target: the catalog parser (loket-catalog(5)). Any input is
 * read without a crash, a leak or undefined behaviour; what it accepts is
 * written back and read again to the same catalog text.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sync/catalog.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The catalog as a file's text; NULL if the writer refuses it. */
static char *
fuzz_write(const struct catalog *c)
{
	char	*buf = NULL, *cause = NULL;
	size_t	 size = 0;
	FILE	*f = open_memstream(&buf, &size);
	int	 rc;

	rc = catalog_file_write(c, f, "fuzz", 0, &cause);
	fclose(f);
	free(cause);
	if (rc != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalog	*c, *again;
	char		*cause = NULL, *first, *second;
	FILE		*f;

	if (size == 0)
		return 0;
	if ((f = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	c = catalog_file_read(f, "fuzz", &cause);
	fclose(f);
	if (c == NULL) {
		if (cause == NULL)
			abort();	/* a refusal always says why */
		free(cause);
		return 0;
	}
	/* What was accepted reads back as the same catalog. */
	if ((first = fuzz_write(c)) == NULL)
		abort();
	f = fmemopen(first, strlen(first), "r");
	again = catalog_file_read(f, "fuzz", &cause);
	fclose(f);
	if (again == NULL) {
		fprintf(stderr, "written catalog refused: %s\n", cause);
		abort();
	}
	second = fuzz_write(again);
	if (second == NULL || strcmp(first, second) != 0)
		abort();
	free(first);
	free(second);
	catalog_free(again);
	catalog_free(c);
	return 0;
}
