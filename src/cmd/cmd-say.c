/* loket say: speak a text where the kiosk would, to check the sound. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "common/xmalloc.h"
#include "ui/speech.h"

#define SAY_TIMEOUT_MS	60000

static int
cmd_say_exec(const struct config *config, int argc, char **argv)
{
	struct speech	*sp;
	char		*text, *more, *cause = NULL;
	int		 i, status = EXIT_OK;

	if (speech_check(config, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_USAGE;
	}
	if ((sp = speech_start(config, 1)) == NULL) {
		cmd_error(_("speech is off here: [speech] sink = off"));
		return EXIT_FAIL;
	}
	text = xstrdup(argv[0]);
	for (i = 1; i < argc; i++) {
		more = xasprintf("%s %s", text, argv[i]);
		free(text);
		text = more;
	}
	speech_say(sp, text, config->lang);
	if (speech_wait(sp, SAY_TIMEOUT_MS, &cause) != 0) {
		cmd_error(_("the text could not be heard: %s"), cause);
		free(cause);
		status = EXIT_FAIL;
	}
	free(text);
	speech_free(sp);
	return status;
}

const struct cmd_entry cmd_say_entry = {
	"say", "TEXT...", 1, -1, cmd_say_exec
};
