/*
 * Text messages to citizens: "your turn is near", a booking's reminder
 * the day before, an application ready or needing documents, a
 * complaint answered. The queue and the bookings write them into the message
 * table (db-notify.c); a sender (loket notify) hands each to the
 * transport chosen in [notify] of loket.conf - an HTTP gateway
 * (notify-http.c), a GSM modem through gammu-smsd, or a command
 * (notify-exec.c) - at least once, with the message's id, which a
 * gateway that dedupes can use. A phone number is deleted once its
 * message is delivered or given up.
 *
 * Without a transport nothing is sent and the kiosk offers nothing.
 */
#ifndef LOKET_NOTIFY_H
#define LOKET_NOTIFY_H

#include <time.h>

#include "common/i18n.h"

struct config;
struct db;
struct queue_rules;

enum notify_transport {
	NOTIFY_NONE = 0,
	NOTIFY_HTTP,
	NOTIFY_GAMMU,
	NOTIFY_COMMAND
};
/* "none", "http", "gammu", "command", NULL-ended. */
extern const char *const notify_transport_names[];

enum notify_method {
	NOTIFY_POST = 0,
	NOTIFY_GET,
	NOTIFY_PUT
};
extern const char *const notify_method_names[];

/* What a message is about: adding one is a row of notify.c's table. */
enum notify_kind {
	NOTIFY_QUEUE_NEAR = 0,	/* a ticket's turn is near */
	NOTIFY_BOOKING_REMINDER,	/* a booking tomorrow */
	NOTIFY_APPLICATION_READY,	/* ready for pickup, where */
	NOTIFY_DOCUMENTS_NEEDED,	/* an application needs documents */
	NOTIFY_COMPLAINT_ANSWERED,	/* a complaint has an answer */
	NOTIFY_KIND_COUNT
};
const char	*notify_kind_name(enum notify_kind);

enum notify_state {
	NOTIFY_WAITING = 0,
	NOTIFY_SENDING,		/* handed to the transport, answer not kept */
	NOTIFY_SENT,
	NOTIFY_FAILED,		/* given up */
	NOTIFY_STATE_COUNT
};
extern const char *const notify_state_names[];

/* The text of one message: what the kind's template needs. */
struct notify_fill {
	const char	*ticket;	/* "A-012" */
	const char	*service;	/* in the citizen's language */
	const char	*code;		/* a booking's code, as shown */
	const char	*when;		/* "09:30" */
	const char	*tracking;	/* an application's or complaint's, shown */
	const char	*note;		/* where, or which documents */
};

#define NOTIFY_SMS_GSM		160	/* GSM-7 septets in one SMS */
#define NOTIFY_SMS_UCS2		70	/* UCS-2 characters in one SMS */

/*
 * The length of text in SMS units: GSM-7 septets (an escaped character
 * counts two), or UCS-2 characters when a character is not in GSM-7;
 * *ucs2 says which.
 */
int		 notify_sms_length(const char *, int *ucs2);
/* Does the text fit one SMS? 1 or 0. */
int		 notify_sms_fits(const char *);
/*
 * The body of a message of this kind in lang, owned. The service's name
 * is shortened until a GSM-7 body fits one SMS; one that needs UCS-2
 * (a character GSM-7 lacks) goes whole, in parts.
 */
char		*notify_compose(enum notify_kind, enum lang,
		     const struct notify_fill *);

/*
 * Is a transport set up well enough to send? 1, or 0 with a cause when
 * one is chosen but lacks a setting (a cause only then; no transport is
 * 0 without one).
 */
int		 notify_configured(const struct config *, char **cause);
/* Does the kiosk offer a text message? */
int		 notify_enabled(const struct config *);
/* Does an HTTP template hold only known placeholders? 0, or -1 and why. */
int		 notify_check_template(const char *key, const char *value,
		     char **cause);
int		 notify_check_url(const char *key, const char *value,
		     char **cause);
/* Is an auth_header a header line, "Name: value"? 0, or -1 and why. */
int		 notify_check_header(const char *key, const char *value,
		     char **cause);

/* One message as the sender takes it; owned strings. */
struct notify_message {
	long			 id;
	char			*uuid;	/* passed to the gateway */
	enum notify_kind	 kind;
	char			*phone;
	char			*body;
	int			 attempts;	/* with this one */
	time_t			 created;
};
void		 notify_message_clear(struct notify_message *);

