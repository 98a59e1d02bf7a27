/* Speech: starting the speech process and telling it what to say. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "configuration.h"
#include "log.h"
#include "speech.h"
#include "spoken.h"
#include "xmalloc.h"

struct speech {
	char	*program;	/* loket-speech */
	char	*directory;
	int	 fd;		/* the write end of the pipe, or -1 */
	pid_t	 pid;
};

/* Where loket-speech is: LOKET_SPEECH, installed, or the build tree. */
static char *
speech_program(void)
{
	const char	*env = getenv("LOKET_SPEECH");

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (access(PKGLIBEXECDIR "/loket-speech", X_OK) == 0)
		return xstrdup(PKGLIBEXECDIR "/loket-speech");
	return xstrdup(BUILD_SPEECH);
}

/* Start the speech process; nothing it prints reaches the screen. */
static int
speech_spawn(struct speech *sp)
{
	int	 fds[2], null;
	pid_t	 pid;

	if (pipe(fds) != 0)
		return -1;
	if ((pid = fork()) == -1) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[1]);
		dup2(fds[0], STDIN_FILENO);
		close(fds[0]);
		if ((null = open("/dev/null", O_RDWR)) != -1) {
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		signal(SIGINT, SIG_IGN);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		execl(sp->program, "loket-speech", sp->directory, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	fcntl(fds[1], F_SETFL, O_NONBLOCK);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	sp->fd = fds[1];
	sp->pid = pid;
	log_info("speech process %ld started", (long)pid);
	return 0;
}

struct speech *
speech_start(const struct config *c)
{
	struct speech	*sp;

	if (c->speech_sink == NULL || strcmp(c->speech_sink, "wav") != 0 ||
	    c->speech_directory == NULL)
		return NULL;
	sp = xcalloc(1, sizeof *sp);
	sp->program = speech_program();
	sp->directory = xstrdup(c->speech_directory);
	sp->fd = -1;
	if (speech_spawn(sp) != 0)
		log_warn("speech process cannot start: %s", strerror(errno));
	return sp;
}

/* Send one command line; restart a dead process once. */
static void
speech_send(struct speech *sp, const char *line)
{
	size_t	 len = strlen(line);
	int	 tries;

	for (tries = 0; tries < 2; tries++) {
		if (sp->fd == -1 && speech_spawn(sp) != 0)
			return;
		if (write(sp->fd, line, len) == (ssize_t)len)
			return;
		if (errno == EAGAIN)	/* it is behind: drop, never wait */
			return;
		log_warn("speech process gone (%s): starting it again",
		    strerror(errno));
		close(sp->fd);
		sp->fd = -1;
		waitpid(sp->pid, NULL, WNOHANG);
	}
}

void
speech_say(struct speech *sp, const char *text, enum lang lang)
{
	char	*spoken, *line, *p;

	if (sp == NULL)
		return;
	spoken = spoken_text(text, lang);
	for (p = spoken; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	}
	line = xasprintf("S %s %s\n", i18n_code(lang), spoken);
	speech_send(sp, line);
	free(line);
	free(spoken);
}

void
speech_stop(struct speech *sp)
{
	if (sp != NULL && sp->fd != -1)
		speech_send(sp, "X\n");
}

void
speech_free(struct speech *sp)
{
	if (sp == NULL)
		return;
	if (sp->fd != -1)
		close(sp->fd);		/* end of input: the process ends */
	if (sp->pid > 0)
		waitpid(sp->pid, NULL, 0);
	free(sp->program);
	free(sp->directory);
	free(sp);
}
