/*
 * Unit tests: operator logins do not give names away (the same answer,
 * after the same work, for an unknown name, a disabled account and a
 * wrong password), and wrong tries are slowed per terminal and name
 * instead of locking the account.
 */
#include "config.h"

#include <locale.h>

#include "unit.h"
#include "office/auth.h"
#include "office/db.h"

#define REFUSAL	"The name or the password is not right."
#define TRIES	7

static struct db *
users_db(void)
{
	struct db	*db;
	char		*path, *cause = NULL;

	assert_int_equal(auth_init(), 0);
	path = unit_path("auth.db");
	unlink(path);
	db = db_open(path, DB_OPEN_CREATE, 1000, &cause);
	if (db == NULL)
		fail_msg("%s", cause);
	free(path);
	if (auth_add(db, "ani", "rahasia123", 0, &cause) != 0 ||
	    auth_add(db, "budi", "rahasia123", 0, &cause) != 0 ||
	    auth_disable(db, "budi", &cause) != 0)
		fail_msg("%s", cause);
	return db;
}

/* Log in and return the cause, or NULL on success. */
static char *
login(struct db *db, const char *name, const char *password)
{
	char	*cause = NULL;

	if (auth_login(db, name, password, time(NULL), &cause) == 0)
		return NULL;
	assert_non_null(cause);
	return cause;
}

static void
assert_refused(struct db *db, const char *name, const char *password)
{
	char	*cause = login(db, name, password);

	if (cause == NULL)
		fail_msg("%s logged in with \"%s\"", name, password);
	assert_string_equal(cause, REFUSAL);
	free(cause);
}

/* Unknown, disabled, wrong, and wrong many times: one message. */
static void
test_same_message(void **state)
{
	struct db	*db = users_db();
	int		 i;

	(void)state;
	assert_refused(db, "zaki", "rahasia123");
	assert_refused(db, "budi", "rahasia123");
	for (i = 0; i < 8; i++)
		assert_refused(db, "ani", "salah-sekali");
	/* No lock: after all that, the right password still opens it. */
	assert_null(login(db, "ani", "rahasia123"));
	db_close(db);
}

static int
by_value(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Processor time of this process: what the work costs, whatever the load. */
static double
cpu_seconds(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * An unknown name costs as much as a real one: TRIES refused logins of
 * each of a real, an unknown and a disabled name, taken in turn, in
 * processor time (the load of other programs does not count), and their
 * medians within a factor of two. An unknown name that skips the hash
 * costs a hundred times less.
 */
static void
test_same_time(void **state)
{
	static const char *const names[] = { "ani", "zaki", "budi" };
	struct db	*db = users_db();
	double		 took[3][TRIES], median[3], start, low, high;
	char		*cause;
	int		 i, n;

	(void)state;
	assert_true(auth_dummy_matches());
	for (i = 0; i < TRIES; i++) {
		for (n = 0; n < 3; n++) {
			start = cpu_seconds();
			cause = login(db, names[n], "salah-sekali");
			took[n][i] = cpu_seconds() - start;
			free(cause);
		}
	}
	low = high = -1;
	for (n = 0; n < 3; n++) {
		qsort(took[n], TRIES, sizeof took[n][0], by_value);
		median[n] = took[n][TRIES / 2];
		if (low < 0 || median[n] < low)
			low = median[n];
		if (median[n] > high)
			high = median[n];
	}
	if (high > 2 * low)
		fail_msg("medians: real %.1f ms, unknown %.1f ms, disabled "
		    "%.1f ms", median[0] * 1e3, median[1] * 1e3,
		    median[2] * 1e3);
	db_close(db);
}

/* Three free tries, then waits that double, up to the longest. */
static void
test_throttle_grows(void **state)
{
	struct auth_throttle	*t = auth_throttle_new();
	int64_t			 now = 1000000;
	int			 i, expect[] = { 0, 0, 1, 2, 4, 8 };

	(void)state;
	for (i = 0; i < 6; i++) {
		auth_throttle_record(t, "ani", 0, now);
		assert_int_equal(auth_throttle_wait(t, "ani", now), expect[i]);
		/* A name nobody has, typed as often, waits as long. */
		auth_throttle_record(t, "zaki", 0, now);
		assert_int_equal(auth_throttle_wait(t, "zaki", now), expect[i]);
		/* A second less one millisecond: still a second to wait. */
		if (expect[i] > 0)
			assert_int_equal(auth_throttle_wait(t, "ani",
			    now + 1000 * expect[i] - 1), 1);
		now += 1000 * expect[i];
	}
	assert_int_equal(auth_throttle_wait(t, "ani", now), 0);
	for (i = 0; i < 20; i++)
		auth_throttle_record(t, "ani", 0, now);
	assert_int_equal(auth_throttle_wait(t, "ani", now), AUTH_WAIT_MAX);
	/* Other names at this terminal are not slowed. */
	assert_int_equal(auth_throttle_wait(t, "budi", now), 0);
	/* The right password forgets the name. */
	auth_throttle_record(t, "ani", 1, now);
	assert_int_equal(auth_throttle_wait(t, "ani", now), 0);
	auth_throttle_free(t);
}

/* A stranger at one terminal does not slow the operator at another. */
static void
test_throttle_per_terminal(void **state)
{
	struct auth_throttle	*stranger = auth_throttle_new();
	struct auth_throttle	*desk = auth_throttle_new();
	char			 name[16];
	int			 i;

	(void)state;
	for (i = 0; i < 10; i++)
		auth_throttle_record(stranger, "ani", 0, 1000000);
	assert_true(auth_throttle_wait(stranger, "ani", 1000000) > 0);
	assert_int_equal(auth_throttle_wait(desk, "ani", 1000000), 0);
	/* Trying many names forgets the oldest, in bounded memory. */
	for (i = 0; i < 1000; i++) {
		snprintf(name, sizeof name, "n%d", i);
		auth_throttle_record(stranger, name, 0, 1001000 + i);
	}
	auth_throttle_free(stranger);
	auth_throttle_free(desk);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_message),
		cmocka_unit_test(test_same_time),
		cmocka_unit_test(test_throttle_grows),
		cmocka_unit_test(test_throttle_per_terminal),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
