/*
 * faultproxy: a small HTTP/1.1 proxy between the office agent and
 * loketd that injects one fault per request, for tests/sync-faults.sh.
 * Not installed.
 *
 *	faultproxy PORTFILE TARGETPORT CONTROLFILE [LOGFILE]
 *
 * It listens on 127.0.0.1 (a port the system chooses, written to
 * PORTFILE once it listens) and forwards each request to 127.0.0.1:
 * TARGETPORT. Before each request it takes the first line of
 * CONTROLFILE (the line is removed; no line means "pass"):
 *
 *	pass		forward the request and the answer
 *	refuse		close the connection at once, reading nothing
 *	drop		forward the request; loketd answers; close without
 *			a byte of the answer (the work is done, unheard)
 *	delay N		forward the request, hold the answer N seconds
 *	truncate	send the answer's head and half its body, then close
 *	reset		the same, then a reset (SO_LINGER 0) instead of a close
 *	500		answer 500 without asking loketd
 *	503 N		answer 503 with Retry-After: N without asking loketd
 *
 * Each request is logged to LOGFILE as "SECONDS FAULT METHOD PATH" (the
 * time since the epoch, in milliseconds) before it is forwarded.
 * Answers are read by their Content-Length (loketd always sends one),
 * or to the end of the connection.
 */
#include "config.h"

#include <sys/file.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define HEAD_MAX	(64 * 1024)

/* A message (request or answer) read whole: its head and its body. */
struct message {
	char	*data;
	size_t	 length;	/* bytes held */
	size_t	 head;		/* bytes of the head, blank line included */
	size_t	 body;		/* bytes of the body */
};

static const char	*control, *logfile;
static int		 target;
static struct message	 request, answer;	/* of this connection */

static void __attribute__((noreturn))
die(const char *what)
{
	perror(what);
	exit(2);
}

/* Take the first line of the control file: the fault for this request. */
static void
next_fault(char *fault, size_t size)
{
	FILE	*f;
	char	*rest = NULL;
	size_t	 length = 0;
	int	 c;

	snprintf(fault, size, "pass");
	if ((f = fopen(control, "r+")) == NULL)
		return;
	flock(fileno(f), LOCK_EX);
	if (fgets(fault, size, f) == NULL)
		snprintf(fault, size, "pass");
	fault[strcspn(fault, "\n")] = '\0';
	rest = malloc(HEAD_MAX);
	while (rest != NULL && length < HEAD_MAX - 1 && (c = fgetc(f)) != EOF)
		rest[length++] = c;
	if (rest != NULL && ftruncate(fileno(f), 0) == 0) {
		rewind(f);
		fwrite(rest, 1, length, f);
	}
	free(rest);
	fclose(f);		/* the lock goes with it */
}

/* Log what is done to a request: "SECONDS FAULT METHOD PATH". */
static void
note(const char *fault, const struct message *m)
{
	struct timespec	 now;
	FILE		*f;
	size_t		 line = 0;

	if (logfile == NULL || (f = fopen(logfile, "a")) == NULL)
		return;
	if (m != NULL && (line = strcspn(m->data, "\r\n")) > 9 &&
	    strncmp(m->data + line - 9, " HTTP/1.", 8) == 0)
		line -= 9;
	clock_gettime(CLOCK_REALTIME, &now);
	fprintf(f, "%lld.%03ld %s %.*s\n", (long long)now.tv_sec,
	    now.tv_nsec / 1000000, fault, (int)line, m != NULL ? m->data : "");
	fclose(f);
}

/* The value of a header in a head, or NULL. */
static const char *
header(const struct message *m, const char *name)
{
	const char	*p = m->data;
	size_t		 n = strlen(name);

	while ((p = strstr(p, "\r\n")) != NULL && p < m->data + m->head) {
		p += 2;
		if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
			p += n + 1;
			while (*p == ' ')
				p++;
			return p;
		}
	}
	return NULL;
}

/* Read until the head is whole: 0, or -1 at the end of the connection. */
static int
read_head(int fd, struct message *m)
{
	char	*end;
	ssize_t	 n;

	m->length = m->head = m->body = 0;
	for (;;) {
		m->data[m->length] = '\0';
		if ((end = strstr(m->data, "\r\n\r\n")) != NULL) {
			m->head = end + 4 - m->data;
			return 0;
		}
		if (m->length == HEAD_MAX - 1)
			return -1;
		n = read(fd, m->data + m->length, HEAD_MAX - 1 - m->length);
		if (n <= 0)
			return -1;
		m->length += n;
	}
}

/* Read the body (by Content-Length, or to the end when until_close). */
static int
read_body(int fd, struct message *m, int until_close)
{
	const char	*length = header(m, "Content-Length");
	size_t		 want, have;
	ssize_t		 n;

	if (length == NULL && !until_close) {
		m->body = 0;
		return 0;
	}
	want = length != NULL ? strtoul(length, NULL, 10) : (size_t)-1;
	for (;;) {
		have = m->length - m->head;
		if (have >= want)
			break;
		m->data = realloc(m->data, m->length + 65536 + 1);
		if (m->data == NULL)
			die("realloc");
		n = read(fd, m->data + m->length, 65536);
		if (n < 0)
			return -1;
		if (n == 0) {
			if (length != NULL)
				return -1;
			break;
		}
		m->length += n;
	}
	m->body = have < want ? have : want;
	m->data[m->head + m->body] = '\0';
	return 0;
}

