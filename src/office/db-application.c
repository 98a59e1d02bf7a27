/*
 * Store: applications and their history. Each change is one transaction
 * with its event, which the outbox seals for the centre; the name, the
 * whole NIK and the phone travel only sealed to the centre's key.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sodium.h>

#include "common/i18n.h"
#include "common/log.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "common/check-digit.h"
#include "office/application.h"
#include "office/db.h"
#include "office/form.h"
#include "office/notify.h"
#include "office/outbox.h"
#include "office/queue.h"

#define APPLICATION_NAME_MAX	100	/* characters */
#define APPLICATION_NOTE_MAX	200

#define APPLICATION_COLUMNS \
	"a.id, a.tracking, s.code, CASE ?9 WHEN 'en' THEN s.name_en ELSE " \
	"s.name_id END, a.name, a.nik_masked, a.handed_in, a.state, a.note, " \
	"a.created_at, a.updated_at"

static unsigned
db_application_random(unsigned upper)
{
	return randombytes_uniform(upper);
}

/* Fill a from a row of APPLICATION_COLUMNS. */
static void
db_application_row(sqlite3_stmt *stmt, struct application *a)
{
	const char	*text;
	int		 state;

	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(stmt, 0);
	text = (const char *)sqlite3_column_text(stmt, 1);
	snprintf(a->tracking, sizeof a->tracking, "%s", text ? text : "");
	a->service_code = db_column_text(stmt, 2);
	a->service_name = db_column_text(stmt, 3);
	a->name = db_column_text(stmt, 4);
	text = (const char *)sqlite3_column_text(stmt, 5);
	snprintf(a->nik, sizeof a->nik, "%s", text ? text : "");
	a->handed_in = db_column_text(stmt, 6);
	state = application_state_parse((const char *)
	    sqlite3_column_text(stmt, 7));
	a->state = state < 0 ? APPLICATION_RECEIVED : state;
	a->note = db_column_text(stmt, 8);
	a->created = sqlite3_column_int64(stmt, 9);
	a->updated = sqlite3_column_int64(stmt, 10);
}

/* "1,3": requirement numbers, each once, in order; 0 or DB_REFUSED. */
static int
db_application_handed_in(const char *list, char **cause)
{
	const char	*p = list;
	long		 n, last = 0;
	char		*end;

	if (list == NULL || *list == '\0')
		return 0;
	for (;;) {
		n = strtol(p, &end, 10);
		if (end == p || n <= last || n > 99 || (*end != ',' &&
		    *end != '\0')) {
			*cause = xasprintf(_("\"%s\" is not a list of requirement "
			    "numbers such as 1,3."), list);
			return DB_REFUSED;
		}
		last = n;
		if (*end == '\0')
			return 0;
		p = end + 1;
	}
}

/* Append the event the outbox seals, in the caller's transaction. */
static int
db_application_event(struct db *db, const struct queue_actor *who,
    time_t now, long id, const char *kind, const struct application *a,
    const char *service, char **cause)
{
	json_t	*j;
	char	*detail;
	int	 rc;

	j = json_pack("{s:s, s:s, s:s, s:s, s:s}", "tracking", a->tracking,
	    "service", service, "state", application_state_name(a->state),
	    "note", a->note != NULL ? a->note : "", "handed_in",
	    a->handed_in != NULL ? a->handed_in : "");
	detail = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	if (detail == NULL)
		fatal("cannot encode an application event");
	rc = db_change(db, cause, "INSERT INTO event (at, actor, terminal, "
	    "counter, application_id, kind, detail) VALUES (?1, ?2, ?3, "
	    "nullif(?4, 0), ?5, ?6, ?7)", "ittiitt", (long)now, who->who,
	    who->terminal, (long)who->counter, id, kind, detail);
	free(detail);
	if (rc == 0)
		rc = db_change(db, cause, "INSERT INTO application_change "
		    "(application_id, at, state, note, actor) VALUES (?1, ?2, "
		    "?3, ?4, ?5)", "iittt", id, (long)now,
		    application_state_name(a->state), a->note != NULL ?
		    a->note : "", who->who);
	return rc != 0 ? rc : outbox_seal(db, cause);
}

