/*
 * Booking a visit at the kiosk (service, day, time slot, a phone for a
 * reminder the day before when text messages can be sent, confirmation,
 * the code), and checking in with a code for a queue ticket.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/xmalloc.h"
#include "office/booking.h"
#include "office/catalog.h"
#include "office/notify.h"
#include "office/queue.h"
#include "office/schedule.h"
#include "ui/dialog-internal.h"

extern const struct dialog_type dialog_booking_slot;
extern const struct dialog_type dialog_booking_phone_question;
extern const struct dialog_type dialog_booking_phone;
extern const struct dialog_type dialog_booking_confirm;
extern const struct dialog_type dialog_booking_result;

static int
dialog_booking_days_fetch(struct dialog *d, struct dialog_frame *f,
    struct catalog_entry **entries, size_t *n, char **cause)
{
	time_t	*days;
	size_t	 i;

	(void)f;
	(void)cause;
	*n = booking_days(d->booking, time(NULL), &days);
	*entries = xcalloc(*n, sizeof **entries);
	for (i = 0; i < *n; i++) {
		(*entries)[i].id = (long)days[i];
		(*entries)[i].code = xstrdup("");
		(*entries)[i].name = dialog_date(&d->booking->schedule, days[i]);
	}
	free(days);
	return 0;
}

static void
dialog_booking_day_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	*name;

	name = catalog_name(d->db, CATALOG_SERVICE, f->id, d->lang);
	screen_set_title(s, name != NULL ? name : _("Book a visit"));
	free(name);
	screen_set_prompt(s, _("Choose the day of your visit."));
	if (dialog_list_build(d, f, s, dialog_booking_days_fetch, NULL, 0) == 0)
		screen_add_body(s, _("No day can be booked now."));
}

static enum dialog_result
dialog_booking_day_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	struct dialog_frame	*next;
	size_t			 depth = d->depth;
	long			 extra, service = f->id;
	enum dialog_result	 r;

	r = dialog_list_choose(d, f, n, dialog_booking_days_fetch, 0,
	    &dialog_booking_slot, 0, &extra);
	/* The slot screen needs the day and the service. */
	if (d->depth > depth) {
		next = &d->stack[d->depth - 1];
		next->text = xasprintf("%ld", service);
	}
	return r;
}

const struct dialog_type dialog_booking_day = {
	"booking-day", dialog_booking_day_build, dialog_booking_day_choose,
	NULL, N_("Only the days the office is open are offered.")
};

static int
dialog_booking_slots_fetch(struct dialog *d, struct dialog_frame *f,
    struct catalog_entry **entries, size_t *n, char **cause)
{
	time_t	*slots;
	size_t	 count, i;
	long	 service = atol(f->text);
	int	 free_places;
	char	 clock[6];

	count = booking_slots(d->booking, (time_t)f->id, time(NULL), &slots);
	*entries = NULL;
	*n = 0;
	for (i = 0; i < count; i++) {
		free_places = booking_free_places(d->db, d->booking, service,
		    slots[i], cause);
		if (free_places < 0) {
			catalog_entries_free(*entries, *n);
			*entries = NULL;
			*n = 0;
			free(slots);
			return -1;
		}
		if (free_places == 0)
			continue;
		*entries = xreallocarray(*entries, *n + 1, sizeof **entries);
		dialog_clock(&d->booking->schedule, slots[i], clock);
		(*entries)[*n].id = (long)slots[i];
		(*entries)[*n].code = xstrdup("");
		(*entries)[*n].name = xasprintf(ngettext("%s (%d place left)",
		    "%s (%d places left)", free_places), clock, free_places);
		(*n)++;
	}
	free(slots);
	return 0;
}

static void
dialog_booking_slot_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	*date;

	date = dialog_date(&d->booking->schedule, (time_t)f->id);
	screen_set_title(s, date);
	free(date);
	screen_set_prompt(s, _("Choose the time of your visit."));
	if (dialog_list_build(d, f, s, dialog_booking_slots_fetch, NULL,
	    0) == 0)
		screen_add_body(s, _("This day is fully booked. Press 0 to "
		    "choose another day."));
}

static enum dialog_result
dialog_booking_slot_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	size_t			 depth = d->depth;
	long			 extra;
	char			*service = xstrdup(f->text);
	enum dialog_result	 r;

	/* A text message is offered only when something can send it. */
	free(d->draft.phone);
	d->draft.phone = NULL;
	r = dialog_list_choose(d, f, n, dialog_booking_slots_fetch, 0,
	    notify_enabled(d->config) ? &dialog_booking_phone_question :
	    &dialog_booking_confirm, 0, &extra);
	if (d->depth > depth)
		d->stack[d->depth - 1].text = service;
	else
		free(service);
	return r;
}

const struct dialog_type dialog_booking_slot = {
	"booking-slot", dialog_booking_slot_build, dialog_booking_slot_choose,
	NULL, NULL
};

/* The next screen of the same booking: the same slot and service. */
static void
dialog_booking_next(struct dialog *d, struct dialog_frame *f,
    const struct dialog_type *type)
{
	struct dialog_frame	*next;

	next = dialog_push(d, type, f->id, 0);
	next->text = xstrdup(f->text);
}

static void
dialog_booking_phone_question_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("A text message the day before?"));
	screen_set_prompt(s, _("We can send a text message to your phone the "
	    "day before your visit, to remind you. The number is used for "
	    "nothing else."));
	screen_add_item(s, _("No, thank you"));
	screen_add_item(s, _("Yes, type my phone number"));
}

