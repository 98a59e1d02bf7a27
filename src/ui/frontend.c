/* Running a dialogue in the front-end the terminal allows. */
#include "config.h"

#include <stdlib.h>

#include "cmd.h"
#include "configuration.h"
#include "frontend.h"
#include "line.h"
#include "signals.h"
#include "speech.h"
#include "tui.h"
#include "i18n.h"

int
frontend_check(const struct config *config)
{
	char	*cause;

	/* Locked without a way out would need a signal to end it. */
	if (config->locked && config->exit_secret == NULL) {
		cmd_error(_("kiosk mode needs an exit code: set exit_secret in "
		    "the [kiosk] section of loket.conf"));
		return -1;
	}
	if (speech_check(config, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

int
frontend_run(struct dialog *dialog, const struct config *config)
{
	int	 status = TUI_UNAVAILABLE;

	if (frontend_check(config) != 0)
		return EXIT_USAGE;
	signals_install(config->locked);
	if (!config->line_mode && tui_available())
		status = tui_run(dialog, config);
	if (status == TUI_UNAVAILABLE)
		status = line_run(dialog, config);
	return status;
}
