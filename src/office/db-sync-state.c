/*
 * Store: the sync agent's state, one row per key in sync_state, and the
 * figures of the outbox it reports. Each change is one transaction.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xmalloc.h"
#include "office/db.h"
#include "office/outbox.h"

#define OUTBOX_SET \
	"INSERT INTO sync_state (key, value) VALUES (?1, ?2) ON CONFLICT " \
	"(key) DO UPDATE SET value = excluded.value"

/* Set keys and values (NULL-terminated pairs) in the caller's transaction. */
static int
outbox_set(struct db *db, char **cause, const char *const *pairs)
{
	int	 rc = 0;

	for (; rc == 0 && pairs[0] != NULL; pairs += 2)
		rc = db_change(db, cause, OUTBOX_SET, "tt", pairs[0], pairs[1]);
	return rc;
}

/* Set pairs in a transaction of their own. */
static int
outbox_set_all(struct db *db, char **cause, const char *const *pairs)
{
	int	 rc;

	if ((rc = db_begin(db, cause)) != 0)
		return rc;
	if ((rc = outbox_set(db, cause, pairs)) != 0 ||
	    (rc = db_commit(db, cause)) != 0)
		db_rollback(db);
	return rc;
}

/* Where each key of sync_state goes in struct outbox_state. */
static const struct {
	const char	*key;
	size_t		 offset;
	int		 text;		/* 1 char *, 0 a number */
	int		 is_time;	/* the number is a time_t */
} outbox_fields[] = {
	{ "centre", offsetof(struct outbox_state, centre), 1, 0 },
	{ "office", offsetof(struct outbox_state, office), 1, 0 },
	{ "token", offsetof(struct outbox_state, token), 1, 0 },
	{ "centre_key", offsetof(struct outbox_state, centre_key), 1, 0 },
	{ "generation", offsetof(struct outbox_state, generation), 1, 0 },
	{ "last_error", offsetof(struct outbox_state, last_error), 1, 0 },
	{ "cursor", offsetof(struct outbox_state, cursor), 0, 0 },
	{ "pushed", offsetof(struct outbox_state, pushed), 0, 0 },
	{ "conflicts", offsetof(struct outbox_state, conflicts), 0, 0 },
	{ "rejected", offsetof(struct outbox_state, rejected), 0, 0 },
	{ "last_success", offsetof(struct outbox_state, last_success), 0, 1 },
	{ "last_attempt", offsetof(struct outbox_state, last_attempt), 0, 1 },
	{ "next_try", offsetof(struct outbox_state, next_try), 0, 1 },
	{ "clock_at", offsetof(struct outbox_state, clock_at), 0, 1 },
	{ "clock_offset", offsetof(struct outbox_state, clock_offset), 0, 0 },
};

/* One key of the state into st; unknown keys are left alone. */
static void
outbox_state_field(struct outbox_state *st, const char *key, const char *v)
{
	char	*at = (char *)st, **text;
	size_t	 i;

	for (i = 0; i < sizeof outbox_fields / sizeof outbox_fields[0]; i++) {
		if (strcmp(key, outbox_fields[i].key) != 0)
			continue;
		at += outbox_fields[i].offset;
		if (outbox_fields[i].text) {
			text = (char **)(void *)at;
			free(*text);
			*text = *v != '\0' ? xstrdup(v) : NULL;
		} else if (outbox_fields[i].is_time)
			*(time_t *)(void *)at = strtoll(v, NULL, 10);
		else
			*(long *)(void *)at = strtol(v, NULL, 10);
		return;
	}
}

