/*
 * loketd report [--date YYYY-MM-DD] [--office CODE] [--csv]: per office
 * and day, from what the offices pushed: tickets taken, served, not
 * present, still open, average and longest wait, and hash-chain breaks.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "common/i18n.h"
#include "common/text.h"
#include "loketd/loketd.h"
#include "loketd/store.h"

/* Minutes, rounded, of a wait in seconds (-1 stays -1). */
static long
loketd_minutes(long seconds)
{
	return seconds < 0 ? -1 : (seconds + 30) / 60;
}

static int
loketd_report_text(void *arg, const struct store_report_row *r)
{
	char	*day = text_sanitize(r->day, 0);

	printf(_("%s %s: taken %ld, served %ld, not present %ld, still open "
	    "%ld\n"), r->office, day, r->taken, r->served, r->noshow, r->open);
	if (r->average_wait >= 0)
		printf(_("  average wait %ld min, longest %ld min\n"),
		    loketd_minutes(r->average_wait),
		    loketd_minutes(r->longest_wait));
	if (r->chain_breaks > 0)
		printf(_("  hash chain broken %ld times: events were removed "
		    "or changed in the office's database\n"), r->chain_breaks);
	free(day);
	return ferror(stdout) ? 1 : 0;
}

static int
loketd_report_csv(void *arg, const struct store_report_row *r)
{
	char	*day = text_sanitize(r->day, 0);

	printf("%s,%s,%ld,%ld,%ld,%ld,%ld,%ld,%ld\n", r->office, day,
	    r->taken, r->served, r->noshow, r->open, r->average_wait,
	    r->longest_wait, r->chain_breaks);
	free(day);
	return ferror(stdout) ? 1 : 0;
}

static int
loketd_report_exec(struct loketd_conf *conf, int argc, char **argv)
{
	static const struct option options[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "office", required_argument, NULL, 'o' },
		{ "csv", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct store	*s;
	const char	*day = NULL, *office = NULL;
	char		*cause = NULL;
	int		 c, csv = 0, rc;

	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (c == 'd')
			day = optarg;
		else if (c == 'o')
			office = optarg;
		else if (c == 'c')
			csv = 1;
		else
			return LOKETD_EXIT_USAGE;
	}
	if (optind != argc) {
		loketd_error(_("usage: loketd report [--date YYYY-MM-DD] "
		    "[--office CODE] [--csv]"));
		return LOKETD_EXIT_USAGE;
	}
	if ((s = loketd_open(conf, 0)) == NULL)
		return LOKETD_EXIT_DATABASE;
	if (csv)
		printf("office,day,taken,served,noshow,open,"
		    "average_wait_seconds,longest_wait_seconds,chain_breaks\n");
	rc = s->engine->report(s, day, office, csv ? loketd_report_csv :
	    loketd_report_text, NULL, &cause);
	store_close(s);
	if (rc != 0) {
		loketd_error("%s", cause);
		free(cause);
		return LOKETD_EXIT_DATABASE;
	}
	return loketd_close_stdout(LOKETD_EXIT_OK);
}

const struct loketd_cmd loketd_report_cmd = {
	"report", "[--date YYYY-MM-DD] [--office CODE] [--csv]",
	loketd_report_exec
};
