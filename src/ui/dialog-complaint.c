/*
 * Complaints at the kiosk: file one (the service, what it is about, a
 * short text if the citizen wants one), read the centre's answer with
 * the tracking number, and where to go further (SP4N-LAPOR!). Every step
 * works with the twelve keys; the text is the one optional step that
 * needs a keyboard, and a keypad user files without it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/xmalloc.h"
#include "office/catalog.h"
#include "office/complaint.h"
#include "office/lookup.h"
#include "office/notify.h"
#include "office/queue.h"
#include "ui/dialog-internal.h"

extern const struct dialog_type dialog_complaint_text_choice;
extern const struct dialog_type dialog_complaint_text;
extern const struct dialog_type dialog_complaint_confirm;
extern const struct dialog_type dialog_complaint_result;
extern const struct dialog_type dialog_complaint_check;
extern const struct dialog_type dialog_complaint_answer;
extern const struct dialog_type dialog_complaint_further;
extern const struct dialog_type dialog_complaint_phone_choice;
extern const struct dialog_type dialog_complaint_phone;
extern const struct dialog_record dialog_complaint_record;

/*
 * After the words: a text message when answered, if the office can send
 * one; the confirmation otherwise. text is the complaint's, or NULL.
 */
static void
dialog_complaint_next(struct dialog *d, struct dialog_frame *f,
    const char *text)
{
	struct dialog_frame	*next;

	free(d->draft.phone);
	d->draft.phone = NULL;
	d->draft.lang = d->lang;
	next = dialog_push(d, notify_enabled(d->config) ?
	    &dialog_complaint_phone_choice : &dialog_complaint_confirm, f->id,
	    f->item);
	next->text = text != NULL ? xstrdup(text) : NULL;
}

static void
dialog_complaints_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("Complaints"));
	screen_set_prompt(s, _("Your complaint goes to the office and its "
	    "agency, who must answer it. You may stay anonymous."));
	screen_add_item(s, _("File a complaint"));
	screen_add_item(s, _("Read the answer to a complaint"));
	screen_add_item(s, _("SP4N-LAPOR!, the national complaint channel"));
}

static enum dialog_result
dialog_complaints_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	(void)f;
	if (n == 1)
		dialog_push(d, &dialog_agencies, 0, PURPOSE_COMPLAINT);
	else if (n == 2)
		dialog_push(d, &dialog_complaint_check, 0, 0);
	else
		dialog_push(d, &dialog_complaint_further, 0, 0);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_complaints = {
	"complaints", dialog_complaints_build, dialog_complaints_choose, NULL,
	N_("Choose the service the complaint is about, then what happened. "
	    "You get a number to read the answer later.")
};

static void
dialog_complaint_kind_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	*name;
	int	 k;

	name = catalog_name(d->db, CATALOG_SERVICE, f->id, d->lang);
	screen_set_title(s, name != NULL ? name : _("Service"));
	free(name);
	screen_set_prompt(s, _("What is your complaint about?"));
	for (k = 0; k < COMPLAINT_KIND_COUNT; k++)
		screen_add_item(s, complaint_kind_label(k));
}

static enum dialog_result
dialog_complaint_kind_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	dialog_push(d, &dialog_complaint_text_choice, f->id, (int)n - 1);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_complaint_kind = {
	"complaint-kind", dialog_complaint_kind_build,
	dialog_complaint_kind_choose, NULL,
	N_("A fee not in the service standard means you were asked to pay "
	    "for something the standard says is free, or more than it says.")
};

static void
dialog_complaint_text_choice_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("Your complaint"));
	screen_set_prompt(s, _("Do you want to add a few words about what "
	    "happened? It needs a keyboard."));
	screen_add_item(s, _("File it without words"));
	screen_add_item(s, _("Add a few words"));
}

static enum dialog_result
dialog_complaint_text_choice_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	if (n == 1)
		dialog_complaint_next(d, f, NULL);
	else
		dialog_push(d, &dialog_complaint_text, f->id, f->item);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_complaint_text_choice = {
	"complaint-text-choice", dialog_complaint_text_choice_build,
	dialog_complaint_text_choice_choose, NULL, NULL
};

static void
dialog_complaint_text_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("Your complaint"));
	screen_set_prompt(s, _("Say what happened in a few words, then press "
	    "# or Enter. Do not write your NIK or other personal numbers."));
	screen_set_field(s, FIELD_TEXT, _("Complaint"), COMPLAINT_TEXT_MAX);
}

