/*
 * The centre's store in one SQLite file: schema, helpers, the centre's
 * settings and its offices. A batch of operations is in
 * store-sqlite-push.c, reports and the change feed in
 * store-sqlite-report.c, publishing in store-sqlite-feed.c.
 */
#include "config.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "common/log.h"
#include "common/xmalloc.h"
#include "loketd/store-sqlite.h"

/* Each runs in its own transaction and sets user_version. */
static const char *const sq_migrations[] = {
	/* 1: offices, what they sent, the tickets it describes. */
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE office ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  token_hash TEXT UNIQUE,"
	"  enrol_hash TEXT UNIQUE,"
	"  enrol_expires INTEGER NOT NULL DEFAULT 0,"
	"  created_at INTEGER NOT NULL,"
	"  last_seen INTEGER NOT NULL DEFAULT 0,"
	"  chain_seq INTEGER NOT NULL DEFAULT 0,"
	"  chain_hash TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE received_op ("
	"  office_id INTEGER NOT NULL REFERENCES office(id),"
	"  op_id TEXT NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  result TEXT NOT NULL CHECK (result IN ('applied', 'rejected')),"
	"  seq INTEGER NOT NULL,"
	"  received_at INTEGER NOT NULL,"
	"  PRIMARY KEY (office_id, op_id));"
	"CREATE TABLE op_conflict ("
	"  id INTEGER PRIMARY KEY,"
	"  office_id INTEGER NOT NULL REFERENCES office(id),"
	"  op_id TEXT NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  received_at INTEGER NOT NULL);"
	"CREATE TABLE office_event ("
	"  id INTEGER PRIMARY KEY,"
	"  office_id INTEGER NOT NULL REFERENCES office(id),"
	"  seq INTEGER NOT NULL,"
	"  op_id TEXT NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  body TEXT NOT NULL);"
	"CREATE TABLE ticket ("
	"  office_id INTEGER NOT NULL REFERENCES office(id),"
	"  day TEXT NOT NULL,"
	"  service TEXT NOT NULL,"
	"  number INTEGER NOT NULL,"
	"  priority TEXT NOT NULL,"
	"  state TEXT NOT NULL CHECK (state IN ('waiting', 'called',"
	"    'serving', 'parked', 'done', 'noshow')),"
	"  outcome TEXT NOT NULL,"
	"  arrived_at INTEGER NOT NULL,"
	"  called_at INTEGER NOT NULL,"
	"  served_at INTEGER NOT NULL,"
	"  finished_at INTEGER NOT NULL,"
	"  counter INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  PRIMARY KEY (office_id, day, service, number));"
	"CREATE TABLE chain_break ("
	"  id INTEGER PRIMARY KEY,"
	"  office_id INTEGER NOT NULL REFERENCES office(id),"
	"  seq INTEGER NOT NULL,"
	"  day TEXT NOT NULL,"
	"  expected TEXT NOT NULL,"
	"  found TEXT NOT NULL,"
	"  found_at INTEGER NOT NULL);"
	"CREATE TABLE change ("
	"  cursor INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  kind TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  at INTEGER NOT NULL);"
	"PRAGMA user_version = 1;",
	/*
	 * 2: how far the centre holds each office's operations without a
	 * gap (store.h: pushed_through), worked out once for what is there.
	 */
	"ALTER TABLE office ADD COLUMN held_through INTEGER NOT NULL "
	"  DEFAULT 0;"
	"CREATE INDEX received_op_seq ON received_op (office_id, seq);"
	"UPDATE office SET held_through = (SELECT min(c.s) FROM (SELECT 0 AS s"
	"  UNION ALL SELECT seq FROM received_op WHERE office_id = office.id) c"
	"  WHERE NOT EXISTS (SELECT 1 FROM received_op r WHERE r.office_id ="
	"  office.id AND r.seq = c.s + 1));"
	"PRAGMA user_version = 2;",

	/*
	 * 3: applications and complaints, as their offices pushed them and
	 * as the centre set them, the latest of each by the centre's order.
	 */
	"CREATE TABLE record ("
	"  kind TEXT NOT NULL CHECK (kind IN ('application', 'complaint')),"
	"  tracking TEXT NOT NULL,"
	"  office_id INTEGER NOT NULL REFERENCES office(id),"
	"  service TEXT NOT NULL,"
	"  state TEXT NOT NULL,"
	"  note TEXT NOT NULL,"
	"  sealed TEXT,"
	"  updated_at INTEGER NOT NULL,"
	"  PRIMARY KEY (kind, tracking));"
	"PRAGMA user_version = 3;",

	/* 4: back-office systems that may update applications and answer
	 * complaints through the API, each with its own token's hash. */
	"CREATE TABLE backoffice ("
	"  name TEXT PRIMARY KEY,"
	"  token_hash TEXT NOT NULL UNIQUE,"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  created_at INTEGER NOT NULL);"
	"PRAGMA user_version = 4;",

	/* 5: a change for one office (an application's, a complaint's);
	 * NULL for every office (the catalog, the holidays). */
	"ALTER TABLE change ADD COLUMN office_id INTEGER REFERENCES office(id);"
	"PRAGMA user_version = 5;",

	/*
	 * 6: 1 while the token an enrolment made has not been used: the
	 * code (enrol_hash) is kept until then, so that an office whose
	 * answer was lost can send the same code again.
	 */
	"ALTER TABLE office ADD COLUMN token_unused INTEGER NOT NULL "
	"  DEFAULT 0;"
	"PRAGMA user_version = 6;",

	/*
	 * 7: how many operations each office sent, kept by the push, so
	 * that office list and /metrics no longer count the receipts of
	 * every office (all of them, at every scrape).
	 */
	"ALTER TABLE office ADD COLUMN received INTEGER NOT NULL DEFAULT 0;"
	"UPDATE office SET received = (SELECT count(*) FROM received_op r"
	"  WHERE r.office_id = office.id);"
	"PRAGMA user_version = 7;",
};
#define SQ_VERSION ((long)(sizeof sq_migrations / sizeof sq_migrations[0]))

