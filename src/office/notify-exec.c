/*
 * Text messages handed to a program, never through a shell: gammu-smsd's
 * inject (a GSM modem, no internet needed) or a command of the office's
 * own with the phone number and the text as arguments. The message's id
 * is in the environment as LOKET_MESSAGE_ID.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "common/configuration.h"
#include "common/i18n.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/notify.h"

extern char **environ;

#define NOTIFY_EXEC_OUTPUT	4096	/* bytes of output kept */
#define NOTIFY_EXEC_ARGS	32	/* words of a command */
#define NOTIFY_EXEC_REFUSED	65	/* EX_DATAERR: the message was refused */

/* The environment with the message's id; free the array and [0]. */
static char **
notify_exec_environment(const struct notify_message *m)
{
	char	**env;
	size_t	  n = 0;

	while (environ[n] != NULL)
		n++;
	env = xreallocarray(NULL, n + 2, sizeof *env);
	env[0] = xasprintf("LOKET_MESSAGE_ID=%s", m->uuid);
	memcpy(env + 1, environ, (n + 1) * sizeof *env);
	return env;
}

/* Read the program's output until it ends or the deadline: 0, or -1. */
static int
notify_exec_read(int fd, time_t deadline, char *out, size_t *len)
{
	struct pollfd	 p = { fd, POLLIN, 0 };
	char		 scratch[512];
	ssize_t		 n;
	size_t		 room;

	for (;;) {
		if (time(NULL) >= deadline)
			return -1;
		if (poll(&p, 1, 200) <= 0)
			continue;
		if ((n = read(fd, scratch, sizeof scratch)) == 0)
			return 0;
		if (n < 0 && errno != EINTR)
			return 0;
		room = NOTIFY_EXEC_OUTPUT - 1 - *len;
		if (n > 0 && room > 0) {
			memcpy(out + *len, scratch, (size_t)n < room ?
			    (size_t)n : room);
			*len += (size_t)n < room ? (size_t)n : room;
		}
	}
}

/* Start argv clean: output to a pipe, input from nothing, no signals
 * blocked. The pid, or -1 and a cause. */
static pid_t
notify_exec_start(char **argv, char **env, int *out, char **cause)
{
	posix_spawn_file_actions_t	 actions;
	posix_spawnattr_t		 attr;
	sigset_t			 none, dflt;
	int				 pipefd[2], rc;
	pid_t				 pid;

	if (pipe2(pipefd, O_CLOEXEC) != 0) {
		*cause = xasprintf(_("Cannot run %s: %s"), argv[0],
		    strerror(errno));
		return -1;
	}
	sigemptyset(&none);
	sigemptyset(&dflt);
	sigaddset(&dflt, SIGPIPE);
	sigaddset(&dflt, SIGTERM);
	sigaddset(&dflt, SIGINT);
	sigaddset(&dflt, SIGHUP);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setsigdefault(&attr, &dflt);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK |
	    POSIX_SPAWN_SETSIGDEF);
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null",
	    O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&actions, pipefd[1], STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&actions, pipefd[1], STDERR_FILENO);
	rc = posix_spawnp(&pid, argv[0], &actions, &attr, argv, env);
	posix_spawn_file_actions_destroy(&actions);
	posix_spawnattr_destroy(&attr);
	close(pipefd[1]);
	if (rc != 0) {
		close(pipefd[0]);
		*cause = xasprintf(_("Cannot run %s: %s"), argv[0],
		    strerror(rc));
		return -1;
	}
	*out = pipefd[0];
	return pid;
}

/* The last line the program wrote, safe for a terminal; owned. */
static char *
notify_exec_last_line(char *out, size_t len)
{
	char	*line;

	while (len > 0 && (out[len - 1] == '\n' || out[len - 1] == ' '))
		len--;
	out[len] = '\0';
	line = strrchr(out, '\n');
	return text_sanitize(line != NULL ? line + 1 : out, 1);
}

/*
 * Run argv for at most timeout seconds: its exit status, or -1 with a
 * cause when it could not start, was stopped or died of a signal.
 */
static int
notify_exec_run(char **argv, const struct notify_message *m, int timeout,
    char **cause)
{
	char	**env, out[NOTIFY_EXEC_OUTPUT], *last;
	size_t	  len = 0;
	pid_t	  pid;
	int	  fd, status, stopped;

	env = notify_exec_environment(m);
	pid = notify_exec_start(argv, env, &fd, cause);
	free(env[0]);
	free(env);
	if (pid == -1)
		return -1;
	stopped = notify_exec_read(fd, time(NULL) + timeout, out, &len);
	close(fd);
	if (stopped)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		continue;
	last = notify_exec_last_line(out, len);
	if (stopped)
		*cause = xasprintf(_("%s did not finish in %d seconds and was "
		    "stopped."), argv[0], timeout);
	else if (!WIFEXITED(status))
		*cause = xasprintf(_("%s died of signal %d."), argv[0],
		    WTERMSIG(status));
	else if (WEXITSTATUS(status) != 0)
		*cause = xasprintf(_("%s failed (status %d): %s"), argv[0],
		    WEXITSTATUS(status), last);
	free(last);
	if (stopped || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

enum notify_result
notify_send_gammu(const struct config *c, const struct notify_message *m,
    char **cause)
{
	char	*argv[12], length[16];
	int	 n = 0, ucs2;

	argv[n++] = c->notify_gammu_inject != NULL ?
	    c->notify_gammu_inject : "gammu-smsd-inject";
	if (c->notify_gammu_config != NULL) {
		argv[n++] = "-c";
		argv[n++] = c->notify_gammu_config;
	}
	argv[n++] = "TEXT";
	argv[n++] = m->phone;
	/* A longer text goes as several parts, each a part of one SMS. */
	snprintf(length, sizeof length, "%d", notify_sms_length(m->body,
	    &ucs2));
	if (ucs2)
		argv[n++] = "-unicode";
	argv[n++] = "-len";
	argv[n++] = length;
	argv[n++] = "-text";
	argv[n++] = m->body;
	argv[n] = NULL;
	if (notify_exec_run(argv, m, c->notify_timeout, cause) != 0)
		return NOTIFY_RETRY;
	return NOTIFY_DELIVERED;
}

enum notify_result
notify_send_command(const struct config *c, const struct notify_message *m,
    char **cause)
{
	char	*words, *word, *next, *argv[NOTIFY_EXEC_ARGS + 3];
	int	 n = 0, status;

	words = xstrdup(c->notify_command);
	for (next = words; n < NOTIFY_EXEC_ARGS &&
	    (word = strsep(&next, " \t")) != NULL;) {
		if (*word != '\0')
			argv[n++] = word;
	}
	argv[n++] = m->phone;
	argv[n++] = m->body;
	argv[n] = NULL;
	status = notify_exec_run(argv, m, c->notify_timeout, cause);
	free(words);
	if (status == 0)
		return NOTIFY_DELIVERED;
	return status == NOTIFY_EXEC_REFUSED ? NOTIFY_PERMANENT : NOTIFY_RETRY;
}
