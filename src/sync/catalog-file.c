/*
 * Reading and writing catalog files (loket-catalog(5)): a line-based,
 * INI-like text format. It is not parsed with inih because catalog text
 * needs lines longer than inih's 200 bytes and semicolons that inih would
 * take for comments.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/input.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "sync/catalog.h"

#define CATALOG_BOM		"\xef\xbb\xbf"	/* Windows editors write it */
/* Far more than an office needs, and little enough to stay quick. */
#define CATALOG_MAX_LINES	200		/* per component and language */
#define CATALOG_MAX_SERVICES	26		/* one per queue letter */
#define CATALOG_MAX_AGENCIES	100
#define CATALOG_MAX_OFFICES	100
#define CATALOG_MAX_COUNTERS	1000
#define CATALOG_MAX_BYTES	(32L * 1024 * 1024)

enum section {
	SECTION_NONE,
	SECTION_AGENCY,
	SECTION_SERVICE,
	SECTION_OFFICE,
	SECTION_COUNTER
};

/* A multi-line value as it grows: appending costs what is appended. */
struct parser_text {
	size_t		 len;
	size_t		 size;
	int		 lines;
};

struct parser {
	struct catalog	*catalog;
	const char	*name;
	int		 line;
	long		 bytes;
	int		 magic_seen;
	enum section	 section;
	char		*cause;
	/* The growing values of the current service, by component. */
	struct parser_text component[COMPONENT_COUNT][LANG_COUNT];
	struct parser_text keywords;
};

static const char *const parser_lang_suffix[LANG_COUNT] = { ".id", ".en" };

/* Set the cause, naming the file and line; return -1. */
static int __attribute__((format(printf, 3, 4)))
parser_error(struct parser *p, int line, const char *fmt, ...)
{
	va_list	 ap;
	char	*reason;

	va_start(ap, fmt);
	reason = xvasprintf(fmt, ap);
	va_end(ap);
	p->cause = xasprintf("%s:%d: %s", p->name, line, reason);
	free(reason);
	return -1;
}

/* Split "key.id" into key and language; -1 if there is no suffix. */
static int
parser_split_lang(char *key, enum lang *lang)
{
	size_t	 len = strlen(key);
	int	 l;

	for (l = 0; l < LANG_COUNT; l++) {
		if (len > 3 && strcmp(key + len - 3, parser_lang_suffix[l]) == 0) {
			key[len - 3] = '\0';
			*lang = l;
			return 0;
		}
	}
	return -1;
}

/* Append a line to a multi-line value, joined by sep. */
static void
parser_append(char **field, struct parser_text *t, const char *value,
    char sep)
{
	size_t	 len = strlen(value), need;

	if (*field == NULL) {
		t->len = t->size = 0;
		t->lines = 0;
	}
	need = t->len + (t->len > 0 ? 1 : 0) + len + 1;
	if (need > t->size) {
		t->size = need > 2 * t->size ? need : 2 * t->size;
		*field = xreallocarray(*field, t->size, 1);
	}
	if (t->len > 0)
		(*field)[t->len++] = sep;
	memcpy(*field + t->len, value, len + 1);
	t->len += len;
	t->lines++;
}

/* Set a value that may appear once. */
static int
parser_set_once(struct parser *p, char **field, const char *key,
    const char *value)
{
	if (*field != NULL)
		return parser_error(p, p->line, _("\"%s\" is given twice"), key);
	*field = xstrdup(value);
	return 0;
}

static struct catalog_agency *
parser_find_agency(struct catalog *c, const char *code)
{
	size_t	 i;

	for (i = 0; i < c->nagencies; i++) {
		if (strcmp(c->agencies[i].code, code) == 0)
			return &c->agencies[i];
	}
	return NULL;
}

static struct catalog_service *
parser_find_service(struct catalog *c, const char *code)
{
	size_t	 i;

	for (i = 0; i < c->nservices; i++) {
		if (strcmp(c->services[i].code, code) == 0)
			return &c->services[i];
	}
	return NULL;
}

static struct catalog_office *
parser_find_office(struct catalog *c, const char *code)
{
	size_t	 i;

	for (i = 0; i < c->noffices; i++) {
		if (strcmp(c->offices[i].code, code) == 0)
			return &c->offices[i];
	}
	return NULL;
}

