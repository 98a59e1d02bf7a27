/*
 * Store: complaints. Filing one is one transaction with its event, which
 * the outbox seals for the centre; the phone number travels only sealed
 * to the centre's key.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "common/i18n.h"
#include "common/log.h"
#include "common/xmalloc.h"
#include "office/complaint.h"
#include "office/db.h"
#include "office/form.h"
#include "office/notify.h"
#include "office/outbox.h"
#include "office/queue.h"

#define COMPLAINT_COLUMNS \
	"c.id, c.tracking, s.code, CASE ?9 WHEN 'en' THEN s.name_en ELSE " \
	"s.name_id END, c.kind, c.text, c.state, c.answer, c.created_at, " \
	"coalesce(c.answered_at, 0)"

static void
db_complaint_row(sqlite3_stmt *stmt, struct complaint *c)
{
	const char	*text;
	int		 kind;

	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(stmt, 0);
	text = (const char *)sqlite3_column_text(stmt, 1);
	snprintf(c->tracking, sizeof c->tracking, "%s", text ? text : "");
	c->service_code = db_column_text(stmt, 2);
	c->service_name = db_column_text(stmt, 3);
	kind = complaint_kind_parse((const char *)sqlite3_column_text(stmt, 4));
	c->kind = kind < 0 ? COMPLAINT_OTHER : kind;
	c->text = db_column_text(stmt, 5);
	text = (const char *)sqlite3_column_text(stmt, 6);
	c->state = text != NULL && strcmp(text, "answered") == 0 ?
	    COMPLAINT_ANSWERED : COMPLAINT_RECEIVED;
	c->answer = db_column_text(stmt, 7);
	c->created = sqlite3_column_int64(stmt, 8);
	c->answered = sqlite3_column_int64(stmt, 9);
}

/* The event the outbox seals, in the caller's transaction. */
static int
db_complaint_event(struct db *db, const struct queue_actor *who, time_t now,
    const struct complaint *c, char **cause)
{
	json_t	*j;
	char	*detail;
	int	 rc;

	j = json_pack("{s:s, s:s, s:s, s:s}", "tracking", c->tracking,
	    "service", c->service_code, "kind", complaint_kind_name(c->kind),
	    "text", c->text);
	detail = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	if (detail == NULL)
		fatal("cannot encode a complaint event");
	rc = db_change(db, cause, "INSERT INTO event (at, actor, terminal, "
	    "counter, complaint_id, kind, detail) VALUES (?1, ?2, ?3, "
	    "nullif(?4, 0), ?5, 'complaint-add', ?6)", "ittiit", (long)now,
	    who->who, who->terminal, (long)who->counter, c->id, detail);
	free(detail);
	return rc != 0 ? rc : outbox_seal(db, cause);
}

int
complaint_add(struct db *db, const struct queue_actor *who,
    const struct complaint_form *f, time_t now, struct complaint *out,
    char **cause)
{
	char	*phone = NULL, *sealed = NULL;
	long	 service;
	int	 status;

	memset(out, 0, sizeof *out);
	if ((unsigned)f->kind >= COMPLAINT_KIND_COUNT) {
		*cause = xstrdup(_("Choose what the complaint is about."));
		return DB_REFUSED;
	}
	if ((status = form_text(f->text, COMPLAINT_TEXT_MAX, 0,
	    _("complaint's text"), cause)) != 0)
		return status;
	if (f->phone != NULL && *f->phone != '\0' &&
	    (phone = queue_phone_normalise(f->phone)) == NULL) {
		*cause = xasprintf(_("\"%s\" is not a mobile number: type 8 to "
		    "15 digits starting with 0, such as 081234567890."),
		    f->phone);
		return DB_REFUSED;
	}
	if ((status = db_begin(db, cause)) != 0)
		goto out;
	status = db_query_long(db, &service, cause, "SELECT id FROM service "
	    "WHERE code = ?1 AND active", "t", f->service);
	if (status == 0) {
		*cause = xasprintf(_("There is no service \"%s\"."),
		    f->service);
		status = DB_REFUSED;
	}
	if (status < 0 || (phone != NULL && (status = outbox_seal_personal(db,
	    json_pack("{s:s}", "phone", phone), &sealed, cause)) != 0) ||
	    (status = tracking_new(db, out->tracking, cause)) != 0)
		goto rollback;
	out->service_code = xstrdup(f->service);
	out->kind = f->kind;
	out->text = xstrdup(f->text != NULL ? f->text : "");
	out->answer = xstrdup("");
	out->created = now;
	if ((status = db_query_long(db, &out->id, cause, "INSERT INTO "
	    "complaint (tracking, service_id, day, kind, text, phone, sealed, "
	    "created_at, lang) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
	    "RETURNING id", "titttttit", out->tracking, service, f->day,
	    complaint_kind_name(f->kind), out->text, phone, sealed,
	    (long)now, i18n_code(f->lang))) != 1) {
		status = DB_FAILED;
		goto rollback;
	}
	if ((status = db_complaint_event(db, who, now, out, cause)) != 0 ||
	    (status = db_commit(db, cause)) != 0)
		goto rollback;
	log_info("complaint %s about %s", out->tracking, f->service);
	goto out;
rollback:
	db_rollback(db);
	complaint_clear(out);
out:
	free(phone);
	free(sealed);
	return status;
}

int
complaint_find(struct db *db, const char *tracking, enum lang lang,
    struct complaint *c, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	memset(c, 0, sizeof *c);
	if ((rc = db_prepare(db, "SELECT " COMPLAINT_COLUMNS " FROM complaint "
	    "c JOIN service s ON s.id = c.service_id WHERE c.tracking = ?1",
	    &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_text(stmt, 1, tracking, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 9, i18n_code(lang), -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		db_complaint_row(stmt, c);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, cause);
}

int
complaint_answered(struct db *db, const char *tracking, const char *answer,
    time_t at, char **cause)
{
	long	 id;
	int	 rc;

	if ((rc = db_query_long(db, &id, cause, "UPDATE complaint SET "
	    "state = 'answered', answer = ?2, answered_at = ?3 WHERE tracking "
	    "= ?1 RETURNING id", "tti", tracking, answer, (long)at)) < 0)
		return rc;
	if (rc == 0) {
		*cause = xasprintf(_("There is no complaint %s here."),
		    tracking);
		return DB_REFUSED;
	}
	/* "It has an answer" to the phone given with it, then forgotten. */
	return notify_add_record(db, NOTIFY_RECORD_COMPLAINT, id,
	    NOTIFY_COMPLAINT_ANSWERED, 1, time(NULL), cause);
}
