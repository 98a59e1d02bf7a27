/* Store: bookings, their capacity, check-in and expiry. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "common/i18n.h"
#include "common/log.h"
#include "common/xmalloc.h"
#include "office/booking.h"
#include "office/db.h"
#include "office/feed.h"
#include "office/outbox.h"
#include "office/queue.h"

/* randombytes_uniform with the signature booking_code_new wants. */
static unsigned
db_booking_random(unsigned upper)
{
	return randombytes_uniform(upper);
}

int
booking_free_places(struct db *db, const struct booking_rules *b,
    long service, time_t slot, char **cause)
{
	long	 taken;

	if (db_query_long(db, &taken, cause, "SELECT count(*) FROM booking "
	    "WHERE service_id = ?1 AND slot = ?2 AND state <> 'expired'", "ii",
	    service, (long)slot) != 1)
		return DB_FAILED;
	return taken >= b->capacity ? 0 : b->capacity - (int)taken;
}

/*
 * Append an event about a booking (and its ticket, if any) to the event
 * log and seal it into the outbox, in the caller's transaction.
 */
static int
db_booking_event(struct db *db, const char *actor, time_t now, long booking,
    long ticket, const char *kind, const char *detail, char **cause)
{
	int	 rc;

	if ((rc = db_change(db, cause, "INSERT INTO event (at, actor, "
	    "terminal, ticket_id, booking_id, kind, detail) VALUES (?1, ?2, "
	    "'booking', nullif(?3, 0), ?4, ?5, ?6)", "itiitt", (long)now, actor,
	    ticket, booking, kind, detail)) != 0)
		return rc;
	return outbox_seal(db, cause);
}

/* "KTP 2026-12-01 09:00": a booking's service and slot, for its events. */
static char *
db_booking_detail(const struct booking_rules *b, const char *service,
    time_t slot)
{
	char	*when = schedule_describe(&b->schedule, slot), *detail;

	detail = xasprintf("%s %s", service, when);
	free(when);
	return detail;
}

/* Is slot one of the slots of its day, and not past? */
static int
db_booking_valid_slot(const struct booking_rules *b, time_t slot,
    time_t now)
{
	time_t	*slots, midnight;
	size_t	 n, i;
	int	 found = 0;

	midnight = schedule_next_midnight(&b->schedule, slot) - 86400;
	if (slot - midnight > (time_t)b->days * 86400 + 86400 ||
	    midnight > now + (time_t)b->days * 86400)
		return 0;
	n = booking_slots(b, midnight, now, &slots);
	for (i = 0; i < n && !found; i++)
		found = slots[i] == slot;
	free(slots);
	return found;
}

