/*
 * Drawing a screen model with curses: title, prompt, text, numbered
 * choices, the input field, the message and the key line. No colour, no
 * box drawing; the selection is a ">" marker and reverse video, and the
 * hardware cursor sits on it.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "ui/big-curses.h"
#include "ui/bigtext.h"
#include "ui/screen.h"
#include "ui/tui.h"

/* Lines a screen needs before a big number is drawn on it. */
#define TUI_BIG_MIN_LINES	20

#define TUI_MIN_COLUMNS	40
#define TUI_MIN_LINES	12

/* One line of the scrolling content. */
/* The rows a prompt has under the title; the rest of it scrolls. */
#define TUI_PROMPT_ROWS	3

struct tui_line {
	char	*text;
	int	 item;		/* item index it shows, or -1 */
	int	 first;		/* first line of that item */
};

struct tui_lines {
	struct tui_line	*lines;
	int		 count;
	int		 continued;	/* its first lines end the prompt */
};

static void
tui_lines_add(struct tui_lines *l, const char *text, int item, int first)
{
	l->lines = xgrowarray(l->lines, l->count, sizeof *l->lines);
	l->lines[l->count].text = xstrdup(text);
	l->lines[l->count].item = item;
	l->lines[l->count].first = first;
	l->count++;
}

/* Wrap text into l with an indent on every line after the first. */
static void
tui_lines_wrap(struct tui_lines *l, const char *text, int width, int indent,
    int item)
{
	char	**wrapped, *line;
	size_t	  n, i;

	n = text_wrap(text, width - indent, &wrapped);
	for (i = 0; i < n; i++) {
		if (i == 0)
			tui_lines_add(l, wrapped[i], item, 1);
		else {
			line = xasprintf("%*s%s", indent, "", wrapped[i]);
			tui_lines_add(l, line, item, 0);
			free(line);
		}
	}
	text_lines_free(wrapped, n);
}

static void
tui_lines_free(struct tui_lines *l)
{
	int	 i;

	for (i = 0; i < l->count; i++)
		free(l->lines[i].text);
	free(l->lines);
}

/* Write text at (y, x), cut to the width left. */
static void
tui_put(int y, int x, const char *text)
{
	int	 room = COLS - x;

	if (room <= 0)
		return;
	mvaddnstr(y, x, text, (int)text_fit(text, room));
}

/* Draw wrapped text from row y; return the next free row. */
static int
tui_put_wrapped(int y, const char *text, int max_rows)
{
	char	**lines;
	size_t	  n, i;

	n = text_wrap(text, COLS - 1, &lines);
	for (i = 0; i < n && (int)i < max_rows; i++)
		tui_put(y++, 0, lines[i]);
	text_lines_free(lines, n);
	return y;
}

static void
tui_draw_too_small(void)
{
	erase();
	tui_put_wrapped(0, _("The terminal is too small. Loket needs at least "
	    "40 columns and 12 lines."), LINES);
	move(0, 0);
}

/*
 * The key line at the bottom: more text, then the dialogue's hints, then
 * the exit key; when they do not fit, the least needed goes first (exit,
 * then the hints by their keep, more text last).
 */
static void
tui_draw_keys(const struct tui_view *v, int more)
{
	struct dialog_hint	 hint[DIALOG_HINTS_MAX + 2];
	char			*line, *joined;
	size_t			 i, n = 0, drop;

	if (more != 0)
		hint[n++] = (struct dialog_hint){ more > 0 ? _("PgDn More") :
		    _("PgUp Back up"), 100 };
	for (i = 0; i < v->nhints; i++)
		hint[n++] = v->hints[i];
	if (v->can_exit)
		hint[n++] = (struct dialog_hint){ _("Ctrl-X Exit"), 0 };
	for (;;) {
		line = NULL;
		for (i = 0; i < n; i++) {
			if (hint[i].text == NULL)
				continue;
			/* TRANSLATORS: two hints of the key line, apart. */
			joined = line == NULL ? xstrdup(hint[i].text) :
			    xasprintf(_("%s  %s"), line, hint[i].text);
			free(line);
			line = joined;
		}
		if (line == NULL || text_width(line) <= COLS - 1)
			break;
		free(line);
		for (drop = n, i = 0; i < n; i++) {
			if (hint[i].text != NULL && (drop == n ||
			    hint[i].keep < hint[drop].keep))
				drop = i;
		}
		if (drop == n) {
			line = NULL;
			break;
		}
		hint[drop].text = NULL;
	}
	if (line != NULL)
		tui_put(LINES - 1, 0, line);
	free(line);
}

/*
 * Build the scrolling content: the end of a prompt longer than its rows
 * (on a small terminal), body text, then choices.
 */
static void
tui_content(const struct screen *s, struct tui_lines *l)
{
	size_t	  i, n;
	char	 *label, **lines;

	memset(l, 0, sizeof *l);
	if (s->prompt != NULL) {
		n = text_wrap(s->prompt, COLS - 1, &lines);
		for (i = TUI_PROMPT_ROWS; i < n; i++)
			tui_lines_add(l, lines[i], -1, 0);
		l->continued = n > TUI_PROMPT_ROWS;
		if (n > TUI_PROMPT_ROWS && s->nbody + s->nitems > 0)
			tui_lines_add(l, "", -1, 0);
		text_lines_free(lines, n);
	}
	for (i = 0; i < s->nbody; i++)
		tui_lines_wrap(l, s->body[i], COLS - 1, 0, -1);
	if (s->nbody > 0 && s->nitems > 0)
		tui_lines_add(l, "", -1, 0);
	for (i = 0; i < s->nitems; i++) {
		label = xasprintf("  %zu. %s", i + 1, s->items[i]);
		tui_lines_wrap(l, label, COLS - 1, 6, (int)i);
		free(label);
	}
}

