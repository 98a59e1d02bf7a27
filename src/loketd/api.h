/*
 * The JSON API under /v1, /healthz and /metrics: each handler reads a
 * request already received whole and fills an answer. Handlers take a
 * store handle from the server's pool and give it back (loketd keeps no
 * state outside its database) and never touch a socket: server.c does
 * that.
 *
 * Causes sent to an office are plain English for its log; nothing an
 * office sends is ever written raw to a terminal.
 */
#ifndef LOKETD_API_H
#define LOKETD_API_H

#include <stddef.h>

struct store_pool;

struct api_request {
	const char	*method;
	const char	*path;
	const char	*authorization;	/* the header, or NULL */
	const char	*after;		/* ?after=, or NULL */
	const char	*body;		/* NUL-terminated */
	size_t		 length;
	struct store_pool *pool;	/* the server's store handles */
};

struct api_answer {
	int		 status;
	char		*body;		/* owned */
	const char	*type;		/* Content-Type */
	long		 retry_after;	/* seconds, for 429 and 503; 0 */
};

/* One route: the handler for a method and a path. */
typedef void (*api_handler)(const struct api_request *, struct api_answer *);

/* The handler for method and path; NULL for 404 (*known 1: 405). */
api_handler	 api_route(const char *method, const char *path, int *known);

void	 api_enrol(const struct api_request *, struct api_answer *);
void	 api_ops(const struct api_request *, struct api_answer *);
void	 api_changes(const struct api_request *, struct api_answer *);
void	 api_healthz(const struct api_request *, struct api_answer *);
void	 api_metrics(const struct api_request *, struct api_answer *);
void	 api_record(const struct api_request *, struct api_answer *);
void	 api_record_set(const struct api_request *, struct api_answer *);

/* Answers: a JSON value (stolen), or an error with a reason. */
void	 api_json(struct api_answer *, int status, void *json);
void	 api_error(struct api_answer *, int status, const char *reason);

struct store;
struct store_office;
/* A store handle from the pool for a request: NULL after a 503 answer. */
struct store	*api_store(const struct api_request *, struct api_answer *);
/* Give it back (NULL: nothing); after a 503 answer it is closed. */
void		 api_store_done(const struct api_request *, struct store *,
		     const struct api_answer *);
/*
 * The office a request's token belongs to: 0, or -1 after a 401 (or a
 * 429 when the office is past its rate).
 */
int	 api_auth(const struct api_request *, struct store *,
	     struct store_office *, struct api_answer *);
/* A JSON body: the value, or NULL after a 400 with the reason. */
void	*api_body(const struct api_request *, struct api_answer *);

#endif
