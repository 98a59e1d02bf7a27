/*
 * HTTP requests to the centre, through libcurl, loaded at the first
 * request (office/curl-load.c). One handle serves every request until
 * sync_http_end, so that a round's batches and pages travel over one
 * connection (one TCP and TLS handshake, which costs seconds on a 2G
 * link).
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
#include "sync/gzip.h"

#define SYNC_HTTP_MAX		(16 * 1024 * 1024)	/* an answer's size */
#define SYNC_HTTP_CONNECT	15	/* seconds to connect */
#define SYNC_HTTP_SLOW_BYTES	64	/* below this many bytes a second */
#define SYNC_HTTP_SLOW_SECONDS	30	/* for this long: give up */

/* The handle kept between requests, and the CA file it trusts. */
static CURL	*sync_http_handle;
static char	*sync_http_ca;

struct sync_http_buffer {
	char	*data;
	size_t	 length;
	long	 retry_after;
	time_t	 date;
	char	 error[CURL_ERROR_SIZE];
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

/*
 * Set the request up on handle h; a body worth it goes gzipped in
 * *packed (the caller frees it after the transfer).
 */
static struct curl_slist *
sync_http_setup(CURL *h, const char *url, const char *token, const char *body,
    struct sync_http_buffer *b, char **packed)
{
	struct curl_slist	*headers = NULL;
	size_t			 length;
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
	if (sync_http_ca != NULL)
		curl.setopt(h, CURLOPT_CAINFO, sync_http_ca);
	curl.setopt(h, CURLOPT_WRITEFUNCTION, sync_http_write);
	curl.setopt(h, CURLOPT_WRITEDATA, b);
	curl.setopt(h, CURLOPT_HEADERFUNCTION, sync_http_header);
	curl.setopt(h, CURLOPT_HEADERDATA, b);
	curl.setopt(h, CURLOPT_ERRORBUFFER, b->error);
	curl.setopt(h, CURLOPT_USERAGENT, PACKAGE_NAME "/"
	    PACKAGE_VERSION);
	if (token != NULL) {
		auth = xasprintf("Authorization: Bearer %s", token);
		headers = curl.append(headers, auth);
		free(auth);
	}
	*packed = NULL;
	if (body == NULL)
		curl.setopt(h, CURLOPT_HTTPGET, 1L);
	else {
		headers = curl.append(headers,
		    "Content-Type: application/json");
		length = strlen(body);
		if (length >= SYNC_GZIP_WORTH) {
			body = *packed = sync_gzip(body, length, &length);
			headers = curl.append(headers,
			    "Content-Encoding: gzip");
		}
		curl.setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
		    (curl_off_t)length);
		curl.setopt(h, CURLOPT_POSTFIELDS, body);
	}
	curl.setopt(h, CURLOPT_HTTPHEADER, headers);
	return headers;
}

/* Why no answer came, in words for the office's staff. */
static char *
sync_http_failure(const char *url, CURLcode rc, const char *error)
{
	const char	*detail = error[0] != '\0' ? error : curl.strerror(rc);

	if (rc == CURLE_PEER_FAILED_VERIFICATION)
		return xasprintf(_("The centre at %s showed a certificate this "
		    "office does not trust (%s); give the file of the "
		    "authority that signed it as ca_file under [sync] in "
		    "loket.conf."), url, detail);
	if (rc == CURLE_SSL_CACERT_BADFILE)
		return xasprintf(_("Cannot use the CA file %s: %s"),
		    sync_http_ca != NULL ? sync_http_ca : "", detail);
	return xasprintf(_("Cannot reach the centre at %s: %s"), url, detail);
}

/* One request on handle h, with a total timeout in seconds (0: none). */
static int
sync_http_on(CURL *h, const char *url, const char *token, const char *body,
    long seconds, struct sync_http_answer *a, char **cause)
{
	struct sync_http_buffer	 b;
	struct curl_slist	*headers;
	CURLcode		 rc;
	char			*packed;

	memset(a, 0, sizeof *a);
	memset(&b, 0, sizeof b);
	headers = sync_http_setup(h, url, token, body, &b, &packed);
	curl.setopt(h, CURLOPT_TIMEOUT, seconds);
	rc = curl.perform(h);
	if (rc == CURLE_OK) {
		curl.getinfo(h, CURLINFO_RESPONSE_CODE, &a->status);
		a->body = b.data != NULL ? b.data : xstrdup("");
		a->retry_after = b.retry_after;
		if (b.date != 0)
			a->clock_offset = (long)(b.date - time(NULL));
		a->has_clock = b.date != 0;
	} else {
		*cause = sync_http_failure(url, rc, b.error);
		free(b.data);
	}
	/* Nothing of this request may outlive it in the kept handle. */
	curl.setopt(h, CURLOPT_HTTPHEADER, NULL);
	curl.setopt(h, CURLOPT_ERRORBUFFER, NULL);
	curl.setopt(h, CURLOPT_POSTFIELDS, NULL);
	curl.free_all(headers);
	free(packed);
	return rc == CURLE_OK ? 0 : -1;
}

int
sync_http(const char *url, const char *token, const char *body,
    struct sync_http_answer *a, char **cause)
{
	memset(a, 0, sizeof *a);
	if (curl_load(cause) != 0)
		return -1;
	if (sync_http_handle == NULL &&
	    (sync_http_handle = curl.init()) == NULL)
		fatal("curl_easy_init failed");
	return sync_http_on(sync_http_handle, url, token, body, 0, a, cause);
}

void *
sync_http_handle_new(char **cause)
{
	CURL	*h;

	if (curl_load(cause) != 0)
		return NULL;
	if ((h = curl.init()) == NULL)
		fatal("curl_easy_init failed");
	return h;
}

int
sync_http_get_on(void *h, const char *url, const char *token, long seconds,
    struct sync_http_answer *a, char **cause)
{
	return sync_http_on(h, url, token, NULL, seconds, a, cause);
}

void
sync_http_handle_free(void *h)
{
	if (h != NULL)
		curl.cleanup(h);
}

void
sync_http_ca_file(const char *path)
{
	free(sync_http_ca);
	sync_http_ca = path != NULL ? xstrdup(path) : NULL;
}

void
sync_http_end(void)
{
	if (sync_http_handle != NULL)
		curl.cleanup(sync_http_handle);
	sync_http_handle = NULL;
}

void
sync_http_answer_clear(struct sync_http_answer *a)
{
	free(a->body);
	memset(a, 0, sizeof *a);
}
