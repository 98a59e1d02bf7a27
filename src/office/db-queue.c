/*
 * Store: tickets and the event log. Each action is one BEGIN IMMEDIATE
 * transaction: the ticket's row is read, the domain says whether the
 * action is allowed, the row changes and an event is appended, or
 * nothing happens at all.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "common/log.h"
#include "common/xmalloc.h"
#include "office/db.h"
#include "office/feed.h"
#include "office/notify.h"
#include "office/outbox.h"
#include "office/queue.h"

#define TICKET_COLUMNS \
	"t.id, t.day, t.service_id, s.code, s.letter, t.number, t.priority, " \
	"t.state, t.arrived_at, coalesce(t.called_at, 0), " \
	"coalesce(t.served_at, 0), coalesce(t.finished_at, 0), " \
	"coalesce(t.counter, 0), t.calls, t.outcome"

/* Fill t from a row of TICKET_COLUMNS. */
static void
db_queue_row(sqlite3_stmt *stmt, struct ticket *t)
{
	const char	*text;
	int		 i;

	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(stmt, 0);
	text = (const char *)sqlite3_column_text(stmt, 1);
	snprintf(t->day, sizeof t->day, "%s", text != NULL ? text : "");
	t->service = sqlite3_column_int64(stmt, 2);
	t->service_code = db_column_text(stmt, 3);
	t->letter = db_column_char(stmt, 4);
	t->number = sqlite3_column_int(stmt, 5);
	text = (const char *)sqlite3_column_text(stmt, 6);
	queue_priority_parse(text != NULL ? text : "none", &t->priority);
	text = (const char *)sqlite3_column_text(stmt, 7);
	for (i = 0; i < TICKET_STATE_COUNT; i++) {
		if (text != NULL && strcmp(text, queue_state_name(i)) == 0)
			t->state = i;
	}
	t->arrived = sqlite3_column_int64(stmt, 8);
	t->called = sqlite3_column_int64(stmt, 9);
	t->served = sqlite3_column_int64(stmt, 10);
	t->finished = sqlite3_column_int64(stmt, 11);
	t->counter = sqlite3_column_int(stmt, 12);
	t->calls = sqlite3_column_int(stmt, 13);
	t->outcome = -1;
	text = (const char *)sqlite3_column_text(stmt, 14);
	for (i = 0; i < OUTCOME_COUNT && text != NULL; i++) {
		if (strcmp(text, queue_outcome_name(i)) == 0)
			t->outcome = i;
	}
}

/*
 * The calling order, in one place: the longest wait first, a priority
 * ticket counting the bonus (the parameter named by BONUS) more, then the
 * older ticket. ORDER BY DB_QUEUE_ORDER(t) calls in that order; compare
 * DB_QUEUE_KEY(u) < DB_QUEUE_KEY(t) for "u is called before t".
 */
#define DB_QUEUE_ORDER(t, BONUS) \
	t ".arrived_at - CASE WHEN " t ".priority = 'none' THEN 0 ELSE " \
	BONUS " END, " t ".id"
#define DB_QUEUE_KEY(t, BONUS) "(" DB_QUEUE_ORDER(t, BONUS) ")"
/* u waits in t's service and day and will be called before t. */
#define DB_QUEUE_BEFORE(BONUS) \
	"u.day = t.day AND u.service_id = t.service_id AND " \
	"u.state = 'waiting' AND " DB_QUEUE_KEY("u", BONUS) " < " \
	DB_QUEUE_KEY("t", BONUS)

