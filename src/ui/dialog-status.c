/*
 * "Check application status" at the kiosk: the tracking number typed on
 * the keypad or read by a scanner, checked before any lookup, then the
 * state, its note, since when and what to do next - shown and spoken,
 * never the applicant's name or NIK.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/check-digit.h"
#include "common/xmalloc.h"
#include "office/application.h"
#include "office/catalog.h"
#include "office/lookup.h"
#include "office/outbox.h"
#include "office/queue.h"
#include "ui/dialog-internal.h"

extern const struct dialog_type dialog_status_result;

int
dialog_tracking(struct dialog *d, const char *typed, char *tracking)
{
	switch (tracking_parse(typed, tracking)) {
	case 0:
		return 0;
	case CHECK_DIGIT_WRONG:
		dialog_message(d, 1, _("The number is not valid: a digit is "
		    "wrong or two are swapped. Check it again."));
		return -1;
	default:
		dialog_message(d, 1, _("A tracking number has 12 digits, such "
		    "as 3141-5926-5351."));
		return -1;
	}
}

static void
dialog_status_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("Check application status"));
	screen_set_prompt(s, _("Type the tracking number on your receipt, or "
	    "scan it, then press #."));
	screen_set_field(s, FIELD_TEXT, _("Tracking number"), 16);
}

static enum dialog_result
dialog_status_submit(struct dialog *d, struct dialog_frame *f,
    const char *typed)
{
	struct application	 a;
	struct dialog_frame	*result;
	char			 tracking[TRACKING_LENGTH + 1];
	char			 shown[TRACKING_SHOWN], *cause = NULL;
	int			 rc;

	(void)f;
	if (dialog_tracking(d, typed, tracking) != 0)
		return DIALOG_CHANGED;
	rc = application_find(d->db, tracking, d->lang, &a, &cause);
	application_clear(&a);
	if (rc < 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		return DIALOG_CHANGED;
	}
	/* The centre may know more, or one registered elsewhere. */
	lookup_free(d->lookup);
	d->lookup = lookup_start(d->db, "application", tracking,
	    DIALOG_LOOKUP_SECONDS);
	d->lookup_told = 0;
	if (rc == 0 && d->lookup == NULL) {
		tracking_format(tracking, shown);
		dialog_message(d, 1, _("No application %s is known at this "
		    "office. Check the number, or ask at the desk."), shown);
		return DIALOG_CHANGED;
	}
	result = dialog_push(d, &dialog_status_result, 0, d->lookup != NULL);
	result->text = xstrdup(tracking);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_status = {
	"status", dialog_status_build, NULL, dialog_status_submit,
	N_("The tracking number has 12 digits, such as 3141-5926-5351, and "
	    "is printed on the receipt the desk gave you. Dashes and spaces "
	    "do not matter.")
};

int
dialog_application_read(struct dialog *d, const char *tracking,
    struct screen *s, struct application *a)
{
	char	 shown[TRACKING_SHOWN], *line, *cause = NULL;

	tracking_format(tracking, shown);
	line = xasprintf(_("Application %s"), shown);
	screen_set_title(s, line);
	free(line);
	if (application_find(d->db, tracking, d->lang, a, &cause) == 1)
		return 1;
	screen_set_message(s, cause != NULL ? cause : _("This application is "
	    "no longer here."), 1);
	free(cause);
	return 0;
}

/* An application's state, note, since when and what to do next. */
static void
dialog_status_show(struct dialog *d, struct screen *s,
    enum application_state state, const char *service, const char *note,
    time_t updated)
{
	char	 clock[6], *line, *date;

	line = xasprintf(_("State: %s."), application_state_label(state));
	screen_set_prompt(s, line);
	free(line);
	line = xasprintf(_("Service: %s"), service);
	screen_add_body(s, line);
	free(line);
	if (*note != '\0') {
		line = xasprintf(_("Note: %s"), note);
		screen_add_body(s, line);
		free(line);
	}
	date = dialog_date(&d->rules->schedule, updated);
	dialog_clock(&d->rules->schedule, updated, clock);
	line = xasprintf(_("Since: %s %s"), date, clock);
	screen_add_body(s, line);
	free(line);
	free(date);
	screen_add_body(s, application_state_next(state));
}

