/* libmicrohttpd glue: addresses, bodies, answers, the serving loop. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include <microhttpd.h>

#include "common/i18n.h"
#include "common/log.h"
#include "common/xmalloc.h"
#include "loketd/api.h"
#include "loketd/metrics.h"
#include "loketd/ratelimit.h"
#include "loketd/server.h"
#include "loketd/store-pool.h"
#include "sync/gzip.h"

/* What every request's handler is given. */
struct server {
	const struct server_options	*options;
	struct store_pool		*pool;
};

/* A request's body as it arrives. */
struct server_body {
	char	*data;
	size_t	 length;
	int	 too_big;
};

/* Parse ADDRESS:PORT into an address: 0, or -1 with a cause. */
static int
server_address(const char *listen, struct sockaddr_storage *ss,
    int *loopback, char **cause)
{
	struct addrinfo	 hints, *ai = NULL;
	char		*host, *port;
	int		 rc;

	host = xstrdup(listen);
	port = strrchr(host, ':');
	if (port == NULL || port[1] == '\0') {
		*cause = xasprintf(_("%s is not ADDRESS:PORT."), listen);
		free(host);
		return -1;
	}
	*port++ = '\0';
	if (host[0] == '[' && port[-2] == ']') {
		port[-2] = '\0';
		memmove(host, host + 1, strlen(host));
	}
	memset(&hints, 0, sizeof hints);
	hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
	hints.ai_socktype = SOCK_STREAM;
	if ((rc = getaddrinfo(host, port, &hints, &ai)) != 0) {
		*cause = xasprintf(_("%s is not ADDRESS:PORT."), listen);
		free(host);
		return -1;
	}
	memcpy(ss, ai->ai_addr, ai->ai_addrlen);
	*loopback = (ai->ai_family == AF_INET &&
	    (ntohl(((struct sockaddr_in *)ai->ai_addr)->sin_addr.s_addr) >>
	    24) == 127) || (ai->ai_family == AF_INET6 && IN6_IS_ADDR_LOOPBACK(
	    &((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr));
	freeaddrinfo(ai);
	free(host);
	return 0;
}

/* Does the client take gzip answers (Accept-Encoding, q above 0)? */
static int
server_accepts_gzip(struct MHD_Connection *c)
{
	const char	*p, *q;
	size_t		 n;

	p = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_ACCEPT_ENCODING);
	while (p != NULL && *p != '\0') {
		p += strspn(p, " \t,");
		n = strcspn(p, " \t;,");
		q = p + n + strcspn(p + n, ",");	/* the element's end */
		if ((n == 4 && strncasecmp(p, "gzip", 4) == 0) ||
		    (n == 6 && strncasecmp(p, "x-gzip", 6) == 0)) {
			p += n;
			p += strspn(p, " \t;");
			return strncmp(p, "q=", 2) != 0 ||
			    strtod(p + 2, NULL) > 0;
		}
		p = q;
	}
	return 0;
}

/* Send an answer and count it; gzip it when the client takes that. */
static enum MHD_Result
server_answer(struct MHD_Connection *c, struct api_answer *a)
{
	struct MHD_Response	*response;
	enum MHD_Result		 rc;
	char			 seconds[32], *body = a->body;
	size_t			 length = body != NULL ? strlen(body) : 0;
	int			 gzip;

	metrics_request(a->status);
	gzip = length >= SYNC_GZIP_WORTH && server_accepts_gzip(c);
	if (gzip) {
		body = sync_gzip(a->body, length, &length);
		free(a->body);
	}
	metrics_body_bytes(1, gzip, length);
	response = MHD_create_response_from_buffer(length, body,
	    MHD_RESPMEM_MUST_FREE);
	if (response == NULL)
		fatal("out of memory");
	if (a->type != NULL)
		MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE,
		    a->type);
	if (gzip)
		MHD_add_response_header(response,
		    MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
	if (length >= SYNC_GZIP_WORTH || gzip)
		MHD_add_response_header(response, MHD_HTTP_HEADER_VARY,
		    MHD_HTTP_HEADER_ACCEPT_ENCODING);
	if (a->retry_after > 0) {
		snprintf(seconds, sizeof seconds, "%ld", a->retry_after);
		MHD_add_response_header(response, MHD_HTTP_HEADER_RETRY_AFTER,
		    seconds);
	}
	rc = MHD_queue_response(c, a->status, response);
	MHD_destroy_response(response);
	return rc;
}

/* Take a piece of the body; remember when it is past the limit. */
static void
server_take(struct server_body *b, const char *data, size_t size, size_t max)
{
	if (b->too_big || b->length + size > max) {
		b->too_big = 1;
		return;
	}
	b->data = xreallocarray(b->data, b->length + size + 1, 1);
	memcpy(b->data + b->length, data, size);
	b->length += size;
	b->data[b->length] = '\0';
}

/* Does the request declare a body over the limit? */
static int
server_declared_too_big(struct MHD_Connection *c, size_t max)
{
	const char		*length;
	unsigned long long	 n;
	char			*end;

	length = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (length == NULL)
		return 0;
	n = strtoull(length, &end, 10);
	return *end == '\0' && n > max;
}

/*
 * Decode the body as its Content-Encoding says: 0, or -1 after an
 * answer (415 for an encoding not known, 400 for a gzip stream that is
 * not whole, 413 for one that inflates past the limit).
 */
static int
server_decode(struct MHD_Connection *c, struct server_body *b, size_t max,
    struct api_answer *a)
{
	const char	*encoding;
	char		*data;
	size_t		 length;
	int		 rc;

	encoding = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_ENCODING);
	metrics_body_bytes(0, encoding != NULL, b->length);
	if (encoding == NULL || strcasecmp(encoding, "identity") == 0)
		return 0;
	if (strcasecmp(encoding, "gzip") != 0 &&
	    strcasecmp(encoding, "x-gzip") != 0) {
		api_error(a, 415, "the body's encoding is not gzip");
		return -1;
	}
	rc = sync_gunzip(b->data != NULL ? b->data : "", b->length, max,
	    &data, &length);
	if (rc == SYNC_GZIP_TOO_BIG) {
		api_error(a, 413, "the body is too large once inflated");
		return -1;
	}
	if (rc != 0) {
		api_error(a, 400, "the body is not a whole gzip stream");
		return -1;
	}
	free(b->data);
	b->data = data;
	b->length = length;
	return 0;
}

