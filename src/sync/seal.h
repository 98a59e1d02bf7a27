/*
 * Personal data sealed to the centre's public key (libsodium sealed
 * boxes): an office can seal but never open what it sealed; only the
 * centre, holding the secret key, opens it.
 *
 * It never stores a key; keys travel as hex text. Strings it returns
 * are owned by the caller.
 */
#ifndef LOKET_SYNC_SEAL_H
#define LOKET_SYNC_SEAL_H

#define SYNC_KEY_HEX	65	/* a 32-byte key as hex, and a NUL */

/* A new key pair, as hex. */
void	 sync_keypair(char public_key[SYNC_KEY_HEX],
	     char secret_key[SYNC_KEY_HEX]);
/* Seal text to public_key: base64 text, or NULL if the key is bad. */
char	*sync_seal(const char *text, const char *public_key);
/*
 * Open what sync_seal made: the text, or NULL if the keys do not open it
 * or it was changed.
 */
char	*sync_open(const char *sealed, const char *public_key,
	     const char *secret_key);

#endif