int
outbox_state_read(struct db *db, struct outbox_state *st, char **cause)
{
	sqlite3_stmt	*stmt;
	long		 oldest;
	int		 rc;

	memset(st, 0, sizeof *st);
	if ((rc = db_prepare(db, "SELECT key, value FROM sync_state", &stmt,
	    cause)) != 0)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		outbox_state_field(st, (const char *)sqlite3_column_text(stmt,
		    0), (const char *)sqlite3_column_text(stmt, 1));
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, cause);
	/* Waiting: sealed and not pushed, and events not sealed yet. */
	if ((rc = db_query_long(db, &st->pending, cause, "SELECT (SELECT "
	    "count(*) FROM outbox WHERE seq > ?1) + (SELECT count(*) FROM "
	    "event WHERE id > (SELECT coalesce(max(event_id), 0) FROM "
	    "outbox))", "i", st->pushed)) < 0)
		return rc;
	if ((rc = db_query_long(db, &oldest, cause, "SELECT e.at FROM outbox o "
	    "JOIN event e ON e.id = o.event_id WHERE o.seq > ?1 ORDER BY "
	    "o.seq LIMIT 1", "i", st->pushed)) < 0)
		return rc;
	st->oldest = rc == 1 ? (time_t)oldest : 0;
	return 0;
}

void
outbox_state_clear(struct outbox_state *st)
{
	free(st->centre);
	free(st->office);
	free(st->token);
	free(st->centre_key);
	free(st->generation);
	free(st->last_error);
	memset(st, 0, sizeof *st);
}

int
outbox_enrol(struct db *db, const struct outbox_state *st, char **cause)
{
	const char *const pairs[] = {
		"centre", st->centre, "office", st->office, "token", st->token,
		"centre_key", st->centre_key, "generation", st->generation,
		"cursor", "0", "pushed", "0", "conflicts", "0", "rejected", "0",
		"last_error", "", NULL
	};

	return outbox_set_all(db, cause, pairs);
}

int
outbox_pushed(struct db *db, long seq, long conflicts, long rejected,
    char **cause)
{
	char	 s[32], c[32], r[32];
	long	 had_conflicts = 0, had_rejected = 0;
	int	 rc;

	if ((rc = db_begin(db, cause)) != 0)
		return rc;
	if ((rc = db_query_long(db, &had_conflicts, cause, "SELECT CAST(value "
	    "AS INTEGER) FROM sync_state WHERE key = 'conflicts'", "")) < 0 ||
	    (rc = db_query_long(db, &had_rejected, cause, "SELECT CAST(value "
	    "AS INTEGER) FROM sync_state WHERE key = 'rejected'", "")) < 0)
		goto rollback;
	snprintf(s, sizeof s, "%ld", seq);
	snprintf(c, sizeof c, "%ld", had_conflicts + conflicts);
	snprintf(r, sizeof r, "%ld", had_rejected + rejected);
	if ((rc = outbox_set(db, cause, (const char *const[]){ "pushed", s,
	    "conflicts", c, "rejected", r, NULL })) != 0 ||
	    (rc = db_commit(db, cause)) != 0)
		goto rollback;
	return 0;
rollback:
	db_rollback(db);
	return rc;
}

int
outbox_pulled(struct db *db, long cursor, const char *generation,
    char **cause)
{
	char	 c[32];

	snprintf(c, sizeof c, "%ld", cursor);
	return outbox_set(db, cause, (const char *const[]){ "cursor", c,
	    "generation", generation, NULL });
}

int
outbox_round(struct db *db, time_t now, const char *error,
    const long *clock_offset, char **cause)
{
	char	 at[32], offset[32];
	int	 rc;

	snprintf(at, sizeof at, "%lld", (long long)now);
	snprintf(offset, sizeof offset, "%ld",
	    clock_offset != NULL ? *clock_offset : 0);
	if ((rc = db_begin(db, cause)) != 0)
		return rc;
	if (error == NULL)
		rc = outbox_set(db, cause, (const char *const[]){
		    "last_attempt", at, "last_success", at, "last_error", "",
		    NULL });
	else
		rc = outbox_set(db, cause, (const char *const[]){
		    "last_attempt", at, "last_error", error, NULL });
	if (rc == 0 && clock_offset != NULL)
		rc = outbox_set(db, cause, (const char *const[]){
		    "clock_at", at, "clock_offset", offset, NULL });
	if (rc != 0 || (rc = db_commit(db, cause)) != 0)
		db_rollback(db);
	return rc;
}

int
outbox_next_try(struct db *db, time_t when, char **cause)
{
	char	 at[32];

	snprintf(at, sizeof at, "%lld", (long long)when);
	return outbox_set_all(db, cause, (const char *const[]){ "next_try",
	    at, NULL });
}
