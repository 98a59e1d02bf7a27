/* The dialogue engine: a stack of screens and the actions on them. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/configuration.h"
#include "common/log.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/auth.h"
#include "office/lookup.h"
#include "office/queue.h"
#include "office/schedule.h"
#include "ui/dialog-internal.h"

#define DIALOG_MAX_DEPTH	16

struct dialog *
dialog_new(struct db *db, const struct config *config,
    const struct queue_rules *rules)
{
	struct dialog	*d;

	d = xcalloc(1, sizeof *d);
	d->db = db;
	d->config = config;
	d->rules = rules;
	d->start = &dialog_welcome;
	d->stack = xcalloc(DIALOG_MAX_DEPTH, sizeof *d->stack);
	dialog_set_lang(d, config->lang);
	voice_init(&d->voice, config->speech_kiosk, config->speech_rate,
	    config->speech_volume);
	dialog_push(d, &dialog_welcome, 0, 0);
	return d;
}

static void
dialog_pop(struct dialog *d)
{
	struct dialog_frame	*f = &d->stack[--d->depth];

	free(f->text);
	memset(f, 0, sizeof *f);
}

static void
dialog_invalidate(struct dialog *d)
{
	screen_free(d->screen);
	d->screen = NULL;
}

/* A logged-in operator leaves the desk: recorded, a failure logged. */
static void
dialog_logout(struct dialog *d)
{
	char	*cause = NULL;

	if (d->operator != NULL && auth_session(d->db, d->operator, "desk", 0,
	    time(NULL), &cause) != 0) {
		log_warn("%s", cause);
		free(cause);
	}
	free(d->operator);
	d->operator = NULL;
	dialog_draft_clear(&d->draft);
	lookup_free(d->lookup);
	d->lookup = NULL;
}

void
dialog_free(struct dialog *d)
{
	if (d == NULL)
		return;
	dialog_logout(d);
	while (d->depth > 0)
		dialog_pop(d);
	dialog_invalidate(d);
	free(d->message);
	auth_throttle_free(d->throttle);
	free(d->stack);
	free(d);
}

struct dialog_frame *
dialog_push(struct dialog *d, const struct dialog_type *type, long id,
    int item)
{
	struct dialog_frame	*f;

	if (d->depth == DIALOG_MAX_DEPTH)
		fatal("dialog stack overflow at %s", type->name);
	f = &d->stack[d->depth++];
	memset(f, 0, sizeof *f);
	f->type = type;
	f->id = id;
	f->item = item;
	dialog_invalidate(d);
	log_debug("screen %s (%ld, %d)", type->name, id, item);
	return f;
}

void
dialog_message(struct dialog *d, int is_error, const char *fmt, ...)
{
	va_list	 ap;

	free(d->message);
	va_start(ap, fmt);
	d->message = xvasprintf(fmt, ap);
	va_end(ap);
	d->message_is_error = is_error;
	dialog_invalidate(d);
}

void
dialog_set_lang(struct dialog *d, enum lang lang)
{
	d->lang = lang;
	i18n_set(lang);
	dialog_invalidate(d);
}

enum lang
dialog_lang(struct dialog *d)
{
	return d->lang;
}

void
dialog_set_speaking(struct dialog *d, int speaking)
{
	d->speaking = speaking;
	dialog_invalidate(d);
}

const struct voice *
dialog_voice(struct dialog *d)
{
	return &d->voice;
}

const struct screen *
dialog_screen(struct dialog *d)
{
	struct dialog_frame	*f = &d->stack[d->depth - 1];

	if (d->screen != NULL)
		return d->screen;
	d->screen = screen_new();
	d->screen->can_go_back = d->depth > 1;
	if (f->type->help != NULL)
		screen_set_help(d->screen, _(f->type->help));
	f->type->build(d, f, d->screen);
	if (d->message != NULL) {
		screen_set_message(d->screen, d->message, d->message_is_error);
		free(d->message);
		d->message = NULL;
	}
	return d->screen;
}

/* Start an action: drop the last message, which has been seen. */
static void
dialog_begin_action(struct dialog *d)
{
	if (d->screen != NULL && d->screen->message != NULL)
		dialog_invalidate(d);
	free(d->message);
	d->message = NULL;
}

