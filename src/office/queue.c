/* The digital queue: its rules, names and the transitions a ticket may take. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/configuration.h"
#include "common/i18n.h"
#include "common/xmalloc.h"
#include "office/queue.h"

static const char *const queue_states[TICKET_STATE_COUNT] = {
	"waiting", "called", "serving", "parked", "done", "noshow"
};

/* TRANSLATORS: the state of a queue ticket, as in "Ticket A-001 is now %s". */
static const char *const queue_state_labels[TICKET_STATE_COUNT] = {
	N_("waiting"), N_("called"), N_("being served"), N_("parked"),
	N_("done"), N_("not present")
};

static const struct {
	const char	*name;
	const char	*label;
} queue_priorities[PRIORITY_COUNT] = {
	{ "none", N_("No priority") },
	{ "elderly", N_("Elderly (60 or older)") },
	{ "disabled", N_("Person with a disability") },
	{ "pregnant", N_("Pregnant") },
	{ "child", N_("With a small child") },
};

static const char *const queue_outcomes[OUTCOME_COUNT] = {
	"done", "incomplete", "forwarded", "rejected", "noshow", "transferred"
};

/* Which states each action may start from. */
static const unsigned queue_from[QUEUE_ACTION_COUNT] = {
	[QUEUE_CALL] = 1u << TICKET_WAITING,
	[QUEUE_RECALL] = 1u << TICKET_CALLED,
	[QUEUE_SERVE] = 1u << TICKET_CALLED,
	[QUEUE_FINISH] = 1u << TICKET_CALLED | 1u << TICKET_SERVING,
	[QUEUE_NOSHOW] = 1u << TICKET_CALLED,
	[QUEUE_PARK] = 1u << TICKET_SERVING,
	[QUEUE_RESUME] = 1u << TICKET_PARKED,
	[QUEUE_TRANSFER] = 1u << TICKET_CALLED | 1u << TICKET_SERVING,
};

int
queue_rules_init(struct queue_rules *r, const struct config *c, char **cause)
{
	memset(r, 0, sizeof *r);
	r->quota = c->quota;
	r->priority_bonus = c->priority_bonus;
	r->restricted = c->hours != NULL;
	return schedule_parse(&r->schedule, c->timezone != NULL ? c->timezone :
	    "WIB", c->hours != NULL ? c->hours : "", c->breaks != NULL ?
	    c->breaks : "", c->holidays != NULL ? c->holidays : "", cause);
}

void
queue_rules_free(struct queue_rules *r)
{
	schedule_free(&r->schedule);
}

void
queue_day(const struct queue_rules *r, time_t now, char day[11])
{
	schedule_day(&r->schedule, now, day);
}

const char *
queue_state_name(enum ticket_state s)
{
	return queue_states[s];
}

const char *
queue_state_label(enum ticket_state s)
{
	return _(queue_state_labels[s]);
}

const char *
queue_priority_name(enum ticket_priority p)
{
	return queue_priorities[p].name;
}

const char *
queue_priority_label(enum ticket_priority p)
{
	return _(queue_priorities[p].label);
}

int
queue_priority_parse(const char *name, enum ticket_priority *p)
{
	int	 i;

	for (i = 0; i < PRIORITY_COUNT; i++) {
		if (strcmp(queue_priorities[i].name, name) == 0) {
			*p = i;
			return 0;
		}
	}
	return -1;
}

const char *
queue_outcome_name(enum ticket_outcome o)
{
	return queue_outcomes[o];
}

int
queue_outcome_parse(const char *name, enum ticket_outcome *o)
{
	int	 i;

	/* noshow and transferred have actions of their own. */
	for (i = 0; i <= OUTCOME_REJECTED; i++) {
		if (strcmp(queue_outcomes[i], name) == 0) {
			*o = i;
			return 0;
		}
	}
	return -1;
}

char *
queue_ticket_label(const struct ticket *t)
{
	return xasprintf("%c-%03d", t->letter, t->number);
}

int
queue_allowed(enum queue_action a, enum ticket_state s)
{
	return (queue_from[a] & (1u << s)) != 0;
}

char *
queue_refusal(enum queue_action a, const struct ticket *t)
{
	char	*label = queue_ticket_label(t), *why;

	switch (t->state) {
	case TICKET_WAITING:
		why = xasprintf(_("Ticket %s is still waiting: call it "
		    "first."), label);
		break;
	case TICKET_CALLED:
		if (a == QUEUE_CALL)
			why = xasprintf(_("Ticket %s was already called by "
			    "counter %d."), label, t->counter);
		else
			why = xasprintf(_("Ticket %s has been called but is "
			    "not being served yet."), label);
		break;
	case TICKET_SERVING:
		why = xasprintf(_("Ticket %s is being served at counter %d."),
		    label, t->counter);
		break;
	case TICKET_PARKED:
		why = xasprintf(_("Ticket %s is parked at counter %d: resume "
		    "it first."), label, t->counter);
		break;
	default:
		why = xasprintf(_("Ticket %s is finished."), label);
		break;
	}
	free(label);
	return why;
}

void
queue_ticket_clear(struct ticket *t)
{
	free(t->service_code);
	memset(t, 0, sizeof *t);
}

void
queue_status_free(struct queue_service_status *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(s[i].code);
		free(s[i].name);
	}
	free(s);
}

char *
queue_wait_text(long seconds)
{
	long	 minutes;

	if (seconds < 0)
		return xstrdup(_("not known yet"));
	/* Never "about 0 minutes": a wait is at least one. */
	minutes = seconds < 60 ? 1 : (seconds + 59) / 60;
	return xasprintf(ngettext("about %ld minute", "about %ld minutes",
	    minutes), minutes);
}

char *
queue_phone_normalise(const char *phone)
{
	char	*local;
	size_t	 len;

	/* +62 is Indonesia's prefix; at home the 0 takes its place. */
	if (strncmp(phone, "+62", 3) == 0 && phone[3] != '0')
		local = xasprintf("0%s", phone + 3);
	else
		local = xstrdup(phone);
	len = strlen(local);
	if (len < 8 || len > 15 || local[0] != '0' ||
	    strspn(local, "0123456789") != len) {
		free(local);
		return NULL;
	}
	return local;
}

int
queue_phone_valid(const char *phone)
{
	char	*local = queue_phone_normalise(phone);
	int	 valid = local != NULL;

	free(local);
	return valid;
}

int
queue_left_open(const struct ticket *t, const char *today)
{
	return t->state < TICKET_DONE && strcmp(t->day, today) < 0;
}
