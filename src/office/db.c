/* The store: opening the office database and migrating its schema. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/i18n.h"
#include "common/log.h"
#include "common/xmalloc.h"
#include "office/db.h"
#include "sync/canonical.h"

/*
 * Each migration runs in its own transaction and ends by setting
 * user_version to its position in this list (counting from 1).
 */
static const char *const db_migrations[] = {
	/*
	 * 1: the service catalog, offices, counters and settings. Agencies
	 * and services are never deleted, only retired (active = 0), so
	 * that tickets and events keep pointing at what they were about.
	 */
	"CREATE TABLE agency ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  position INTEGER NOT NULL,"
	"  name_id TEXT NOT NULL,"
	"  name_en TEXT NOT NULL);"
	"CREATE TABLE service ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  agency_id INTEGER NOT NULL REFERENCES agency(id),"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  position INTEGER NOT NULL,"
	"  letter TEXT NOT NULL CHECK (length(letter) = 1),"
	"  name_id TEXT NOT NULL,"
	"  name_en TEXT NOT NULL,"
	"  keywords TEXT NOT NULL DEFAULT '');"
	"CREATE UNIQUE INDEX service_letter ON service(letter) WHERE active;"
	"CREATE INDEX service_agency ON service(agency_id, position);"
	"CREATE TABLE service_standard ("
	"  service_id INTEGER NOT NULL REFERENCES service(id) ON DELETE CASCADE,"
	"  component TEXT NOT NULL CHECK (component IN ('requirements',"
	"    'procedure', 'time', 'fee', 'product', 'complaints', 'legal')),"
	"  lang TEXT NOT NULL CHECK (lang IN ('id', 'en')),"
	"  body TEXT NOT NULL,"
	"  PRIMARY KEY (service_id, component, lang)) WITHOUT ROWID;"
	"CREATE TABLE office ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  address TEXT NOT NULL DEFAULT '',"
	"  timezone TEXT NOT NULL CHECK (timezone IN ('WIB', 'WITA', 'WIT')));"
	"CREATE TABLE counter ("
	"  id INTEGER PRIMARY KEY,"
	"  office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,"
	"  number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99),"
	"  name TEXT NOT NULL,"
	"  UNIQUE (office_id, number));"
	"CREATE TABLE counter_service ("
	"  counter_id INTEGER NOT NULL REFERENCES counter(id) ON DELETE CASCADE,"
	"  service_id INTEGER NOT NULL REFERENCES service(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (counter_id, service_id)) WITHOUT ROWID;"
	"CREATE TABLE setting ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL) WITHOUT ROWID;"
	"PRAGMA user_version = 1;",

	/*
	 * 2: the queue. A ticket's number is per service per office-local
	 * day, with no gaps; the event log is append-only (sync pushes it).
	 */
	"CREATE TABLE ticket ("
	"  id INTEGER PRIMARY KEY,"
	"  day TEXT NOT NULL,"
	"  service_id INTEGER NOT NULL REFERENCES service(id),"
	"  number INTEGER NOT NULL CHECK (number > 0),"
	"  priority TEXT NOT NULL DEFAULT 'none' CHECK (priority IN ('none',"
	"    'elderly', 'disabled', 'pregnant', 'child')),"
	"  state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting',"
	"    'called', 'serving', 'parked', 'done', 'noshow')),"
	"  arrived_at INTEGER NOT NULL,"
	"  taken_at INTEGER NOT NULL,"
	"  called_at INTEGER,"
	"  served_at INTEGER,"
	"  finished_at INTEGER,"
	"  counter INTEGER,"
	"  calls INTEGER NOT NULL DEFAULT 0,"
	"  outcome TEXT CHECK (outcome IN ('done', 'incomplete', 'forwarded',"
	"    'rejected', 'noshow', 'transferred')),"
	"  UNIQUE (day, service_id, number));"
	"CREATE INDEX ticket_state ON ticket(day, state, service_id);"
	"CREATE TABLE event ("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  terminal TEXT NOT NULL,"
	"  counter INTEGER,"
	"  ticket_id INTEGER REFERENCES ticket(id),"
	"  kind TEXT NOT NULL,"
	"  detail TEXT NOT NULL DEFAULT '');"
	"CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event "
	"BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;"
	"CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event "
	"BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;"
	"PRAGMA user_version = 2;",

	/* 3: operators of the desks, with Argon2id password hashes. */
	"CREATE TABLE operator ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  hash TEXT NOT NULL,"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  failures INTEGER NOT NULL DEFAULT 0,"
	"  locked_until INTEGER NOT NULL DEFAULT 0,"
	"  created_at INTEGER NOT NULL);"
	"PRAGMA user_version = 3;",

	/*
	 * 4: bookings for a time slot, checked in on the day for a ticket;
	 * phone numbers for a "your turn is near" message, and the messages
	 * waiting for an SMS gateway.
	 */
	"CREATE TABLE booking ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  service_id INTEGER NOT NULL REFERENCES service(id),"
	"  day TEXT NOT NULL,"
	"  slot INTEGER NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'booked' CHECK (state IN ('booked',"
	"    'checked_in', 'expired')),"
	"  phone TEXT,"
	"  ticket_id INTEGER REFERENCES ticket(id),"
	"  created_at INTEGER NOT NULL);"
	"CREATE INDEX booking_slot ON booking(service_id, slot, state);"
	"ALTER TABLE ticket ADD COLUMN phone TEXT;"
	"ALTER TABLE ticket ADD COLUMN booking_id INTEGER REFERENCES booking(id);"
	"CREATE TABLE outgoing_message ("
	"  id INTEGER PRIMARY KEY,"
	"  ticket_id INTEGER NOT NULL UNIQUE REFERENCES ticket(id),"
	"  phone TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  sent_at INTEGER);"
	"PRAGMA user_version = 4;",

	/*
	 * 5: the outbox for the centre. Each event gets an operation id,
	 * the operation's canonical text and its hash in the transaction
	 * that writes it; each operation holds the hash of the one before
	 * (a hash chain the centre checks). Append-only, like the event
	 * log. sync_state holds the centre's address, the office's token,
	 * the centre's public key and how far push and pull have come.
	 */
	"CREATE TABLE outbox ("
	"  seq INTEGER PRIMARY KEY,"
	"  event_id INTEGER NOT NULL UNIQUE REFERENCES event(id),"
	"  op_id TEXT NOT NULL UNIQUE,"
	"  hash TEXT NOT NULL,"
	"  body TEXT NOT NULL);"
	"CREATE TRIGGER outbox_append_only_update BEFORE UPDATE ON outbox "
	"BEGIN SELECT RAISE(ABORT, 'the outbox is append-only'); END;"
	"CREATE TRIGGER outbox_append_only_delete BEFORE DELETE ON outbox "
	"BEGIN SELECT RAISE(ABORT, 'the outbox is append-only'); END;"
	"CREATE TABLE sync_state ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL) WITHOUT ROWID;"
	"PRAGMA user_version = 5;",

	/*
	 * 6: applications a desk registers for a citizen, followed by a
	 * tracking number. The NIK is kept only masked (the last four
	 * digits); whole, with the name and the phone, it is sealed to the
	 * centre's key. Their history is append-only, like the event log;
	 * an event points at the application it changed (by id; rows of
	 * either are never deleted).
	 */
	"CREATE TABLE application ("
	"  id INTEGER PRIMARY KEY,"
	"  tracking TEXT NOT NULL UNIQUE,"
	"  service_id INTEGER NOT NULL REFERENCES service(id),"
	"  day TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  nik_masked TEXT NOT NULL,"
	"  handed_in TEXT NOT NULL DEFAULT '',"
	"  phone TEXT,"
	"  sealed TEXT,"
	"  state TEXT NOT NULL DEFAULT 'received' CHECK (state IN ('received',"
	"    'processing', 'documents-needed', 'ready', 'handed-over',"
	"    'rejected')),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  created_at INTEGER NOT NULL,"
	"  updated_at INTEGER NOT NULL);"
	"CREATE INDEX application_day ON application(day, state);"
	"CREATE TABLE application_change ("
	"  id INTEGER PRIMARY KEY,"
	"  application_id INTEGER NOT NULL REFERENCES application(id),"
	"  at INTEGER NOT NULL,"
	"  state TEXT NOT NULL,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  actor TEXT NOT NULL,"
	"  source TEXT NOT NULL DEFAULT 'office' CHECK (source IN ('office',"
	"    'centre')));"
	"CREATE INDEX application_change_of ON application_change"
	"  (application_id, id);"
	"CREATE TRIGGER application_change_append_only_update BEFORE UPDATE ON "
	"application_change BEGIN SELECT RAISE(ABORT, 'the history is "
	"append-only'); END;"
	"CREATE TRIGGER application_change_append_only_delete BEFORE DELETE ON "
	"application_change BEGIN SELECT RAISE(ABORT, 'the history is "
	"append-only'); END;"
	"ALTER TABLE event ADD COLUMN application_id INTEGER;"
	"PRAGMA user_version = 6;",

	/*
	 * 7: complaints from the kiosk or the desk, anonymous unless a phone
	 * number is given for the answer (kept for the text message, and
	 * sealed to the centre's key for the centre). The centre's answer
	 * comes down with the change feed.
	 */
	"CREATE TABLE complaint ("
	"  id INTEGER PRIMARY KEY,"
	"  tracking TEXT NOT NULL UNIQUE,"
	"  service_id INTEGER NOT NULL REFERENCES service(id),"
	"  day TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('slow', 'conduct', 'fee',"
	"    'facility', 'other')),"
	"  text TEXT NOT NULL DEFAULT '',"
	"  phone TEXT,"
	"  sealed TEXT,"
	"  state TEXT NOT NULL DEFAULT 'received' CHECK (state IN ('received',"
	"    'answered')),"
	"  answer TEXT NOT NULL DEFAULT '',"
	"  created_at INTEGER NOT NULL,"
	"  answered_at INTEGER);"
	"CREATE INDEX complaint_day ON complaint(day);"
	"ALTER TABLE event ADD COLUMN complaint_id INTEGER;"
	"PRAGMA user_version = 7;",

	/*
	 * 8: what the centre publishes. centre_holiday holds the holidays
	 * of its last list (merged with [office] holidays for decisions);
	 * centre_change keeps each change of a kind this Loket cannot apply
	 * yet, for a later one. An event about a booking (made, checked in,
	 * expired) names it, so that its phone number travels sealed.
	 */
	"CREATE TABLE centre_holiday ("
	"  day TEXT PRIMARY KEY) WITHOUT ROWID;"
	"CREATE TABLE centre_change ("
	"  cursor INTEGER NOT NULL,"
	"  generation TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  data TEXT NOT NULL,"
	"  received_at INTEGER NOT NULL,"
	"  PRIMARY KEY (generation, cursor));"
	"ALTER TABLE event ADD COLUMN booking_id INTEGER;"
	"PRAGMA user_version = 8;",

	/*
	 * 9: text messages of every kind, each with its own id (a UUID a
	 * gateway may dedupe by), its citizen's language and where its
	 * sending stands; the messages of outgoing_message carried over
	 * (their text holds both languages). A ticket and a booking keep
	 * the language the citizen chose.
	 */
	"CREATE TABLE message ("
	"  id INTEGER PRIMARY KEY,"
	"  uuid TEXT NOT NULL UNIQUE,"
	"  kind TEXT NOT NULL,"
	"  ticket_id INTEGER REFERENCES ticket(id),"
	"  booking_id INTEGER REFERENCES booking(id),"
	"  lang TEXT NOT NULL DEFAULT 'id' CHECK (lang IN ('id', 'en')),"
	"  phone TEXT,"
	"  body TEXT NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting',"
	"    'sending', 'sent', 'failed')),"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  next_try INTEGER NOT NULL DEFAULT 0,"
	"  last_try INTEGER,"
	"  last_error TEXT,"
	"  created_at INTEGER NOT NULL,"
	"  sent_at INTEGER,"
	"  UNIQUE (kind, ticket_id),"
	"  UNIQUE (kind, booking_id));"
	"CREATE INDEX message_due ON message(state, next_try);"
	"INSERT INTO message (id, uuid, kind, ticket_id, phone, body, state,"
	"  next_try, created_at, sent_at) "
	"SELECT id, (SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) ||"
	"  '-4' || substr(h, 14, 3) || '-' ||"
	"  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) ||"
	"  '-' || substr(h, 21, 12) FROM (SELECT lower(hex(randomblob(16)))"
	"  AS h WHERE m.id = m.id)), 'queue-near', ticket_id,"
	"  CASE WHEN sent_at IS NULL THEN phone END, body,"
	"  CASE WHEN sent_at IS NULL THEN 'waiting' ELSE 'sent' END,"
	"  created_at, created_at, sent_at FROM outgoing_message m;"
	"DROP TABLE outgoing_message;"
	"ALTER TABLE ticket ADD COLUMN lang TEXT;"
	"ALTER TABLE booking ADD COLUMN lang TEXT;"
	"PRAGMA user_version = 9;",

	/*
	 * 10: the language an application or a complaint was made in, for
	 * its text messages.
	 */
	"ALTER TABLE application ADD COLUMN lang TEXT NOT NULL DEFAULT 'id' "
	"CHECK (lang IN ('id', 'en'));"
	"ALTER TABLE complaint ADD COLUMN lang TEXT NOT NULL DEFAULT 'id' "
	"CHECK (lang IN ('id', 'en'));"
	"PRAGMA user_version = 10;",
};

