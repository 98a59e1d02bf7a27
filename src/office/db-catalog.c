/* Store: the service catalog in SQLite. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/xmalloc.h"
#include "office/catalog.h"
#include "office/db.h"

/* Run stmt to the end, collecting (id, code, name) rows. */
static int
db_catalog_collect(struct db *db, sqlite3_stmt *stmt,
    struct catalog_entry **entries, size_t *n, char **cause)
{
	struct catalog_entry	*e;
	int			 rc;

	*entries = NULL;
	*n = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*entries = xreallocarray(*entries, *n + 1, sizeof **entries);
		e = &(*entries)[(*n)++];
		e->id = sqlite3_column_int64(stmt, 0);
		e->code = db_column_text(stmt, 1);
		e->name = db_column_text(stmt, 2);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		catalog_entries_free(*entries, *n);
		*entries = NULL;
		*n = 0;
		*cause = db_cause(db, rc);
		return -1;
	}
	return 0;
}

void
catalog_entries_free(struct catalog_entry *entries, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(entries[i].code);
		free(entries[i].name);
	}
	free(entries);
}

int
catalog_agencies(struct db *db, enum lang lang,
    struct catalog_entry **entries, size_t *n, char **cause)
{
	sqlite3_stmt	*stmt;

	if (db_prepare(db, "SELECT id, code, CASE ?1 WHEN 'en' THEN name_en "
	    "ELSE name_id END FROM agency WHERE active ORDER BY position", &stmt,
	    cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, i18n_code(lang), -1, SQLITE_STATIC);
	return db_catalog_collect(db, stmt, entries, n, cause);
}

int
catalog_services(struct db *db, long agency, enum lang lang,
    struct catalog_entry **entries, size_t *n, char **cause)
{
	sqlite3_stmt	*stmt;

	if (db_prepare(db, "SELECT id, code, CASE ?1 WHEN 'en' THEN name_en "
	    "ELSE name_id END FROM service WHERE agency_id = ?2 AND active "
	    "ORDER BY position", &stmt, cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, i18n_code(lang), -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, agency);
	return db_catalog_collect(db, stmt, entries, n, cause);
}

int
catalog_searchable(struct db *db, enum lang lang,
    struct catalog_searchable **out, size_t *n, char **cause)
{
	struct catalog_searchable	*c;
	sqlite3_stmt			*stmt;
	int				 rc;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT s.id, s.code, CASE ?1 WHEN 'en' THEN "
	    "s.name_en ELSE s.name_id END, (CASE ?1 WHEN 'en' THEN s.name_en "
	    "ELSE s.name_id END) || ' ' || s.keywords || ' ' || s.code || ' ' "
	    "|| (CASE ?1 WHEN 'en' THEN a.name_en ELSE a.name_id END) "
	    "FROM service s JOIN agency a ON a.id = s.agency_id "
	    "WHERE s.active ORDER BY a.position, s.position", &stmt,
	    cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, i18n_code(lang), -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		c = &(*out)[(*n)++];
		c->entry.id = sqlite3_column_int64(stmt, 0);
		c->entry.code = db_column_text(stmt, 1);
		c->entry.name = db_column_text(stmt, 2);
		c->text = db_column_text(stmt, 3);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		catalog_searchable_free(*out, *n);
		*out = NULL;
		*n = 0;
		db_fail(db, rc, cause);
		return -1;
	}
	return 0;
}

void
catalog_searchable_free(struct catalog_searchable *c, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(c[i].entry.code);
		free(c[i].entry.name);
		free(c[i].text);
	}
	free(c);
}

int
catalog_service_by_code(struct db *db, const char *code, enum lang lang,
    struct catalog_entry *entry, char **cause)
{
	struct catalog_entry	*entries;
	sqlite3_stmt		*stmt;
	size_t			 n;

