/*
 * The desk registers an application on a citizen's behalf - the service
 * (chosen like a walk-in's), the applicant's name, the NIK, a phone for
 * text messages if they want one (and their language, dialog-desk-lang.c),
 * and which requirements were handed in
 * - then gives the tracking number, on screen, aloud and on a printed
 * receipt with a QR code. It also moves an application to its next
 * state, with the note that state needs.
 *
 * The name, NIK and phone are personal: shown to the operator, spoken
 * only in headset mode, and the NIK only masked once typed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "common/text.h"
#include "common/xmalloc.h"
#include "office/application.h"
#include "office/catalog.h"
#include "office/form.h"
#include "office/notify.h"
#include "office/queue.h"
#include "office/ticket-print.h"
#include "ui/dialog-internal.h"

extern const struct dialog_type dialog_desk_app_nik;
extern const struct dialog_type dialog_desk_app_phone_choice;
extern const struct dialog_type dialog_desk_app_phone;
extern const struct dialog_type dialog_desk_app_handed;
extern const struct dialog_type dialog_desk_app_result;
extern const struct dialog_type dialog_desk_app_state;
extern const struct dialog_type dialog_desk_app_note;

#define DIALOG_REQUIREMENTS_MAX	8	/* keys 1-8; 9 registers */

void
dialog_draft_clear(struct dialog_draft *draft)
{
	free(draft->name);
	free(draft->phone);
	sodium_memzero(draft->nik, sizeof draft->nik);
	memset(draft, 0, sizeof *draft);
}

/* The service's name as the title of every step. */
static void
dialog_desk_app_title(struct dialog *d, struct screen *s)
{
	char	*name;

	name = catalog_name(d->db, CATALOG_SERVICE, d->draft.service,
	    d->lang);
	screen_set_title(s, name != NULL ? name : _("Register an application"));
	free(name);
}

static void
dialog_desk_app_name_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	/* A new application starts here, for the service just chosen. */
	if (d->draft.service != f->id) {
		dialog_draft_clear(&d->draft);
		d->draft.service = f->id;
		d->draft.lang = d->lang;
	}
	dialog_desk_app_title(d, s);
	screen_set_prompt(s, _("Type the applicant's name, then press "
	    "Enter."));
	screen_set_field(s, FIELD_TEXT, _("Name"), 100);
	s->field_personal = 1;
}

static enum dialog_result
dialog_desk_app_name_submit(struct dialog *d, struct dialog_frame *f,
    const char *name)
{
	char	*cause = NULL;

	(void)f;
	if (form_text(name, 100, 1, _("applicant's name"), &cause) != 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		return DIALOG_CHANGED;
	}
	free(d->draft.name);
	d->draft.name = xstrdup(name);
	dialog_push(d, &dialog_desk_app_nik, 0, 0);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_desk_app_name = {
	"desk-app-name", dialog_desk_app_name_build, NULL,
	dialog_desk_app_name_submit,
	N_("Register an application for the citizen at the counter: the "
	    "name, the NIK, a phone if they want text messages, and the "
	    "requirements they handed in.")
};

static void
dialog_desk_app_nik_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)f;
	dialog_desk_app_title(d, s);
	screen_set_prompt(s, _("Type the applicant's NIK, the 16 digits on "
	    "the KTP or the family card, then press Enter."));
	screen_set_field(s, FIELD_DIGITS, _("NIK"), 16);
	s->field_personal = 1;
}

static enum dialog_result
dialog_desk_app_nik_submit(struct dialog *d, struct dialog_frame *f,
    const char *typed)
{
	char	*cause = NULL;

	(void)f;
	if (nik_check(typed, d->draft.nik, &cause) != 0) {
		sodium_memzero(d->draft.nik, sizeof d->draft.nik);
		dialog_message(d, 1, "%s", cause);
		free(cause);
		return DIALOG_CHANGED;
	}
	/* A phone only when the office can send text messages. */
	dialog_push(d, notify_enabled(d->config) ?
	    &dialog_desk_app_phone_choice : &dialog_desk_app_handed, 0, 0);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_desk_app_nik = {
	"desk-app-nik", dialog_desk_app_nik_build, NULL,
	dialog_desk_app_nik_submit,
	N_("The NIK is checked for its province, regency, district, date of "
	    "birth (the day plus 40 for a woman) and sequence. After this "
	    "screen it is shown only masked.")
};

static void
dialog_desk_app_phone_choice_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	 masked[NIK_LENGTH + 1], *line;

	(void)f;
	dialog_desk_app_title(d, s);
	nik_mask(d->draft.nik, masked);
	line = xasprintf(_("NIK: %s"), masked);
	screen_add_personal(s, line);
	free(line);
	screen_set_prompt(s, _("Does the applicant want a text message when "
	    "the application is ready or documents are needed?"));
	screen_add_item(s, _("No"));
	screen_add_item(s, _("Yes: type a phone number"));
}

