/*
 * A pool of open store handles, owned by the server and shared by its
 * threads: a request takes a handle, uses it alone, and gives it back,
 * so that each engine keeps its connections open between requests
 * (SQLite its file and its prepared statements, PostgreSQL its sessions).
 * The pool holds connections, never data: loketd keeps no state outside
 * its database.
 *
 * Handles are opened with store_open() when first needed, up to the
 * pool's size; a take while every handle is in use waits until one comes
 * back. A handle given back as broken is closed, and a later take opens
 * a new one, so that an engine whose connection can fail (a database
 * server restarted) recovers without a restart of loketd.
 *
 * It never looks inside a handle and knows no engine.
 */
#ifndef LOKETD_STORE_POOL_H
#define LOKETD_STORE_POOL_H

struct store;
struct store_pool;

/* A pool of at most size handles on where (a --db value); owned. */
struct store_pool	*store_pool_new(const char *where, int size);
/* Close every handle; all must have been given back. NULL: nothing. */
void			 store_pool_free(struct store_pool *);
/*
 * A handle for the caller alone until it gives it back: waits while
 * every handle is in use. NULL with an owned cause if none could open.
 */
struct store		*store_pool_take(struct store_pool *, char **cause);
/* Give a taken handle back; broken: close it instead of keeping it. */
void			 store_pool_give(struct store_pool *, struct store *,
			     int broken);

#endif
