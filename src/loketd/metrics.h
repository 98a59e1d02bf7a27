/*
 * What loketd counts while it runs, for /metrics: requests by status,
 * operations by result, push latency. Counters only grow; they live in
 * memory and start at zero with the process, as Prometheus expects.
 * Figures kept in the database (offices last seen, chain breaks) are read
 * by api_metrics, not here.
 */
#ifndef LOKETD_METRICS_H
#define LOKETD_METRICS_H

#include <stdio.h>

#include "loketd/store.h"

void	 metrics_request(int status);
void	 metrics_op(enum store_result);
void	 metrics_push_seconds(double);
/* A connection accepted. */
void	 metrics_connection(void);
/* Bytes of a body as they travel: out (answers) or in, gzip or not. */
void	 metrics_body_bytes(int out, int gzip, size_t);
/* Write the counters in the Prometheus text format. */
void	 metrics_write(FILE *);

#endif
