/* One HTTP request to the centre, through libcurl. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "common/i18n.h"
#include "common/xmalloc.h"
#include "office/sync-http.h"

#define SYNC_HTTP_MAX		(16 * 1024 * 1024)	/* an answer's size */
#define SYNC_HTTP_CONNECT	15	/* seconds to connect */
#define SYNC_HTTP_SLOW_BYTES	64	/* below this many bytes a second */
#define SYNC_HTTP_SLOW_SECONDS	30	/* for this long: give up */

struct sync_http_buffer {
	char	*data;
	size_t	 length;
	long	 retry_after;
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

static size_t
sync_http_header(char *data, size_t size, size_t count, void *arg)
{
	struct sync_http_buffer	*b = arg;
	size_t			 n = size * count;

	if (n > 12 && strncasecmp(data, "Retry-After:", 12) == 0)
		b->retry_after = strtol(data + 12, NULL, 10);
	return n;
}

/* Set the request up on handle h. */
static struct curl_slist *
sync_http_setup(CURL *h, const char *url, const char *token, const char *body,
    struct sync_http_buffer *b)
{
	struct curl_slist	*headers = NULL;
	char			*auth;

	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, (long)SYNC_HTTP_CONNECT);
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT,
	    (long)SYNC_HTTP_SLOW_BYTES);
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME,
	    (long)SYNC_HTTP_SLOW_SECONDS);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sync_http_write);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, b);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, sync_http_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, b);
	curl_easy_setopt(h, CURLOPT_USERAGENT, PACKAGE_NAME "/"
	    PACKAGE_VERSION);
	if (token != NULL) {
		auth = xasprintf("Authorization: Bearer %s", token);
		headers = curl_slist_append(headers, auth);
		free(auth);
	}
	if (body != NULL) {
		headers = curl_slist_append(headers,
		    "Content-Type: application/json");
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
	}
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
	return headers;
}

int
sync_http(const char *url, const char *token, const char *body,
    struct sync_http_answer *a, char **cause)
{
	struct sync_http_buffer	 b = { NULL, 0, 0 };
	struct curl_slist	*headers;
	CURL			*h;
	CURLcode		 rc;

	memset(a, 0, sizeof *a);
	if ((h = curl_easy_init()) == NULL)
		fatal("curl_easy_init failed");
	headers = sync_http_setup(h, url, token, body, &b);
	rc = curl_easy_perform(h);
	if (rc == CURLE_OK) {
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &a->status);
		a->body = b.data != NULL ? b.data : xstrdup("");
		a->retry_after = b.retry_after;
	} else {
		*cause = xasprintf(_("Cannot reach the centre at %s: %s"), url,
		    curl_easy_strerror(rc));
		free(b.data);
	}
	curl_slist_free_all(headers);
	curl_easy_cleanup(h);
	return rc == CURLE_OK ? 0 : -1;
}

void
sync_http_answer_clear(struct sync_http_answer *a)
{
	free(a->body);
	memset(a, 0, sizeof *a);
}
