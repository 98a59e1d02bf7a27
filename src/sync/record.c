/* The states of an application, as both ends name them. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "sync/record.h"

static const struct {
	const char	*name;
	int		 note;
} sync_application_states[SYNC_APPLICATION_STATES] = {
	{ "received", 0 },
	{ "processing", 0 },
	{ "documents-needed", 1 },	/* which documents */
	{ "ready", 1 },			/* where to pick it up */
	{ "handed-over", 0 },
	{ "rejected", 1 },		/* why */
};

const char *
sync_application_state(int n)
{
	if (n < 0 || n >= SYNC_APPLICATION_STATES)
		return NULL;
	return sync_application_states[n].name;
}

int
sync_application_state_parse(const char *name)
{
	int	 n;

	for (n = 0; n < SYNC_APPLICATION_STATES; n++)
		if (strcmp(name, sync_application_states[n].name) == 0)
			return n;
	return -1;
}

int
sync_application_state_needs_note(int n)
{
	return n >= 0 && n < SYNC_APPLICATION_STATES &&
	    sync_application_states[n].note;
}
