/* Allocation that cannot fail (out of memory is fatal), and fatal(). */
#ifndef LOKET_XMALLOC_H
#define LOKET_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* Called by fatal() before it prints, to give the terminal back. */
void	 fatal_set_cleanup(void (*)(void));
/* Impossible state or out of memory: restore the terminal, log, exit. */
void	 fatal(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
