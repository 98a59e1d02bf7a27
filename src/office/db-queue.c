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

/* Read one ticket: 1 found, 0 not, -1 error. */
static int
db_queue_load(struct db *db, long id, struct ticket *t, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (db_prepare(db, "SELECT " TICKET_COLUMNS " FROM ticket t "
	    "JOIN service s ON s.id = t.service_id WHERE t.id = ?1", &stmt,
	    cause) != 0)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		db_queue_row(stmt, t);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	*cause = db_cause(db, rc);
	return -1;
}

int
queue_ticket(struct db *db, long id, struct ticket *t, char **cause)
{
	return db_queue_load(db, id, t, cause);
}

/* Step a statement that returns no row. */
static int
db_queue_exec(struct db *db, sqlite3_stmt *stmt, char **cause)
{
	int	 rc;

	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		log_error("%s: %s", db->path, sqlite3_errmsg(db->handle));
		*cause = db_cause(db, rc);
		return -1;
	}
	return 0;
}

/* Append to the event log, in the caller's transaction. */
static int
db_queue_event(struct db *db, const struct queue_actor *who, time_t now,
    long ticket, const char *kind, const char *detail, char **cause)
{
	sqlite3_stmt	*stmt;

	if (db_prepare(db, "INSERT INTO event (at, actor, terminal, counter, "
	    "ticket_id, kind, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	    &stmt, cause) != 0)
		return -1;
	sqlite3_bind_int64(stmt, 1, now);
	sqlite3_bind_text(stmt, 2, who->who, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, who->terminal, -1, SQLITE_TRANSIENT);
	if (who->counter > 0)
		sqlite3_bind_int(stmt, 4, who->counter);
	sqlite3_bind_int64(stmt, 5, ticket);
	sqlite3_bind_text(stmt, 6, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, detail, -1, SQLITE_TRANSIENT);
	return db_queue_exec(db, stmt, cause);
}

/* One integer from a query with up to two text and two integer binds. */
static int
db_queue_count(struct db *db, const char *sql, const char *text, long a,
    long b, long *value, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (db_prepare(db, sql, &stmt, cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, a);
	sqlite3_bind_int64(stmt, 3, b);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*value = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW) {
		*cause = db_cause(db, rc);
		return -1;
	}
	return 0;
}

/* Insert a waiting ticket with the next number of its service and day. */
static int
db_queue_insert(struct db *db, const char *day, long service,
    enum ticket_priority priority, time_t arrived, time_t now, long *id,
    char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (db_prepare(db, "INSERT INTO ticket (day, service_id, number, "
	    "priority, state, arrived_at, taken_at) VALUES (?1, ?2, "
	    "(SELECT coalesce(max(number), 0) + 1 FROM ticket WHERE day = ?1 "
	    "AND service_id = ?2), ?3, 'waiting', ?4, ?5) RETURNING id",
	    &stmt, cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, service);
	sqlite3_bind_text(stmt, 3, queue_priority_name(priority), -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, arrived);
	sqlite3_bind_int64(stmt, 5, now);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		rc = sqlite3_step(stmt);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		*cause = db_cause(db, rc);
		return -1;
	}
	return 0;
}

/* The active service with this code: its id, or 0 with a cause. */
static long
db_queue_service(struct db *db, const char *code, char **cause)
{
	long	 id = 0;

	if (db_queue_count(db, "SELECT coalesce((SELECT id FROM service "
	    "WHERE code = ?1 AND active), 0)", code, 0, 0, &id, cause) != 0)
		return 0;
	if (id == 0)
		*cause = xasprintf(_("There is no service \"%s\"."), code);
	return id;
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
	return -1;
}

/*
 * Phone numbers are kept for their day only: a new day's first ticket
 * forgets the numbers of the days before, and their unsent messages.
 */
static int
db_queue_forget_phones(struct db *db, const char *day, char **cause)
{
	static const char *const sql[] = {
		"UPDATE ticket SET phone = NULL WHERE day < ?1 AND "
		"phone IS NOT NULL",
		"UPDATE booking SET phone = NULL WHERE day < ?1 AND "
		"phone IS NOT NULL",
		"DELETE FROM outgoing_message WHERE ticket_id IN (SELECT id "
		"FROM ticket WHERE day < ?1)",
	};
	sqlite3_stmt	*stmt;
	size_t		 i;

	for (i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		if (db_prepare(db, sql[i], &stmt, cause) != 0)
			return -1;
		sqlite3_bind_text(stmt, 1, day, -1, SQLITE_TRANSIENT);
		if (db_queue_exec(db, stmt, cause) != 0)
			return -1;
	}
	return 0;
}

int
queue_take_locked(struct db *db, const struct queue_rules *r,
    const struct queue_actor *who, const char *code,
    enum ticket_priority priority, time_t now,
    const struct queue_extra *extra, struct ticket *t, int *ahead,
    char **cause)
{
	sqlite3_stmt	*stmt;
	char		 day[11], *label;
	long		 service, count, id;
	time_t		 arrived = now;

	memset(t, 0, sizeof *t);
	queue_day(r, now, day);
	if ((service = db_queue_service(db, code, cause)) == 0)
		return -1;
	if (db_queue_forget_phones(db, day, cause) != 0)
		return -1;
	if (extra != NULL && extra->arrived != 0)
		arrived = extra->arrived;
	if (r->quota > 0 && (extra == NULL || extra->booking == 0)) {
		if (db_queue_count(db, "SELECT count(*) FROM ticket WHERE "
		    "day = ?1 AND service_id = ?2 AND booking_id IS NULL AND "
		    "arrived_at = taken_at", day, service, 0, &count,
		    cause) != 0)
			return -1;
		if (count >= r->quota) {
			*cause = xasprintf(_("Today's %d tickets for this "
			    "service have all been given. Please come back "
			    "on the next working day."), r->quota);
			return -1;
		}
	}
	if (db_queue_insert(db, day, service, priority, arrived, now, &id,
	    cause) != 0)
		return -1;
	if (extra != NULL && (extra->phone != NULL || extra->booking != 0)) {
		if (db_prepare(db, "UPDATE ticket SET phone = ?2, booking_id = "
		    "?3 WHERE id = ?1", &stmt, cause) != 0)
			return -1;
		sqlite3_bind_int64(stmt, 1, id);
		if (extra->phone != NULL)
			sqlite3_bind_text(stmt, 2, extra->phone, -1,
			    SQLITE_TRANSIENT);
		if (extra->booking != 0)
			sqlite3_bind_int64(stmt, 3, extra->booking);
		if (db_queue_exec(db, stmt, cause) != 0)
			return -1;
	}
	if (db_queue_load(db, id, t, cause) != 1)
		return -1;
	label = queue_ticket_label(t);
	if (db_queue_event(db, who, now, id, "take", label, cause) != 0) {
		free(label);
		queue_ticket_clear(t);
		return -1;
	}
	free(label);
	/* Ahead: who waits in this service and would be called first. */
	if (db_queue_count(db, "SELECT count(*) FROM ticket WHERE day = ?1 "
	    "AND service_id = ?2 AND state = 'waiting' AND (arrived_at < "
	    "(SELECT arrived_at FROM ticket WHERE id = ?3) OR (arrived_at = "
	    "(SELECT arrived_at FROM ticket WHERE id = ?3) AND id < ?3))", day,
	    service, id, &count, cause) != 0) {
		queue_ticket_clear(t);
		return -1;
	}
	*ahead = (int)count;
	return 0;
}

int
queue_take_with(struct db *db, const struct queue_rules *r,
    const struct queue_actor *who, const char *code,
    enum ticket_priority priority, time_t now,
    const struct queue_extra *extra, struct ticket *t, int *ahead,
    char **cause)
{
	memset(t, 0, sizeof *t);
	if (db_queue_open(r, now, cause) != 0)
		return -1;
	if (db_begin(db, cause) != 0)
		return -1;
	if (queue_take_locked(db, r, who, code, priority, now, extra, t, ahead,
	    cause) != 0 || db_commit(db, cause) != 0) {
		queue_ticket_clear(t);
		db_rollback(db);
		return -1;
	}
	return 0;
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

static int	 db_queue_act_locked(struct db *, const struct queue_rules *,
		     const struct queue_actor *, enum queue_action, long,
		     enum ticket_outcome, const char *, time_t, struct ticket *,
		     char **);

int
queue_call_next(struct db *db, const struct queue_rules *r,
    const struct queue_actor *who, time_t now, struct ticket *t,
    char **cause)
{
	sqlite3_stmt	*stmt;
	char		 day[11];
	long		 id = 0, known;
	int		 rc;

	memset(t, 0, sizeof *t);
	queue_day(r, now, day);
	if (db_begin(db, cause) != 0)
		return -1;
	if (db_queue_count(db, "SELECT count(*) FROM counter WHERE number = "
	    "?2", "", who->counter, 0, &known, cause) != 0)
		goto rollback;
	if (known == 0) {
		*cause = xasprintf(_("Counter %d is not in the catalog."),
		    who->counter);
		goto rollback;
	}
	/* The longest wait wins; a priority ticket counts a bonus more. */
	if (db_prepare(db, "SELECT t.id FROM ticket t WHERE t.day = ?1 AND "
	    "t.state = 'waiting' AND t.service_id IN (SELECT cs.service_id "
	    "FROM counter_service cs JOIN counter c ON c.id = cs.counter_id "
	    "WHERE c.number = ?2) ORDER BY (?3 - t.arrived_at) + CASE WHEN "
	    "t.priority = 'none' THEN 0 ELSE ?4 END DESC, t.id LIMIT 1",
	    &stmt, cause) != 0)
		goto rollback;
	sqlite3_bind_text(stmt, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 2, who->counter);
	sqlite3_bind_int64(stmt, 3, now);
	sqlite3_bind_int(stmt, 4, r->priority_bonus);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = db_cause(db, rc);
		goto rollback;
	}
	if (id == 0) {
		db_rollback(db);
		return 0;
	}
	if (db_queue_act_locked(db, r, who, QUEUE_CALL, id, OUTCOME_DONE, NULL,
	    now, t, cause) != 0 || db_commit(db, cause) != 0)
		goto rollback;
	return 1;

rollback:
	db_rollback(db);
	return -1;
}

/* The row change for one action, in the caller's transaction. */
static int
db_queue_update(struct db *db, const struct queue_actor *who,
    enum queue_action a, const struct ticket *t, enum ticket_outcome outcome,
    time_t now, char **cause)
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
	sqlite3_stmt	*stmt;
	int		 counter;

	/* Only the desk holding a ticket acts on it; an admin (0) on any. */
	counter = who->counter;
	if (a != QUEUE_CALL && who->counter == 0)
		counter = t->counter;
	if (db_prepare(db, sql[a], &stmt, cause) != 0)
		return -1;
	sqlite3_bind_int64(stmt, 1, t->id);
	sqlite3_bind_int(stmt, 2, counter);
	sqlite3_bind_int64(stmt, 3, now);
	if (a == QUEUE_FINISH)
		sqlite3_bind_text(stmt, 4, queue_outcome_name(outcome), -1,
		    SQLITE_STATIC);
	if (db_queue_exec(db, stmt, cause) != 0)
		return -1;
	if (sqlite3_changes(db->handle) != 1) {
		*cause = xasprintf(_("Ticket %c-%03d is at counter %d, not "
		    "at counter %d."), t->letter, t->number, t->counter,
		    who->counter);
		return -1;
	}
	return 0;
}

/*
 * After a call: a text message for everyone with a phone number who is
 * now among the next QUEUE_NOTIFY_AHEAD of that service, once each.
 * The SMS gateway (a later part) sends what this table holds.
 */
#define QUEUE_NOTIFY_AHEAD	3

static int
db_queue_notify(struct db *db, const struct ticket *called, time_t now,
    char **cause)
{
	sqlite3_stmt	*stmt;

	if (db_prepare(db, "INSERT OR IGNORE INTO outgoing_message (ticket_id, "
	    "phone, body, created_at) SELECT t.id, t.phone, 'Loket: nomor ' || "
	    "s.letter || '-' || printf('%03d', t.number) || ' hampir "
	    "dipanggil, silakan kembali ke ruang tunggu. Your number ' || "
	    "s.letter || '-' || printf('%03d', t.number) || ' is nearly "
	    "called, please come back to the waiting room.', ?3 FROM ticket t "
	    "JOIN service s ON s.id = t.service_id WHERE t.day = ?1 AND "
	    "t.service_id = ?2 AND t.state = 'waiting' AND t.phone IS NOT NULL "
	    "AND (SELECT count(*) FROM ticket u WHERE u.day = t.day AND "
	    "u.service_id = t.service_id AND u.state = 'waiting' AND "
	    "(u.arrived_at < t.arrived_at OR (u.arrived_at = t.arrived_at AND "
	    "u.id < t.id))) < ?4", &stmt, cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, called->day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, called->service);
	sqlite3_bind_int64(stmt, 3, now);
	sqlite3_bind_int(stmt, 4, QUEUE_NOTIFY_AHEAD);
	return db_queue_exec(db, stmt, cause);
}

static const char *const queue_event_kinds[QUEUE_ACTION_COUNT] = {
	"call", "recall", "serve", "finish", "noshow", "park", "resume",
	"transfer"
};

/* One action on one ticket, inside the caller's transaction. */
static int
db_queue_act_locked(struct db *db, const struct queue_rules *r,
    const struct queue_actor *who, enum queue_action a, long id,
    enum ticket_outcome outcome, const char *to_service, time_t now,
    struct ticket *t, char **cause)
{
	struct ticket	 before;
	char		*detail = NULL, day[11];
	long		 to = 0, new_id = 0, known = -1;
	int		 found, rc = -1;

	memset(&before, 0, sizeof before);
	if ((found = db_queue_load(db, id, &before, cause)) != 1) {
		if (found == 0)
			*cause = xasprintf(_("There is no ticket %ld."), id);
		goto out;
	}
	if (!queue_allowed(a, before.state)) {
		*cause = queue_refusal(a, &before);
		goto out;
	}
	if (a == QUEUE_CALL && who->counter < 1) {
		*cause = xstrdup(_("A ticket is called to a counter: give its "
		    "number."));
		goto out;
	}
	if (a == QUEUE_CALL && (db_queue_count(db, "SELECT count(*) FROM "
	    "counter WHERE number = ?2", "", who->counter, 0, &known,
	    cause) != 0 || known == 0)) {
		if (known == 0)
			*cause = xasprintf(_("Counter %d is not in the "
			    "catalog."), who->counter);
		goto out;
	}
	if (a == QUEUE_TRANSFER &&
	    (to = db_queue_service(db, to_service, cause)) == 0)
		goto out;
	if (db_queue_update(db, who, a, &before, outcome, now, cause) != 0)
		goto out;
	if (a == QUEUE_FINISH)
		detail = xstrdup(queue_outcome_name(outcome));
	else if (a == QUEUE_TRANSFER) {
		/* A new ticket in the other service, arrived when this did. */
		queue_day(r, now, day);
		if (db_queue_insert(db, day, to, before.priority,
		    before.arrived, now, &new_id, cause) != 0)
			goto out;
		detail = xasprintf("%s %ld", to_service, new_id);
	} else
		detail = xasprintf("%d", who->counter);
	if (db_queue_event(db, who, now, id, queue_event_kinds[a], detail,
	    cause) != 0)
		goto out;
	if (a == QUEUE_CALL && db_queue_notify(db, &before, now, cause) != 0)
		goto out;
	if (new_id != 0 && db_queue_event(db, who, now, new_id, "take",
	    "transfer", cause) != 0)
		goto out;
	if (db_queue_load(db, new_id != 0 ? new_id : id, t, cause) != 1)
		goto out;
	rc = 0;
out:
	free(detail);
	queue_ticket_clear(&before);
	return rc;
}

int
queue_act(struct db *db, const struct queue_rules *r,
    const struct queue_actor *who, enum queue_action a, long id,
    enum ticket_outcome outcome, const char *to_service, time_t now,
    struct ticket *t, char **cause)
{
	if (db_begin(db, cause) != 0)
		return -1;
	if (db_queue_act_locked(db, r, who, a, id, outcome, to_service, now, t,
	    cause) != 0 || db_commit(db, cause) != 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
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

long
queue_last_event(struct db *db)
{
	sqlite3_stmt	*stmt;
	char		*cause = NULL;
	long		 id = 0;

	if (db_prepare(db, "SELECT coalesce(max(id), 0) FROM event", &stmt,
	    &cause) != 0) {
		free(cause);
		return 0;
	}
	if (sqlite3_step(stmt) == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return id;
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
	return queue_figures_day(db, r, day, counter, f, cause);
}

int
queue_figures_day(struct db *db, const struct queue_rules *r,
    const char *day, int counter, struct queue_figures *f, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc, hour;

	memset(f, 0, sizeof *f);
	f->average_wait = f->average_service = -1;
	if (db_prepare(db, "SELECT "
	    "count(*) FILTER (WHERE state = 'done' AND outcome <> "
	    "  'transferred'), "
	    "count(*) FILTER (WHERE state = 'noshow'), "
	    "count(*) FILTER (WHERE state = 'waiting'), "
	    "avg(called_at - arrived_at) FILTER (WHERE called_at IS NOT NULL), "
	    "avg(finished_at - served_at) FILTER (WHERE state = 'done' AND "
	    "  outcome <> 'transferred') "
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
	if (!stop && rc != SQLITE_DONE) {
		*cause = db_cause(db, rc);
		return -1;
	}
	return stop ? -1 : 0;
}
