/*
 * One HTTP request to the centre, through libcurl, loaded at the first
 * request (office/curl-load.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "common/i18n.h"
#include "common/xmalloc.h"
#include "office/curl-load.h"
#include "office/sync-http.h"

#define SYNC_HTTP_MAX		(16 * 1024 * 1024)	/* an answer's size */
#define SYNC_HTTP_CONNECT	15	/* seconds to connect */
#define SYNC_HTTP_SLOW_BYTES	64	/* below this many bytes a second */
#define SYNC_HTTP_SLOW_SECONDS	30	/* for this long: give up */

/* Load libcurl once: 0, or -1 with a cause. */
static int
sync_http_load(char **cause)
{
	return curl_load(cause);
}

struct sync_http_buffer {
	char	*data;
	size_t	 length;
	long	 retry_after;
	time_t	 date;
};

static size_t
sync_http_write(char *data, size_t size, size_t count, void *arg)
{
	struct sync_http_buffer	*b = arg;
	size_t			 n = size * count;

	if (b->length + n > SYNC_HTTP_MAX)
		return 0;	/* curl fails the transfer */
	b->data = xreallocarray(b->data, b->length + n + 1, 1);
	memcpy(b->data + b->length, data, n);
	b->length += n;
	b->data[b->length] = '\0';
	return n;
}

/* The centre's clock from a Date header (RFC 9110, any locale): 0 if bad. */
static time_t
sync_http_date(const char *value, size_t length)
{
	char	 text[64];
	time_t	 t;

	memcpy(text, value, length);
	text[length] = '\0';
	t = curl.getdate(text, NULL);
	return t > 0 ? t : 0;
}

static size_t
sync_http_header(char *data, size_t size, size_t count, void *arg)
{
	struct sync_http_buffer	*b = arg;
	size_t			 n = size * count;

	if (n > 12 && strncasecmp(data, "Retry-After:", 12) == 0)
		b->retry_after = strtol(data + 12, NULL, 10);
	else if (n > 5 && n < 64 && strncasecmp(data, "Date:", 5) == 0)
		b->date = sync_http_date(data + 5, n - 5);
	return n;
}

/* Set the request up on handle h. */
static struct curl_slist *
sync_http_setup(CURL *h, const char *url, const char *token, const char *body,
    struct sync_http_buffer *b)
{
	struct curl_slist	*headers = NULL;
	char			*auth;

	curl.setopt(h, CURLOPT_URL, url);
	curl.setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl.setopt(h, CURLOPT_CONNECTTIMEOUT, (long)SYNC_HTTP_CONNECT);
	curl.setopt(h, CURLOPT_LOW_SPEED_LIMIT,
	    (long)SYNC_HTTP_SLOW_BYTES);
	curl.setopt(h, CURLOPT_LOW_SPEED_TIME,
	    (long)SYNC_HTTP_SLOW_SECONDS);
	curl.setopt(h, CURLOPT_ACCEPT_ENCODING, "");
	curl.setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
	curl.setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl.setopt(h, CURLOPT_WRITEFUNCTION, sync_http_write);
	curl.setopt(h, CURLOPT_WRITEDATA, b);
	curl.setopt(h, CURLOPT_HEADERFUNCTION, sync_http_header);
	curl.setopt(h, CURLOPT_HEADERDATA, b);
	curl.setopt(h, CURLOPT_USERAGENT, PACKAGE_NAME "/"
	    PACKAGE_VERSION);
	if (token != NULL) {
		auth = xasprintf("Authorization: Bearer %s", token);
		headers = curl.append(headers, auth);
		free(auth);
	}
	if (body != NULL) {
		headers = curl.append(headers,
		    "Content-Type: application/json");
		curl.setopt(h, CURLOPT_POSTFIELDS, body);
	}
	curl.setopt(h, CURLOPT_HTTPHEADER, headers);
	return headers;
}

int
sync_http(const char *url, const char *token, const char *body,
    struct sync_http_answer *a, char **cause)
{
	struct sync_http_buffer	 b = { NULL, 0, 0, 0 };
	struct curl_slist	*headers;
	CURL			*h;
	CURLcode		 rc;

	memset(a, 0, sizeof *a);
	if (sync_http_load(cause) != 0)
		return -1;
	if ((h = curl.init()) == NULL)
		fatal("curl_easy_init failed");
	headers = sync_http_setup(h, url, token, body, &b);
	rc = curl.perform(h);
	if (rc == CURLE_OK) {
		curl.getinfo(h, CURLINFO_RESPONSE_CODE, &a->status);
		a->body = b.data != NULL ? b.data : xstrdup("");
		a->retry_after = b.retry_after;
		if (b.date != 0)
			a->clock_offset = (long)(b.date - time(NULL));
		a->has_clock = b.date != 0;
	} else {
		*cause = xasprintf(_("Cannot reach the centre at %s: %s"), url,
		    curl.strerror(rc));
		free(b.data);
	}
	curl.free_all(headers);
	curl.cleanup(h);
	return rc == CURLE_OK ? 0 : -1;
}

void
sync_http_answer_clear(struct sync_http_answer *a)
{
	free(a->body);
	memset(a, 0, sizeof *a);
}
