/*
 * The display board: what the database says now (the last calls, who
 * waits), read once a second, announced when a call is new, and drawn
 * without colour or box characters:
 *
 *   Now calling                                  Counter
 *    big ticket label               ->           big counter number
 *
 *   Previous calls               People waiting
 *     A-011  Counter 2  10:41      A  KTP-el Baru                    3
 *
 *   Saturday 10:45 WIB
 *   the last announcement (the status line)
 *
 * Nothing on it is personal: ticket labels, counters, times, service
 * names and counts only.
 */
#include "config.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <time.h>
/* term.h names two capabilities lines and columns: free the names. */
#undef lines
#undef columns

#include "common/configuration.h"
#include "common/i18n.h"
#include "common/log.h"
#include "common/signals.h"
#include "common/text.h"
#include "common/words.h"
#include "common/xmalloc.h"
#include "office/queue.h"
#include "ui/bigtext.h"
#include "ui/board-voice.h"
#include "ui/board.h"
#include "ui/term.h"

#define BOARD_MIN_COLUMNS	40
#define BOARD_MIN_LINES		12
#define BOARD_RECENT		6	/* the latest, the calls before */
#define BOARD_FETCH		24	/* call events read to find them */
#define BOARD_ANNOUNCE_MAX	16	/* calls announced in one poll */
#define BOARD_TWO_COLUMNS	64	/* lists side by side from here */
#define BOARD_LEFT_WIDTH	30	/* the previous calls beside */
#define BOARD_RIGHT_WIDTH	56	/* the waiting list at most */
#define BOARD_ROOMY_LINES	20	/* blank separators from here */
#define BOARD_POLL_MS		1000
#define KEY_CTRL(c)		((c) & 0x1f)

/*
 * What the board shows and knows. recent is newest first with one entry
 * per ticket (a recall moves it up); calls after last_event are new, once
 * synced says last_event is known; stale asks to read recent again; day
 * is the office day last seen (a new day clears the announcement);
 * problem is why the last read failed; dirty asks for a redraw.
 */
struct board {
	struct db			*db;
	const struct config		*config;
	const struct queue_rules	*rules;
	struct queue_call		 recent[BOARD_RECENT];
	size_t				 nrecent;
	struct queue_service_status	*services;
	size_t				 nservices;
	char				 day[11];
	long				 last_event;
	int				 synced;
	int				 stale;
	char				*announcement;
	char				*problem;
	struct board_voice		*voice;
	long long			 minute;	/* shown */
	int				 utf8;
	int				 dirty;
	int				 quit;
};

/* Take the terminal; -1 if it cannot address the cursor. */
static int
board_start(void)
{
	/* Nothing to type: the cursor is hidden where it can be. */
	return term_start(0);
}

/* Milliseconds on a clock that never jumps. */
static long long
board_now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Minutes since 1970 in the office's time zone. */
static long long
board_office_minute(const struct board *b, time_t when)
{
	long long	 local = (long long)when + b->rules->schedule.offset;

	return local >= 0 ? local / 60 : (local - 59) / 60;
}

/* "HH:MM" of when in the office's time zone. */
static void
board_clock(const struct board *b, time_t when, char out[6])
{
	long long	 minute = board_office_minute(b, when) % (24 * 60);

	if (minute < 0)
		minute += 24 * 60;
	snprintf(out, 6, "%02d:%02d", (int)(minute / 60), (int)(minute % 60));
}

/* "A-012" for a call, owned. */
static char *
board_label(const struct queue_call *c)
{
	struct ticket	 t;

	memset(&t, 0, sizeof t);
	t.letter = c->letter;
	t.number = c->number;
	return queue_ticket_label(&t);
}

/* Note a database failure (NULL: it works again); takes cause. */
static void
board_set_problem(struct board *b, char *cause)
{
	if (cause == NULL) {
		if (b->problem != NULL) {
			log_info("board: the queue can be read again");
			free(b->problem);
			b->problem = NULL;
			b->dirty = 1;
		}
		return;
	}
	if (b->problem != NULL && strcmp(b->problem, cause) == 0) {
		free(cause);
		return;
	}
	log_warn("board: cannot read the queue: %s", cause);
	free(b->problem);
	b->problem = cause;
	b->dirty = 1;
}

/* Say a call or recall: aloud, on the status line and in the log. */
static void
board_announce(struct board *b, const struct queue_call *c)
{
	char	*text;

	text = words_call(c->letter, (unsigned)c->number, (unsigned)c->counter,
	    b->config->lang);
	log_info("announce: %s", text);
	board_voice_call(b->voice, text, b->config->lang);
	free(b->announcement);
	b->announcement = text;
	b->dirty = 1;
}

