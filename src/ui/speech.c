/* Speech: starting the speech process, telling it what to say, and
 * reading what it reports. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "common/configuration.h"
#include "common/log.h"
#include "common/speech-report.h"
#include "common/spoken.h"
#include "common/xmalloc.h"
#include "ui/speech.h"
#include "ui/voice.h"

#define SPEECH_REPORT_MAX	1024	/* one line of what it reports */
#define SPEECH_QUICK_DEATH	2	/* seconds: died as it started */
#define SPEECH_QUICK_DEATHS	3	/* in a row, then rest a while */
#define SPEECH_REST		60	/* seconds before trying again */
#define SPEECH_REAP_TRIES	20	/* 5 ms apart: then it is killed */

struct speech {
	char	*program;	/* loket-speech */
	char	*sink;		/* device, command, dispatcher or wav */
	char	*argument;	/* the command or the directory */
	int	 fd;		/* what to say: the write end, or -1 */
	int	 report;	/* what it reports: the read end, or -1 */
	pid_t	 pid;
	time_t	 started;
	int	 quick_deaths;
	time_t	 rest_until;	/* do not start it again before */
	int	 rate, volume;
	int	 unavailable;	/* audio does not work: said once */
	char	*reason;	/* why, as the process said */
	unsigned sent;		/* utterances and chimes sent */
	unsigned finished;	/* ended, cancelled or dropped */
	unsigned cut;		/* cancelled or dropped */
	char	 line[SPEECH_REPORT_MAX];
	size_t	 len;
};

int
speech_check(const struct config *c, char **cause)
{
	enum speech_sink	 sink = c->speech_sink;

	if (sink == SPEECH_SINK_WAV && c->speech_directory == NULL) {
		*cause = xstrdup(_("[speech] sink = wav needs a directory: "
		    "set directory = in the [speech] section"));
		return -1;
	}
	if (sink == SPEECH_SINK_COMMAND && c->speech_command == NULL) {
		*cause = xstrdup(_("[speech] sink = command needs a command: "
		    "set command = in the [speech] section, such as "
		    "aplay -q -D plughw:1"));
		return -1;
	}
	return 0;
}

/*
 * Where loket-speech is: LOKET_SPEECH (the tests' build tree), else the
 * installed one, and never a path of the tree Loket was built in.
 */
static char *
speech_program(void)
{
	const char	*env = getenv("LOKET_SPEECH");

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	return xstrdup(PKGLIBEXECDIR "/loket-speech");
}

/* In the child: the pipes in place, then loket-speech. */
static void __attribute__((noreturn))
speech_exec(struct speech *sp, int in, int out)
{
	sigset_t	 mask;

	dup2(in, STDIN_FILENO);
	dup2(out, STDOUT_FILENO);
	dup2(out, STDERR_FILENO);
	if (in != STDIN_FILENO)
		close(in);
	if (out != STDOUT_FILENO && out != STDERR_FILENO)
		close(out);
	/* Nothing of the front-end: not its files, not its signal mask. */
	closefrom(STDERR_FILENO + 1);
	sigemptyset(&mask);
	sigprocmask(SIG_SETMASK, &mask, NULL);
	/* A slow reader must never stop the voice: drop what it says. */
	fcntl(STDOUT_FILENO, F_SETFL, O_NONBLOCK);
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	execl(sp->program, "loket-speech", sp->sink, sp->argument,
	    (char *)NULL);
	/* Said as the process would say it: no voice can be heard. */
	dprintf(STDOUT_FILENO, "%s cannot run %s: %s\n",
	    speech_report_name(REPORT_UNAVAILABLE), sp->program,
	    strerror(errno));
	_exit(127);
}

/* Start the speech process; nothing it prints reaches the screen. */
static int
speech_spawn(struct speech *sp)
{
	int	 in[2], out[2];
	pid_t	 pid;

	if (pipe(in) != 0)
		return -1;
	if (pipe(out) != 0) {
		close(in[0]);
		close(in[1]);
		return -1;
	}
	if ((pid = fork()) == -1) {
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		return -1;
	}
	if (pid == 0) {
		close(in[1]);
		close(out[0]);
		speech_exec(sp, in[0], out[1]);
	}
	close(in[0]);
	close(out[1]);
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	fcntl(in[1], F_SETFD, FD_CLOEXEC);
	fcntl(out[0], F_SETFL, O_NONBLOCK);
	fcntl(out[0], F_SETFD, FD_CLOEXEC);
	sp->fd = in[1];
	sp->report = out[0];
	sp->pid = pid;
	sp->started = time(NULL);
	sp->len = 0;
	log_info("speech process %ld started (%s)", (long)pid, sp->sink);
	return 0;
}

