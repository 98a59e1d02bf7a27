/* Events: one line each on standard output, never blocking. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#include "speech/event.h"

void
event_init(void)
{
	int	 flags;

	if ((flags = fcntl(STDOUT_FILENO, F_GETFL)) != -1)
		fcntl(STDOUT_FILENO, F_SETFL, flags | O_NONBLOCK);
}

void
event_write(const char *fmt, ...)
{
	char	 line[512];
	va_list	 ap;
	int	 len;

	va_start(ap, fmt);
	len = vsnprintf(line, sizeof line - 1, fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	if ((size_t)len > sizeof line - 2)
		len = sizeof line - 2;
	line[len++] = '\n';
	/* One write, so that the two threads' lines never interleave. */
	while (write(STDOUT_FILENO, line, len) == -1 && errno == EINTR)
		;
}