/* PRAGMA application_id of Loket's databases: 0x4C4F4B54, "LOKT". */
#define DB_APPLICATION_ID	1280265044
#define DB_STRING(x)		#x
#define DB_NUMBER_TEXT(x)	DB_STRING(x)

#define DB_SCHEMA_VERSION \
	((int)(sizeof db_migrations / sizeof db_migrations[0]))

int
db_schema_version(void)
{
	return DB_SCHEMA_VERSION;
}

char *
db_cause(struct db *db, int rc)
{
	const char	*path = db != NULL ? db->path : "?";
	int		 waited;

	/* A write that failed for want of space is a full disk, whatever
	 * SQLite calls it (often an I/O error in WAL mode). */
	if (db != NULL && db->handle != NULL && (rc & 0xff) == SQLITE_IOERR &&
	    (sqlite3_system_errno(db->handle) == ENOSPC ||
	    sqlite3_system_errno(db->handle) == EDQUOT))
		rc = SQLITE_FULL;
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		waited = db != NULL ? (db->busy_ms + 999) / 1000 : 0;
		return xasprintf(ngettext("The database %s is locked by another "
		    "program (waited %d second). Try again later.", "The "
		    "database %s is locked by another program (waited %d "
		    "seconds). Try again later.", waited), path, waited);
	case SQLITE_READONLY:
		return xasprintf(_("The database %s is read-only. Check the "
		    "permissions of the file and its directory."), path);
	case SQLITE_FULL:
		return xasprintf(_("The disk holding the database %s is full. "
		    "Nothing was changed."), path);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return xasprintf(_("The database %s is damaged or is not a "
		    "Loket database."), path);
	case SQLITE_CANTOPEN:
		return xasprintf(_("Cannot open the database %s."), path);
	case SQLITE_IOERR:
		return xasprintf(_("Input/output error on the database %s."),
		    path);
	case SQLITE_NOMEM:
		fatal("out of memory in SQLite");
	default:
		return xasprintf(_("Database error on %s: %s"), path,
		    db != NULL && db->handle != NULL ?
		    sqlite3_errmsg(db->handle) : sqlite3_errstr(rc));
	}
}

