/*
 * Taking a queue number at the kiosk: after the service, the priority
 * lane (UU 25/2009 gives vulnerable groups special treatment), a
 * confirmation, then the ticket, with the people ahead, the expected wait
 * and the counters that serve it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/xmalloc.h"
#include "office/catalog.h"
#include "office/notify.h"
#include "office/queue.h"
#include "office/ticket-print.h"
#include "ui/dialog-internal.h"

extern const struct dialog_type dialog_ticket_phone_question;
extern const struct dialog_type dialog_ticket_phone;

static void
dialog_priority_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	*name;
	int	 p;

	name = catalog_name(d->db, CATALOG_SERVICE, f->id, d->lang);
	screen_set_title(s, name != NULL ? name : _("Service"));
	free(name);
	screen_set_prompt(s, _("Do you need the priority lane? It is for "
	    "the elderly, people with a disability, pregnant women and "
	    "people with a small child."));
	screen_add_item(s, _("No, the normal lane"));
	for (p = PRIORITY_ELDERLY; p < PRIORITY_COUNT; p++)
		screen_add_item(s, queue_priority_label(p));
}

/* A text message is offered only when something can send it. */
static enum dialog_result
dialog_priority_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	dialog_push(d, notify_enabled(d->config) ?
	    &dialog_ticket_phone_question : &dialog_ticket_confirm, f->id,
	    (int)n - 1);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_ticket_priority = {
	"ticket-priority", dialog_priority_build, dialog_priority_choose, NULL,
	N_("The priority lane is called before the normal lane, but never "
	    "keeps the others waiting for long.")
};

static void
dialog_phone_question_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("A text message when your turn is near?"));
	screen_set_prompt(s, _("We can send a text message to your phone when "
	    "your turn is near, so you may wait outside. The number is used "
	    "for nothing else and never shown on the board."));
	screen_add_item(s, _("No, thank you"));
	screen_add_item(s, _("Yes, type my phone number"));
}

static enum dialog_result
dialog_phone_question_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	dialog_push(d, n == 2 ? &dialog_ticket_phone : &dialog_ticket_confirm,
	    f->id, f->item);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_ticket_phone_question = {
	"ticket-phone-question", dialog_phone_question_build,
	dialog_phone_question_choose, NULL, NULL
};

static void
dialog_phone_build(struct dialog *d, struct dialog_frame *f, struct screen *s)
{
	(void)d;
	(void)f;
	dialog_phone_screen(s);
}

static enum dialog_result
dialog_phone_submit(struct dialog *d, struct dialog_frame *f,
    const char *phone)
{
	struct dialog_frame	*next;

	if (!dialog_phone_valid(d, phone))
		return DIALOG_CHANGED;
	next = dialog_push(d, &dialog_ticket_confirm, f->id, f->item);
	next->text = xstrdup(phone);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_ticket_phone = {
	"ticket-phone", dialog_phone_build, NULL, dialog_phone_submit,
	N_("Only the digits of your number; it is kept for today only.")
};

static void
dialog_confirm_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	*name, *line;

	name = catalog_name(d->db, CATALOG_SERVICE, f->id, d->lang);
	screen_set_title(s, _("Check before taking the ticket"));
	screen_set_prompt(s, _("Is this right? Press 1 to take the ticket, or "
	    "0 to go back and change it."));
	line = xasprintf(_("Service: %s"), name != NULL ? name : "-");
	screen_add_body(s, line);
	free(line);
	line = xasprintf(_("Lane: %s"), f->item == PRIORITY_NONE ?
	    _("normal") : queue_priority_label(f->item));
	screen_add_body(s, line);
	free(line);
	free(name);
	if (f->text != NULL)
		dialog_phone_end(s, f->text);
	screen_add_item(s, _("Take the ticket"));
}

void
dialog_ticket_show(struct dialog *d, const struct ticket *t, int ahead)
{
	struct dialog_frame	*result;
	char			*cause = NULL;

	result = dialog_push(d, &dialog_ticket_result, t->id, ahead);
	/* A printer that fails leaves the ticket valid, and says so. */
	if (ticket_print_enabled(d->config) && ticket_print(d->db, d->config,
	    d->rules, t, ahead, &cause) != 0)
		result->text = cause;
}

static enum dialog_result
dialog_confirm_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	struct queue_actor	 kiosk = { "kiosk", "kiosk", 0 };
	struct queue_extra	 extra = { NULL, 0, 0 };
	struct ticket		 t;
	char			*cause = NULL, *code;
	int			 ahead;

	(void)n;
	code = catalog_service_code(d->db, f->id);
	extra.phone = f->text;
	extra.lang = d->lang;
	if (code == NULL || queue_take_with(d->db, d->rules, &kiosk, code,
	    f->item, time(NULL), &extra, &t, &ahead, &cause) != 0) {
		dialog_message(d, 1, "%s", code == NULL ?
		    _("This service is no longer offered.") : cause);
		if (code != NULL)
			free(cause);
		free(code);
		return DIALOG_CHANGED;
	}
	free(code);
	dialog_ticket_show(d, &t, ahead);
	queue_ticket_clear(&t);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_ticket_confirm = {
	"ticket-confirm", dialog_confirm_build, dialog_confirm_choose, NULL,
	N_("Nothing is taken until you press 1.")
};

static void
dialog_result_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	struct ticket	 t;
	char		*cause = NULL, *label, *line, *wait, *name, *counters;

	if (queue_ticket(d->db, f->id, &t, &cause) != 1) {
		free(cause);	/* logged by the store; the citizen needs help */
		screen_set_title(s, _("Your ticket"));
		screen_set_message(s, _("The ticket cannot be read back. Ask at "
		    "the information desk."), 1);
		return;
	}
	label = queue_ticket_label(&t);
	line = xasprintf(_("Your number is %s"), label);
	screen_set_title(s, line);
	free(line);
	screen_set_big(s, label);
	screen_set_prompt(s, _("Please wait until your number is called. "
	    "Note it down, or keep this screen. Press 1 when you are done."));
	line = xasprintf(_("Number: %s"), label);
	screen_add_body(s, line);
	free(line);
	name = catalog_name(d->db, CATALOG_SERVICE, t.service, d->lang);
	line = xasprintf(_("Service: %s"), name != NULL ? name : "-");
	screen_add_body(s, line);
	free(line);
	free(name);
	if (f->item == 0)
		line = xstrdup(_("Nobody is ahead of you."));
	else
		line = xasprintf(ngettext("%d person is ahead of you.",
		    "%d people are ahead of you.", f->item), f->item);
	screen_add_body(s, line);
	free(line);
	wait = queue_wait_text(queue_estimate(d->db, t.service, f->item));
	line = xasprintf(_("Estimated wait: %s."), wait);
	screen_add_body(s, line);
	free(line);
	free(wait);
	counters = queue_counter_names(d->db, t.service);
	if (counters != NULL) {
		line = xasprintf(_("Served at: %s."), counters);
		screen_add_body(s, line);
		free(line);
	}
	free(counters);
	screen_add_item(s, _("Done"));
	if (f->text != NULL) {
		line = xasprintf(_("The ticket was not printed: %s Your number "
		    "%s is valid all the same: please note it down."), f->text,
		    label);
		screen_set_message(s, line, 1);
		free(line);
	}
	free(label);
	queue_ticket_clear(&t);
}

static enum dialog_result
dialog_result_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	(void)f;
	(void)n;
	dialog_reset(d);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_ticket_result = {
	"ticket-result", dialog_result_build, dialog_result_choose, NULL,
	N_("Your number will show on the board and be called aloud with the "
	    "counter to go to."), 1
};