static enum dialog_result
dialog_desk_app_phone_choice_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	(void)f;
	if (n == 1) {
		free(d->draft.phone);
		d->draft.phone = NULL;
		dialog_push(d, &dialog_desk_app_handed, 0, 0);
	} else
		dialog_push(d, &dialog_desk_app_phone, 0, 0);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_desk_app_phone_choice = {
	"desk-app-phone-choice", dialog_desk_app_phone_choice_build,
	dialog_desk_app_phone_choice_choose, NULL, NULL
};

static void
dialog_desk_app_phone_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)f;
	dialog_desk_app_title(d, s);
	dialog_phone_field(s, _("Type the applicant's mobile number, such as "
	    "081234567890, then press Enter."));
}

static enum dialog_result
dialog_desk_app_phone_submit(struct dialog *d, struct dialog_frame *f,
    const char *phone)
{
	(void)f;
	if (!dialog_phone_valid(d, phone))
		return DIALOG_CHANGED;
	free(d->draft.phone);
	d->draft.phone = xstrdup(phone);
	dialog_push(d, &dialog_desk_app_lang, 0, 0);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_desk_app_phone = {
	"desk-app-phone", dialog_desk_app_phone_build, NULL,
	dialog_desk_app_phone_submit, NULL
};

/*
 * The service's requirements, one per line of its standard, at most
 * DIALOG_REQUIREMENTS_MAX: their count; lines owned (text_lines_free).
 */
static size_t
dialog_desk_app_requirements(struct dialog *d, char ***lines)
{
	char	*text = NULL, *cause = NULL, *rest, *line;
	size_t	 n = 0;

	*lines = xcalloc(DIALOG_REQUIREMENTS_MAX, sizeof **lines);
	if (catalog_component(d->db, d->draft.service, COMPONENT_REQUIREMENTS,
	    d->lang, &text, &cause) != 0) {
		free(cause);
		return 0;
	}
	rest = text;
	while (n < DIALOG_REQUIREMENTS_MAX && (line = strsep(&rest, "\n")) !=
	    NULL)
		if (*line != '\0')
			(*lines)[n++] = xstrdup(line);
	free(text);
	return n;
}

static void
dialog_desk_app_handed_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	**lines, *item;
	size_t	  n, i;

	(void)f;
	dialog_desk_app_title(d, s);
	screen_set_prompt(s, _("Which requirements were handed in? Press a "
	    "number to tick or untick it, then 9 to register."));
	n = dialog_desk_app_requirements(d, &lines);
	for (i = 0; i < n; i++) {
		/* TRANSLATORS: a requirement ticked ([x]) or not ([ ]). */
		item = xasprintf(_("[%s] %s"), d->draft.handed_in & (1u << i) ?
		    "x" : " ", lines[i]);
		screen_add_item(s, item);
		free(item);
	}
	while (n++ < DIALOG_REQUIREMENTS_MAX)
		screen_add_item(s, "-");
	screen_add_item(s, _("Register the application"));
	text_lines_free(lines, DIALOG_REQUIREMENTS_MAX);
}

