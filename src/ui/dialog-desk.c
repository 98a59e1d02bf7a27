/*
 * The operator desk as screens: log in, choose the counter, then one key
 * per action on the ticket at this counter, with the waiting list and
 * the day's figures kept live.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/log.h"
#include "common/words.h"
#include "common/xmalloc.h"
#include "office/auth.h"
#include "office/catalog.h"
#include "office/notify.h"
#include "office/outbox.h"
#include "office/queue.h"
#include "ui/dialog-internal.h"

extern const struct dialog_type dialog_desk_password;
extern const struct dialog_type dialog_desk_counter;
extern const struct dialog_type dialog_desk_finish;
extern const struct dialog_type dialog_desk_number;
extern const struct dialog_type dialog_desk_more;
extern const struct dialog_type dialog_desk_figures;

enum desk_item {
	DESK_CALL = 1,
	DESK_RECALL,
	DESK_SERVE,
	DESK_FINISH,
	DESK_NOSHOW,
	DESK_TRANSFER,
	DESK_PARK,
	DESK_NUMBER,
	DESK_MORE
};

static void
dialog_desk_login_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("Operator desk"));
	screen_set_prompt(s, _("Type your operator name, then press Enter."));
	screen_set_field(s, FIELD_TEXT, _("Name"), 32);
}

static enum dialog_result
dialog_desk_login_submit(struct dialog *d, struct dialog_frame *f,
    const char *name)
{
	struct dialog_frame	*next;

	(void)f;
	next = dialog_push(d, &dialog_desk_password, 0, 0);
	next->text = xstrdup(name);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_desk_login = {
	"desk-login", dialog_desk_login_build, NULL, dialog_desk_login_submit,
	N_("Ask the office's IT staff for an account: loket user add NAME.")
};

static void
dialog_desk_password_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	screen_set_title(s, _("Operator desk"));
	screen_set_prompt(s, _("Type your password, then press Enter."));
	screen_set_field(s, FIELD_SECRET, _("Password"), AUTH_PASSWORD_MAX);
	(void)f;
}

static enum dialog_result
dialog_desk_password_submit(struct dialog *d, struct dialog_frame *f,
    const char *password)
{
	struct timespec	 ts;
	char		*cause = NULL;
	int64_t		 now_ms;
	int		 wait, rc;

	if (auth_init() != 0) {
		dialog_message(d, 1, "%s", _("The password library cannot "
		    "start."));
		return DIALOG_CHANGED;
	}
	/* Wrong tries at this desk slow the next try of that name here. */
	if (d->throttle == NULL)
		d->throttle = auth_throttle_new();
	clock_gettime(CLOCK_MONOTONIC, &ts);
	now_ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	if ((wait = auth_throttle_wait(d->throttle, f->text, now_ms)) > 0) {
		dialog_message(d, 1, ngettext("Too many wrong tries: wait %d "
		    "second, then try again.", "Too many wrong tries: wait %d "
		    "seconds, then try again.", wait), wait);
		return DIALOG_CHANGED;
	}
	rc = auth_login(d->db, f->text, password, time(NULL), &cause);
	auth_throttle_record(d->throttle, f->text, rc == 0, now_ms);
	if (rc != 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		return DIALOG_CHANGED;
	}
	free(d->operator);
	d->operator = xstrdup(f->text);
	/* The log-in is recorded for the centre; a failure only logged. */
	if (auth_session(d->db, d->operator, "desk", 1, time(NULL),
	    &cause) != 0) {
		log_warn("%s", cause);
		free(cause);
	}
	dialog_push(d, &dialog_desk_counter, 0, 0);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_desk_password = {
	"desk-password", dialog_desk_password_build, NULL,
	dialog_desk_password_submit,
	N_("After three wrong passwords, each try of the name at this desk "
	    "waits longer than the one before.")
};

static int
dialog_desk_counters_fetch(struct dialog *d, struct dialog_frame *f,
    struct catalog_entry **entries, size_t *n, char **cause)
{
	(void)f;
	return catalog_counters(d->db, entries, n, cause);
}

static void
dialog_desk_counter_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	screen_set_title(s, _("Choose your counter"));
	screen_set_prompt(s, _("Which counter are you at?"));
	if (dialog_list_build(d, f, s, dialog_desk_counters_fetch, NULL,
	    0) == 0)
		screen_add_body(s, _("The catalog has no counters. Add them "
		    "with loket catalog import."));
}

static enum dialog_result
dialog_desk_counter_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	long	 extra;

	return dialog_list_choose(d, f, n, dialog_desk_counters_fetch, 0,
	    &dialog_desk_main, 0, &extra);
}