static enum MHD_Result
server_handle(void *arg, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **state)
{
	const struct server		*server = arg;
	const struct server_options	*o = server->options;
	struct server_body		*b = *state;
	struct api_request		 r;
	struct api_answer		 a = { 0 };
	api_handler			 handler;
	int				 known;

	if (b == NULL) {
		*state = b = xcalloc(1, sizeof *b);
		if (server_declared_too_big(c, o->max_body)) {
			/* Say so now rather than read what will be thrown away. */
			api_error(&a, 413, "the body is too large");
			return server_answer(c, &a);
		}
		return MHD_YES;
	}
	if (*upload_size > 0) {
		server_take(b, upload, *upload_size, o->max_body);
		*upload_size = 0;
		return MHD_YES;
	}
	memset(&r, 0, sizeof r);
	r.method = method;
	r.path = url;
	r.pool = server->pool;
	r.authorization = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_AUTHORIZATION);
	r.after = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND,
	    "after");
	handler = api_route(method, url, &known);
	if (b->too_big)
		api_error(&a, 413, "the body is too large");
	else if (server_decode(c, b, o->max_body, &a) != 0)
		;	/* answered */
	else if (handler == NULL)
		api_error(&a, known ? 405 : 404, known ?
		    "method not allowed" : "not found");
	else {
		r.body = b->data != NULL ? b->data : "";
		r.length = b->length;
		handler(&r, &a);
	}
	return server_answer(c, &a);
}

static void
server_done(void *arg, struct MHD_Connection *c, void **state,
    enum MHD_RequestTerminationCode code)
{
	struct server_body	*b = *state;

	if (b != NULL) {
		free(b->data);
		free(b);
		*state = NULL;
	}
}

/* Count the connections accepted: keep-alive shows as few of them. */
static void
server_connection(void *arg, struct MHD_Connection *c, void **socket_state,
    enum MHD_ConnectionNotificationCode code)
{
	if (code == MHD_CONNECTION_NOTIFY_STARTED)
		metrics_connection();
}

