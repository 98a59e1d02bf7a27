/* The engine for a --db value, and what every engine shares. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "common/xmalloc.h"
#include "loketd/store.h"

struct store *
store_open(const char *where, int create, char **cause)
{
	struct store	*s = NULL;

	if (strncmp(where, "postgresql://", 13) == 0 ||
	    strncmp(where, "postgres://", 11) == 0) {
		*cause = xstrdup(_("PostgreSQL is not supported yet; give "
		    "--db a file for SQLite."));
		return NULL;
	}
	if (store_sqlite.open(where, create, &s, cause) != 0)
		return NULL;
	s->engine = &store_sqlite;
	return s;
}

void
store_close(struct store *s)
{
	if (s != NULL)
		s->engine->close(s);
}

void
store_office_clear(struct store_office *o)
{
	free(o->code);
	free(o->name);
	memset(o, 0, sizeof *o);
}

const char *
store_result_name(enum store_result r)
{
	static const char *const names[STORE_RESULT_COUNT] = {
		[STORE_APPLIED] = "applied",
		[STORE_DUPLICATE] = "duplicate",
		[STORE_CONFLICT] = "conflict",
		[STORE_REJECTED] = "rejected",
	};

	return r >= 0 && r < STORE_RESULT_COUNT ? names[r] : "rejected";
}
