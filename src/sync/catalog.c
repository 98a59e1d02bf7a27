/*
 * The service catalog: its components, the rules its codes follow and
 * the time zones its offices keep.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/xmalloc.h"
#include "sync/catalog.h"

static const struct {
	const char	*key;
	const char	*title;
	int		 numbered;
} catalog_components[COMPONENT_COUNT] = {
	{ "requirements", N_("Requirements"), 1 },
	{ "procedure", N_("Procedure"), 1 },
	{ "time", N_("Processing time"), 0 },
	{ "fee", N_("Fee"), 0 },
	{ "product", N_("Service product"), 0 },
	{ "complaints", N_("Complaints"), 0 },
	{ "legal", N_("Legal basis"), 0 },
};

/* Indonesia keeps no daylight saving, so each zone is a fixed offset. */
static const struct {
	const char	*name;
	int		 offset;
} catalog_zones[] = {
	{ "WIB", 7 * 3600 },
	{ "WITA", 8 * 3600 },
	{ "WIT", 9 * 3600 },
};

struct catalog *
catalog_new(void)
{
	return xcalloc(1, sizeof (struct catalog));
}

void
catalog_free(struct catalog *c)
{
	size_t	 i;
	int	 l, k;

	if (c == NULL)
		return;
	for (i = 0; i < c->nagencies; i++) {
		free(c->agencies[i].code);
		for (l = 0; l < LANG_COUNT; l++)
			free(c->agencies[i].name[l]);
	}
	for (i = 0; i < c->nservices; i++) {
		struct catalog_service *s = &c->services[i];

		free(s->code);
		free(s->agency);
		free(s->keywords);
		for (l = 0; l < LANG_COUNT; l++) {
			free(s->name[l]);
			for (k = 0; k < COMPONENT_COUNT; k++)
				free(s->component[k][l]);
		}
	}
	for (i = 0; i < c->noffices; i++) {
		free(c->offices[i].code);
		free(c->offices[i].name);
		free(c->offices[i].address);
		free(c->offices[i].timezone);
	}
	for (i = 0; i < c->ncounters; i++) {
		free(c->counters[i].office);
		free(c->counters[i].name);
		free(c->counters[i].services);
	}
	free(c->agencies);
	free(c->services);
	free(c->offices);
	free(c->counters);
	free(c);
}

const char *
catalog_component_key(enum component c)
{
	return catalog_components[c].key;
}

const char *
catalog_component_title(enum component c)
{
	return _(catalog_components[c].title);
}

int
catalog_component_numbered(enum component c)
{
	return catalog_components[c].numbered;
}

int
catalog_component_parse(const char *key, enum component *c)
{
	int	 i;

	for (i = 0; i < COMPONENT_COUNT; i++) {
		if (strcmp(catalog_components[i].key, key) == 0) {
			*c = i;
			return 0;
		}
	}
	return -1;
}

int
catalog_code_valid(const char *code)
{
	size_t	 len = strlen(code);

	if (len == 0 || len > 32)
		return 0;
	return strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789-") == len;
}

const char *
catalog_zone(const char *name, int *offset)
{
	size_t	 i;

	for (i = 0; i < sizeof catalog_zones / sizeof catalog_zones[0]; i++) {
		if (strcmp(name, catalog_zones[i].name) == 0) {
			*offset = catalog_zones[i].offset;
			return catalog_zones[i].name;
		}
	}
	return NULL;
}