/* Create the directories above path, as mkdir -p does. */
static int
db_make_parent(const char *path, char **cause)
{
	char	*copy, *p;

	copy = xstrdup(path);
	for (p = copy + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0755) == -1 && errno != EEXIST) {
			*cause = xasprintf(_("Cannot create the directory %s: "
			    "%s"), copy, strerror(errno));
			free(copy);
			return -1;
		}
		*p = '/';
	}
	free(copy);
	return 0;
}

/* Refuse a file that exists but that we may not write. */
static int
db_check_file(struct db *db, enum db_open_mode mode, char **cause)
{
	struct stat	 sb;

	if (stat(db->path, &sb) == -1) {
		if (errno == ENOENT && mode == DB_OPEN_CREATE)
			return db_make_parent(db->path, cause);
		if (errno == ENOENT) {
			*cause = xasprintf(_("The database %s does not exist. "
			    "Create it with \"loket init\" or choose another "
			    "file with --db."), db->path);
		} else {
			*cause = xasprintf(_("Cannot open the database %s: %s"),
			    db->path, strerror(errno));
		}
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		*cause = xasprintf(_("The database %s is not a regular file."),
		    db->path);
		return -1;
	}
	if (access(db->path, R_OK | W_OK) == -1) {
		*cause = db_cause(db, SQLITE_READONLY);
		return -1;
	}
	return 0;
}

