/*
 * The agent's HTTP client (libcurl): requests to the centre with the
 * office's token, a connect timeout, a low-speed limit that gives up a
 * stalled link, gzip both ways (a body of SYNC_GZIP_WORTH bytes or more
 * goes compressed), one connection kept for a round, the environment's
 * proxies (http_proxy, https_proxy, no_proxy: libcurl's own reading) and
 * a CA file for a centre whose certificate the system does not trust.
 *
 * It never decides what an answer means (office/agent.c does) and never
 * prints what the centre sent.
 */
#ifndef LOKET_SYNC_HTTP_H
#define LOKET_SYNC_HTTP_H

struct sync_http_answer {
	long	 status;	/* HTTP status */
	char	*body;		/* owned, NUL-terminated */
	long	 retry_after;	/* seconds, from Retry-After; 0 none */
	int	 has_clock;	/* the answer said the centre's time */
	long	 clock_offset;	/* the centre's clock minus ours, seconds */
};

/*
 * GET (body NULL) or POST JSON to url, with token if not NULL: 0 when an
 * answer came (whatever its status), -1 with a cause when none did.
 */
int	 sync_http(const char *url, const char *token, const char *body,
	     struct sync_http_answer *, char **cause);
void	 sync_http_answer_clear(struct sync_http_answer *);
/*
 * Trust the certificate authority in the PEM file path (copied) for the
 * requests that follow; NULL: the system's authorities.
 */
void	 sync_http_ca_file(const char *path);
/*
 * Close the connection kept since the first request (the end of a
 * round); the next request opens a new one.
 */
void	 sync_http_end(void);

/*
 * A handle of its own, for a request made in another thread (a kiosk's
 * lookup): made here, in the thread that loads libcurl, then used by
 * one thread at a time and freed. NULL with a cause if libcurl cannot
 * be loaded.
 */
void	*sync_http_handle_new(char **cause);
/* GET url on the handle within seconds in all: as sync_http. */
int	 sync_http_get_on(void *, const char *url, const char *token,
	     long seconds, struct sync_http_answer *, char **cause);
void	 sync_http_handle_free(void *);

#endif
