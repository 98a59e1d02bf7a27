/*
 * Operators of the desks: accounts with Argon2id password hashes
 * (libsodium's crypto_pwhash_str), five failed logins lock an account
 * for five minutes. The SQL is in db-auth.c.
 */
#ifndef LOKET_AUTH_H
#define LOKET_AUTH_H

#include <stddef.h>
#include <time.h>

struct db;

#define AUTH_FAILURES_TO_LOCK	5
#define AUTH_LOCK_SECONDS	300
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
 * that never says which of the two was wrong, or that the account is
 * locked and for how long.
 */
int	 auth_login(struct db *, const char *name, const char *password,
	     time_t now, char **cause);

#endif
