/*
 * loket booking slots|make|checkin: bookings from a script, a web form
 * bridge or a barcode reader.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/cmd-queue.h"
#include "cmd/cmd.h"
#include "common/configuration.h"
#include "common/i18n.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/booking.h"
#include "office/catalog.h"
#include "office/db.h"
#include "office/feed.h"

/* "YYYY-MM-DD HH:MM" in the office's zone; -1 if it is not one. */
static int
cmd_booking_time(const struct booking_rules *b, const char *text,
    time_t *when)
{
	struct tm	 tm;
	int		 y, mo, d, h, mi;
	char		 extra;

	if (sscanf(text, "%4d-%2d-%2d %2d:%2d%c", &y, &mo, &d, &h, &mi,
	    &extra) != 5 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 ||
	    mi > 59 || h < 0 || mi < 0)
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	*when = timegm(&tm) - b->schedule.offset;
	/* timegm moves 30 February to March: such a date does not exist. */
	if (tm.tm_year != y - 1900 || tm.tm_mon != mo - 1 || tm.tm_mday != d)
		return -1;
	return 0;
}

/* "HH:MM" of a moment in the office's zone. */
static void
cmd_booking_clock(const struct booking_rules *b, time_t when, char out[6])
{
	struct tm	 tm;
	time_t		 local = when + b->schedule.offset;

	gmtime_r(&local, &tm);
	strftime(out, 6, "%H:%M", &tm);
}

static void
cmd_booking_close(struct booking_rules *b, struct queue_rules *r,
    struct db *db)
{
	db_close(db);
	booking_rules_free(b);
	queue_rules_free(r);
}

/* Open everything a booking command needs; the status on failure. */
static int
cmd_booking_open(const struct config *config, struct booking_rules *b,
    struct queue_rules *r, struct db **db)
{
	char	*cause = NULL;