int
sq_fail(struct store_sqlite *s, int rc, char **cause)
{
	log_error("%s: %s (%s)", s->path, sqlite3_errstr(rc),
	    s->handle != NULL ? sqlite3_errmsg(s->handle) : "not open");
	*cause = xasprintf(_("Database error on %s: %s"), s->path,
	    s->handle != NULL ? sqlite3_errmsg(s->handle) :
	    sqlite3_errstr(rc));
	return STORE_FAILED;
}

/* Bind by binds; an SQLite result code. */
static int
sq_bind(sqlite3_stmt *stmt, const char *binds, va_list ap)
{
	int	 i, rc = SQLITE_OK;

	for (i = 0; binds[i] != '\0' && rc == SQLITE_OK; i++) {
		if (binds[i] == 't')
			rc = sqlite3_bind_text(stmt, i + 1,
			    va_arg(ap, const char *), -1, SQLITE_TRANSIENT);
		else if (binds[i] == 'i')
			rc = sqlite3_bind_int64(stmt, i + 1, va_arg(ap, long));
		else
			fatal("sq_bind: unknown bind type '%c'", binds[i]);
	}
	return rc;
}

/* Prepare and bind with a va_list. */
static int
sq_vprepare(struct store_sqlite *s, sqlite3_stmt **stmt, char **cause,
    const char *sql, const char *binds, va_list ap)
{
	int	 rc;

	rc = sqlite3_prepare_v2(s->handle, sql, -1, stmt, NULL);
	if (rc == SQLITE_OK && (rc = sq_bind(*stmt, binds, ap)) != SQLITE_OK)
		sqlite3_finalize(*stmt);
	if (rc != SQLITE_OK)
		return sq_fail(s, rc, cause);
	return 0;
}

int
sq_prepare(struct store_sqlite *s, sqlite3_stmt **stmt, char **cause,
    const char *sql, const char *binds, ...)
{
	va_list	 ap;
	int	 rc;

	va_start(ap, binds);
	rc = sq_vprepare(s, stmt, cause, sql, binds, ap);
	va_end(ap);
	return rc;
}

/* The handle's prepared statement for sql, made now if it is new. */
static int
sq_vstatement(struct store_sqlite *s, sqlite3_stmt **stmt, char **cause,
    const char *sql, const char *binds, va_list ap)
{
	int	 i, rc;

	for (i = 0; i < s->cached; i++) {
		if (strcmp(s->cache[i].sql, sql) == 0)
			break;
	}
	if (i < s->cached)
		*stmt = s->cache[i].stmt;
	else if (s->cached < SQ_CACHE) {
		rc = sqlite3_prepare_v3(s->handle, sql, -1,
		    SQLITE_PREPARE_PERSISTENT, stmt, NULL);
		if (rc != SQLITE_OK)
			return sq_fail(s, rc, cause);
		s->cache[s->cached].sql = xstrdup(sql);
		s->cache[s->cached++].stmt = *stmt;
	} else
		return sq_vprepare(s, stmt, cause, sql, binds, ap);
	if ((rc = sq_bind(*stmt, binds, ap)) != SQLITE_OK) {
		rc = sq_fail(s, rc, cause);
		sq_done(s, *stmt);
		return rc;
	}
	return 0;
}