/* The name, NIK and phone sealed to the centre's key; NULL without one. */
static int
db_application_seal(struct db *db, const struct application_form *f,
    const char *nik, const char *phone, char **sealed, char **cause)
{
	return outbox_seal_personal(db, json_pack("{s:s, s:s, s:s?}", "name",
	    f->name, "nik", nik, "phone", phone), sealed, cause);
}

/* Check a form; the NIK into nik, the phone made local (owned, or NULL). */
static int
db_application_form(const struct application_form *f,
    char nik[NIK_LENGTH + 1], char **phone, char **cause)
{
	int	 rc;

	*phone = NULL;
	if ((rc = form_text(f->name, APPLICATION_NAME_MAX, 1,
	    _("applicant's name"), cause)) != 0)
		return rc;
	if (nik_check(f->nik != NULL ? f->nik : "", nik, cause) != 0)
		return DB_REFUSED;
	if (f->phone != NULL && *f->phone != '\0' &&
	    (*phone = queue_phone_normalise(f->phone)) == NULL) {
		*cause = xasprintf(_("\"%s\" is not a mobile number: type 8 to "
		    "15 digits starting with 0, such as 081234567890."),
		    f->phone);
		return DB_REFUSED;
	}
	return db_application_handed_in(f->handed_in, cause);
}

/*
 * The text message a state brings, when the applicant gave a phone, in
 * the caller's transaction; a final state forgets the phone (nothing
 * more will be sent): 0 or DB_FAILED.
 */
static int
db_application_notify(struct db *db, long id, enum application_state to,
    time_t now, char **cause)
{
	if (to == APPLICATION_HANDED_OVER || to == APPLICATION_REJECTED)
		return notify_forget_record(db, NOTIFY_RECORD_APPLICATION, id,
		    cause);
	if (to == APPLICATION_READY)
		return notify_add_record(db, NOTIFY_RECORD_APPLICATION, id,
		    NOTIFY_APPLICATION_READY, 0, now, cause);
	if (to == APPLICATION_DOCUMENTS_NEEDED)
		return notify_add_record(db, NOTIFY_RECORD_APPLICATION, id,
		    NOTIFY_DOCUMENTS_NEEDED, 0, now, cause);
	return 0;
}

int
tracking_new(struct db *db, char out[TRACKING_LENGTH + 1], char **cause)
{
	long	 used;
	int	 tries, rc;

	/* Eleven random digits and the check: a clash is rare; draw again. */
	for (tries = 0; tries < 10; tries++) {
		check_digit_new(out, TRACKING_LENGTH, db_application_random);
		if ((rc = db_query_long(db, &used, cause, "SELECT EXISTS (SELECT "
		    "1 FROM application WHERE tracking = ?1) OR EXISTS (SELECT "
		    "1 FROM complaint WHERE tracking = ?1)", "t", out)) < 0)
			return rc;
		if (!used)
			return 0;
	}
	*cause = xstrdup(_("No free tracking number was found; try again."));
	return DB_FAILED;
}