/* Read one ticket: 1 found, 0 not, DB_FAILED. */
static int
db_queue_load(struct db *db, long id, struct ticket *t, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((rc = db_prepare(db, "SELECT " TICKET_COLUMNS " FROM ticket t "
	    "JOIN service s ON s.id = t.service_id WHERE t.id = ?1", &stmt,
	    cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		db_queue_row(stmt, t);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return db_fail(db, rc, cause);
}

int
queue_ticket(struct db *db, long id, struct ticket *t, char **cause)
{
	return db_queue_load(db, id, t, cause);
}

/*
 * Append to the event log and seal the event into the outbox for the
 * centre, in the caller's transaction.
 */
static int
db_queue_event(struct db *db, const struct queue_actor *who, time_t now,
    long ticket, const char *kind, const char *detail, char **cause)
{
	int	 rc;

	if ((rc = db_change(db, cause, "INSERT INTO event (at, actor, "
	    "terminal, counter, ticket_id, kind, detail) VALUES (?1, ?2, ?3, "
	    "nullif(?4, 0), ?5, ?6, ?7)", "ittiitt", (long)now, who->who,
	    who->terminal, (long)who->counter, ticket, kind, detail)) != 0)
		return rc;
	return outbox_seal(db, cause);
}

/* Insert a waiting ticket with the next number of its service and day. */
static int
db_queue_insert(struct db *db, const char *day, long service,
    enum ticket_priority priority, time_t arrived, time_t now, long *id,
    char **cause)
{
	int	 rc;

	rc = db_query_long(db, id, cause, "INSERT INTO ticket (day, "
	    "service_id, number, priority, state, arrived_at, taken_at) "
	    "VALUES (?1, ?2, (SELECT coalesce(max(number), 0) + 1 FROM ticket "
	    "WHERE day = ?1 AND service_id = ?2), ?3, 'waiting', ?4, ?5) "
	    "RETURNING id", "titii", day, service,
	    queue_priority_name(priority), (long)arrived, (long)now);
	return rc == 1 ? 0 : DB_FAILED;
}

/* The active service with this code: 0, DB_REFUSED or DB_FAILED. */
static int
db_queue_service(struct db *db, const char *code, long *id, char **cause)
{
	int	 rc;

	rc = db_query_long(db, id, cause, "SELECT id FROM service WHERE "
	    "code = ?1 AND active", "t", code);
	if (rc == 0) {
		*cause = xasprintf(_("There is no service \"%s\"."), code);
		return DB_REFUSED;
	}
	return rc == 1 ? 0 : rc;
}

/* Is there a counter with this number? 0, DB_REFUSED or DB_FAILED. */
static int
db_queue_counter_known(struct db *db, int counter, char **cause)
{
	long	 id;
	int	 rc;

	rc = db_query_long(db, &id, cause, "SELECT id FROM counter WHERE "
	    "number = ?1", "i", (long)counter);
	if (rc == 0) {
		*cause = xasprintf(_("Counter %d is not in the catalog."),
		    counter);
		return DB_REFUSED;
	}
	return rc == 1 ? 0 : rc;
}

/* Is the office open for tickets now? If not, say when it opens. */
static int
db_queue_open(const struct queue_rules *r, time_t now, char **cause)
{
	enum schedule_state	 state;
	time_t			 next;
	char			*when;

	if (!r->restricted)
		return 0;
	state = schedule_at(&r->schedule, now);
	if (state == SCHEDULE_OPEN)
		return 0;
	next = schedule_next_open(&r->schedule, now);
	when = next != 0 ? schedule_describe(&r->schedule, next) : NULL;
	switch (state) {
	case SCHEDULE_BREAK:
		*cause = xasprintf(_("The office is on a break. Tickets are "
		    "given again from %s."), when != NULL ? when : "-");
		break;
	case SCHEDULE_HOLIDAY:
		*cause = xasprintf(_("The office is closed today for a "
		    "holiday. It opens again %s."), when != NULL ? when : "-");
		break;
	default:
		if (when != NULL)
			*cause = xasprintf(_("The office is closed now. It "
			    "opens %s."), when);
		else
			*cause = xstrdup(_("The office has no opening hours "
			    "set."));
		break;
	}
	free(when);
	return DB_REFUSED;
}

/* Is today a holiday the centre published? DB_REFUSED if it is. */
static int
db_queue_centre_holiday(struct db *db, const struct queue_rules *r,
    time_t now, char **cause)
{
	char	 day[11];
	int	 rc;

	if (!r->restricted)
		return 0;
	queue_day(r, now, day);
	if ((rc = feed_holiday(db, day, cause)) != 1)
		return rc;
	*cause = xstrdup(_("The office is closed today for a holiday."));
	return DB_REFUSED;
}

/*
 * Retention, once a day: phone numbers are kept for their day only, so
 * the first action of a new day forgets the numbers of the days before
 * and their messages (and those of bookings of the days before). The day it last ran is kept in the database.
 */
static int
db_queue_retention(struct db *db, const char *day, char **cause)
{
	static const char *const sql[] = {
		"UPDATE ticket SET phone = NULL WHERE day < ?1 AND "
		"phone IS NOT NULL",
		"UPDATE booking SET phone = NULL WHERE day < ?1 AND "
		"phone IS NOT NULL",
		"DELETE FROM message WHERE ticket_id IN (SELECT id "
		"FROM ticket WHERE day < ?1) OR booking_id IN (SELECT id "
		"FROM booking WHERE day < ?1)",
		"INSERT OR REPLACE INTO setting (key, value) VALUES "
		"('retention_day', ?1)",
	};
	long	 done;
	size_t	 i;
	int	 rc;

	rc = db_query_long(db, &done, cause, "SELECT count(*) FROM setting "
	    "WHERE key = 'retention_day' AND value >= ?1", "t", day);
	if (rc != 1)
		return DB_FAILED;
	for (i = 0; done == 0 && i < sizeof sql / sizeof sql[0]; i++) {
		if ((rc = db_change(db, cause, sql[i], "t", day)) != 0)
			return rc;
	}
	return 0;
}

int
queue_retention(struct db *db, const struct queue_rules *r, time_t now,
    char **cause)
{
	char	 day[11];
	int	 rc;

	queue_day(r, now, day);
	if ((rc = db_begin(db, cause)) != 0)
		return rc;
	if ((rc = db_queue_retention(db, day, cause)) != 0 ||
	    (rc = db_commit(db, cause)) != 0)
		db_rollback(db);
	return rc;
}

/* Past the day's quota of walk-in tickets? 0, DB_REFUSED, DB_FAILED. */
static int
db_queue_quota(struct db *db, const struct queue_rules *r, const char *day,
    long service, char **cause)
{
	long	 count;

	if (db_query_long(db, &count, cause, "SELECT count(*) FROM ticket "
	    "WHERE day = ?1 AND service_id = ?2 AND booking_id IS NULL AND "
	    "arrived_at = taken_at", "ti", day, service) != 1)
		return DB_FAILED;
	if (count < r->quota)
		return 0;
	*cause = xasprintf(_("Today's %d tickets for this service have all "
	    "been given. Please come back on the next working day."),
	    r->quota);
	return DB_REFUSED;
}

int
queue_ahead(struct db *db, const struct queue_rules *r, long id, int *ahead,
    char **cause)
{
	long	 count;

	if (db_query_long(db, &count, cause, "SELECT count(*) FROM ticket t, "
	    "ticket u WHERE t.id = ?1 AND " DB_QUEUE_BEFORE("?2"), "ii", id,
	    (long)r->priority_bonus) != 1)
		return DB_FAILED;
	*ahead = (int)count;
	return 0;
}

int
queue_take_locked(struct db *db, const struct queue_rules *r,
    const struct queue_actor *who, const char *code,
    enum ticket_priority priority, time_t now,
    const struct queue_extra *extra, struct ticket *t, int *ahead,
    char **cause)
{
	char		 day[11], *label;
	long		 service, id;
	time_t		 arrived = now;
	int		 rc;

	memset(t, 0, sizeof *t);
	queue_day(r, now, day);
	if ((rc = db_queue_service(db, code, &service, cause)) != 0)
		return rc;
	if (extra != NULL && extra->arrived != 0)
		arrived = extra->arrived;
	if (r->quota > 0 && (extra == NULL || extra->booking == 0) &&
	    (rc = db_queue_quota(db, r, day, service, cause)) != 0)
		return rc;
	if ((rc = db_queue_insert(db, day, service, priority, arrived, now,
	    &id, cause)) != 0)
		return rc;
	if (extra != NULL && (extra->phone != NULL || extra->booking != 0) &&
	    (rc = db_change(db, cause, "UPDATE ticket SET phone = ?2, "
	    "booking_id = nullif(?3, 0), lang = ?4 WHERE id = ?1", "itit", id,
	    extra->phone, extra->booking, i18n_code(extra->lang))) != 0)
		return rc;
	if ((rc = db_queue_load(db, id, t, cause)) != 1)
		return rc == 0 ? DB_FAILED : rc;
	label = queue_ticket_label(t);
	rc = db_queue_event(db, who, now, id, "take", label, cause);
	free(label);
	if (rc == 0)
		rc = queue_ahead(db, r, id, ahead, cause);
	if (rc != 0)
		queue_ticket_clear(t);
	return rc;
}

int
queue_take_with(struct db *db, const struct queue_rules *r,
    const struct queue_actor *who, const char *code,
    enum ticket_priority priority, time_t now,
    const struct queue_extra *extra, struct ticket *t, int *ahead,
    char **cause)
{
	int	 rc;

	memset(t, 0, sizeof *t);
	if ((rc = db_queue_open(r, now, cause)) != 0 ||
	    (rc = db_queue_centre_holiday(db, r, now, cause)) != 0)
		return rc;
	if ((rc = queue_retention(db, r, now, cause)) != 0)
		return rc;
	if ((rc = db_begin(db, cause)) != 0)
		return rc;
	if ((rc = queue_take_locked(db, r, who, code, priority, now, extra, t,
	    ahead, cause)) != 0 || (rc = db_commit(db, cause)) != 0) {
		queue_ticket_clear(t);
		db_rollback(db);
	}
	return rc;
}

int
queue_take(struct db *db, const struct queue_rules *r,
    const struct queue_actor *who, const char *code,
    enum ticket_priority priority, time_t now, struct ticket *t, int *ahead,
    char **cause)
{
	return queue_take_with(db, r, who, code, priority, now, NULL, t, ahead,
	    cause);
}

/* One action in progress, handed to its steps. */
struct db_queue_act {
	struct db			*db;
	const struct queue_rules	*rules;
	const struct queue_actor	*who;
	enum queue_action		 action;
	enum ticket_outcome		 outcome;
	const char			*to_service;
	time_t				 now;
	struct ticket			 before;	/* as it was */
	long				 to;		/* transfer: service */
	long				 new_id;	/* transfer: new ticket */
	char				*detail;	/* for the event */
	char				**cause;
};

static int	 db_queue_act_locked(struct db_queue_act *, struct ticket *);

/*
 * The ticket a counter holds now, called or being served (parked ones
 * aside), other than the one acted on: 0 none, DB_REFUSED naming it, or
 * DB_FAILED. A counter holds at most one.
 */
static int
db_queue_counter_free(struct db_queue_act *x)
{
	struct ticket	 held;
	long		 id;
	int		 rc;

	rc = db_query_long(x->db, &id, x->cause, "SELECT id FROM ticket "
	    "WHERE counter = ?1 AND state IN ('called', 'serving') AND "
	    "id <> ?2 LIMIT 1", "ii", (long)x->who->counter, x->before.id);
	if (rc != 1)
		return rc;
	if ((rc = db_queue_load(x->db, id, &held, x->cause)) != 1)
		return rc == 0 ? DB_FAILED : rc;
	*x->cause = xasprintf(_("Counter %d still holds ticket %c-%03d (%s): "
	    "finish it, mark it not present or park it first."),
	    x->who->counter, held.letter, held.number,
	    queue_state_label(held.state));
	queue_ticket_clear(&held);
	return DB_REFUSED;
}

/* Before a call: a known counter that holds no other ticket. */
static int
db_queue_check_call(struct db_queue_act *x)
{
	int	 rc;

	if (x->who->counter < 1) {
		*x->cause = xstrdup(_("A ticket is called to a counter: give "
		    "its number."));
		return DB_REFUSED;
	}
	if ((rc = db_queue_counter_known(x->db, x->who->counter,
	    x->cause)) != 0)
		return rc;
	return db_queue_counter_free(x);
}

/* Before a resume: the counter holds no other ticket. */
static int
db_queue_check_resume(struct db_queue_act *x)
{
	if (x->who->counter < 1)
		return 0;	/* an administrator, for the desk that parked it */
	return db_queue_counter_free(x);
}

/* Before a transfer: the service it goes to. */
static int
db_queue_check_transfer(struct db_queue_act *x)
{
	return db_queue_service(x->db, x->to_service, &x->to, x->cause);
}

/*
 * After a call: a text message for everyone with a phone number who is
 * now among the next QUEUE_NOTIFY_AHEAD of that service, once each, in
 * the language the citizen chose at the kiosk; loket notify sends it.
 */
#define QUEUE_NOTIFY_AHEAD	3

/* The message for the ticket in this row. */
static int
db_queue_notify(struct db_queue_act *x, sqlite3_stmt *stmt)
{
	struct notify_fill	 fill;
	struct ticket		 near;
	enum lang		 lang = LANG_ID;
	char			*code, *body;
	int			 rc;

	memset(&near, 0, sizeof near);
	near.id = sqlite3_column_int64(stmt, 0);
	near.letter = db_column_char(stmt, 2);
	near.number = sqlite3_column_int(stmt, 3);
	code = db_column_text(stmt, 4);
	(void)i18n_parse(code, &lang);
	free(code);
	memset(&fill, 0, sizeof fill);
	fill.ticket = queue_ticket_label(&near);
	body = notify_compose(NOTIFY_QUEUE_NEAR, lang, &fill);
	rc = notify_add(x->db, NOTIFY_QUEUE_NEAR, near.id, 0, lang,
	    (const char *)sqlite3_column_text(stmt, 1), body, x->now,
	    x->cause);
	free(body);
	free((char *)fill.ticket);
	return rc;
}

static int
db_queue_after_call(struct db_queue_act *x)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	x->detail = xasprintf("%d", x->who->counter);
	if ((rc = db_prepare(x->db, "SELECT t.id, t.phone, s.letter, "
	    "t.number, t.lang FROM ticket t JOIN service s ON "
	    "s.id = t.service_id WHERE t.day = ?1 AND t.service_id = ?2 AND "
	    "t.state = 'waiting' AND t.phone IS NOT NULL AND NOT EXISTS "
	    "(SELECT 1 FROM message m WHERE m.kind = 'queue-near' AND "
	    "m.ticket_id = t.id) AND (SELECT "
	    "count(*) FROM ticket u WHERE " DB_QUEUE_BEFORE("?3") ") < ?4",
	    &stmt, x->cause)) != 0)
		return rc;
	sqlite3_bind_text(stmt, 1, x->before.day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, x->before.service);
	sqlite3_bind_int(stmt, 3, x->rules->priority_bonus);
	sqlite3_bind_int(stmt, 4, QUEUE_NOTIFY_AHEAD);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((rc = db_queue_notify(x, stmt)) != 0)
			break;
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE)
		return 0;
	return rc == DB_FAILED ? rc : db_fail(x->db, rc, x->cause);
}

/* After a finish: the outcome, for the event. */
static int
db_queue_after_finish(struct db_queue_act *x)
{
	x->detail = xstrdup(queue_outcome_name(x->outcome));
	return 0;
}

/* After a transfer: a new ticket in the other service, arrived when this
 * one did. */
static int
db_queue_after_transfer(struct db_queue_act *x)
{
	char	 day[11];
	int	 rc;

	queue_day(x->rules, x->now, day);
	if ((rc = db_queue_insert(x->db, day, x->to, x->before.priority,
	    x->before.arrived, x->now, &x->new_id, x->cause)) != 0)
		return rc;
	x->detail = xasprintf("%s %ld", x->to_service, x->new_id);
	return 0;
}

/* Per action: its event, the checks before the change, what follows it. */
static const struct {
	const char	*kind;
	int		(*check)(struct db_queue_act *);
	int		(*after)(struct db_queue_act *);
} db_queue_steps[QUEUE_ACTION_COUNT] = {
	[QUEUE_CALL] = { "call", db_queue_check_call, db_queue_after_call },
	[QUEUE_RECALL] = { "recall", NULL, NULL },
	[QUEUE_SERVE] = { "serve", NULL, NULL },
	[QUEUE_FINISH] = { "finish", NULL, db_queue_after_finish },
	[QUEUE_NOSHOW] = { "noshow", NULL, NULL },
	[QUEUE_PARK] = { "park", NULL, NULL },
	[QUEUE_RESUME] = { "resume", db_queue_check_resume, NULL },
	[QUEUE_TRANSFER] = { "transfer", db_queue_check_transfer,
	    db_queue_after_transfer },
};

/* The row change for one action, in the caller's transaction. */
static int
db_queue_update(struct db_queue_act *x)
{
	static const char *const sql[QUEUE_ACTION_COUNT] = {
		[QUEUE_CALL] = "UPDATE ticket SET state = 'called', "
		    "counter = ?2, called_at = ?3, calls = calls + 1 "
		    "WHERE id = ?1 AND state = 'waiting'",
		[QUEUE_RECALL] = "UPDATE ticket SET calls = calls + 1, "
		    "called_at = ?3 WHERE id = ?1 AND state = 'called' AND "
		    "counter = ?2",
		[QUEUE_SERVE] = "UPDATE ticket SET state = 'serving', "
		    "served_at = ?3 WHERE id = ?1 AND state = 'called' AND "
		    "counter = ?2",
		[QUEUE_FINISH] = "UPDATE ticket SET state = 'done', "
		    "finished_at = ?3, outcome = ?4, served_at = "
		    "coalesce(served_at, ?3) WHERE id = ?1 AND state IN "
		    "('called', 'serving') AND counter = ?2",
		[QUEUE_NOSHOW] = "UPDATE ticket SET state = 'noshow', "
		    "finished_at = ?3, outcome = 'noshow' WHERE id = ?1 AND "
		    "state = 'called' AND counter = ?2",
		[QUEUE_PARK] = "UPDATE ticket SET state = 'parked' "
		    "WHERE id = ?1 AND state = 'serving' AND counter = ?2",
		[QUEUE_RESUME] = "UPDATE ticket SET state = 'serving' "
		    "WHERE id = ?1 AND state = 'parked' AND counter = ?2",
		[QUEUE_TRANSFER] = "UPDATE ticket SET state = 'done', "
		    "finished_at = ?3, outcome = 'transferred', served_at = "
		    "coalesce(served_at, ?3) WHERE id = ?1 AND state IN "
		    "('called', 'serving') AND counter = ?2",
	};
	const struct ticket	*t = &x->before;
	int			 counter, rc;

	/* Only the desk holding a ticket acts on it; an admin (0) on any. */
	counter = x->who->counter;
	if (x->action != QUEUE_CALL && x->who->counter == 0)
		counter = t->counter;
	if ((rc = db_change(x->db, x->cause, sql[x->action], "iiit", t->id,
	    (long)counter, (long)x->now, queue_outcome_name(x->outcome))) != 0)
		return rc;
	if (sqlite3_changes(x->db->handle) != 1) {
		*x->cause = xasprintf(_("Ticket %c-%03d is at counter %d, not "
		    "at counter %d."), t->letter, t->number, t->counter,
		    x->who->counter);
		return DB_REFUSED;
	}
	return 0;
}

/* One action on one ticket, inside the caller's transaction. */
static int
db_queue_act_locked(struct db_queue_act *x, struct ticket *t)
{
	enum queue_action	 a = x->action;
	int			 rc;

	if ((rc = db_queue_load(x->db, x->before.id, &x->before,
	    x->cause)) != 1) {
		if (rc == 0) {
			*x->cause = xasprintf(_("There is no ticket %ld."),
			    x->before.id);
			return DB_REFUSED;
		}
		return rc;
	}
	if (!queue_allowed(a, x->before.state)) {
		*x->cause = queue_refusal(a, &x->before);
		return DB_REFUSED;
	}
	if (db_queue_steps[a].check != NULL &&
	    (rc = db_queue_steps[a].check(x)) != 0)
		return rc;
	if ((rc = db_queue_update(x)) != 0)
		return rc;
	if (db_queue_steps[a].after != NULL &&
	    (rc = db_queue_steps[a].after(x)) != 0)
		return rc;
	if (x->detail == NULL)
		x->detail = xasprintf("%d", x->who->counter);
	if ((rc = db_queue_event(x->db, x->who, x->now, x->before.id,
	    db_queue_steps[a].kind, x->detail, x->cause)) != 0)
		return rc;
	if (x->new_id != 0 && (rc = db_queue_event(x->db, x->who, x->now,
	    x->new_id, "take", "transfer", x->cause)) != 0)
		return rc;
	rc = db_queue_load(x->db, x->new_id != 0 ? x->new_id : x->before.id,
	    t, x->cause);
	return rc == 1 ? 0 : rc == 0 ? DB_FAILED : rc;
}

/* Run one action in its own transaction: 0, DB_REFUSED or DB_FAILED. */
static int
db_queue_act(struct db_queue_act *x, long id, struct ticket *t)
{
	int	 rc;

	memset(t, 0, sizeof *t);
	x->before.id = id;
	if ((rc = db_begin(x->db, x->cause)) != 0)
		goto out;
	if ((rc = db_queue_act_locked(x, t)) != 0 ||
	    (rc = db_commit(x->db, x->cause)) != 0) {
		queue_ticket_clear(t);
		db_rollback(x->db);
	}
out:
	free(x->detail);
	queue_ticket_clear(&x->before);
	return rc;
}

int
queue_call_next(struct db *db, const struct queue_rules *r,
    const struct queue_actor *who, time_t now, struct ticket *t,
    char **cause)
{
	struct db_queue_act	 x = { db, r, who, QUEUE_CALL, OUTCOME_DONE,
				     NULL, now };
	char			 day[11];
	long			 id;
	int			 rc;

	memset(t, 0, sizeof *t);
	x.cause = cause;
	queue_day(r, now, day);
	if ((rc = db_begin(db, cause)) != 0)
		return rc;
	if ((rc = db_queue_counter_known(db, who->counter, cause)) != 0)
		goto rollback;
	/* The calling order, among the counter's services. */
	rc = db_query_long(db, &id, cause, "SELECT t.id FROM ticket t WHERE "
	    "t.day = ?1 AND t.state = 'waiting' AND t.service_id IN (SELECT "
	    "cs.service_id FROM counter_service cs JOIN counter c ON c.id = "
	    "cs.counter_id WHERE c.number = ?2) ORDER BY "
	    DB_QUEUE_ORDER("t", "?3") " LIMIT 1", "tii", day,
	    (long)who->counter, (long)r->priority_bonus);
	if (rc != 1)
		goto rollback;	/* 0: nobody waits */
	x.before.id = id;
	if ((rc = db_queue_act_locked(&x, t)) != 0 ||
	    (rc = db_commit(db, cause)) != 0) {
		queue_ticket_clear(t);
		goto rollback;
	}
	rc = 1;
	goto out;
rollback:
	db_rollback(db);
out:
	free(x.detail);
	queue_ticket_clear(&x.before);
	return rc;
}

int
queue_act(struct db *db, const struct queue_rules *r,
    const struct queue_actor *who, enum queue_action a, long id,
    enum ticket_outcome outcome, const char *to_service, time_t now,
    struct ticket *t, char **cause)
{
	struct db_queue_act	 x = { db, r, who, a, outcome, to_service, now };

	x.cause = cause;
	return db_queue_act(&x, id, t);
}

int
queue_status(struct db *db, const struct queue_rules *r, time_t now,
    struct queue_service_status **out, size_t *n, char **cause)
{
	struct queue_service_status	*s;
	sqlite3_stmt			*stmt;
	char				 day[11];
	int				 rc;

	queue_day(r, now, day);
	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT s.id, s.code, s.letter, CASE ?2 WHEN 'en' "
	    "THEN s.name_en ELSE s.name_id END, "
	    "(SELECT count(*) FROM ticket t WHERE t.service_id = s.id AND "
	    "t.day = ?1 AND t.state = 'waiting'), "
	    "(SELECT count(*) FROM ticket t WHERE t.service_id = s.id AND "
	    "t.day = ?1 AND t.state = 'done' AND t.outcome <> 'transferred'), "
	    "(SELECT coalesce(min(arrived_at), 0) FROM ticket t WHERE "
	    "t.service_id = s.id AND t.day = ?1 AND t.state = 'waiting') "
	    "FROM service s JOIN agency a ON a.id = s.agency_id "
	    "WHERE s.active ORDER BY a.position, s.position", &stmt,
	    cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, i18n_code(i18n_get()), -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		s = &(*out)[(*n)++];
		s->service = sqlite3_column_int64(stmt, 0);
		s->code = db_column_text(stmt, 1);
		s->letter = db_column_char(stmt, 2);
		s->name = db_column_text(stmt, 3);
		s->waiting = sqlite3_column_int(stmt, 4);
		s->served = sqlite3_column_int(stmt, 5);
		s->oldest = sqlite3_column_int64(stmt, 6);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		queue_status_free(*out, *n);
		*out = NULL;
		*n = 0;
		*cause = db_cause(db, rc);
		return -1;
	}
	return 0;
}