const struct dialog_type dialog_desk_counter = {
	"desk-counter", dialog_desk_counter_build, dialog_desk_counter_choose,
	NULL, N_("The counter decides which services you call.")
};

/* The desk as the event log names it. */
void
dialog_desk_actor(struct dialog *d, struct queue_actor *who)
{
	who->who = d->operator != NULL ? d->operator : "?";
	who->terminal = "desk";
	who->counter = d->counter;
}

void
dialog_desk_home(struct dialog *d)
{
	while (d->depth > 1 && d->stack[d->depth - 1].type !=
	    &dialog_desk_main)
		dialog_back(d);
}

/* "08 ##### 5" lines of tickets finished per hour, in ASCII. */
static void
dialog_desk_chart(struct screen *s, const struct queue_figures *q)
{
	char	 bar[41], *line;
	int	 hour, top = 0, len;

	for (hour = 0; hour < 24; hour++) {
		if (q->per_hour[hour] > top)
			top = q->per_hour[hour];
	}
	for (hour = 0; hour < 24; hour++) {
		if (q->per_hour[hour] == 0)
			continue;
		len = top > 40 ? q->per_hour[hour] * 40 / top :
		    q->per_hour[hour];
		memset(bar, '#', len);
		bar[len] = '\0';
		line = xasprintf("%02d %s %d", hour, bar, q->per_hour[hour]);
		screen_add_body(s, line);
		free(line);
	}
}

/* The day's figures for this counter as body lines. */
static void
dialog_desk_add_figures(struct dialog *d, struct screen *s, int chart)
{
	struct queue_figures	 q;
	char			*cause = NULL, *line;

	if (queue_figures(d->db, d->rules, time(NULL), d->counter, &q,
	    &cause) != 0) {
		screen_set_message(s, cause, 1);
		free(cause);
		return;
	}
	line = xasprintf(_("Today: %d served, %d not present, %d waiting."),
	    q.served, q.noshow, q.waiting);
	screen_add_body(s, line);
	free(line);
	if (q.average_wait >= 0) {
		line = xasprintf(_("Average wait %ld min, average service %ld "
		    "min."), (q.average_wait + 30) / 60,
		    q.average_service >= 0 ? (q.average_service + 30) / 60 : 0);
		screen_add_body(s, line);
		free(line);
	}
	if (chart)
		dialog_desk_chart(s, &q);
}

/* How long ago, in the fewest words: "5 min", "3 h", "2 days". Owned. */
static char *
dialog_desk_ago(time_t seconds)
{
	long	 n;

	if (seconds < 3600) {
		n = (long)seconds / 60;
		return xasprintf(_("%ld min"), n);
	}
	if (seconds < 2 * 86400) {
		n = (long)seconds / 3600;
		return xasprintf(_("%ld h"), n);
	}
	n = (long)seconds / 86400;
	return xasprintf(ngettext("%ld day", "%ld days", n), n);
}

/*
 * The sync agent's state in a few words, when the office follows a
 * centre: "Sync: 3 min ago, 12 waiting." An island office shows nothing.
 */
static void
dialog_desk_add_sync(struct dialog *d, struct screen *s)
{
	struct outbox_state	 st;
	char			*cause = NULL, *ago, *line;
	time_t			 now = time(NULL);

	if (outbox_state_read(d->db, &st, &cause) != 0 || st.centre == NULL) {
		free(cause);
		outbox_state_clear(&st);
		return;
	}
	if (st.last_success == 0)
		line = xasprintf(_("Sync: not yet, %ld waiting."), st.pending);
	else if (now - st.last_success < 60 &&
	    st.last_attempt <= st.last_success)
		line = xasprintf(_("Sync: just now, %ld waiting."), st.pending);
	else {
		ago = dialog_desk_ago(now > st.last_success ?
		    now - st.last_success : 0);
		if (st.last_attempt > st.last_success)
			/* TRANSLATORS: %s is "5 min", "3 h" or "2 days". */
			line = xasprintf(_("Sync: offline, last %s ago, %ld "
			    "waiting."), ago, st.pending);
		else
			/* TRANSLATORS: %s is "5 min", "3 h" or "2 days". */
			line = xasprintf(_("Sync: %s ago, %ld waiting."), ago,
			    st.pending);
		free(ago);
	}
	screen_add_body(s, line);
	free(line);
	outbox_state_clear(&st);
}

/*
 * Where the text messages stand, when a transport is set: "Text
 * messages: 2 waiting, 14 sent, 1 given up."
 */
