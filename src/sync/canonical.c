/* Canonical JSON, SHA-256 hashes and operation ids. */
#include "config.h"

#include <string.h>

#include <sodium.h>

#include "sync/canonical.h"

int
sync_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

/* Does the value hold a real number anywhere? */
static int
sync_has_real(const json_t *value)
{
	const char	*key;
	json_t		*item;
	size_t		 i;

	switch (json_typeof(value)) {
	case JSON_REAL:
		return 1;
	case JSON_OBJECT:
		json_object_foreach((json_t *)value, key, item) {
			if (sync_has_real(item))
				return 1;
		}
		return 0;
	case JSON_ARRAY:
		json_array_foreach(value, i, item) {
			if (sync_has_real(item))
				return 1;
		}
		return 0;
	default:
		return 0;
	}
}

char *
sync_canonical(const json_t *value)
{
	if (value == NULL || sync_has_real(value))
		return NULL;
	return json_dumps(value, JSON_COMPACT | JSON_SORT_KEYS |
	    JSON_ENSURE_ASCII | JSON_ENCODE_ANY);
}

void
sync_hash(const void *data, size_t len, char out[SYNC_HASH_HEX])
{
	unsigned char	 digest[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(digest, data, len);
	sodium_bin2hex(out, SYNC_HASH_HEX, digest, sizeof digest);
}

void
sync_uuid(char out[SYNC_UUID_LEN])
{
	unsigned char	 b[16];
	char		 hex[33];

	randombytes_buf(b, sizeof b);
	b[6] = (b[6] & 0x0f) | 0x40;	/* version 4 */
	b[8] = (b[8] & 0x3f) | 0x80;	/* the RFC 4122 variant */
	sodium_bin2hex(hex, sizeof hex, b, sizeof b);
	memcpy(out, hex, 8);
	out[8] = '-';
	memcpy(out + 9, hex + 8, 4);
	out[13] = '-';
	memcpy(out + 14, hex + 12, 4);
	out[18] = '-';
	memcpy(out + 19, hex + 16, 4);
	out[23] = '-';
	memcpy(out + 24, hex + 20, 12);
	out[36] = '\0';
}

/* Is text len lower-case hex digits (and nothing else where dashes sit)? */
static int
sync_hex_at(const char *text, size_t from, size_t to)
{
	size_t	 i;

	for (i = from; i < to; i++) {
		if (!((text[i] >= '0' && text[i] <= '9') ||
		    (text[i] >= 'a' && text[i] <= 'f')))
			return 0;
	}
	return 1;
}

int
sync_uuid_valid(const char *text)
{
	if (text == NULL || strlen(text) != 36)
		return 0;
	if (text[8] != '-' || text[13] != '-' || text[18] != '-' ||
	    text[23] != '-')
		return 0;
	return sync_hex_at(text, 0, 8) && sync_hex_at(text, 9, 13) &&
	    sync_hex_at(text, 14, 18) && sync_hex_at(text, 19, 23) &&
	    sync_hex_at(text, 24, 36);
}

int
sync_hash_valid(const char *text)
{
	return text != NULL && strlen(text) == 64 && sync_hex_at(text, 0, 64);
}
