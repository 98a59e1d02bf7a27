/* Complaints: their kinds and states, and where to go further. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "office/complaint.h"

static const struct {
	const char	*name;
	const char	*label;
} complaint_kinds[COMPLAINT_KIND_COUNT] = {
	[COMPLAINT_SLOW] = { "slow", N_("The service is too slow") },
	[COMPLAINT_CONDUCT] = { "conduct", N_("An officer's conduct") },
	[COMPLAINT_FEE] = { "fee", N_("A fee not in the service standard") },
	[COMPLAINT_FACILITY] = { "facility", N_("The facility") },
	[COMPLAINT_OTHER] = { "other", N_("Something else") },
};

const char *
complaint_kind_name(enum complaint_kind k)
{
	if ((unsigned)k >= COMPLAINT_KIND_COUNT)
		return NULL;
	return complaint_kinds[k].name;
}

int
complaint_kind_parse(const char *name)
{
	int	 k;

	for (k = 0; k < COMPLAINT_KIND_COUNT; k++)
		if (strcmp(name, complaint_kinds[k].name) == 0)
			return k;
	return -1;
}

const char *
complaint_kind_label(enum complaint_kind k)
{
	return _(complaint_kinds[k].label);
}

const char *
complaint_state_name(enum complaint_state s)
{
	return s == COMPLAINT_ANSWERED ? "answered" : "received";
}

int
complaint_state_parse(const char *name)
{
	int	 s;

	for (s = COMPLAINT_RECEIVED; s <= COMPLAINT_ANSWERED; s++) {
		if (strcmp(complaint_state_name(s), name) == 0)
			return s;
	}
	return -1;
}

const char *
complaint_state_label(enum complaint_state s)
{
	return s == COMPLAINT_ANSWERED ? _("Answered") :
	    _("Received, waiting for an answer");
}

const char *
complaint_further(void)
{
	return _("Not satisfied? Take it to SP4N-LAPOR!, the national "
	    "complaint channel: www.lapor.go.id, or a text message to 1708.");
}

void
complaint_clear(struct complaint *c)
{
	free(c->service_code);
	free(c->service_name);
	free(c->text);
	free(c->answer);
	memset(c, 0, sizeof *c);
}