/* Check that the section just ended has everything it needs. */
static int
parser_end_section(struct parser *p)
{
	struct catalog	*c = p->catalog;
	int		 l, k;

	switch (p->section) {
	case SECTION_NONE:
		break;
	case SECTION_AGENCY: {
		struct catalog_agency *a = &c->agencies[c->nagencies - 1];

		for (l = 0; l < LANG_COUNT; l++) {
			if (a->name[l] == NULL)
				return parser_error(p, a->line, _("agency "
				    "\"%s\" has no name%s"), a->code,
				    parser_lang_suffix[l]);
		}
		break;
	}
	case SECTION_SERVICE: {
		struct catalog_service *s = &c->services[c->nservices - 1];

		if (s->agency == NULL)
			return parser_error(p, s->line, _("service \"%s\" has "
			    "no agency"), s->code);
		if (s->letter == '\0')
			return parser_error(p, s->line, _("service \"%s\" has "
			    "no letter"), s->code);
		for (l = 0; l < LANG_COUNT; l++) {
			if (s->name[l] == NULL)
				return parser_error(p, s->line, _("service "
				    "\"%s\" has no name%s"), s->code,
				    parser_lang_suffix[l]);
			for (k = 0; k < COMPONENT_COUNT; k++) {
				if (s->component[k][l] != NULL)
					continue;
				return parser_error(p, s->line, _("service "
				    "\"%s\" has no %s%s"), s->code,
				    catalog_component_key(k),
				    parser_lang_suffix[l]);
			}
		}
		if (s->keywords == NULL)
			s->keywords = xstrdup("");
		break;
	}
	case SECTION_OFFICE: {
		struct catalog_office *o = &c->offices[c->noffices - 1];

		if (o->name == NULL)
			return parser_error(p, o->line, _("office \"%s\" has "
			    "no name"), o->code);
		if (o->timezone == NULL)
			return parser_error(p, o->line, _("office \"%s\" has "
			    "no timezone"), o->code);
		if (o->address == NULL)
			o->address = xstrdup("");
		break;
	}
	case SECTION_COUNTER: {
		struct catalog_counter *n = &c->counters[c->ncounters - 1];

		if (n->office == NULL || n->name == NULL || n->services == NULL)
			return parser_error(p, n->line, _("counter %d needs "
			    "office, name and services"), n->number);
		break;
	}
	}
	p->section = SECTION_NONE;
	return 0;
}

/* Refuse one section more than a catalog may hold. */
static int
parser_too_many(struct parser *p, const char *type)
{
	static const struct {
		const char	*type;
		size_t		 offset;
		size_t		 max;
	} limits[] = {
		{ "agency", offsetof(struct catalog, nagencies),
		  CATALOG_MAX_AGENCIES },
		{ "service", offsetof(struct catalog, nservices),
		  CATALOG_MAX_SERVICES },
		{ "office", offsetof(struct catalog, noffices),
		  CATALOG_MAX_OFFICES },
		{ "counter", offsetof(struct catalog, ncounters),
		  CATALOG_MAX_COUNTERS },
	};
	size_t	 i, count;

	for (i = 0; i < sizeof limits / sizeof limits[0]; i++) {
		if (strcmp(type, limits[i].type) != 0)
			continue;
		count = *(const size_t *)((const char *)p->catalog +
		    limits[i].offset);
		if (count >= limits[i].max)
			return parser_error(p, p->line, _("too many [%s] "
			    "sections: a catalog holds at most %zu"),
			    limits[i].type, limits[i].max);
	}
	return 0;
}

