/* The store of text messages: the message table (see notify.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "common/i18n.h"
#include "common/xmalloc.h"
#include "office/application.h"
#include "office/booking.h"
#include "office/db.h"
#include "office/notify.h"
#include "office/queue.h"

/* A random (version 4) UUID: the id a gateway may dedupe by. */
static void
db_notify_uuid(char out[37])
{
	unsigned char	 b[16];

	randombytes_buf(b, sizeof b);
	b[6] = (b[6] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;
	snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5],
	    b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

int
notify_add(struct db *db, enum notify_kind kind, long ticket, long booking,
    enum lang lang, const char *phone, const char *body, time_t now,
    char **cause)
{
	char	 uuid[37];

	db_notify_uuid(uuid);
	return db_change(db, cause, "INSERT INTO message (uuid, kind, "
	    "ticket_id, booking_id, lang, phone, body, next_try, created_at) "
	    "VALUES (?1, ?2, nullif(?3, 0), nullif(?4, 0), ?5, ?6, ?7, ?8, ?8)",
	    "ttiittti", uuid,
	    notify_kind_name(kind), ticket, booking, i18n_code(lang), phone,
	    body, (long)now);
}

/* Reading a record's phone and forgetting it, by what it is. */
static const struct {
	const char	*read;
	const char	*forget;
} db_notify_records[NOTIFY_RECORD_COUNT] = {
	[NOTIFY_RECORD_APPLICATION] = {
		"SELECT tracking, phone, lang, note FROM application WHERE "
		"id = ?1 AND phone IS NOT NULL",
		"UPDATE application SET phone = NULL WHERE id = ?1"
	},
	[NOTIFY_RECORD_COMPLAINT] = {
		"SELECT tracking, phone, lang, NULL FROM complaint WHERE "
		"id = ?1 AND phone IS NOT NULL",
		"UPDATE complaint SET phone = NULL WHERE id = ?1"
	},
};

int
notify_add_record(struct db *db, enum notify_record record, long id,
    enum notify_kind kind, int forget, time_t now, char **cause)
{
	struct notify_fill	 fill;
	sqlite3_stmt		*stmt;
	enum lang		 citizen;
	char			 shown[TRACKING_SHOWN], *body, *phone, *lang;
	char			*note;
	int			 rc;

	if ((rc = db_prepare(db, db_notify_records[record].read, &stmt,
	    cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return rc == SQLITE_DONE ? 0 : db_fail(db, rc, cause);
	}
	tracking_format((const char *)sqlite3_column_text(stmt, 0), shown);
	phone = db_column_text(stmt, 1);
	lang = db_column_text(stmt, 2);
	note = db_column_text(stmt, 3);
	sqlite3_finalize(stmt);
	if (i18n_parse(lang, &citizen) != 0)
		citizen = LANG_ID;
	memset(&fill, 0, sizeof fill);
	fill.tracking = shown;
	fill.note = note;
	body = notify_compose(kind, citizen, &fill);
	rc = notify_add(db, kind, 0, 0, citizen, phone, body, now, cause);
	if (rc == 0 && forget)
		rc = notify_forget_record(db, record, id, cause);
	free(body);
	free(note);
	free(lang);
	free(phone);
	return rc;
}

int
notify_forget_record(struct db *db, enum notify_record record, long id,
    char **cause)
{
	return db_change(db, cause, db_notify_records[record].forget, "i", id);
}

int
notify_recover(struct db *db, char **cause)
{
	return db_change(db, cause, "UPDATE message SET state = 'waiting', "
	    "next_try = 0 WHERE state = 'sending'", "");
}

int
notify_due(struct db *db, time_t now, char **cause)
{
	long	 due;
	int	 rc;

	rc = db_query_long(db, &due, cause, "SELECT count(*) FROM message "
	    "WHERE state = 'waiting' AND next_try <= ?1 AND phone IS NOT NULL",
	    "i", (long)now);
	return rc == 1 ? due > 0 : rc;
}

/* The kind stored under name; NOTIFY_KIND_COUNT if none. */
static enum notify_kind
db_notify_kind(const char *name)
{
	int	 k;

	for (k = 0; k < NOTIFY_KIND_COUNT; k++) {
		if (strcmp(notify_kind_name(k), name) == 0)
			break;
	}
	return k;
}

/* Read the row and mark it sending: 1, or DB_FAILED. */
static int
db_notify_take(struct db *db, sqlite3_stmt *stmt, struct notify_message *m,
    char **cause)
{
	char	*kind;

	m->id = sqlite3_column_int64(stmt, 0);
	m->uuid = db_column_text(stmt, 1);
	kind = db_column_text(stmt, 2);
	m->kind = db_notify_kind(kind);
	free(kind);
	m->phone = db_column_text(stmt, 3);
	m->body = db_column_text(stmt, 4);
	m->attempts = sqlite3_column_int(stmt, 5) + 1;
	m->created = sqlite3_column_int64(stmt, 6);
	if (db_change(db, cause, "UPDATE message SET state = 'sending', "
	    "attempts = ?2 WHERE id = ?1", "ii", m->id, (long)m->attempts) != 0)
		return DB_FAILED;
	return 1;
}

int
notify_claim(struct db *db, time_t now, struct notify_message *m,
    char **cause)
{
	sqlite3_stmt	*stmt = NULL;
	int		 rc;

	memset(m, 0, sizeof *m);
	if ((rc = db_begin(db, cause)) != 0)
		return rc;
	if ((rc = db_prepare(db, "SELECT id, uuid, kind, phone, body, "
	    "attempts, created_at FROM message WHERE state = 'waiting' AND "
	    "next_try <= ?1 AND phone IS NOT NULL ORDER BY next_try, id "
	    "LIMIT 1", &stmt, cause)) != 0)
		goto rollback;
	sqlite3_bind_int64(stmt, 1, now);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		rc = db_notify_take(db, stmt, m, cause);
	else if (rc == SQLITE_DONE)
		rc = 0;
	else
		rc = db_fail(db, rc, cause);
	sqlite3_finalize(stmt);
	if (rc < 0 || db_commit(db, cause) != 0)
		goto rollback;
	return rc;

rollback:
	db_rollback(db);
	notify_message_clear(m);
	return DB_FAILED;
}

int
notify_record(struct db *db, const struct notify_message *m,
    enum notify_result result, time_t now, time_t next_try,
    const char *error, char **cause)
{
	static const char *const sql[] = {
		[NOTIFY_DELIVERED] = "UPDATE message SET state = 'sent', "
		    "phone = NULL, sent_at = ?2, last_try = ?2, last_error = "
		    "NULL WHERE id = ?1",
		[NOTIFY_RETRY] = "UPDATE message SET state = 'waiting', "
		    "next_try = ?3, last_try = ?2, last_error = ?4 WHERE id = ?1",
		[NOTIFY_PERMANENT] = "UPDATE message SET state = 'failed', "
		    "phone = NULL, last_try = ?2, last_error = ?4 WHERE id = ?1",
	};
	int	 rc;

	if ((rc = db_begin(db, cause)) != 0)
		return rc;
	if ((rc = db_change(db, cause, sql[result], "iiit", m->id, (long)now,
	    (long)next_try, error)) != 0)
		goto rollback;
	/* Delivered or given up: the ticket's copy of the number goes too. */
	if (result != NOTIFY_RETRY && m->kind == NOTIFY_QUEUE_NEAR &&
	    (rc = db_change(db, cause, "UPDATE ticket SET phone = NULL WHERE "
	    "id = (SELECT ticket_id FROM message WHERE id = ?1)", "i",
	    m->id)) != 0)
		goto rollback;
	if ((rc = db_commit(db, cause)) != 0)
		goto rollback;
	return 0;

rollback:
	db_rollback(db);
	return rc;
}

/* One reminder for the booking in this row. */
static int
db_notify_reminder(struct db *db, sqlite3_stmt *stmt, int offset, time_t now,
    char **cause)
{
	struct notify_fill	 fill;
	enum lang		 lang = LANG_ID;
	char			*lang_code, *name, *body, code[BOOKING_CODE_SHOWN];
	char			 when[16];
	time_t			 slot;
	int			 rc;

	lang_code = db_column_text(stmt, 3);
	(void)i18n_parse(lang_code, &lang);
	free(lang_code);
	booking_code_format((const char *)sqlite3_column_text(stmt, 1), code);
	slot = sqlite3_column_int64(stmt, 2) + offset;
	snprintf(when, sizeof when, "%02d:%02d", (int)(slot / 3600 % 24),
	    (int)(slot / 60 % 60));
	name = db_column_text(stmt, lang == LANG_EN ? 6 : 5);
	memset(&fill, 0, sizeof fill);
	fill.service = name;
	fill.code = code;
	fill.when = when;
	body = notify_compose(NOTIFY_BOOKING_REMINDER, lang, &fill);
	rc = notify_add(db, NOTIFY_BOOKING_REMINDER, 0,
	    sqlite3_column_int64(stmt, 0), lang,
	    (const char *)sqlite3_column_text(stmt, 4), body, now, cause);
	free(body);
	free(name);
	return rc;
}

int
notify_add_reminders(struct db *db, const struct queue_rules *rules,
    time_t now, char **cause)
{
	sqlite3_stmt	*stmt = NULL;
	char		 tomorrow[11];
	int		 rc;

	queue_day(rules, now + 24 * 60 * 60, tomorrow);
	if ((rc = db_begin(db, cause)) != 0)
		return rc;
	if ((rc = db_prepare(db, "SELECT b.id, b.code, b.slot, b.lang, "
	    "b.phone, s.name_id, s.name_en FROM booking b JOIN service s ON "
	    "s.id = b.service_id WHERE b.day = ?1 AND b.state = 'booked' AND "
	    "b.phone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM message m "
	    "WHERE m.kind = 'booking-reminder' AND m.booking_id = b.id)",
	    &stmt, cause)) != 0)
		goto rollback;
	sqlite3_bind_text(stmt, 1, tomorrow, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((rc = db_notify_reminder(db, stmt, rules->schedule.offset,
		    now, cause)) != 0)
			break;
	}
	if (rc != SQLITE_DONE && rc != DB_FAILED)
		rc = db_fail(db, rc, cause);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE || db_commit(db, cause) != 0)
		goto rollback;
	return 0;

rollback:
	db_rollback(db);
	return DB_FAILED;
}

/* The counts by state. */
static int
db_notify_counts(struct db *db, struct notify_status *st, char **cause)
{
	int	 s, rc;

	for (s = 0; s < NOTIFY_STATE_COUNT; s++) {
		if ((rc = db_query_long(db, &st->count[s], cause, "SELECT "
		    "count(*) FROM message WHERE state = ?1", "t",
		    notify_state_names[s])) != 1)
			return DB_FAILED;
	}
	return 0;
}

int
notify_status_read(struct db *db, struct notify_status *st, char **cause)
{
	sqlite3_stmt	*stmt = NULL;
	long		 value;
	int		 rc;

	memset(st, 0, sizeof *st);
	if (db_notify_counts(db, st, cause) != 0 ||
	    db_query_long(db, &value, cause, "SELECT min(created_at) FROM "
	    "message WHERE state IN ('waiting', 'sending')", "") != 1)
		return DB_FAILED;
	st->oldest_waiting = value;
	if (db_query_long(db, &value, cause, "SELECT min(next_try) FROM "
	    "message WHERE state = 'waiting'", "") != 1)
		return DB_FAILED;
	st->next_try = value;
	if ((rc = db_prepare(db, "SELECT last_error, last_try FROM message "
	    "WHERE last_error IS NOT NULL ORDER BY last_try DESC, id DESC "
	    "LIMIT 1", &stmt, cause)) != 0)
		return rc;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		st->last_error = db_column_text(stmt, 0);
		st->last_error_at = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc, cause);
	return 0;
}

void
notify_status_clear(struct notify_status *st)
{
	free(st->last_error);
	memset(st, 0, sizeof *st);
}
