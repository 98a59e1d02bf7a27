/*
 * The service catalog as data: agencies, their services and each
 * service's standard (the six citizen-facing components of the service
 * standard plus its legal basis), in Indonesian and English; offices and
 * counters. struct catalog is the whole catalog in memory, as read from
 * or written to a catalog file (loket-catalog(5)).
 *
 * Both ends read catalog files here: the office imports one, the centre
 * checks one before it publishes it, with the same rules. It never
 * touches a database or the network.
 */
#ifndef LOKET_SYNC_CATALOG_H
#define LOKET_SYNC_CATALOG_H

#include <stddef.h>
#include <stdio.h>

#include "common/i18n.h"

#define CATALOG_MAGIC		"loket-catalog 1"	/* a file's first line */
#define CATALOG_MAX_LINE	1000			/* bytes in a line */

enum component {
	COMPONENT_REQUIREMENTS = 0,
	COMPONENT_PROCEDURE,
	COMPONENT_TIME,
	COMPONENT_FEE,
	COMPONENT_PRODUCT,
	COMPONENT_COMPLAINTS,
	COMPONENT_LEGAL,
	COMPONENT_COUNT
};
#define LANG_COUNT 2

struct catalog_agency {
	char	*code;
	char	*name[LANG_COUNT];
	int	 line;		/* where it starts in the file, for errors */
};

struct catalog_service {
	char	*code;
	char	*agency;	/* agency code */
	char	 letter;	/* queue letter, A-Z */
	char	*name[LANG_COUNT];
	char	*keywords;	/* space-separated, may be "" */
	/* Lines joined by '\n'. */
	char	*component[COMPONENT_COUNT][LANG_COUNT];
	int	 line;
};

struct catalog_office {
	char	*code;
	char	*name;
	char	*address;
	char	*timezone;	/* WIB, WITA or WIT */
	int	 line;
};

struct catalog_counter {
	int	 number;
	char	*office;	/* office code */
	char	*name;
	char	*services;	/* space-separated service codes */
	int	 line;
};

struct catalog {
	struct catalog_agency	*agencies;
	size_t			 nagencies;
	struct catalog_service	*services;
	size_t			 nservices;
	struct catalog_office	*offices;
	size_t			 noffices;
	struct catalog_counter	*counters;
	size_t			 ncounters;
};


struct catalog	*catalog_new(void);
void		 catalog_free(struct catalog *);

/* The file key of a component: "requirements", "procedure", ... */
const char	*catalog_component_key(enum component);
/* Its title in the current language. */
const char	*catalog_component_title(enum component);
/* Are its lines numbered steps (requirements, procedure)? */
int		 catalog_component_numbered(enum component);
/* Parse a component key; -1 if unknown. */
int		 catalog_component_parse(const char *, enum component *);

/* Is this a valid agency, service or office code? */
int		 catalog_code_valid(const char *);

/*
 * Read a catalog file (the format in loket-catalog(5)). On any error
 * return NULL and a cause naming the file, the line and the reason.
 */
struct catalog	*catalog_file_read(FILE *, const char *name, char **cause);
/*
 * Write the catalog in the same format, named name in messages; for a
 * terminal, every text passes through text_sanitize(). Nothing is written
 * if a text could not be read back (a control character, invalid UTF-8,
 * a line too long): -1 and a cause naming where it is; -1 and a cause too
 * on a write error. With no file, only the check.
 */
int		 catalog_file_write(const struct catalog *, FILE *,
		     const char *name, int terminal, char **cause);

/*
 * Indonesia's time zones, fixed offsets without daylight saving: the
 * zone's own name ("WIB", "WITA" or "WIT", static) and its offset in
 * seconds east of UTC, or NULL if name is none of them.
 */
const char	*catalog_zone(const char *name, int *offset);

#endif
