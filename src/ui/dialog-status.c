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
	if (rc == 0) {
		tracking_format(tracking, shown);
		dialog_message(d, 1, _("No application %s is known at this "
		    "office. Check the number, or ask at the desk."), shown);
		return DIALOG_CHANGED;
	}
	result = dialog_push(d, &dialog_status_result, 0, 0);
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

static void
dialog_status_result_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	struct application	 a;
	char			 clock[6], *line, *date;

	if (!dialog_application_read(d, f->text, s, &a))
		return;
	line = xasprintf(_("State: %s."), application_state_label(a.state));
	screen_set_prompt(s, line);
	free(line);
	line = xasprintf(_("Service: %s"), a.service_name);
	screen_add_body(s, line);
	free(line);
	if (*a.note != '\0') {
		line = xasprintf(_("Note: %s"), a.note);
		screen_add_body(s, line);
		free(line);
	}
	date = dialog_date(&d->rules->schedule, a.updated);
	dialog_clock(&d->rules->schedule, a.updated, clock);
	line = xasprintf(_("Since: %s %s"), date, clock);
	screen_add_body(s, line);
	free(line);
	free(date);
	screen_add_body(s, application_state_next(a.state));
	application_clear(&a);
}

const struct dialog_type dialog_status_result = {
	"status-result", dialog_status_result_build, NULL, NULL,
	N_("This is what the office knows of your application. Press 0 to "
	    "check another number.")
};
