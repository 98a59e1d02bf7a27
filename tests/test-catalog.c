/* Unit tests: reading and writing catalog files, all or nothing. */
#include "config.h"

#include <locale.h>

#include "unit-catalog.h"
#include "common/xmalloc.h"

/* The smallest valid service, to build broken files around. */
#define AGENCY \
	"[agency dukcapil]\nname.id = Dinas Dukcapil\nname.en = Civil " \
	"Registry\n"
#define COMPONENTS(lang) \
	"requirements." lang " = KK\nprocedure." lang " = Datang\n" \
	"time." lang " = 1 hari\nfee." lang " = Gratis\nproduct." lang \
	" = KTP-el\ncomplaints." lang " = LAPOR!\nlegal." lang \
	" = UU 24/2013\n"
#define SERVICE \
	"[service ktp]\nagency = dukcapil\nletter = A\nname.id = KTP-el\n" \
	"name.en = ID card\n" COMPONENTS("id") COMPONENTS("en")

static struct catalog *
parse(const char *text, char **cause)
{
	FILE		*f;
	struct catalog	*c;

	f = fmemopen((void *)text, strlen(text), "r");
	assert_non_null(f);
	*cause = NULL;
	c = catalog_file_read(f, "t.txt", cause);
	fclose(f);
	return c;
}

/* The file must be rejected with this "t.txt:LINE:" and reason. */
static void
assert_rejected(const char *text, const char *where, const char *reason)
{
	struct catalog	*c;
	char		*cause;

	c = parse(text, &cause);
	assert_null(c);
	assert_non_null(cause);
	if (strncmp(cause, where, strlen(where)) != 0 ||
	    strstr(cause, reason) == NULL)
		fail_msg("got \"%s\", expected \"%s ... %s\"", cause, where,
		    reason);
	free(cause);
}

static void
test_demo_catalog_is_valid(void **state)
{
	struct catalog	*c;
	size_t		 i;

	(void)state;
	c = unit_demo_read();
	assert_non_null(c);
	assert_true(c->nagencies >= 5);
	assert_true(c->nservices >= 14);
	/* Population documents are free by law (UU 24/2013 art. 79A). */
	for (i = 0; i < c->nservices; i++) {
		if (strcmp(c->services[i].agency, "dukcapil") != 0)
			continue;
		assert_non_null(strstr(c->services[i].component[
		    COMPONENT_FEE][LANG_ID], "Gratis"));
		assert_non_null(strstr(c->services[i].component[
		    COMPONENT_FEE][LANG_EN], "Free"));
	}
	catalog_free(c);
}

static void
test_minimal_catalog(void **state)
{
	struct catalog	*c;
	char		*cause;

	(void)state;
	c = parse("# comment\nloket-catalog 1\n" AGENCY SERVICE
	    "requirements.id = Surat pengantar RT\n", &cause);
	assert_non_null(c);
	assert_int_equal(c->nservices, 1);
	assert_int_equal(c->services[0].letter, 'A');
	assert_string_equal(c->services[0].component[COMPONENT_REQUIREMENTS]
	    [LANG_ID], "KK\nSurat pengantar RT");
	assert_string_equal(c->agencies[0].name[LANG_EN], "Civil Registry");
	catalog_free(c);
}

static void
test_errors_name_line_and_reason(void **state)
{
	(void)state;
	assert_rejected("hello\n", "t.txt:1:", "not a Loket catalog");
	assert_rejected("", "t.txt:1:", "not a Loket catalog");
	assert_rejected("loket-catalog 1\n" AGENCY "colour = red\n",
	    "t.txt:5:", "unknown key \"colour\"");
	assert_rejected("loket-catalog 1\nname.id = x\n", "t.txt:2:",
	    "outside any section");
	assert_rejected("loket-catalog 1\n[agency Bad_Code]\n", "t.txt:2:",
	    "not a valid code");
	assert_rejected("loket-catalog 1\n[shop x]\n", "t.txt:2:",
	    "unknown section type");
	assert_rejected("loket-catalog 1\n" AGENCY "[service x]\n"
	    "agency = pajak\n", "t.txt:6:", "unknown agency \"pajak\"");
	assert_rejected("loket-catalog 1\n" AGENCY SERVICE
	    "[service ktp2]\nletter = A\n", "t.txt:", "letter A is already "
	    "used");
	assert_rejected("loket-catalog 1\n" AGENCY "[service x]\nagency = "
	    "dukcapil\nletter = B\nname.id = X\nname.en = X\n", "t.txt:5:",
	    "has no requirements.id");
	assert_rejected("loket-catalog 1\n" AGENCY "name.id = again\n",
	    "t.txt:5:", "given twice");
	assert_rejected("loket-catalog 1\n" AGENCY "\tname.en = x\n",
	    "t.txt:5:", "tab");
	assert_rejected("loket-catalog 1\n" AGENCY "x = \033[2J\n",
	    "t.txt:5:", "control character");
	assert_rejected("loket-catalog 1\n" AGENCY "x = \xff\n",
	    "t.txt:5:", "not valid UTF-8");
	assert_rejected("loket-catalog 1\n" AGENCY "letter =\n",
	    "t.txt:5:", "empty");
	assert_rejected("loket-catalog 1\n" AGENCY "[service k]\nletter = "
	    "ab\n", "t.txt:6:", "one capital letter");
	assert_rejected("loket-catalog 1\n[office o]\nname = X\ntimezone = "
	    "GMT\n", "t.txt:4:", "WIB, WITA or WIT");
	assert_rejected("loket-catalog 1\n" AGENCY, "t.txt:", "no services");
}

