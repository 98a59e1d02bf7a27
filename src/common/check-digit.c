/* Verhoeff's check digit: the dihedral group D5, a permutation, an inverse. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "common/check-digit.h"

static const unsigned char check_digit_d[10][10] = {
	{ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 },
	{ 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 },
	{ 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
	{ 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 },
	{ 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 },
	{ 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
	{ 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 },
	{ 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
	{ 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
	{ 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
};

static const unsigned char check_digit_p[8][10] = {
	{ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 },
	{ 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 },
	{ 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
	{ 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 },
	{ 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 },
	{ 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
	{ 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 },
	{ 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
};

static const unsigned char check_digit_inverse[10] = {
	0, 4, 3, 2, 1, 5, 6, 7, 8, 9
};

/* The running checksum over digits, read from the right; -1 if not digits. */
static int
check_digit_sum(const char *digits, int offset)
{
	size_t	 len = strlen(digits), i;
	int	 c = 0, d;

	for (i = 0; i < len; i++) {
		d = digits[len - 1 - i] - '0';
		if (d < 0 || d > 9)
			return -1;
		c = check_digit_d[c][check_digit_p[(i + offset) % 8][d]];
	}
	return c;
}

int
check_digit_compute(const char *digits)
{
	int	 c = check_digit_sum(digits, 1);

	return c < 0 ? -1 : '0' + check_digit_inverse[c];
}

int
check_digit_valid(const char *digits)
{
	return *digits != '\0' && check_digit_sum(digits, 0) == 0;
}

int
check_digit_read(const char *typed, size_t n, char *out)
{
	size_t	 len = 0;

	for (; *typed != '\0'; typed++) {
		if (*typed == '-' || *typed == ' ')
			continue;
		if (len == n || *typed < '0' || *typed > '9')
			return -1;
		out[len++] = *typed;
	}
	out[len] = '\0';
	if (len != n)
		return -1;
	return check_digit_valid(out) ? 0 : CHECK_DIGIT_WRONG;
}

void
check_digit_new(char *out, size_t n, unsigned (*random)(unsigned))
{
	size_t	 i;

	out[0] = (char)('1' + random(9));
	for (i = 1; i + 1 < n; i++)
		out[i] = (char)('0' + random(10));
	out[n - 1] = '\0';
	out[n - 1] = (char)check_digit_compute(out);
	out[n] = '\0';
}

void
check_digit_group(const char *digits, char *out, size_t size)
{
	size_t	 i, o = 0;

	for (i = 0; digits[i] != '\0' && o + 1 < size; i++) {
		if (i > 0 && i % 4 == 0) {
			out[o++] = '-';
			if (o + 1 >= size)
				break;
		}
		out[o++] = digits[i];
	}
	out[o] = '\0';
}