static void
dialog_desk_add_notify(struct dialog *d, struct screen *s)
{
	struct notify_status	 st;
	char			*cause = NULL, *line;

	if (!notify_enabled(d->config))
		return;
	if (notify_status_read(d->db, &st, &cause) == 0) {
		line = xasprintf(_("Text messages: %ld waiting, %ld sent, %ld "
		    "given up."), st.count[NOTIFY_WAITING] +
		    st.count[NOTIFY_SENDING], st.count[NOTIFY_SENT],
		    st.count[NOTIFY_FAILED]);
		screen_add_body(s, line);
		free(line);
	}
	free(cause);
	notify_status_clear(&st);
}

/*
 * "Ticket A-004 is called." with its lane when it is the priority one, so
 * that the operator sees (and with the voice on, hears) that an elderly,
 * disabled or pregnant citizen or a child is coming. Owned.
 */
static char *
dialog_desk_ticket_text(const char *fmt, const struct ticket *t,
    const char *what)
{
	char	*label, *text, *lane;

	label = queue_ticket_label(t);
	text = xasprintf(fmt, label, what);
	free(label);
	if (t->priority == PRIORITY_NONE)
		return text;
	/* TRANSLATORS: after "Called A-004 to counter 1."; %s is the
	 * lane, such as "Elderly". */
	lane = xasprintf(_("%s Priority lane: %s."), text,
	    queue_priority_label(t->priority));
	free(text);
	return lane;
}

static void
dialog_desk_main_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	static const char *const items[] = {
		N_("Call next"), N_("Call again"), N_("Start serving"),
		N_("Finish..."), N_("Not present"), N_("Transfer..."),
		N_("Park or resume"), N_("Call a ticket by number"),
		N_("More...")
	};
	struct queue_service_status	*st;
	struct ticket			 t;
	size_t				 n, i;
	char				*cause = NULL, *line;
	int				 held;

	d->counter = (int)f->id;
	line = xasprintf(_("Counter %d: %s"), d->counter,
	    d->operator != NULL ? d->operator : "-");
	screen_set_title(s, line);
	free(line);
	held = queue_current(d->db, d->rules, d->counter, time(NULL), &t,
	    &cause);
	if (held == 1) {
		line = dialog_desk_ticket_text(_("Ticket %s is %s."), &t,
		    queue_state_label(t.state));
		screen_set_prompt(s, line);
		free(line);
		queue_ticket_clear(&t);
	} else if (held < 0) {
		screen_set_message(s, cause, 1);
		free(cause);
		cause = NULL;
	} else
		screen_set_prompt(s, _("No ticket at this counter. Press 1 to "
		    "call the next."));
	if (queue_status(d->db, d->rules, time(NULL), &st, &n, &cause) == 0) {
		for (i = 0; i < n; i++) {
			if (st[i].waiting == 0 || !catalog_counter_serves(d->db,
			    d->counter, st[i].service))
				continue;
			line = xasprintf(_("%c %s: %d waiting, longest %ld min"),
			    st[i].letter, st[i].name, st[i].waiting,
			    (long)(time(NULL) - st[i].oldest) / 60);
			screen_add_body(s, line);
			free(line);
		}
		queue_status_free(st, n);
	} else
		free(cause);
	dialog_desk_add_figures(d, s, 0);
	dialog_desk_add_sync(d, s);
	dialog_desk_add_notify(d, s);
	for (i = 0; i < sizeof items / sizeof items[0]; i++)
		screen_add_item(s, _(items[i]));
}

/* Act on the ticket this counter holds; say what happened. */
static enum dialog_result
dialog_desk_act(struct dialog *d, enum queue_action a,
    enum ticket_outcome outcome, const char *to)
{
	struct queue_actor	 who;
	struct ticket		 t, now;
	char			*cause = NULL, *label, *text;
	int			 held;

	dialog_desk_actor(d, &who);
	held = queue_current(d->db, d->rules, d->counter, time(NULL), &t,
	    &cause);
	if (held < 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		return DIALOG_CHANGED;
	}
	if (held == 0) {
		dialog_message(d, 1, _("No ticket at this counter: press 1 to "
		    "call the next."));
		return DIALOG_CHANGED;
	}
	if (a == QUEUE_PARK && t.state == TICKET_PARKED)
		a = QUEUE_RESUME;
	if (queue_act(d->db, d->rules, &who, a, t.id, outcome, to, time(NULL),
	    &now, &cause) != 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		queue_ticket_clear(&t);
		return DIALOG_CHANGED;
	}
	label = queue_ticket_label(&now);
	if (a == QUEUE_RECALL) {
		text = words_call(now.letter, now.number, now.counter, d->lang);
		log_info("announce: %s", text);
		free(text);
	}
	if (a == QUEUE_TRANSFER)
		dialog_message(d, 0, _("Transferred: the new ticket is %s."),
		    label);
	else
		dialog_message(d, 0, _("Ticket %s is %s."), label,
		    queue_state_label(now.state));
	free(label);
	queue_ticket_clear(&t);
	queue_ticket_clear(&now);
	return DIALOG_CHANGED;
}