/* How a try went. */
enum notify_result {
	NOTIFY_DELIVERED = 0,	/* the transport took it */
	NOTIFY_RETRY,		/* down, busy or slow: try again later */
	NOTIFY_PERMANENT	/* refused: trying again cannot help */
};

/* Hand one message to the configured transport; a cause unless sent. */
enum notify_result notify_send(const struct config *,
		     const struct notify_message *, char **cause);
enum notify_result notify_send_http(const struct config *,
		     const struct notify_message *, char **cause);
enum notify_result notify_send_gammu(const struct config *,
		     const struct notify_message *, char **cause);
enum notify_result notify_send_command(const struct config *,
		     const struct notify_message *, char **cause);
/*
 * Expand {id}, {phone}, {phone_e164} and {text} in a template, each
 * escaped for JSON (json), for a URL or a form (!json), or not at all
 * (raw); owned.
 */
enum notify_escape { NOTIFY_ESCAPE_RAW, NOTIFY_ESCAPE_JSON, NOTIFY_ESCAPE_FORM };
char		*notify_expand(const char *, const struct notify_message *,
		     enum notify_escape);

/*
 * The store (db-notify.c). notify_add writes a message in the caller's
 * transaction: 0 or DB_FAILED.
 */
int		 notify_add(struct db *, enum notify_kind, long ticket,
		     long booking, enum lang, const char *phone,
		     const char *body, time_t now, char **cause);
/* What a message about a record (by its id) is about. */
enum notify_record {
	NOTIFY_RECORD_APPLICATION,
	NOTIFY_RECORD_COMPLAINT,
	NOTIFY_RECORD_COUNT
};
/*
 * A message of this kind about the record, to the phone and in the
 * language given with it (no phone: nothing), in the caller's
 * transaction; forget drops the record's phone once the message holds
 * it: 0 or DB_FAILED.
 */
int		 notify_add_record(struct db *, enum notify_record, long id,
		     enum notify_kind, int forget, time_t now, char **cause);
/* The record's phone is forgotten, in the caller's transaction. */
int		 notify_forget_record(struct db *, enum notify_record, long id,
		     char **cause);
/* Messages left "sending" by a sender that died are waiting again. */
int		 notify_recover(struct db *, char **cause);
/* Take the next message due: 1 (marked sending), 0 none, DB_FAILED. */
int		 notify_claim(struct db *, time_t now, struct notify_message *,
		     char **cause);
/*
 * Record how a try went: sent or failed (the phone number deleted), or
 * waiting again until next_try with the error.
 */
int		 notify_record(struct db *, const struct notify_message *,
		     enum notify_result, time_t now, time_t next_try,
		     const char *error, char **cause);
/* Is a message due now? 1, 0 or DB_FAILED. */
int		 notify_due(struct db *, time_t now, char **cause);
/* Reminders for tomorrow's bookings with a phone number, once each. */
int		 notify_add_reminders(struct db *, const struct queue_rules *,
		     time_t now, char **cause);

/* What loket notify status shows. */
struct notify_status {
	long	 count[NOTIFY_STATE_COUNT];
	time_t	 oldest_waiting;	/* created; 0 none */
	time_t	 next_try;		/* the earliest waiting; 0 none */
	char	*last_error;		/* NULL none */
	time_t	 last_error_at;
};
int		 notify_status_read(struct db *, struct notify_status *,
		     char **cause);
void		 notify_status_clear(struct notify_status *);

/* What a round did. */
struct notify_report {
	long	 sent, retrying, failed;
};
/*
 * One round: add the reminders due, then hand every message due to the
 * transport: 0, or DB_FAILED.
 */
int		 notify_round(struct db *, const struct config *,
		     const struct queue_rules *, struct notify_report *,
		     char **cause);
/* Seconds before the next try after attempts: full jitter. */
long		 notify_backoff(const struct config *, int attempts);
/* One sender per database: a descriptor to keep, or -1 and a cause. */
int		 notify_lock(struct db *, char **cause);
/* Is a sender running for this database? 1 or 0. */
int		 notify_running(struct db *);

#endif