/* The row where the message (or the idle notice) starts, and draw it. */
static int
tui_draw_message(const struct screen *s, const struct tui_view *v)
{
	const char	*text = v->notice != NULL ? v->notice :
			    s->message != NULL ? s->message : v->status;
	char		**lines, *marked;
	size_t		 n, i, shown;
	int		 top;

	if (text == NULL)
		return LINES - 1;
	/* Errors carry a "!" so that they never depend on bold alone. */
	marked = xasprintf("%s%s", s->message_is_error || v->notice != NULL ?
	    "! " : "", text);
	n = text_wrap(marked, COLS - 1, &lines);
	free(marked);
	/* The whole message, up to a third of the screen. */
	shown = n < (size_t)LINES / 3 ? n : (size_t)LINES / 3;
	top = LINES - 1 - (int)shown;
	attron(A_BOLD);
	for (i = 0; i < shown; i++)
		tui_put(top + (int)i, 0, lines[i]);
	attroff(A_BOLD);
	text_lines_free(lines, n);
	return top;
}

/* The input field: label, then what was typed (or stars for a secret). */
static void
tui_draw_field(const struct screen *s, const struct tui_view *v, int y)
{
	char	*shown, *line;
	size_t	 n, i;
	int	 width, x;

	if (s->field == FIELD_SECRET) {
		n = text_length(v->field_value);
		shown = xmalloc(n + 1);
		for (i = 0; i < n; i++)
			shown[i] = '*';
		shown[n] = '\0';
	} else
		shown = text_sanitize(v->field_value, i18n_utf8());
	line = xasprintf("%s: ", s->field_label);
	tui_put(y, 0, line);
	x = text_width(line);
	free(line);
	/* Show the end of a long value, where the cursor is. */
	width = text_width(shown);
	line = shown;
	while (width > COLS - x - 2 && *line != '\0') {
		line++;
		while (((unsigned char)*line & 0xc0) == 0x80)
			line++;
		width = text_width(line);
	}
	tui_put(y, x, line);
	move(y, x + width);
	free(shown);
}

void
tui_draw(const struct screen *s, struct tui_view *v)
{
	struct tui_lines	 l;
	int			 y, top, bottom, rows, i, cursor_y = -1, more;

	if (COLS < TUI_MIN_COLUMNS || LINES < TUI_MIN_LINES) {
		tui_draw_too_small();
		return;
	}
	erase();
	/* A long title wraps (onto two rows at most) rather than being cut. */
	attron(A_BOLD);
	y = tui_put_wrapped(0, s->title != NULL ? s->title : "", 2);
	attroff(A_BOLD);
	if (y == 0)
		y = 1;
	/* The ticket's number big, as on the board, where there is room. */
	if (s->big != NULL && LINES >= TUI_BIG_MIN_LINES &&
	    bigtext_width(s->big) <= COLS - 1) {
		big_draw(y + 1, 0, s->big);
		y += BIGTEXT_ROWS + 2;
	}
	if (s->prompt != NULL)
		y = tui_put_wrapped(y, s->prompt, TUI_PROMPT_ROWS);
	/* A prompt that goes on in the content goes on in the next row. */
	tui_content(s, &l);
	top = y + (l.continued ? 0 : 1);
	bottom = tui_draw_message(s, v) - 1;	/* leave a blank line */
	if (s->field != FIELD_NONE) {
		tui_draw_field(s, v, bottom - 1);
		bottom -= 2;
	}
	rows = bottom - top;
	if (rows < 1)
		rows = 1;

	v->max_scroll = l.count > rows ? l.count - rows : 0;
	/* Keep the selected item in view, once the cursor has moved. */
	for (i = 0; i < l.count && v->follow && s->field == FIELD_NONE; i++) {
		if (l.lines[i].item != (int)v->selected || !l.lines[i].first)
			continue;
		if (i < v->scroll)
			v->scroll = i;
		else if (i >= v->scroll + rows)
			v->scroll = i - rows + 1;
		break;
	}
	if (v->scroll > v->max_scroll)
		v->scroll = v->max_scroll;
	if (v->scroll < 0)
		v->scroll = 0;

	for (i = v->scroll; i < l.count && i < v->scroll + rows; i++) {
		const struct tui_line *line = &l.lines[i];

		y = top + i - v->scroll;
		if (line->item == (int)v->selected && line->first &&
		    s->field == FIELD_NONE && s->nitems > 0) {
			/* "> 1." in reverse video, then the label. */
			char	*mark = strchr(line->text, '.');
			int	 len = mark != NULL ? (int)(mark - line->text) + 1
				     : 0;

			attron(A_REVERSE);
			mvaddch(y, 0, '>');
			mvaddnstr(y, 1, line->text + 1, len - 1);
			attroff(A_REVERSE);
			tui_put(y, len, line->text + len);
			cursor_y = y;
		} else
			tui_put(y, 0, line->text);
	}
	more = v->scroll < v->max_scroll ? 1 : v->scroll > 0 ? -1 : 0;
	tui_draw_keys(v, more);
	tui_lines_free(&l);
	if (s->field != FIELD_NONE)
		tui_draw_field(s, v, bottom + 1);
	else if (cursor_y >= 0)
		move(cursor_y, 0);
	else
		move(top > LINES - 1 ? 0 : top, 0);
}