static enum dialog_result
dialog_complaint_text_submit(struct dialog *d, struct dialog_frame *f,
    const char *text)
{
	dialog_complaint_next(d, f, text);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_complaint_text = {
	"complaint-text", dialog_complaint_text_build, NULL,
	dialog_complaint_text_submit, NULL
};

static void
dialog_complaint_phone_choice_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("Your complaint"));
	screen_set_prompt(s, _("Do you want a text message when your complaint "
	    "is answered? Without one, your complaint stays anonymous."));
	screen_add_item(s, _("No, stay anonymous"));
	screen_add_item(s, _("Yes: type my phone number"));
}

static enum dialog_result
dialog_complaint_phone_choice_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	struct dialog_frame	*next;

	/* Anonymous now, though a number was typed before going back. */
	if (n == 1) {
		free(d->draft.phone);
		d->draft.phone = NULL;
	}
	next = dialog_push(d, n == 1 ? &dialog_complaint_confirm :
	    &dialog_complaint_phone, f->id, f->item);
	next->text = f->text != NULL ? xstrdup(f->text) : NULL;
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_complaint_phone_choice = {
	"complaint-phone-choice", dialog_complaint_phone_choice_build,
	dialog_complaint_phone_choice_choose, NULL, NULL
};

static void
dialog_complaint_phone_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("Your complaint"));
	dialog_phone_field(s, _("Type your mobile number, such as "
	    "081234567890, then press #."));
}

static enum dialog_result
dialog_complaint_phone_submit(struct dialog *d, struct dialog_frame *f,
    const char *phone)
{
	struct dialog_frame	*next;

	if (!dialog_phone_valid(d, phone))
		return DIALOG_CHANGED;
	free(d->draft.phone);
	d->draft.phone = xstrdup(phone);
	/* At the desk, the citizen's language is asked too. */
	next = dialog_push(d, d->desk ? &dialog_desk_complaint_lang :
	    &dialog_complaint_confirm, f->id, f->item);
	next->text = f->text != NULL ? xstrdup(f->text) : NULL;
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_complaint_phone = {
	"complaint-phone", dialog_complaint_phone_build, NULL,
	dialog_complaint_phone_submit, NULL
};

static void
dialog_complaint_confirm_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	*name, *line;

	screen_set_title(s, _("File this complaint?"));
	name = catalog_name(d->db, CATALOG_SERVICE, f->id, d->lang);
	line = xasprintf(_("Service: %s"), name != NULL ? name : "-");
	screen_add_body(s, line);
	free(line);
	free(name);
	line = xasprintf(_("About: %s"), complaint_kind_label(f->item));
	screen_add_body(s, line);
	free(line);
	if (f->text != NULL) {
		line = xasprintf(_("Text: %s"), f->text);
		screen_add_body(s, line);
		free(line);
	}
	if (d->draft.phone != NULL) {
		line = xasprintf(_("Text message to: %s"), d->draft.phone);
		screen_add_personal(s, line);
		free(line);
	}
	screen_set_prompt(s, _("Nothing is sent until you press 1."));
	screen_add_item(s, _("File the complaint"));
}

static enum dialog_result
dialog_complaint_confirm_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	struct queue_actor	 who = { "kiosk", "kiosk", 0 };
	struct complaint_form	 form = { 0 };
	struct complaint	 c;
	struct dialog_frame	*result;
	char			 day[11], *cause = NULL, *code;

	(void)n;
	if ((code = catalog_service_code(d->db, f->id)) == NULL) {
		dialog_message(d, 1, _("This service is no longer offered."));
		return DIALOG_CHANGED;
	}
	schedule_day(&d->rules->schedule, time(NULL), day);
	form.service = code;
	form.kind = f->item;
	form.text = f->text;
	form.phone = d->draft.phone;
	form.day = day;
	form.lang = d->draft.lang;
	/* At the desk, the operator files it on the citizen's behalf. */
	if (d->desk)
		dialog_desk_actor(d, &who);
	if (complaint_add(d->db, &who, &form, time(NULL), &c, &cause) != 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		free(code);
		return DIALOG_CHANGED;
	}
	free(code);
	free(d->draft.phone);
	d->draft.phone = NULL;
	result = dialog_push(d, &dialog_complaint_result, 0, 0);
	result->text = xstrdup(c.tracking);
	complaint_clear(&c);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_complaint_confirm = {
	"complaint-confirm", dialog_complaint_confirm_build,
	dialog_complaint_confirm_choose, NULL,
	N_("No name is kept. A phone number, if you gave one, is used only "
	    "for the text message and then deleted.")
};