/* Read a whole file for the TLS options; NULL with a cause. */
static char *
server_file(const char *path, char **cause)
{
	FILE	*f;
	char	*data = NULL;
	size_t	 size = 0;
	ssize_t	 n;

	if ((f = fopen(path, "r")) == NULL) {
		*cause = xasprintf(_("Cannot read %s: %s"), path,
		    strerror(errno));
		return NULL;
	}
	n = getdelim(&data, &size, '\0', f);
	fclose(f);
	if (n <= 0) {
		free(data);
		*cause = xasprintf(_("Cannot read %s."), path);
		return NULL;
	}
	return data;
}

/* Start the daemon; NULL with a cause. */
static struct MHD_Daemon *
server_start(struct server *server, struct sockaddr_storage *ss,
    char *cert, char *key, char **cause)
{
	struct MHD_OptionItem	 tls[] = {
		{ MHD_OPTION_HTTPS_MEM_CERT, 0, cert },
		{ MHD_OPTION_HTTPS_MEM_KEY, 0, key },
		{ MHD_OPTION_END, 0, NULL }
	};
	const struct server_options	*o = server->options;
	struct MHD_Daemon	*d;
	unsigned int		 flags = MHD_USE_EPOLL_INTERNAL_THREAD |
				    MHD_USE_ERROR_LOG;

	if (cert != NULL)
		flags |= MHD_USE_TLS;
	else
		tls[0].option = MHD_OPTION_END;
	d = MHD_start_daemon(flags, 0, NULL, NULL, server_handle, server,
	    MHD_OPTION_SOCK_ADDR, ss,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)o->threads,
	    MHD_OPTION_NOTIFY_COMPLETED, server_done, NULL,
	    MHD_OPTION_NOTIFY_CONNECTION, server_connection, NULL,
	    MHD_OPTION_CONNECTION_TIMEOUT, 60u,
	    MHD_OPTION_ARRAY, tls, MHD_OPTION_END);
	if (d == NULL)
		*cause = xasprintf(_("Cannot listen on %s: %s"), o->listen,
		    strerror(errno));
	return d;
}

/* Say where we listen, with the port the system chose for port 0. */
static void
server_announce(struct MHD_Daemon *d, const char *listen)
{
	const union MHD_DaemonInfo	*info;
	char				*host = xstrdup(listen);

	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	*strrchr(host, ':') = '\0';
	log_info("listening on %s:%u", host, info != NULL ?
	    (unsigned)info->port : 0u);
	printf(_("Listening on %s:%u.\n"), host, info != NULL ?
	    (unsigned)info->port : 0u);
	fflush(stdout);
	free(host);
}

int
server_run(const struct server_options *o, char **cause)
{
	struct server		 server = { o, NULL };
	struct sockaddr_storage	 ss;
	struct MHD_Daemon	*d;
	sigset_t		 set;
	char			*cert = NULL, *key = NULL;
	int			 loopback, sig, rc = -1;

	if (server_address(o->listen, &ss, &loopback, cause) != 0)
		return -1;
	if (o->tls_cert == NULL && !loopback && !o->plain_http_anywhere) {
		*cause = xasprintf(_("Plain HTTP is served only on a loopback "
		    "address; give tls_cert and tls_key, or set "
		    "plain_http = yes under [server] for a reverse proxy."));
		return -1;
	}
	if (o->tls_cert != NULL && ((cert = server_file(o->tls_cert,
	    cause)) == NULL || (key = server_file(o->tls_key != NULL ?
	    o->tls_key : o->tls_cert, cause)) == NULL))
		goto out;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);	/* the pool inherits it */
	ratelimit_set(o->rate_per_minute);
	server.pool = store_pool_new(o->db, o->store_handles > 0 ?
	    o->store_handles : o->threads);
	if ((d = server_start(&server, &ss, cert, key, cause)) == NULL)
		goto out;
	server_announce(d, o->listen);
	sigwait(&set, &sig);
	log_info("stopping on signal %d", sig);
	MHD_stop_daemon(d);
	rc = 0;
out:
	store_pool_free(server.pool);
	free(cert);
	free(key);
	return rc;
}
