/*
 * A record found by its tracking number, here or at the centre: the
 * step "Check application status" and "Read the answer to a complaint"
 * share. The number is checked, the office's own copy looked up, and
 * the centre asked in the background (lookup.c) when this office follows
 * one; the result screen shows the centre's answer when it comes, the
 * office's own copy "as of" its last sync when the centre is away, or
 * says that nobody knows the number. What a record shows is its own
 * (struct dialog_record); never a name, a NIK or a phone.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/xmalloc.h"
#include "office/application.h"
#include "office/catalog.h"
#include "office/lookup.h"
#include "office/outbox.h"
#include "office/queue.h"
#include "ui/dialog-internal.h"

enum dialog_result
dialog_record_submit(struct dialog *d, struct dialog_frame *f,
    const char *typed)
{
	const struct dialog_record	*r = f->type->record;
	struct dialog_frame		*result;
	char				 tracking[TRACKING_LENGTH + 1];
	char				 shown[TRACKING_SHOWN], *cause = NULL;
	int				 rc;

	if (dialog_tracking(d, typed, tracking) != 0)
		return DIALOG_CHANGED;
	if ((rc = r->here(d, tracking, NULL, &cause)) < 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		return DIALOG_CHANGED;
	}
	/* The centre may know more, or one registered elsewhere. */
	lookup_free(d->lookup);
	d->lookup = lookup_start(d->db, r->kind, tracking,
	    DIALOG_LOOKUP_SECONDS);
	d->lookup_told = 0;
	if (rc == 0 && d->lookup == NULL) {
		tracking_format(tracking, shown);
		dialog_message(d, 1, _(r->none_here), shown);
		return DIALOG_CHANGED;
	}
	result = dialog_push(d, r->result, 0, d->lookup != NULL);
	result->text = xstrdup(tracking);
	return DIALOG_CHANGED;
}

/* What the centre said, the service by its name; 0 if not shown. */
static int
dialog_record_centre(struct dialog *d, const struct dialog_record *r,
    struct screen *s, const struct lookup_answer *a)
{
	struct catalog_entry	 e;
	char			*cause = NULL;
	int			 shown;

	memset(&e, 0, sizeof e);
	if (catalog_service_by_code(d->db, a->service, d->lang, &e,
	    &cause) != 1) {
		free(cause);
		shown = r->centre(d, s, a, a->service);
	} else
		shown = r->centre(d, s, a, e.name);
	free(e.code);
	free(e.name);
	if (shown)
		screen_add_body(s, _("As the centre knows it now."));
	return shown;
}

/* "As of" the office's last sync, for its own copy. */
static void
dialog_record_as_of(struct dialog *d, struct screen *s)
{
	struct outbox_state	 st;
	char			*cause = NULL, *date, *line, clock[6];

	if (outbox_state_read(d->db, &st, &cause) != 0 ||
	    st.last_success == 0) {
		free(cause);
		outbox_state_clear(&st);
		screen_add_body(s, _("The centre cannot be reached now: this is "
		    "what this office knows."));
		return;
	}
	date = dialog_date(&d->rules->schedule, st.last_success);
	dialog_clock(&d->rules->schedule, st.last_success, clock);
	line = xasprintf(_("The centre cannot be reached now: this is what "
	    "this office knew as of %s %s."), date, clock);
	screen_add_body(s, line);
	free(line);
	free(date);
	outbox_state_clear(&st);
}

void
dialog_record_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	const struct dialog_record	*r = f->type->record;
	struct lookup_answer		 answer = { 0 };
	enum lookup_state		 asked = LOOKUP_UNREACHABLE;
	char				 shown[TRACKING_SHOWN], *line;
	char				*cause = NULL;
	int				 here;

	tracking_format(f->text, shown);
	line = xasprintf(_(r->title), shown);
	screen_set_title(s, line);
	free(line);
	if (f->item && d->lookup != NULL)
		asked = lookup_poll(d->lookup, &answer);
	if (asked == LOOKUP_FOUND && dialog_record_centre(d, r, s, &answer)) {
		lookup_answer_clear(&answer);
		return;
	}
	lookup_answer_clear(&answer);
	if ((here = r->here(d, f->text, s, &cause)) < 0) {
		screen_set_message(s, cause, 1);
		free(cause);
		return;
	}
	if (asked == LOOKUP_SEARCHING) {
		if (here == 0)
			screen_set_prompt(s, _("Searching at the centre... "
			    "Press 0 to go back."));
		else
			screen_add_body(s, _("Asking the centre for the "
			    "latest..."));
	} else if (here == 0)
		screen_set_prompt(s, asked == LOOKUP_UNKNOWN ? _(r->none) :
		    _("This office does not know this number, and the centre "
		    "cannot be reached now. Try again later, or ask at the "
		    "desk."));
	else if (f->item && asked == LOOKUP_UNREACHABLE)
		dialog_record_as_of(d, s);
}

/* Is the screen a record's result, waiting for the centre? */
static int
dialog_record_waits(struct dialog *d)
{
	const struct dialog_frame	*f = &d->stack[d->depth - 1];

	return d->lookup != NULL && f->type->record != NULL &&
	    f->type == f->type->record->result && f->item;
}

int
dialog_record_poll(struct dialog *d)
{
	struct lookup_answer	 answer;

	if (d->lookup_told || !dialog_record_waits(d))
		return 0;
	if (lookup_poll(d->lookup, &answer) == LOOKUP_SEARCHING)
		return 0;
	lookup_answer_clear(&answer);
	d->lookup_told = 1;
	dialog_refresh(d);
	return 1;
}

void
dialog_record_settle(struct dialog *d)
{
	if (!dialog_record_waits(d))
		return;
	lookup_wait(d->lookup);
	d->lookup_told = 1;
	dialog_refresh(d);
}
