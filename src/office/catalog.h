/*
 * The office's catalog in its database: the whole catalog replaced or
 * read at once (the model and its files are sync/catalog.h), and the
 * lists a citizen is shown; struct catalog_entry is one row of such a
 * list, in one language.
 */
#ifndef LOKET_CATALOG_H
#define LOKET_CATALOG_H

#include <stddef.h>

#include "common/i18n.h"
#include "sync/catalog.h"

struct db;

struct catalog_entry {
	long	 id;
	char	*code;
	char	*name;
};

void		 catalog_entries_free(struct catalog_entry *, size_t);

/* Store: replace the whole catalog in one transaction. */
int		 catalog_import(struct db *, const struct catalog *,
		     char **cause);
/* The same in the caller's transaction (a change pulled from the centre). */
int		 catalog_replace(struct db *, const struct catalog *,
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
