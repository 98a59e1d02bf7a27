/* Sinks by name: the table of what loket-speech can speak into. */
#include "config.h"

#include <string.h>

#include "common/xmalloc.h"
#include "speech/sink.h"

struct sink *
sink_new(const char *name, const char *argument, char **cause)
{
	if (strcmp(name, "wav") == 0 || strcmp(name, "command") == 0) {
		if (argument == NULL || *argument == '\0') {
			*cause = xasprintf("sink %s needs an argument", name);
			return NULL;
		}
		if (*name == 'w')
			return sink_wav_new(argument);
		return sink_command_new(argument);
	}
	if (argument != NULL) {
		*cause = xasprintf("sink %s takes no argument", name);
		return NULL;
	}
	if (strcmp(name, "device") == 0)
		return sink_device_new();
	if (strcmp(name, "dispatcher") == 0)
		return sink_dispatcher_new();
	*cause = xasprintf("unknown sink: %s", name);
	return NULL;
}

void
sink_free(struct sink *sink)
{
	if (sink != NULL)
		sink->ops->free(sink);
}
