/* The log: to a file (-v adds debug detail) or to syslog. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "common/log.h"
#include "common/xmalloc.h"

static FILE	*log_file;
static int	 log_syslog;
static int	 log_verbose;

int
log_open(const char *path, int verbose, char **cause)
{
	log_close();
	log_verbose = verbose;
	if (path == NULL) {
		openlog("loket", LOG_PID, LOG_USER);
		log_syslog = 1;
		return 0;
	}
	if ((log_file = fopen(path, "a")) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	setvbuf(log_file, NULL, _IOLBF, 0);
	return 0;
}

void
log_close(void)
{
	if (log_file != NULL)
		fclose(log_file);
	log_file = NULL;
	if (log_syslog)
		closelog();
	log_syslog = 0;
}

static void
log_vwrite(int priority, const char *tag, const char *fmt, va_list ap)
{
	char		 stamp[32];
	struct tm	 tm;
	time_t		 now;

	if (priority == LOG_DEBUG && !log_verbose)
		return;
	if (log_file != NULL) {
		now = time(NULL);
		localtime_r(&now, &tm);
		strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
		fprintf(log_file, "%s [%ld] %s: ", stamp, (long)getpid(), tag);
		vfprintf(log_file, fmt, ap);
		fputc('\n', log_file);
	} else if (log_syslog)
		vsyslog(priority, fmt, ap);
}

#define LOG_FUNCTION(name, priority, tag)			\
void								\
name(const char *fmt, ...)					\
{								\
	va_list	 ap;						\
								\
	va_start(ap, fmt);					\
	log_vwrite(priority, tag, fmt, ap);			\
	va_end(ap);						\
}

LOG_FUNCTION(log_debug, LOG_DEBUG, "debug")
LOG_FUNCTION(log_info, LOG_INFO, "info")
LOG_FUNCTION(log_warn, LOG_WARNING, "warning")
LOG_FUNCTION(log_error, LOG_ERR, "error")