long
queue_estimate(struct db *db, long service, int ahead)
{
	sqlite3_stmt	*stmt;
	char		*cause = NULL;
	long		 average = -1, desks = 1;

	/* The mean of the last ten service times, spread over its desks. */
	if (db_prepare(db, "SELECT avg(finished_at - served_at), "
	    "(SELECT count(*) FROM counter_service WHERE service_id = ?1) "
	    "FROM (SELECT finished_at, served_at FROM ticket WHERE "
	    "service_id = ?1 AND state = 'done' AND served_at IS NOT NULL "
	    "AND outcome <> 'transferred' ORDER BY finished_at DESC LIMIT 10)",
	    &stmt, &cause) != 0) {
		free(cause);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, service);
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
		average = sqlite3_column_int64(stmt, 0);
		desks = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_finalize(stmt);
	if (average < 0)
		return -1;
	if (desks < 1)
		desks = 1;
	return (average * (ahead + 1)) / desks;
}

char *
queue_counter_names(struct db *db, long service)
{
	sqlite3_stmt	*stmt;
	char		*names = NULL, *cause = NULL;

	if (db_prepare(db, "SELECT group_concat(name, ', ') FROM (SELECT "
	    "c.name FROM counter c JOIN counter_service cs ON cs.counter_id = "
	    "c.id WHERE cs.service_id = ?1 ORDER BY c.number)", &stmt,
	    &cause) != 0) {
		free(cause);
		return NULL;
	}
	sqlite3_bind_int64(stmt, 1, service);
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_type(stmt, 0) != SQLITE_NULL)
		names = db_column_text(stmt, 0);
	sqlite3_finalize(stmt);
	return names;
}