enum dialog_result
dialog_choose(struct dialog *d, size_t n)
{
	struct dialog_frame	*f;
	const struct screen	*s = dialog_screen(d);
	size_t			 count = s->nitems;

	dialog_begin_action(d);
	f = &d->stack[d->depth - 1];
	if (n == 0)
		return dialog_back(d);
	if (n > count || f->type->choose == NULL) {
		if (count == 0)
			dialog_message(d, 1, _("There are no choices here. "
			    "Press 0 to go back."));
		else
			dialog_message(d, 1, _("There is no choice %zu. Choose "
			    "a number from 1 to %zu."), n, count);
		return DIALOG_CHANGED;
	}
	dialog_invalidate(d);
	return f->type->choose(d, f, n);
}

enum dialog_result
dialog_back(struct dialog *d)
{
	dialog_begin_action(d);
	if (d->depth <= 1) {
		dialog_message(d, 1, _("This is the first screen. Choose a "
		    "language to begin."));
		return DIALOG_CHANGED;
	}
	/* After a task's end, back starts over: at a desk, at its main
	 * screen (the operator stays logged in). */
	if (d->stack[d->depth - 1].type->final) {
		if (!d->desk || d->stack[d->depth - 1].type ==
		    &dialog_desk_main) {
			dialog_reset(d);	/* the desk's main: log out */
			return DIALOG_CHANGED;
		}
		while (d->depth > 1 && d->stack[d->depth - 1].type !=
		    &dialog_desk_main)
			dialog_pop(d);
		dialog_invalidate(d);
		return DIALOG_CHANGED;
	}
	dialog_pop(d);
	dialog_invalidate(d);
	return DIALOG_CHANGED;
}

/* Say what is wrong with typed text, in the user's language. */
static void
dialog_text_problem(struct dialog *d, enum text_problem problem, size_t max)
{
	switch (problem) {
	case TEXT_OK:
		break;
	case TEXT_EMPTY:
		dialog_message(d, 1, _("Nothing was typed. Type your answer, "
		    "then press #."));
		break;
	case TEXT_TOO_LONG:
		dialog_message(d, 1, _("That is too long: type at most %zu "
		    "characters."), max);
		break;
	case TEXT_CONTROL:
		dialog_message(d, 1, _("That holds control characters. Use "
		    "only letters, digits and spaces."));
		break;
	case TEXT_BAD_UTF8:
		dialog_message(d, 1, _("That is not valid text. Use only "
		    "letters, digits and spaces."));
		break;
	}
}

/* A choice typed on a screen without a field: it must be a number. */
static enum dialog_result
dialog_submit_choice(struct dialog *d, const char *text)
{
	size_t			 count = dialog_screen(d)->nitems;
	char			*end;
	unsigned long		 n;

	if (*text >= '0' && *text <= '9' && strlen(text) <= 3) {
		n = strtoul(text, &end, 10);
		if (*end == '\0')
			return dialog_choose(d, n);
	}
	dialog_begin_action(d);
	if (count == 0)
		dialog_message(d, 1, _("There are no choices here. Press 0 to "
		    "go back."));
	else
		dialog_message(d, 1, _("Type the number of your choice, from "
		    "1 to %zu."), count);
	return DIALOG_CHANGED;
}

enum dialog_result
dialog_submit(struct dialog *d, const char *text)
{
	struct dialog_frame	*f = &d->stack[d->depth - 1];
	const struct screen	*s = dialog_screen(d);
	enum text_problem	 problem;
	size_t			 max;
	char			*copy, *label;
	enum dialog_result	 result;

	if (s->field == FIELD_NONE || f->type->submit == NULL)
		return dialog_submit_choice(d, text);
	max = s->field_max;
	label = xstrdup(s->field_label != NULL ? s->field_label : "");
	dialog_begin_action(d);
	problem = text_check_input(text, max);
	if (problem != TEXT_OK) {
		dialog_text_problem(d, problem, max);
		result = DIALOG_CHANGED;
	} else {
		copy = text_trim(xstrdup(text));
		dialog_invalidate(d);
		result = f->type->submit(d, f, copy);
		free(copy);
	}
	/* An error names the field it is about, on screen and aloud. */
	if (d->message != NULL && d->message_is_error && *label != '\0') {
		copy = d->message;
		/* TRANSLATORS: a field's label, then what is wrong in it. */
		d->message = xasprintf(_("%s: %s"), label, copy);
		free(copy);
	}
	free(label);
	return result;
}

