/* Counters of the running server, in the Prometheus text format. */
#include "config.h"

#include <stdio.h>

#include "loketd/metrics.h"

static const int metrics_statuses[] = { 200, 400, 401, 403, 404, 405, 413,
    429, 500, 503 };
#define METRICS_STATUSES \
	(sizeof metrics_statuses / sizeof metrics_statuses[0])
static const double metrics_bounds[] = { 0.005, 0.01, 0.025, 0.05, 0.1,
    0.25, 0.5, 1, 2.5, 5, 10 };
#define METRICS_BOUNDS (sizeof metrics_bounds / sizeof metrics_bounds[0])

static unsigned long	 metrics_requests[METRICS_STATUSES + 1];
static unsigned long	 metrics_ops[STORE_RESULT_COUNT];
static unsigned long	 metrics_buckets[METRICS_BOUNDS];
static unsigned long	 metrics_push_count;
static double		 metrics_push_sum;
static unsigned long	 metrics_connections;
static unsigned long	 metrics_bytes[2][2];	/* [out][gzip] */

void
metrics_request(int status)
{
	size_t	 i;

	for (i = 0; i < METRICS_STATUSES; i++) {
		if (metrics_statuses[i] == status)
			break;
	}
	__atomic_add_fetch(&metrics_requests[i], 1, __ATOMIC_RELAXED);
}

void
metrics_op(enum store_result r)
{
	if (r >= 0 && r < STORE_RESULT_COUNT)
		__atomic_add_fetch(&metrics_ops[r], 1, __ATOMIC_RELAXED);
}

void
metrics_push_seconds(double seconds)
{
	static int	 lock;
	size_t		 i;

	while (__atomic_exchange_n(&lock, 1, __ATOMIC_ACQUIRE))
		;
	for (i = 0; i < METRICS_BOUNDS; i++) {
		if (seconds <= metrics_bounds[i])
			metrics_buckets[i]++;
	}
	metrics_push_count++;
	metrics_push_sum += seconds;
	__atomic_store_n(&lock, 0, __ATOMIC_RELEASE);
}

void
metrics_connection(void)
{
	__atomic_add_fetch(&metrics_connections, 1, __ATOMIC_RELAXED);
}

void
metrics_body_bytes(int out, int gzip, size_t bytes)
{
	__atomic_add_fetch(&metrics_bytes[out != 0][gzip != 0], bytes,
	    __ATOMIC_RELAXED);
}

void
metrics_write(FILE *f)
{
	size_t	 i;

	fputs("# HELP loketd_requests_total HTTP requests by status.\n"
	    "# TYPE loketd_requests_total counter\n", f);
	for (i = 0; i < METRICS_STATUSES; i++)
		fprintf(f, "loketd_requests_total{status=\"%d\"} %lu\n",
		    metrics_statuses[i], metrics_requests[i]);
	fprintf(f, "loketd_requests_total{status=\"other\"} %lu\n",
	    metrics_requests[METRICS_STATUSES]);
	fputs("# HELP loketd_operations_total Operations received, by "
	    "result.\n# TYPE loketd_operations_total counter\n", f);
	for (i = 0; i < STORE_RESULT_COUNT; i++)
		fprintf(f, "loketd_operations_total{result=\"%s\"} %lu\n",
		    store_result_name(i), metrics_ops[i]);
	fputs("# HELP loketd_push_seconds Time to answer a push.\n"
	    "# TYPE loketd_push_seconds histogram\n", f);
	for (i = 0; i < METRICS_BOUNDS; i++)
		fprintf(f, "loketd_push_seconds_bucket{le=\"%g\"} %lu\n",
		    metrics_bounds[i], metrics_buckets[i]);
	fprintf(f, "loketd_push_seconds_bucket{le=\"+Inf\"} %lu\n"
	    "loketd_push_seconds_sum %f\nloketd_push_seconds_count %lu\n",
	    metrics_push_count, metrics_push_sum, metrics_push_count);
	fprintf(f, "# HELP loketd_connections_total Connections accepted.\n"
	    "# TYPE loketd_connections_total counter\n"
	    "loketd_connections_total %lu\n", metrics_connections);
	fputs("# HELP loketd_body_bytes_total Bytes of bodies as they "
	    "travelled, by direction and encoding.\n"
	    "# TYPE loketd_body_bytes_total counter\n", f);
	for (i = 0; i < 4; i++)
		fprintf(f, "loketd_body_bytes_total{direction=\"%s\","
		    "encoding=\"%s\"} %lu\n", i / 2 ? "out" : "in",
		    i % 2 ? "gzip" : "identity", metrics_bytes[i / 2][i % 2]);
}