/* Read the latest calls of today, one per ticket, newest first. */
static int
board_load_recent(struct board *b, time_t now, char **cause)
{
	struct queue_call	*calls, recent[BOARD_RECENT];
	size_t			 n, i, j, count = 0;

	if (queue_calls(b->db, b->rules, now, 0, BOARD_FETCH, &calls, &n,
	    cause) != 0)
		return -1;
	for (i = n; i > 0 && count < BOARD_RECENT; i--) {
		for (j = 0; j < count; j++) {
			if (recent[j].ticket == calls[i - 1].ticket)
				break;
		}
		if (j == count)
			recent[count++] = calls[i - 1];
	}
	free(calls);
	for (j = 0; j < count && count == b->nrecent; j++) {
		if (recent[j].event != b->recent[j].event)
			break;
	}
	if (count != b->nrecent || j != count) {
		memcpy(b->recent, recent, count * sizeof recent[0]);
		b->nrecent = count;
		b->dirty = 1;
	}
	return 0;
}

/* Announce the calls since the last poll; how many, or -1. */
static int
board_poll_calls(struct board *b, time_t now, char **cause)
{
	struct queue_call	*calls;
	size_t			 n, i;

	if (queue_calls(b->db, b->rules, now, b->last_event,
	    BOARD_ANNOUNCE_MAX, &calls, &n, cause) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		board_announce(b, &calls[i]);
		if (calls[i].event > b->last_event)
			b->last_event = calls[i].event;
	}
	free(calls);
	return (int)n;
}

static int
board_services_equal(const struct queue_service_status *a, size_t na,
    const struct queue_service_status *b, size_t nb)
{
	size_t	 i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++) {
		if (a[i].service != b[i].service ||
		    a[i].letter != b[i].letter ||
		    a[i].waiting != b[i].waiting ||
		    strcmp(a[i].name, b[i].name) != 0)
			return 0;
	}
	return 1;
}

/* Read how many wait for each service. */
static int
board_load_services(struct board *b, time_t now, char **cause)
{
	struct queue_service_status	*s;
	size_t				 n;

	if (queue_status(b->db, b->rules, now, &s, &n, cause) != 0)
		return -1;
	if (board_services_equal(b->services, b->nservices, s, n)) {
		queue_status_free(s, n);
		return 0;
	}
	queue_status_free(b->services, b->nservices);
	b->services = s;
	b->nservices = n;
	b->dirty = 1;
	return 0;
}

/*
 * Once a second: the clock, new calls (announced), the calls shown and
 * the waiting counts. The first successful read only learns where the
 * event log stands, so that a restarted board repeats no announcement.
 */
static void
board_tick(struct board *b, time_t now)
{
	char		*cause = NULL, day[11];
	long long	 minute = board_office_minute(b, now);
	int		 n, new_day;

	if (minute != b->minute) {
		b->minute = minute;
		b->dirty = 1;
	}
	queue_day(b->rules, now, day);
	new_day = strcmp(day, b->day) != 0;
	memcpy(b->day, day, sizeof b->day);
	if (b->synced) {
		if (new_day && b->announcement != NULL) {
			free(b->announcement);
			b->announcement = NULL;
			b->dirty = 1;
		}
		if ((n = board_poll_calls(b, now, &cause)) < 0)
			goto failed;
		if (n > 0 || new_day)
			b->stale = 1;
	}
	if (!b->synced || b->stale) {
		if (board_load_recent(b, now, &cause) != 0)
			goto failed;
		b->stale = 0;
	}
	if (!b->synced) {
		/* Today's calls, newest first: nothing up to it is new. */
		b->last_event = b->nrecent > 0 ? b->recent[0].event : 0;
		b->synced = 1;
	}
	if (board_load_services(b, now, &cause) != 0)
		goto failed;
	board_set_problem(b, NULL);
	return;

failed:
	board_set_problem(b, cause);
}

/* Write text at (y, x), made safe and cut to width columns. */
static void
board_put(int y, int x, const char *text, int width)
{
	char	*safe;

	if (width > COLS - x)
		width = COLS - x;
	if (y < 0 || y >= LINES || x < 0 || width <= 0)
		return;
	safe = text_sanitize(text, i18n_utf8());
	mvaddnstr(y, x, safe, (int)text_fit(safe, width));
	free(safe);
}

static void
board_put_bold(int y, int x, const char *text, int width)
{
	attron(A_BOLD);
	board_put(y, x, text, width);
	attroff(A_BOLD);
}