static int
db_exec(struct db *db, const char *sql, char **cause)
{
	int	 rc;

	rc = sqlite3_exec(db->handle, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, cause);
	return 0;
}

int
db_fail(struct db *db, int rc, char **cause)
{
	log_error("%s: %s (%s)", db->path, sqlite3_errstr(rc),
	    db->handle != NULL ? sqlite3_errmsg(db->handle) : "not open");
	*cause = db_cause(db, rc);
	return DB_FAILED;
}

int
db_bind(struct db *db, sqlite3_stmt *stmt, const char *binds, va_list ap)
{
	const char	*text;
	int		 i, rc = SQLITE_OK, count;

	count = sqlite3_bind_parameter_count(stmt);
	for (i = 0; binds[i] != '\0' && rc == SQLITE_OK; i++) {
		switch (binds[i]) {
		case 't':
			text = va_arg(ap, const char *);
			rc = sqlite3_bind_text(stmt, i + 1, text, -1,
			    SQLITE_TRANSIENT);
			break;
		case 'i':
			rc = sqlite3_bind_int64(stmt, i + 1,
			    va_arg(ap, long));
			break;
		default:
			fatal("db_bind: unknown bind type '%c'", binds[i]);
		}
		if (rc == SQLITE_RANGE && i + 1 > count)
			rc = SQLITE_OK;	/* a statement of a table may not use it */
	}
	(void)db;
	return rc;
}