/* A section header: [agency CODE], [service CODE], ... */
static int
parser_header(struct parser *p, char *line)
{
	struct catalog	*c = p->catalog;
	size_t		 len = strlen(line);
	char		*type, *code, *end;
	long		 number;

	if (parser_end_section(p) != 0)
		return -1;
	if (line[len - 1] != ']')
		return parser_error(p, p->line, _("a section header must end "
		    "with \"]\""));
	line[len - 1] = '\0';
	type = text_trim(line + 1);
	if ((code = strchr(type, ' ')) == NULL)
		return parser_error(p, p->line, _("a section header needs a "
		    "type and a code, such as [service ktp-el-baru]"));
	*code++ = '\0';
	text_trim(code);
	if (parser_too_many(p, type) != 0)
		return -1;

	if (strcmp(type, "counter") == 0) {
		errno = 0;
		number = strtol(code, &end, 10);
		if (*end != '\0' || number < 1 || number > 99)
			return parser_error(p, p->line, _("a counter number "
			    "must be from 1 to 99, not \"%s\""), code);
		c->counters = xreallocarray(c->counters, c->ncounters + 1,
		    sizeof *c->counters);
		memset(&c->counters[c->ncounters], 0, sizeof *c->counters);
		c->counters[c->ncounters].number = number;
		c->counters[c->ncounters].line = p->line;
		c->ncounters++;
		p->section = SECTION_COUNTER;
		return 0;
	}
	if (!catalog_code_valid(code))
		return parser_error(p, p->line, _("\"%s\" is not a valid code: "
		    "use 1 to 32 of a-z, 0-9 and -"), code);
	if (strcmp(type, "agency") == 0) {
		if (parser_find_agency(c, code) != NULL)
			return parser_error(p, p->line, _("agency \"%s\" is "
			    "defined twice"), code);
		c->agencies = xreallocarray(c->agencies, c->nagencies + 1,
		    sizeof *c->agencies);
		memset(&c->agencies[c->nagencies], 0, sizeof *c->agencies);
		c->agencies[c->nagencies].code = xstrdup(code);
		c->agencies[c->nagencies].line = p->line;
		c->nagencies++;
		p->section = SECTION_AGENCY;
	} else if (strcmp(type, "service") == 0) {
		if (parser_find_service(c, code) != NULL)
			return parser_error(p, p->line, _("service \"%s\" is "
			    "defined twice"), code);
		c->services = xreallocarray(c->services, c->nservices + 1,
		    sizeof *c->services);
		memset(&c->services[c->nservices], 0, sizeof *c->services);
		c->services[c->nservices].code = xstrdup(code);
		c->services[c->nservices].line = p->line;
		c->nservices++;
		p->section = SECTION_SERVICE;
	} else if (strcmp(type, "office") == 0) {
		if (parser_find_office(c, code) != NULL)
			return parser_error(p, p->line, _("office \"%s\" is "
			    "defined twice"), code);
		c->offices = xreallocarray(c->offices, c->noffices + 1,
		    sizeof *c->offices);
		memset(&c->offices[c->noffices], 0, sizeof *c->offices);
		c->offices[c->noffices].code = xstrdup(code);
		c->offices[c->noffices].line = p->line;
		c->noffices++;
		p->section = SECTION_OFFICE;
	} else {
		return parser_error(p, p->line, _("unknown section type "
		    "\"%s\": use agency, service, office or counter"), type);
	}
	return 0;
}

static int
parser_agency_key(struct parser *p, char *key, const char *value)
{
	struct catalog_agency	*a = &p->catalog->agencies[
				    p->catalog->nagencies - 1];
	enum lang		 lang;

	if (parser_split_lang(key, &lang) == 0 && strcmp(key, "name") == 0)
		return parser_set_once(p, &a->name[lang], "name", value);
	return parser_error(p, p->line, _("unknown key \"%s\" for an agency: "
	    "use name.id and name.en"), key);
}

static int
parser_service_letter(struct parser *p, struct catalog_service *s,
    const char *value)
{
	size_t	 i;

	if (strlen(value) != 1 || value[0] < 'A' || value[0] > 'Z')
		return parser_error(p, p->line, _("the letter must be one "
		    "capital letter from A to Z, not \"%s\""), value);
	if (s->letter != '\0')
		return parser_error(p, p->line, _("\"%s\" is given twice"),
		    "letter");
	for (i = 0; i + 1 < p->catalog->nservices; i++) {
		if (p->catalog->services[i].letter == value[0])
			return parser_error(p, p->line, _("letter %c is "
			    "already used by service \"%s\""), value[0],
			    p->catalog->services[i].code);
	}
	s->letter = value[0];
	return 0;
}