/* Wrap text over at most max_rows rows from y. */
static void
board_put_wrapped(int y, const char *text, int max_rows)
{
	char	**lines;
	size_t	  n, i;

	n = text_wrap(text, COLS - 1, &lines);
	for (i = 0; i < n && (int)i < max_rows; i++)
		board_put(y + (int)i, 0, lines[i], COLS - 1);
	text_lines_free(lines, n);
}

/* Text in big characters, its top left corner at (y, x). */
static void
board_put_big(const struct board *b, int y, int x, const char *text)
{
	char	**lines;
	size_t	  n, i;

	n = bigtext_render(text, b->utf8, &lines);
	for (i = 0; i < n; i++)
		mvaddstr(y + (int)i, x, lines[i]);
	text_lines_free(lines, n);
}

/*
 * The latest call: its ticket and counter big when both fit, else the
 * ticket big and the counter on the first row, else both in plain text.
 * Returns the first row below it.
 */
static int
board_draw_latest(const struct board *b)
{
	const struct queue_call	*c = &b->recent[0];
	/* TRANSLATORS: the display board's heading over the latest call. */
	const char		*heading = _("Now calling");
	/* TRANSLATORS: a small label over the counter's number, drawn big
	   on the display board ("Loket"). */
	const char		*word = _("Counter");
	char			*label, *safe, *number, *small;
	int			 wl, wc, column, x, xc;

	board_put_bold(0, 0, heading, COLS - 1);
	if (b->nrecent == 0) {
		board_put_wrapped(2, _("Nobody has been called yet today."), 3);
		return 1 + BIGTEXT_ROWS;
	}
	label = board_label(c);
	safe = text_sanitize(label, 0);
	number = xasprintf("%d", c->counter);
	wl = bigtext_width(safe);
	wc = bigtext_width(number);
	column = text_width(word) > wc ? text_width(word) : wc;
	/* "   ->   " between the two */
	if (wl + 8 + column <= COLS - 1) {
		x = (COLS - 1 - (wl + 8 + column)) / 2;
		xc = x + wl + 8;
		board_put_big(b, 1, x, safe);
		board_put(1 + BIGTEXT_ROWS / 2, x + wl + 3, "->", 2);
		board_put_bold(0, xc, word, column);
		board_put_big(b, 1, xc, number);
	} else {
		small = xasprintf(_("Counter %d"), c->counter);
		x = COLS - 1 - text_width(small);
		if (x < text_width(heading) + 2)
			x = text_width(heading) + 2;
		board_put_bold(0, x, small, COLS - 1 - x);
		free(small);
		if (wl <= COLS - 1)
			board_put_big(b, 1, (COLS - 1 - wl) / 2, safe);
		else
			board_put_bold(1 + BIGTEXT_ROWS / 2, 0, safe, COLS - 1);
	}
	free(number);
	free(safe);
	free(label);
	return 1 + BIGTEXT_ROWS;
}

/* How many services have someone waiting. */
static int
board_count_waiting(const struct board *b)
{
	size_t	 i;
	int	 n = 0;

	for (i = 0; i < b->nservices; i++)
		n += b->services[i].waiting > 0;
	return n;
}

/* Rows a list wants: its heading and one row per entry (or "none"). */
static int
board_rows_wanted(int entries)
{
	return 1 + (entries > 0 ? entries : 1);
}

/*
 * The calls before the latest: ticket, counter, time, one per row. On a
 * single row, the heading and the tickets only.
 */
static void
board_draw_previous(const struct board *b, int y, int x, int width,
    int rows)
{
	char	*counter[BOARD_RECENT], *label, *line, *joined, when[6];
	size_t	 i;
	int	 row, column = 0, xc, xt;

	if (rows == 1) {
		line = xstrdup(_("Previous calls"));
		for (i = 1; i < b->nrecent; i++) {
			label = board_label(&b->recent[i]);
			/* TRANSLATORS: a heading and the first item of its
			 * list, then the list and one more item. */
			joined = xasprintf(i == 1 ? _("%s: %s") : _("%s, %s"),
			    line, label);
			free(label);
			free(line);
			line = joined;
		}
		board_put_bold(y, x, line, width);
		free(line);
		return;
	}
	if (rows <= 0)
		return;
	board_put_bold(y, x, _("Previous calls"), width);
	if (b->nrecent <= 1) {
		board_put(y + 1, x + 2, _("None yet today."), width - 2);
		return;
	}
	for (i = 1; i < b->nrecent; i++) {
		counter[i] = xasprintf(_("Counter %d"), b->recent[i].counter);
		if (text_width(counter[i]) > column)
			column = text_width(counter[i]);
	}
	xc = x + 2 + 8;		/* "A-012", with room for "A-1234" */
	xt = xc + column + 2;
	for (i = 1, row = 1; i < b->nrecent; i++) {
		if (row < rows) {
			label = board_label(&b->recent[i]);
			board_clock(b, b->recent[i].at, when);
			board_put(y + row, x + 2, label, 7);
			board_put(y + row, xc, counter[i], x + width - xc);
			board_put(y + row, xt, when, x + width - xt);
			free(label);
			row++;
		}
		free(counter[i]);
	}
}

