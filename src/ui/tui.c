/*
 * The curses front-end: the kiosk's main loop. It decodes what the
 * terminal sends into the dialogue's keys and does what the dialogue says
 * they mean (dialog-keys.c); the arrows, PgUp/PgDn and Home/End move its
 * own view.
 */
#include "config.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "common/configuration.h"
#include "common/log.h"
#include "common/signals.h"
#include "common/xmalloc.h"
#include "ui/dialog.h"
#include "ui/screen.h"
#include "ui/session.h"
#include "ui/term.h"
#include "ui/tui-speak.h"
#include "ui/tui.h"

#define TUI_FIELD_BYTES	256
#define KEY_CTRL(c)	((c) & 0x1f)

struct tui {
	struct dialog		*dialog;
	struct tui_speaker	*speaker;
	const struct config	*config;
	struct tui_view		 view;
	struct session		 session;
	char			 field[TUI_FIELD_BYTES];
	size_t			 field_len;
	char			*notice;	/* the idle warning */
	int			 notice_left;
	char			*status;	/* sound does not work */
	int			 say_screen;	/* speak it once it is drawn */
	int			 quit;
};


int
tui_available(void)
{
	const char	*term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return 0;
	return term != NULL && *term != '\0' && strcmp(term, "dumb") != 0;
}

/*
 * Arrows in both of the forms terminals send: some ignore the request for
 * application cursor keys, and an unknown ESC [ B would read as Esc.
 */