static void
dialog_complaint_result_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	 shown[TRACKING_SHOWN], *line;

	(void)d;
	tracking_format(f->text, shown);
	screen_set_title(s, _("Your complaint is filed"));
	screen_set_big(s, shown);
	line = xasprintf(_("Complaint number: %s"), shown);
	screen_add_body(s, line);
	free(line);
	screen_set_prompt(s, _("Note this number down. To read the answer, "
	    "choose Complaints on the main menu, then 2. Press 1 when you are "
	    "done."));
	screen_add_body(s, complaint_further());
	screen_add_item(s, _("Done"));
}

static enum dialog_result
dialog_complaint_result_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	(void)f;
	(void)n;
	if (d->desk)
		dialog_desk_home(d);	/* the operator stays logged in */
	else
		dialog_reset(d);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_complaint_result = {
	"complaint-result", dialog_complaint_result_build,
	dialog_complaint_result_choose, NULL,
	N_("The office must answer within the time its service standard "
	    "says."), 1
};

static void
dialog_complaint_check_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("Read the answer to a complaint"));
	screen_set_prompt(s, _("Type the complaint number, then press #."));
	screen_set_field(s, FIELD_TEXT, _("Complaint number"), 16);
}

const struct dialog_type dialog_complaint_check = {
	"complaint-check", dialog_complaint_check_build, NULL,
	dialog_record_submit, NULL, 0, 0, &dialog_complaint_record
};

/* A complaint's state, first (what it is about, or its service), the
 * answer and where to take it further. */
static void
dialog_complaint_show(struct screen *s, enum complaint_state state,
    const char *first, const char *answer)
{
	char	*line;

	line = xasprintf(_("State: %s."), complaint_state_label(state));
	screen_set_prompt(s, line);
	free(line);
	screen_add_body(s, first);
	if (*answer != '\0') {
		line = xasprintf(_("Answer: %s"), answer);
		screen_add_body(s, line);
		free(line);
	}
	screen_add_body(s, complaint_further());
}

/* The office's own copy (see struct dialog_record). */
static int
dialog_complaint_here(struct dialog *d, const char *tracking,
    struct screen *s, char **cause)
{
	struct complaint	 c;
	char			*about;
	int			 rc;

	rc = complaint_find(d->db, tracking, d->lang, &c, cause);
	if (rc == 1 && s != NULL) {
		about = xasprintf(_("About: %s"), complaint_kind_label(c.kind));
		dialog_complaint_show(s, c.state, about, c.answer);
		free(about);
	}
	complaint_clear(&c);
	return rc;
}

/* What the centre said: its state and answer, with the service. */
static int
dialog_complaint_centre(struct dialog *d, struct screen *s,
    const struct lookup_answer *a, const char *service)
{
	char	*line;
	int	 state = complaint_state_parse(a->state);

	if (state < 0)
		return 0;
	line = xasprintf(_("Service: %s"), service);
	dialog_complaint_show(s, state, line, a->note);
	free(line);
	return 1;
}

const struct dialog_record dialog_complaint_record = {
	"complaint", &dialog_complaint_answer, N_("Complaint %s"),
	N_("No complaint %s is known at this office. Check the number."),
	N_("No complaint with this number is known, here or at the centre. "
	    "Check the number."),
	dialog_complaint_here, dialog_complaint_centre
};

const struct dialog_type dialog_complaint_answer = {
	"complaint-answer", dialog_record_build, NULL, NULL, NULL, 0, 0,
	&dialog_complaint_record
};

static void
dialog_complaint_further_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("SP4N-LAPOR!"));
	screen_set_prompt(s, complaint_further());
	screen_add_body(s, _("SP4N-LAPOR! takes complaints about every public "
	    "service in Indonesia and passes them to the agency that must "
	    "answer."));
}

const struct dialog_type dialog_complaint_further = {
	"complaint-further", dialog_complaint_further_build, NULL, NULL, NULL
};