/* "People waiting: A 3, J 1" on one row. */
static void
board_draw_waiting_row(const struct board *b, int y, int x, int width)
{
	const struct queue_service_status	*s;
	char					*line, *joined;
	size_t					 i;
	int					 first = 1;

	line = xstrdup(_("People waiting"));
	for (i = 0; i < b->nservices; i++) {
		s = &b->services[i];
		if (s->waiting <= 0)
			continue;
		/* TRANSLATORS: a list so far, a queue letter and how many
		 * wait for it: "People waiting: A 3". */
		joined = xasprintf(first ? _("%s: %c %d") : _("%s, %c %d"),
		    line, s->letter, s->waiting);
		free(line);
		line = joined;
		first = 0;
	}
	if (first) {
		joined = xasprintf("%s: 0", line);
		free(line);
		line = joined;
	}
	board_put_bold(y, x, line, width);
	free(line);
}

/*
 * The services with people waiting: letter, name cut to fit, count; the
 * last row says how many more when they do not all fit. With room for
 * less than two of them, one row of letters and counts.
 */
static void
board_draw_waiting(const struct board *b, int y, int x, int width,
    int rows)
{
	const struct queue_service_status	*s;
	char					*line;
	size_t					 i;
	int					 left, row = 1;

	left = board_count_waiting(b);
	if (rows == 1 || (rows == 2 && left > 1)) {
		board_draw_waiting_row(b, y, x, width);
		return;
	}
	if (rows <= 0)
		return;
	board_put_bold(y, x, _("People waiting"), width);
	if (left == 0) {
		board_put(y + 1, x + 2, _("Nobody is waiting."), width - 2);
		return;
	}
	for (i = 0; i < b->nservices && row < rows; i++) {
		s = &b->services[i];
		if (s->waiting <= 0)
			continue;
		if (row == rows - 1 && left > 1) {
			line = xasprintf(ngettext("and %d more service",
			    "and %d more services", (unsigned long)left),
			    left);
			board_put(y + row, x + 2, line, width - 2);
			free(line);
			return;
		}
		/* "  A  name ... 1234" */
		line = xasprintf("%4d", s->waiting);
		board_put(y + row, x + 2, (char[]){ s->letter, '\0' }, 1);
		board_put(y + row, x + 5, s->name, width - 5 - 5);
		board_put(y + row, x + width - 4, line, 4);
		free(line);
		row++;
		left--;
	}
}

/*
 * The two lists: side by side when there is room, else one above the
 * other, the previous calls giving up rows first (down to one).
 */
static void
board_draw_lists(const struct board *b, int top, int bottom)
{
	int	 rows = bottom - top, width = COLS - 1, previous, waiting;

	if (rows <= 0)
		return;
	if (COLS >= BOARD_TWO_COLUMNS) {
		board_draw_previous(b, top, 0, BOARD_LEFT_WIDTH, rows);
		width -= BOARD_LEFT_WIDTH + 2;
		if (width > BOARD_RIGHT_WIDTH)
			width = BOARD_RIGHT_WIDTH;
		board_draw_waiting(b, top, BOARD_LEFT_WIDTH + 2, width, rows);
		return;
	}
	previous = board_rows_wanted(b->nrecent > 1 ? (int)b->nrecent - 1 : 0);
	waiting = board_rows_wanted(board_count_waiting(b));
	if (previous + waiting > rows) {
		previous = rows - waiting;
		if (previous < rows / 2)
			previous = rows / 2;
		if (previous < 1)
			previous = 1;
		/* Two rows for many services become one: give one back. */
		if (rows - previous == 2 && board_count_waiting(b) > 1)
			previous++;
	}
	board_draw_previous(b, top, 0, width, previous);
	board_draw_waiting(b, top + previous, 0, width, rows - previous);
}

