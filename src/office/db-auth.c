/* Store: operator accounts, and the failure count that locks them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "common/i18n.h"
#include "common/log.h"
#include "common/xmalloc.h"
#include "office/auth.h"
#include "office/db.h"
#include "office/outbox.h"

/*
 * Argon2id at libsodium's interactive cost in time, with 16 MiB of
 * memory: enough against guessing, affordable on an old office PC.
 */
#define AUTH_OPSLIMIT	crypto_pwhash_OPSLIMIT_INTERACTIVE
#define AUTH_MEMLIMIT	(16u * 1024 * 1024)

/*
 * A hash of a random password nobody knows, made with the costs above:
 * checked when the name is unknown, so that the answer takes as long as
 * for a real account. tests/test-auth.c checks that its costs still match.
 */
static const char db_auth_dummy[crypto_pwhash_STRBYTES] =
    "$argon2id$v=19$m=16384,t=2,p=1$O8wdCih2ilrGS219BTYCog$VrL+fndX30MI+jM5DGilA4on3/ernJwZ7I6RMzyU0V8";

/* A hash for the password into out; -1 if memory ran out. */
static int
db_auth_hash(const char *password, char out[crypto_pwhash_STRBYTES],
    char **cause)
{
	if (crypto_pwhash_str(out, password, strlen(password), AUTH_OPSLIMIT,
	    AUTH_MEMLIMIT) != 0) {
		*cause = xstrdup(_("Not enough memory to protect the "
		    "password."));
		return -1;
	}
	return 0;
}

/* Run one statement that changes one operator row by name. */
static int
db_auth_change(struct db *db, const char *sql, const char *name,
    const char *text, long number, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (db_prepare(db, sql, &stmt, cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_TRANSIENT);
	if (text != NULL)
		sqlite3_bind_text(stmt, 2, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 3, number);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT) {
		*cause = xasprintf(_("There is already an operator \"%s\"."),
		    name);
		return -1;
	}
	if (rc != SQLITE_DONE) {
		*cause = db_cause(db, rc);
		return -1;
	}
	if (sqlite3_changes(db->handle) != 1) {
		*cause = xasprintf(_("There is no operator \"%s\"."), name);
		return -1;
	}
	return 0;
}

int
auth_add(struct db *db, const char *name, const char *password, time_t now,
    char **cause)
{
	char	 hash[crypto_pwhash_STRBYTES];
	int	 rc;

	if (!auth_name_valid(name)) {
		*cause = xstrdup(_("An operator name is 1 to 32 of a-z, 0-9, "
		    "dot, underscore and hyphen."));
		return -1;
	}
	if ((*cause = auth_password_problem(password)) != NULL)
		return -1;
	if (db_auth_hash(password, hash, cause) != 0)
		return -1;
	rc = db_auth_change(db, "INSERT INTO operator (name, hash, "
	    "created_at) VALUES (?1, ?2, ?3)", name, hash, now, cause);
	sodium_memzero(hash, sizeof hash);
	if (rc == 0)
		log_info("operator %s added", name);
	return rc;
}

int
auth_passwd(struct db *db, const char *name, const char *password,
    char **cause)
{
	char	 hash[crypto_pwhash_STRBYTES];
	int	 rc;

	if ((*cause = auth_password_problem(password)) != NULL)
		return -1;
	if (db_auth_hash(password, hash, cause) != 0)
		return -1;
	rc = db_auth_change(db, "UPDATE operator SET hash = ?2, failures = 0, "
	    "locked_until = 0, active = 1 WHERE name = ?1", name, hash, 0,
	    cause);
	sodium_memzero(hash, sizeof hash);
	if (rc == 0)
		log_info("operator %s: new password", name);
	return rc;
}

int
auth_disable(struct db *db, const char *name, char **cause)
{
	if (db_auth_change(db, "UPDATE operator SET active = 0 WHERE "
	    "name = ?1", name, NULL, 0, cause) != 0)
		return -1;
	log_info("operator %s disabled", name);
	return 0;
}

int
auth_list(struct db *db, struct auth_user **out, size_t *n, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT name, active, failures, locked_until FROM "
	    "operator ORDER BY name", &stmt, cause) != 0)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		(*out)[*n].name = db_column_text(stmt, 0);
		(*out)[*n].active = sqlite3_column_int(stmt, 1);
		(*out)[*n].failures = sqlite3_column_int(stmt, 2);
		(*out)[*n].locked_until = sqlite3_column_int64(stmt, 3);
		(*n)++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		auth_users_free(*out, *n);
		*out = NULL;
		*n = 0;
		*cause = db_cause(db, rc);
		return -1;
	}
	return 0;
}

void
auth_users_free(struct auth_user *users, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(users[i].name);
	free(users);
}

/* The refusal every wrong name or password gets: it names neither. */
static int
db_auth_refuse(char **cause)
{
	*cause = xstrdup(_("The name or the password is not right."));
	return -1;
}

int
auth_login(struct db *db, const char *name, const char *password,
    time_t now, char **cause)
{
	sqlite3_stmt	*stmt;
	char		*hash = NULL;
	int		 rc, active = 0, right;

	(void)now;
	if (db_prepare(db, "SELECT hash, active FROM operator WHERE name = ?1",
	    &stmt, cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		hash = db_column_text(stmt, 0);
		active = sqlite3_column_int(stmt, 1);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = db_cause(db, rc);
		return -1;
	}
	/* The same work whether the name exists, is disabled or not. */
	right = crypto_pwhash_str_verify(hash != NULL ? hash : db_auth_dummy,
	    password, strlen(password)) == 0 && hash != NULL && active;
	free(hash);
	if (!right) {
		log_warn("login refused: %s", name);
		return db_auth_refuse(cause);
	}
	if (db_auth_change(db, "UPDATE operator SET failures = 0, "
	    "locked_until = 0 WHERE name = ?1", name, NULL, 0, cause) != 0)
		return -1;
	log_info("login: %s", name);
	return 0;
}

int
auth_session(struct db *db, const char *name, const char *terminal,
    int login, time_t now, char **cause)
{
	int	 rc;

	if ((rc = db_begin(db, cause)) != 0)
		return rc;
	if ((rc = db_change(db, cause, "INSERT INTO event (at, actor, terminal, "
	    "kind) VALUES (?1, ?2, ?3, ?4)", "ittt", (long)now, name, terminal,
	    login ? "login" : "logout")) != 0 ||
	    (rc = outbox_seal(db, cause)) != 0 ||
	    (rc = db_commit(db, cause)) != 0)
		db_rollback(db);
	return rc;
}

int
auth_dummy_matches(void)
{
	return crypto_pwhash_str_needs_rehash(db_auth_dummy, AUTH_OPSLIMIT,
	    AUTH_MEMLIMIT) == 0;
}
