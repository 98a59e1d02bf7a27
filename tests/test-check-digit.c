/*
 * Unit tests: Verhoeff's check digit catches every single wrong digit and
 * every swap of two neighbours, over a sample of numbers, exhaustively.
 */
#include "config.h"

#include "unit.h"
#include "common/check-digit.h"
#include "office/booking.h"

static void
test_known_values(void **state)
{
	(void)state;
	/* Worked examples of the scheme. */
	assert_int_equal(check_digit_compute("236"), '3');
	assert_int_equal(check_digit_compute("12345"), '1');
	assert_int_equal(check_digit_compute("142857"), '0');
	assert_true(check_digit_valid("2363"));
	assert_false(check_digit_valid("2364"));
	assert_true(check_digit_valid("0"));	/* the empty number's digit */
	assert_false(check_digit_valid(""));
	assert_int_equal(check_digit_compute("12a"), -1);
	assert_false(check_digit_valid("12a4"));
}

/* Every single-digit error and adjacent swap of one number is caught. */
static void
check_number(const char *digits)
{
	char	 n[32], m[32], t;
	size_t	 len = strlen(digits), i;
	int	 c;

	snprintf(n, sizeof n, "%s", digits);
	n[len] = (char)check_digit_compute(digits);
	n[len + 1] = '\0';
	assert_true(check_digit_valid(n));
	for (i = 0; i <= len; i++) {
		for (c = '0'; c <= '9'; c++) {
			if (c == n[i])
				continue;
			memcpy(m, n, len + 2);
			m[i] = (char)c;
			if (check_digit_valid(m))
				fail_msg("%s: a wrong digit %zu (%c) passed", n,
				    i, c);
		}
		if (i < len && n[i] != n[i + 1]) {
			memcpy(m, n, len + 2);
			t = m[i];
			m[i] = m[i + 1];
			m[i + 1] = t;
			if (check_digit_valid(m))
				fail_msg("%s: a swap at %zu passed", n, i);
		}
	}
}

static void
test_every_error_of_a_sample(void **state)
{
	char		 digits[16];
	unsigned long	 x = 2463534242UL;
	int		 k, i;

	(void)state;
	/* Every 4-digit number, then 20,000 pseudo-random 9-digit ones. */
	for (k = 0; k < 10000; k++) {
		snprintf(digits, sizeof digits, "%04d", k);
		check_number(digits);
	}
	for (k = 0; k < 20000; k++) {
		for (i = 0; i < 9; i++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			x &= 0xffffffffUL;
			digits[i] = (char)('0' + x % 10);
		}
		digits[9] = '\0';
		check_number(digits);
	}
}

static unsigned
fixed_random(unsigned upper)
{
	static unsigned	 next = 7;

	next = next * 1103515245u + 12345u;
	return (next >> 8) % upper;
}

/* Booking codes: a keypad form with its check digit, and the first form. */
static void
test_booking_codes(void **state)
{
	char	 code[BOOKING_CODE_MAX + 1], again[BOOKING_CODE_MAX + 1];
	char	 shown[BOOKING_CODE_SHOWN];
	int	 i;

	(void)state;
	for (i = 0; i < 1000; i++) {
		booking_code_new(code, fixed_random);
		assert_int_equal(strlen(code), 10);
		assert_int_equal(strspn(code, "0123456789"), 10);
		assert_true(check_digit_valid(code));
		booking_code_format(code, shown);
		assert_int_equal(strlen(shown), 12);
		assert_int_equal(booking_code_parse(shown, again), 0);
		assert_string_equal(again, code);
	}
	/* As typed on a keypad, scanned, or with spaces. */
	assert_int_equal(booking_code_parse("2363000007", again),
	    check_digit_valid("2363000007") ? 0 : BOOKING_CODE_BAD_CHECK);
	booking_code_new(code, fixed_random);
	booking_code_format(code, shown);
	shown[11] = shown[11] == '9' ? '0' : shown[11] + 1;
	assert_int_equal(booking_code_parse(shown, again),
	    BOOKING_CODE_BAD_CHECK);
	/* The first form still reads, in any case. */
	assert_int_equal(booking_code_parse("k7m4-qx4p", again), 0);
	assert_string_equal(again, "K7M4QX4P");
	booking_code_format(again, shown);
	assert_string_equal(shown, "K7M4-QX4P");
	/* Not codes: too short, too long, letters in a digit code. */
	assert_int_equal(booking_code_parse("12345", again), -1);
	assert_int_equal(booking_code_parse("12345678901", again), -1);
	assert_int_equal(booking_code_parse("1234-5678-9O", again), -1);
	assert_int_equal(booking_code_parse("", again), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_values),
		cmocka_unit_test(test_every_error_of_a_sample),
		cmocka_unit_test(test_booking_codes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