static int
parser_service_key(struct parser *p, char *key, const char *value)
{
	struct catalog		*c = p->catalog;
	struct catalog_service	*s = &c->services[c->nservices - 1];
	enum component		 comp;
	enum lang		 lang;

	if (strcmp(key, "agency") == 0) {
		if (parser_find_agency(c, value) == NULL)
			return parser_error(p, p->line, _("unknown agency "
			    "\"%s\": define it above this service"), value);
		return parser_set_once(p, &s->agency, "agency", value);
	}
	if (strcmp(key, "letter") == 0)
		return parser_service_letter(p, s, value);
	if (strcmp(key, "keywords") == 0) {
		parser_append(&s->keywords, &p->keywords, value, ' ');
		return 0;
	}
	if (parser_split_lang(key, &lang) == 0) {
		if (strcmp(key, "name") == 0)
			return parser_set_once(p, &s->name[lang], "name",
			    value);
		if (catalog_component_parse(key, &comp) == 0) {
			if (p->component[comp][lang].lines >= CATALOG_MAX_LINES &&
			    s->component[comp][lang] != NULL)
				return parser_error(p, p->line, _("\"%s%s\" has "
				    "more than %d lines"), key,
				    parser_lang_suffix[lang], CATALOG_MAX_LINES);
			parser_append(&s->component[comp][lang],
			    &p->component[comp][lang], value, '\n');
			return 0;
		}
	}
	return parser_error(p, p->line, _("unknown key \"%s\" for a service: "
	    "use agency, letter, keywords, name, requirements, procedure, "
	    "time, fee, product, complaints or legal, with .id or .en where "
	    "the text has a language"), key);
}

static int
parser_office_key(struct parser *p, const char *key, const char *value)
{
	struct catalog_office	*o = &p->catalog->offices[
				    p->catalog->noffices - 1];
	int			 offset;

	if (strcmp(key, "name") == 0)
		return parser_set_once(p, &o->name, key, value);
	if (strcmp(key, "address") == 0)
		return parser_set_once(p, &o->address, key, value);
	if (strcmp(key, "timezone") == 0) {
		if (catalog_zone(value, &offset) == NULL)
			return parser_error(p, p->line, _("the timezone must "
			    "be WIB, WITA or WIT, not \"%s\""), value);
		return parser_set_once(p, &o->timezone, key, value);
	}
	return parser_error(p, p->line, _("unknown key \"%s\" for an office: "
	    "use name, address and timezone"), key);
}

/* A counter's services: each one defined above and named once; 0 or -1. */
static int
parser_counter_services(struct parser *p, const char *value)
{
	struct catalog	*c = p->catalog;
	char		*copy, *word, *save, *earlier;
	int		 result = -1;

	copy = xstrdup(value);
	for (word = strtok_r(copy, " ", &save); word != NULL;
	    word = strtok_r(NULL, " ", &save)) {
		if (parser_find_service(c, word) == NULL) {
			parser_error(p, p->line, _("unknown service \"%s\": "
			    "define it above this counter"), word);
			goto out;
		}
		/* The words before this one end in the NULs strtok_r put. */
		for (earlier = copy + strspn(copy, " "); earlier < word;
		    earlier += strlen(earlier) + 1,
		    earlier += strspn(earlier, " ")) {
			if (strcmp(earlier, word) == 0) {
				parser_error(p, p->line, _("service \"%s\" is "
				    "listed twice for this counter"), word);
				goto out;
			}
		}
	}
	result = 0;
out:
	free(copy);
	return result;
}

static int
parser_counter_key(struct parser *p, const char *key, const char *value)
{
	struct catalog		*c = p->catalog;
	struct catalog_counter	*n = &c->counters[c->ncounters - 1];
	size_t			 i;

	if (strcmp(key, "office") == 0) {
		if (parser_find_office(c, value) == NULL)
			return parser_error(p, p->line, _("unknown office "
			    "\"%s\": define it above this counter"), value);
		for (i = 0; i + 1 < c->ncounters; i++) {
			if (c->counters[i].number == n->number &&
			    strcmp(c->counters[i].office, value) == 0)
				return parser_error(p, p->line, _("counter %d "
				    "is defined twice for office \"%s\""),
				    n->number, value);
		}
		return parser_set_once(p, &n->office, key, value);
	}
	if (strcmp(key, "name") == 0)
		return parser_set_once(p, &n->name, key, value);
	if (strcmp(key, "services") == 0) {
		if (parser_counter_services(p, value) != 0)
			return -1;
		return parser_set_once(p, &n->services, key, value);
	}
	return parser_error(p, p->line, _("unknown key \"%s\" for a counter: "
	    "use office, name and services"), key);
}