	if (booking_rules_init(b, config, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_USAGE;
	}
	if (cmd_queue_rules(config, r) != 0) {
		booking_rules_free(b);
		return EXIT_USAGE;
	}
	if ((*db = cmd_open_db(config, 0)) == NULL) {
		booking_rules_free(b);
		queue_rules_free(r);
		return EXIT_DATABASE;
	}
	/* The centre's holidays leave the slots, as [office] holidays do. */
	if (feed_schedule(*db, &b->schedule, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		cmd_booking_close(b, r, *db);
		return EXIT_DATABASE;
	}
	return EXIT_OK;
}


static int
cmd_booking_slots_exec(const struct config *config, int argc, char **argv)
{
	struct booking_rules	 b;
	struct queue_rules	 r;
	struct db		*db;
	time_t			*days, *slots, now = time(NULL);
	size_t			 ndays, nslots, i, j;
	struct catalog_entry	 e;
	char			 day[11], clock[6], *cause = NULL;
	long			 service;
	int			 status, rc, places;

	(void)argc;
	if ((status = cmd_booking_open(config, &b, &r, &db)) != EXIT_OK)
		return status;
	if ((rc = catalog_service_by_code(db, argv[0], config->lang, &e,
	    &cause)) != 1) {
		if (cause != NULL)
			cmd_error("%s", cause);
		else
			cmd_error(_("There is no service \"%s\"."), argv[0]);
		free(cause);
		cmd_booking_close(&b, &r, db);
		return rc == 0 ? EXIT_FAIL : EXIT_DATABASE;
	}
	service = e.id;
	free(e.code);
	free(e.name);
	ndays = booking_days(&b, now, &days);
	for (i = 0; i < ndays; i++) {
		schedule_day(&b.schedule, days[i], day);
		nslots = booking_slots(&b, days[i], now, &slots);
		for (j = 0; j < nslots && status == EXIT_OK; j++) {
			cmd_booking_clock(&b, slots[j], clock);
			places = booking_free_places(db, &b, service, slots[j],
			    &cause);
			if (places < 0) {
				cmd_error("%s", cause);
				free(cause);
				status = EXIT_DATABASE;
			} else
				printf("%s %s %d\n", day, clock, places);
		}
		free(slots);
	}
	free(days);
	cmd_booking_close(&b, &r, db);
	return cmd_close_stdout(status);
}

static int
cmd_booking_make_exec(const struct config *config, int argc, char **argv)
{
	static const struct option options[] = {
		{ "at", required_argument, NULL, 'a' },
		{ "phone", required_argument, NULL, 'p' },
		{ "lang", required_argument, NULL, 'l' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct booking_rules	 b;
	struct queue_rules	 r;
	struct booking		 k;
	struct db		*db;
	const char		*at = NULL, *phone = NULL;
	char			*cause = NULL, *local = NULL;
	char			 shown[BOOKING_CODE_SHOWN];
	time_t			 slot;
	enum lang		 lang = config->lang;	/* the citizen's */
	int			 c, json = 0, status, rc;

	optind = 0;
	while ((c = cmd_getopt(argc + 1, argv - 1, "", options)) != -1) {
		if (c == 'a')
			at = optarg;
		else if (c == 'p')
			phone = optarg;
		else if (c == 'l') {
			if (i18n_parse(optarg, &lang) != 0) {
				cmd_error(_("\"%s\" must be id or en, not "
				    "\"%s\""), "--lang", optarg);
				return EXIT_USAGE;
			}
		} else if (c == 'j')
			json = 1;
		else
			return EXIT_USAGE;
	}
	if (argc + 1 - optind != 1 || at == NULL) {
		cmd_error(_("usage: loket booking make SERVICE --at "
		    "'YYYY-MM-DD HH:MM' [--phone NUMBER] [--lang id|en] "
		    "[--json]"));
		return EXIT_USAGE;
	}
	/* The same rule as at the kiosk, +62 written as 0. */
	if (phone != NULL && (local = queue_phone_normalise(phone)) == NULL) {
		cmd_error(_("a phone number is 8 to 15 digits starting with 0, "
		    "such as 081234567890, or the same from +62"));
		return EXIT_USAGE;
	}
	if ((status = cmd_booking_open(config, &b, &r, &db)) != EXIT_OK) {
		free(local);
		return status;
	}
	if (cmd_booking_time(&b, at, &slot) != 0) {
		cmd_error(_("\"%s\" is not a date and time YYYY-MM-DD HH:MM"),
		    at);
		cmd_booking_close(&b, &r, db);
		free(local);
		return EXIT_USAGE;
	}
	if ((rc = booking_make(db, &b, argv[optind - 1], slot, local, lang,
	    time(NULL), &k, &cause)) != 0) {
		cmd_error("%s", cause);
		free(cause);
		cmd_booking_close(&b, &r, db);
		free(local);
		return cmd_failure_status(rc);
	}
	free(local);
	booking_code_format(k.code, shown);
	if (json)
		cmd_queue_print_json(json_pack("{s:s, s:s, s:s, s:I}", "code",
		    shown, "service", k.service_code, "day", k.day, "slot",
		    (json_int_t)k.slot));
	else
		printf(_("Booking %s for %s on %s.\n"), shown, k.service_code,
		    at);
	booking_clear(&k);
	cmd_booking_close(&b, &r, db);
	return cmd_close_stdout_done(EXIT_OK, 1);
}

static int
cmd_booking_checkin_exec(const struct config *config, int argc, char **argv)
{
	struct booking_rules	 b;
	struct queue_rules	 r;
	struct ticket		 t;
	struct db		*db;
	char			*cause = NULL, *label;
	int			 ahead, status, rc;

	(void)argc;
	if ((status = cmd_booking_open(config, &b, &r, &db)) != EXIT_OK)
		return status;
	if ((rc = booking_checkin(db, &b, &r, argv[0], time(NULL), &t, &ahead,
	    &cause)) != 0) {
		cmd_error("%s", cause);
		free(cause);
		cmd_booking_close(&b, &r, db);
		return cmd_failure_status(rc);
	}
	label = queue_ticket_label(&t);
	printf(_("Checked in: ticket %s.\n"), label);
	free(label);
	queue_ticket_clear(&t);
	cmd_booking_close(&b, &r, db);
	return cmd_close_stdout_done(EXIT_OK, 1);
}

const struct cmd_entry cmd_booking_slots_entry = {
	"booking slots", "SERVICE", 1, 1, cmd_booking_slots_exec
};
const struct cmd_entry cmd_booking_make_entry = {
	"booking make", "SERVICE --at 'YYYY-MM-DD HH:MM' [--phone N] "
	    "[--lang id|en] [--json]",
	1, -1, cmd_booking_make_exec
};
const struct cmd_entry cmd_booking_checkin_entry = {
	"booking checkin", "CODE", 1, 1, cmd_booking_checkin_exec
};