/* A counter names each of its services once: the catalog's fault,
 * found with its line before any SQL (a UNIQUE constraint) sees it. */
static void
test_counter_service_twice_rejected(void **state)
{
	const char	*office = "[office o]\nname = O\naddress = A\n"
	    "timezone = WIB\n[counter 1]\noffice = o\nname = Loket 1\n";
	struct catalog	*c;
	char		*text, *cause;

	(void)state;
	text = xasprintf("loket-catalog 1\n" AGENCY SERVICE "%s"
	    "services = ktp ktp\n", office);
	assert_rejected(text, "t.txt:31:", "service \"ktp\" is listed twice");
	free(text);
	text = xasprintf("loket-catalog 1\n" AGENCY SERVICE "%s"
	    "services =  ktp   ktp\n", office);
	assert_rejected(text, "t.txt:31:", "service \"ktp\" is listed twice");
	free(text);
	text = xasprintf("loket-catalog 1\n" AGENCY SERVICE "%s"
	    "services = ktp\n", office);
	c = parse(text, &cause);
	if (c == NULL)
		fail_msg("%s", cause);
	assert_int_equal(c->ncounters, 1);
	catalog_free(c);
	free(text);
}

static void
test_long_line_rejected(void **state)
{
	char	*text, *value;

	(void)state;
	value = xmalloc(1200);
	memset(value, 'x', 1199);
	value[1199] = '\0';
	text = xasprintf("loket-catalog 1\n" AGENCY "fee.id = %s\n", value);
	assert_rejected(text, "t.txt:5:", "longer than 1000 bytes");
	free(text);
	free(value);
}

/* A byte-order mark before the first line is skipped. */
static void
test_byte_order_mark_accepted(void **state)
{
	struct catalog	*c;
	char		*cause = NULL;

	(void)state;
	c = parse("\xef\xbb\xbfloket-catalog 1\n" AGENCY SERVICE, &cause);
	if (c == NULL)
		fail_msg("%s", cause);
	assert_int_equal(c->nservices, 1);
	catalog_free(c);
	/* Only there: elsewhere it is text, and not a key. */
	assert_rejected("loket-catalog 1\n\xef\xbb\xbf" AGENCY, "t.txt:2:",
	    "key = value");
}

/* A text made of a line per component line, up to the limit. */
static char *
many_lines(const char *key, int n)
{
	char	*text = xstrdup(""), *more;
	int	 i;

	for (i = 0; i < n; i++) {
		more = xasprintf("%s%s = line %d\n", text, key, i);
		free(text);
		text = more;
	}
	return text;
}

/* A component holds at most 200 lines; the 201st is named. */
static void
test_component_lines_capped(void **state)
{
	struct catalog	*c;
	char		*lines, *text, *cause = NULL;

	(void)state;
	lines = many_lines("requirements.en", 199);
	text = xasprintf("loket-catalog 1\n" AGENCY SERVICE "%s", lines);
	c = parse(text, &cause);
	if (c == NULL)
		fail_msg("%s", cause);
	catalog_free(c);
	free(text);
	free(lines);
	lines = many_lines("requirements.en", 200);
	text = xasprintf("loket-catalog 1\n" AGENCY SERVICE "%s", lines);
	/* 23 lines hold one requirement; line 223 is the 201st */
	assert_rejected(text, "t.txt:223:", "\"requirements.en\" has more "
	    "than 200 lines");
	free(text);
	free(lines);
}

/* A catalog holds at most 26 services, one per letter; the 27th is named. */
static void
test_services_capped(void **state)
{
	char	*text = xstrdup("loket-catalog 1\n" AGENCY), *more;
	int	 i;

	(void)state;
	for (i = 0; i < 27; i++) {
		more = xasprintf("%s[service s%d]\nagency = dukcapil\n"
		    "letter = %c\nname.id = L\nname.en = S\n" COMPONENTS("id")
		    COMPONENTS("en"), text, i, 'A' + i % 26);
		free(text);
		text = more;
	}
	/* 19 lines a service after the 4 of the head: the 27th at 499 */
	assert_rejected(text, "t.txt:499:", "at most 26");
	free(text);
}

