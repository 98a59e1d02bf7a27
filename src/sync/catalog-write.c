/*
 * Writing catalog files (loket-catalog(5)): only what the reader takes
 * back. A first pass checks every text and writes nothing; the second
 * writes.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "sync/catalog.h"

#define WRITER_KEYWORDS_LINE	800	/* bytes of keywords per line */

static const char *const writer_suffix[LANG_COUNT] = { ".id", ".en" };

struct writer {
	FILE		*f;		/* NULL: the checking pass */
	int		 terminal;
	const char	*type;		/* the section, for messages */
	char		 code[64];
	char		*cause;		/* the first problem found */
};

/* Start a section: "[type code]". */
static void
writer_section(struct writer *w, const char *type, const char *code)
{
	char	*safe;

	w->type = type;
	snprintf(w->code, sizeof w->code, "%s", code);
	if (w->f == NULL) {
		if (w->cause == NULL && strcmp(type, "counter") != 0 &&
		    !catalog_code_valid(code))
			w->cause = xasprintf(_("cannot export [%s %s]: the code "
			    "is not valid"), type, code);
		return;
	}
	safe = w->terminal ? text_sanitize(code, i18n_utf8()) : NULL;
	fprintf(w->f, "\n[%s %s]\n", type, safe != NULL ? safe : code);
	free(safe);
}

/* One "key = value" line, or its check. */
static void
writer_line(struct writer *w, const char *key, const char *suffix,
    const char *value, size_t len)
{
	char			*copy, *safe;
	enum text_problem	 problem;

	copy = xstrndup(value, len);
	if (w->f == NULL) {
		problem = text_check_input(copy, SIZE_MAX);
		if (w->cause == NULL && (problem == TEXT_CONTROL ||
		    problem == TEXT_BAD_UTF8 || memchr(value, '\0', len)))
			w->cause = xasprintf(_("cannot export [%s %s] %s%s: it "
			    "holds a control character or invalid UTF-8"),
			    w->type, w->code, key, suffix);
		else if (w->cause == NULL && strlen(key) + strlen(suffix) +
		    3 + len > CATALOG_MAX_LINE)
			w->cause = xasprintf(_("cannot export [%s %s] %s%s: a "
			    "line is longer than %d bytes"), w->type, w->code,
			    key, suffix, CATALOG_MAX_LINE);
	} else {
		safe = w->terminal ? text_sanitize(copy, i18n_utf8()) : NULL;
		fprintf(w->f, "%s%s = %s\n", key, suffix,
		    safe != NULL ? safe : copy);
		free(safe);
	}
	free(copy);
}

static void
writer_value(struct writer *w, const char *key, const char *suffix,
    const char *value)
{
	writer_line(w, key, suffix, value, strlen(value));
}

/* A multi-line value as one "key = line" per line. */
static void
writer_lines(struct writer *w, const char *key, const char *suffix,
    const char *text)
{
	const char	*nl;

	while ((nl = strchr(text, '\n')) != NULL) {
		writer_line(w, key, suffix, text, nl - text);
		text = nl + 1;
	}
	writer_value(w, key, suffix, text);
}

/* Keywords on as many lines as they need: the reader joins them. */
static void
writer_keywords(struct writer *w, const char *keywords)
{
	size_t	 len, cut;

	while (*keywords == ' ')
		keywords++;
	while ((len = strlen(keywords)) > 0) {
		cut = len;
		if (cut > WRITER_KEYWORDS_LINE) {
			cut = WRITER_KEYWORDS_LINE;
			while (cut > 0 && keywords[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = text_utf8_boundary(keywords,
				    WRITER_KEYWORDS_LINE);
		}
		writer_line(w, "keywords", "", keywords, cut);
		keywords += cut;
		while (*keywords == ' ')
			keywords++;
	}
}

static void
writer_service(struct writer *w, const struct catalog_service *s)
{
	char	 letter[2] = { s->letter, '\0' };
	int	 l, k;

	writer_section(w, "service", s->code);
	writer_value(w, "agency", "", s->agency);
	writer_value(w, "letter", "", letter);
	for (l = 0; l < LANG_COUNT; l++)
		writer_value(w, "name", writer_suffix[l], s->name[l]);
	writer_keywords(w, s->keywords);
	for (k = 0; k < COMPONENT_COUNT; k++) {
		for (l = 0; l < LANG_COUNT; l++)
			writer_lines(w, catalog_component_key(k),
			    writer_suffix[l], s->component[k][l]);
	}
}

/* One pass over the whole catalog, checking or writing. */
static void
writer_catalog(struct writer *w, const struct catalog *c)
{
	char	 number[16];
	size_t	 i;
	int	 l;

	for (i = 0; i < c->nagencies; i++) {
		writer_section(w, "agency", c->agencies[i].code);
		for (l = 0; l < LANG_COUNT; l++)
			writer_value(w, "name", writer_suffix[l],
			    c->agencies[i].name[l]);
	}
	for (i = 0; i < c->nservices; i++)
		writer_service(w, &c->services[i]);
	for (i = 0; i < c->noffices; i++) {
		writer_section(w, "office", c->offices[i].code);
		writer_value(w, "name", "", c->offices[i].name);
		if (*c->offices[i].address != '\0')
			writer_value(w, "address", "", c->offices[i].address);
		writer_value(w, "timezone", "", c->offices[i].timezone);
	}
	for (i = 0; i < c->ncounters; i++) {
		snprintf(number, sizeof number, "%d", c->counters[i].number);
		writer_section(w, "counter", number);
		writer_value(w, "office", "", c->counters[i].office);
		writer_value(w, "name", "", c->counters[i].name);
		writer_value(w, "services", "", c->counters[i].services);
	}
}

int
catalog_file_write(const struct catalog *c, FILE *f, const char *name,
    int terminal, char **cause)
{
	struct writer	 w;

	memset(&w, 0, sizeof w);
	writer_catalog(&w, c);
	if (w.cause != NULL) {
		*cause = w.cause;
		return -1;
	}
	if (f == NULL)
		return 0;
	w.f = f;
	w.terminal = terminal;
	fprintf(f, "%s\n# Written by loket catalog export; see "
	    "loket-catalog(5).\n", CATALOG_MAGIC);
	writer_catalog(&w, c);
	if (fflush(f) != 0 || ferror(f)) {
		*cause = xasprintf(_("cannot write %s: %s"), name,
		    strerror(errno));
		return -1;
	}
	return 0;
}