/* The status line: the last announcement, or why the queue is unread. */
static int
board_draw_status(const struct board *b)
{
	char	**lines, *text;
	size_t	  n, i, shown, most = LINES >= BOARD_ROOMY_LINES ? 3 : 2;
	int	  top;

	if (b->problem != NULL) {
		/* TRANSLATORS: on the display board, before the database's
		   own message; the board tries again every second. */
		text = xasprintf("! %s %s", _("The queue cannot be read; "
		    "trying again."), b->problem);
	} else if (b->announcement != NULL)
		text = xstrdup(b->announcement);
	else
		return LINES - 1;
	n = text_wrap(text, COLS - 1, &lines);
	free(text);
	shown = n < most ? n : most;
	if (shown == 0)
		shown = 1;
	top = LINES - (int)shown;
	attron(A_BOLD);
	for (i = 0; i < shown && i < n; i++)
		board_put(top + (int)i, 0, lines[i], COLS - 1);
	attroff(A_BOLD);
	text_lines_free(lines, n);
	return top;
}

static void
board_draw(const struct board *b, time_t now)
{
	char	*clock;
	int	 status, top, bottom, roomy = LINES >= BOARD_ROOMY_LINES;

	erase();
	if (COLS < BOARD_MIN_COLUMNS || LINES < BOARD_MIN_LINES) {
		board_put_wrapped(0, _("The terminal is too small. Loket "
		    "needs at least 40 columns and 12 lines."), LINES);
		move(0, 0);
		return;
	}
	status = board_draw_status(b);
	clock = schedule_describe(&b->rules->schedule, now);
	board_put_bold(status - 1, 0, clock, COLS - 1);
	free(clock);
	top = board_draw_latest(b) + roomy;
	bottom = status - 1 - roomy;
	board_draw_lists(b, top, bottom);
	/* A screen reader's cursor rests on the announcement. */
	move(status, 0);
}

/* A line for the status line in place of the last announcement. */
static void
board_set_status(struct board *b, char *text)
{
	free(b->announcement);
	b->announcement = text;
	b->dirty = 1;
}

/* One key: the voice settings, and the ways out unless locked. */
static void
board_key(struct board *b, wint_t key, int is_function)
{
	char	*said;

	if (is_function && key == KEY_RESIZE) {
		clearok(curscr, TRUE);
		b->dirty = 1;
		return;
	}
	if (!is_function && (said = board_voice_key(b->voice, key)) != NULL) {
		board_set_status(b, said);
		return;
	}
	if (b->config->locked || is_function)
		return;
	if (key == 'q' || key == 'Q' || key == KEY_CTRL('x') ||
	    key == KEY_CTRL('c'))
		b->quit = 1;
}

int
board_run(struct db *db, const struct config *config,
    const struct queue_rules *rules)
{
	struct board	 b;
	wint_t		 key;
	long long	 next, wait;
	char		*said;
	int		 rc, status = 0;

	memset(&b, 0, sizeof b);
	b.db = db;
	b.config = config;
	b.rules = rules;
	b.utf8 = i18n_utf8();
	b.minute = LLONG_MIN;
	b.dirty = 1;
	signals_install(config->locked);
	/* Before curses: the speech process inherits nothing of it. */
	b.voice = board_voice_new(config);
	if (board_start() != 0) {
		board_voice_free(b.voice);
		return BOARD_UNAVAILABLE;
	}
	log_info("board: started");
	next = board_now_ms();
	while (!b.quit && !signals_caught) {
		if (board_now_ms() >= next) {
			board_tick(&b, time(NULL));
			/* No sound: said on the status line unless a call
			 * is there (the log has it either way). */
			if ((said = board_voice_poll(b.voice)) != NULL) {
				if (b.announcement == NULL)
					board_set_status(&b, said);
				else
					free(said);
			}
			next += BOARD_POLL_MS;
			if (next <= board_now_ms())
				next = board_now_ms() + BOARD_POLL_MS;
		}
		if (b.dirty) {
			board_draw(&b, time(NULL));
			wnoutrefresh(stdscr);
			doupdate();
			b.dirty = 0;
		}
		wait = next - board_now_ms();
		timeout(wait < 0 ? 0 : wait > BOARD_POLL_MS ? BOARD_POLL_MS :
		    (int)wait);
		rc = get_wch(&key);
		if (signals_caught)
			break;
		if (rc != ERR)
			board_key(&b, key, rc == KEY_CODE_YES);
	}
	if (signals_caught) {
		log_info("signal %d: exiting", (int)signals_caught);
		status = 128 + signals_caught;
	}
	term_finish();
	board_voice_free(b.voice);
	log_info("board: stopped");
	queue_status_free(b.services, b.nservices);
	free(b.announcement);
	free(b.problem);
	return status;
}
