/*
 * Enrolment codes and office tokens. A code is typed by a person: twelve
 * letters and digits that cannot be mistaken for each other, in groups of
 * four. A token is 256 random bits as hex. Only their hashes are stored.
 *
 * It never stores anything.
 */
#ifndef LOKETD_ENROL_CODE_H
#define LOKETD_ENROL_CODE_H

#include "sync/canonical.h"

#define ENROL_CODE_SHOWN	15	/* XXXX-XXXX-XXXX and a NUL */
#define ENROL_TOKEN_HEX		65

/* A new code as shown, and its hash. */
void	 enrol_code_new(char shown[ENROL_CODE_SHOWN],
	     char hash[SYNC_HASH_HEX]);
/* The hash of a code as typed (any case, dashes or spaces): 0 or -1. */
int	 enrol_code_hash(const char *typed, char hash[SYNC_HASH_HEX]);
/* A new token and its hash. */
void	 enrol_token_new(char token[ENROL_TOKEN_HEX],
	     char hash[SYNC_HASH_HEX]);

#endif
