/*
 * Text messages: every kind's text fits one SMS (160 GSM-7 characters)
 * in both languages even with a long service name; the SMS length counts
 * as a phone does; templates are filled and escaped for JSON and forms;
 * a template with an unknown placeholder is refused.
 */
#include "config.h"

#include <locale.h>

#include "unit.h"

#include "common/i18n.h"
#include "office/notify.h"

#define LONG_NAME "Surat Keterangan Pindah Datang Warga Negara Indonesia " \
	"Antar Kabupaten dan Provinsi untuk Keluarga dengan Anak di Bawah Umur"

static void
test_every_template_fits_one_sms(void **state)
{
	struct notify_fill	 fill = { "A-012", LONG_NAME, "2736-1048-53",
				    "09:30" };
	char			*body[2];
	int			 kind, lang, ucs2;

	(void)state;
	for (kind = 0; kind < NOTIFY_KIND_COUNT; kind++) {
		for (lang = LANG_ID; lang <= LANG_EN; lang++) {
			body[lang] = notify_compose(kind, lang, &fill);
			print_message("# %s/%s: %d: %s\n",
			    notify_kind_name(kind), i18n_code(lang),
			    notify_sms_length(body[lang], &ucs2), body[lang]);
			assert_true(notify_sms_fits(body[lang]));
			assert_int_equal(ucs2, 0);
		}
		/* Indonesian is really translated, not the English again. */
		assert_string_not_equal(body[LANG_ID], body[LANG_EN]);
		free(body[LANG_ID]);
		free(body[LANG_EN]);
	}
}

static void
test_short_names_are_kept_whole(void **state)
{
	struct notify_fill	 fill = { "A-012", "Akta Kelahiran",
				    "2736-1048-53", "09:30" };
	char			*body;

	(void)state;
	body = notify_compose(NOTIFY_BOOKING_REMINDER, LANG_EN, &fill);
	assert_non_null(strstr(body, "Akta Kelahiran is tomorrow at 09:30"));
	assert_non_null(strstr(body, "2736-1048-53"));
	free(body);
	/* A name GSM-7 cannot carry goes whole, in parts, never cut. */
	fill.service = "Akta — Café";
	body = notify_compose(NOTIFY_BOOKING_REMINDER, LANG_EN, &fill);
	assert_non_null(strstr(body, "Akta — Café is tomorrow"));
	free(body);
}

static void
test_sms_length(void **state)
{
	int	 ucs2;

	(void)state;
	assert_int_equal(notify_sms_length("Halo", &ucs2), 4);
	assert_int_equal(ucs2, 0);
	assert_int_equal(notify_sms_length("Café é", &ucs2), 6);
	assert_int_equal(ucs2, 0);
	assert_int_equal(notify_sms_length("{€}", &ucs2), 6);
	assert_int_equal(ucs2, 0);
	assert_int_equal(notify_sms_length("a — b", &ucs2), 5);
	assert_int_equal(ucs2, 1);
}

static void
test_templates_are_filled_and_escaped(void **state)
{
	struct notify_message	 m = { 1, "0b8a3c1e-1f2d-4e5a-9b7c-6d5e4f3a2b1c",
				    NOTIFY_QUEUE_NEAR, "081234567890",
				    "Say \"hi\"\nCafé & co", 1, 0 };
	char			*s;

	(void)state;
	s = notify_expand("{\"id\":\"{id}\",\"text\":\"{text}\"}", &m,
	    NOTIFY_ESCAPE_JSON);
	assert_string_equal(s, "{\"id\":\"0b8a3c1e-1f2d-4e5a-9b7c-6d5e4f3a2b1c"
	    "\",\"text\":\"Say \\\"hi\\\"\\u000aCafé & co\"}");
	free(s);
	s = notify_expand("to={phone_e164}&msg={text}", &m,
	    NOTIFY_ESCAPE_FORM);
	assert_string_equal(s, "to=%2B6281234567890&msg=Say%20%22hi%22%0ACaf"
	    "%C3%A9%20%26%20co");
	free(s);
	s = notify_expand("{phone} {unknown}", &m, NOTIFY_ESCAPE_RAW);
	assert_string_equal(s, "081234567890 {unknown}");
	free(s);
}

static void
test_unknown_placeholders_are_refused(void **state)
{
	char	*cause = NULL;

	(void)state;
	assert_int_equal(notify_check_template("body",
	    "{\"to\":\"{phone}\",\"m\":{\"t\":\"{text}\"}}", &cause), 0);
	assert_int_equal(notify_check_template("body", "{\"to\":\"{number}\"}",
	    &cause), -1);
	assert_non_null(strstr(cause, "{number}"));
	free(cause);
	cause = NULL;
	assert_int_equal(notify_check_url("url", "ftp://x/", &cause), -1);
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_template_fits_one_sms),
		cmocka_unit_test(test_short_names_are_kept_whole),
		cmocka_unit_test(test_sms_length),
		cmocka_unit_test(test_templates_are_filled_and_escaped),
		cmocka_unit_test(test_unknown_placeholders_are_refused),
	};

	setlocale(LC_ALL, "C.UTF-8");
	i18n_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
