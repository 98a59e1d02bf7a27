/*
 * Canonical JSON and its hash, shared by both ends of sync: the same
 * value always gives the same bytes (keys sorted, compact, ASCII only),
 * so that the office and the centre agree on an operation's hash.
 *
 * It never touches a database or the network. Strings it returns are
 * owned by the caller.
 */
#ifndef LOKET_SYNC_CANONICAL_H
#define LOKET_SYNC_CANONICAL_H

#include <jansson.h>

#define SYNC_HASH_HEX	65	/* 64 hex digits of SHA-256 and a NUL */
#define SYNC_UUID_LEN	37	/* 36 characters and a NUL */

/* Start libsodium; -1 if it cannot be used (then nothing here works). */
int	 sync_init(void);
/*
 * The canonical text of a value: NULL if it holds a real number (their
 * text is not canonical) or cannot be encoded. Owned.
 */
char	*sync_canonical(const json_t *);
/* The SHA-256 of len bytes, as lower-case hex. */
void	 sync_hash(const void *, size_t len, char out[SYNC_HASH_HEX]);
/* A random (version 4) UUID, lower-case. */
void	 sync_uuid(char out[SYNC_UUID_LEN]);
/* Is text a lower-case UUID as sync_uuid makes them? */
int	 sync_uuid_valid(const char *);
/* Is text 64 lower-case hex digits? */
int	 sync_hash_valid(const char *);

#endif
