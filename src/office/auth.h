/*
 * Operators of the desks: accounts with Argon2id password hashes
 * (libsodium's crypto_pwhash_str). A login never tells whether a name
 * exists: an unknown name, a disabled account and a wrong password get
 * the same answer after the same work. Wrong tries are slowed down per
 * terminal and name, with growing waits, instead of locking the account:
 * a stranger cannot lock a real operator out. The SQL is in db-auth.c.
 */
#ifndef LOKET_AUTH_H
#define LOKET_AUTH_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct db;

#define AUTH_FREE_TRIES		3	/* wrong tries before a wait */
#define AUTH_WAIT_MAX		300	/* seconds, the longest wait */
#define AUTH_PASSWORD_MIN	8
#define AUTH_PASSWORD_MAX	128

struct auth_user {
	char	*name;
	int	 active;
	int	 failures;
	time_t	 locked_until;
};

/* Set libsodium up; -1 if it cannot run here. */
int	 auth_init(void);
/* Is this a valid operator name (1-32 of a-z, 0-9, ".", "_", "-")? */
int	 auth_name_valid(const char *);
/* What is wrong with a new password, in the user's language; NULL if fine. */
char	*auth_password_problem(const char *);

/* Add an operator; -1 and a cause if the name is taken or invalid. */
int	 auth_add(struct db *, const char *name, const char *password,
	     time_t now, char **cause);
/* Set a new password (and unlock the account). */
int	 auth_passwd(struct db *, const char *name, const char *password,
	     char **cause);
/* Disable an account: it can no longer log in. */
int	 auth_disable(struct db *, const char *name, char **cause);
/* Every account, by name. */
int	 auth_list(struct db *, struct auth_user **, size_t *, char **cause);
void	 auth_users_free(struct auth_user *, size_t);
/*
 * Check a login. 0 if the name and password are right; -1 with a cause
 * that never says which of the two was wrong, nor whether the name
 * exists or is disabled, and that takes as long whichever it is.
 */
int	 auth_login(struct db *, const char *name, const char *password,
	     time_t now, char **cause);

/*
 * Record that name logged in (login 1) or out (0) at a terminal, in the
 * event log and the outbox, never with the password: 0 or DB_FAILED.
 */
int	 auth_session(struct db *, const char *name, const char *terminal,
	     int login, time_t now, char **cause);

/* Does the hash checked for unknown names cost what a new hash costs? */
int	 auth_dummy_matches(void);

/*
 * The wrong tries at one terminal (a desk process), by name typed. Each
 * one past AUTH_FREE_TRIES doubles the wait before that name may be tried
 * again there, up to AUTH_WAIT_MAX; a right password forgets the name.
 * It never looks at the database, so every name is slowed the same.
 * Times are in milliseconds on a monotonic clock.
 */
struct auth_throttle;

struct auth_throttle *auth_throttle_new(void);
void	 auth_throttle_free(struct auth_throttle *);
/* Seconds (rounded up) to wait before name may be tried here; 0: now. */
int	 auth_throttle_wait(const struct auth_throttle *, const char *name,
	     int64_t now_ms);
/* Count a try of name: right (1) or wrong (0). */
void	 auth_throttle_record(struct auth_throttle *, const char *name,
	     int right, int64_t now_ms);

#endif