/* Call the next ticket, or a given one, to this counter. */
static enum dialog_result
dialog_desk_call(struct dialog *d, long id)
{
	struct queue_actor	 who;
	struct ticket		 t;
	char			*cause = NULL, *counter, *text;
	int			 called;

	dialog_desk_actor(d, &who);
	if (id != 0) {
		called = queue_act(d->db, d->rules, &who, QUEUE_CALL, id,
		    OUTCOME_DONE, NULL, time(NULL), &t, &cause);
		called = called == 0 ? 1 : called;
	} else
		called = queue_call_next(d->db, d->rules, &who, time(NULL), &t,
		    &cause);
	if (called < 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		return DIALOG_CHANGED;
	}
	if (called == 0) {
		dialog_message(d, 0, _("Nobody is waiting for this counter."));
		return DIALOG_CHANGED;
	}
	text = words_call(t.letter, t.number, t.counter, d->lang);
	log_info("announce: %s", text);
	free(text);
	counter = xasprintf("%d", t.counter);
	/* TRANSLATORS: %s is the ticket, then the counter's number. */
	text = dialog_desk_ticket_text(_("Called %s to counter %s."), &t,
	    counter);
	dialog_message(d, 0, "%s", text);
	free(text);
	free(counter);
	queue_ticket_clear(&t);
	return DIALOG_CHANGED;
}

static enum dialog_result
dialog_desk_main_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	(void)f;
	switch (n) {
	case DESK_CALL:
		return dialog_desk_call(d, 0);
	case DESK_RECALL:
		return dialog_desk_act(d, QUEUE_RECALL, OUTCOME_DONE, NULL);
	case DESK_SERVE:
		return dialog_desk_act(d, QUEUE_SERVE, OUTCOME_DONE, NULL);
	case DESK_FINISH:
		dialog_push(d, &dialog_desk_finish, 0, 0);
		break;
	case DESK_NOSHOW:
		return dialog_desk_act(d, QUEUE_NOSHOW, OUTCOME_DONE, NULL);
	case DESK_TRANSFER:
		dialog_push(d, &dialog_agencies, 0, PURPOSE_TRANSFER);
		break;
	case DESK_PARK:
		return dialog_desk_act(d, QUEUE_PARK, OUTCOME_DONE, NULL);
	case DESK_NUMBER:
		dialog_push(d, &dialog_desk_number, 0, 0);
		break;
	default:
		dialog_push(d, &dialog_desk_more, 0, 0);
		break;
	}
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_desk_main = {
	"desk", dialog_desk_main_build, dialog_desk_main_choose, NULL,
	N_("One key per action on the ticket at this counter. 0 logs out."),
	1, 1
};

static void
dialog_desk_finish_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("Finish the ticket"));
	screen_set_prompt(s, _("How did it end?"));
	screen_add_item(s, _("Done"));
	screen_add_item(s, _("Documents incomplete"));
	screen_add_item(s, _("Forwarded"));
	screen_add_item(s, _("Rejected"));
}

static enum dialog_result
dialog_desk_finish_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	(void)f;
	dialog_back(d);
	return dialog_desk_act(d, QUEUE_FINISH, (enum ticket_outcome)(n - 1),
	    NULL);
}

const struct dialog_type dialog_desk_finish = {
	"desk-finish", dialog_desk_finish_build, dialog_desk_finish_choose,
	NULL, NULL
};

/* A service chosen to transfer to, or for a walk-in. */
static void
dialog_desk_service_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	*name, *line;

	name = catalog_name(d->db, CATALOG_SERVICE, f->id, d->lang);
	screen_set_title(s, f->item == PURPOSE_TRANSFER ? _("Transfer to "
	    "another service") : _("Serve a walk-in"));
	line = xasprintf(_("Service: %s"), name != NULL ? name : "-");
	screen_set_prompt(s, line);
	free(line);
	free(name);
	screen_add_item(s, f->item == PURPOSE_TRANSFER ? _("Transfer the "
	    "ticket") : _("Serve now"));
}