enum dialog_result
dialog_help(struct dialog *d)
{
	dialog_begin_action(d);
	if (d->stack[d->depth - 1].type == &dialog_help_screen)
		return DIALOG_CHANGED;
	dialog_push(d, &dialog_help_screen, 0, 0);
	return DIALOG_CHANGED;
}

enum dialog_result
dialog_exit(struct dialog *d)
{
	dialog_begin_action(d);
	if (!d->config->locked)
		return DIALOG_QUIT;
	if (d->stack[d->depth - 1].type != &dialog_exit_screen)
		dialog_push(d, &dialog_exit_screen, 0, 0);
	return DIALOG_CHANGED;
}

void
dialog_reset(struct dialog *d)
{
	while (d->depth > 0)
		dialog_pop(d);
	free(d->message);
	d->message = NULL;
	dialog_set_lang(d, d->config->lang);
	voice_init(&d->voice, d->desk ? d->config->speech_desk :
	    d->config->speech_kiosk, d->config->speech_rate,
	    d->config->speech_volume);
	dialog_logout(d);
	d->counter = 0;
	dialog_push(d, d->start, 0, 0);
	log_info("session reset");
}

void
dialog_set_booking(struct dialog *d, const struct booking_rules *b)
{
	d->booking = b;
}

struct dialog *
dialog_new_desk(struct db *db, const struct config *config,
    const struct queue_rules *rules)
{
	struct dialog	*d = dialog_new(db, config, rules);

	d->start = &dialog_desk_login;
	d->desk = 1;
	dialog_reset(d);
	return d;
}

int
dialog_times_out(struct dialog *d)
{
	/* A desk stays logged in while its operator serves someone. */
	return !d->desk && d->depth > 1;
}

int
dialog_live(struct dialog *d)
{
	return d->stack[d->depth - 1].type->live;
}

void
dialog_refresh(struct dialog *d)
{
	dialog_invalidate(d);
}

int
dialog_at_start(struct dialog *d)
{
	return d->depth == 1;
}

void
dialog_add_languages(struct dialog *d, struct screen *s)
{
	/* Each language named in itself, for whoever reads it. */
	screen_add_item(s, "Bahasa Indonesia");
	screen_add_item(s, "English");
	s->selected = d->lang == LANG_EN ? 1 : 0;
}

char *
dialog_date(const struct schedule *sch, time_t when)
{
	char	*described, *space, day[11], *text;

	described = schedule_describe(sch, when);
	if ((space = strchr(described, ' ')) != NULL)
		*space = '\0';
	schedule_day(sch, when, day);
	/* YYYY-MM-DD as DD-MM-YYYY, as dates are written here. */
	text = xasprintf("%s %.2s-%.2s-%.4s", described, day + 8, day + 5,
	    day);
	free(described);
	return text;
}

void
dialog_clock(const struct schedule *sch, time_t t, char out[6])
{
	struct tm	 tm;
	time_t		 local = t + sch->offset;

	gmtime_r(&local, &tm);
	strftime(out, 6, "%H:%M", &tm);
}

void
dialog_phone_field(struct screen *s, const char *prompt)
{
	screen_set_prompt(s, prompt);
	screen_set_field(s, FIELD_DIGITS, _("Phone"), 15);
	s->field_personal = 1;
}

void
dialog_phone_screen(struct screen *s)
{
	screen_set_title(s, _("Your phone number"));
	dialog_phone_field(s, _("Type your mobile number, such as "
	    "081234567890, then press #."));
}

void
dialog_phone_end(struct screen *s, const char *phone)
{
	char	*line;

	/* Personal data: only its end, enough to recognise it. */
	line = xasprintf(_("Text message: to the number ending in %s"),
	    phone + strlen(phone) - 4);
	screen_add_personal(s, line);
	free(line);
}

int
dialog_phone_valid(struct dialog *d, const char *phone)
{
	if (queue_phone_valid(phone))
		return 1;
	dialog_message(d, 1, _("That is not a mobile number: type 8 to 15 "
	    "digits starting with 0, such as 081234567890."));
	return 0;
}

int
dialog_poll(struct dialog *d)
{
	return dialog_record_poll(d);
}

void
dialog_settle(struct dialog *d)
{
	dialog_record_settle(d);
}