/* One "key = value" line. */
static int
parser_key_value(struct parser *p, char *line)
{
	char	*equals, *key, *value;

	if ((equals = strchr(line, '=')) == NULL)
		return parser_error(p, p->line, _("expected \"key = value\" "
		    "or a [section] header"));
	*equals = '\0';
	key = text_trim(line);
	value = text_trim(equals + 1);
	if (*key == '\0')
		return parser_error(p, p->line, _("a key is missing before "
		    "\"=\""));
	if (*value == '\0')
		return parser_error(p, p->line, _("the value of \"%s\" is "
		    "empty"), key);

	switch (p->section) {
	case SECTION_NONE:
		return parser_error(p, p->line, _("\"%s\" is outside any "
		    "section"), key);
	case SECTION_AGENCY:
		return parser_agency_key(p, key, value);
	case SECTION_SERVICE:
		return parser_service_key(p, key, value);
	case SECTION_OFFICE:
		return parser_office_key(p, key, value);
	case SECTION_COUNTER:
		return parser_counter_key(p, key, value);
	}
	return -1;
}

static int
parser_line(struct parser *p, char *line, size_t len)
{
	char	*start;

	if (len > 0 && line[len - 1] == '\r')
		line[--len] = '\0';
	if (len > CATALOG_MAX_LINE)
		return parser_error(p, p->line, _("the line is longer than "
		    "%d bytes"), CATALOG_MAX_LINE);
	if (memchr(line, '\0', len) != NULL || !text_utf8_valid(line, len))
		return parser_error(p, p->line, _("the line is not valid "
		    "UTF-8 text"));
	switch (text_check_input(line, CATALOG_MAX_LINE)) {
	case TEXT_CONTROL:
		return parser_error(p, p->line, _("the line holds a tab or "
		    "another control character"));
	case TEXT_EMPTY:
		return 0;
	default:
		break;
	}
	start = text_trim(line);
	if (*start == '\0' || *start == '#')
		return 0;
	if (!p->magic_seen) {
		if (strcmp(start, CATALOG_MAGIC) != 0)
			return parser_error(p, p->line, _("not a Loket catalog: "
			    "the first line must be \"%s\""), CATALOG_MAGIC);
		p->magic_seen = 1;
		return 0;
	}
	if (*start == '[')
		return parser_header(p, start);
	return parser_key_value(p, start);
}

/* Refuse a device or a directory: only a file or a pipe ends. */
static int
parser_check_file(FILE *f, const char *name, char **cause)
{
	struct stat	 sb;

	if (fileno(f) < 0 || fstat(fileno(f), &sb) == -1)
		return 0;	/* in memory (the fuzzer), or let read fail */
	if (S_ISREG(sb.st_mode) || S_ISFIFO(sb.st_mode))
		return 0;
	*cause = xasprintf(_("cannot read %s: it is not a regular file"),
	    name);
	return -1;
}

/* Read the lines into p; -1 with p->cause at the first bad one. */
static int
parser_read(struct parser *p, FILE *f)
{
	char			 line[CATALOG_MAX_LINE + 3], *start;
	size_t			 len;
	enum input_status	 status;

	while ((status = input_line(f, line, sizeof line - 1, &len)) ==
	    INPUT_LINE) {
		p->line++;
		if ((p->bytes += len + 1) > CATALOG_MAX_BYTES)
			return parser_error(p, p->line, _("the catalog is "
			    "larger than %ld MiB"), CATALOG_MAX_BYTES >> 20);
		start = line;
		if (p->line == 1 && strncmp(line, CATALOG_BOM, 3) == 0) {
			start += 3;
			len -= 3;
		}
		if (parser_line(p, start, len) != 0)
			return -1;
	}
	if (status == INPUT_LONG)
		return parser_error(p, p->line + 1, _("the line is longer "
		    "than %d bytes"), CATALOG_MAX_LINE);
	if (status == INPUT_ERROR) {
		p->cause = xasprintf("%s: %s", p->name, strerror(errno));
		return -1;
	}
	return 0;
}

struct catalog *
catalog_file_read(FILE *f, const char *name, char **cause)
{
	struct parser	 p;

	if (parser_check_file(f, name, cause) != 0)
		return NULL;
	memset(&p, 0, sizeof p);
	p.catalog = catalog_new();
	p.name = name;
	if (parser_read(&p, f) != 0)
		goto fail;
	p.line++;
	if (!p.magic_seen) {
		parser_error(&p, 1, _("not a Loket catalog: the first line "
		    "must be \"%s\""), CATALOG_MAGIC);
		goto fail;
	}
	if (parser_end_section(&p) != 0)
		goto fail;
	if (p.catalog->nservices == 0) {
		parser_error(&p, p.line - 1, _("the catalog has no services"));
		goto fail;
	}
	return p.catalog;

fail:
	catalog_free(p.catalog);
	*cause = p.cause;
	return NULL;
}