	if (db_prepare(db, "SELECT id, code, CASE ?1 WHEN 'en' THEN name_en "
	    "ELSE name_id END FROM service WHERE code = ?2 AND active", &stmt,
	    cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, i18n_code(lang), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, code, -1, SQLITE_TRANSIENT);
	if (db_catalog_collect(db, stmt, &entries, &n, cause) != 0)
		return -1;
	if (n == 0)
		return 0;
	*entry = entries[0];
	free(entries);
	return 1;
}

int
catalog_component(struct db *db, long service, enum component comp,
    enum lang lang, char **text, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (db_prepare(db, "SELECT body FROM service_standard "
	    "WHERE service_id = ?1 AND component = ?2 AND lang = ?3", &stmt,
	    cause) != 0)
		return -1;
	sqlite3_bind_int64(stmt, 1, service);
	sqlite3_bind_text(stmt, 2, catalog_component_key(comp), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, i18n_code(lang), -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*text = db_column_text(stmt, 0);
	else if (rc == SQLITE_DONE)
		*text = xstrdup("");
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = db_cause(db, rc);
		return -1;
	}
	return 0;
}

char *
catalog_name(struct db *db, enum catalog_kind kind, long id, enum lang lang)
{
	sqlite3_stmt	*stmt;
	char		*name = NULL, *cause = NULL;
	const char	*sql;

	if (kind == CATALOG_AGENCY)
		sql = "SELECT CASE ?1 WHEN 'en' THEN name_en ELSE name_id END "
		    "FROM agency WHERE id = ?2";
	else
		sql = "SELECT CASE ?1 WHEN 'en' THEN name_en ELSE name_id END "
		    "FROM service WHERE id = ?2";
	if (db_prepare(db, sql, &stmt, &cause) != 0) {
		free(cause);
		return NULL;
	}
	sqlite3_bind_text(stmt, 1, i18n_code(lang), -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		name = db_column_text(stmt, 0);
	sqlite3_finalize(stmt);
	return name;
}

int
catalog_counters(struct db *db, struct catalog_entry **entries, size_t *n,
    char **cause)
{
	sqlite3_stmt	*stmt;

	if (db_prepare(db, "SELECT number, number, name FROM counter "
	    "ORDER BY number", &stmt, cause) != 0)
		return -1;
	return db_catalog_collect(db, stmt, entries, n, cause);
}

int
catalog_counter_serves(struct db *db, int counter, long service)
{
	sqlite3_stmt	*stmt;
	char		*cause = NULL;
	int		 serves = 0;

	if (db_prepare(db, "SELECT 1 FROM counter_service cs JOIN counter c "
	    "ON c.id = cs.counter_id WHERE c.number = ?1 AND "
	    "cs.service_id = ?2", &stmt, &cause) != 0) {
		free(cause);
		return 0;
	}
	sqlite3_bind_int(stmt, 1, counter);
	sqlite3_bind_int64(stmt, 2, service);
	serves = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	return serves;
}

char *
catalog_service_code(struct db *db, long id)
{
	sqlite3_stmt	*stmt;
	char		*code = NULL, *cause = NULL;

	if (db_prepare(db, "SELECT code FROM service WHERE id = ?1 AND active",
	    &stmt, &cause) != 0) {
		free(cause);
		return NULL;
	}
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		code = db_column_text(stmt, 0);
	sqlite3_finalize(stmt);
	return code;
}

char *
catalog_office_name(struct db *db)
{
	sqlite3_stmt	*stmt;
	char		*name = NULL, *cause = NULL;

	if (db_prepare(db, "SELECT name FROM office ORDER BY id LIMIT 1",
	    &stmt, &cause) != 0) {
		free(cause);
		return NULL;
	}
	if (sqlite3_step(stmt) == SQLITE_ROW)
		name = db_column_text(stmt, 0);
	sqlite3_finalize(stmt);
	return name;
}

/* Step a write statement once and reset it for the next row. */
static int
db_catalog_step(struct db *db, sqlite3_stmt *stmt, char **cause)
{
	int	 rc;

	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	if (rc != SQLITE_DONE) {
		log_error("%s: import: %s", db->path,
		    sqlite3_errmsg(db->handle));
		*cause = db_cause(db, rc);
		return -1;
	}
	return 0;
}

static int
db_catalog_insert_services(struct db *db, const struct catalog *c,
    char **cause)
{
	sqlite3_stmt	*service = NULL, *standard = NULL;
	char		 letter[2] = { 0, 0 };
	size_t		 i;
	int		 k, l, rc = -1;
	long		 id;

	/* A service keeps its id from one import to the next. */
	if (db_prepare(db, "INSERT INTO service (code, agency_id, position, "
	    "letter, name_id, name_en, keywords, active) VALUES (?1, (SELECT "
	    "id FROM agency WHERE code = ?2), ?3, ?4, ?5, ?6, ?7, 1) "
	    "ON CONFLICT (code) DO UPDATE SET agency_id = excluded.agency_id, "
	    "position = excluded.position, letter = excluded.letter, "
	    "name_id = excluded.name_id, name_en = excluded.name_en, "
	    "keywords = excluded.keywords, active = 1 RETURNING id", &service,
	    cause) != 0)
		goto out;
	if (db_prepare(db, "INSERT INTO service_standard (service_id, "
	    "component, lang, body) VALUES (?1, ?2, ?3, ?4)", &standard,
	    cause) != 0)
		goto out;
	for (i = 0; i < c->nservices; i++) {
		const struct catalog_service *s = &c->services[i];

		letter[0] = s->letter;
		sqlite3_bind_text(service, 1, s->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(service, 2, s->agency, -1, SQLITE_STATIC);
		sqlite3_bind_int64(service, 3, (long)i);
		sqlite3_bind_text(service, 4, letter, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(service, 5, s->name[LANG_ID], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(service, 6, s->name[LANG_EN], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(service, 7, s->keywords, -1, SQLITE_STATIC);
		if (sqlite3_step(service) != SQLITE_ROW) {
			db_catalog_step(db, service, cause);
			goto out;
		}
		id = sqlite3_column_int64(service, 0);
		if (db_catalog_step(db, service, cause) != 0)
			goto out;
		for (k = 0; k < COMPONENT_COUNT; k++) {
			for (l = 0; l < LANG_COUNT; l++) {
				sqlite3_bind_int64(standard, 1, id);
				sqlite3_bind_text(standard, 2,
				    catalog_component_key(k), -1,
				    SQLITE_STATIC);
				sqlite3_bind_text(standard, 3, i18n_code(l), -1,
				    SQLITE_STATIC);
				sqlite3_bind_text(standard, 4,
				    s->component[k][l], -1, SQLITE_STATIC);
				if (db_catalog_step(db, standard, cause) != 0)
					goto out;
			}
		}
	}
	rc = 0;
out:
	sqlite3_finalize(service);
	sqlite3_finalize(standard);
	return rc;
}

static int
db_catalog_insert_counters(struct db *db, const struct catalog *c,
    char **cause)
{
	sqlite3_stmt	*counter = NULL, *link = NULL;
	char		*copy, *word, *save;
	size_t		 i;
	int		 rc = -1;
	long		 id;

	if (db_prepare(db, "INSERT INTO counter (office_id, number, name) "
	    "VALUES ((SELECT id FROM office WHERE code = ?1), ?2, ?3)",
	    &counter, cause) != 0)
		goto out;
	if (db_prepare(db, "INSERT INTO counter_service (counter_id, "
	    "service_id) VALUES (?1, (SELECT id FROM service WHERE code = ?2 "
	    "AND active))",
	    &link, cause) != 0)
		goto out;
	for (i = 0; i < c->ncounters; i++) {
		const struct catalog_counter *n = &c->counters[i];

		sqlite3_bind_text(counter, 1, n->office, -1, SQLITE_STATIC);
		sqlite3_bind_int(counter, 2, n->number);
		sqlite3_bind_text(counter, 3, n->name, -1, SQLITE_STATIC);
		if (db_catalog_step(db, counter, cause) != 0)
			goto out;
		id = sqlite3_last_insert_rowid(db->handle);
		copy = xstrdup(n->services);
		for (word = strtok_r(copy, " ", &save); word != NULL;
		    word = strtok_r(NULL, " ", &save)) {
			sqlite3_bind_int64(link, 1, id);
			sqlite3_bind_text(link, 2, word, -1, SQLITE_TRANSIENT);
			if (db_catalog_step(db, link, cause) != 0) {
				free(copy);
				goto out;
			}
		}
		free(copy);
	}
	rc = 0;
out:
	sqlite3_finalize(counter);
	sqlite3_finalize(link);
	return rc;
}

static int
db_catalog_insert_agencies_offices(struct db *db, const struct catalog *c,
    char **cause)
{
	sqlite3_stmt	*agency = NULL, *office = NULL;
	size_t		 i;
	int		 rc = -1;

	if (db_prepare(db, "INSERT INTO agency (code, position, name_id, "
	    "name_en, active) VALUES (?1, ?2, ?3, ?4, 1) ON CONFLICT (code) "
	    "DO UPDATE SET position = excluded.position, name_id = "
	    "excluded.name_id, name_en = excluded.name_en, active = 1", &agency,
	    cause) != 0)
		goto out;
	if (db_prepare(db, "INSERT INTO office (code, name, address, "
	    "timezone) VALUES (?1, ?2, ?3, ?4)", &office, cause) != 0)
		goto out;
	for (i = 0; i < c->nagencies; i++) {
		sqlite3_bind_text(agency, 1, c->agencies[i].code, -1,
		    SQLITE_STATIC);
		sqlite3_bind_int64(agency, 2, (long)i);
		sqlite3_bind_text(agency, 3, c->agencies[i].name[LANG_ID], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(agency, 4, c->agencies[i].name[LANG_EN], -1,
		    SQLITE_STATIC);
		if (db_catalog_step(db, agency, cause) != 0)
			goto out;
	}
	for (i = 0; i < c->noffices; i++) {
		sqlite3_bind_text(office, 1, c->offices[i].code, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(office, 2, c->offices[i].name, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(office, 3, c->offices[i].address, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(office, 4, c->offices[i].timezone, -1,
		    SQLITE_STATIC);
		if (db_catalog_step(db, office, cause) != 0)
			goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(agency);
	sqlite3_finalize(office);
	return rc;
}

int
catalog_replace(struct db *db, const struct catalog *c, char **cause)
{
	char	*error = NULL;

	/*
	 * Retire every agency and service, then bring back those in the
	 * file: what is gone from the catalog stays in the database for the
	 * tickets that name it. Offices and counters are replaced.
	 */
	if (sqlite3_exec(db->handle, "UPDATE agency SET active = 0;"
	    "UPDATE service SET active = 0;"
	    "DELETE FROM service_standard;"
	    "DELETE FROM office;", NULL, NULL, &error) != SQLITE_OK) {
		*cause = db_cause(db, sqlite3_errcode(db->handle));
		sqlite3_free(error);
		return -1;
	}
	if (db_catalog_insert_agencies_offices(db, c, cause) != 0 ||
	    db_catalog_insert_services(db, c, cause) != 0 ||
	    db_catalog_insert_counters(db, c, cause) != 0)
		return -1;
	log_info("%s: catalog replaced: %zu agencies, %zu services",
	    db->path, c->nagencies, c->nservices);
	return 0;
}

int
catalog_import(struct db *db, const struct catalog *c, char **cause)
{
	if (db_begin(db, cause) != 0)
		return -1;
	if (catalog_replace(db, c, cause) != 0 || db_commit(db, cause) != 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

/* Read agencies and offices into c. */
static int
db_catalog_read_agencies_offices(struct db *db, struct catalog *c,
    char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (db_prepare(db, "SELECT code, name_id, name_en FROM agency "
	    "WHERE active ORDER BY position", &stmt, cause) != 0)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct catalog_agency *a;

		c->agencies = xreallocarray(c->agencies, c->nagencies + 1,
		    sizeof *c->agencies);
		a = &c->agencies[c->nagencies++];
		memset(a, 0, sizeof *a);
		a->code = db_column_text(stmt, 0);
		a->name[LANG_ID] = db_column_text(stmt, 1);
		a->name[LANG_EN] = db_column_text(stmt, 2);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		goto fail;
	if (db_prepare(db, "SELECT code, name, address, timezone FROM office "
	    "ORDER BY id", &stmt, cause) != 0)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct catalog_office *o;

		c->offices = xreallocarray(c->offices, c->noffices + 1,
		    sizeof *c->offices);
		o = &c->offices[c->noffices++];
		memset(o, 0, sizeof *o);
		o->code = db_column_text(stmt, 0);
		o->name = db_column_text(stmt, 1);
		o->address = db_column_text(stmt, 2);
		o->timezone = db_column_text(stmt, 3);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		goto fail;
	return 0;
fail:
	*cause = db_cause(db, rc);
	return -1;
}

/* Read services and their standards into c. */
static int
db_catalog_read_services(struct db *db, struct catalog *c, char **cause)
{
	sqlite3_stmt		*stmt, *standard;
	struct catalog_service	*s;
	enum component		 comp;
	char			*key;
	int			 rc, l;
	long			 id;

	if (db_prepare(db, "SELECT s.id, s.code, a.code, s.letter, s.name_id, "
	    "s.name_en, s.keywords FROM service s JOIN agency a ON "
	    "a.id = s.agency_id WHERE s.active ORDER BY a.position, s.position", &stmt,
	    cause) != 0)
		return -1;
	if (db_prepare(db, "SELECT component, lang, body FROM "
	    "service_standard WHERE service_id = ?1", &standard, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		c->services = xreallocarray(c->services, c->nservices + 1,
		    sizeof *c->services);
		s = &c->services[c->nservices++];
		memset(s, 0, sizeof *s);
		id = sqlite3_column_int64(stmt, 0);
		s->code = db_column_text(stmt, 1);
		s->agency = db_column_text(stmt, 2);
		s->letter = db_column_char(stmt, 3);
		s->name[LANG_ID] = db_column_text(stmt, 4);
		s->name[LANG_EN] = db_column_text(stmt, 5);
		s->keywords = db_column_text(stmt, 6);
		sqlite3_bind_int64(standard, 1, id);
		while ((rc = sqlite3_step(standard)) == SQLITE_ROW) {
			key = db_column_text(standard, 0);
			l = strcmp((const char *)sqlite3_column_text(standard,
			    1), "en") == 0 ? LANG_EN : LANG_ID;
			if (catalog_component_parse(key, &comp) == 0) {
				free(s->component[comp][l]);
				s->component[comp][l] = db_column_text(standard,
				    2);
			}
			free(key);
		}
		sqlite3_reset(standard);
		if (rc != SQLITE_DONE)
			break;
		for (comp = 0; comp < COMPONENT_COUNT; comp++) {
			for (l = 0; l < LANG_COUNT; l++) {
				if (s->component[comp][l] == NULL)
					s->component[comp][l] = xstrdup("-");
			}
		}
	}
	sqlite3_finalize(standard);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		*cause = db_cause(db, rc);
		return -1;
	}
	return 0;
}

/* Read counters and the services each serves into c. */
static int
db_catalog_read_counters(struct db *db, struct catalog *c, char **cause)
{
	sqlite3_stmt		*stmt;
	struct catalog_counter	*n;
	int			 rc;

	if (db_prepare(db, "SELECT k.number, o.code, k.name, "
	    "(SELECT group_concat(code, ' ') FROM (SELECT s.code FROM "
	    "counter_service cs JOIN service s ON s.id = cs.service_id "
	    "WHERE cs.counter_id = k.id ORDER BY s.position)) "
	    "FROM counter k JOIN office o ON o.id = k.office_id "
	    "ORDER BY o.id, k.number", &stmt, cause) != 0)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		c->counters = xreallocarray(c->counters, c->ncounters + 1,
		    sizeof *c->counters);
		n = &c->counters[c->ncounters++];
		memset(n, 0, sizeof *n);
		n->number = sqlite3_column_int(stmt, 0);
		n->office = db_column_text(stmt, 1);
		n->name = db_column_text(stmt, 2);
		n->services = db_column_text(stmt, 3);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		*cause = db_cause(db, rc);
		return -1;
	}
	return 0;
}

struct catalog *
catalog_export(struct db *db, char **cause)
{
	struct catalog	*c = catalog_new();

	if (db_catalog_read_agencies_offices(db, c, cause) != 0 ||
	    db_catalog_read_services(db, c, cause) != 0 ||
	    db_catalog_read_counters(db, c, cause) != 0) {
		catalog_free(c);
		return NULL;
	}
	return c;
}
