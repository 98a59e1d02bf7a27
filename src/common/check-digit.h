/*
 * Check digits for numbers a citizen types on a keypad (booking codes,
 * and tracking numbers to come): Verhoeff's scheme, which catches every
 * single wrong digit and every swap of two neighbours.
 */
#ifndef LOKET_CHECK_DIGIT_H
#define LOKET_CHECK_DIGIT_H

#include <stddef.h>

/* The digit ('0'-'9') to append to digits; -1 if digits holds a non-digit. */
int	 check_digit_compute(const char *digits);
/* Do digits end in their right check digit? */
int	 check_digit_valid(const char *digits);

/*
 * Numbers a citizen types or a scanner reads: n digits, the last the
 * check digit, shown in groups of four with dashes ("2736-1048-53").
 */
#define CHECK_DIGIT_WRONG	(-2)	/* n digits, a wrong check digit */
/*
 * The number in typed (dashes and spaces ignored) into out (n + 1): 0,
 * CHECK_DIGIT_WRONG, or -1 when it is not n digits.
 */
int	 check_digit_read(const char *typed, size_t n, char *out);
/* A fresh number of n digits (first not 0), random(k) giving 0..k-1. */
void	 check_digit_new(char *out, size_t n, unsigned (*random)(unsigned));
/* digits in groups of four with dashes into out (size at least n*5/4+1). */
void	 check_digit_group(const char *digits, char *out, size_t size);

#endif