int
sq_statement(struct store_sqlite *s, sqlite3_stmt **stmt, char **cause,
    const char *sql, const char *binds, ...)
{
	va_list	 ap;
	int	 rc;

	va_start(ap, binds);
	rc = sq_vstatement(s, stmt, cause, sql, binds, ap);
	va_end(ap);
	return rc;
}

void
sq_done(struct store_sqlite *s, sqlite3_stmt *stmt)
{
	int	 i;

	for (i = 0; i < s->cached; i++) {
		if (s->cache[i].stmt == stmt) {
			sqlite3_reset(stmt);
			sqlite3_clear_bindings(stmt);
			return;
		}
	}
	sqlite3_finalize(stmt);
}

int
sq_run(struct store_sqlite *s, char **cause, const char *sql,
    const char *binds, ...)
{
	sqlite3_stmt	*stmt;
	va_list		 ap;
	int		 rc;

	va_start(ap, binds);
	rc = sq_vstatement(s, &stmt, cause, sql, binds, ap);
	va_end(ap);
	if (rc != 0)
		return rc;
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		rc = sq_fail(s, rc, cause);
		sq_done(s, stmt);
		return rc;
	}
	sq_done(s, stmt);
	return 0;
}

int
sq_long(struct store_sqlite *s, long *value, char **cause, const char *sql,
    const char *binds, ...)
{
	sqlite3_stmt	*stmt;
	va_list		 ap;
	int		 rc;

	va_start(ap, binds);
	rc = sq_vstatement(s, &stmt, cause, sql, binds, ap);
	va_end(ap);
	if (rc != 0)
		return rc;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*value = sqlite3_column_int64(stmt, 0);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		rc = sq_fail(s, rc, cause);
	sq_done(s, stmt);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return rc;
}

/*
 * The writers of this process, one at a time: SQLite lets one write
 * transaction run, and a handle that finds the file locked sleeps in its
 * busy handler (up to 100 ms a try), which a queue of requests turns
 * into seconds at the tail. Waiting here, the next writer starts as soon
 * as the last one commits; the busy handler is left for other processes.
 */
static pthread_mutex_t	 sq_writer = PTHREAD_MUTEX_INITIALIZER;

int
sq_begin(struct store_sqlite *s, char **cause)
{
	int	 rc;

	pthread_mutex_lock(&sq_writer);
	if ((rc = sq_run(s, cause, "BEGIN IMMEDIATE", "")) != 0)
		pthread_mutex_unlock(&sq_writer);
	else
		s->writing = 1;
	return rc;
}

int
sq_commit(struct store_sqlite *s, char **cause)
{
	int	 rc;

	/* A commit that fails leaves the transaction to sq_rollback. */
	if ((rc = sq_run(s, cause, "COMMIT", "")) == 0 && s->writing) {
		s->writing = 0;
		pthread_mutex_unlock(&sq_writer);
	}
	return rc;
}

void
sq_rollback(struct store_sqlite *s)
{
	if (!sqlite3_get_autocommit(s->handle))
		sqlite3_exec(s->handle, "ROLLBACK", NULL, NULL, NULL);
	if (s->writing) {
		s->writing = 0;
		pthread_mutex_unlock(&sq_writer);
	}
}

char *
sq_text(sqlite3_stmt *stmt, int column)
{
	const unsigned char	*text = sqlite3_column_text(stmt, column);

	return xstrdup(text != NULL ? (const char *)text : "");
}

/* Bring the schema up to date, one migration per transaction. */
static int
sq_migrate(struct store_sqlite *s, char **cause)
{
	long	 version;
	int	 rc;

	/* Most opens find the schema current: no write lock for them. */
	if (sq_long(s, &version, cause, "PRAGMA user_version", "") != 1)
		return STORE_FAILED;
	while (version < SQ_VERSION) {
		if (sq_begin(s, cause) != 0)
			return STORE_FAILED;
		/* Another process may have migrated while we waited. */
		if (sq_long(s, &version, cause, "PRAGMA user_version", "") != 1)
			goto rollback;
		if (version >= SQ_VERSION)
			break;
		log_info("%s: migrating to version %ld", s->path, version + 1);
		rc = sqlite3_exec(s->handle, sq_migrations[version], NULL, NULL,
		    NULL);
		if (rc != SQLITE_OK) {
			sq_fail(s, rc, cause);
			goto rollback;
		}
		if (sq_commit(s, cause) != 0)
			goto rollback;
		version++;
	}
	sq_rollback(s);
	if (version > SQ_VERSION) {
		*cause = xasprintf(_("The database %s was made by a newer "
		    "loketd."), s->path);
		return STORE_FAILED;
	}
	return 0;
rollback:
	sq_rollback(s);
	return STORE_FAILED;
}

