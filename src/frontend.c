/* Running a dialogue in the front-end the terminal allows. */
#include "config.h"

#include "configuration.h"
#include "frontend.h"
#include "line.h"
#include "signals.h"
#include "tui.h"

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
