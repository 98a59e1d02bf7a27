/*
 * Requests per office, limited: a token bucket per office, refilled at
 * a steady rate, with a burst. The buckets live in the memory of one
 * loketd process (each process of several limits on its own); they hold
 * no data of the offices and may be lost at any time.
 *
 * It never answers a request itself: api.c says 429 with Retry-After.
 */
#ifndef LOKETD_RATELIMIT_H
#define LOKETD_RATELIMIT_H

#include <time.h>

/* Set the rate (requests per minute per office; 0: no limit). */
void	 ratelimit_set(int per_minute);
/*
 * May the office make a request at now? 0 yes (a token is spent), or the
 * seconds until it may.
 */
long	 ratelimit_take(long office, double now);

#endif
