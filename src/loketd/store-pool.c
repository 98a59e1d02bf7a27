/* Store handles kept open and shared by the server's threads. */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>

#include "common/xmalloc.h"
#include "loketd/store-pool.h"
#include "loketd/store.h"

struct store_pool {
	char		*where;
	int		 size;		/* handles at most */
	int		 open;		/* handles open, idle or taken */
	int		 idle;		/* idle handles, in free[] */
	struct store	**free;
	pthread_mutex_t	 lock;
	pthread_cond_t	 given;		/* a handle came back or closed */
};

struct store_pool *
store_pool_new(const char *where, int size)
{
	struct store_pool	*p;

	p = xcalloc(1, sizeof *p);
	p->where = xstrdup(where);
	p->size = size > 0 ? size : 1;
	p->free = xcalloc(p->size, sizeof *p->free);
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->given, NULL);
	return p;
}

void
store_pool_free(struct store_pool *p)
{
	if (p == NULL)
		return;
	while (p->idle > 0)
		store_close(p->free[--p->idle]);
	pthread_cond_destroy(&p->given);
	pthread_mutex_destroy(&p->lock);
	free(p->free);
	free(p->where);
	free(p);
}

struct store *
store_pool_take(struct store_pool *p, char **cause)
{
	struct store	*s;

	pthread_mutex_lock(&p->lock);
	while (p->idle == 0 && p->open == p->size)
		pthread_cond_wait(&p->given, &p->lock);
	if (p->idle > 0) {
		s = p->free[--p->idle];
		pthread_mutex_unlock(&p->lock);
		return s;
	}
	p->open++;	/* a place kept for the handle opened below */
	pthread_mutex_unlock(&p->lock);
	if ((s = store_open(p->where, 0, cause)) == NULL) {
		pthread_mutex_lock(&p->lock);
		p->open--;
		pthread_cond_signal(&p->given);
		pthread_mutex_unlock(&p->lock);
	}
	return s;
}

void
store_pool_give(struct store_pool *p, struct store *s, int broken)
{
	if (s == NULL)
		return;
	if (broken)
		store_close(s);
	pthread_mutex_lock(&p->lock);
	if (broken)
		p->open--;
	else
		p->free[p->idle++] = s;
	pthread_cond_signal(&p->given);
	pthread_mutex_unlock(&p->lock);
}
