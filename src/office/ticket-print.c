/* Printing slips - queue tickets, application receipts - as configured. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/configuration.h"
#include "common/i18n.h"
#include "common/log.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/application.h"
#include "office/catalog.h"
#include "office/printer.h"
#include "office/queue.h"
#include "office/ticket-print.h"

int
ticket_print_enabled(const struct config *c)
{
	return c->printer_type != PRINTER_NONE;
}

/*
 * Print a slip: the office, a service, a label in big type, the time, one
 * more line and a QR code holding code.
 */
static int
ticket_print_slip(struct db *db, const struct config *c,
    const struct queue_rules *r, time_t at, const char *service,
    const char *label, const char *line, const char *code, char **cause)
{
	struct printer_ticket	 pt;
	struct printer		 p;
	struct tm		 tm;
	char			*office, *doc, *safe[2], when[32];
	time_t			 local = at + r->schedule.offset;
	size_t			 len;
	int			 rc;

	memset(&p, 0, sizeof p);
	p.type = c->printer_type;
	p.device = c->printer_device;
	p.command = c->printer_command;
	if (p.type == PRINTER_NONE)
		return 0;
	office = catalog_office_name(db);
	gmtime_r(&local, &tm);
	strftime(when, sizeof when, "%d-%m-%Y %H:%M", &tm);
	strncat(when, " ", sizeof when - strlen(when) - 1);
	strncat(when, r->schedule.zone, sizeof when - strlen(when) - 1);
	/* Catalog text goes to paper as it would to a screen: harmless. */
	safe[0] = text_sanitize(office != NULL ? office : "Loket",
	    p.type == PRINTER_TEXT);
	safe[1] = text_sanitize(service, p.type == PRINTER_TEXT);
	pt.office = safe[0];
	pt.service = safe[1];
	pt.label = label;
	pt.when = when;
	pt.ahead = line;
	pt.code = code;
	doc = printer_document(p.type, &pt, &len);
	rc = printer_send(&p, doc, len, cause);
	if (rc != 0)
		log_warn("%s not printed: %s", label, *cause);
	free(doc);
	free(safe[0]);
	free(safe[1]);
	free(office);
	return rc;
}

int
ticket_print(struct db *db, const struct config *c,
    const struct queue_rules *r, const struct ticket *t, int ahead,
    char **cause)
{
	char	*service, *label, *code, *ahead_text;
	int	 rc;

	if (c->printer_type == PRINTER_NONE)
		return 0;
	service = catalog_name(db, CATALOG_SERVICE, t->service, i18n_get());
	label = queue_ticket_label(t);
	code = xasprintf("LOKET %s %s %ld", t->day, label, t->id);
	if (ahead == 0)
		ahead_text = xstrdup(_("Nobody is ahead of you."));
	else
		ahead_text = xasprintf(ngettext("%d person is ahead of you.",
		    "%d people are ahead of you.", ahead), ahead);
	rc = ticket_print_slip(db, c, r, t->arrived, service != NULL ? service :
	    t->service_code, label, ahead_text, code, cause);
	free(service);
	free(label);
	free(code);
	free(ahead_text);
	return rc;
}

int
application_print(struct db *db, const struct config *c,
    const struct queue_rules *r, const struct application *a, char **cause)
{
	char	 shown[TRACKING_SHOWN], *line;
	int	 rc;

	tracking_format(a->tracking, shown);
	/* The QR code holds the number alone: a scanner types it back. */
	line = xasprintf(_("Check the status at any kiosk with this number. "
	    "NIK %s."), a->nik);
	rc = ticket_print_slip(db, c, r, a->created, a->service_name != NULL &&
	    *a->service_name != '\0' ? a->service_name : a->service_code,
	    shown, line, a->tracking, cause);
	free(line);
	return rc;
}
