/* Printed tickets: ESC/POS or text documents, and sending them. */
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

#include <qrencode.h>

#include "common/i18n.h"
#include "common/xmalloc.h"
#include "office/printer.h"

#define PRINTER_TIMEOUT_MS	3000	/* a jammed printer takes nothing */
#define PRINTER_QR_SCALE	4	/* dots per QR module on paper */
#define PRINTER_COMMAND_MS	10000	/* a print command's time to finish */

extern char **environ;

/* A growing byte buffer. */
struct printer_buffer {
	char	*data;
	size_t	 len;
};

static void
printer_add(struct printer_buffer *b, const void *bytes, size_t len)
{
	b->data = xreallocarray(b->data, b->len + len + 1, 1);
	memcpy(b->data + b->len, bytes, len);
	b->len += len;
	b->data[b->len] = '\0';
}

static void
printer_add_text(struct printer_buffer *b, const char *text)
{
	printer_add(b, text, strlen(text));
}

const char *const printer_type_names[] = {
	[PRINTER_NONE] = "none",
	[PRINTER_TEXT] = "text",
	[PRINTER_ESCPOS] = "escpos",
	NULL
};

int
printer_parse_type(const char *name, enum printer_type *type)
{
	int	 i;

	for (i = 0; printer_type_names[i] != NULL; i++) {
		if (strcmp(name, printer_type_names[i]) == 0) {
			*type = i;
			return 0;
		}
	}
	return -1;
}

/* The QR code as text: two characters per module, quiet zone around. */
static void
printer_qr_text(struct printer_buffer *b, const QRcode *qr)
{
	int	 x, y, quiet = 2;

	for (y = -quiet; y < qr->width + quiet; y++) {
		for (x = -quiet; x < qr->width + quiet; x++) {
			int dark = x >= 0 && y >= 0 && x < qr->width &&
			    y < qr->width && (qr->data[y * qr->width + x] & 1);

			printer_add_text(b, dark ? "##" : "  ");
		}
		printer_add_text(b, "\n");
	}
}

/* The QR code as an ESC/POS raster image (GS v 0). */
static void
printer_qr_escpos(struct printer_buffer *b, const QRcode *qr)
{
	unsigned char	 header[8], *row;
	int		 dots = qr->width * PRINTER_QR_SCALE;
	int		 bytes = (dots + 7) / 8, x, y, bit;

	header[0] = 0x1d; header[1] = 'v'; header[2] = '0'; header[3] = 0;
	header[4] = bytes & 0xff; header[5] = bytes >> 8;
	header[6] = dots & 0xff; header[7] = dots >> 8;
	printer_add(b, header, sizeof header);
	row = xmalloc(bytes);
	for (y = 0; y < dots; y++) {
		memset(row, 0, bytes);
		for (x = 0; x < dots; x++) {
			bit = qr->data[(y / PRINTER_QR_SCALE) * qr->width +
			    x / PRINTER_QR_SCALE] & 1;
			if (bit)
				row[x / 8] |= 0x80 >> (x % 8);
		}
		printer_add(b, row, bytes);
	}
	free(row);
}

char *
printer_document(enum printer_type type, const struct printer_ticket *t,
    size_t *len)
{
	static const unsigned char	 init[] = { 0x1b, '@' };
	static const unsigned char	 center[] = { 0x1b, 'a', 1 };
	static const unsigned char	 big[] = { 0x1d, '!', 0x33 };
	static const unsigned char	 normal[] = { 0x1d, '!', 0x00 };
	static const unsigned char	 cut[] = { 0x1d, 'V', 66, 3 };
	struct printer_buffer		 b = { NULL, 0 };
	QRcode				*qr;
	int				 escpos = type == PRINTER_ESCPOS;

	qr = QRcode_encodeString8bit(t->code, 0, QR_ECLEVEL_M);
	if (escpos) {
		printer_add(&b, init, sizeof init);
		printer_add(&b, center, sizeof center);
	}
	printer_add_text(&b, t->office);
	printer_add_text(&b, "\n");
	printer_add_text(&b, t->service);
	printer_add_text(&b, "\n\n");
	if (escpos)
		printer_add(&b, big, sizeof big);
	printer_add_text(&b, t->label);
	printer_add_text(&b, "\n");
	if (escpos)
		printer_add(&b, normal, sizeof normal);
	printer_add_text(&b, "\n");
	printer_add_text(&b, t->when);
	printer_add_text(&b, "\n");
	printer_add_text(&b, t->ahead);
	printer_add_text(&b, "\n\n");
	if (qr != NULL) {
		if (escpos)
			printer_qr_escpos(&b, qr);
		else
			printer_qr_text(&b, qr);
		QRcode_free(qr);
	}
	printer_add_text(&b, "\n\n\n");
	if (escpos)
		printer_add(&b, cut, sizeof cut);
	*len = b.len;
	return b.data;
}