int
booking_make(struct db *db, const struct booking_rules *b,
    const char *service_code, time_t slot, const char *phone, enum lang lang,
    time_t now, struct booking *out, char **cause)
{
	sqlite3_stmt	*stmt;
	char		*detail;
	long		 service;
	int		 rc, tries, status = DB_REFUSED, places;

	memset(out, 0, sizeof *out);
	if (sodium_init() < 0) {
		*cause = xstrdup(_("The random number source cannot start."));
		return DB_FAILED;
	}
	if (!db_booking_valid_slot(b, slot, now)) {
		*cause = xstrdup(_("That time cannot be booked: choose one of "
		    "the slots offered."));
		return DB_REFUSED;
	}
	if ((status = db_begin(db, cause)) != 0)
		return status;
	status = db_query_long(db, &service, cause, "SELECT id FROM service "
	    "WHERE code = ?1 AND active", "t", service_code);
	if (status == 0) {
		*cause = xasprintf(_("There is no service \"%s\"."),
		    service_code);
		status = DB_REFUSED;
	}
	if (status < 0)
		goto rollback;
	places = booking_free_places(db, b, service, slot, cause);
	if ((status = places < 0 ? places : DB_REFUSED) == DB_FAILED)
		goto rollback;
	if (places == 0) {
		*cause = xstrdup(_("That time is fully booked. Please choose "
		    "another time."));
		goto rollback;
	}
	schedule_day(&b->schedule, slot, out->day);
	/* The centre's holidays as they are now, not as the rules began. */
	if ((status = feed_holiday(db, out->day, cause)) == 1) {
		*cause = xasprintf(_("%s is a holiday: please choose another "
		    "day."), out->day);
		status = DB_REFUSED;
	}
	if (status != 0)
		goto rollback;
	status = DB_FAILED;	/* from here, only the store can fail */
	/* A new random code; on the rare clash, draw again. */
	for (tries = 0; tries < 10; tries++) {
		booking_code_new(out->code, db_booking_random);
		if (db_prepare(db, "INSERT INTO booking (code, service_id, day, "
		    "slot, phone, created_at, lang) VALUES (?1, ?2, ?3, ?4, ?5, "
		    "?6, ?7) RETURNING id", &stmt, cause) != 0)
			goto rollback;
		sqlite3_bind_text(stmt, 1, out->code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(stmt, 2, service);
		sqlite3_bind_text(stmt, 3, out->day, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(stmt, 4, slot);
		if (phone != NULL)
			sqlite3_bind_text(stmt, 5, phone, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(stmt, 6, now);
		sqlite3_bind_text(stmt, 7, i18n_code(lang), -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW)
			out->id = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
		if (rc == SQLITE_ROW)
			break;
		if ((rc & 0xff) != SQLITE_CONSTRAINT) {
			db_fail(db, rc, cause);
			goto rollback;
		}
	}
	if (out->id == 0) {
		*cause = xstrdup(_("No free booking code was found; try "
		    "again."));
		goto rollback;
	}
	detail = db_booking_detail(b, service_code, slot);
	rc = db_booking_event(db, "citizen", now, out->id, 0, "book", detail,
	    cause);
	free(detail);
	if (rc != 0 || db_commit(db, cause) != 0)
		goto rollback;
	out->service = service;
	out->service_code = xstrdup(service_code);
	out->slot = slot;
	out->state = BOOKING_BOOKED;
	log_info("booking %s for %s", out->code, service_code);
	return 0;

rollback:
	db_rollback(db);
	memset(out, 0, sizeof *out);
	return status;
}

int
booking_expire(struct db *db, const struct booking_rules *b, time_t now)
{
	char	*cause = NULL;
	int	 expired;

	/* Best effort: a failure is logged (db_fail), and tried next time. */
	if (db_begin(db, &cause) != 0)
		goto fail;
	if (db_change(db, &cause, "INSERT INTO event (at, actor, terminal, "
	    "booking_id, kind) SELECT ?2, 'loket', 'booking', id, 'expire' "
	    "FROM booking WHERE state = 'booked' AND slot + ?1 < ?2 ORDER BY "
	    "id", "ii", (long)b->grace * 60, (long)now) != 0 ||
	    db_change(db, &cause, "UPDATE booking SET state = 'expired', "
	    "phone = NULL WHERE state = 'booked' AND slot + ?1 < ?2", "ii",
	    (long)b->grace * 60, (long)now) != 0)
		goto rollback;
	expired = sqlite3_changes(db->handle);
	if (outbox_seal(db, &cause) != 0 || db_commit(db, &cause) != 0)
		goto rollback;
	return expired;
rollback:
	db_rollback(db);
fail:
	free(cause);
	return 0;
}

int
booking_checkin(struct db *db, const struct booking_rules *b,
    const struct queue_rules *r, const char *typed, time_t now,
    struct ticket *t, int *ahead, char **cause)
{
	struct queue_actor	 kiosk = { "kiosk", "checkin", 0 };
	struct queue_extra	 extra;
	sqlite3_stmt		*stmt;
	char			 code[BOOKING_CODE_MAX + 1], today[11];
	char			*service = NULL, *state = NULL, *day = NULL;
	char			*phone = NULL, shown[BOOKING_CODE_SHOWN];
	char			*detail;
	time_t			 slot = 0;
	long			 id = 0;
	int			 rc, status = DB_FAILED;

	memset(t, 0, sizeof *t);
	switch (booking_code_parse(typed, code)) {
	case 0:
		break;
	case BOOKING_CODE_BAD_CHECK:
		*cause = xstrdup(_("That booking code is not right: a digit is "
		    "wrong or two are swapped. Check it against your booking "
		    "and type it again, or ask at the information desk."));
		return DB_REFUSED;
	default:
		*cause = xstrdup(_("That is not a booking code: a code has 10 "
		    "digits, such as 2736-1048-53. Check it against your "
		    "booking, or ask at the information desk."));
		return DB_REFUSED;
	}
	booking_code_format(code, shown);
	booking_expire(db, b, now);
	if (db_begin(db, cause) != 0)
		return DB_FAILED;
	if (db_prepare(db, "SELECT b.id, s.code, b.state, b.day, b.slot, "
	    "b.phone FROM booking b JOIN service s ON s.id = b.service_id "
	    "WHERE b.code = ?1", &stmt, cause) != 0)
		goto rollback;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(stmt, 0);
		service = db_column_text(stmt, 1);
		state = db_column_text(stmt, 2);
		day = db_column_text(stmt, 3);
		slot = sqlite3_column_int64(stmt, 4);
		if (sqlite3_column_type(stmt, 5) != SQLITE_NULL)
			phone = db_column_text(stmt, 5);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail(db, rc, cause);
		goto rollback;
	}
	status = DB_REFUSED;
	queue_day(r, now, today);
	if (id == 0) {
		*cause = xasprintf(_("There is no booking %s. Check the code's "
		    "digits and that the booking is for today; the "
		    "information desk can help."), shown);
		goto rollback;
	}
	if (strcmp(state, "checked_in") == 0) {
		*cause = xasprintf(_("Booking %s has already been used."),
		    shown);
		goto rollback;
	}
	if (strcmp(state, "expired") == 0) {
		*cause = xasprintf(_("Booking %s has expired: it was not "
		    "checked in on time. Please take a queue number."), shown);
		goto rollback;
	}
	if (strcmp(day, today) != 0) {
		*cause = xasprintf(_("Booking %s is for %s, not for today."),
		    shown, day);
		goto rollback;
	}
	if (now < slot - (time_t)b->early * 60) {
		*cause = xasprintf(ngettext("Booking %s opens for check-in %d "
		    "minute before its time.", "Booking %s opens for check-in "
		    "%d minutes before its time.", b->early), shown, b->early);
		goto rollback;
	}
	memset(&extra, 0, sizeof extra);
	extra.phone = phone;
	extra.booking = id;
	extra.arrived = b->jump && slot < now ? slot : now;
	if ((status = queue_take_locked(db, r, &kiosk, service, PRIORITY_NONE,
	    now, &extra, t, ahead, cause)) != 0)
		goto rollback;
	/* The row was read in this transaction: it changes, or the store
	 * failed. Its phone number, if any, went to the ticket. */
	if ((status = db_change(db, cause, "UPDATE booking SET state = "
	    "'checked_in', ticket_id = ?2, phone = NULL WHERE id = ?1 AND "
	    "state = 'booked'", "ii", id, t->id)) != 0)
		goto rollback;
	detail = db_booking_detail(b, service, slot);
	status = db_booking_event(db, "kiosk", now, id, t->id, "checkin",
	    detail, cause);
	free(detail);
	if (status != 0)
		goto rollback;
	if ((status = db_commit(db, cause)) != 0)
		goto rollback;
	free(service);
	free(state);
	free(day);
	free(phone);
	return 0;

rollback:
	queue_ticket_clear(t);
	db_rollback(db);
	free(service);
	free(state);
	free(day);
	free(phone);
	return status;
}

int
booking_read(struct db *db, long id, struct booking *k, char **cause)
{
	sqlite3_stmt	*stmt;
	const char	*text;
	int		 rc;

	memset(k, 0, sizeof *k);
	if ((rc = db_prepare(db, "SELECT b.code, s.id, s.code, b.day, b.slot, "
	    "b.state FROM booking b JOIN service s ON s.id = b.service_id "
	    "WHERE b.id = ?1", &stmt, cause)) != 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		k->id = id;
		text = (const char *)sqlite3_column_text(stmt, 0);
		snprintf(k->code, sizeof k->code, "%s", text != NULL ? text :
		    "");
		k->service = sqlite3_column_int64(stmt, 1);
		k->service_code = db_column_text(stmt, 2);
		text = (const char *)sqlite3_column_text(stmt, 3);
		snprintf(k->day, sizeof k->day, "%s", text != NULL ? text : "");
		k->slot = sqlite3_column_int64(stmt, 4);
		text = (const char *)sqlite3_column_text(stmt, 5);
		k->state = text == NULL ? BOOKING_BOOKED :
		    strcmp(text, "checked_in") == 0 ? BOOKING_CHECKED_IN :
		    strcmp(text, "expired") == 0 ? BOOKING_EXPIRED :
		    BOOKING_BOOKED;
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return db_fail(db, rc, cause);
}
