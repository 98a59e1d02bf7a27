/*
 * The service-information browser: agencies, their services, and each
 * service's standard, one component at a time.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xmalloc.h"
#include "office/catalog.h"
#include "ui/dialog-internal.h"

static int
dialog_agencies_fetch(struct dialog *d, struct dialog_frame *f,
    struct catalog_entry **entries, size_t *n, char **cause)
{
	(void)f;
	return catalog_agencies(d->db, d->lang, entries, n, cause);
}

static void
dialog_agencies_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	const char	*extras[1];

	if (f->item == PURPOSE_TRANSFER || f->item == PURPOSE_WALKIN) {
		screen_set_title(s, f->item == PURPOSE_TRANSFER ?
		    _("Transfer to another service") : _("Serve a walk-in"));
		screen_set_prompt(s, _("Choose the agency of the service."));
	} else if (f->item == PURPOSE_BOOKING) {
		screen_set_title(s, _("Book a visit"));
		screen_set_prompt(s, _("Choose the agency of the service you "
		    "want to book, or search for it by keyword."));
	} else if (f->item == PURPOSE_TICKET) {
		screen_set_title(s, _("Take a queue number"));
		screen_set_prompt(s, _("Choose the agency of the service you "
		    "came for, or search for it by keyword."));
	} else {
		screen_set_title(s, _("Service information"));
		screen_set_prompt(s, _("Choose an agency, or search for a "
		    "service by keyword."));
	}
	extras[0] = _("Search by keyword");
	dialog_list_build(d, f, s, dialog_agencies_fetch, extras, 1);
}

static enum dialog_result
dialog_agencies_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	enum dialog_result	 r;
	long			 extra;

	r = dialog_list_choose(d, f, n, dialog_agencies_fetch, 1,
	    &dialog_services, f->item, &extra);
	if (extra == 0)
		dialog_push(d, &dialog_search, 0, f->item);
	return r;
}

const struct dialog_type dialog_agencies = {
	"agencies", dialog_agencies_build, dialog_agencies_choose, NULL,
	N_("Each agency gives its own services. If you do not know the "
	    "agency, choose the search and type a word such as KTP, akta "
	    "or SKCK.")
};

static int
dialog_services_fetch(struct dialog *d, struct dialog_frame *f,
    struct catalog_entry **entries, size_t *n, char **cause)
{
	return catalog_services(d->db, f->id, d->lang, entries, n, cause);
}

static void
dialog_services_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	*name;

	name = catalog_name(d->db, CATALOG_AGENCY, f->id, d->lang);
	screen_set_title(s, name != NULL ? name : _("Services"));
	free(name);
	screen_set_prompt(s, f->item == PURPOSE_TICKET ? _("Choose the service "
	    "you came for.") : _("Choose a service."));
	if (dialog_list_build(d, f, s, dialog_services_fetch, NULL, 0) == 0)
		screen_add_body(s, _("This agency has no services listed."));
}

static enum dialog_result
dialog_services_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	long	 extra;

	return dialog_list_choose(d, f, n, dialog_services_fetch, 0,
	    dialog_service_next(f->item), f->item, &extra);
}

const struct dialog_type dialog_services = {
	"services", dialog_services_build, dialog_services_choose, NULL,
	N_("Choose a service to read its official service standard.")
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
	/* Back from a part, the cursor is on the part just read. */
	s->selected = f->page;
}

const struct dialog_type *
dialog_service_next(int purpose)
{
	switch (purpose) {
	case PURPOSE_TICKET:
		return &dialog_ticket_priority;
	case PURPOSE_TRANSFER:
	case PURPOSE_WALKIN:
		return &dialog_desk_service;
	case PURPOSE_BOOKING:
		return &dialog_booking_day;
	case PURPOSE_COMPLAINT:
		return &dialog_complaint_kind;
	case PURPOSE_APPLICATION:
		return &dialog_desk_app_name;
	default:
		return &dialog_service;
	}
}

static enum dialog_result
dialog_service_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	f->page = n - 1;
	dialog_push(d, &dialog_component, f->id, (int)n - 1);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_service = {
	"service", dialog_service_build, dialog_service_choose, NULL,
	N_("These are the parts of the official service standard: what "
	    "to bring, the steps, how long it takes, the fee, what you "
	    "receive, where to complain, and the law behind it.")
};

static void
dialog_component_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	*name, *title, *text, *cause = NULL, *line, *save, *numbered;
	int	 number = 0;

	name = catalog_name(d->db, CATALOG_SERVICE, f->id, d->lang);
	/* The part's name once: in the title, not again as the prompt. */
	title = xasprintf(_("%s: %s"), name != NULL ? name : _("Service"),
	    catalog_component_title(f->item));
	screen_set_title(s, title);
	free(title);
	free(name);
	if (f->item + 1 < COMPONENT_COUNT) {
		/* TRANSLATORS: the next part of a service standard. */
		line = xasprintf(_("Next: %s"),
		    catalog_component_title(f->item + 1));
		screen_add_item(s, line);
		free(line);
		screen_set_prompt(s, _("Press 1 for the next part, or 0 to go "
		    "back to the list of parts."));
	} else
		screen_set_prompt(s, _("This is the last part. Press 0 to go "
		    "back to the list of parts."));
	if (catalog_component(d->db, f->id, f->item, d->lang, &text,
	    &cause) != 0) {
		screen_set_message(s, cause, 1);
		free(cause);
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
		/* "(1)", not "1.": a list to read, not choices to press. */
		numbered = xasprintf("(%d) %s", ++number, line);
		screen_add_body(s, numbered);
		free(numbered);
	}
	free(text);
}

/* 1: the next part, in place; the list below remembers it. */
static enum dialog_result
dialog_component_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	(void)n;
	if (f->item + 1 >= COMPONENT_COUNT)
		return DIALOG_SAME;
	f->item++;
	if (d->depth >= 2)
		d->stack[d->depth - 2].page = (size_t)f->item;
	dialog_refresh(d);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_component = {
	"component", dialog_component_build, dialog_component_choose, NULL,
	N_("Use the arrow keys or PgUp and PgDn to read long text. 1 reads "
	    "the next part; 0 goes back to the list.")
};