static void
write_all(int fd, const char *p, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		if ((w = write(fd, p, n)) <= 0)
			exit(0);	/* the other side has gone */
		p += w;
		n -= w;
	}
}

/* Forward the request to loketd without its Expect header. */
static void
forward(int server, const struct message *request)
{
	const char	*expect = header(request, "Expect");
	const char	*start, *end;

	if (expect == NULL) {
		write_all(server, request->data, request->head + request->body);
		return;
	}
	start = expect;
	while (start > request->data && start[-1] != '\n')
		start--;
	end = strstr(expect, "\r\n") + 2;
	write_all(server, request->data, start - request->data);
	write_all(server, end, request->data + request->head + request->body -
	    end);
}

static int
connect_target(void)
{
	struct sockaddr_in	 sin;
	int			 fd;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		die("socket");
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_port = htons(target);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&sin, sizeof sin) == -1) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Close with a reset rather than an orderly end. */
static void
reset(int fd)
{
	struct linger	 l = { 1, 0 };

	setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
	close(fd);
}

/* One client connection: its requests in turn, each with its fault. */
static void __attribute__((noreturn))
serve(int client)
{
	const char	*expect;
	char		 fault[128], canned[256];
	int		 server = -1;

	request.data = malloc(HEAD_MAX + 1);
	answer.data = malloc(HEAD_MAX + 1);
	if (request.data == NULL || answer.data == NULL)
		die("malloc");
	for (;;) {
		next_fault(fault, sizeof fault);
		if (strcmp(fault, "refuse") == 0) {
			note(fault, NULL);
			break;
		}
		if (read_head(client, &request) != 0)
			break;
		expect = header(&request, "Expect");
		if (expect != NULL && strncasecmp(expect, "100-continue", 12) == 0)
			write_all(client, "HTTP/1.1 100 Continue\r\n\r\n", 25);
		if (read_body(client, &request, 0) != 0)
			break;
		note(fault, &request);
		if (fault[0] == '5') {
			snprintf(canned, sizeof canned, "HTTP/1.1 %.3s Failed\r\n"
			    "Content-Type: application/json\r\n"
			    "Content-Length: 22\r\n%s%s%s"
			    "Connection: close\r\n\r\n"
			    "{\"error\":\"injected\"}\r\n", fault,
			    fault[3] == ' ' ? "Retry-After: " : "",
			    fault[3] == ' ' ? fault + 4 : "",
			    fault[3] == ' ' ? "\r\n" : "");
			write_all(client, canned, strlen(canned));
			break;
		}
		if (server == -1 && (server = connect_target()) == -1) {
			note("unreachable", &request);
			break;
		}
		forward(server, &request);
		if (read_head(server, &answer) != 0 ||
		    read_body(server, &answer, 1) != 0) {
			note("lost", &request);
			break;
		}
		if (strcmp(fault, "drop") == 0)
			break;
		if (strncmp(fault, "delay", 5) == 0)
			sleep(atoi(fault + 5));
		if (strcmp(fault, "truncate") == 0 ||
		    strcmp(fault, "reset") == 0) {
			write_all(client, answer.data, answer.head +
			    answer.body / 2);
			if (fault[0] == 'r')
				reset(client);
			else
				close(client);
			exit(0);
		}
		write_all(client, answer.data, answer.head + answer.body);
		if (header(&answer, "Content-Length") == NULL)
			break;	/* it ended with the connection */
		/* What follows the body in the buffer is not expected. */
	}
	close(client);
	exit(0);
}

int
main(int argc, char **argv)
{
	struct sockaddr_in	 sin;
	socklen_t		 len = sizeof sin;
	FILE			*f;
	char			*tmp;
	int			 listener, client, one = 1;

	if (argc != 4 && argc != 5) {
		fprintf(stderr, "usage: faultproxy PORTFILE TARGETPORT "
		    "CONTROLFILE [LOGFILE]\n");
		return 2;
	}
	target = atoi(argv[2]);
	control = argv[3];
	logfile = argc == 5 ? argv[4] : NULL;
	signal(SIGPIPE, SIG_IGN);
	signal(SIGCHLD, SIG_IGN);	/* no zombies */
	if ((listener = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		die("socket");
	setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(listener, (struct sockaddr *)&sin, sizeof sin) == -1 ||
	    listen(listener, 64) == -1 ||
	    getsockname(listener, (struct sockaddr *)&sin, &len) == -1)
		die("listen");
	/* Written whole, then renamed: a reader never sees half a port. */
	if (asprintf(&tmp, "%s.new", argv[1]) == -1 ||
	    (f = fopen(tmp, "w")) == NULL)
		die(argv[1]);
	fprintf(f, "%d\n", ntohs(sin.sin_port));
	if (fclose(f) != 0 || rename(tmp, argv[1]) != 0)
		die(argv[1]);
	free(tmp);
	for (;;) {
		if ((client = accept(listener, NULL, NULL)) == -1) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			die("accept");
		}
		switch (fork()) {
		case -1:
			die("fork");
		case 0:
			close(listener);
			serve(client);	/* never returns */
			break;
		}
		close(client);
	}
}