static enum dialog_result
dialog_desk_app_register(struct dialog *d)
{
	struct application_form	 form = { 0 };
	struct application	 a;
	struct queue_actor	 who;
	struct dialog_frame	*result;
	char			 day[11], list[64], *cause = NULL, *p;
	size_t			 i;

	list[0] = '\0';
	for (i = 0, p = list; i < DIALOG_REQUIREMENTS_MAX; i++)
		if (d->draft.handed_in & (1u << i))
			p += snprintf(p, list + sizeof list - p, "%s%zu",
			    p == list ? "" : ",", i + 1);
	form.service = catalog_service_code(d->db, d->draft.service);
	if (form.service == NULL) {
		dialog_message(d, 1, _("This service is no longer offered."));
		return DIALOG_CHANGED;
	}
	schedule_day(&d->rules->schedule, time(NULL), day);
	form.name = d->draft.name;
	form.nik = d->draft.nik;
	form.phone = d->draft.phone;
	form.handed_in = list;
	form.day = day;
	form.lang = d->draft.lang;
	dialog_desk_actor(d, &who);
	if (application_add(d->db, &who, &form, time(NULL), &a,
	    &cause) != 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		free((char *)form.service);
		return DIALOG_CHANGED;
	}
	free((char *)form.service);
	dialog_draft_clear(&d->draft);
	dialog_desk_home(d);
	result = dialog_push(d, &dialog_desk_app_result, a.id, 0);
	result->text = xstrdup(a.tracking);
	application_clear(&a);
	/* Read back: the receipt names the service in the desk's language. */
	if (application_find(d->db, result->text, d->lang, &a, &cause) != 1) {
		free(cause);
		cause = NULL;
	} else if (ticket_print_enabled(d->config) && application_print(d->db,
	    d->config, d->rules, &a, &cause) != 0) {
		dialog_message(d, 1, _("The receipt was not printed: %s Write "
		    "the number down for the citizen."), cause);
		free(cause);
	}
	application_clear(&a);
	return DIALOG_CHANGED;
}

static enum dialog_result
dialog_desk_app_handed_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	char	**lines;
	size_t	  count;

	(void)f;
	if (n == DIALOG_REQUIREMENTS_MAX + 1)
		return dialog_desk_app_register(d);
	count = dialog_desk_app_requirements(d, &lines);
	text_lines_free(lines, DIALOG_REQUIREMENTS_MAX);
	if (n <= count)
		d->draft.handed_in ^= 1u << (n - 1);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_desk_app_handed = {
	"desk-app-handed", dialog_desk_app_handed_build,
	dialog_desk_app_handed_choose, NULL,
	N_("Tick what the citizen handed in; what is missing can be asked for "
	    "later with the state Documents needed.")
};

static void
dialog_desk_app_result_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	struct application	 a;
	char			 shown[TRACKING_SHOWN], *line, *cause = NULL;

	tracking_format(f->text, shown);
	screen_set_title(s, _("Application registered"));
	screen_set_big(s, shown);
	line = xasprintf(_("Tracking number: %s"), shown);
	screen_set_prompt(s, line);
	free(line);
	if (application_find(d->db, f->text, d->lang, &a, &cause) == 1) {
		line = xasprintf(_("Service: %s"), a.service_name);
		screen_add_body(s, line);
		free(line);
		line = xasprintf(_("Name: %s"), a.name);
		screen_add_personal(s, line);
		free(line);
		line = xasprintf(_("NIK: %s"), a.nik);
		screen_add_personal(s, line);
		free(line);
		application_clear(&a);
	}
	free(cause);
	screen_add_body(s, _("Give the citizen the receipt: its number checks "
	    "the status at any kiosk, typed or scanned."));
	screen_add_item(s, _("Done"));
}

static enum dialog_result
dialog_desk_app_result_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	(void)f;
	(void)n;
	dialog_desk_home(d);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_desk_app_result = {
	"desk-app-result", dialog_desk_app_result_build,
	dialog_desk_app_result_choose, NULL, NULL
};

/* -- Changing a state ---------------------------------------------------- */

static void
dialog_desk_app_find_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("Change an application's state"));
	screen_set_prompt(s, _("Type or scan the tracking number, then press "
	    "Enter."));
	screen_set_field(s, FIELD_TEXT, _("Tracking number"), 16);
}

