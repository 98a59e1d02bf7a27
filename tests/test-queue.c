/* Unit tests: the queue on a real database: numbers, transitions, rules. */
#include "config.h"

#include <locale.h>

#include "unit-catalog.h"
#include "common/xmalloc.h"
#include "office/db.h"
#include "office/queue.h"

/* 2026-11-27, a Friday, 09:00 WIB. */
#define FRIDAY_9AM	((time_t)1795744800)

static struct queue_actor kiosk = { "kiosk", "test", 0 };

/* A fresh database with the demo catalog; rules open all week. */
static struct db *
queue_db(const char *name, struct queue_rules *r, const char *hours)
{
	struct catalog	*c = unit_demo_read();
	struct db	*db;
	char		*path, *cause = NULL;

	assert_non_null(c);
	path = unit_path(name);
	unlink(path);
	db = db_open(path, DB_OPEN_CREATE, 2000, &cause);
	free(path);
	if (db == NULL || catalog_import(db, c, &cause) != 0)
		fail_msg("%s", cause);
	catalog_free(c);
	memset(r, 0, sizeof *r);
	if (schedule_parse(&r->schedule, "WIB", hours != NULL ? hours : "", "",
	    "2026-12-25", &cause) != 0)
		fail_msg("%s", cause);
	r->restricted = hours != NULL;
	r->priority_bonus = 600;
	return db;
}

static long
take(struct db *db, struct queue_rules *r, const char *service,
    enum ticket_priority p, time_t now, int *number)
{
	struct ticket	 t;
	char		*cause = NULL;
	int		 ahead;
	long		 id;

	if (queue_take(db, r, &kiosk, service, p, now, &t, &ahead, &cause)
	    != 0)
		fail_msg("%s", cause);
	id = t.id;
	if (number != NULL)
		*number = t.number;
	queue_ticket_clear(&t);
	return id;
}

