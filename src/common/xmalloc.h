/* Allocation that cannot fail (out of memory is fatal), and fatal(). */
#ifndef LOKET_XMALLOC_H
#define LOKET_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
/*
 * Room for one more element in an array of n that grows by one at a
 * time: its size doubles when n reaches a power of two (from 8), so that
 * adding n elements costs in proportion to n. Only for arrays grown this
 * way from NULL.
 */
void	*xgrowarray(void *, size_t n, size_t size);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* Called by fatal() before it prints, to give the terminal back. */
void	 fatal_set_cleanup(void (*)(void));
/* Impossible state or out of memory: restore the terminal, log, exit. */
void	 fatal(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
