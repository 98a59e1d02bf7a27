/*
 * The agent's HTTP client (libcurl): one request to the centre with the
 * office's token, a connect timeout, a low-speed limit that gives up a
 * stalled link, gzip answers, keep-alive and the environment's proxies.
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

#endif
