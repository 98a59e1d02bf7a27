/*
 * Lists of catalog entries (agencies, services, search results) as
 * screens: paged when longer than the nine digit keys reach, with fixed
 * extra items after the entries.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "office/catalog.h"
#include "ui/dialog-internal.h"

#define DIALOG_PAGE_KEYS	9

void
dialog_page_layout(size_t total, size_t extras, size_t page,
    struct dialog_page *p)
{
	size_t	 per_page;

	memset(p, 0, sizeof *p);
	if (total + extras <= DIALOG_PAGE_KEYS) {
		p->count = total;
		return;
	}
	per_page = DIALOG_PAGE_KEYS - extras - 1;
	if (page * per_page >= total)
		page = 0;
	p->first = page * per_page;
	p->count = total - p->first < per_page ? total - p->first : per_page;
	p->has_more = 1;
}

long
dialog_page_choice(const struct dialog_page *p, size_t extras, size_t n)
{
	if (n >= 1 && n <= p->count)
		return (long)(p->first + n - 1);
	if (n > p->count && n <= p->count + extras)
		return -2 - (long)(n - p->count - 1);
	return -1;
}

int
dialog_list_build(struct dialog *d, struct dialog_frame *f, struct screen *s,
    dialog_list_fetch fetch, const char *const *extras, size_t nextras)
{
	struct catalog_entry	*entries;
	struct dialog_page	 p;
	size_t			 n, i;
	char			*cause = NULL;

	if (fetch(d, f, &entries, &n, &cause) != 0) {
		screen_set_message(s, cause, 1);
		free(cause);
		return -1;
	}
	dialog_page_layout(n, nextras, f->page, &p);
	for (i = 0; i < p.count; i++)
		screen_add_item(s, entries[p.first + i].name);
	for (i = 0; i < nextras; i++)
		screen_add_item(s, extras[i]);
	if (p.has_more)
		screen_add_item(s, _("More..."));
	catalog_entries_free(entries, n);
	return (int)n;
}

enum dialog_result
dialog_list_choose(struct dialog *d, struct dialog_frame *f, size_t n,
    dialog_list_fetch fetch, size_t nextras, const struct dialog_type *next,
    int item, long *extra)
{
	struct catalog_entry	*entries;
	struct dialog_page	 p;
	size_t			 count;
	long			 choice;
	char			*cause = NULL;

	*extra = -1;
	if (fetch(d, f, &entries, &count, &cause) != 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		return DIALOG_CHANGED;
	}
	dialog_page_layout(count, nextras, f->page, &p);
	choice = dialog_page_choice(&p, nextras, n);
	if (choice >= 0)
		dialog_push(d, next, entries[choice].id, item);
	else if (choice <= -2)
		*extra = -2 - choice;
	else
		f->page = p.first + p.count >= count ? 0 : f->page + 1;
	catalog_entries_free(entries, count);
	return DIALOG_CHANGED;
}