int
db_query_long(struct db *db, long *value, char **cause, const char *sql,
    const char *binds, ...)
{
	sqlite3_stmt	*stmt;
	va_list		 ap;
	int		 rc;

	if ((rc = db_prepare(db, sql, &stmt, cause)) != 0)
		return rc;
	va_start(ap, binds);
	rc = db_bind(db, stmt, binds, ap);
	va_end(ap);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*value = sqlite3_column_type(stmt, 0) == SQLITE_NULL ? 0 :
		    sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return db_fail(db, rc, cause);
}

int
db_change(struct db *db, char **cause, const char *sql, const char *binds,
    ...)
{
	sqlite3_stmt	*stmt;
	va_list		 ap;
	int		 rc;

	if ((rc = db_prepare(db, sql, &stmt, cause)) != 0)
		return rc;
	va_start(ap, binds);
	rc = db_bind(db, stmt, binds, ap);
	va_end(ap);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, cause);
	return 0;
}

/* Set the connection up: WAL, full sync, foreign keys. */
static int
db_configure(struct db *db, char **cause)
{
	sqlite3_stmt	*stmt;
	char		*mode;
	int		 rc, ok;

	sqlite3_busy_timeout(db->handle, db->busy_ms);
	sqlite3_extended_result_codes(db->handle, 1);
	if (db_prepare(db, "PRAGMA journal_mode = WAL", &stmt, cause) != 0)
		return DB_FAILED;
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return db_fail(db, rc, cause);
	}
	mode = db_column_text(stmt, 0);
	sqlite3_finalize(stmt);
	ok = strcmp(mode, "wal") == 0;
	free(mode);
	if (!ok) {
		*cause = db_cause(db, SQLITE_READONLY);
		return -1;
	}
	/* secure_delete: a phone number deleted is overwritten in the file. */
	return db_exec(db, "PRAGMA synchronous = FULL;"
	    "PRAGMA foreign_keys = ON;PRAGMA secure_delete = ON;", cause);
}

/* Apply the migrations the file has not seen yet, each on its own. */
static int
db_migrate(struct db *db, char **cause)
{
	long	 version;
	int	 next;

	if (db_query_long(db, &version, cause, "PRAGMA user_version", "") != 1)
		return DB_FAILED;
	if (version > DB_SCHEMA_VERSION) {
		*cause = xasprintf(_("The database %s was made by a newer "
		    "Loket (schema %d; this one knows up to %d)."), db->path,
		    (int)version, DB_SCHEMA_VERSION);
		return DB_FAILED;
	}
	for (next = version; next < DB_SCHEMA_VERSION; next++) {
		if (db_begin(db, cause) != 0)
			return DB_FAILED;
		/* Another process may have migrated while we waited. */
		if (db_query_long(db, &version, cause, "PRAGMA user_version",
		    "") != 1)
			goto rollback;
		if (version > next)
			goto skip;
		log_info("%s: migrating schema to version %d", db->path,
		    next + 1);
		if (db_exec(db, db_migrations[next], cause) != 0)
			goto rollback;
	skip:
		if (db_commit(db, cause) != 0)
			goto rollback;
	}
	return 0;

rollback:
	db_rollback(db);
	return DB_FAILED;
}