int
application_add(struct db *db, const struct queue_actor *who,
    const struct application_form *f, time_t now, struct application *out,
    char **cause)
{
	sqlite3_stmt	*stmt;
	char		 nik[NIK_LENGTH + 1], *phone = NULL, *sealed = NULL;
	long		 service;
	int		 rc, status;

	memset(out, 0, sizeof *out);
	if (sodium_init() < 0) {
		*cause = xstrdup(_("The random number source cannot start."));
		return DB_FAILED;
	}
	if ((status = db_application_form(f, nik, &phone, cause)) != 0)
		goto out;
	if ((status = db_begin(db, cause)) != 0)
		goto out;
	status = db_query_long(db, &service, cause, "SELECT id FROM service "
	    "WHERE code = ?1 AND active", "t", f->service);
	if (status == 0) {
		*cause = xasprintf(_("There is no service \"%s\"."),
		    f->service);
		status = DB_REFUSED;
	}
	if (status < 0 || (status = db_application_seal(db, f, nik, phone,
	    &sealed, cause)) != 0)
		goto rollback;
	nik_mask(nik, out->nik);
	sodium_memzero(nik, sizeof nik);
	if ((status = tracking_new(db, out->tracking, cause)) != 0)
		goto rollback;
	status = DB_FAILED;
	if (db_prepare(db, "INSERT INTO application (tracking, service_id, "
	    "day, name, nik_masked, handed_in, phone, sealed, created_at, "
	    "updated_at, lang) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, "
	    "?10) RETURNING id", &stmt, cause) != 0)
		goto rollback;
	sqlite3_bind_text(stmt, 1, out->tracking, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, service);
	sqlite3_bind_text(stmt, 3, f->day, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, f->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, out->nik, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, f->handed_in != NULL ? f->handed_in : "",
	    -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, phone, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 8, sealed, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 9, now);
	sqlite3_bind_text(stmt, 10, i18n_code(f->lang), -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		out->id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW) {
		db_fail(db, rc, cause);
		goto rollback;
	}
	out->state = APPLICATION_RECEIVED;
	out->note = xstrdup("");
	out->handed_in = xstrdup(f->handed_in != NULL ? f->handed_in : "");
	out->service_code = xstrdup(f->service);
	out->name = xstrdup(f->name);
	out->created = out->updated = now;
	if ((status = db_application_event(db, who, now, out->id,
	    "application-add", out, f->service, cause)) != 0 ||
	    (status = db_commit(db, cause)) != 0)
		goto rollback;
	log_info("application %s for %s", out->tracking, f->service);
	goto out;
rollback:
	db_rollback(db);
	application_clear(out);
out:
	sodium_memzero(nik, sizeof nik);
	free(phone);
	free(sealed);
	return status;
}