static long
scalar(struct db *db, const char *sql)
{
	sqlite3_stmt	*stmt;
	long		 v;

	assert_int_equal(sqlite3_prepare_v2(db->handle, sql, -1, &stmt, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

static void
test_numbers_per_service_and_day(void **state)
{
	struct queue_rules	 r;
	struct db		*db;
	int			 n;

	(void)state;
	db = queue_db("numbers.db", &r, NULL);
	take(db, &r, "ktp-el-baru", PRIORITY_NONE, FRIDAY_9AM, &n);
	assert_int_equal(n, 1);
	take(db, &r, "ktp-el-baru", PRIORITY_NONE, FRIDAY_9AM + 1, &n);
	assert_int_equal(n, 2);
	take(db, &r, "akta-kelahiran", PRIORITY_NONE, FRIDAY_9AM + 2, &n);
	assert_int_equal(n, 1);			/* its own sequence */
	take(db, &r, "ktp-el-baru", PRIORITY_NONE, FRIDAY_9AM + 86400, &n);
	assert_int_equal(n, 1);			/* a new day starts at 1 */
	assert_int_equal(scalar(db, "SELECT count(*) FROM event WHERE "
	    "kind = 'take'"), 4);
	queue_rules_free(&r);
	db_close(db);
}

static void
test_transitions_are_checked(void **state)
{
	struct queue_rules	 r;
	struct queue_actor	 desk1 = { "ani", "tty1", 1 };
	struct queue_actor	 desk2 = { "budi", "tty2", 2 };
	struct ticket		 t;
	struct db		*db;
	char			*cause = NULL;
	long			 id, service;

	(void)state;
	db = queue_db("transitions.db", &r, NULL);
	id = take(db, &r, "ktp-el-baru", PRIORITY_NONE, FRIDAY_9AM, NULL);
	/* Serving before calling is refused, and names why. */
	assert_int_equal(queue_act(db, &r, &desk1, QUEUE_SERVE, id,
	    OUTCOME_DONE, NULL, FRIDAY_9AM, &t, &cause), -1);
	assert_non_null(strstr(cause, "still waiting"));
	free(cause);
	assert_int_equal(queue_call_next(db, &r, &desk1, FRIDAY_9AM + 60, &t,
	    &cause), 1);
	assert_int_equal(t.id, id);
	assert_int_equal(t.state, TICKET_CALLED);
	queue_ticket_clear(&t);
	/* A second desk can neither call nor serve it. */
	assert_int_equal(queue_act(db, &r, &desk2, QUEUE_CALL, id,
	    OUTCOME_DONE, NULL, FRIDAY_9AM, &t, &cause), -1);
	assert_non_null(strstr(cause, "already called by counter 1"));
	free(cause);
	assert_int_equal(queue_act(db, &r, &desk2, QUEUE_SERVE, id,
	    OUTCOME_DONE, NULL, FRIDAY_9AM, &t, &cause), -1);
	assert_non_null(strstr(cause, "at counter 1"));
	free(cause);
	assert_int_equal(queue_act(db, &r, &desk1, QUEUE_SERVE, id,
	    OUTCOME_DONE, NULL, FRIDAY_9AM + 120, &t, &cause), 0);
	queue_ticket_clear(&t);
	assert_int_equal(queue_act(db, &r, &desk1, QUEUE_PARK, id,
	    OUTCOME_DONE, NULL, FRIDAY_9AM + 130, &t, &cause), 0);
	assert_int_equal(t.state, TICKET_PARKED);
	queue_ticket_clear(&t);
	assert_int_equal(queue_act(db, &r, &desk1, QUEUE_RESUME, id,
	    OUTCOME_DONE, NULL, FRIDAY_9AM + 140, &t, &cause), 0);
	queue_ticket_clear(&t);
	assert_int_equal(queue_act(db, &r, &desk1, QUEUE_FINISH, id,
	    OUTCOME_INCOMPLETE, NULL, FRIDAY_9AM + 420, &t, &cause), 0);
	assert_int_equal(t.state, TICKET_DONE);
	assert_int_equal(t.outcome, OUTCOME_INCOMPLETE);
	service = t.service;
	queue_ticket_clear(&t);
	assert_int_equal(queue_act(db, &r, &desk1, QUEUE_FINISH, id,
	    OUTCOME_DONE, NULL, FRIDAY_9AM + 430, &t, &cause), -1);
	assert_non_null(strstr(cause, "finished"));
	free(cause);
	/* Six events: take, call, serve, park, resume, finish. */
	assert_int_equal(scalar(db, "SELECT count(*) FROM event"), 6);
	/* Service took 300 s: the estimate for one ahead is two of them. */
	assert_int_equal(queue_estimate(db, service, 1), 2 * 300 / scalar(db,
	    "SELECT count(*) FROM counter_service WHERE service_id = 1"));
	queue_rules_free(&r);
	db_close(db);
}

static void
test_priority_weighted_never_starves(void **state)
{
	struct queue_rules	 r;
	struct queue_actor	 desk = { "ani", "tty1", 1 };
	struct ticket		 t;
	struct db		*db;
	char			*cause = NULL;
	long			 normal, urgent, late;

	(void)state;
	db = queue_db("priority.db", &r, NULL);
	normal = take(db, &r, "ktp-el-baru", PRIORITY_NONE, FRIDAY_9AM, NULL);
	urgent = take(db, &r, "ktp-el-baru", PRIORITY_ELDERLY,
	    FRIDAY_9AM + 300, NULL);
	/* 5 minutes later the elderly (bonus 10 min) goes first... */
	assert_int_equal(queue_call_next(db, &r, &desk, FRIDAY_9AM + 360, &t,
	    &cause), 1);
	assert_int_equal(t.id, urgent);
	queue_ticket_clear(&t);
	assert_int_equal(queue_act(db, &r, &desk, QUEUE_FINISH, urgent,
	    OUTCOME_DONE, NULL, FRIDAY_9AM + 400, &t, &cause), 0);
	queue_ticket_clear(&t);
	/* ...but one who waited longer than the bonus is not passed again. */
	late = take(db, &r, "ktp-el-baru", PRIORITY_DISABLED,
	    FRIDAY_9AM + 900, NULL);
	assert_int_equal(queue_call_next(db, &r, &desk, FRIDAY_9AM + 901, &t,
	    &cause), 1);
	assert_int_equal(t.id, normal);
	queue_ticket_clear(&t);
	assert_int_equal(queue_act(db, &r, &desk, QUEUE_FINISH, normal,
	    OUTCOME_DONE, NULL, FRIDAY_9AM + 960, &t, &cause), 0);
	queue_ticket_clear(&t);
	/* The priority ticket waited behind the older one, and comes next. */
	assert_int_equal(queue_call_next(db, &r, &desk, FRIDAY_9AM + 961, &t,
	    &cause), 1);
	assert_int_equal(t.id, late);
	queue_ticket_clear(&t);
	queue_rules_free(&r);
	db_close(db);
}

static void
test_transfer_keeps_arrival(void **state)
{
	struct queue_rules	 r;
	struct queue_actor	 desk = { "ani", "tty1", 1 };
	struct ticket		 t;
	struct db		*db;
	char			*cause = NULL;
	long			 id;

	(void)state;
	db = queue_db("transfer.db", &r, NULL);
	id = take(db, &r, "ktp-el-baru", PRIORITY_NONE, FRIDAY_9AM, NULL);
	assert_int_equal(queue_call_next(db, &r, &desk, FRIDAY_9AM + 60, &t,
	    &cause), 1);
	queue_ticket_clear(&t);
	assert_int_equal(queue_act(db, &r, &desk, QUEUE_TRANSFER, id,
	    OUTCOME_DONE, "nosuch", FRIDAY_9AM + 70, &t, &cause), -1);
	assert_non_null(strstr(cause, "nosuch"));
	free(cause);
	assert_int_equal(queue_act(db, &r, &desk, QUEUE_TRANSFER, id,
	    OUTCOME_DONE, "kartu-keluarga", FRIDAY_9AM + 80, &t, &cause), 0);
	assert_int_equal(t.letter, 'C');
	assert_int_equal(t.state, TICKET_WAITING);
	assert_int_equal(t.arrived, FRIDAY_9AM);	/* not 9:01 */
	queue_ticket_clear(&t);
	assert_int_equal(scalar(db, "SELECT outcome = 'transferred' FROM "
	    "ticket WHERE id = 1"), 1);
	queue_rules_free(&r);
	db_close(db);
}

static void
test_hours_holidays_and_quota(void **state)
{
	struct queue_rules	 r;
	struct ticket		 t;
	struct db		*db;
	char			*cause = NULL;
	int			 ahead;
	time_t			 sunday = FRIDAY_9AM + 2 * 86400;
	time_t			 christmas = 1798164000;	/* 09:00 WIB */

	(void)state;
	db = queue_db("hours.db", &r, "mon-fri 08:00-15:00");
	assert_int_equal(queue_take(db, &r, &kiosk, "ktp-el-baru",
	    PRIORITY_NONE, sunday, &t, &ahead, &cause), -1);
	assert_non_null(strstr(cause, "closed now"));
	assert_non_null(strstr(cause, "Monday 08:00 WIB"));
	free(cause);
	assert_int_equal(queue_take(db, &r, &kiosk, "ktp-el-baru",
	    PRIORITY_NONE, christmas, &t, &ahead, &cause), -1);
	assert_non_null(strstr(cause, "holiday"));
	free(cause);
	r.quota = 2;
	take(db, &r, "ktp-el-baru", PRIORITY_NONE, FRIDAY_9AM, NULL);
	take(db, &r, "ktp-el-baru", PRIORITY_NONE, FRIDAY_9AM, NULL);
	assert_int_equal(queue_take(db, &r, &kiosk, "ktp-el-baru",
	    PRIORITY_NONE, FRIDAY_9AM, &t, &ahead, &cause), -1);
	assert_non_null(strstr(cause, "2 tickets"));
	free(cause);
	take(db, &r, "akta-kelahiran", PRIORITY_NONE, FRIDAY_9AM, NULL);
	assert_int_equal(scalar(db, "SELECT count(*) FROM ticket"), 3);
	queue_rules_free(&r);
	db_close(db);
}

static void
test_event_log_is_append_only(void **state)
{
	struct queue_rules	 r;
	struct db		*db;

	(void)state;
	db = queue_db("events.db", &r, NULL);
	take(db, &r, "ktp-el-baru", PRIORITY_NONE, FRIDAY_9AM, NULL);
	assert_int_not_equal(sqlite3_exec(db->handle, "DELETE FROM event",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db->handle, "UPDATE event SET "
	    "kind = 'x'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(scalar(db, "SELECT count(*) FROM event WHERE "
	    "kind = 'take'"), 1);
	queue_rules_free(&r);
	db_close(db);
}

/* A counter holds one current ticket: a second call is refused by name. */
static void
test_counter_holds_one_ticket(void **state)
{
	struct queue_rules	 r;
	struct queue_actor	 desk = { "ani", "tty1", 1 };
	struct ticket		 t;
	struct db		*db;
	char			*cause = NULL;
	long			 first, second;

	(void)state;
	db = queue_db("one-current.db", &r, NULL);
	first = take(db, &r, "ktp-el-baru", PRIORITY_NONE, FRIDAY_9AM, NULL);
	second = take(db, &r, "ktp-el-baru", PRIORITY_NONE, FRIDAY_9AM + 1,
	    NULL);
	assert_int_equal(queue_call_next(db, &r, &desk, FRIDAY_9AM + 60, &t,
	    &cause), 1);
	assert_int_equal(t.id, first);
	queue_ticket_clear(&t);
	/* The double press: refused, naming the ticket the counter holds. */
	assert_int_equal(queue_call_next(db, &r, &desk, FRIDAY_9AM + 61, &t,
	    &cause), DB_REFUSED);
	assert_non_null(strstr(cause, "A-001"));
	free(cause);
	cause = NULL;
	assert_int_equal(queue_act(db, &r, &desk, QUEUE_CALL, second,
	    OUTCOME_DONE, NULL, FRIDAY_9AM + 62, &t, &cause), DB_REFUSED);
	assert_non_null(strstr(cause, "A-001"));
	free(cause);
	cause = NULL;
	assert_int_equal(scalar(db, "SELECT count(*) FROM ticket WHERE "
	    "state = 'waiting'"), 1);
	/* Parked, it no longer holds the counter; resuming it would. */
	assert_int_equal(queue_act(db, &r, &desk, QUEUE_SERVE, first,
	    OUTCOME_DONE, NULL, FRIDAY_9AM + 70, &t, &cause), 0);
	queue_ticket_clear(&t);
	assert_int_equal(queue_act(db, &r, &desk, QUEUE_PARK, first,
	    OUTCOME_DONE, NULL, FRIDAY_9AM + 80, &t, &cause), 0);
	queue_ticket_clear(&t);
	assert_int_equal(queue_call_next(db, &r, &desk, FRIDAY_9AM + 90, &t,
	    &cause), 1);
	assert_int_equal(t.id, second);
	queue_ticket_clear(&t);
	assert_int_equal(queue_act(db, &r, &desk, QUEUE_RESUME, first,
	    OUTCOME_DONE, NULL, FRIDAY_9AM + 95, &t, &cause), DB_REFUSED);
	assert_non_null(strstr(cause, "A-002"));
	free(cause);
	assert_int_equal(scalar(db, "SELECT count(*) FROM ticket WHERE "
	    "counter = 1 AND state IN ('called', 'serving')"), 1);
	queue_rules_free(&r);
	db_close(db);
}

/* People ahead: what the calling order puts first, in both lanes. */
static void
test_ahead_follows_the_calling_order(void **state)
{
	struct queue_rules	 r;
	struct queue_actor	 desk = { "ani", "tty1", 1 };
	struct ticket		 t;
	struct db		*db;
	char			*cause = NULL;
	int			 ahead, i;

	(void)state;
	db = queue_db("ahead.db", &r, NULL);
	for (i = 0; i < 5; i++)
		take(db, &r, "ktp-el-baru", PRIORITY_NONE, FRIDAY_9AM + i * 60,
		    NULL);
	/* Arrived 5 minutes after the first; the bonus is 10 minutes. */
	assert_int_equal(queue_take(db, &r, &kiosk, "ktp-el-baru",
	    PRIORITY_ELDERLY, FRIDAY_9AM + 300, &t, &ahead, &cause), 0);
	assert_int_equal(ahead, 0);
	queue_ticket_clear(&t);
	assert_int_equal(queue_take(db, &r, &kiosk, "ktp-el-baru",
	    PRIORITY_NONE, FRIDAY_9AM + 310, &t, &ahead, &cause), 0);
	assert_int_equal(ahead, 6);
	queue_ticket_clear(&t);
	/* And the desk calls the elderly citizen first, as promised. */
	assert_int_equal(queue_call_next(db, &r, &desk, FRIDAY_9AM + 320, &t,
	    &cause), 1);
	assert_int_equal(t.priority, PRIORITY_ELDERLY);
	queue_ticket_clear(&t);
	queue_rules_free(&r);
	db_close(db);
}

/* A refusal and a database that cannot be used return different codes. */
static void
test_refused_is_not_failed(void **state)
{
	struct queue_rules	 r;
	struct ticket		 t;
	struct db		*db;
	sqlite3			*other;
	char			*cause = NULL, *path;
	int			 ahead;

	(void)state;
	db = queue_db("kinds.db", &r, NULL);
	assert_int_equal(queue_take(db, &r, &kiosk, "no-such-service",
	    PRIORITY_NONE, FRIDAY_9AM, &t, &ahead, &cause), DB_REFUSED);
	assert_non_null(strstr(cause, "no-such-service"));
	free(cause);
	cause = NULL;
	/* Another program holds the write lock past the busy timeout. */
	db->busy_ms = 100;
	sqlite3_busy_timeout(db->handle, 100);
	path = unit_path("kinds.db");
	assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
	free(path);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL,
	    NULL), SQLITE_OK);
	assert_int_equal(queue_take(db, &r, &kiosk, "ktp-el-baru",
	    PRIORITY_NONE, FRIDAY_9AM, &t, &ahead, &cause), DB_FAILED);
	assert_non_null(strstr(cause, "locked"));
	free(cause);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	queue_rules_free(&r);
	db_close(db);
}

/* Mobile numbers: from 0, or from +62 and kept from 0. */
static void
test_phone_numbers(void **state)
{
	static const struct {
		const char	*typed;
		const char	*kept;		/* NULL: refused */
	} cases[] = {
		{ "081234567890", "081234567890" },
		{ "+6281234567890", "081234567890" },
		{ "+62812345", NULL },			/* 7 digits from 0 */
		{ "+628123456", "08123456" },
		{ "+620812345678", NULL },		/* +62 then 0 */
		{ "6281234567890", NULL },		/* no + */
		{ "+6512345678", NULL },		/* not Indonesia */
		{ "+62", NULL },
		{ "+62812-3456-789", NULL },
		{ "0812345", NULL },
		{ "0812345678901234", NULL },		/* 16 digits */
		{ "12345678", NULL },
		{ "", NULL },
	};
	size_t	 i;
	char	*kept;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		kept = queue_phone_normalise(cases[i].typed);
		if (cases[i].kept == NULL && kept != NULL)
			fail_msg("\"%s\" taken as \"%s\"", cases[i].typed,
			    kept);
		if (cases[i].kept != NULL && (kept == NULL ||
		    strcmp(kept, cases[i].kept) != 0))
			fail_msg("\"%s\" kept as \"%s\", not \"%s\"",
			    cases[i].typed, kept != NULL ? kept : "(refused)",
			    cases[i].kept);
		assert_int_equal(queue_phone_valid(cases[i].typed),
		    cases[i].kept != NULL);
		free(kept);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_per_service_and_day),
		cmocka_unit_test(test_transitions_are_checked),
		cmocka_unit_test(test_priority_weighted_never_starves),
		cmocka_unit_test(test_transfer_keeps_arrival),
		cmocka_unit_test(test_hours_holidays_and_quota),
		cmocka_unit_test(test_event_log_is_append_only),
		cmocka_unit_test(test_counter_holds_one_ticket),
		cmocka_unit_test(test_ahead_follows_the_calling_order),
		cmocka_unit_test(test_refused_is_not_failed),
		cmocka_unit_test(test_phone_numbers),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