/* A device is refused at once, not read forever. */
static void
test_device_refused(void **state)
{
	struct catalog	*c;
	char		*cause = NULL;
	FILE		*f;

	(void)state;
	f = fopen("/dev/zero", "r");
	assert_non_null(f);
	c = catalog_file_read(f, "/dev/zero", &cause);
	fclose(f);
	assert_null(c);
	assert_non_null(strstr(cause, "/dev/zero"));
	assert_non_null(strstr(cause, "not a regular file"));
	free(cause);
}

/*
 * Many keyword lines are joined by spaces in one pass: 3 MB of them read
 * in well under 5 s, where a copy of the whole value per line took
 * minutes (bench/catalog measures the cost).
 */
static void
test_keyword_lines_joined(void **state)
{
	struct catalog	*c;
	FILE		*f;
	char		*text = NULL, *cause = NULL;
	size_t		 size = 0;
	double		 start;
	int		 i;

	(void)state;
	f = open_memstream(&text, &size);
	fputs("loket-catalog 1\n" AGENCY SERVICE, f);
	for (i = 0; i < 65536; i++)
		fprintf(f, "keywords = kata%d kunci pencarian layanan %08d\n", i,
		    i);
	fclose(f);
	start = unit_seconds();
	c = parse(text, &cause);
	if (c == NULL)
		fail_msg("%s", cause);
	if (unit_seconds() - start > 5)
		fail_msg("3 MB of keyword lines took %.1f s", unit_seconds() -
		    start);
	assert_int_equal(strncmp(c->services[0].keywords, "kata0 kunci "
	    "pencarian layanan 00000000 kata1 kunci", 50), 0);
	assert_null(strchr(c->services[0].keywords, '\n'));
	catalog_free(c);
	free(text);
}

/* Write a catalog and read it back: the same text again. */
static char *
write_text(const struct catalog *c)
{
	char	*buf = NULL;
	size_t	 size = 0;
	FILE	*f = open_memstream(&buf, &size);
	char	*cause = NULL;

	assert_int_equal(catalog_file_write(c, f, "t.txt", 0, &cause), 0);
	fclose(f);
	return buf;
}

static void
test_round_trip(void **state)
{
	struct catalog	*c, *again;
	char		*cause = NULL, *first, *second;

	(void)state;
	c = unit_demo_read();
	assert_non_null(c);
	first = write_text(c);
	again = parse(first, &cause);
	if (again == NULL)
		fail_msg("%s", cause);
	second = write_text(again);
	assert_string_equal(first, second);
	assert_int_equal(c->nservices, again->nservices);
	assert_int_equal(c->ncounters, again->ncounters);
	catalog_free(c);
	catalog_free(again);
	free(first);
	free(second);
}

/*
 * Text the importer would refuse (put in the database behind its back)
 * is not exported: the cause names the section and the key, and nothing
 * is written.
 */
static void
test_export_refuses_control_characters(void **state)
{
	struct catalog	*c;
	char		*buf = NULL, *cause = NULL;
	size_t		 size = 0;
	FILE		*f;

	(void)state;
	c = unit_demo_read();
	assert_non_null(c);
	free(c->agencies[1].name[LANG_EN]);
	c->agencies[1].name[LANG_EN] = xstrdup("x\033]2;pwned\007");
	f = open_memstream(&buf, &size);
	assert_int_equal(catalog_file_write(c, f, "t.txt", 0, &cause), -1);
	fclose(f);
	assert_int_equal(size, 0);
	if (strstr(cause, c->agencies[1].code) == NULL ||
	    strstr(cause, "name.en") == NULL ||
	    strstr(cause, "control character") == NULL)
		fail_msg("got \"%s\"", cause);
	free(cause);
	free(buf);
	catalog_free(c);
}

/* Keywords longer than a line are written on several, and read back. */
static void
test_export_wraps_keywords(void **state)
{
	struct catalog	*c, *again;
	char		*first, *cause = NULL, *more;
	int		 i;

	(void)state;
	c = unit_demo_read();
	assert_non_null(c);
	for (i = 0; i < 500; i++) {
		more = xasprintf("%s kata%d", c->services[0].keywords, i);
		free(c->services[0].keywords);
		c->services[0].keywords = more;
	}
	first = write_text(c);
	again = parse(first, &cause);
	if (again == NULL)
		fail_msg("%s", cause);
	assert_string_equal(again->services[0].keywords,
	    c->services[0].keywords[0] == ' ' ? c->services[0].keywords + 1 :
	    c->services[0].keywords);
	catalog_free(c);
	catalog_free(again);
	free(first);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_catalog_is_valid),
		cmocka_unit_test(test_minimal_catalog),
		cmocka_unit_test(test_errors_name_line_and_reason),
		cmocka_unit_test(test_long_line_rejected),
		cmocka_unit_test(test_counter_service_twice_rejected),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_byte_order_mark_accepted),
		cmocka_unit_test(test_component_lines_capped),
		cmocka_unit_test(test_services_capped),
		cmocka_unit_test(test_device_refused),
		cmocka_unit_test(test_keyword_lines_joined),
		cmocka_unit_test(test_export_refuses_control_characters),
		cmocka_unit_test(test_export_wraps_keywords),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
