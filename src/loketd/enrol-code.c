/* Enrolment codes and office tokens, made and hashed. */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include <sodium.h>

#include "loketd/enrol-code.h"

/* 32 signs: no 0/O, 1/I/L, so that a code read aloud survives. */
static const char enrol_alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

void
enrol_code_new(char shown[ENROL_CODE_SHOWN], char hash[SYNC_HASH_HEX])
{
	size_t	 i, at = 0;

	for (i = 0; i < 12; i++) {
		if (i > 0 && i % 4 == 0)
			shown[at++] = '-';
		shown[at++] = enrol_alphabet[randombytes_uniform(
		    sizeof enrol_alphabet - 1)];
	}
	shown[at] = '\0';
	enrol_code_hash(shown, hash);
}

int
enrol_code_hash(const char *typed, char hash[SYNC_HASH_HEX])
{
	char	 code[13];
	size_t	 n = 0;
	int	 c;

	for (; *typed != '\0'; typed++) {
		if (*typed == '-' || *typed == ' ')
			continue;
		c = toupper((unsigned char)*typed);
		if (n == 12 || strchr(enrol_alphabet, c) == NULL || c == '\0')
			return -1;
		code[n++] = (char)c;
	}
	if (n != 12)
		return -1;
	sync_hash(code, n, hash);
	return 0;
}

void
enrol_token_new(char token[ENROL_TOKEN_HEX], char hash[SYNC_HASH_HEX])
{
	unsigned char	 bits[32];

	randombytes_buf(bits, sizeof bits);
	sodium_bin2hex(token, ENROL_TOKEN_HEX, bits, sizeof bits);
	sodium_memzero(bits, sizeof bits);
	sync_hash(token, 64, hash);
}
