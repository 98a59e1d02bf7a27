/*
 * The service-information browser: agencies, their services, and each
 * service's standard, one component at a time.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "dialog-internal.h"
#include "xmalloc.h"

/* Show a store error on the screen being built. */
static void
dialog_info_failed(struct screen *s, char *cause)
{
	screen_set_message(s, cause, 1);
	free(cause);
}

/* Add a page of entries as items, then the extras, then "more". */
static void
dialog_info_list(struct screen *s, const struct catalog_entry *entries,
    size_t n, const char *const *extras, size_t nextras, size_t page)
{
	struct dialog_page	 p;
	size_t			 i;

	dialog_page_layout(n, nextras, page, &p);
	for (i = 0; i < p.count; i++)
		screen_add_item(s, entries[p.first + i].name);
	for (i = 0; i < nextras; i++)
		screen_add_item(s, extras[i]);
	if (p.has_more)
		screen_add_item(s, _("More..."));
}

/* Act on choice n of a paged list; return the entry index, or -1. */
static long
dialog_info_pick(struct dialog_frame *f, size_t total, size_t nextras,
    size_t n, long *extra)
{
	struct dialog_page	 p;
	long			 choice;

	dialog_page_layout(total, nextras, f->page, &p);
	choice = dialog_page_choice(&p, nextras, n);
	*extra = -1;
	if (choice == -1) {
		f->page = p.first + p.count >= total ? 0 : f->page + 1;
		return -1;
	}
	if (choice <= -2) {
		*extra = -2 - choice;
		return -1;
	}
	return choice;
}

static void
dialog_agencies_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	struct catalog_entry	*entries;
	const char		*extras[1];
	size_t			 n;
	char			*cause;

	screen_set_title(s, _("Service information"));
	screen_set_prompt(s, _("Choose an agency, or search for a service by "
	    "keyword."));
	if (catalog_agencies(d->db, d->lang, &entries, &n, &cause) != 0) {
		dialog_info_failed(s, cause);
		return;
	}
	extras[0] = _("Search by keyword");
	dialog_info_list(s, entries, n, extras, 1, f->page);
	catalog_entries_free(entries, n);
}

static enum dialog_result
dialog_agencies_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	struct catalog_entry	*entries;
	size_t			 count;
	long			 index, extra;
	char			*cause;

	if (catalog_agencies(d->db, d->lang, &entries, &count, &cause) != 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		return DIALOG_CHANGED;
	}
	index = dialog_info_pick(f, count, 1, n, &extra);
	if (index >= 0)
		dialog_push(d, &dialog_services, entries[index].id, 0);
	else if (extra == 0)
		dialog_push(d, &dialog_search, 0, 0);
	catalog_entries_free(entries, count);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_agencies = {
	"agencies", dialog_agencies_build, dialog_agencies_choose, NULL
};

static void
dialog_services_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	struct catalog_entry	*entries;
	size_t			 n;
	char			*cause, *name;

	name = catalog_name(d->db, CATALOG_AGENCY, f->id, d->lang);
	screen_set_title(s, name != NULL ? name : _("Services"));
	free(name);
	screen_set_prompt(s, _("Choose a service."));
	if (catalog_services(d->db, f->id, d->lang, &entries, &n,
	    &cause) != 0) {
		dialog_info_failed(s, cause);
		return;
	}
	if (n == 0)
		screen_add_body(s, _("This agency has no services listed."));
	dialog_info_list(s, entries, n, NULL, 0, f->page);
	catalog_entries_free(entries, n);
}

static enum dialog_result
dialog_services_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	struct catalog_entry	*entries;
	size_t			 count;
	long			 index, extra;
	char			*cause;

	if (catalog_services(d->db, f->id, d->lang, &entries, &count,
	    &cause) != 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		return DIALOG_CHANGED;
	}
	index = dialog_info_pick(f, count, 0, n, &extra);
	if (index >= 0)
		dialog_push(d, &dialog_service, entries[index].id, 0);
	catalog_entries_free(entries, count);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_services = {
	"services", dialog_services_build, dialog_services_choose, NULL
};

static void
dialog_service_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	*name;
	int	 k;

	name = catalog_name(d->db, CATALOG_SERVICE, f->id, d->lang);
	screen_set_title(s, name != NULL ? name : _("Service"));
	free(name);
	screen_set_prompt(s, _("Choose what you want to know about this "
	    "service."));
	for (k = 0; k < COMPONENT_COUNT; k++)
		screen_add_item(s, catalog_component_title(k));
}

static enum dialog_result
dialog_service_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	dialog_push(d, &dialog_component, f->id, (int)n - 1);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_service = {
	"service", dialog_service_build, dialog_service_choose, NULL
};

static void
dialog_component_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	*name, *title, *text, *cause, *line, *save, *numbered;
	int	 number = 0;

	name = catalog_name(d->db, CATALOG_SERVICE, f->id, d->lang);
	title = xasprintf("%s: %s", name != NULL ? name : _("Service"),
	    catalog_component_title(f->item));
	screen_set_title(s, title);
	free(title);
	free(name);
	screen_set_prompt(s, catalog_component_title(f->item));
	if (catalog_component(d->db, f->id, f->item, d->lang, &text,
	    &cause) != 0) {
		dialog_info_failed(s, cause);
		return;
	}
	if (*text == '\0')
		screen_add_body(s, _("This information is not available."));
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (!catalog_component_numbered(f->item)) {
			screen_add_body(s, line);
			continue;
		}
		numbered = xasprintf("%d. %s", ++number, line);
		screen_add_body(s, numbered);
		free(numbered);
	}
	free(text);
}

const struct dialog_type dialog_component = {
	"component", dialog_component_build, NULL, NULL
};