int
queue_calls(struct db *db, const struct queue_rules *r, time_t now,
    long after, size_t max, struct queue_call **out, size_t *n, char **cause)
{
	struct queue_call	*c;
	sqlite3_stmt		*stmt;
	char			 day[11];
	int			 rc;

	*out = NULL;
	*n = 0;
	queue_day(r, now, day);
	/* The newest max, then turned oldest first. */
	if (db_prepare(db, "SELECT * FROM (SELECT e.id, t.id, s.letter, "
	    "t.number, e.counter, e.kind = 'recall', e.at FROM event e "
	    "JOIN ticket t ON t.id = e.ticket_id JOIN service s ON "
	    "s.id = t.service_id WHERE e.kind IN ('call', 'recall') AND "
	    "e.id > ?1 AND t.day = ?2 ORDER BY e.id DESC LIMIT ?3) "
	    "ORDER BY 1", &stmt, cause) != 0)
		return -1;
	sqlite3_bind_int64(stmt, 1, after);
	sqlite3_bind_text(stmt, 2, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 3, (sqlite3_int64)max);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		c = &(*out)[(*n)++];
		c->event = sqlite3_column_int64(stmt, 0);
		c->ticket = sqlite3_column_int64(stmt, 1);
		c->letter = db_column_char(stmt, 2);
		c->number = sqlite3_column_int(stmt, 3);
		c->counter = sqlite3_column_int(stmt, 4);
		c->recall = sqlite3_column_int(stmt, 5);
		c->at = sqlite3_column_int64(stmt, 6);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		*cause = db_cause(db, rc);
		return -1;
	}
	return 0;
}

