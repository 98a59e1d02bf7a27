/*
 * The command sink: for each utterance, /bin/sh -c COMMAND in a process
 * group of its own, fed the audio as a WAV stream on its standard input
 * (for example "aplay -D plughw:1 -q" for one seat's sound card). The
 * stream's header gives no length, as espeak-ng --stdout's does not.
 * Cancelling kills the whole group at once; so does loket-speech dying of
 * a signal (a synthesizer crash), so no command is left playing.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/xmalloc.h"
#include "speech/sink.h"
#include "speech/wav.h"

struct sink_command {
	char		*command;
	unsigned	 rate;
	pthread_mutex_t	 lock;		/* guards pid and killed */
	pid_t		 pid;		/* the command's process group, or 0 */
	atomic_int	 killed;
	int		 fd;		/* its standard input, or -1 */
};

/* The group to kill if loket-speech dies of a signal. */
static volatile sig_atomic_t	 sink_command_group;

static void
sink_command_crashed(int sig)
{
	if (sink_command_group > 0)
		kill(-sink_command_group, SIGKILL);
	signal(sig, SIG_DFL);
	raise(sig);
}

static int
sink_command_open(struct sink *sink, unsigned rate, char **cause)
{
	struct sink_command	*c = sink->data;

	c->rate = rate;
	if (access("/bin/sh", X_OK) != 0) {
		*cause = xasprintf("cannot run /bin/sh: %s", strerror(errno));
		return -2;
	}
	return 0;
}

/* In the child: become the command, reading the audio on stdin. */
static void __attribute__((noreturn))
sink_command_exec(const char *command, int fd)
{
	setpgid(0, 0);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	dup2(fd, STDIN_FILENO);
	dup2(STDERR_FILENO, STDOUT_FILENO);	/* its output goes to the log */
	signal(SIGPIPE, SIG_DFL);
	execl("/bin/sh", "sh", "-c", command, (char *)NULL);
	_exit(127);
}

/* Write it all, unless the command is gone. */
static int
sink_command_write_all(struct sink_command *c, const void *data, size_t len,
    char **cause)
{
	const char	*p = data;
	ssize_t		 n;

	while (len > 0) {
		if ((n = write(c->fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			if (c->killed)
				return 0;	/* cancelled meanwhile */
			*cause = xasprintf("command stopped reading: %s",
			    strerror(errno));
			return -1;
		}
		p += n;
		len -= n;
	}
	return 0;
}

static int
sink_command_begin(struct sink *sink, const struct utterance *u,
    char **cause)
{
	struct sink_command	*c = sink->data;
	unsigned char		 header[WAV_HEADER_SIZE];
	int			 fds[2];
	pid_t			 pid;

	if (pipe2(fds, O_CLOEXEC) != 0) {
		*cause = xasprintf("cannot make a pipe: %s", strerror(errno));
		return -1;
	}
	if ((pid = fork()) == -1) {
		*cause = xasprintf("cannot start the command: %s",
		    strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0)
		sink_command_exec(c->command, fds[0]);
	setpgid(pid, pid);	/* as the child does: whichever runs first */
	close(fds[0]);
	pthread_mutex_lock(&c->lock);
	c->pid = pid;
	c->killed = 0;
	c->fd = fds[1];
	sink_command_group = pid;
	pthread_mutex_unlock(&c->lock);
	wav_header(header, c->rate, WAV_STREAM_SIZE);
	return sink_command_write_all(c, header, sizeof header, cause);
}

static int
sink_command_write(struct sink *sink, const short *samples, size_t n,
    char **cause)
{
	return sink_command_write_all(sink->data, samples, n * sizeof *samples,
	    cause);
}

/* Wait for the command to end and forget it; its status. */
static int
sink_command_reap(struct sink_command *c)
{
	siginfo_t	 info;
	int		 status = 0;
	pid_t		 pid = c->pid;

	if (c->fd != -1) {
		close(c->fd);
		c->fd = -1;
	}
	if (pid <= 0)
		return 0;
	/* Wait without reaping, so that a cancel meanwhile still kills
	 * this group and never a process that took its number. */
	while (waitid(P_PID, pid, &info, WEXITED | WNOWAIT) == -1 &&
	    errno == EINTR)
		;
	pthread_mutex_lock(&c->lock);
	c->pid = 0;
	sink_command_group = 0;
	pthread_mutex_unlock(&c->lock);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	return status;
}

static int
sink_command_drain(struct sink *sink, char **cause)
{
	struct sink_command	*c = sink->data;
	int			 status;

	status = sink_command_reap(c);
	if (c->killed || (WIFEXITED(status) && WEXITSTATUS(status) == 0))
		return 0;
	if (WIFEXITED(status))
		*cause = xasprintf("command failed with status %d",
		    WEXITSTATUS(status));
	else
		*cause = xasprintf("command killed by signal %d",
		    WTERMSIG(status));
	return -1;
}

static void
sink_command_cancel(struct sink *sink)
{
	struct sink_command	*c = sink->data;

	pthread_mutex_lock(&c->lock);
	c->killed = 1;
	if (c->pid > 0)
		kill(-c->pid, SIGKILL);
	pthread_mutex_unlock(&c->lock);
}

static void
sink_command_finish(struct sink *sink, const struct utterance *u,
    int cancelled)
{
	struct sink_command	*c = sink->data;

	if (cancelled)
		sink_command_cancel(sink);
	sink_command_reap(c);
}

static void
sink_command_discard(struct sink *sink, const struct utterance *u)
{
}

static void
sink_command_free(struct sink *sink)
{
	struct sink_command	*c = sink->data;

	sink_command_cancel(sink);
	sink_command_reap(c);
	pthread_mutex_destroy(&c->lock);
	free(c->command);
	free(c);
	free(sink);
}

static const struct sink_ops sink_command_ops = {
	.name = "command",
	.chimes = 1,
	.open = sink_command_open,
	.begin = sink_command_begin,
	.write = sink_command_write,
	.drain = sink_command_drain,
	.finish = sink_command_finish,
	.discard = sink_command_discard,
	.cancel = sink_command_cancel,
	.free = sink_command_free,
};

struct sink *
sink_command_new(const char *command)
{
	struct sink		*sink = xcalloc(1, sizeof *sink);
	struct sink_command	*c = xcalloc(1, sizeof *c);
	struct sigaction	 sa;
	const int		 crashes[] = { SIGABRT, SIGSEGV, SIGBUS, SIGILL,
				    SIGFPE };
	size_t			 i;

	c->command = xstrdup(command);
	c->fd = -1;
	pthread_mutex_init(&c->lock, NULL);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = sink_command_crashed;
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof crashes / sizeof crashes[0]; i++)
		sigaction(crashes[i], &sa, NULL);
	sink->ops = &sink_command_ops;
	sink->data = c;
	return sink;
}
