/* Events: one line each on standard output, never blocking. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#include "common/speech-report.h"
#include "speech/event.h"

void
event_init(void)
{
	int	 flags;

	if ((flags = fcntl(STDOUT_FILENO, F_GETFL)) != -1)
		fcntl(STDOUT_FILENO, F_SETFL, flags | O_NONBLOCK);
}

void
event_write(enum speech_report_kind kind, const char *fmt, ...)
{
	char	 line[512];
	va_list	 ap;
	int	 len, head;

	head = snprintf(line, sizeof line, "%s ", speech_report_name(kind));
	if (head < 0 || (size_t)head >= sizeof line)
		return;
	va_start(ap, fmt);
	len = vsnprintf(line + head, sizeof line - 1 - head, fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	len += head;
	if (len > head && line[len - 1] == ' ')
		len--;	/* a report without details */
	if ((size_t)len > sizeof line - 2)
		len = sizeof line - 2;
	line[len++] = '\n';
	/* One write, so that the two threads' lines never interleave. */
	while (write(STDOUT_FILENO, line, len) == -1 && errno == EINTR)
		;
}
