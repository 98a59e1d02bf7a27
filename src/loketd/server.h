/*
 * The HTTP server: libmicrohttpd with its own thread pool over epoll,
 * TLS when a certificate is given, bodies received whole (up to a limit,
 * inflated when gzip, up to the same limit) before a handler of api.h
 * sees them, answers gzipped for a client that takes them, and a pool of
 * store handles the handlers share.
 *
 * It never decides what a request means; api.c does. It refuses plain
 * HTTP on an address other than loopback unless told it may.
 */
#ifndef LOKETD_SERVER_H
#define LOKETD_SERVER_H

#include <stddef.h>

struct server_options {
	const char	*listen;	/* ADDRESS:PORT, [V6]:PORT */
	const char	*db;
	const char	*tls_cert;	/* files, or NULL for plain HTTP */
	const char	*tls_key;
	int		 plain_http_anywhere;
	int		 threads;
	int		 store_handles;	/* open at most; 0: threads */
	int		 rate_per_minute;	/* per office; 0: no limit */
	size_t		 max_body;
};

/* Serve until SIGINT or SIGTERM: 0, or -1 with an owned cause. */
int	 server_run(const struct server_options *, char **cause);

#endif
