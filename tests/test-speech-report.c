/* Unit tests: the speech process's reports read back as the client does. */
#include "config.h"

#include "unit.h"
#include "common/speech-report.h"

static void
test_every_kind_reads_back(void **state)
{
	struct speech_report	 r;
	char			 line[64];
	int			 kind;

	(void)state;
	for (kind = 0; kind < REPORT_OTHER; kind++) {
		snprintf(line, sizeof line, "%s 12 more",
		    speech_report_name(kind));
		speech_report_parse(line, &r);
		assert_int_equal(r.kind, kind);
		assert_string_equal(r.detail, "12 more");
	}
	speech_report_parse("ready", &r);
	assert_int_equal(r.kind, REPORT_READY);
	assert_string_equal(r.detail, "");
}

static void
test_other_lines_are_other(void **state)
{
	struct speech_report	 r;

	(void)state;
	/* A word that only starts like a kind is not that kind. */
	speech_report_parse("ended 3", &r);
	assert_int_equal(r.kind, REPORT_OTHER);
	assert_string_equal(r.detail, "ended 3");
	speech_report_parse("ALSA lib pcm.c:8545: Unknown PCM", &r);
	assert_int_equal(r.kind, REPORT_OTHER);
	speech_report_parse("", &r);
	assert_int_equal(r.kind, REPORT_OTHER);
	assert_null(speech_report_name(REPORT_OTHER));
	assert_true(speech_report_ends(REPORT_END));
	assert_true(speech_report_ends(REPORT_CANCEL));
	assert_true(speech_report_ends(REPORT_DROP));
	assert_false(speech_report_ends(REPORT_AUDIO));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_reads_back),
		cmocka_unit_test(test_other_lines_are_other),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