static enum dialog_result
dialog_desk_app_find_submit(struct dialog *d, struct dialog_frame *f,
    const char *typed)
{
	struct application	 a;
	struct dialog_frame	*next;
	char			 tracking[TRACKING_LENGTH + 1], *cause = NULL;
	int			 rc;

	(void)f;
	if (dialog_tracking(d, typed, tracking) != 0)
		return DIALOG_CHANGED;
	rc = application_find(d->db, tracking, d->lang, &a, &cause);
	application_clear(&a);
	if (rc != 1) {
		dialog_message(d, 1, "%s", rc < 0 ? cause :
		    _("There is no application with this number here."));
		free(cause);
		return DIALOG_CHANGED;
	}
	next = dialog_push(d, &dialog_desk_app_state, 0, 0);
	next->text = xstrdup(tracking);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_desk_app_find = {
	"desk-app-find", dialog_desk_app_find_build, NULL,
	dialog_desk_app_find_submit, NULL
};

/* The states an application may go to from its own, in order. */
static size_t
dialog_desk_app_next(enum application_state from,
    enum application_state to[APPLICATION_STATE_COUNT])
{
	size_t	 n = 0;
	int	 s;

	for (s = 0; s < APPLICATION_STATE_COUNT; s++)
		if (application_may_change(from, s))
			to[n++] = s;
	return n;
}

static void
dialog_desk_app_state_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	enum application_state	 to[APPLICATION_STATE_COUNT];
	struct application	 a;
	char			*line;
	size_t			 n, i;

	if (!dialog_application_read(d, f->text, s, &a))
		return;
	line = xasprintf(_("State: %s."), application_state_label(a.state));
	screen_add_body(s, line);
	free(line);
	line = xasprintf(_("Name: %s"), a.name);
	screen_add_personal(s, line);
	free(line);
	n = dialog_desk_app_next(a.state, to);
	screen_set_prompt(s, n > 0 ? _("Choose its new state.") :
	    _("This state is final: nothing follows it."));
	for (i = 0; i < n; i++)
		screen_add_item(s, application_state_label(to[i]));
	application_clear(&a);
}

/* Change the state now; back to the desk with what happened. */
static enum dialog_result
dialog_desk_app_change(struct dialog *d, const char *tracking,
    enum application_state to, const char *note)
{
	struct application	 a;
	struct queue_actor	 who;
	char			 shown[TRACKING_SHOWN], *cause = NULL;

	dialog_desk_actor(d, &who);
	tracking_format(tracking, shown);
	if (application_update(d->db, &who, tracking, to, note, time(NULL),
	    &a, &cause) != 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		return DIALOG_CHANGED;
	}
	application_clear(&a);
	dialog_desk_home(d);
	dialog_message(d, 0, _("Application %s is now: %s."), shown,
	    application_state_label(to));
	return DIALOG_CHANGED;
}

static enum dialog_result
dialog_desk_app_state_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	enum application_state	 to[APPLICATION_STATE_COUNT];
	struct application	 a;
	struct dialog_frame	*next;
	char			*cause = NULL, *tracking;
	size_t			 count;
	int			 rc;

	rc = application_find(d->db, f->text, d->lang, &a, &cause);
	free(cause);
	if (rc != 1)
		return DIALOG_CHANGED;
	count = dialog_desk_app_next(a.state, to);
	application_clear(&a);
	if (n > count)
		return DIALOG_CHANGED;
	if (!application_state_needs_note(to[n - 1])) {
		tracking = xstrdup(f->text);
		dialog_desk_app_change(d, tracking, to[n - 1], NULL);
		free(tracking);
		return DIALOG_CHANGED;
	}
	next = dialog_push(d, &dialog_desk_app_note, 0, to[n - 1]);
	next->text = xstrdup(f->text);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_desk_app_state = {
	"desk-app-state", dialog_desk_app_state_build,
	dialog_desk_app_state_choose, NULL, NULL
};

static void
dialog_desk_app_note_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	screen_set_title(s, application_state_label(f->item));
	if (f->item == APPLICATION_DOCUMENTS_NEEDED)
		screen_set_prompt(s, _("Which documents are needed? Type them, "
		    "then press Enter."));
	else if (f->item == APPLICATION_READY)
		screen_set_prompt(s, _("Where is it picked up? Type the place, "
		    "then press Enter."));
	else
		screen_set_prompt(s, _("Why is it rejected? Type the reason, "
		    "then press Enter."));
	screen_set_field(s, FIELD_TEXT, _("Note"), 200);
}

static enum dialog_result
dialog_desk_app_note_submit(struct dialog *d, struct dialog_frame *f,
    const char *note)
{
	enum application_state	 to = f->item;
	char			*tracking = xstrdup(f->text);
	enum dialog_result	 r;

	r = dialog_desk_app_change(d, tracking, to, note);
	free(tracking);
	return r;
}

const struct dialog_type dialog_desk_app_note = {
	"desk-app-note", dialog_desk_app_note_build, NULL,
	dialog_desk_app_note_submit,
	N_("The note is shown and spoken at the kiosk with the state, and "
	    "sent in the text message.")
};
