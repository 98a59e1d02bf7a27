/*
 * libcurl, loaded when a request is first made rather than linked: it
 * brings some thirty libraries, and every other loket command (a ticket
 * taken from a button box is one process) would pay for loading them at
 * each start. The sync agent (sync-http.c) and the text-message sender's
 * HTTP gateway (notify-http.c) share it.
 *
 * It never makes a request itself.
 */
#ifndef LOKET_CURL_LOAD_H
#define LOKET_CURL_LOAD_H

#include <time.h>

#include <curl/curl.h>

/* What is used of libcurl, resolved by curl_load. */
struct curl_library {
	CURL			*(*init)(void);
	CURLcode		 (*setopt)(CURL *, CURLoption, ...);
	CURLcode		 (*perform)(CURL *);
	CURLcode		 (*getinfo)(CURL *, CURLINFO, ...);
	const char		*(*strerror)(CURLcode);
	void			 (*cleanup)(CURL *);
	struct curl_slist	*(*append)(struct curl_slist *, const char *);
	void			 (*free_all)(struct curl_slist *);
	time_t			 (*getdate)(const char *, const time_t *);
};

/* The functions, once curl_load has returned 0. */
extern struct curl_library curl;

/* Load libcurl once: 0, or -1 with a cause. */
int	 curl_load(char **cause);

#endif
