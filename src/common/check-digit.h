/*
 * Check digits for numbers a citizen types on a keypad (booking codes,
 * and tracking numbers to come): Verhoeff's scheme, which catches every
 * single wrong digit and every swap of two neighbours.
 */
#ifndef LOKET_CHECK_DIGIT_H
#define LOKET_CHECK_DIGIT_H

/* The digit ('0'-'9') to append to digits; -1 if digits holds a non-digit. */
int	 check_digit_compute(const char *digits);
/* Do digits end in their right check digit? */
int	 check_digit_valid(const char *digits);

#endif
