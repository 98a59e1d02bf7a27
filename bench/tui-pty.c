/* tui-pty -- run a command in a fresh pseudo-terminal and measure its output.
 *
 * Used by bench/tui; not part of loket.  Build:
 *     cc -O2 -o bench/tui-pty bench/tui-pty.c -lutil
 *
 * Usage: tui-pty [-c COLS] [-r ROWS] [-t TERM] [-q QUIET_MS] [-s START_MS]
 *                [-R REPLY_MS] [-i IDLE_MS] [-o PREFIX] [-k KEYS]... -- CMD [ARG]...
 *
 * The command runs in a new pty of COLSxROWS (default 80x24) with TERM
 * (default vt100) in its environment and LINES/COLUMNS removed.  Every
 * byte it writes is counted with its arrival time.
 *
 *   phase 0   wait up to START_MS (default 10000) for the first byte, then
 *             until no output for QUIET_MS (default 300): the first paint.
 *   phase N   for the Nth -k: send KEYS (C escapes: \033 \e \n \r \t \\ \xHH),
 *             wait up to REPLY_MS (default 1000) for a first byte, then until
 *             QUIET_MS of silence.
 *   idle      then watch IDLE_MS more (default 0) and count what arrives:
 *             a program at rest should write nothing.
 *
 * Then SIGTERM, drain the pty, reap with wait4 (SIGKILL after 3 s) and
 * print key=value lines on stdout:
 *   exec_ok, first_byte_ms, paint_ms, paint_bytes, paint_reads,
 *   keyN_bytes, keyN_first_ms, keyN_ms, idle_bytes, idle_reads,
 *   idle_first_ms, hwm_kib (the program's own peak RSS, read from /proc
 *   before the SIGTERM), maxrss_kib (wait4's: its reaped children too), exit
 * Times are milliseconds: phase 0 from the exec (seen as the close of an
 * close-on-exec pipe), key phases from the moment the key was written.  *_ms
 * for a paint is the arrival of its last byte (the quiet wait is not
 * counted).  A time is -1 when no byte came.  -o PREFIX writes the raw
 * bytes of each phase to PREFIX.0, PREFIX.1, ..., PREFIX.idle.
 */
#define _DEFAULT_SOURCE
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MAX_KEYS 16

static int master = -1;
static const char *prefix;

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
die(const char *what)
{
	fprintf(stderr, "tui-pty: %s: %s\n", what, strerror(errno));
	exit(2);
}

static void
usage(void)
{
	fputs("usage: tui-pty [-c COLS] [-r ROWS] [-t TERM] [-q QUIET_MS] [-s START_MS]\n"
	      "               [-R REPLY_MS] [-i IDLE_MS] [-o PREFIX] [-k KEYS]... -- CMD [ARG]...\n",
	      stderr);
	exit(2);
}

static long
num(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0)
		usage();
	return v;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode C escapes in S into a new buffer; *LEN gets the length. */
static char *
unescape(const char *s, size_t *len)
{
	char *out = malloc(strlen(s) + 1);
	size_t n = 0;

	if (!out)
		die("malloc");
	while (*s) {
		if (*s != '\\' || !s[1]) {
			out[n++] = *s++;
			continue;
		}
		s++;
		switch (*s) {
		case 'e': out[n++] = 033; s++; break;
		case 'n': out[n++] = '\n'; s++; break;
		case 'r': out[n++] = '\r'; s++; break;
		case 't': out[n++] = '\t'; s++; break;
		case '\\': out[n++] = '\\'; s++; break;
		case 'x': {
			int v = 0, d, i;

			s++;
			for (i = 0; i < 2 && (d = hexval(*s)) >= 0; i++, s++)
				v = v * 16 + d;
			out[n++] = (char)v;
			break;
		}
		default:
			if (*s >= '0' && *s <= '7') {
				int v = 0, i;

				for (i = 0; i < 3 && *s >= '0' && *s <= '7'; i++, s++)
					v = v * 8 + (*s - '0');
				out[n++] = (char)v;
			} else {
				out[n++] = *s++;
			}
		}
	}
	*len = n;
	return out;
}