int
queue_current(struct db *db, const struct queue_rules *r, int counter,
    time_t now, struct ticket *t, char **cause)
{
	sqlite3_stmt	*stmt;
	char		 day[11];
	long		 id = 0;
	int		 rc;

	queue_day(r, now, day);
	if (db_prepare(db, "SELECT id FROM ticket WHERE day = ?1 AND "
	    "counter = ?2 AND state IN ('called', 'serving', 'parked') "
	    "ORDER BY called_at DESC, id DESC LIMIT 1", &stmt, cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 2, counter);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = db_cause(db, rc);
		return -1;
	}
	if (id == 0)
		return 0;
	return db_queue_load(db, id, t, cause);
}

int
queue_find(struct db *db, const struct queue_rules *r, time_t now,
    const char *label, long *id, char **cause)
{
	sqlite3_stmt	*stmt;
	char		 day[11], letter[2] = { 0, 0 }, *end;
	const char	*digits = label + 1;
	long		 number;
	int		 rc;

	if (*label >= 'a' && *label <= 'z')
		letter[0] = *label - 'a' + 'A';
	else
		letter[0] = *label;
	if (*digits == '-')
		digits++;
	number = strtol(digits, &end, 10);
	if (letter[0] < 'A' || letter[0] > 'Z' || *digits == '\0' ||
	    *end != '\0' || number < 1)
		return 0;
	queue_day(r, now, day);
	if (db_prepare(db, "SELECT t.id FROM ticket t JOIN service s ON "
	    "s.id = t.service_id WHERE t.day = ?1 AND s.letter = ?2 AND "
	    "s.active AND t.number = ?3", &stmt, cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, letter, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 3, number);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = db_cause(db, rc);
		return -1;
	}
	return rc == SQLITE_ROW;
}