/* Write everything, waiting at most the timeout for a slow device. */
static int
printer_write(int fd, const char *doc, size_t len, char **cause)
{
	struct pollfd	 pfd = { fd, POLLOUT, 0 };
	ssize_t		 n;
	size_t		 done = 0;
	int		 waited = 0;

	while (done < len) {
		n = write(fd, doc + done, len - done);
		if (n > 0) {
			done += n;
			continue;
		}
		if (n < 0 && errno != EAGAIN && errno != EINTR) {
			*cause = xasprintf(_("The printer reports an error: "
			    "%s."), strerror(errno));
			return -1;
		}
		if (waited >= PRINTER_TIMEOUT_MS || poll(&pfd, 1, 250) < 0) {
			*cause = xstrdup(_("The printer does not take the "
			    "ticket: it may be jammed or out of paper."));
			return -1;
		}
		waited += 250;
	}
	return 0;
}

static int
printer_send_device(const char *path, const char *doc, size_t len,
    char **cause)
{
	int	 fd, rc;

	fd = open(path, O_WRONLY | O_APPEND | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0 && errno == ENOENT && strncmp(path, "/dev/", 5) != 0)
		fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
		    0644);
	if (fd < 0) {
		*cause = xasprintf(_("There is no printer at %s (%s)."), path,
		    strerror(errno));
		return -1;
	}
	rc = printer_write(fd, doc, len, cause);
	close(fd);
	return rc;
}

/* Run the command with the document on its input; nothing on screen. */
static int
printer_send_command(const char *command, const char *doc, size_t len,
    char **cause)
{
	posix_spawn_file_actions_t	 actions;
	char				*argv[] = { "sh", "-c", NULL, NULL };
	int				 pipefd[2], status, rc, waited;
	pid_t				 pid;

	if (pipe2(pipefd, O_CLOEXEC) != 0) {
		*cause = xasprintf(_("Cannot start the print command: %s."),
		    strerror(errno));
		return -1;
	}
	argv[2] = (char *)command;
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_adddup2(&actions, pipefd[0], STDIN_FILENO);
	posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null",
	    O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null",
	    O_WRONLY, 0);
	rc = posix_spawn(&pid, "/bin/sh", &actions, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	close(pipefd[0]);
	if (rc != 0) {
		close(pipefd[1]);
		*cause = xasprintf(_("Cannot start the print command: %s."),
		    strerror(rc));
		return -1;
	}
	rc = printer_write(pipefd[1], doc, len, cause);
	close(pipefd[1]);
	/* A command that hangs must not hang the kiosk: wait, then stop it. */
	for (waited = 0; waitpid(pid, &status, WNOHANG) == 0; waited += 100) {
		if (waited >= PRINTER_COMMAND_MS) {
			kill(pid, SIGKILL);
			while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
				continue;
			if (rc != 0)
				free(*cause);
			*cause = xstrdup(_("The print command did not finish "
			    "and was stopped."));
			return -1;
		}
		poll(NULL, 0, 100);
	}
	/* A command that stopped reading says best why by its status. */
	if (rc != 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return -1;
	if (rc != 0)
		free(*cause);
	if (rc != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*cause = xasprintf(_("The print command failed (status %d)."),
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return -1;
	}
	return 0;
}

int
printer_send(const struct printer *p, const char *doc, size_t len,
    char **cause)
{
	if (p->type == PRINTER_NONE)
		return 0;
	if (p->command != NULL)
		return printer_send_command(p->command, doc, len, cause);
	if (p->device != NULL)
		return printer_send_device(p->device, doc, len, cause);
	*cause = xstrdup(_("No printer is set up: give a device or a "
	    "command in [printer]."));
	return -1;
}
