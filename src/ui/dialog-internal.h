/* Shared by the dialogue engine (dialog.c) and the screens (dialog-*.c). */
#ifndef LOKET_DIALOG_INTERNAL_H
#define LOKET_DIALOG_INTERNAL_H

#include <time.h>

#include "ui/dialog.h"
#include "ui/screen.h"
#include "ui/voice.h"

struct dialog_frame;
struct queue_rules;
struct booking_rules;
struct auth_throttle;
struct lookup;
struct lookup_answer;
struct dialog_record;

/* One kind of screen: it builds its model and handles its actions. */
struct dialog_type {
	const char	*name;
	void		 (*build)(struct dialog *, struct dialog_frame *,
			     struct screen *);
	/* Choice n, already checked to be within the screen's items. */
	enum dialog_result (*choose)(struct dialog *, struct dialog_frame *,
			     size_t n);
	/* Typed text for the screen's field; NULL if it has none. */
	enum dialog_result (*submit)(struct dialog *, struct dialog_frame *,
			     const char *);
	/* What this screen is for, shown first in help; may be NULL. */
	const char	*help;
	/* The end of a task: going back starts over, never undoes it. */
	int		 final;
	/* Shows live figures: rebuilt every second by the front-ends. */
	int		 live;
	/* The record this screen asks for or shows (dialog-record.c). */
	const struct dialog_record *record;
};

/* One screen on the stack, with what it is about. */
struct dialog_frame {
	const struct dialog_type *type;
	long		 id;		/* agency or service, by type */
	int		 item;		/* component or menu item, by type */
	size_t		 page;		/* page of a long list */
	char		*text;		/* a search query */
};

/* An application being registered at the desk, screen by screen. */
struct dialog_draft {
	long		 service;
	char		*name;
	char		 nik[17];	/* zeroed once registered */
	char		*phone;
	unsigned	 handed_in;	/* bit n-1: requirement n */
	enum lang	 lang;		/* the citizen's, for text messages */
};

struct dialog {
	struct db		*db;
	const struct config	*config;
	const struct queue_rules *rules;
	const struct booking_rules *booking;	/* NULL: no bookings */
	enum lang		 lang;
	struct dialog_frame	*stack;
	size_t			 depth;
	struct screen		*screen;	/* built on demand */
	char			*message;	/* for the next build */
	int			 message_is_error;
	const struct dialog_type *start;	/* the first screen */
	int			 desk;		/* an operator's desk */
	char			*operator;	/* logged in at the desk */
	struct auth_throttle	*throttle;	/* wrong logins at this desk */
	int			 counter;	/* the desk's counter */
	struct voice		 voice;		/* this session's voice */
	int			 speaking;	/* the front-end speaks */
	struct dialog_draft	 draft;		/* the desk's application */
	struct lookup		*lookup;	/* asking the centre; NULL */
	int			 lookup_told;	/* its answer shown */
};

/* Seconds a kiosk waits for the centre before showing its own copy. */
#define DIALOG_LOOKUP_SECONDS	5

/*
 * A kind of record a kiosk finds by tracking number, here or at the
 * centre (dialog-record.c): an application, a complaint. Its number is
 * typed on a screen whose submit is dialog_record_submit and shown on
 * result, whose build is dialog_record_build; both point here. The
 * strings are marked N_() and translated when shown; %s is the number.
 */
struct dialog_record {
	const char	*kind;		/* "application": the centre's path */
	const struct dialog_type *result;
	const char	*title;		/* "Application %s" */
	const char	*none_here;	/* no centre, and not here: "%s" */
	const char	*none;		/* known neither here nor there */
	/*
	 * The office's own copy shown on s (with s NULL, only whether it
	 * is here): 1, 0 not here, or -1 with *cause.
	 */
	int		 (*here)(struct dialog *, const char *tracking,
			     struct screen *, char **cause);
	/*
	 * What the centre said shown, service the service's name: 1, or 0
	 * if it is not something this kiosk can show.
	 */
	int		 (*centre)(struct dialog *, struct screen *,
			     const struct lookup_answer *, const char *service);
};
enum dialog_result dialog_record_submit(struct dialog *,
		     struct dialog_frame *, const char *typed);
void		 dialog_record_build(struct dialog *, struct dialog_frame *,
		     struct screen *);
/*
 * A lookup at the centre came back since the last call: 1 (the screen
 * changed, to be shown and said as new), else 0. Settle waits for it
 * (line mode, which cannot redraw by itself).
 */
int		 dialog_record_poll(struct dialog *);
void		 dialog_record_settle(struct dialog *);

/* Push a new screen of this type. */
struct dialog_frame *dialog_push(struct dialog *, const struct dialog_type *,
		     long id, int item);
/* Show a message with the next screen. */
void		 dialog_message(struct dialog *, int is_error, const char *, ...)
		     __attribute__((format(printf, 3, 4)));
/* Switch the language of every screen from now on. */
void		 dialog_set_lang(struct dialog *, enum lang);

/* A page of a list longer than the nine digit keys can reach. */
struct dialog_page {
	size_t	 first;		/* index of the first entry shown */
	size_t	 count;		/* entries shown */
	int	 has_more;	/* the last item is "more" */
};
void		 dialog_page_layout(size_t total, size_t extras, size_t page,
		     struct dialog_page *);