/* The process is gone or must go: close the pipes, collect it. */
static void
speech_lost(struct speech *sp, const char *why)
{
	int	 status = 0, tries;
	pid_t	 reaped = 0;
	time_t	 now = time(NULL);

	if (sp->fd != -1)
		close(sp->fd);
	if (sp->report != -1)
		close(sp->report);
	sp->fd = sp->report = -1;
	/* It is ending or must end: wait a moment for it to say how,
	 * never longer (the screen must not wait for it). */
	for (tries = 0; sp->pid > 0 && tries < SPEECH_REAP_TRIES; tries++) {
		if ((reaped = waitpid(sp->pid, &status, WNOHANG)) != 0)
			break;
		usleep(5000);
	}
	if (sp->pid > 0 && reaped == 0) {
		kill(sp->pid, SIGKILL);
		waitpid(sp->pid, &status, 0);
	}
	if (sp->pid > 0 && WIFSIGNALED(status) && WTERMSIG(status) != SIGKILL)
		log_warn("speech process %ld ended by signal %d (%s)",
		    (long)sp->pid, WTERMSIG(status), why);
	else
		log_warn("speech process %ld gone (%s)", (long)sp->pid, why);
	sp->pid = 0;
	/* Dying as it starts, again and again: rest before the next try. */
	if (now - sp->started <= SPEECH_QUICK_DEATH) {
		if (++sp->quick_deaths >= SPEECH_QUICK_DEATHS) {
			log_warn("speech process keeps failing: resting %d s",
			    SPEECH_REST);
			sp->rest_until = now + SPEECH_REST;
			sp->quick_deaths = 0;
		}
	} else
		sp->quick_deaths = 0;
}

struct speech *
speech_start(const struct config *c, int start_now)
{
	struct speech		*sp;
	enum speech_sink	 sink = c->speech_sink;

	if (sink == SPEECH_SINK_OFF)
		return NULL;
	sp = xcalloc(1, sizeof *sp);
	sp->program = speech_program();
	sp->sink = xstrdup(speech_sink_names[sink]);
	if (sink == SPEECH_SINK_WAV && c->speech_directory != NULL)
		sp->argument = xstrdup(c->speech_directory);
	else if (sink == SPEECH_SINK_COMMAND && c->speech_command != NULL)
		sp->argument = xstrdup(c->speech_command);
	sp->fd = sp->report = -1;
	sp->rate = c->speech_rate;
	sp->volume = c->speech_volume;
	if (start_now && speech_spawn(sp) != 0)
		log_warn("speech process cannot start: %s", strerror(errno));
	return sp;
}

void
speech_set_voice(struct speech *sp, int rate, int volume)
{
	if (sp == NULL)
		return;
	sp->rate = rate;
	sp->volume = volume;
}

/* Send one command line; start the process again if it died. */
static void
speech_send(struct speech *sp, const char *line)
{
	size_t	 len = strlen(line);
	int	 tries;

	for (tries = 0; tries < 2; tries++) {
		if (sp->fd == -1) {
			if (time(NULL) < sp->rest_until ||
			    speech_spawn(sp) != 0)
				return;
		}
		if (write(sp->fd, line, len) == (ssize_t)len) {
			if (line[0] == 'S' || line[0] == 'Q' || line[0] == 'C')
				sp->sent++;
			return;
		}
		if (errno == EAGAIN)	/* it is behind: drop, never wait */
			return;
		speech_lost(sp, strerror(errno));
	}
}

/* "S id 150 80 text": the text made speakable, on one line. */
static void
speech_utterance(struct speech *sp, char command, const char *text,
    enum lang lang)
{
	char	*spoken, *line, *p;

	spoken = spoken_text(text, lang);
	for (p = spoken; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	}
	line = xasprintf("%c %s %d %d %s\n", command, i18n_code(lang),
	    sp->rate, sp->volume, spoken);
	speech_send(sp, line);
	free(line);
	free(spoken);
}