int
queue_figures(struct db *db, const struct queue_rules *r, time_t now,
    int counter, struct queue_figures *f, char **cause)
{
	char	 day[11];

	queue_day(r, now, day);
	return queue_figures_day(db, r, day, counter, now, f, cause);
}

int
queue_figures_day(struct db *db, const struct queue_rules *r,
    const char *day, int counter, time_t now, struct queue_figures *f,
    char **cause)
{
	sqlite3_stmt	*stmt;
	char		 today[11];
	int		 rc, hour, open;

	memset(f, 0, sizeof *f);
	f->average_wait = f->average_service = -1;
	if (db_prepare(db, "SELECT "
	    "count(*) FILTER (WHERE state = 'done' AND outcome <> "
	    "  'transferred'), "
	    "count(*) FILTER (WHERE state = 'noshow'), "
	    "count(*) FILTER (WHERE state = 'waiting'), "
	    "avg(called_at - arrived_at) FILTER (WHERE called_at IS NOT NULL), "
	    "avg(finished_at - served_at) FILTER (WHERE state = 'done' AND "
	    "  outcome <> 'transferred'), "
	    "count(*) FILTER (WHERE state IN ('waiting', 'called', 'serving', "
	    "  'parked')) "
	    "FROM ticket WHERE day = ?1 AND (?2 = 0 OR counter = ?2 OR "
	    "  (state = 'waiting' AND service_id IN (SELECT cs.service_id FROM "
	    "  counter_service cs JOIN counter c ON c.id = cs.counter_id "
	    "  WHERE c.number = ?2)))", &stmt, cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 2, counter);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		f->served = sqlite3_column_int(stmt, 0);
		f->noshow = sqlite3_column_int(stmt, 1);
		f->waiting = sqlite3_column_int(stmt, 2);
		if (sqlite3_column_type(stmt, 3) != SQLITE_NULL)
			f->average_wait = sqlite3_column_int64(stmt, 3);
		if (sqlite3_column_type(stmt, 4) != SQLITE_NULL)
			f->average_service = sqlite3_column_int64(stmt, 4);
		/* What a past day left open counts as not present. */
		open = sqlite3_column_int(stmt, 5);
		queue_day(r, now, today);
		if (strcmp(day, today) < 0) {
			f->left_open = open;
			f->noshow += open;
			f->waiting = 0;
		}
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW) {
		*cause = db_cause(db, rc);
		return -1;
	}
	/* Finished per hour of the office's day. */
	if (db_prepare(db, "SELECT ((finished_at + ?3) / 3600) % 24, count(*) "
	    "FROM ticket WHERE day = ?1 AND state IN ('done', 'noshow') AND "
	    "(?2 = 0 OR counter = ?2) GROUP BY 1", &stmt, cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 2, counter);
	sqlite3_bind_int(stmt, 3, r->schedule.offset);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		hour = sqlite3_column_int(stmt, 0);
		if (hour >= 0 && hour < 24)
			f->per_hour[hour] = sqlite3_column_int(stmt, 1);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		*cause = db_cause(db, rc);
		return -1;
	}
	return 0;
}

int
queue_log(struct db *db, const char *day,
    int (*row)(void *, const struct ticket *), void *arg, char **cause)
{
	sqlite3_stmt	*stmt;
	struct ticket	 t;
	int		 rc, stop = 0;

	if (db_prepare(db, "SELECT " TICKET_COLUMNS " FROM ticket t "
	    "JOIN service s ON s.id = t.service_id WHERE t.day = ?1 "
	    "ORDER BY t.id", &stmt, cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, day, -1, SQLITE_TRANSIENT);
	while (!stop && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		db_queue_row(stmt, &t);
		stop = row(arg, &t);
		queue_ticket_clear(&t);
	}
	sqlite3_finalize(stmt);
	if (stop)
		return 1;
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, cause);
	return 0;
}