struct phase {
	long bytes;
	long reads;
	double first;	/* arrival of the first byte, -1 if none */
	double last;	/* arrival of the last byte, -1 if none */
	FILE *raw;
};

/* Read what is available on the master into P.  Returns 0 on EOF/EIO
 * (the child closed the pty), 1 otherwise. */
static int
take(struct phase *p)
{
	char buf[8192];
	ssize_t n = read(master, buf, sizeof buf);

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 1;
	if (n <= 0)
		return 0;
	if (p) {
		double t = now_ms();

		if (p->first < 0)
			p->first = t;
		p->last = t;
		p->bytes += n;
		p->reads++;
		if (p->raw)
			fwrite(buf, 1, (size_t)n, p->raw);
	}
	return 1;
}

/* Wait up to FIRST_WAIT ms (from START) for a first byte, then until QUIET
 * ms pass without output.  With QUIET < 0 just collect until START +
 * FIRST_WAIT.  Returns 0 if the pty closed. */
static int
collect(struct phase *p, double start, long first_wait, long quiet)
{
	struct pollfd pfd = { .fd = master, .events = POLLIN };

	for (;;) {
		double deadline;
		int wait, r;

		if (quiet < 0 || p->last < 0)
			deadline = start + first_wait;
		else
			deadline = p->last + quiet;
		wait = (int)(deadline - now_ms() + 0.999);
		if (wait <= 0)
			return 1;
		r = poll(&pfd, 1, wait);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			die("poll");
		}
		if (r > 0 && !take(p))
			return 0;
	}
}

static void
open_raw(struct phase *p, const char *suffix)
{
	char name[4096];

	p->bytes = p->reads = 0;
	p->first = p->last = -1;
	p->raw = NULL;
	if (!prefix)
		return;
	snprintf(name, sizeof name, "%s.%s", prefix, suffix);
	p->raw = fopen(name, "wb");
	if (!p->raw)
		die(name);
}

static void
close_raw(struct phase *p)
{
	if (p->raw)
		fclose(p->raw);
	p->raw = NULL;
}

static double
rel(double t, double base)
{
	return t < 0 ? -1 : t - base;
}

/* VmHWM of a live process in KiB, from /proc; -1 if unknown. */
static long
vm_hwm_kib(pid_t pid)
{
	char	 path[64], line[256];
	long	 kib = -1;
	FILE	*f;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "VmHWM: %ld", &kib) == 1)
			break;
	}
	fclose(f);
	return kib;
}