static void
sq_close(struct store *base)
{
	struct store_sqlite	*s = SQ(base);

	if (s == NULL)
		return;
	while (s->cached > 0) {
		s->cached--;
		sqlite3_finalize(s->cache[s->cached].stmt);
		free(s->cache[s->cached].sql);
	}
	if (s->handle != NULL)
		sqlite3_close_v2(s->handle);
	free(s->path);
	free(s);
}

static int
sq_open(const char *where, int mode, struct store **out, char **cause)
{
	struct store_sqlite	*s;
	int			 flags, rc;

	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(where);
	flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	if (mode == STORE_CREATE)
		flags |= SQLITE_OPEN_CREATE;
	rc = sqlite3_open_v2(where, &s->handle, flags, NULL);
	if (rc != SQLITE_OK) {
		*cause = xasprintf(_("Cannot open the database %s: %s"), where,
		    sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_busy_timeout(s->handle, 10000);
	rc = sqlite3_exec(s->handle, "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", NULL, NULL,
	    NULL);
	if (rc != SQLITE_OK) {
		sq_fail(s, rc, cause);
		goto fail;
	}
	if (sq_migrate(s, cause) != 0)
		goto fail;
	*out = &s->base;
	return 0;
fail:
	sq_close(&s->base);
	return STORE_FAILED;
}

static int
sq_meta_get(struct store *base, const char *key, char **value, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (sq_prepare(SQ(base), &stmt, cause, "SELECT value FROM meta "
	    "WHERE key = ?1", "t", key) != 0)
		return STORE_FAILED;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*value = sq_text(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return sq_fail(SQ(base), rc, cause);
}

static int
sq_meta_set(struct store *base, const char *key, const char *value,
    char **cause)
{
	return sq_run(SQ(base), cause, "INSERT INTO meta (key, value) VALUES "
	    "(?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	    "tt", key, value);
}

static int
sq_office_add(struct store *base, const char *code, const char *name,
    const char *code_hash, time_t expires, char **cause)
{
	long	 id;
	int	 rc;

	rc = sq_long(SQ(base), &id, cause, "SELECT id FROM office WHERE "
	    "code = ?1", "t", code);
	if (rc == 1) {
		*cause = xasprintf(_("The office %s exists already."), code);
		return STORE_REFUSED;
	}
	if (rc != 0)
		return rc;
	return sq_run(SQ(base), cause, "INSERT INTO office (code, name, "
	    "enrol_hash, enrol_expires, created_at) VALUES (?1, ?2, ?3, ?4, "
	    "CAST(strftime('%s', 'now') AS INTEGER))", "ttti", code, name,
	    code_hash, (long)expires);
}

static int
sq_office_disable(struct store *base, const char *code, char **cause)
{
	if (sq_run(SQ(base), cause, "UPDATE office SET active = 0, "
	    "enrol_hash = NULL WHERE code = ?1", "t", code) != 0)
		return STORE_FAILED;
	if (sqlite3_changes(SQ(base)->handle) == 0) {
		*cause = xasprintf(_("There is no office %s."), code);
		return STORE_REFUSED;
	}
	return 0;
}

#define SQ_OFFICE_COLUMNS \
	"o.id, o.code, o.name, o.active, o.token_hash IS NOT NULL, " \
	"o.last_seen, (SELECT count(*) FROM chain_break b WHERE " \
	"b.office_id = o.id), o.received"

/* Fill o from a row of SQ_OFFICE_COLUMNS. */
static void
sq_office_row(sqlite3_stmt *stmt, struct store_office *o)
{
	o->id = sqlite3_column_int64(stmt, 0);
	o->code = sq_text(stmt, 1);
	o->name = sq_text(stmt, 2);
	o->active = sqlite3_column_int(stmt, 3);
	o->enrolled = sqlite3_column_int(stmt, 4);
	o->last_seen = sqlite3_column_int64(stmt, 5);
	o->chain_breaks = sqlite3_column_int64(stmt, 6);
	o->received = sqlite3_column_int64(stmt, 7);
}

static int
sq_office_list(struct store *base, int (*fn)(void *,
    const struct store_office *), void *arg, char **cause)
{
	struct store_office	 o;
	sqlite3_stmt		*stmt;
	int			 rc, stop = 0;

	if (sq_prepare(SQ(base), &stmt, cause, "SELECT " SQ_OFFICE_COLUMNS
	    " FROM office o ORDER BY o.code", "") != 0)
		return STORE_FAILED;
	while (!stop && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		sq_office_row(stmt, &o);
		stop = fn(arg, &o);
		store_office_clear(&o);
	}
	sqlite3_finalize(stmt);
	if (!stop && rc != SQLITE_DONE)
		return sq_fail(SQ(base), rc, cause);
	return 0;
}

/* The office of a WHERE clause on o and one text: 1, 0, STORE_FAILED. */
static int
sq_office_where(struct store_sqlite *s, const char *where, const char *text,
    struct store_office *o, char **cause)
{
	sqlite3_stmt	*stmt;
	char		*sql;
	int		 rc;

	sql = xasprintf("SELECT " SQ_OFFICE_COLUMNS " FROM office o WHERE %s",
	    where);
	rc = sq_prepare(s, &stmt, cause, sql, "t", text);
	free(sql);
	if (rc != 0)
		return rc;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		sq_office_row(stmt, o);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return sq_fail(s, rc, cause);
}

static int
sq_enrol(struct store *base, const char *code_hash, time_t now,
    const char *token_hash, struct store_office *o, char **cause)
{
	struct store_sqlite	*s = SQ(base);
	int			 rc;

	if (sq_begin(s, cause) != 0)
		return STORE_FAILED;
	rc = sq_office_where(s, "o.enrol_hash = ?1 AND o.active AND "
	    "(o.token_hash IS NULL OR o.token_unused)", code_hash, o, cause);
	if (rc == 0) {
		*cause = xstrdup("unknown, used or expired enrolment code");
		rc = STORE_REFUSED;
		goto rollback;
	}
	if (rc != 1)
		goto rollback;
	if ((rc = sq_run(s, cause, "UPDATE office SET token_hash = ?2, "
	    "token_unused = 1, last_seen = ?3 WHERE id = ?1 AND "
	    "enrol_expires > ?3", "iti", o->id, token_hash, (long)now)) != 0)
		goto rollback;
	if (sqlite3_changes(s->handle) != 1) {
		*cause = xstrdup("unknown, used or expired enrolment code");
		rc = STORE_REFUSED;
		goto rollback;
	}
	if ((rc = sq_commit(s, cause)) != 0)
		goto rollback;
	return 0;
rollback:
	sq_rollback(s);
	store_office_clear(o);
	return rc;
}

/*
 * Every request asks this: the counts of SQ_OFFICE_COLUMNS (which grow
 * with the office's history) are left at 0, and last_seen is written at
 * most once a second, so that a request costs no write of its own. The
 * first request with an enrolment's token spends its code (one write,
 * once).
 */
static int
sq_office_by_token(struct store *base, const char *token_hash, time_t now,
    struct store_office *o, char **cause)
{
	struct store_sqlite	*s = SQ(base);
	sqlite3_stmt		*stmt;
	int			 rc, unused = 0;

	if (sq_statement(s, &stmt, cause, "SELECT o.id, o.code, o.name, "
	    "o.active, 1, o.last_seen, 0, 0, o.token_unused FROM office o "
	    "WHERE o.token_hash = ?1 AND o.active", "t", token_hash) != 0)
		return STORE_FAILED;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		sq_office_row(stmt, o);
		unused = sqlite3_column_int(stmt, 8);
	}
	sq_done(s, stmt);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return sq_fail(s, rc, cause);
	if (!unused && o->last_seen >= now)
		return 1;
	if (sq_begin(s, cause) != 0 || (unused && sq_run(s, cause, "UPDATE "
	    "office SET enrol_hash = NULL, token_unused = 0 WHERE id = ?1 AND "
	    "token_hash = ?2", "it", o->id, token_hash) != 0) ||
	    sq_run(s, cause, "UPDATE office SET last_seen = ?2 WHERE id = ?1 "
	    "AND last_seen < ?2", "ii", o->id, (long)now) != 0 ||
	    sq_commit(s, cause) != 0) {
		sq_rollback(s);
		store_office_clear(o);
		return STORE_FAILED;
	}
	return 1;
}

const struct store_engine store_sqlite = {
	"sqlite",
	sq_open,
	sq_close,
	sq_meta_get,
	sq_meta_set,
	sq_office_add,
	sq_office_disable,
	sq_office_list,
	sq_enrol,
	sq_office_by_token,
	sq_push,
	sq_changes,
	sq_report,
	sq_publish,
	sq_events,
	sq_pushed_through,
	sq_record_get,
	sq_record_set,
	sq_backoffice_add,
	sq_backoffice_disable,
	sq_backoffice_by_token,
};
