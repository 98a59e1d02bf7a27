/* The main menu, and the honest screen for what is not built yet. */
#include "config.h"

#include "ui/dialog-internal.h"

enum menu_item {
	MENU_QUEUE = 1,
	MENU_STATUS,
	MENU_INFORMATION,
	MENU_COMPLAINTS,
	MENU_HELP,
	MENU_BOOK,
	MENU_CHECKIN
};

static const char *const menu_labels[] = {
	NULL,
	N_("Take a queue number"),
	N_("Check application status"),
	N_("Service information"),
	N_("Complaints"),
	N_("Help"),
	N_("Book a visit"),
	N_("Check in with a booking code"),
};
#define MENU_COUNT (sizeof menu_labels / sizeof menu_labels[0] - 1)

static void
dialog_menu_build(struct dialog *d, struct dialog_frame *f, struct screen *s)
{
	size_t	 i;

	(void)d;
	(void)f;
	screen_set_title(s, _("Main menu"));
	screen_set_prompt(s, _("What do you need? Press the number of your "
	    "choice."));
	for (i = 1; i <= MENU_COUNT; i++)
		screen_add_item(s, _(menu_labels[i]));
}

static enum dialog_result
dialog_menu_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	(void)f;
	switch (n) {
	case MENU_QUEUE:
		dialog_push(d, &dialog_agencies, 0, PURPOSE_TICKET);
		break;
	case MENU_INFORMATION:
		dialog_push(d, &dialog_agencies, 0, PURPOSE_INFORMATION);
		break;
	case MENU_STATUS:
		dialog_push(d, &dialog_status, 0, (int)n);
		break;
	case MENU_COMPLAINTS:
		dialog_push(d, &dialog_complaints, 0, (int)n);
		break;
	case MENU_HELP:
		return dialog_help(d);
	case MENU_BOOK:
		dialog_push(d, d->booking != NULL ? &dialog_agencies :
		    &dialog_unavailable, 0, d->booking != NULL ?
		    PURPOSE_BOOKING : (int)n);
		break;
	case MENU_CHECKIN:
		dialog_push(d, d->booking != NULL ? &dialog_checkin :
		    &dialog_unavailable, 0, (int)n);
		break;
	default:
		dialog_push(d, &dialog_unavailable, 0, (int)n);
		break;
	}
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_menu = {
	"menu", dialog_menu_build, dialog_menu_choose, NULL,
	N_("Service information tells you what to bring, the steps, the "
	    "time and the fee of every service.")
};

static void
dialog_unavailable_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	screen_set_title(s, _(menu_labels[f->item]));
	screen_set_prompt(s, _("This service is not available at this kiosk "
	    "yet. Please ask at the information desk. Press 0 to go back."));
}

const struct dialog_type dialog_unavailable = {
	"unavailable", dialog_unavailable_build, NULL, NULL, NULL
};