int
main(int argc, char **argv)
{
	long cols = 80, rows = 24, quiet = 300, start_wait = 10000;
	long reply_wait = 1000, idle = 0;
	const char *term = "vt100";
	char *keys[MAX_KEYS];
	size_t keylen[MAX_KEYS];
	int nkeys = 0, opt, alive = 1, i, status = 0;
	int cpipe[2];
	struct winsize ws;
	struct phase p;
	struct rusage ru;
	double t_exec;
	pid_t pid;
	char code[sizeof(int)];
	ssize_t got;

	while ((opt = getopt(argc, argv, "+c:r:t:q:s:R:i:o:k:")) != -1) {
		switch (opt) {
		case 'c': cols = num(optarg); break;
		case 'r': rows = num(optarg); break;
		case 't': term = optarg; break;
		case 'q': quiet = num(optarg); break;
		case 's': start_wait = num(optarg); break;
		case 'R': reply_wait = num(optarg); break;
		case 'i': idle = num(optarg); break;
		case 'o': prefix = optarg; break;
		case 'k':
			if (nkeys == MAX_KEYS)
				usage();
			keys[nkeys] = unescape(optarg, &keylen[nkeys]);
			nkeys++;
			break;
		default: usage();
		}
	}
	if (optind >= argc || cols < 1 || rows < 1)
		usage();

	signal(SIGPIPE, SIG_IGN);
	memset(&ws, 0, sizeof ws);
	ws.ws_col = (unsigned short)cols;
	ws.ws_row = (unsigned short)rows;
	if (pipe(cpipe) < 0 || fcntl(cpipe[1], F_SETFD, FD_CLOEXEC) < 0)
		die("pipe2");

	pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0)
		die("forkpty");
	if (pid == 0) {
		int e;

		close(cpipe[0]);
		/* forkpty already set the size; set it again on the
		 * controlling terminal to be sure. */
		ioctl(STDIN_FILENO, TIOCSWINSZ, &ws);
		setenv("TERM", term, 1);
		unsetenv("LINES");
		unsetenv("COLUMNS");
		execvp(argv[optind], argv + optind);
		e = errno;
		if (write(cpipe[1], &e, sizeof e) < 0)
			_exit(127);
		_exit(127);
	}
	close(cpipe[1]);

	/* The pipe closes at the exec (or carries errno if exec failed). */
	got = read(cpipe[0], code, sizeof code);
	t_exec = now_ms();
	close(cpipe[0]);
	if (got > 0) {
		int e;

		memcpy(&e, code, sizeof e);
		fprintf(stderr, "tui-pty: cannot run %s: %s\n", argv[optind], strerror(e));
		printf("exec_ok=0\n");
		waitpid(pid, NULL, 0);
		return 2;
	}
	printf("exec_ok=1\n");

	/* Phase 0: first paint. */
	open_raw(&p, "0");
	alive = collect(&p, t_exec, start_wait, quiet);
	printf("first_byte_ms=%.1f\n", rel(p.first, t_exec));
	printf("paint_ms=%.1f\n", rel(p.last, t_exec));
	printf("paint_bytes=%ld\n", p.bytes);
	printf("paint_reads=%ld\n", p.reads);
	close_raw(&p);

	/* Key phases. */
	for (i = 0; i < nkeys; i++) {
		char suffix[16];
		double t_key;
		size_t off = 0;

		snprintf(suffix, sizeof suffix, "%d", i + 1);
		open_raw(&p, suffix);
		t_key = now_ms();
		while (alive && off < keylen[i]) {
			ssize_t w = write(master, keys[i] + off, keylen[i] - off);

			if (w < 0) {
				if (errno == EINTR || errno == EAGAIN)
					continue;
				alive = 0;
				break;
			}
			off += (size_t)w;
		}
		if (alive)
			alive = collect(&p, t_key, reply_wait, quiet);
		printf("key%d_bytes=%ld\n", i + 1, p.bytes);
		printf("key%d_first_ms=%.1f\n", i + 1, rel(p.first, t_key));
		printf("key%d_ms=%.1f\n", i + 1, rel(p.last, t_key));
		close_raw(&p);
	}

	/* Idle watch: a settled program should stay silent. */
	if (idle > 0) {
		double t_idle = now_ms();

		open_raw(&p, "idle");
		if (alive)
			alive = collect(&p, t_idle, idle, -1);
		printf("idle_bytes=%ld\n", p.bytes);
		printf("idle_reads=%ld\n", p.reads);
		printf("idle_first_ms=%.1f\n", rel(p.first, t_idle));
		close_raw(&p);
	}

	/* End it: SIGTERM, keep draining the pty so the child never blocks on
	 * a full buffer while it restores the terminal, reap; SIGKILL after
	 * 3 seconds. */
	/* The program's own peak, before it ends: wait4's figure below
	 * also counts the children it reaped (loket's speech process). */
	printf("hwm_kib=%ld\n", vm_hwm_kib(pid));
	kill(pid, SIGTERM);
	{
		double t_term = now_ms();
		int killed = 0;

		for (;;) {
			pid_t w = wait4(pid, &status, WNOHANG, &ru);
			struct pollfd pfd = { .fd = master, .events = POLLIN };

			if (w == pid)
				break;
			if (w < 0 && errno != EINTR)
				die("wait4");
			if (!killed && now_ms() - t_term > 3000) {
				kill(pid, SIGKILL);
				killed = 1;
			}
			if (alive && poll(&pfd, 1, 20) > 0)
				alive = take(NULL);
			else if (!alive)
				usleep(20000);
		}
	}
	close(master);
	printf("maxrss_kib=%ld\n", ru.ru_maxrss);
	if (WIFEXITED(status))
		printf("exit=%d\n", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		printf("exit=%d\n", 128 + WTERMSIG(status));
	for (i = 0; i < nkeys; i++)
		free(keys[i]);
	return 0;
}