static enum dialog_result
dialog_booking_phone_question_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	/* No: a number typed before going back is forgotten. */
	if (n == 1) {
		free(d->draft.phone);
		d->draft.phone = NULL;
	}
	dialog_booking_next(d, f, n == 2 ? &dialog_booking_phone :
	    &dialog_booking_confirm);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_booking_phone_question = {
	"booking-phone-question", dialog_booking_phone_question_build,
	dialog_booking_phone_question_choose, NULL, NULL
};

static void
dialog_booking_phone_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	dialog_phone_screen(s);
}

static enum dialog_result
dialog_booking_phone_submit(struct dialog *d, struct dialog_frame *f,
    const char *phone)
{
	if (!dialog_phone_valid(d, phone))
		return DIALOG_CHANGED;
	free(d->draft.phone);
	d->draft.phone = xstrdup(phone);
	dialog_booking_next(d, f, &dialog_booking_confirm);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_booking_phone = {
	"booking-phone", dialog_booking_phone_build, NULL,
	dialog_booking_phone_submit,
	N_("Only the digits of your number; it is forgotten after your "
	    "visit.")
};

static void
dialog_booking_confirm_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	*name, *date, *line, clock[6];

	name = catalog_name(d->db, CATALOG_SERVICE, atol(f->text), d->lang);
	date = dialog_date(&d->booking->schedule, (time_t)f->id);
	dialog_clock(&d->booking->schedule, (time_t)f->id, clock);
	screen_set_title(s, _("Check before booking"));
	screen_set_prompt(s, _("Is this right? Press 1 to book, or 0 to go "
	    "back and change it."));
	line = xasprintf(_("Service: %s"), name != NULL ? name : "-");
	screen_add_body(s, line);
	free(line);
	line = xasprintf(_("Visit: %s at %s %s"), date, clock,
	    d->booking->schedule.zone);
	screen_add_body(s, line);
	free(line);
	free(name);
	free(date);
	if (d->draft.phone != NULL)
		dialog_phone_end(s, d->draft.phone);
	screen_add_item(s, _("Book"));
}

static enum dialog_result
dialog_booking_confirm_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	struct dialog_frame	*result;
	struct booking		 k;
	char			*code, *cause = NULL;

	(void)n;
	code = catalog_service_code(d->db, atol(f->text));
	if (code == NULL || booking_make(d->db, d->booking, code,
	    (time_t)f->id, d->draft.phone, d->lang, time(NULL), &k,
	    &cause) != 0) {
		dialog_message(d, 1, "%s", code == NULL ?
		    _("This service is no longer offered.") : cause);
		if (code != NULL)
			free(cause);
		free(code);
		return DIALOG_CHANGED;
	}
	free(code);
	free(d->draft.phone);
	d->draft.phone = NULL;
	result = dialog_push(d, &dialog_booking_result, k.id, 0);
	result->text = xstrdup(k.code);
	booking_clear(&k);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_booking_confirm = {
	"booking-confirm", dialog_booking_confirm_build,
	dialog_booking_confirm_choose, NULL,
	N_("Nothing is booked until you press 1.")
};

/*
 * The booking made: its code first (what the citizen must keep), then all
 * that is needed to come back -- the service, the day and the time -- on
 * screen and aloud.
 */
static void
dialog_booking_result_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	struct booking	 k;
	char		 shown[BOOKING_CODE_SHOWN], clock[6];
	char		*line, *name = NULL, *date = NULL, *cause = NULL;

	booking_code_format(f->text, shown);
	line = xasprintf(_("Your booking code is %s"), shown);
	screen_set_title(s, line);
	free(line);
	screen_set_prompt(s, _("Note the code down. On the day, come to the "
	    "kiosk, choose Check in with a booking code and type it. Press 1 "
	    "when you are done."));
	line = xasprintf(_("Code: %s"), shown);
	screen_add_body(s, line);
	free(line);
	if (booking_read(d->db, f->id, &k, &cause) == 1) {
		name = catalog_name(d->db, CATALOG_SERVICE, k.service, d->lang);
		line = xasprintf(_("Service: %s"), name != NULL ? name :
		    k.service_code);
		screen_add_body(s, line);
		free(line);
		date = dialog_date(&d->booking->schedule, k.slot);
		dialog_clock(&d->booking->schedule, k.slot, clock);
		line = xasprintf(_("Visit: %s at %s %s"), date, clock,
		    d->booking->schedule.zone);
		screen_add_body(s, line);
		free(line);
		booking_clear(&k);
	}
	free(cause);	/* the store logged it; the code is what matters */
	free(name);
	free(date);
	screen_add_body(s, _("Come on time: a booking not checked in soon "
	    "after its time expires."));
	screen_add_item(s, _("Done"));
}

static enum dialog_result
dialog_booking_result_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	(void)f;
	(void)n;
	dialog_reset(d);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_booking_result = {
	"booking-result", dialog_booking_result_build,
	dialog_booking_result_choose, NULL, NULL, 1
};

static void
dialog_checkin_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("Check in with a booking code"));
	screen_set_prompt(s, _("Type your booking code, or scan it, then press "
	    "#."));
	screen_set_field(s, FIELD_TEXT, _("Booking code"), 12);
}

static enum dialog_result
dialog_checkin_submit(struct dialog *d, struct dialog_frame *f,
    const char *code)
{
	struct ticket		 t;
	char			*cause = NULL;
	int			 ahead;

	(void)f;
	if (booking_checkin(d->db, d->booking, d->rules, code, time(NULL), &t,
	    &ahead, &cause) != 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		return DIALOG_CHANGED;
	}
	dialog_ticket_show(d, &t, ahead);
	queue_ticket_clear(&t);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_checkin = {
	"checkin", dialog_checkin_build, NULL, dialog_checkin_submit,
	N_("The code has 10 digits, such as 2736-1048-53, and is printed on "
	    "your booking. Dashes and spaces do not matter.")
};
