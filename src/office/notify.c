/*
 * Text messages: their kinds and texts, the length of an SMS, whether a
 * transport is set up, and the sender's round (see notify.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <sodium.h>

#include "common/configuration.h"
#include "common/i18n.h"
#include "common/log.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/db.h"
#include "office/notify.h"
#include "office/queue.h"

const char *const notify_state_names[] = {
	"waiting", "sending", "sent", "failed", NULL
};

/* The body of one kind from its translated template. */
typedef char *(*notify_fill_fn)(const char *, const struct notify_fill *);

static char *
notify_fill_ticket(const char *template, const struct notify_fill *f)
{
	return xasprintf(template, f->ticket);
}

static char *
notify_fill_booking(const char *template, const struct notify_fill *f)
{
	return xasprintf(template, f->service, f->when, f->code);
}

static char *
notify_fill_note(const char *template, const struct notify_fill *f)
{
	return xasprintf(template, f->tracking, f->note);
}

static char *
notify_fill_tracking(const char *template, const struct notify_fill *f)
{
	return xasprintf(template, f->tracking);
}

/* Every kind of message: its name in the table and its text. */
static const struct {
	const char	*name;
	const char	*template;
	notify_fill_fn	 fill;
} notify_kinds[NOTIFY_KIND_COUNT] = {
	[NOTIFY_QUEUE_NEAR] = { "queue-near",
	    /* TRANSLATORS: a text message; %s is the ticket, such as A-012. */
	    N_("Loket: number %s is nearly called, please come back to the "
	    "waiting room."), notify_fill_ticket },
	[NOTIFY_BOOKING_REMINDER] = { "booking-reminder",
	    /* TRANSLATORS: a text message: the service, the time (09:30)
	     * and the booking's code. Keep it under 160 characters. */
	    N_("Loket: your booking for %s is tomorrow at %s. Code %s: type "
	    "it at the kiosk when you arrive."), notify_fill_booking },
	[NOTIFY_APPLICATION_READY] = { "application-ready",
	    /* TRANSLATORS: a text message: the tracking number and where
	     * to pick it up. Keep it short. */
	    N_("Loket: application %s is ready. Pick it up at %s with your "
	    "receipt and KTP."), notify_fill_note },
	[NOTIFY_DOCUMENTS_NEEDED] = { "documents-needed",
	    /* TRANSLATORS: a text message: the tracking number and which
	     * documents. Keep it short. */
	    N_("Loket: application %s needs: %s. Please bring them to the "
	    "office."), notify_fill_note },
	[NOTIFY_COMPLAINT_ANSWERED] = { "complaint-answered",
	    /* TRANSLATORS: a text message: the complaint's number. */
	    N_("Loket: your complaint %s has an answer. Read it at the kiosk: "
	    "Complaints, then 2."), notify_fill_tracking },
};

const char *
notify_kind_name(enum notify_kind kind)
{
	return notify_kinds[kind].name;
}

/*
 * The GSM 03.38 default alphabet (one septet each) and its extension
 * table (an escape and a septet).
 */
static const char notify_gsm_basic[] =
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
static const char notify_gsm_extension[] = "^{}\\[~]|€\f";

/* Is character c in the set (UTF-8)? */
static int
notify_in_set(const char *set, uint32_t c)
{
	uint32_t	 d;
	size_t		 len = strlen(set);
	int		 n;

	for (; len > 0; set += n, len -= n) {
		if ((n = text_utf8_decode(set, len, &d)) < 0)
			return 0;
		if (d == c)
			return 1;
	}
	return 0;
}

int
notify_sms_length(const char *text, int *ucs2)
{
	uint32_t	 c;
	size_t		 len = strlen(text);
	int		 n, septets = 0, units = 0;

	*ucs2 = 0;
	for (; len > 0; text += n, len -= n) {
		if ((n = text_utf8_decode(text, len, &c)) < 0)
			n = 1, c = '?';
		units += c > 0xffff ? 2 : 1;
		if (notify_in_set(notify_gsm_basic, c))
			septets++;
		else if (notify_in_set(notify_gsm_extension, c))
			septets += 2;
		else
			*ucs2 = 1;
	}
	return *ucs2 ? units : septets;
}

int
notify_sms_fits(const char *text)
{
	int	 ucs2, length;

	length = notify_sms_length(text, &ucs2);
	return length <= (ucs2 ? NOTIFY_SMS_UCS2 : NOTIFY_SMS_GSM);
}

/* The first characters of name and "...", owned. */
static char *
notify_shorten(const char *name, size_t characters)
{
	size_t	 bytes = 0;
	uint32_t c;
	int	 n;

	while (characters-- > 0 && name[bytes] != '\0' &&
	    (n = text_utf8_decode(name + bytes, strlen(name + bytes), &c)) > 0)
		bytes += n;
	return xasprintf("%.*s...", (int)bytes, name);
}

#define NOTIFY_NAME_SHORTEST	8	/* characters of a shortened name */