/*
 * Is this database Loket's to use? Read only, before anything is written:
 * 1 if it is marked as Loket's, 0 if it is empty or an unmarked Loket
 * database, -1 (and a cause) if it belongs to another program or is
 * empty when the mode does not allow a new one.
 */
static int
db_check_owner(struct db *db, enum db_open_mode mode, char **cause)
{
	long	 id, objects, ours;

	if (db_query_long(db, &id, cause, "PRAGMA application_id", "") != 1 ||
	    db_query_long(db, &objects, cause, "SELECT count(*) FROM "
	    "sqlite_master", "") != 1)
		return -1;
	if (id == DB_APPLICATION_ID)
		return 1;
	if (id == 0 && objects == 0) {
		if (mode != DB_OPEN_EXISTING)
			return 0;
		*cause = xasprintf(_("The database %s is empty. Create it with "
		    "\"loket init\"."), db->path);
		return -1;
	}
	/* Made before the mark: Loket's own tables and schema version. */
	if (id == 0 && db_query_long(db, &ours, cause, "SELECT count(*) = 2 "
	    "FROM sqlite_master WHERE type = 'table' AND name IN ('agency', "
	    "'setting') AND (SELECT user_version FROM pragma_user_version) > 0",
	    "") != 1)
		return -1;
	if (id == 0 && ours)
		return 0;
	*cause = xasprintf(_("The database %s belongs to another program: it "
	    "is not a Loket database. Nothing was changed in it."), db->path);
	return -1;
}

struct db *
db_open(const char *path, enum db_open_mode mode, int busy_ms, char **cause)
{
	struct db	*db;
	int		 flags, rc, marked;

	if (sync_init() != 0)
		fatal("libsodium cannot start");
	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	db->busy_ms = busy_ms;
	if (db_check_file(db, mode, cause) != 0)
		goto fail;

	flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	if (mode == DB_OPEN_CREATE)
		flags |= SQLITE_OPEN_CREATE;
	rc = sqlite3_open_v2(path, &db->handle, flags, NULL);
	if (rc != SQLITE_OK) {
		*cause = db_cause(db, rc);
		goto fail;
	}
	if (sqlite3_db_readonly(db->handle, "main") == 1) {
		*cause = db_cause(db, SQLITE_READONLY);
		goto fail;
	}
	sqlite3_busy_timeout(db->handle, db->busy_ms);
	if ((marked = db_check_owner(db, mode, cause)) == -1 ||
	    db_configure(db, cause) != 0 || db_migrate(db, cause) != 0)
		goto fail;
	if (!marked && db_exec(db, "PRAGMA application_id = "
	    DB_NUMBER_TEXT(DB_APPLICATION_ID), cause) != 0)
		goto fail;
	log_debug("%s: open, schema %d", path, DB_SCHEMA_VERSION);
	return db;

fail:
	db_close(db);
	return NULL;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	if (db->handle != NULL)
		sqlite3_close_v2(db->handle);
	free(db->path);
	free(db);
}

int
db_prepare(struct db *db, const char *sql, sqlite3_stmt **stmt, char **cause)
{
	int	 rc;

	rc = sqlite3_prepare_v2(db->handle, sql, -1, stmt, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, cause);
	return 0;
}

int
db_begin(struct db *db, char **cause)
{
	return db_exec(db, "BEGIN IMMEDIATE", cause);
}

int
db_commit(struct db *db, char **cause)
{
	return db_exec(db, "COMMIT", cause);
}

void
db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->handle))
		sqlite3_exec(db->handle, "ROLLBACK", NULL, NULL, NULL);
}

char *
db_column_text(sqlite3_stmt *stmt, int column)
{
	const unsigned char	*text;

	text = sqlite3_column_text(stmt, column);
	return xstrdup(text != NULL ? (const char *)text : "");
}

char
db_column_char(sqlite3_stmt *stmt, int column)
{
	const unsigned char	*text;

	text = sqlite3_column_text(stmt, column);
	return text != NULL ? (char)text[0] : '\0';
}
