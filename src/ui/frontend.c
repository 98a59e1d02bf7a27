/* Running a dialogue in the front-end the terminal allows. */
#include "config.h"

#include <stdlib.h>

#include "common/configuration.h"
#include "common/i18n.h"
#include "common/signals.h"
#include "common/xmalloc.h"
#include "ui/frontend.h"
#include "ui/line.h"
#include "ui/speech.h"
#include "ui/tui.h"

int
frontend_check(const struct config *config, char **cause)
{
	/* Locked without a way out would need a signal to end it. */
	if (config->locked && config->exit_secret == NULL) {
		*cause = xstrdup(_("kiosk mode needs an exit code: set "
		    "exit_secret in the [kiosk] section of loket.conf"));
		return -1;
	}
	return speech_check(config, cause);
}

int
frontend_run(struct dialog *dialog, const struct config *config)
{
	int	 status = TUI_UNAVAILABLE;

	signals_install(config->locked);
	if (!config->line_mode && tui_available())
		status = tui_run(dialog, config);
	if (status == TUI_UNAVAILABLE)
		status = line_run(dialog, config);
	return status;
}
