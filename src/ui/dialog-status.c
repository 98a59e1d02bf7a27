/*
 * "Check application status" at the kiosk: the tracking number typed on
 * the keypad or read by a scanner, checked before any lookup, then the
 * state, its note, since when and what to do next - shown and spoken,
 * never the applicant's name or NIK.
 */
#include "config.h"

#include <stdlib.h>

#include "common/check-digit.h"
#include "common/xmalloc.h"
#include "office/application.h"
#include "office/lookup.h"
#include "office/queue.h"
#include "ui/dialog-internal.h"

extern const struct dialog_type dialog_status_result;
extern const struct dialog_record dialog_status_record;

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

const struct dialog_type dialog_status = {
	"status", dialog_status_build, NULL, dialog_record_submit,
	N_("The tracking number has 12 digits, such as 3141-5926-5351, and "
	    "is printed on the receipt the desk gave you. Dashes and spaces "
	    "do not matter."), 0, 0, &dialog_status_record
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

/* The office's own copy (see struct dialog_record). */
static int
dialog_status_here(struct dialog *d, const char *tracking, struct screen *s,
    char **cause)
{
	struct application	 a;
	int			 rc;

	rc = application_find(d->db, tracking, d->lang, &a, cause);
	if (rc == 1 && s != NULL)
		dialog_status_show(d, s, a.state, a.service_name, a.note,
		    a.updated);
	application_clear(&a);
	return rc;
}

/* What the centre said; 0 if its state is not one this kiosk knows. */
static int
dialog_status_centre(struct dialog *d, struct screen *s,
    const struct lookup_answer *a, const char *service)
{
	int	 state = application_state_parse(a->state);

	if (state < 0)
		return 0;
	dialog_status_show(d, s, state, service, a->note, a->updated);
	return 1;
}

const struct dialog_record dialog_status_record = {
	"application", &dialog_status_result, N_("Application %s"),
	N_("No application %s is known at this office. Check the number, or "
	    "ask at the desk."),
	N_("No application with this number is known, here or at the centre. "
	    "Check the number, or ask at the desk."),
	dialog_status_here, dialog_status_centre
};

const struct dialog_type dialog_status_result = {
	"status-result", dialog_record_build, NULL, NULL,
	N_("This is what the office knows of your application. Press 0 to "
	    "check another number."), 0, 0, &dialog_status_record
};
