/* Shared by the unit tests that need the demo catalog in memory. */
#ifndef LOKET_TEST_UNIT_CATALOG_H
#define LOKET_TEST_UNIT_CATALOG_H

#include "unit.h"
#include "office/catalog.h"

/* The demo catalog, read; NULL (and the cause printed) if it fails. */
static inline struct catalog *
unit_demo_read(void)
{
	struct catalog	*c;
	char		*path, *cause = NULL;
	FILE		*f;

	path = unit_demo_catalog();
	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "cannot read %s\n", path);
		free(path);
		return NULL;
	}
	c = catalog_file_read(f, path, &cause);
	fclose(f);
	free(path);
	if (c == NULL) {
		fprintf(stderr, "%s\n", cause);
		free(cause);
	}
	return c;
}

#endif
