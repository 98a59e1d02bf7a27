/*
 * The HTTP gateway of text messages: the url and body templates of
 * [notify] filled in and sent through libcurl (office/curl-load.c). A 2xx
 * answer is sent, 429 and 5xx are "try again later", any other 4xx a
 * refusal that trying again cannot change.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/configuration.h"
#include "common/i18n.h"
#include "common/xmalloc.h"
#include "office/curl-load.h"
#include "office/notify.h"

#define NOTIFY_HTTP_CONNECT	15	/* seconds to connect, at most */
#define NOTIFY_HTTP_BODY \
	"{\"id\":\"{id}\",\"to\":\"{phone}\",\"text\":\"{text}\"}"
#define NOTIFY_HTTP_TYPE	"application/json"

/* A growing string. */
struct notify_text {
	char	*data;
	size_t	 length;
};

static void
notify_text_add(struct notify_text *t, const char *s, size_t n)
{
	t->data = xreallocarray(t->data, t->length + n + 1, 1);
	memcpy(t->data + t->length, s, n);
	t->length += n;
	t->data[t->length] = '\0';
}

/* Append value escaped as the template's content needs. */
static void
notify_text_escaped(struct notify_text *t, const char *value,
    enum notify_escape how)
{
	const unsigned char	*u;
	char			 hex[8];

	for (u = (const unsigned char *)value; *u != '\0'; u++) {
		if (how == NOTIFY_ESCAPE_JSON && (*u == '"' || *u == '\\')) {
			snprintf(hex, sizeof hex, "\\%c", *u);
		} else if (how == NOTIFY_ESCAPE_JSON && *u < 0x20) {
			snprintf(hex, sizeof hex, "\\u%04x", *u);
		} else if (how == NOTIFY_ESCAPE_FORM &&
		    strchr("-._~", *u) == NULL && !(*u >= '0' && *u <= '9') &&
		    !((*u | 0x20) >= 'a' && (*u | 0x20) <= 'z')) {
			snprintf(hex, sizeof hex, "%%%02X", *u);
		} else {
			hex[0] = (char)*u;
			hex[1] = '\0';
		}
		notify_text_add(t, hex, strlen(hex));
	}
}

/* The value of placeholder name (n bytes) for m, owned; NULL if none. */
static char *
notify_placeholder(const char *name, size_t n, const struct notify_message *m)
{
	if (n == 2 && strncmp(name, "id", n) == 0)
		return xstrdup(m->uuid);
	if (n == 5 && strncmp(name, "phone", n) == 0)
		return xstrdup(m->phone);
	if (n == 10 && strncmp(name, "phone_e164", n) == 0)
		return m->phone[0] == '0' ? xasprintf("+62%s", m->phone + 1) :
		    xstrdup(m->phone);
	if (n == 4 && strncmp(name, "text", n) == 0)
		return xstrdup(m->body);
	return NULL;
}

char *
notify_expand(const char *template, const struct notify_message *m,
    enum notify_escape how)
{
	struct notify_text	 t = { xstrdup(""), 0 };
	const char		*p = template, *close;
	char			*value;

	while (*p != '\0') {
		close = *p == '{' ? strchr(p, '}') : NULL;
		value = close != NULL ? notify_placeholder(p + 1,
		    (size_t)(close - p - 1), m) : NULL;
		if (value == NULL) {
			notify_text_add(&t, p++, 1);
			continue;
		}
		notify_text_escaped(&t, value, how);
		free(value);
		p = close + 1;
	}
	return t.data;
}

/* What the answer says is ignored: a gateway may echo the number. */
static size_t
notify_http_discard(char *data, size_t size, size_t count, void *arg)
{
	(void)data;
	(void)arg;
	return size * count;
}

/* The request on h; its headers, to free after. */
static struct curl_slist *
notify_http_setup(CURL *h, const struct config *c, const char *url,
    const char *body, const struct notify_message *m)
{
	struct curl_slist	*headers = NULL;
	const char		*type;
	char			*line;

	curl.setopt(h, CURLOPT_URL, url);
	curl.setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl.setopt(h, CURLOPT_CONNECTTIMEOUT, (long)(c->notify_timeout <
	    NOTIFY_HTTP_CONNECT ? c->notify_timeout : NOTIFY_HTTP_CONNECT));
	curl.setopt(h, CURLOPT_TIMEOUT, (long)c->notify_timeout);
	curl.setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl.setopt(h, CURLOPT_WRITEFUNCTION, notify_http_discard);
	curl.setopt(h, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
	line = xasprintf("Idempotency-Key: %s", m->uuid);
	headers = curl.append(headers, line);
	free(line);
	if (c->notify_auth_header != NULL)
		headers = curl.append(headers, c->notify_auth_header);
	if (c->notify_method != NOTIFY_GET) {
		type = c->notify_content_type != NULL ?
		    c->notify_content_type : NOTIFY_HTTP_TYPE;
		line = xasprintf("Content-Type: %s", type);
		headers = curl.append(headers, line);
		free(line);
		curl.setopt(h, CURLOPT_POSTFIELDS, body);
		if (c->notify_method == NOTIFY_PUT)
			curl.setopt(h, CURLOPT_CUSTOMREQUEST, "PUT");
	}
	curl.setopt(h, CURLOPT_HTTPHEADER, headers);
	return headers;
}

/* How to escape the body for its content type. */
static enum notify_escape
notify_http_escape(const struct config *c)
{
	const char	*type = c->notify_content_type != NULL ?
			    c->notify_content_type : NOTIFY_HTTP_TYPE;

	if (strstr(type, "json") != NULL)
		return NOTIFY_ESCAPE_JSON;
	if (strstr(type, "x-www-form-urlencoded") != NULL)
		return NOTIFY_ESCAPE_FORM;
	return NOTIFY_ESCAPE_RAW;
}

/* What the status of an answer means. */
static enum notify_result
notify_http_status(long status, const char *url, char **cause)
{
	if (status >= 200 && status <= 299)
		return NOTIFY_DELIVERED;
	*cause = xasprintf(_("The gateway at %.*s answered with HTTP status "
	    "%ld."), (int)strcspn(url, "?"), url, status);
	if (status >= 400 && status <= 499 && status != 408 && status != 429)
		return NOTIFY_PERMANENT;
	return NOTIFY_RETRY;
}

enum notify_result
notify_send_http(const struct config *c, const struct notify_message *m,
    char **cause)
{
	enum notify_result	 result;
	struct curl_slist	*headers;
	CURL			*h;
	CURLcode		 rc;
	char			*url, *body;
	long			 status = 0;

	if (curl_load(cause) != 0)
		return NOTIFY_RETRY;
	url = notify_expand(c->notify_url, m, NOTIFY_ESCAPE_FORM);
	body = notify_expand(c->notify_body != NULL ? c->notify_body :
	    NOTIFY_HTTP_BODY, m, notify_http_escape(c));
	if ((h = curl.init()) == NULL)
		fatal("curl_easy_init failed");
	headers = notify_http_setup(h, c, url, body, m);
	rc = curl.perform(h);
	if (rc == CURLE_OK) {
		curl.getinfo(h, CURLINFO_RESPONSE_CODE, &status);
		result = notify_http_status(status, c->notify_url, cause);
	} else {
		/* The template without its query: no number, no key. */
		*cause = xasprintf(_("Cannot reach the gateway at %.*s: %s"),
		    (int)strcspn(c->notify_url, "?"), c->notify_url,
		    curl.strerror(rc));
		result = NOTIFY_RETRY;
	}
	curl.free_all(headers);
	curl.cleanup(h);
	free(body);
	free(url);
	return result;
}