int
application_find(struct db *db, const char *tracking, enum lang lang,
    struct application *a, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	memset(a, 0, sizeof *a);
	if ((rc = db_prepare(db, "SELECT " APPLICATION_COLUMNS " FROM "
	    "application a JOIN service s ON s.id = a.service_id WHERE "
	    "a.tracking = ?1", &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_text(stmt, 1, tracking, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 9, i18n_code(lang), -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		db_application_row(stmt, a);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_fail(db, rc, cause);
}

int
application_update(struct db *db, const struct queue_actor *who,
    const char *tracking, enum application_state to, const char *note,
    time_t now, struct application *out, char **cause)
{
	int	 status;

	memset(out, 0, sizeof *out);
	if ((status = form_text(note, APPLICATION_NOTE_MAX,
	    application_state_needs_note(to), _("note"), cause)) != 0) {
		if (application_state_needs_note(to) && (note == NULL ||
		    text_check_input(note, APPLICATION_NOTE_MAX) ==
		    TEXT_EMPTY)) {
			free(*cause);
			*cause = xasprintf(_("The state %s needs a note: which "
			    "documents, where to pick it up, or why."),
			    application_state_name(to));
		}
		return status;
	}
	if ((status = db_begin(db, cause)) != 0)
		return status;
	status = application_find(db, tracking, LANG_EN, out, cause);
	if (status == 0) {
		*cause = xasprintf(_("There is no application %s here."),
		    tracking);
		status = DB_REFUSED;
	}
	if (status < 0)
		goto rollback;
	if (!application_may_change(out->state, to)) {
		*cause = xasprintf(_("An application that is %s cannot become "
		    "%s."), application_state_name(out->state),
		    application_state_name(to));
		status = DB_REFUSED;
		goto rollback;
	}
	out->state = to;
	free(out->note);
	out->note = xstrdup(note != NULL ? note : "");
	out->updated = now;
	if ((status = db_change(db, cause, "UPDATE application SET state = "
	    "?1, note = ?2, updated_at = ?3 WHERE id = ?4", "ttii",
	    application_state_name(to), out->note, (long)now, out->id)) != 0 ||
	    (status = db_application_event(db, who, now, out->id,
	    "application-update", out, out->service_code, cause)) != 0 ||
	    (status = db_application_notify(db, out->id, to, now,
	    cause)) != 0 || (status = db_commit(db, cause)) != 0)
		goto rollback;
	log_info("application %s is %s", tracking, application_state_name(to));
	return 0;
rollback:
	db_rollback(db);
	application_clear(out);
	return status;
}

int
application_from_centre(struct db *db, const char *tracking,
    const char *state, const char *note, time_t at, char **cause)
{
	long	 id;
	int	 rc;

	if (application_state_parse(state) < 0) {
		*cause = xasprintf(_("The centre sent an unknown state \"%s\"."),
		    state);
		return DB_REFUSED;
	}
	/* The same state and note again (set twice at the centre): once. */
	if ((rc = db_query_long(db, &id, cause, "UPDATE application SET state "
	    "= ?2, note = ?3, updated_at = ?4 WHERE tracking = ?1 AND (state "
	    "<> ?2 OR note <> ?3) RETURNING id", "ttti", tracking, state, note,
	    (long)at)) < 0)
		return rc;
	if (rc == 0 && (rc = db_query_long(db, &id, cause, "SELECT id FROM "
	    "application WHERE tracking = ?1", "t", tracking)) == 1)
		return 0;
	if (rc == 0)
		return DB_REFUSED;	/* another office's */
	if (rc < 0)
		return rc;
	if ((rc = db_change(db, cause, "INSERT INTO application_change "
	    "(application_id, at, state, note, actor, source) VALUES (?1, ?2, "
	    "?3, ?4, 'centre', 'centre')", "iitt", id, (long)at, state,
	    note)) != 0)
		return rc;
	return db_application_notify(db, id, application_state_parse(state),
	    time(NULL), cause);
}

int
application_history(struct db *db, long id,
    int (*fn)(void *, const struct application_change *), void *arg,
    char **cause)
{
	struct application_change	 c;
	sqlite3_stmt			*stmt;
	int				 rc, state;

	if ((rc = db_prepare(db, "SELECT at, state, note, actor, source FROM "
	    "application_change WHERE application_id = ?1 ORDER BY id",
	    &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		c.at = sqlite3_column_int64(stmt, 0);
		state = application_state_parse((const char *)
		    sqlite3_column_text(stmt, 1));
		c.state = state < 0 ? APPLICATION_RECEIVED : state;
		c.note = (const char *)sqlite3_column_text(stmt, 2);
		c.actor = (const char *)sqlite3_column_text(stmt, 3);
		c.source = (const char *)sqlite3_column_text(stmt, 4);
		if (fn(arg, &c) != 0)
			break;
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, rc,
	    cause);
}

int
application_list(struct db *db, int state, const char *day, enum lang lang,
    int (*fn)(void *, const struct application *), void *arg, char **cause)
{
	struct application	 a;
	sqlite3_stmt		*stmt;
	int			 rc, stop = 0;

	if ((rc = db_prepare(db, "SELECT " APPLICATION_COLUMNS " FROM "
	    "application a JOIN service s ON s.id = a.service_id WHERE (?1 "
	    "IS NULL OR a.state = ?1) AND (?2 IS NULL OR a.day = ?2) ORDER BY "
	    "a.id DESC", &stmt, cause)) != 0)
		return rc;
	if (state >= 0)
		sqlite3_bind_text(stmt, 1, application_state_name(state), -1,
		    SQLITE_STATIC);
	if (day != NULL)
		sqlite3_bind_text(stmt, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 9, i18n_code(lang), -1, SQLITE_STATIC);
	while (!stop && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		db_application_row(stmt, &a);
		stop = fn(arg, &a);
		application_clear(&a);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, rc,
	    cause);
}
