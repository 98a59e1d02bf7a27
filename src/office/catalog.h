/*
 * The service catalog: agencies, their services and each service's
 * standard (the six citizen-facing components of the service standard
 * plus its legal basis), in Indonesian and English; offices and counters.
 *
 * struct catalog is the whole catalog in memory, as read from or written
 * to a catalog file; struct catalog_entry is one row of a list shown to
 * a citizen, in one language.
 */
#ifndef LOKET_CATALOG_H
#define LOKET_CATALOG_H

#include <stddef.h>
#include <stdio.h>

#include "common/i18n.h"

struct db;

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

struct catalog_entry {
	long	 id;
	char	*code;
	char	*name;
};

struct catalog	*catalog_new(void);
void		 catalog_free(struct catalog *);
void		 catalog_entries_free(struct catalog_entry *, size_t);

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

/* Store: replace the whole catalog in one transaction. */
int		 catalog_import(struct db *, const struct catalog *,
		     char **cause);
/* Store: read the whole catalog. */
struct catalog	*catalog_export(struct db *, char **cause);

/* Lists for the citizen, in the language given. */
int		 catalog_agencies(struct db *, enum lang,
		     struct catalog_entry **, size_t *, char **cause);
int		 catalog_services(struct db *, long agency, enum lang,
		     struct catalog_entry **, size_t *, char **cause);
/*
 * Services matching every word of query, best first (catalog-search.c
 * says how): 0, or -1 with a cause.
 */
int		 catalog_search(struct db *, const char *query, enum lang,
		     struct catalog_entry **, size_t *, char **cause);
/* A service and the words a search looks at, in one language. */
struct catalog_searchable {
	struct catalog_entry	 entry;
	char			*text;	/* name, keywords, code, agency */
};
/* Store: every active service with its words, in the catalog's order. */
int		 catalog_searchable(struct db *, enum lang,
		     struct catalog_searchable **, size_t *, char **cause);
void		 catalog_searchable_free(struct catalog_searchable *, size_t);
/* One service by code; 1 found, 0 not found, -1 error. */
int		 catalog_service_by_code(struct db *, const char *code,
		     enum lang, struct catalog_entry *, char **cause);
/* A component's text (lines joined by '\n'), owned by the caller. */
int		 catalog_component(struct db *, long service, enum component,
		     enum lang, char **text, char **cause);
/* The name of an agency or a service by id; NULL if there is none. */
enum catalog_kind {
	CATALOG_AGENCY,
	CATALOG_SERVICE
};
char		*catalog_name(struct db *, enum catalog_kind, long id,
		     enum lang);
/* The office's counters: id is the counter number. */
int		 catalog_counters(struct db *, struct catalog_entry **, size_t *,
		     char **cause);
/* Does this counter serve this service? */
int		 catalog_counter_serves(struct db *, int counter, long service);
/* The code of a service by id, owned; NULL if there is none. */
char		*catalog_service_code(struct db *, long id);
/* The office's name for the welcome screen; NULL if none is set. */
char		*catalog_office_name(struct db *);

#endif
