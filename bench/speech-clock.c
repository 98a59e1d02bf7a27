/*
 * speech-clock: times a speech process for bench/speech and
 * tests/speech-engine.sh. Not installed; built by bench/speech.
 *
 *   speech-clock -- PROGRAM ARGS...
 *	runs PROGRAM with its standard input and output on pipes and follows
 *	a script read on speech-clock's own standard input, one step a line:
 *	  send LINE         write LINE and a newline to PROGRAM; the clock
 *	                    of the waits restarts here
 *	  wait PREFIX NAME  wait for an output line starting with PREFIX;
 *	                    print NAME=MS, milliseconds since the last send
 *	  sleep MS          wait MS milliseconds
 *	  close NAME        close PROGRAM's input, wait for it to end; print
 *	                    NAME=MS (close to exit), status=, maxrss_kib=,
 *	                    cpu_s= (user + system)
 *   speech-clock -b -- PROGRAM ARGS...
 *	runs PROGRAM with its output on a pipe and prints first_byte_ms=
 *	(exec to the first byte of output), total_ms=, bytes=, status=,
 *	maxrss_kib=, cpu_s=.
 *   speech-clock -k MS -- PROGRAM ARGS...
 *	runs PROGRAM with its output on a pipe nobody reads (as a sound
 *	card that is busy playing), kills it with SIGTERM after MS
 *	milliseconds and prints kill_ms= (the kill to its end).
 *
 * Every line PROGRAM prints is copied to standard error with "< ". A wait
 * that sees nothing for 20 seconds prints NAME=timeout and exits 1.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CLOCK_TIMEOUT_MS	20000

static pid_t	 child;
static int	 to_child = -1, from_child = -1;
static char	 pending[65536];
static size_t	 npending;

static double
clock_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static pid_t
clock_spawn(char **argv, int with_input)
{
	int	 in[2], out[2];
	pid_t	 pid;

	if ((with_input && pipe(in) != 0) || pipe(out) != 0) {
		perror("pipe");
		exit(2);
	}
	if ((pid = fork()) == -1) {
		perror("fork");
		exit(2);
	}
	if (pid == 0) {
		if (with_input) {
			dup2(in[0], 0);
			close(in[0]);
			close(in[1]);
		}
		dup2(out[1], 1);
		close(out[0]);
		close(out[1]);
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	if (with_input) {
		close(in[0]);
		to_child = in[1];
	}
	close(out[1]);
	from_child = out[0];
	return pid;
}

/* Wait for a line starting with prefix; 0 found, -1 timeout or EOF. */
static int
clock_wait_line(const char *prefix)
{
	struct pollfd	 pfd = { from_child, POLLIN, 0 };
	double		 deadline = clock_ms() + CLOCK_TIMEOUT_MS;
	char		*nl;
	ssize_t		 n;
	size_t		 len;
	int		 found;

	for (;;) {
		while ((nl = memchr(pending, '\n', npending)) != NULL) {
			*nl = '\0';
			fprintf(stderr, "< %s\n", pending);
			found = strncmp(pending, prefix, strlen(prefix)) == 0;
			len = nl + 1 - pending;
			memmove(pending, nl + 1, npending - len);
			npending -= len;
			if (found)
				return 0;
		}
		if (clock_ms() > deadline)
			return -1;
		if (poll(&pfd, 1, 100) <= 0)
			continue;
		if (npending == sizeof pending)
			npending = 0;
		n = read(from_child, pending + npending,
		    sizeof pending - npending);
		if (n <= 0)
			return -1;
		npending += n;
	}
}

static void
clock_report_exit(int status, const struct rusage *ru)
{
	printf("status=%d\n", WIFEXITED(status) ? WEXITSTATUS(status) :
	    128 + WTERMSIG(status));
	printf("maxrss_kib=%ld\n", ru->ru_maxrss);
	printf("cpu_s=%.4f\n", ru->ru_utime.tv_sec + ru->ru_utime.tv_usec /
	    1e6 + ru->ru_stime.tv_sec + ru->ru_stime.tv_usec / 1e6);
}