char *
notify_compose(enum notify_kind kind, enum lang lang,
    const struct notify_fill *fill)
{
	struct notify_fill	 shorter = *fill;
	char			*template, *body, *name = NULL;
	size_t			 keep;
	int			 ucs2;

	template = i18n_in(lang, notify_kinds[kind].template);
	body = notify_kinds[kind].fill(template, fill);
	keep = fill->service != NULL ? text_length(fill->service) : 0;
	/* A text that needs UCS-2 goes whole: no name is cut to fit 70. */
	(void)notify_sms_length(body, &ucs2);
	while (!ucs2 && !notify_sms_fits(body) &&
	    keep > NOTIFY_NAME_SHORTEST) {
		keep--;
		free(name);
		name = notify_shorten(fill->service, keep);
		shorter.service = name;
		free(body);
		body = notify_kinds[kind].fill(template, &shorter);
	}
	/* Shortening did not make it fit: the whole name, in two parts. */
	if (!notify_sms_fits(body) && name != NULL) {
		free(body);
		body = notify_kinds[kind].fill(template, fill);
	}
	free(name);
	free(template);
	return body;
}

void
notify_message_clear(struct notify_message *m)
{
	free(m->uuid);
	free(m->phone);
	free(m->body);
	memset(m, 0, sizeof *m);
}

enum notify_result
notify_send(const struct config *c, const struct notify_message *m,
    char **cause)
{
	static enum notify_result (*const send[])(const struct config *,
	    const struct notify_message *, char **) = {
		[NOTIFY_HTTP] = notify_send_http,
		[NOTIFY_GAMMU] = notify_send_gammu,
		[NOTIFY_COMMAND] = notify_send_command,
	};

	if (notify_configured(c, cause) != 1) {
		if (*cause == NULL)
			*cause = xstrdup(_("No transport for text messages is "
			    "set: choose one in [notify] of loket.conf."));
		return NOTIFY_RETRY;
	}
	return send[c->notify_transport](c, m, cause);
}

#define NOTIFY_BACKOFF_CAP	3600	/* seconds: never wait longer */

long
notify_backoff(const struct config *c, int attempts)
{
	long	 ceiling = c->notify_retry;

	while (attempts-- > 1 && ceiling < NOTIFY_BACKOFF_CAP)
		ceiling *= 2;
	if (ceiling > NOTIFY_BACKOFF_CAP)
		ceiling = NOTIFY_BACKOFF_CAP;
	return (long)randombytes_uniform((uint32_t)ceiling + 1);
}

/* Hand one claimed message over and record how it went. */
static int
notify_one(struct db *db, const struct config *c, struct notify_message *m,
    struct notify_report *r, char **cause)
{
	enum notify_result	 result;
	char			*error = NULL, *why;
	time_t			 now;
	long			 wait;
	int			 rc;

	result = notify_send(c, m, &error);
	now = time(NULL);
	if (result == NOTIFY_RETRY &&
	    now - m->created >= (time_t)c->notify_give_up * 60) {
		result = NOTIFY_PERMANENT;
		why = xasprintf(_("Given up after %d minutes: %s"),
		    c->notify_give_up, error);
		free(error);
		error = why;
	}
	if (error != NULL)
		log_warn("text message %s: %s", m->uuid, error);
	wait = notify_backoff(c, m->attempts);
	rc = notify_record(db, m, result, now, now + (wait > 0 ? wait : 1),
	    error, cause);
	free(error);
	if (result == NOTIFY_DELIVERED)
		r->sent++;
	else if (result == NOTIFY_RETRY)
		r->retrying++;
	else
		r->failed++;
	return rc;
}

int
notify_round(struct db *db, const struct config *c,
    const struct queue_rules *rules, struct notify_report *r, char **cause)
{
	struct notify_message	 m;
	time_t			 start = time(NULL);
	int			 rc;

	memset(r, 0, sizeof *r);
	if ((rc = notify_add_reminders(db, rules, start, cause)) != 0)
		return rc;
	/* A message tried in this round waits for the next one. */
	while ((rc = notify_claim(db, start, &m, cause)) == 1) {
		rc = notify_one(db, c, &m, r, cause);
		notify_message_clear(&m);
		if (rc != 0)
			return rc;
	}
	return rc;
}

/* The lock file beside the database. */
static char *
notify_lock_path(struct db *db)
{
	return xasprintf("%s.notify-lock", db->path);
}

int
notify_lock(struct db *db, char **cause)
{
	char	*path = notify_lock_path(db);
	int	 fd;

	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1)
		*cause = xasprintf(_("Cannot open %s: %s"), path,
		    strerror(errno));
	else if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		*cause = xasprintf(_("Another text-message sender is running "
		    "for the database %s."), db->path);
		close(fd);
		fd = -1;
	}
	free(path);
	return fd;
}

int
notify_running(struct db *db)
{
	char	*path = notify_lock_path(db);
	int	 fd, running = 0;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) != -1) {
		running = flock(fd, LOCK_SH | LOCK_NB) == -1 &&
		    errno == EWOULDBLOCK;
		close(fd);
	}
	free(path);
	return running;
}
