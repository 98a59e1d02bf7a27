/* Searching the catalog by keyword, and the list of what matched. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/xmalloc.h"
#include "office/catalog.h"
#include "ui/dialog-internal.h"

#define SEARCH_MAX	40

static void
dialog_search_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("Search services"));
	screen_set_prompt(s, _("Type a word, such as KTP or akta, then press "
	    "# or Enter."));
	screen_set_field(s, FIELD_TEXT, _("Keyword"), SEARCH_MAX);
}

static enum dialog_result
dialog_search_submit(struct dialog *d, struct dialog_frame *f,
    const char *query)
{
	struct catalog_entry	*entries;
	struct dialog_frame	*results;
	size_t			 n;
	char			*cause = NULL;

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
	results = dialog_push(d, &dialog_results, 0, f->item);
	results->text = xstrdup(query);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_search = {
	"search", dialog_search_build, NULL, dialog_search_submit,
	N_("Type part of a service name, such as KTP, akta or SKCK, then"
	    " press # or Enter. * on an empty field goes back.")
};

static int
dialog_results_fetch(struct dialog *d, struct dialog_frame *f,
    struct catalog_entry **entries, size_t *n, char **cause)
{
	return catalog_search(d->db, f->text, d->lang, entries, n, cause);
}

static void
dialog_results_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	*text;
	int	 n;

	text = xasprintf(_("Search: %s"), f->text);
	screen_set_title(s, text);
	free(text);
	n = dialog_list_build(d, f, s, dialog_results_fetch, NULL, 0);
	if (n < 0)
		return;
	text = xasprintf(ngettext("%d service matches. Choose one.",
	    "%d services match. Choose one.", n), n);
	screen_set_prompt(s, text);
	free(text);
}

static enum dialog_result
dialog_results_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	long	 extra;

	return dialog_list_choose(d, f, n, dialog_results_fetch, 0,
	    dialog_service_next(f->item), f->item, &extra);
}

const struct dialog_type dialog_results = {
	"results", dialog_results_build, dialog_results_choose, NULL,
	N_("These services match your words. Choose one to read its "
	    "standard.")
};
