/* Sealed boxes: personal data only the centre can read. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "common/xmalloc.h"
#include "sync/seal.h"

void
sync_keypair(char public_key[SYNC_KEY_HEX], char secret_key[SYNC_KEY_HEX])
{
	unsigned char	 pk[crypto_box_PUBLICKEYBYTES];
	unsigned char	 sk[crypto_box_SECRETKEYBYTES];

	crypto_box_keypair(pk, sk);
	sodium_bin2hex(public_key, SYNC_KEY_HEX, pk, sizeof pk);
	sodium_bin2hex(secret_key, SYNC_KEY_HEX, sk, sizeof sk);
	sodium_memzero(sk, sizeof sk);
}

/* A 32-byte key from hex: 0, or -1 if it is not one. */
static int
sync_key(const char *hex, unsigned char key[32])
{
	size_t	 len;

	if (hex == NULL || strlen(hex) != 64)
		return -1;
	if (sodium_hex2bin(key, 32, hex, 64, NULL, &len, NULL) != 0 ||
	    len != 32)
		return -1;
	return 0;
}

char *
sync_seal(const char *text, const char *public_key)
{
	unsigned char	 pk[32], *box;
	size_t		 len = strlen(text), boxlen, b64len;
	char		*out;

	if (sync_key(public_key, pk) != 0)
		return NULL;
	boxlen = len + crypto_box_SEALBYTES;
	box = xmalloc(boxlen);
	crypto_box_seal(box, (const unsigned char *)text, len, pk);
	b64len = sodium_base64_ENCODED_LEN(boxlen,
	    sodium_base64_VARIANT_ORIGINAL);
	out = xmalloc(b64len);
	sodium_bin2base64(out, b64len, box, boxlen,
	    sodium_base64_VARIANT_ORIGINAL);
	free(box);
	return out;
}

char *
sync_open(const char *sealed, const char *public_key, const char *secret_key)
{
	unsigned char	 pk[32], sk[32], *box = NULL;
	size_t		 max = strlen(sealed), boxlen;
	char		*out = NULL;

	if (sync_key(public_key, pk) != 0 || sync_key(secret_key, sk) != 0)
		goto out;
	box = xmalloc(max + 1);
	if (sodium_base642bin(box, max + 1, sealed, max, NULL, &boxlen, NULL,
	    sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    boxlen < crypto_box_SEALBYTES)
		goto out;
	out = xmalloc(boxlen - crypto_box_SEALBYTES + 1);
	if (crypto_box_seal_open((unsigned char *)out, box, boxlen, pk,
	    sk) != 0) {
		free(out);
		out = NULL;
		goto out;
	}
	out[boxlen - crypto_box_SEALBYTES] = '\0';
out:
	sodium_memzero(sk, sizeof sk);
	free(box);
	return out;
}
