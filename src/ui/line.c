/* The line front-end: numbered text screens, typed answers. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "common/configuration.h"
#include "common/input.h"
#include "common/log.h"
#include "common/signals.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "ui/dialog.h"
#include "ui/line.h"
#include "ui/screen.h"
#include "ui/session.h"

#define LINE_PAGE	20	/* lines of text before "more" */
#define LINE_CHOICE_MAX	64	/* bytes kept of a line typed for a choice */

struct line {
	struct dialog		*dialog;
	const struct config	*config;
	int			 interactive;
	struct session		 session;
	int			 quit;
	char			*typed;		/* from the readline callback */
	int			 got_line;
	int			 eof;
	int			 warned;	/* seconds left when last warned */
};

static struct line	*line_current;	/* for the readline callback */

/* Wait for Enter between pages; 0 stops the text. */
static int
line_more(struct line *l)
{
	char	*answer;
	int	 stop;

	answer = readline(_("-- Enter: more, 0: stop -- "));
	stop = answer == NULL || strcmp(answer, "0") == 0;
	free(answer);
	return !stop;
}

static void
line_show(struct line *l)
{
	const struct screen	*s = dialog_screen(l->dialog);
	struct dialog_hint	 hints[DIALOG_HINTS_MAX];
	size_t			 i, n;

	printf("\n== %s ==\n", s->title != NULL ? s->title : "");
	if (s->prompt != NULL)
		printf("%s\n", s->prompt);
	for (i = 0; i < s->nbody; i++) {
		if (l->interactive && i > 0 && i % LINE_PAGE == 0 &&
		    !line_more(l))
			break;
		printf("%s\n", s->body[i]);
	}
	for (i = 0; i < s->nitems; i++)
		printf("  %zu. %s\n", i + 1, s->items[i]);
	if (s->message != NULL)
		printf("%s%s\n", s->message_is_error ? "! " : "", s->message);
	n = dialog_key_hints(l->dialog, 0, hints);
	for (i = 0; i < n; i++)
		printf(i + 1 < n ? "%s  " : "%s\n", hints[i].text);
	fflush(stdout);
}

/* The prompt before typing: the field's label, or "Choice". */
static char *
line_prompt(struct line *l)
{
	const struct screen	*s = dialog_screen(l->dialog);

	if (s->field != FIELD_NONE)
		return xasprintf("%s> ", s->field_label);
	return xasprintf("%s> ", _("Choice"));
}

/*
 * The bytes of a line worth keeping on this screen: one character more
 * than the field holds (so that the dialogue says it is too long), in the
 * widest UTF-8; for a choice, a few.
 */
static size_t
line_capacity(const struct screen *s)
{
	if (s->field == FIELD_NONE)
		return LINE_CHOICE_MAX;
	return (s->field_max + 1) * 4;
}

/*
 * Read one line of at most max bytes; the rest of a longer line is read
 * and thrown away, with a message. NULL at the end of input or on a
 * signal.
 */
static char *
line_read_bounded(size_t max)
{
	char	*buf = xmalloc(max + 1);
	size_t	 len;

	switch (input_line(stdin, buf, max, &len)) {
	case INPUT_LINE:
		break;
	case INPUT_LONG:
		if (input_skip_line(stdin) != 0)
			goto fail;
		buf[text_utf8_boundary(buf, len)] = '\0';
		printf("\n! %s\n", _("The line was too long: the rest of it "
		    "was not read."));
		break;
	case INPUT_END:
	case INPUT_ERROR:
		goto fail;
	}
	return buf;

fail:
	explicit_bzero(buf, max + 1);
	free(buf);
	return NULL;
}

