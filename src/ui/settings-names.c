/*
 * The names loket.conf gives the front-ends' settings, one table per enum
 * ([speech] sink and echo), in a file of their own so that the
 * configuration reader's schema links without the front-ends themselves.
 */
#include "config.h"

#include <stddef.h>

#include "ui/speech.h"
#include "ui/tui-speak.h"

const char *const speech_sink_names[] = {
	[SPEECH_SINK_DEVICE] = "device",
	[SPEECH_SINK_COMMAND] = "command",
	[SPEECH_SINK_DISPATCHER] = "dispatcher",
	[SPEECH_SINK_WAV] = "wav",
	[SPEECH_SINK_OFF] = "off",
	NULL
};

const char *const tui_echo_names[] = {
	[ECHO_CHARACTER] = "character",
	[ECHO_WORD] = "word",
	[ECHO_OFF] = "off",
	NULL
};
