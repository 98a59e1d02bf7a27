/* Searching the catalog by keyword, and the list of what matched. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "dialog-internal.h"
#include "xmalloc.h"

#define SEARCH_MAX	40

static void
dialog_search_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("Search services"));
	screen_set_prompt(s, _("Type a word, such as KTP or akta, then press "
	    "Enter."));
	screen_set_field(s, FIELD_TEXT, _("Keyword"), SEARCH_MAX);
}

static enum dialog_result
dialog_search_submit(struct dialog *d, struct dialog_frame *f,
    const char *query)
{
	struct catalog_entry	*entries;
	struct dialog_frame	*results;
	size_t			 n;
	char			*cause;

	(void)f;
	if (catalog_search(d->db, query, d->lang, &entries, &n, &cause) != 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		return DIALOG_CHANGED;
	}
	catalog_entries_free(entries, n);
	if (n == 0) {
		dialog_message(d, 1, _("No service matches \"%s\". Try another "
		    "word, such as KTP or akta."), query);
		return DIALOG_CHANGED;
	}
	results = dialog_push(d, &dialog_results, 0, 0);
	results->text = xstrdup(query);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_search = {
	"search", dialog_search_build, NULL, dialog_search_submit
};

static void
dialog_results_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	struct catalog_entry	*entries;
	struct dialog_page	 p;
	size_t			 n, i;
	char			*cause, *text;

	text = xasprintf(_("Search: %s"), f->text);
	screen_set_title(s, text);
	free(text);
	if (catalog_search(d->db, f->text, d->lang, &entries, &n,
	    &cause) != 0) {
		screen_set_message(s, cause, 1);
		free(cause);
		return;
	}
	text = xasprintf(ngettext("%zu service matches. Choose one.",
	    "%zu services match. Choose one.", n), n);
	screen_set_prompt(s, text);
	free(text);
	dialog_page_layout(n, 0, f->page, &p);
	for (i = 0; i < p.count; i++)
		screen_add_item(s, entries[p.first + i].name);
	if (p.has_more)
		screen_add_item(s, _("More..."));
	catalog_entries_free(entries, n);
}

static enum dialog_result
dialog_results_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	struct catalog_entry	*entries;
	struct dialog_page	 p;
	size_t			 count;
	long			 index;
	char			*cause;

	if (catalog_search(d->db, f->text, d->lang, &entries, &count,
	    &cause) != 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		return DIALOG_CHANGED;
	}
	dialog_page_layout(count, 0, f->page, &p);
	index = dialog_page_choice(&p, 0, n);
	if (index >= 0)
		dialog_push(d, &dialog_service, entries[index].id, 0);
	else
		f->page = p.first + p.count >= count ? 0 : f->page + 1;
	catalog_entries_free(entries, count);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_results = {
	"results", dialog_results_build, dialog_results_choose, NULL
};
