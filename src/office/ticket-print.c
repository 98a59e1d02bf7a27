/* Printing a queue ticket on the kiosk's printer, as configured. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/configuration.h"
#include "common/i18n.h"
#include "common/log.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/catalog.h"
#include "office/printer.h"
#include "office/queue.h"
#include "office/ticket-print.h"

int
ticket_print_enabled(const struct config *c)
{
	return c->printer_type != PRINTER_NONE;
}

int
ticket_print(struct db *db, const struct config *c,
    const struct queue_rules *r, const struct ticket *t, int ahead,
    char **cause)
{
	struct printer_ticket	 pt;
	struct printer		 p;
	struct tm		 tm;
	char			*office, *service, *label, *code, *ahead_text;
	char			*doc, *safe[2], when[32];
	time_t			 local = t->arrived + r->schedule.offset;
	size_t			 len;
	int			 rc;

	memset(&p, 0, sizeof p);
	p.type = c->printer_type;
	p.device = c->printer_device;
	p.command = c->printer_command;
	if (p.type == PRINTER_NONE)
		return 0;

	office = catalog_office_name(db);
	service = catalog_name(db, CATALOG_SERVICE, t->service, i18n_get());
	label = queue_ticket_label(t);
	code = xasprintf("LOKET %s %s %ld", t->day, label, t->id);
	if (ahead == 0)
		ahead_text = xstrdup(_("Nobody is ahead of you."));
	else
		ahead_text = xasprintf(ngettext("%d person is ahead of you.",
		    "%d people are ahead of you.", ahead), ahead);
	gmtime_r(&local, &tm);
	strftime(when, sizeof when, "%d-%m-%Y %H:%M", &tm);
	strncat(when, " ", sizeof when - strlen(when) - 1);
	strncat(when, r->schedule.zone, sizeof when - strlen(when) - 1);
	/* Catalog text goes to paper as it would to a screen: harmless. */
	safe[0] = text_sanitize(office != NULL ? office : "Loket",
	    p.type == PRINTER_TEXT);
	safe[1] = text_sanitize(service != NULL ? service : t->service_code,
	    p.type == PRINTER_TEXT);
	pt.office = safe[0];
	pt.service = safe[1];
	pt.label = label;
	pt.when = when;
	pt.ahead = ahead_text;
	pt.code = code;
	doc = printer_document(p.type, &pt, &len);
	rc = printer_send(&p, doc, len, cause);
	if (rc != 0)
		log_warn("ticket %s not printed: %s", label, *cause);
	free(doc);
	free(safe[0]);
	free(safe[1]);
	free(office);
	free(service);
	free(label);
	free(code);
	free(ahead_text);
	return rc;
}