/*
 * What choice n means on a paged list: an entry index (>= 0), -1 for
 * "more", or -(2 + e) for extra item e.
 */
long		 dialog_page_choice(const struct dialog_page *, size_t extras,
		     size_t n);

/* The entries a list screen shows, fetched afresh in the current language. */
struct catalog_entry;
typedef int	 (*dialog_list_fetch)(struct dialog *, struct dialog_frame *,
		     struct catalog_entry **, size_t *, char **cause);
/* Add the page of entries, the extras and "more"; the entry count or -1. */
int		 dialog_list_build(struct dialog *, struct dialog_frame *,
		     struct screen *, dialog_list_fetch, const char *const *,
		     size_t nextras);
/*
 * Choice n on a list: open next for an entry, turn the page for "more",
 * or set *extra to the extra item chosen (else -1).
 */
enum dialog_result dialog_list_choose(struct dialog *, struct dialog_frame *,
		     size_t n, dialog_list_fetch, size_t nextras,
		     const struct dialog_type *next, int item, long *extra);
/* Where choosing a service leads: its standard, or a queue ticket. */
enum dialog_purpose {
	PURPOSE_INFORMATION = 0,
	PURPOSE_TICKET,
	PURPOSE_TRANSFER,	/* the desk moves a ticket to this service */
	PURPOSE_WALKIN,		/* the desk serves someone without a ticket */
	PURPOSE_BOOKING,	/* a citizen books a visit */
	PURPOSE_COMPLAINT,	/* a citizen complains about a service */
	PURPOSE_APPLICATION	/* the desk registers an application */
};
/* The screen a chosen service opens, for the frame's purpose. */
const struct dialog_type *dialog_service_next(int purpose);
/* Show a ticket just taken (and print it, if a printer is set up). */
struct ticket;
void		 dialog_ticket_show(struct dialog *, const struct ticket *,
		     int ahead);
/* "Monday 30-11-2026": the office-local day of a moment. Owned. */
struct schedule;
char		*dialog_date(const struct schedule *, time_t);
/* "08:30": the office-local time of a moment. */
void		 dialog_clock(const struct schedule *, time_t, char out[6]);
/*
 * A tracking number as typed or scanned into tracking (13 bytes): 0, or
 * -1 with the message shown (a wrong check digit, or not 12 digits).
 */
int		 dialog_tracking(struct dialog *, const char *typed,
		     char *tracking);
/*
 * An application by tracking number, its number as the screen's title:
 * 1, or 0 with the screen's message saying why it cannot be read.
 */
struct application;
int		 dialog_application_read(struct dialog *, const char *tracking,
		     struct screen *, struct application *);
/* A phone number field with its prompt (personal: spoken only in
 * headset mode). */
void		 dialog_phone_field(struct screen *, const char *prompt);
/* Is it a mobile number? 1, or 0 with the message shown. */
int		 dialog_phone_valid(struct dialog *, const char *phone);
/* The kiosk's phone number screen: its title and field. */
void		 dialog_phone_screen(struct screen *);
/* On a confirmation: where the text message goes, by its end only. */
void		 dialog_phone_end(struct screen *, const char *phone);
/* The two languages as choices, the current one selected. */
void		 dialog_add_languages(struct dialog *, struct screen *);

/* The screens. */
extern const struct dialog_type dialog_welcome;
extern const struct dialog_type dialog_menu;
extern const struct dialog_type dialog_unavailable;
extern const struct dialog_type dialog_agencies;
extern const struct dialog_type dialog_services;
extern const struct dialog_type dialog_service;
extern const struct dialog_type dialog_component;
extern const struct dialog_type dialog_search;
extern const struct dialog_type dialog_results;
extern const struct dialog_type dialog_help_screen;
extern const struct dialog_type dialog_exit_screen;
/* The language of a citizen's text messages, asked at the desk. */
extern const struct dialog_type dialog_desk_app_lang;
extern const struct dialog_type dialog_desk_complaint_lang;
extern const struct dialog_type dialog_ticket_priority;
extern const struct dialog_type dialog_ticket_confirm;
extern const struct dialog_type dialog_ticket_result;
extern const struct dialog_type dialog_desk_login;
extern const struct dialog_type dialog_desk_service;
extern const struct dialog_type dialog_booking_day;
extern const struct dialog_type dialog_checkin;
extern const struct dialog_type dialog_status;
extern const struct dialog_type dialog_complaints;
extern const struct dialog_type dialog_complaint_kind;
extern const struct dialog_type dialog_desk_main;
extern const struct dialog_type dialog_desk_app_name;
extern const struct dialog_type dialog_desk_app_find;

/* The desk: who acts (the operator at the counter), and back to its
 * main screen. */
struct queue_actor;
void		 dialog_desk_actor(struct dialog *, struct queue_actor *);
void		 dialog_desk_home(struct dialog *);
/* Forget the desk's application draft (its NIK zeroed). */
void		 dialog_draft_clear(struct dialog_draft *);

#endif