/* Read a secret with echo off. */
static char *
line_read_secret(const char *prompt, size_t max)
{
	struct termios	 old, quiet;
	char		*buf;
	int		 restore = 0;

	/* Echo goes off before the prompt shows, and nothing typed is lost. */
	if (tcgetattr(STDIN_FILENO, &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~ECHO;
		restore = tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
	}
	fputs(prompt, stdout);
	fflush(stdout);
	buf = line_read_bounded(max);
	if (restore)
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
	putchar('\n');
	return buf;
}

static void
line_callback(char *typed)
{
	line_current->got_line = 1;
	if (typed == NULL)
		line_current->eof = 1;
	line_current->typed = typed;
	rl_callback_handler_remove();
}

/* Warn (at the start, then every ten seconds) or start over. */
static void
line_tick(struct line *l, int *reset)
{
	enum session_state	 state;
	char			*text;
	int			 left;

	*reset = 0;
	if (!dialog_times_out(l->dialog)) {
		session_touch(&l->session, time(NULL));
		return;
	}
	state = session_state(&l->session, time(NULL), &left);
	if (state == SESSION_EXPIRED) {
		/* The next citizen must not find this one's typing. */
		clear_history();
		dialog_reset(l->dialog);
		l->warned = 0;
		*reset = 1;
		return;
	}
	if (state != SESSION_WARNING || (l->warned != 0 &&
	    l->warned - left < 10))
		return;
	l->warned = left;
	text = session_warning_text(left);
	rl_save_prompt();
	printf("\n! %s\n", text);
	rl_restore_prompt();
	rl_on_new_line();
	rl_redisplay();
	free(text);
}

/* Keep what readline holds within max bytes: the rest is refused. */
static void
line_limit(size_t max)
{
	size_t	 keep;

	if (rl_end < 0 || (size_t)rl_end <= max)
		return;
	keep = text_utf8_boundary(rl_line_buffer, max);
	rl_delete_text((int)keep, rl_end);
	if (rl_point > rl_end)
		rl_point = rl_end;
	rl_ding();
}

/* Read a line with readline, waking each second for the idle timer. */
static char *
line_read_interactive(struct line *l, const char *prompt, size_t max,
    int *reset)
{
	fd_set	 fds;
	struct timeval tv;
	int	 n;

	*reset = 0;
	line_current = l;
	l->got_line = l->eof = 0;
	l->typed = NULL;
	rl_callback_handler_install(prompt, line_callback);
	while (!l->got_line && !signals_caught) {
		FD_ZERO(&fds);
		FD_SET(STDIN_FILENO, &fds);
		tv.tv_sec = 1;
		tv.tv_usec = 0;
		n = select(STDIN_FILENO + 1, &fds, NULL, NULL, &tv);
		if (n == -1 && errno != EINTR)
			break;
		if (n > 0) {
			session_touch(&l->session, time(NULL));
			l->warned = 0;
			rl_callback_read_char();
			if (!l->got_line)
				line_limit(max);
			continue;
		}
		line_tick(l, reset);
		if (*reset) {
			rl_callback_handler_remove();
			putchar('\n');
			return NULL;
		}
	}
	if (!l->got_line)
		rl_callback_handler_remove();
	return l->typed;
}

/* Read a plain line from a pipe. */
static char *
line_read_plain(const char *prompt, size_t max)
{
	char	*buf;
	size_t	 len;

	fputs(prompt, stdout);
	fflush(stdout);
	if ((buf = line_read_bounded(max)) == NULL)
		return NULL;
	len = strlen(buf);
	if (len > 0 && buf[len - 1] == '\r')
		buf[--len] = '\0';
	putchar('\n');
	return buf;
}

int
line_run(struct dialog *dialog, const struct config *config)
{
	struct line		 l;
	const struct screen	*s;
	enum dialog_result	 r;
	char			*prompt, *typed;
	int			 reset;

	memset(&l, 0, sizeof l);
	l.dialog = dialog;
	l.config = config;
	l.interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	rl_catch_signals = 0;
	rl_outstream = stdout;
	session_init(&l.session, config->idle_timeout, config->idle_warning,
	    time(NULL));
	line_show(&l);
	while (!l.quit && !signals_caught) {
		s = dialog_screen(dialog);
		prompt = line_prompt(&l);
		reset = 0;
		if (s->field == FIELD_SECRET)
			typed = line_read_secret(prompt, line_capacity(s));
		else if (l.interactive)
			typed = line_read_interactive(&l, prompt,
			    line_capacity(s), &reset);
		else
			typed = line_read_plain(prompt, line_capacity(s));
		free(prompt);
		if (reset) {
			line_show(&l);
			continue;
		}
		if (typed == NULL) {
			if (signals_caught)
				break;
			/* End of input: leave, or ask for the exit code. */
			if (!l.interactive || dialog_exit(dialog) == DIALOG_QUIT)
				break;
			line_show(&l);
			continue;
		}
		if (l.interactive && *typed != '\0' && s->field != FIELD_SECRET)
			add_history(typed);
		r = dialog_line(dialog, typed);
		explicit_bzero(typed, strlen(typed));
		free(typed);
		if (r == DIALOG_QUIT)
			break;
		dialog_settle(dialog);	/* a line is printed once */
		line_show(&l);
	}
	if (signals_caught)
		return 128 + signals_caught;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		log_error("write error on standard output");
		return 1;
	}
	return 0;
}