static void
tui_define_keys(void)
{
	static const struct {
		const char	*sequence;
		int		 key;
	} keys[] = {
		{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
		{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
		{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN },
		{ "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
		{ "\033[H", KEY_HOME }, { "\033[F", KEY_END },
		{ "\033OH", KEY_HOME }, { "\033OF", KEY_END },
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
		{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
		{ "\033[3~", KEY_DC },
		{ "\033OM", KEY_ENTER },
	};
	size_t	 i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (key_defined(keys[i].sequence) == 0)
			define_key(keys[i].sequence, keys[i].key);
	}
}

/* Take the terminal; -1 if it cannot address the cursor (use line mode). */
static int
tui_start(void)
{
	if (term_start(1) != 0)
		return -1;
	tui_define_keys();
	set_escdelay(100);
	timeout(1000);	/* wake every second for the idle countdown */
	return 0;
}

/* A new screen: put the cursor on its first choice, forget typing. */
static void
tui_new_screen(struct tui *t)
{
	const struct screen	*s = dialog_screen(t->dialog);

	t->say_screen = 1;
	free(t->status);	/* said once; the log keeps it */
	t->status = NULL;
	t->view.selected = s->selected < s->nitems ? s->selected : 0;
	t->view.scroll = 0;
	/* A new screen opens at its top, unless the cursor starts further
	 * down (back on a list, on the part just read). */
	t->view.follow = t->view.selected > 0;
	t->field_len = 0;
	t->field[0] = '\0';
	explicit_bzero(t->field, sizeof t->field);
}

/* Draw the screen; then say it, if it is new: the eyes come first. */
static void
tui_redraw(struct tui *t)
{
	const struct screen	*s = dialog_screen(t->dialog);

	t->view.field_value = t->field;
	t->view.nhints = dialog_key_hints(t->dialog, t->field_len,
	    t->view.hints);
	t->view.notice = t->notice;
	t->view.status = t->status;
	tui_draw(s, &t->view);
	wnoutrefresh(stdscr);
	doupdate();
	if (t->say_screen) {
		t->say_screen = 0;
		tui_speaker_screen(t->speaker, s);
	}
}

static void
tui_result(struct tui *t, enum dialog_result r)
{
	const struct screen	*after;

	if (r == DIALOG_QUIT) {
		t->quit = 1;
		return;
	}
	if (r == DIALOG_SAME)
		return;
	after = dialog_screen(t->dialog);
	if (!after->message_is_error) {
		tui_new_screen(t);
		return;
	}
	/* An error on the same screen: keep the cursor, clear the typing. */
	t->say_screen = 1;
	if (t->view.selected >= after->nitems)
		t->view.selected = 0;
	explicit_bzero(t->field, sizeof t->field);
	t->field_len = 0;
}

/* Add a typed character; -1 if there is no room. */
static int
tui_field_add(struct tui *t, wint_t wc)
{
	char		 buf[MB_LEN_MAX];
	mbstate_t	 ps;
	size_t		 n;

	memset(&ps, 0, sizeof ps);
	n = wcrtomb(buf, (wchar_t)wc, &ps);
	if (n == (size_t)-1 || t->field_len + n >= sizeof t->field)
		return -1;
	memcpy(t->field + t->field_len, buf, n);
	t->field_len += n;
	t->field[t->field_len] = '\0';
	return 0;
}

static void
tui_field_delete(struct tui *t)
{
	while (t->field_len > 0) {
		t->field_len--;
		if (((unsigned char)t->field[t->field_len] & 0xc0) != 0x80)
			break;
	}
	t->field[t->field_len] = '\0';
}

/*
 * What the terminal sent, as one of the dialogue's keys; -1 for a key that
 * means nothing here (the arrows and pages are the view's own).
 */
static int
tui_decode(wint_t key, int is_function)
{
	if (is_function) {
		if (key == KEY_ENTER)
			return DIALOG_KEY_ENTER;
		if (key == KEY_BACKSPACE || key == KEY_DC)
			return DIALOG_KEY_ERASE;
		return -1;
	}
	switch (key) {
	case '\r':
	case '\n':
		return DIALOG_KEY_ENTER;
	case 27:
		return DIALOG_KEY_ESCAPE;
	case 127:
	case 8:
		return DIALOG_KEY_ERASE;
	case '*':
		return DIALOG_KEY_STAR;
	case '#':
		return DIALOG_KEY_HASH;
	case '0':
		return DIALOG_KEY_DIGIT_0;
	case KEY_CTRL('c'):
		return DIALOG_KEY_INTERRUPT;
	case KEY_CTRL('x'):
		return DIALOG_KEY_EXIT;
	}
	if (key >= '1' && key <= '9')
		return DIALOG_KEY_DIGIT;
	if (key >= 0x20 && key != 0x7f && !(key >= 0x80 && key < 0xa0))
		return DIALOG_KEY_TEXT;
	return -1;
}

/*
 * After a lone Esc: the rest of an escape sequence the terminal sent and
 * curses did not know (Home as ESC [ 1 ~ on a VT100, say) is read and
 * dropped whole, or turned into the key it names; never read as Esc
 * followed by keys. 27 if it was a real Esc, 0 if it was swallowed.
 */
static wint_t
tui_escape(int *is_function)
{
	wint_t	 c;
	int	 rc, n;

	timeout(30);	/* the rest of a sequence arrives with it */
	rc = get_wch(&c);
	if (rc == ERR || (rc == OK && c == 27)) {
		if (rc == OK)
			unget_wch(c);	/* Esc twice: two real ones */
		timeout(1000);
		return 27;
	}
	if (rc == OK && (c == '[' || c == 'O')) {
		/* Parameters and intermediates, up to the final byte. */
		for (n = 0; n < 32 && (rc = get_wch(&c)) == OK &&
		    c >= 0x20 && c < 0x40; n++)
			;
	}
	timeout(1000);
	*is_function = 0;
	return 0;
}

/* Carry out on the field what the dialogue said a key means there. */
static enum dialog_result
tui_field_do(struct tui *t, const struct screen *s, enum dialog_do what,
    wint_t key)
{
	switch (what) {
	case DIALOG_DO_TYPE:
		if (tui_field_add(t, key) == 0)
			tui_speaker_typed(t->speaker, s, t->field, key);
		return DIALOG_SAME;
	case DIALOG_DO_ERASE:
		tui_field_delete(t);
		tui_speaker_deleted(t->speaker, s);
		return DIALOG_SAME;
	case DIALOG_DO_SUBMIT:
		return dialog_submit(t->dialog, t->field);
	default:
		return DIALOG_SAME;
	}
}

/* Keys that move the selection or scroll. */
static int
tui_key_move(struct tui *t, const struct screen *s, wint_t key)
{
	int	 page = LINES / 2;

	switch (key) {
	case KEY_UP:
		if (s->nitems > 0 && s->field == FIELD_NONE) {
			t->view.selected = t->view.selected == 0 ?
			    s->nitems - 1 : t->view.selected - 1;
			t->view.follow = 1;
		} else
			t->view.scroll--;
		return 1;
	case KEY_DOWN:
		if (s->nitems > 0 && s->field == FIELD_NONE) {
			t->view.selected = (t->view.selected + 1) % s->nitems;
			t->view.follow = 1;
		} else
			t->view.scroll++;
		return 1;
	case KEY_PPAGE:
		t->view.scroll -= page;
		t->view.follow = 0;	/* reading: the text, not the cursor */
		return 1;
	case KEY_NPAGE:
		t->view.scroll += page;
		t->view.follow = 0;
		return 1;
	case KEY_HOME:
		t->view.selected = 0;
		t->view.scroll = 0;
		t->view.follow = 0;
		return 1;
	case KEY_END:
		if (s->nitems > 0)
			t->view.selected = s->nitems - 1;
		t->view.scroll = t->view.max_scroll;
		t->view.follow = 1;
		return 1;
	}
	return 0;
}

/* One key press: the view's own keys, or what the dialogue says. */
static void
tui_key(struct tui *t, wint_t key, int is_function)
{
	const struct screen	*s = dialog_screen(t->dialog);
	enum dialog_result	 r = DIALOG_SAME;
	enum dialog_do		 what;
	int			 decoded;

	if (is_function && key == KEY_RESIZE) {
		clearok(curscr, TRUE);
		return;
	}
	if (is_function && tui_key_move(t, s, key)) {
		if (key == KEY_UP || key == KEY_DOWN || key == KEY_HOME ||
		    key == KEY_END)
			tui_speaker_item(t->speaker, s, t->view.selected);
		return;
	}
	if (!is_function && key == 27 && (key = tui_escape(&is_function)) == 0)
		return;
	if ((decoded = tui_decode(key, is_function)) < 0)
		return;
	what = dialog_key_meaning(t->dialog, decoded, t->field_len);
	switch (what) {
	case DIALOG_DO_NOTHING:
		return;
	case DIALOG_DO_QUIT:
		t->quit = 1;
		return;
	case DIALOG_DO_REPEAT:
		clearok(curscr, TRUE);	/* repaint everything, as asked */
		t->say_screen = 1;	/* and say it again */
		return;
	case DIALOG_DO_EXIT:
		r = dialog_exit(t->dialog);
		break;
	case DIALOG_DO_HELP:
		r = dialog_help(t->dialog);
		break;
	case DIALOG_DO_BACK:
		r = dialog_back(t->dialog);
		break;
	case DIALOG_DO_CHOOSE:
		r = dialog_choose(t->dialog, key - '0');
		break;
	case DIALOG_DO_CHOOSE_SELECTED:
		r = dialog_choose(t->dialog, t->view.selected + 1);
		break;
	default:
		r = tui_field_do(t, s, what, key);
		break;
	}
	tui_result(t, r);
}

/* Once a second: count the idle warning down, or start over. */
static int
tui_tick(struct tui *t)
{
	enum session_state	 state;
	int			 left;

	/* An answer from the centre: a new screen, shown and said. */
	if (dialog_poll(t->dialog)) {
		tui_new_screen(t);
		return 1;
	}
	if (!dialog_times_out(t->dialog)) {
		session_touch(&t->session, time(NULL));
		/* A desk's figures change as others work: rebuild them. */
		if (dialog_live(t->dialog)) {
			dialog_refresh(t->dialog);
			return 1;
		}
		return 0;
	}
	state = session_state(&t->session, time(NULL), &left);
	if (state == SESSION_EXPIRED) {
		free(t->notice);
		t->notice = NULL;
		dialog_reset(t->dialog);
		tui_new_screen(t);
		return 1;
	}
	if (state == SESSION_WARNING && left != t->notice_left) {
		free(t->notice);
		t->notice = session_warning_text(left);
		/* Heard as it starts, then every ten seconds. */
		if (t->notice_left == 0 || left % 10 == 0)
			tui_speaker_notice(t->speaker, t->notice);
		t->notice_left = left;
		return 1;
	}
	return 0;
}

/* Has sound turned out not to work? Then say so once, on the status line. */
static int
tui_sound_check(struct tui *t)
{
	char	*notice = tui_speaker_poll(t->speaker);

	if (notice == NULL)
		return 0;
	free(t->status);
	t->status = notice;
	return 1;
}

int
tui_run(struct dialog *dialog, const struct config *config)
{
	struct tui	 t;
	wint_t		 key;
	int		 rc, status = 0;

	memset(&t, 0, sizeof t);
	t.dialog = dialog;
	t.config = config;
	t.view.can_exit = !config->locked;
	/* The speech process starts with the first utterance. */
	t.speaker = tui_speaker_new(config, dialog);
	session_init(&t.session, config->idle_timeout, config->idle_warning,
	    time(NULL));
	if (tui_start() != 0) {
		tui_speaker_free(t.speaker);
		dialog_set_speaking(dialog, 0);
		return TUI_UNAVAILABLE;
	}
	tui_new_screen(&t);
	tui_redraw(&t);
	while (!t.quit && !signals_caught) {
		rc = get_wch(&key);
		if (signals_caught)
			break;
		if (rc == ERR) {
			if (tui_tick(&t) | tui_sound_check(&t))
				tui_redraw(&t);
			continue;
		}
		session_touch(&t.session, time(NULL));
		/* Any key stops the voice at once. */
		tui_speaker_stop(t.speaker);
		if (t.notice != NULL) {
			/* Any key extends the session, and does nothing else. */
			free(t.notice);
			t.notice = NULL;
			t.notice_left = 0;
			tui_redraw(&t);
			continue;
		}
		tui_key(&t, key, rc == KEY_CODE_YES);
		if (!t.quit)
			tui_redraw(&t);
	}
	if (signals_caught) {
		log_info("signal %d: exiting", (int)signals_caught);
		status = 128 + signals_caught;
	}
	term_finish();
	tui_speaker_free(t.speaker);
	dialog_set_speaking(dialog, 0);
	free(t.notice);
	free(t.status);
	explicit_bzero(t.field, sizeof t.field);
	return status;
}