/* What the centre said; 0 if its state is not one this kiosk knows. */
static int
dialog_status_centre(struct dialog *d, struct screen *s,
    const struct lookup_answer *a)
{
	struct catalog_entry	 e;
	char			*cause = NULL;
	int			 state = application_state_parse(a->state);

	if (state < 0)
		return 0;
	memset(&e, 0, sizeof e);
	if (catalog_service_by_code(d->db, a->service, d->lang, &e,
	    &cause) != 1) {
		free(cause);
		dialog_status_show(d, s, state, a->service, a->note,
		    a->updated);
	} else
		dialog_status_show(d, s, state, e.name, a->note, a->updated);
	free(e.code);
	free(e.name);
	screen_add_body(s, _("As the centre knows it now."));
	return 1;
}

/* "As of" the office's last sync, for its own copy. */
static void
dialog_status_as_of(struct dialog *d, struct screen *s)
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

static void
dialog_status_result_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	struct application	 a;
	struct lookup_answer	 answer = { 0 };
	enum lookup_state	 asked = LOOKUP_UNREACHABLE;
	char			 shown[TRACKING_SHOWN], *line, *cause = NULL;
	int			 here;

	tracking_format(f->text, shown);
	line = xasprintf(_("Application %s"), shown);
	screen_set_title(s, line);
	free(line);
	if (f->item && d->lookup != NULL)
		asked = lookup_poll(d->lookup, &answer);
	if (asked == LOOKUP_FOUND && dialog_status_centre(d, s, &answer)) {
		lookup_answer_clear(&answer);
		return;
	}
	lookup_answer_clear(&answer);
	if ((here = application_find(d->db, f->text, d->lang, &a,
	    &cause)) < 0) {
		screen_set_message(s, cause, 1);
		free(cause);
		return;
	}
	if (here == 1) {
		dialog_status_show(d, s, a.state, a.service_name, a.note,
		    a.updated);
		application_clear(&a);
	}
	if (asked == LOOKUP_SEARCHING) {
		if (here == 0)
			screen_set_prompt(s, _("Searching at the centre... "
			    "Press 0 to go back."));
		else
			screen_add_body(s, _("Asking the centre for the "
			    "latest..."));
	} else if (here == 0)
		screen_set_prompt(s, asked == LOOKUP_UNKNOWN ? _("No "
		    "application with this number is known, here or at the "
		    "centre. Check the number, or ask at the desk.") :
		    _("This office does not know this number, and the centre "
		    "cannot be reached now. Try again later, or ask at the "
		    "desk."));
	else if (f->item && asked == LOOKUP_UNREACHABLE)
		dialog_status_as_of(d, s);
}

int
dialog_status_poll(struct dialog *d)
{
	struct lookup_answer	 answer;
	const struct dialog_frame *f = &d->stack[d->depth - 1];

	if (d->lookup == NULL || d->lookup_told ||
	    f->type != &dialog_status_result || !f->item)
		return 0;
	if (lookup_poll(d->lookup, &answer) == LOOKUP_SEARCHING)
		return 0;
	lookup_answer_clear(&answer);
	d->lookup_told = 1;
	dialog_refresh(d);
	return 1;
}

void
dialog_status_settle(struct dialog *d)
{
	const struct dialog_frame *f = &d->stack[d->depth - 1];

	if (d->lookup == NULL || f->type != &dialog_status_result ||
	    !f->item)
		return;
	lookup_wait(d->lookup);
	d->lookup_told = 1;
	dialog_refresh(d);
}

const struct dialog_type dialog_status_result = {
	"status-result", dialog_status_result_build, NULL, NULL,
	N_("This is what the office knows of your application. Press 0 to "
	    "check another number.")
};
