/*
 * bench/queue.c -- the baseline for bench/queue: the SQL that `loket ticket
 * take` issues for one ticket (src/office/db-queue.c, queue_take), in a minimal C
 * program linked only with SQLite.
 *
 *   queue-take [-n COUNT] [-t BUSY_MS] DB SERVICE
 *
 * Opens DB (a database made by loket) as loket does -- journal_mode=WAL,
 * synchronous=FULL, foreign_keys=ON, a busy timeout -- and takes COUNT
 * tickets (default 1) for SERVICE, each in one transaction:
 *
 *   BEGIN IMMEDIATE
 *   the active service with that code
 *   INSERT INTO ticket ... (SELECT coalesce(max(number), 0) + 1 ...) RETURNING id
 *   the new ticket read back (loket builds the event's "A-012" from it)
 *   INSERT INTO event ... 'take'
 *   the count of tickets waiting ahead
 *   COMMIT
 *
 * With -n 1 (the default) it is one process per ticket, as loket is; with a
 * larger COUNT it is a long-running taker that prepares its statements once.
 * Prints the last ticket and how many waited ahead of it. Exit 0 on
 * success, 1 if a take failed, 2 on bad usage.
 *
 * Build: cc -O2 -o queue-take bench/queue.c -lsqlite3
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#define TICKET_COLUMNS \
	"t.id, t.day, t.service_id, s.code, s.letter, t.number, t.priority, " \
	"t.state, t.arrived_at, coalesce(t.called_at, 0), " \
	"coalesce(t.served_at, 0), coalesce(t.finished_at, 0), " \
	"coalesce(t.counter, 0), t.calls, t.outcome"

enum {
	S_BEGIN, S_SERVICE, S_INSERT, S_LOAD, S_EVENT, S_AHEAD, S_COMMIT,
	S_ROLLBACK, S_COUNT
};

static const char *const sql[S_COUNT] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_SERVICE] = "SELECT coalesce((SELECT id FROM service WHERE code = ?1 "
	    "AND active), 0)",
	[S_INSERT] = "INSERT INTO ticket (day, service_id, number, priority, "
	    "state, arrived_at, taken_at) VALUES (?1, ?2, (SELECT "
	    "coalesce(max(number), 0) + 1 FROM ticket WHERE day = ?1 AND "
	    "service_id = ?2), ?3, 'waiting', ?4, ?5) RETURNING id",
	[S_LOAD] = "SELECT " TICKET_COLUMNS " FROM ticket t JOIN service s ON "
	    "s.id = t.service_id WHERE t.id = ?1",
	[S_EVENT] = "INSERT INTO event (at, actor, terminal, counter, "
	    "ticket_id, kind, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[S_AHEAD] = "SELECT count(*) FROM ticket WHERE day = ?1 AND "
	    "service_id = ?2 AND state = 'waiting' AND id < ?3",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
};

static sqlite3		*db;
static sqlite3_stmt	*stmt[S_COUNT];
static const char	*path;

static void
fail(const char *what)
{
	fprintf(stderr, "queue-take: %s: %s: %s\n", path, what,
	    db != NULL ? sqlite3_errmsg(db) : "?");
	exit(1);
}

/* Step a statement to its end (or its one row), then reset it. */
static int
step(int i, int want_row)
{
	int	 rc;

	rc = sqlite3_step(stmt[i]);
	if (want_row && rc == SQLITE_ROW)
		return 0;
	if (!want_row && rc == SQLITE_DONE) {
		sqlite3_reset(stmt[i]);
		return 0;
	}
	sqlite3_reset(stmt[i]);
	return -1;
}

/* The office-local day, as loket's default office (WIB, UTC+7) counts it. */
static void
office_day(time_t now, char day[11])
{
	time_t		 local = now + 7 * 3600;
	struct tm	 tm;

	gmtime_r(&local, &tm);
	strftime(day, 11, "%Y-%m-%d", &tm);
}

