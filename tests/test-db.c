/* Unit tests: the office database file, its schema, and the catalog in it. */
#include "config.h"

#include <grp.h>
#include <locale.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "unit-catalog.h"
#include "common/xmalloc.h"
#include "office/db.h"

static struct catalog *
demo_catalog(void)
{
	struct catalog	*c = unit_demo_read();

	assert_non_null(c);
	return c;
}

/* A new database holding the demo catalog. */
static struct db *
demo_db(const char *name)
{
	struct catalog	*c = demo_catalog();
	struct db	*db;
	char		*path, *cause = NULL;

	path = unit_path(name);
	unlink(path);
	db = db_open(path, DB_OPEN_CREATE, 1000, &cause);
	if (db == NULL)
		fail_msg("%s", cause);
	if (catalog_import(db, c, &cause) != 0)
		fail_msg("%s", cause);
	catalog_free(c);
	free(path);
	return db;
}

static long
query_long(struct db *db, const char *sql)
{
	sqlite3_stmt	*stmt;
	long		 value;

	assert_int_equal(sqlite3_prepare_v2(db->handle, sql, -1, &stmt, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	value = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return value;
}

static void
test_open_sets_pragmas_and_schema(void **state)
{
	struct db	*db;
	char		*path, *cause = NULL;

	(void)state;
	path = unit_path("sub/dir/new.db");	/* directories are made */
	db = db_open(path, DB_OPEN_CREATE, 1000, &cause);
	if (db == NULL)
		fail_msg("%s", cause);
	assert_int_equal(query_long(db, "PRAGMA user_version"),
	    db_schema_version());
	assert_int_equal(query_long(db, "PRAGMA synchronous"), 2); /* FULL */
	assert_int_equal(query_long(db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(query_long(db, "SELECT count(*) FROM sqlite_schema "
	    "WHERE name IN ('agency', 'service', 'service_standard', 'office', "
	    "'counter', 'counter_service', 'setting')"), 7);
	db_close(db);
	/* Opening again migrates nothing and keeps the version. */
	db = db_open(path, DB_OPEN_EXISTING, 1000, &cause);
	assert_non_null(db);
	assert_int_equal(query_long(db, "PRAGMA user_version"),
	    db_schema_version());
	db_close(db);
	free(path);
}

static void
test_wal_mode(void **state)
{
	struct db	*db;
	sqlite3_stmt	*stmt;

	(void)state;
	db = demo_db("wal.db");
	assert_int_equal(sqlite3_prepare_v2(db->handle, "PRAGMA journal_mode",
	    -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(stmt, 0), "wal");
	sqlite3_finalize(stmt);
	db_close(db);
}

#define GARBAGE "This is not a database, just text that is long enough " \
	"to fill a header of one hundred bytes or so..................\n"

/* db_open must fail, with a cause holding text. */
static void
assert_open_fails(const char *path, enum db_open_mode mode, const char *text)
{
	struct db	*db;
	char		*cause = NULL;

	db = db_open(path, mode, 200, &cause);
	assert_null(db);
	assert_non_null(cause);
	if (strstr(cause, text) == NULL)
		fail_msg("\"%s\" lacks \"%s\"", cause, text);
	free(cause);
}

/*
 * Open path as the user nobody, in a child: 0 if that fails with a cause
 * holding text, 1 if not, -1 if the child could not become nobody. The
 * scratch directory is opened to others for it (and stays unwritable).
 */
static int
open_as_nobody(const char *path, const char *text)
{
	struct passwd	*pw = getpwnam("nobody");
	struct db	*db;
	char		*cause = NULL;
	pid_t		 pid;
	int		 status;

	assert_non_null(pw);
	assert_int_equal(chmod(unit_tmpdir(), 0755), 0);
	if ((pid = fork()) == 0) {
		if (setgroups(0, NULL) != 0 || setgid(pw->pw_gid) != 0 ||
		    setuid(pw->pw_uid) != 0 || geteuid() == 0)
			_exit(3);
		db = db_open(path, DB_OPEN_EXISTING, 200, &cause);
		if (db != NULL || cause == NULL || strstr(cause, text) == NULL) {
			fprintf(stderr, "as nobody: %s\n", cause != NULL ?
			    cause : "opened");
			_exit(1);
		}
		_exit(0);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(chmod(unit_tmpdir(), 0700), 0);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status) == 3 ? -1 : WEXITSTATUS(status);
}

static void
test_bad_files_refused_unharmed(void **state)
{
	char		*missing, *garbage, *newer, *readonly;
	struct db	*db;
	char		*cause = NULL;
	struct stat	 sb;
	int		 as_nobody = 0;

	(void)state;
	missing = unit_path("missing.db");
	assert_open_fails(missing, DB_OPEN_EXISTING, "does not exist");
	assert_int_equal(stat(missing, &sb), -1);	/* not created */

	garbage = unit_file("garbage.db", GARBAGE);
	assert_open_fails(garbage, DB_OPEN_EXISTING, "damaged or is not");
	assert_int_equal(stat(garbage, &sb), 0);
	assert_int_equal(sb.st_size, strlen(GARBAGE));	/* untouched */

	newer = unit_path("newer.db");
	db = db_open(newer, DB_OPEN_CREATE, 200, &cause);
	assert_non_null(db);
	sqlite3_exec(db->handle, "PRAGMA user_version = 999", NULL, NULL,
	    NULL);
	db_close(db);
	assert_open_fails(newer, DB_OPEN_EXISTING, "newer");

	readonly = unit_path("readonly.db");
	db = db_open(readonly, DB_OPEN_CREATE, 200, &cause);
	assert_non_null(db);
	db_close(db);
	chmod(readonly, 0444);
	if (geteuid() != 0)
		assert_open_fails(readonly, DB_OPEN_EXISTING, "read-only");
	else	/* root may write anyway: the check runs as nobody */
		as_nobody = open_as_nobody(readonly, "read-only");
	free(missing);
	free(garbage);
	free(newer);
	free(readonly);
	if (as_nobody == -1)
		skip();		/* a TAP SKIP, never a silent pass */
	assert_int_equal(as_nobody, 0);
}

static void
test_locked_database(void **state)
{
	struct db	*db;
	sqlite3		*holder;
	char		*path;

	(void)state;
	db = demo_db("locked.db");
	path = xstrdup(db->path);
	db_close(db);
	/* Another program holds the file in exclusive locking mode. */
	assert_int_equal(sqlite3_open(path, &holder), SQLITE_OK);
	assert_int_equal(sqlite3_exec(holder, "PRAGMA locking_mode = "
	    "EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE setting SET value = value;",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_open_fails(path, DB_OPEN_EXISTING, "locked by another program");
	sqlite3_exec(holder, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(holder);
	free(path);
}

static void
test_browse_and_search(void **state)
{
	struct catalog_entry	*e, *s;
	struct db		*db;
	size_t			 n, ns;
	char			*cause = NULL, *text;

	(void)state;
	db = demo_db("browse.db");
	assert_int_equal(catalog_agencies(db, LANG_ID, &e, &n, &cause), 0);
	assert_true(n >= 5);
	assert_int_equal(catalog_services(db, e[0].id, LANG_EN, &s, &ns,
	    &cause), 0);
	assert_true(ns >= 5);
	assert_int_equal(catalog_component(db, s[0].id, COMPONENT_FEE,
	    LANG_EN, &text, &cause), 0);
	assert_non_null(strstr(text, "Free"));
	free(text);
	catalog_entries_free(s, ns);
	catalog_entries_free(e, n);

	assert_int_equal(catalog_search(db, "akta", LANG_ID, &e, &n, &cause),
	    0);
	assert_true(n >= 2);
	catalog_entries_free(e, n);
	assert_int_equal(catalog_search(db, "akta kelahiran", LANG_ID, &e, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(e[0].name, "Akta Kelahiran");
	catalog_entries_free(e, n);
	/* LIKE wildcards are plain characters, not "match anything". */
	assert_int_equal(catalog_search(db, "%", LANG_ID, &e, &n, &cause), 0);
	assert_int_equal(n, 0);
	assert_int_equal(catalog_search(db, "_", LANG_ID, &e, &n, &cause), 0);
	assert_int_equal(n, 0);
	assert_int_equal(catalog_search(db, "zzzz", LANG_ID, &e, &n, &cause),
	    0);
	assert_int_equal(n, 0);
	db_close(db);
}

/* Words and their beginnings, never the inside of a word; one typo. */
static void
test_search_words_beginnings_typos(void **state)
{
	struct catalog_entry	*e;
	struct db		*db;
	char			*cause = NULL;
	size_t			 n;

	(void)state;
	db = demo_db("search.db");
	/* "ahir" is inside "kelahiran": no longer a match. */
	assert_int_equal(catalog_search(db, "ahir", LANG_ID, &e, &n, &cause),
	    0);
	assert_int_equal(n, 0);
	/* The beginning of a word is. */
	assert_int_equal(catalog_search(db, "kelahi", LANG_ID, &e, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(e[0].name, "Akta Kelahiran");
	catalog_entries_free(e, n);
	/* Two letters swapped in a long word: forgiven. */
	assert_int_equal(catalog_search(db, "akta kelahrian", LANG_ID, &e, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(e[0].name, "Akta Kelahiran");
	catalog_entries_free(e, n);
	/* One letter missing, one wrong: forgiven too; not in short words. */
	assert_int_equal(catalog_search(db, "kematan", LANG_ID, &e, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
	catalog_entries_free(e, n);
	assert_int_equal(catalog_search(db, "aktz", LANG_ID, &e, &n, &cause),
	    0);
	assert_int_equal(n, 0);
	/* A whole word ranks before a beginning: SIMBG and SIMKAH after. */
	assert_int_equal(sqlite3_exec(db->handle, "UPDATE service SET "
	    "keywords = keywords || ' sim' WHERE code = 'skck'", NULL, NULL,
	    NULL), SQLITE_OK);
	assert_int_equal(catalog_search(db, "sim", LANG_ID, &e, &n, &cause),
	    0);
	assert_int_equal(n, 3);
	assert_string_equal(e[0].code, "skck");
	catalog_entries_free(e, n);
	/* A typo match is not offered when a better one exists. */
	assert_int_equal(catalog_search(db, "kartu", LANG_ID, &e, &n, &cause),
	    0);
	assert_true(n >= 3);
	catalog_entries_free(e, n);
	db_close(db);
}

static void
test_import_replaces_and_exports_the_same(void **state)
{
	struct catalog	*c, *out;
	struct db	*db;
	char		*cause = NULL;

	(void)state;
	db = demo_db("replace.db");
	c = demo_catalog();
	/* Importing twice replaces: no duplicates, no unique errors. */
	assert_int_equal(catalog_import(db, c, &cause), 0);
	assert_int_equal(query_long(db, "SELECT count(*) FROM service"),
	    (long)c->nservices);
	out = catalog_export(db, &cause);
	assert_non_null(out);
	assert_int_equal(out->nservices, c->nservices);
	assert_int_equal(out->ncounters, c->ncounters);
	assert_string_equal(out->services[0].component[COMPONENT_PROCEDURE]
	    [LANG_EN], c->services[0].component[COMPONENT_PROCEDURE][LANG_EN]);
	catalog_free(out);
	catalog_free(c);
	db_close(db);
}

static void
test_import_keeps_ids_and_retires_what_is_gone(void **state)
{
	struct catalog		*c;
	struct catalog_entry	 e;
	struct db		*db;
	struct catalog_service	 dropped;
	char			*cause = NULL, letter;
	long			 id_before, id_after;
	size_t			 i;

	(void)state;
	db = demo_db("history.db");
	c = demo_catalog();
	assert_int_equal(catalog_service_by_code(db, c->services[1].code,
	    LANG_ID, &e, &cause), 1);
	id_before = e.id;
	free(e.code);
	free(e.name);
	/* Drop the first service; swap the letters of the next two. */
	letter = c->services[1].letter;
	c->services[1].letter = c->services[2].letter;
	c->services[2].letter = letter;
	dropped = c->services[0];
	memmove(&c->services[0], &c->services[1],
	    (c->nservices - 1) * sizeof c->services[0]);
	/* Past the end: not imported, but freed with the rest. */
	c->services[--c->nservices] = dropped;
	for (i = 0; i < c->ncounters; i++) {
		char	*at = strstr(c->counters[i].services, "ktp-el-baru ");

		if (at != NULL)
			memmove(at, at + 12, strlen(at + 12) + 1);
	}
	if (catalog_import(db, c, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(catalog_service_by_code(db, c->services[0].code,
	    LANG_ID, &e, &cause), 1);
	id_after = e.id;
	free(e.code);
	free(e.name);
	assert_int_equal(id_before, id_after);	/* tickets keep their service */
	assert_int_equal(catalog_service_by_code(db, "ktp-el-baru", LANG_ID,
	    &e, &cause), 0);			/* retired: not offered */
	assert_int_equal(query_long(db, "SELECT count(*) FROM service WHERE "
	    "code = 'ktp-el-baru' AND NOT active"), 1);	/* but kept */
	c->nservices++;		/* free the dropped one too */
	catalog_free(c);
	db_close(db);
}

static void
test_failed_import_changes_nothing(void **state)
{
	struct catalog	*c;
	struct db	*db;
	char		*cause = NULL;
	long		 before;

	(void)state;
	db = demo_db("atomic.db");
	before = query_long(db, "SELECT count(*) FROM service_standard");
	c = demo_catalog();
	/* A counter whose office does not exist fails at the very end. */
	free(c->counters[c->ncounters - 1].office);
	c->counters[c->ncounters - 1].office = xstrdup("nowhere");
	free(c->services[0].name[LANG_ID]);
	c->services[0].name[LANG_ID] = xstrdup("CHANGED");
	assert_int_equal(catalog_import(db, c, &cause), -1);
	assert_non_null(cause);
	free(cause);
	assert_int_equal(query_long(db, "SELECT count(*) FROM "
	    "service_standard"), before);
	assert_int_equal(query_long(db, "SELECT count(*) FROM service WHERE "
	    "name_id = 'CHANGED'"), 0);
	catalog_free(c);
	db_close(db);
}

static void
test_full_disk_changes_nothing(void **state)
{
	struct catalog	*c;
	struct db	*db;
	char		*cause = NULL;
	long		 pages;

	(void)state;
	db = demo_db("full.db");
	c = demo_catalog();
	/* SQLite reports SQLITE_FULL when the file may not grow further. */
	pages = query_long(db, "PRAGMA page_count");
	assert_int_equal(query_long(db, "PRAGMA max_page_count = 1"), pages);
	free(c->services[0].keywords);
	c->services[0].keywords = xmalloc(900000);
	memset(c->services[0].keywords, 'k', 899999);
	c->services[0].keywords[899999] = '\0';
	assert_int_equal(catalog_import(db, c, &cause), -1);
	assert_non_null(strstr(cause, "full"));
	free(cause);
	assert_int_equal(query_long(db, "SELECT count(*) FROM service"),
	    (long)c->nservices);
	assert_int_equal(query_long(db, "SELECT max(length(keywords)) FROM "
	    "service") < 900000, 1);
	catalog_free(c);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_sets_pragmas_and_schema),
		cmocka_unit_test(test_wal_mode),
		cmocka_unit_test(test_bad_files_refused_unharmed),
		cmocka_unit_test(test_locked_database),
		cmocka_unit_test(test_browse_and_search),
		cmocka_unit_test(test_search_words_beginnings_typos),
		cmocka_unit_test(test_import_replaces_and_exports_the_same),
		cmocka_unit_test(test_import_keeps_ids_and_retires_what_is_gone),
		cmocka_unit_test(test_failed_import_changes_nothing),
		cmocka_unit_test(test_full_disk_changes_nothing),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