static enum dialog_result
dialog_desk_service_choose(struct dialog *d, struct dialog_frame *f,
    size_t n)
{
	struct queue_actor	 kiosk = { NULL, "desk", 0 };
	struct ticket		 t;
	enum dialog_result	 r;
	char			*code, *cause = NULL;
	long			 service = f->id;
	int			 purpose = f->item, ahead;

	(void)n;
	code = catalog_service_code(d->db, service);
	/* Back to the desk first, then act there. */
	dialog_desk_home(d);
	if (code == NULL) {
		dialog_message(d, 1, _("This service is no longer offered."));
		return DIALOG_CHANGED;
	}
	if (purpose == PURPOSE_TRANSFER) {
		r = dialog_desk_act(d, QUEUE_TRANSFER, OUTCOME_DONE, code);
		free(code);
		return r;
	}
	/* A walk-in: a ticket taken here and called at once. */
	kiosk.who = d->operator;
	if (queue_take(d->db, d->rules, &kiosk, code, PRIORITY_NONE,
	    time(NULL), &t, &ahead, &cause) != 0) {
		dialog_message(d, 1, "%s", cause);
		free(cause);
		free(code);
		return DIALOG_CHANGED;
	}
	free(code);
	r = dialog_desk_call(d, t.id);
	queue_ticket_clear(&t);
	return r;
}

const struct dialog_type dialog_desk_service = {
	"desk-service", dialog_desk_service_build, dialog_desk_service_choose,
	NULL, NULL
};

static void
dialog_desk_number_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("Call a ticket by number"));
	screen_set_prompt(s, _("Type the ticket, such as A-012, then press "
	    "Enter."));
	screen_set_field(s, FIELD_TEXT, _("Ticket"), 8);
}

static enum dialog_result
dialog_desk_number_submit(struct dialog *d, struct dialog_frame *f,
    const char *label)
{
	char	*cause = NULL;
	long	 id;
	int	 found;

	(void)f;
	found = queue_find(d->db, d->rules, time(NULL), label, &id, &cause);
	if (found != 1) {
		if (found < 0) {
			dialog_message(d, 1, "%s", cause);
			free(cause);
		} else
			dialog_message(d, 1, _("There is no ticket %s today."),
			    label);
		return DIALOG_CHANGED;
	}
	dialog_back(d);
	return dialog_desk_call(d, id);
}

const struct dialog_type dialog_desk_number = {
	"desk-number", dialog_desk_number_build, NULL,
	dialog_desk_number_submit, NULL
};

static void
dialog_desk_more_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	(void)d;
	(void)f;
	screen_set_title(s, _("More"));
	screen_set_prompt(s, _("Choose what to do."));
	screen_add_item(s, _("Serve a walk-in without a ticket"));
	screen_add_item(s, _("Today's figures"));
	screen_add_item(s, _("Log out"));
	screen_add_item(s, _("Register an application"));
	screen_add_item(s, _("Change an application's state"));
	screen_add_item(s, _("File a complaint for a citizen"));
}

static enum dialog_result
dialog_desk_more_choose(struct dialog *d, struct dialog_frame *f, size_t n)
{
	(void)f;
	if (n == 1)
		dialog_push(d, &dialog_agencies, 0, PURPOSE_WALKIN);
	else if (n == 2)
		dialog_push(d, &dialog_desk_figures, 0, 0);
	else if (n == 4)
		dialog_push(d, &dialog_agencies, 0, PURPOSE_APPLICATION);
	else if (n == 5)
		dialog_push(d, &dialog_desk_app_find, 0, 0);
	else if (n == 6)
		dialog_push(d, &dialog_agencies, 0, PURPOSE_COMPLAINT);
	else
		dialog_reset(d);
	return DIALOG_CHANGED;
}

const struct dialog_type dialog_desk_more = {
	"desk-more", dialog_desk_more_build, dialog_desk_more_choose, NULL,
	NULL
};

static void
dialog_desk_figures_build(struct dialog *d, struct dialog_frame *f,
    struct screen *s)
{
	char	*line;

	(void)f;
	line = xasprintf(_("Counter %d today"), d->counter);
	screen_set_title(s, line);
	free(line);
	screen_set_prompt(s, _("Tickets finished per hour:"));
	dialog_desk_add_figures(d, s, 1);
}

const struct dialog_type dialog_desk_figures = {
	"desk-figures", dialog_desk_figures_build, NULL, NULL, NULL, 0, 1
};