/* One take; 0 or -1 (rolled back). */
static int
take(const char *code, const char *actor, int *number, char *label,
    size_t labelsize, long *ahead)
{
	char		 day[11];
	const char	*letter;
	time_t		 now = time(NULL);
	long		 service, id;

	office_day(now, day);
	if (step(S_BEGIN, 0) != 0)
		return -1;

	sqlite3_bind_text(stmt[S_SERVICE], 1, code, -1, SQLITE_STATIC);
	if (step(S_SERVICE, 1) != 0)
		goto rollback;
	service = sqlite3_column_int64(stmt[S_SERVICE], 0);
	sqlite3_reset(stmt[S_SERVICE]);
	if (service == 0) {
		fprintf(stderr, "queue-take: no service \"%s\"\n", code);
		goto rollback;
	}

	sqlite3_bind_text(stmt[S_INSERT], 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt[S_INSERT], 2, service);
	sqlite3_bind_text(stmt[S_INSERT], 3, "none", -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt[S_INSERT], 4, now);
	sqlite3_bind_int64(stmt[S_INSERT], 5, now);
	if (step(S_INSERT, 1) != 0)
		goto rollback;
	id = sqlite3_column_int64(stmt[S_INSERT], 0);
	if (sqlite3_step(stmt[S_INSERT]) != SQLITE_DONE) {
		sqlite3_reset(stmt[S_INSERT]);
		goto rollback;
	}
	sqlite3_reset(stmt[S_INSERT]);

	sqlite3_bind_int64(stmt[S_LOAD], 1, id);
	if (step(S_LOAD, 1) != 0)
		goto rollback;
	letter = (const char *)sqlite3_column_text(stmt[S_LOAD], 4);
	*number = sqlite3_column_int(stmt[S_LOAD], 5);
	snprintf(label, labelsize, "%c-%03d", letter != NULL ? letter[0] : '?',
	    *number);
	sqlite3_reset(stmt[S_LOAD]);

	sqlite3_bind_int64(stmt[S_EVENT], 1, now);
	sqlite3_bind_text(stmt[S_EVENT], 2, actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt[S_EVENT], 3, "command", -1, SQLITE_STATIC);
	sqlite3_bind_null(stmt[S_EVENT], 4);
	sqlite3_bind_int64(stmt[S_EVENT], 5, id);
	sqlite3_bind_text(stmt[S_EVENT], 6, "take", -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt[S_EVENT], 7, label, -1, SQLITE_TRANSIENT);
	if (step(S_EVENT, 0) != 0)
		goto rollback;

	sqlite3_bind_text(stmt[S_AHEAD], 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt[S_AHEAD], 2, service);
	sqlite3_bind_int64(stmt[S_AHEAD], 3, id);
	if (step(S_AHEAD, 1) != 0)
		goto rollback;
	*ahead = sqlite3_column_int64(stmt[S_AHEAD], 0);
	sqlite3_reset(stmt[S_AHEAD]);

	if (step(S_COMMIT, 0) != 0)
		goto rollback;
	return 0;

rollback:
	fprintf(stderr, "queue-take: %s: %s\n", path, sqlite3_errmsg(db));
	if (!sqlite3_get_autocommit(db))
		step(S_ROLLBACK, 0);
	return -1;
}

int
main(int argc, char **argv)
{
	sqlite3_stmt	*pragma;
	struct passwd	*pw;
	const char	*actor;
	char		 label[16] = "";
	long		 count = 1, busy_ms = 60000, i, ahead = 0;
	int		 c, k, number = 0;

	while ((c = getopt(argc, argv, "n:t:")) != -1) {
		switch (c) {
		case 'n':
			count = strtol(optarg, NULL, 10);
			break;
		case 't':
			busy_ms = strtol(optarg, NULL, 10);
			break;
		default:
			goto usage;
		}
	}
	if (argc - optind != 2 || count < 1)
		goto usage;
	path = argv[optind];
	/* The actor as loket records it: the user's name. */
	pw = getpwuid(getuid());
	actor = pw != NULL ? pw->pw_name : "?";

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		fail("open");
	sqlite3_busy_timeout(db, (int)busy_ms);
	sqlite3_extended_result_codes(db, 1);
	if (sqlite3_prepare_v2(db, "PRAGMA journal_mode = WAL", -1, &pragma,
	    NULL) != SQLITE_OK || sqlite3_step(pragma) != SQLITE_ROW ||
	    strcmp((const char *)sqlite3_column_text(pragma, 0), "wal") != 0)
		fail("journal_mode = WAL");
	sqlite3_finalize(pragma);
	if (sqlite3_exec(db, "PRAGMA synchronous = FULL; "
	    "PRAGMA foreign_keys = ON;", NULL, NULL, NULL) != SQLITE_OK)
		fail("pragmas");
	for (k = 0; k < S_COUNT; k++) {
		if (sqlite3_prepare_v3(db, sql[k], -1, count > 1 ?
		    SQLITE_PREPARE_PERSISTENT : 0, &stmt[k], NULL) != SQLITE_OK)
			fail(sql[k]);
	}

	for (i = 0; i < count; i++) {
		if (take(argv[optind + 1], actor, &number, label, sizeof label,
		    &ahead) != 0) {
			for (k = 0; k < S_COUNT; k++)
				sqlite3_finalize(stmt[k]);
			sqlite3_close(db);
			return 1;
		}
	}
	printf("Ticket %s; %ld ahead.\n", label, ahead);

	for (k = 0; k < S_COUNT; k++)
		sqlite3_finalize(stmt[k]);
	if (sqlite3_close(db) != SQLITE_OK)
		fail("close");
	return fflush(stdout) == 0 ? 0 : 1;

usage:
	fprintf(stderr, "usage: queue-take [-n COUNT] [-t BUSY_MS] DB "
	    "SERVICE\n");
	return 2;
}
