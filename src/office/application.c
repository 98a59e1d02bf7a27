/* Applications: their states, who may change them, tracking numbers. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/check-digit.h"
#include "common/i18n.h"
#include "office/application.h"
#include "sync/record.h"

/*
 * Each state: its label, what to do next, and the states the desk may
 * move it to. Names and notes are both ends' (sync/record.h).
 */
static const struct {
	const char	*label;
	const char	*next;
	unsigned	 to;	/* bits of enum application_state */
} application_states[APPLICATION_STATE_COUNT] = {
	[APPLICATION_RECEIVED] = { N_("Received"),
	    N_("Your application is waiting to be processed. Nothing to do "
	    "yet."), 1u << APPLICATION_PROCESSING |
	    1u << APPLICATION_DOCUMENTS_NEEDED | 1u << APPLICATION_READY |
	    1u << APPLICATION_REJECTED },
	[APPLICATION_PROCESSING] = { N_("In process"),
	    N_("Your application is being processed. Nothing to do yet."),
	    1u << APPLICATION_DOCUMENTS_NEEDED | 1u << APPLICATION_READY |
	    1u << APPLICATION_REJECTED },
	[APPLICATION_DOCUMENTS_NEEDED] = { N_("Documents needed"),
	    N_("Bring the documents named here to the office."),
	    1u << APPLICATION_PROCESSING | 1u << APPLICATION_READY |
	    1u << APPLICATION_REJECTED },
	[APPLICATION_READY] = { N_("Ready for pickup"),
	    N_("Come to the office with your receipt and your KTP to pick it "
	    "up."), 1u << APPLICATION_HANDED_OVER },
	[APPLICATION_HANDED_OVER] = { N_("Handed over"),
	    N_("You have received it. Nothing more to do."), 0 },
	[APPLICATION_REJECTED] = { N_("Rejected"),
	    N_("Ask at the desk about the reason, or file a complaint."), 0 },
};

const char *
application_state_name(enum application_state s)
{
	return sync_application_state(s);
}

int
application_state_parse(const char *name)
{
	return sync_application_state_parse(name);
}

const char *
application_state_label(enum application_state s)
{
	return _(application_states[s].label);
}

const char *
application_state_next(enum application_state s)
{
	return _(application_states[s].next);
}

int
application_state_needs_note(enum application_state s)
{
	return sync_application_state_needs_note(s);
}

int
application_may_change(enum application_state from,
    enum application_state to)
{
	return (application_states[from].to & (1u << to)) != 0;
}

int
tracking_parse(const char *typed, char out[TRACKING_LENGTH + 1])
{
	return check_digit_read(typed, TRACKING_LENGTH, out);
}

void
tracking_format(const char *tracking, char out[TRACKING_SHOWN])
{
	check_digit_group(tracking, out, TRACKING_SHOWN);
}

void
application_clear(struct application *a)
{
	free(a->service_code);
	free(a->service_name);
	free(a->name);
	free(a->handed_in);
	free(a->note);
	memset(a, 0, sizeof *a);
}
