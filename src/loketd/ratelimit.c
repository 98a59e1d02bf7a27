/* One token bucket per office, in memory, under one lock. */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>

#include "common/xmalloc.h"
#include "loketd/ratelimit.h"

struct ratelimit_bucket {
	long	 office;
	double	 tokens;
	double	 at;		/* when tokens was counted */
};

static pthread_mutex_t		 ratelimit_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ratelimit_bucket	*ratelimit_buckets;
static size_t			 ratelimit_count;
static double			 ratelimit_per_second;
static double			 ratelimit_burst;

void
ratelimit_set(int per_minute)
{
	pthread_mutex_lock(&ratelimit_lock);
	ratelimit_per_second = per_minute / 60.0;
	/* A burst of ten seconds' worth, and at least one request. */
	ratelimit_burst = per_minute > 6 ? per_minute / 6.0 : 1;
	pthread_mutex_unlock(&ratelimit_lock);
}

/* The office's bucket, made full the first time. */
static struct ratelimit_bucket *
ratelimit_bucket(long office, double now)
{
	size_t	 i;

	for (i = 0; i < ratelimit_count; i++) {
		if (ratelimit_buckets[i].office == office)
			return &ratelimit_buckets[i];
	}
	ratelimit_buckets = xreallocarray(ratelimit_buckets,
	    ratelimit_count + 1, sizeof *ratelimit_buckets);
	ratelimit_buckets[i].office = office;
	ratelimit_buckets[i].tokens = ratelimit_burst;
	ratelimit_buckets[i].at = now;
	ratelimit_count++;
	return &ratelimit_buckets[i];
}

long
ratelimit_take(long office, double now)
{
	struct ratelimit_bucket	*b;
	long			 wait = 0;

	pthread_mutex_lock(&ratelimit_lock);
	if (ratelimit_per_second <= 0)
		goto out;
	b = ratelimit_bucket(office, now);
	b->tokens += (now - b->at) * ratelimit_per_second;
	if (b->tokens > ratelimit_burst)
		b->tokens = ratelimit_burst;
	b->at = now;
	if (b->tokens >= 1)
		b->tokens -= 1;
	else
		wait = (long)ceil((1 - b->tokens) / ratelimit_per_second);
out:
	pthread_mutex_unlock(&ratelimit_lock);
	return wait;
}