/* The -b mode: exec to first byte of output, and the whole run. */
static int
clock_first_byte(char **argv)
{
	struct rusage	 ru;
	char		 buf[65536];
	double		 start = clock_ms(), first = -1;
	long		 bytes = 0;
	ssize_t		 n;
	int		 status;

	child = clock_spawn(argv, 0);
	while ((n = read(from_child, buf, sizeof buf)) != 0) {
		if (n == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (first < 0)
			first = clock_ms() - start;
		bytes += n;
	}
	wait4(child, &status, 0, &ru);
	printf("first_byte_ms=%.3f\n", first);
	printf("total_ms=%.3f\n", clock_ms() - start);
	printf("bytes=%ld\n", bytes);
	clock_report_exit(status, &ru);
	return 0;
}

/* The -k mode: how long a process takes to die when told. */
static int
clock_kill(char **argv, int ms)
{
	struct rusage	 ru;
	double		 killed;
	int		 status;

	child = clock_spawn(argv, 0);
	usleep(ms * 1000);
	killed = clock_ms();
	kill(child, SIGTERM);
	wait4(child, &status, 0, &ru);
	printf("kill_ms=%.3f\n", clock_ms() - killed);
	clock_report_exit(status, &ru);
	return 0;
}

int
main(int argc, char **argv)
{
	struct rusage	 ru;
	char		 line[65536], *arg, *name;
	double		 sent = clock_ms(), closed;
	size_t		 len;
	int		 status, first_byte = 0, kill_after = -1, i = 1;

	signal(SIGPIPE, SIG_IGN);
	if (i < argc && strcmp(argv[i], "-b") == 0) {
		first_byte = 1;
		i++;
	} else if (i + 1 < argc && strcmp(argv[i], "-k") == 0) {
		kill_after = atoi(argv[i + 1]);
		i += 2;
	}
	if (i >= argc || strcmp(argv[i], "--") != 0 || i + 1 >= argc) {
		fprintf(stderr,
		    "usage: speech-clock [-b | -k MS] -- PROGRAM ARGS...\n");
		return 2;
	}
	if (first_byte)
		return clock_first_byte(argv + i + 1);
	if (kill_after >= 0)
		return clock_kill(argv + i + 1, kill_after);
	child = clock_spawn(argv + i + 1, 1);
	setvbuf(stdout, NULL, _IOLBF, 0);
	while (fgets(line, sizeof line, stdin) != NULL) {
		len = strlen(line);
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		arg = strchr(line, ' ');
		if (arg != NULL)
			*arg++ = '\0';
		if (strcmp(line, "send") == 0 && arg != NULL) {
			len = strlen(arg);
			arg[len] = '\n';
			sent = clock_ms();
			if (write(to_child, arg, len + 1) == -1)
				perror("write");
		} else if (strcmp(line, "wait") == 0 && arg != NULL &&
		    (name = strrchr(arg, ' ')) != NULL) {
			*name++ = '\0';
			if (clock_wait_line(arg) != 0) {
				printf("%s=timeout\n", name);
				kill(child, SIGKILL);
				return 1;
			}
			printf("%s=%.3f\n", name, clock_ms() - sent);
		} else if (strcmp(line, "sleep") == 0 && arg != NULL)
			usleep(atoi(arg) * 1000);
		else if (strcmp(line, "close") == 0 && arg != NULL) {
			closed = clock_ms();
			close(to_child);
			while (clock_wait_line("\n") == 0)
				;	/* copy what it says until its end */
			wait4(child, &status, 0, &ru);
			printf("%s=%.3f\n", arg, clock_ms() - closed);
			clock_report_exit(status, &ru);
			return 0;
		} else {
			fprintf(stderr, "speech-clock: bad step: %s\n", line);
			return 2;
		}
	}
	return 0;
}
