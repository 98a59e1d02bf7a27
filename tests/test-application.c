/*
 * Unit tests: NIK structure (valid and invalid samples, women's dates,
 * the mask), tracking numbers (every single wrong digit and every swap
 * of neighbours caught, exhaustively over a sample), and the states of
 * an application and who may move them.
 */
#include "config.h"

#include "unit.h"
#include "common/check-digit.h"
#include "office/application.h"
#include "office/nik.h"

static unsigned
fixed_random(unsigned upper)
{
	static unsigned	 next = 11;

	next = next * 1103515245u + 12345u;
	return (next >> 8) % upper;
}

/* nik_check: 0, or -1 with a cause that holds want. */
static void
nik_refused(const char *typed, const char *want)
{
	char	 nik[NIK_LENGTH + 1], *cause = NULL;

	assert_int_equal(nik_check(typed, nik, &cause), -1);
	assert_non_null(cause);
	if (strstr(cause, want) == NULL)
		fail_msg("\"%s\": \"%s\" lacks \"%s\"", typed, cause, want);
	free(cause);
}

static void
test_nik(void **state)
{
	static const char *const valid[] = {
		"3201011203850001",	/* a man born 12 March 1985 */
		"3201015203850002",	/* a woman born the same day: +40 */
		"3578017112990123",	/* a woman born 31 December 1999 */
		"9601012902000001",	/* 29 February 2000, Papua Barat Daya */
		"1101010101010001",	/* Aceh */
		"3201 0112 0385 0001",	/* typed in groups */
		"32.01.01-120385-0001",	/* as printed on old forms */
	};
	char	 nik[NIK_LENGTH + 1], masked[NIK_LENGTH + 1], *cause = NULL;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof valid / sizeof valid[0]; i++) {
		if (nik_check(valid[i], nik, &cause) != 0)
			fail_msg("%s refused: %s", valid[i], cause);
		assert_int_equal(strlen(nik), NIK_LENGTH);
	}
	assert_string_equal(nik, "3201011203850001");
	nik_refused("320101120385000", "16 digits; this has 15");
	nik_refused("32010112038500011", "16 digits; this has 17");
	nik_refused("", "16 digits; this has 0");
	nik_refused("3201O11203850001", "digits only");
	nik_refused("2001011203850001", "20 is not one");
	nik_refused("0001011203850001", "00 is not one");
	nik_refused("3200011203850001", "the regency or city; 00");
	nik_refused("3201001203850001", "the district; 00");
	nik_refused("3201013203850001", "320385 is not a date");	/* 32 */
	nik_refused("3201014003850001", "400385 is not a date");	/* 0+40 */
	nik_refused("3201017203850001", "720385 is not a date");	/* 32+40 */
	nik_refused("3201013102850001", "310285 is not a date");
	nik_refused("3201012902850001", "290285 is not a date");	/* 1985 */
	nik_refused("3201011213850001", "121385 is not a date");	/* month 13 */
	nik_refused("3201011200850001", "120085 is not a date");	/* month 0 */
	nik_refused("3201011203850000", "never 0000");
	nik_mask("3201011203853456", masked);
	assert_string_equal(masked, "************3456");
}

/* Every single wrong digit and every swap of neighbours is refused. */
static void
test_tracking_errors(void **state)
{
	char	 t[TRACKING_LENGTH + 1], m[TRACKING_LENGTH + 1];
	char	 out[TRACKING_LENGTH + 1], shown[TRACKING_SHOWN], c;
	int	 n, i, d;

	(void)state;
	for (n = 0; n < 2000; n++) {
		check_digit_new(t, TRACKING_LENGTH, fixed_random);
		assert_int_equal(strlen(t), TRACKING_LENGTH);
		assert_int_equal(tracking_parse(t, out), 0);
		tracking_format(t, shown);
		assert_int_equal(strlen(shown), TRACKING_SHOWN - 1);
		assert_int_equal(tracking_parse(shown, out), 0);
		assert_string_equal(out, t);
		for (i = 0; i < TRACKING_LENGTH; i++) {
			for (d = '0'; d <= '9'; d++) {
				if (d == t[i])
					continue;
				memcpy(m, t, sizeof m);
				m[i] = (char)d;
				assert_int_equal(tracking_parse(m, out),
				    CHECK_DIGIT_WRONG);
			}
			if (i + 1 == TRACKING_LENGTH || t[i] == t[i + 1])
				continue;
			memcpy(m, t, sizeof m);
			c = m[i];
			m[i] = m[i + 1];
			m[i + 1] = c;
			assert_int_equal(tracking_parse(m, out),
			    CHECK_DIGIT_WRONG);
		}
	}
	assert_int_equal(tracking_parse("1234", out), -1);
	assert_int_equal(tracking_parse("1234-5678-90123", out), -1);
	assert_int_equal(tracking_parse("1234-5678-901A", out), -1);
	assert_int_equal(tracking_parse("", out), -1);
}

static void
test_states(void **state)
{
	int	 s;

	(void)state;
	for (s = 0; s < APPLICATION_STATE_COUNT; s++)
		assert_int_equal(application_state_parse(
		    application_state_name(s)), s);
	assert_int_equal(application_state_parse("done"), -1);
	assert_null(application_state_name(APPLICATION_STATE_COUNT));
	assert_string_equal(application_state_name(
	    APPLICATION_DOCUMENTS_NEEDED), "documents-needed");
	/* Which, where and why are said with the state. */
	assert_true(application_state_needs_note(APPLICATION_DOCUMENTS_NEEDED));
	assert_true(application_state_needs_note(APPLICATION_READY));
	assert_true(application_state_needs_note(APPLICATION_REJECTED));
	assert_false(application_state_needs_note(APPLICATION_PROCESSING));
	/* Forward only; handed over and rejected are final. */
	assert_true(application_may_change(APPLICATION_RECEIVED,
	    APPLICATION_PROCESSING));
	assert_true(application_may_change(APPLICATION_DOCUMENTS_NEEDED,
	    APPLICATION_PROCESSING));
	assert_true(application_may_change(APPLICATION_READY,
	    APPLICATION_HANDED_OVER));
	assert_false(application_may_change(APPLICATION_RECEIVED,
	    APPLICATION_HANDED_OVER));
	assert_false(application_may_change(APPLICATION_PROCESSING,
	    APPLICATION_RECEIVED));
	for (s = 0; s < APPLICATION_STATE_COUNT; s++) {
		assert_false(application_may_change(APPLICATION_HANDED_OVER,
		    s));
		assert_false(application_may_change(APPLICATION_REJECTED, s));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nik),
		cmocka_unit_test(test_tracking_errors),
		cmocka_unit_test(test_states),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
