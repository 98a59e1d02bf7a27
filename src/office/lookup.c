/*
 * A lookup at the centre in a thread of its own. The thread holds one
 * reference and the kiosk the other; whoever drops the last frees it, so
 * that a kiosk that moves on never waits for a slow link.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "common/log.h"
#include "common/xmalloc.h"
#include "office/db.h"
#include "office/lookup.h"
#include "office/outbox.h"
#include "office/sync-http.h"

struct lookup {
	pthread_mutex_t		 lock;
	pthread_cond_t		 done;
	int			 references;
	enum lookup_state	 state;
	struct lookup_answer	 answer;
	void			*handle;	/* libcurl's */
	char			*url;
	char			*token;
	int			 seconds;
};

static void
lookup_unref(struct lookup *l)
{
	int	 last;

	pthread_mutex_lock(&l->lock);
	last = --l->references == 0;
	pthread_mutex_unlock(&l->lock);
	if (!last)
		return;
	sync_http_handle_free(l->handle);
	lookup_answer_clear(&l->answer);
	free(l->url);
	free(l->token);
	pthread_mutex_destroy(&l->lock);
	pthread_cond_destroy(&l->done);
	free(l);
}

/* Read the centre's answer: FOUND with a filled, or UNREACHABLE. */
static enum lookup_state
lookup_read(const char *body, struct lookup_answer *a)
{
	const char	*service, *state, *note;
	json_t		*j;

	if ((j = json_loads(body, 0, NULL)) == NULL)
		return LOOKUP_UNREACHABLE;
	service = json_string_value(json_object_get(j, "service"));
	state = json_string_value(json_object_get(j, "state"));
	note = json_string_value(json_object_get(j, "note"));
	if (service == NULL || state == NULL || note == NULL ||
	    !json_is_integer(json_object_get(j, "updated"))) {
		json_decref(j);
		return LOOKUP_UNREACHABLE;
	}
	a->service = xstrdup(service);
	a->state = xstrdup(state);
	a->note = xstrdup(note);
	a->updated = json_integer_value(json_object_get(j, "updated"));
	json_decref(j);
	return LOOKUP_FOUND;
}

static void *
lookup_thread(void *arg)
{
	struct lookup		*l = arg;
	struct lookup_answer	 a = { 0 };
	struct sync_http_answer	 h;
	enum lookup_state	 state = LOOKUP_UNREACHABLE;
	char			*cause = NULL;

	if (sync_http_get_on(l->handle, l->url, l->token, l->seconds, &h,
	    &cause) != 0) {
		log_info("lookup: %s", cause);
		free(cause);
	} else if (h.status == 200)
		state = lookup_read(h.body, &a);
	else if (h.status == 404)
		state = LOOKUP_UNKNOWN;
	else
		log_info("lookup: the centre answered %ld", h.status);
	sync_http_answer_clear(&h);
	pthread_mutex_lock(&l->lock);
	l->state = state;
	l->answer = a;
	pthread_cond_broadcast(&l->done);
	pthread_mutex_unlock(&l->lock);
	lookup_unref(l);
	return NULL;
}

struct lookup *
lookup_start(struct db *db, const char *kind, const char *tracking,
    int seconds)
{
	struct outbox_state	 st;
	struct lookup		*l;
	pthread_t		 thread;
	char			*cause = NULL;

	if (outbox_state_read(db, &st, &cause) != 0 || st.centre == NULL ||
	    st.token == NULL) {
		free(cause);
		outbox_state_clear(&st);
		return NULL;
	}
	l = xcalloc(1, sizeof *l);
	pthread_mutex_init(&l->lock, NULL);
	pthread_cond_init(&l->done, NULL);
	l->references = 2;
	l->seconds = seconds;
	l->url = xasprintf("%s/v1/%ss/%s", st.centre, kind, tracking);
	l->token = xstrdup(st.token);
	outbox_state_clear(&st);
	if ((l->handle = sync_http_handle_new(&cause)) == NULL) {
		log_warn("lookup: %s", cause);
		free(cause);
		l->state = LOOKUP_UNREACHABLE;
		l->references = 1;
		return l;
	}
	if (pthread_create(&thread, NULL, lookup_thread, l) != 0) {
		l->state = LOOKUP_UNREACHABLE;
		l->references = 1;
		return l;
	}
	pthread_detach(thread);
	return l;
}

enum lookup_state
lookup_poll(struct lookup *l, struct lookup_answer *a)
{
	enum lookup_state	 state;

	memset(a, 0, sizeof *a);
	pthread_mutex_lock(&l->lock);
	state = l->state;
	if (state == LOOKUP_FOUND) {
		a->service = xstrdup(l->answer.service);
		a->state = xstrdup(l->answer.state);
		a->note = xstrdup(l->answer.note);
		a->updated = l->answer.updated;
	}
	pthread_mutex_unlock(&l->lock);
	return state;
}

enum lookup_state
lookup_wait(struct lookup *l)
{
	struct timespec		 until;
	enum lookup_state	 state;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += l->seconds + 1;
	pthread_mutex_lock(&l->lock);
	while (l->state == LOOKUP_SEARCHING && pthread_cond_timedwait(
	    &l->done, &l->lock, &until) == 0)
		;
	state = l->state;
	pthread_mutex_unlock(&l->lock);
	return state;
}

void
lookup_free(struct lookup *l)
{
	if (l != NULL)
		lookup_unref(l);
}

void
lookup_answer_clear(struct lookup_answer *a)
{
	free(a->service);
	free(a->state);
	free(a->note);
	memset(a, 0, sizeof *a);
}