void
speech_say(struct speech *sp, const char *text, enum lang lang)
{
	if (sp != NULL)
		speech_utterance(sp, 'S', text, lang);
}

void
speech_queue(struct speech *sp, const char *text, enum lang lang)
{
	if (sp != NULL)
		speech_utterance(sp, 'Q', text, lang);
}

void
speech_chime(struct speech *sp)
{
	char	*line;

	if (sp == NULL)
		return;
	line = xasprintf("C %d\n", sp->volume);
	speech_send(sp, line);
	free(line);
}

void
speech_stop(struct speech *sp)
{
	if (sp != NULL && sp->fd != -1)
		speech_send(sp, "X\n");
}

/* One line the process reported; a notice if audio does not work. */
static char *
speech_report(struct speech *sp, const char *line)
{
	struct speech_report	 r;

	speech_report_parse(line, &r);
	if (speech_report_ends(r.kind))
		sp->finished++;
	if (r.kind == REPORT_CANCEL || r.kind == REPORT_DROP)
		sp->cut++;
	switch (r.kind) {
	case REPORT_UNAVAILABLE:
		log_warn("speech: %s", line);
		free(sp->reason);
		sp->reason = xstrdup(r.detail);
		if (sp->unavailable)
			return NULL;
		sp->unavailable = 1;
		return xstrdup(_("Voice guidance cannot be heard: the sound "
		    "output does not work here. Everything is on the "
		    "screen."));
	case REPORT_READY:
		if (sp->unavailable)
			log_info("speech: sound works again (%s)", line);
		sp->unavailable = 0;
		free(sp->reason);
		sp->reason = NULL;
		return NULL;
	case REPORT_ERROR:
	case REPORT_OTHER:	/* the synthesizer or the sound system */
		log_info("speech: %s", line);
		return NULL;
	default:
		log_debug("speech: %s", line);
		return NULL;
	}
}

char *
speech_poll(struct speech *sp)
{
	char	 buf[512], *notice = NULL, *more;
	ssize_t	 n, i;

	if (sp == NULL || sp->report == -1)
		return NULL;
	while ((n = read(sp->report, buf, sizeof buf)) > 0) {
		for (i = 0; i < n; i++) {
			if (buf[i] != '\n') {
				if (sp->len < sizeof sp->line - 1)
					sp->line[sp->len++] = buf[i];
				continue;
			}
			sp->line[sp->len] = '\0';
			sp->len = 0;
			if ((more = speech_report(sp, sp->line)) != NULL) {
				free(notice);
				notice = more;
			}
		}
	}
	if (n == 0)
		speech_lost(sp, "its output ended");
	return notice;
}

int
speech_wait(struct speech *sp, int timeout_ms, char **cause)
{
	struct pollfd	 pfd;
	struct timespec	 start, now;
	int		 left = timeout_ms;

	clock_gettime(CLOCK_MONOTONIC, &start);
	while (sp->report != -1 && sp->finished < sp->sent && left > 0) {
		pfd.fd = sp->report;
		pfd.events = POLLIN;
		if (poll(&pfd, 1, left) == -1 && errno != EINTR)
			break;
		free(speech_poll(sp));
		clock_gettime(CLOCK_MONOTONIC, &now);
		left = timeout_ms - (int)((now.tv_sec - start.tv_sec) * 1000 +
		    (now.tv_nsec - start.tv_nsec) / 1000000);
	}
	if (sp->finished >= sp->sent && sp->cut == 0 && sp->reason == NULL)
		return 0;
	if (sp->reason != NULL)
		*cause = xstrdup(sp->reason);
	else if (sp->finished >= sp->sent)
		*cause = xstrdup(_("it was cut off"));
	else if (sp->report == -1)
		*cause = xstrdup(_("the speech process ended"));
	else
		*cause = xasprintf(_("nothing was heard within %d seconds"),
		    timeout_ms / 1000);
	return -1;
}

void
speech_free(struct speech *sp)
{
	if (sp == NULL)
		return;
	if (sp->fd != -1)
		close(sp->fd);		/* end of input: the process ends */
	if (sp->report != -1)
		close(sp->report);
	if (sp->pid > 0)
		waitpid(sp->pid, NULL, 0);
	free(sp->program);
	free(sp->reason);
	free(sp->sink);
	free(sp->argument);
	free(sp);
}
