/*
 * bench/sync-load.c -- the driver of bench/sync: makes valid operations
 * as an office makes them (ticket events, canonical text, a hash chain;
 * src/sync) and pushes them to loketd with libcurl.
 *
 *   sync-load push URL OFFICE TOKEN OPS BATCH [fresh]
 *	push OPS operations in batches of BATCH over one kept connection,
 *	gzip both ways, as the agent does; with "fresh", a new connection
 *	per request and no gzip (the baseline: curl in a loop). Prints
 *	"ops seconds bytes_up bytes_down errors"; bytes are HTTP headers
 *	and bodies as they travelled.
 *   sync-load load URL[,URL...] SECONDS RATE OFFICES-FILE
 *	one thread per office ("CODE TOKEN" lines), each pushing RATE
 *	operations a second, one per request, over its own connection;
 *	with several URLs (loketd processes) the offices are dealt to them
 *	in turn, as a balancer would. Prints "requests errors p50_ms
 *	p99_ms max_ms".
 *   sync-load peak URL SECONDS PERIOD BATCH WORKERS OFFICES-FILE
 *	every office pushes once every PERIOD seconds a batch of 1 to
 *	2 * BATCH - 1 operations (BATCH on average) and pulls the feed
 *	every 5 * PERIOD seconds, each from a random moment of its first
 *	period on; WORKERS threads, each with its own kept connection,
 *	make the requests. A request's latency counts from the moment it
 *	was due, so a server that falls behind is seen. Prints the same.
 *
 * An OFFICES-FILE line may go on with the office's place in its log
 * ("CODE TOKEN SEQ PREV NUMBER", PREV "-" for none): load and peak
 * start from there and write the file back, so that the next run of
 * the same offices goes on with their chains.
 *
 * An error is an answer other than 200, no answer, or an operation not
 * "applied".
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>
#include <jansson.h>
#include <sodium.h>

#include "common/xmalloc.h"
#include "sync/canonical.h"
#include "sync/gzip.h"

/* One office's place in its own log. */
struct office {
	const char	*code;
	const char	*token;
	long		 seq;
	char		 prev[SYNC_HASH_HEX];
	long		 number;	/* the ticket the next events are about */
};

/* The next operation of the office: a ticket's take, call, serve, finish. */
static char *
next_op(struct office *o, time_t now)
{
	static const char *const kinds[] = { "take", "call", "serve",
	    "finish" };
	static const char *const states[] = { "waiting", "called", "serving",
	    "done" };
	const int	 step = (int)(o->seq % 4);
	char		 id[SYNC_UUID_LEN], detail[16], *text;
	json_t		*op;

	if (step == 0)
		o->number++;
	sync_uuid(id);
	snprintf(detail, sizeof detail, "A-%03ld", o->number % 1000);
	op = json_pack("{s:s, s:I, s:i, s:s, s:s, s:s, s:s, s:I, s:s, "
	    "s:{s:I, s:I, s:i, s:s, s:I, s:I, s:s, s:s, s:I, s:s, s:s}}",
	    "actor", step == 0 ? "kiosk" : "desk1", "at", (json_int_t)now,
	    "counter", step == 0 ? 0 : 1, "detail", detail, "id", id,
	    "kind", kinds[step], "prev", o->prev, "seq",
	    (json_int_t)(o->seq + 1), "terminal", step == 0 ? "kiosk" : "desk1",
	    "ticket", "arrived", (json_int_t)now, "called",
	    (json_int_t)(step >= 1 ? now : 0), "counter", step == 0 ? 0 : 1,
	    "day", "2026-11-30", "finished", (json_int_t)(step == 3 ? now : 0),
	    "number", (json_int_t)o->number, "outcome", step == 3 ? "done" : "",
	    "priority", "none", "served", (json_int_t)(step >= 2 ? now : 0),
	    "service", "kia", "state", states[step]);
	text = sync_canonical(op);
	json_decref(op);
	sync_hash(text, strlen(text), o->prev);
	o->seq++;
	return text;
}

/* A batch body: {"office":CODE,"ops":[...]}. */
static char *
batch_body(const struct office *o, char **ops, int n)
{
	size_t	 size = 64 + strlen(o->code);
	char	*body, *p;
	int	 i;

	for (i = 0; i < n; i++)
		size += strlen(ops[i]) + 1;
	body = p = xmalloc(size);
	p += sprintf(p, "{\"office\":\"%s\",\"ops\":[", o->code);
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s%s", i > 0 ? "," : "", ops[i]);
	strcpy(p, "]}");
	return body;
}

struct answer {
	char	*data;
	size_t	 length;
	int	 gzip;
};

static size_t
answer_write(char *data, size_t size, size_t count, void *arg)
{
	struct answer	*a = arg;

	a->data = xreallocarray(a->data, a->length + size * count + 1, 1);
	memcpy(a->data + a->length, data, size * count);
	a->length += size * count;
	a->data[a->length] = '\0';
	return size * count;
}

static size_t
answer_header(char *data, size_t size, size_t count, void *arg)
{
	struct answer	*a = arg;

	if (size * count >= 22 && strncasecmp(data,
	    "Content-Encoding: gzip", 22) == 0)
		a->gzip = 1;
	return size * count;
}

/* Operations of an answer not "applied" (n if the answer is not one). */
static int
answer_errors(struct answer *a, int n)
{
	json_t	*j, *results;
	char	*text = a->data;
	size_t	 length, i;
	int	 errors = n;

	if (a->gzip && sync_gunzip(a->data, a->length, 1 << 26, &text,
	    &length) != 0)
		return n;
	j = json_loads(text != NULL ? text : "", 0, NULL);
	results = json_object_get(j, "results");
	if ((int)json_array_size(results) == n) {
		errors = 0;
		for (i = 0; i < (size_t)n; i++) {
			if (strcmp(json_string_value(json_object_get(
			    json_array_get(results, i), "result")) ?: "",
			    "applied") != 0)
				errors++;
		}
	}
	json_decref(j);
	if (text != a->data)
		free(text);
	return errors;
}

/* What the request wrote and read, headers and bodies as they went. */
struct wire {
	long	 up;
	long	 down;
};

static int
wire_count(CURL *h, curl_infotype type, char *data, size_t size, void *arg)
{
	struct wire	*w = arg;

	if (type == CURLINFO_HEADER_OUT || type == CURLINFO_DATA_OUT)
		w->up += (long)size;
	else if (type == CURLINFO_HEADER_IN || type == CURLINFO_DATA_IN)
		w->down += (long)size;
	return 0;
}

/* POST body on h: the errors among its n operations; adds the bytes. */
static int
post(CURL *h, const char *url, const struct office *o, const char *body,
    int n, int gzip, long *up, long *down)
{
	struct curl_slist	*headers = NULL;
	struct answer		 a = { NULL, 0, 0 };
	struct wire		 w = { 0, 0 };
	char			*auth, *packed = NULL;
	size_t			 length = strlen(body);
	long			 status = 0;
	int			 errors = n;

	auth = xasprintf("Authorization: Bearer %s", o->token);
	headers = curl_slist_append(headers, auth);
	headers = curl_slist_append(headers, "Content-Type: application/json");
	if (gzip && length >= SYNC_GZIP_WORTH) {
		body = packed = sync_gzip(body, length, &length);
		headers = curl_slist_append(headers, "Content-Encoding: gzip");
	}
	if (gzip)
		headers = curl_slist_append(headers, "Accept-Encoding: gzip");
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)length);
	curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, answer_write);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &a);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, answer_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, &a);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, wire_count);
	curl_easy_setopt(h, CURLOPT_DEBUGDATA, &w);
	curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);
	if (curl_easy_perform(h) == CURLE_OK) {
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
		*up += w.up;
		*down += w.down;
		if (status == 200)
			errors = answer_errors(&a, n);
	}
	curl_slist_free_all(headers);
	free(packed);
	free(a.data);
	free(auth);
	return errors;
}

static double
now_seconds(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* COUNT ops of the office o, in batches: one line of figures. */
static int
push(const char *base, struct office *op, int count, int batch, int fresh)
{
	struct office	 o = *op;
	char		**ops, **bodies, *url;
	long		 up = 0, down = 0;
	double		 start;
	int		 i, n, batches, errors = 0;
	CURL		*h = NULL;

	ops = xcalloc(count, sizeof *ops);
	for (i = 0; i < count; i++)
		ops[i] = next_op(&o, time(NULL));
	batches = (count + batch - 1) / batch;
	bodies = xcalloc(batches, sizeof *bodies);
	for (i = 0; i < batches; i++) {
		n = count - i * batch < batch ? count - i * batch : batch;
		bodies[i] = batch_body(&o, ops + i * batch, n);
	}
	url = xasprintf("%s/v1/ops", base);
	start = now_seconds();
	for (i = 0; i < batches; i++) {
		n = count - i * batch < batch ? count - i * batch : batch;
		if (h == NULL)
			h = curl_easy_init();
		errors += post(h, url, &o, bodies[i], n, !fresh, &up, &down);
		if (fresh) {
			curl_easy_cleanup(h);
			h = NULL;
		}
	}
	printf("%d %.6f %ld %ld %d\n", count, now_seconds() - start, up, down,
	    errors);
	*op = o;
	curl_easy_cleanup(h);
	for (i = 0; i < count; i++)
		free(ops[i]);
	for (i = 0; i < batches; i++)
		free(bodies[i]);
	free(ops);
	free(bodies);
	free(url);
	return errors != 0;
}

struct load {
	struct office	 office;
	const char	*url;
	double		 seconds;
	int		 rate;
	double		*latency;	/* ms, one per request */
	int		 requests;
	int		 errors;
};

static void *
load_office(void *arg)
{
	struct load	*l = arg;
	struct timespec	 at;
	CURL		*h = curl_easy_init();
	char		*op, *body;
	long		 up = 0, down = 0;
	double		 start = now_seconds(), next = start, t;

	l->latency = xcalloc((size_t)(l->seconds * l->rate) + 1,
	    sizeof *l->latency);
	while (l->requests < (int)(l->seconds * l->rate)) {
		next += 1.0 / l->rate;
		if ((t = next - now_seconds()) > 0) {
			at.tv_sec = (time_t)t;
			at.tv_nsec = (long)((t - at.tv_sec) * 1e9);
			nanosleep(&at, NULL);
		}
		op = next_op(&l->office, time(NULL));
		body = batch_body(&l->office, &op, 1);
		t = now_seconds();
		l->errors += post(h, l->url, &l->office, body, 1, 1, &up,
		    &down);
		l->latency[l->requests++] = (now_seconds() - t) * 1000;
		free(op);
		free(body);
	}
	curl_easy_cleanup(h);
	return NULL;
}

static int
compare_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Prints "requests errors p50_ms p99_ms max_ms"; frees all. */
static void
latency_print(double *all, int requests, int errors)
{
	qsort(all, requests, sizeof *all, compare_double);
	printf("%d %d %.1f %.1f %.1f\n", requests, errors,
	    requests ? all[requests / 2] : 0,
	    requests ? all[(int)(requests * 0.99)] : 0,
	    requests ? all[requests - 1] : 0);
	free(all);
}

/* The offices of a file: n of them, or NULL. */
static struct office *
offices_read(const char *path, int *n)
{
	struct office	*o = NULL;
	FILE		*f;
	char		 line[512], code[64], token[128], prev[SYNC_HASH_HEX];
	long		 seq, number;
	int		 fields;

	*n = 0;
	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	while (fgets(line, sizeof line, f) != NULL) {
		fields = sscanf(line, "%63s %127s %ld %64s %ld", code, token,
		    &seq, prev, &number);
		if (fields < 2)
			continue;
		o = xreallocarray(o, *n + 1, sizeof *o);
		memset(&o[*n], 0, sizeof *o);
		o[*n].code = xstrdup(code);
		o[*n].token = xstrdup(token);
		if (fields == 5) {
			o[*n].seq = seq;
			o[*n].number = number;
			if (strcmp(prev, "-") != 0)
				memcpy(o[*n].prev, prev, sizeof o[*n].prev);
		}
		(*n)++;
	}
	fclose(f);
	return o;
}

/* Write the offices back, with their places in their logs. */
static void
offices_write(const char *path, const struct office *o, int n)
{
	FILE	*f;
	int	 i;

	if ((f = fopen(path, "w")) == NULL)
		return;
	for (i = 0; i < n; i++)
		fprintf(f, "%s %s %ld %s %ld\n", o[i].code, o[i].token,
		    o[i].seq, o[i].prev[0] != '\0' ? o[i].prev : "-",
		    o[i].number);
	fclose(f);
}

static int
load(const char *base, double seconds, int rate, const char *path)
{
	struct load	*loads = NULL;
	pthread_t	*threads;
	struct office	*offices;
	char		**urls, *list, *one;
	double		*all;
	int		 n = 0, i, j, k, requests = 0, errors = 0, nurls = 0;

	if ((offices = offices_read(path, &n)) == NULL)
		return 2;
	urls = xcalloc(strlen(base) + 1, sizeof *urls);
	list = xstrdup(base);
	for (one = strtok(list, ","); one != NULL; one = strtok(NULL, ","))
		urls[nurls++] = xasprintf("%s/v1/ops", one);
	loads = xcalloc(n + 1, sizeof *loads);
	for (i = 0; i < n; i++) {
		loads[i].office = offices[i];
		loads[i].url = urls[i % nurls];
		loads[i].seconds = seconds;
		loads[i].rate = rate;
	}
	threads = xcalloc(n, sizeof *threads);
	for (i = 0; i < n; i++)
		pthread_create(&threads[i], NULL, load_office, &loads[i]);
	for (i = 0; i < n; i++) {
		pthread_join(threads[i], NULL);
		requests += loads[i].requests;
		errors += loads[i].errors;
		offices[i] = loads[i].office;
	}
	offices_write(path, offices, n);
	all = xcalloc(requests + 1, sizeof *all);
	for (i = k = 0; i < n; i++) {
		for (j = 0; j < loads[i].requests; j++)
			all[k++] = loads[i].latency[j];
	}
	latency_print(all, requests, errors);
	return errors != 0;
}

/* GET /v1/changes after the office's cursor: 0, or 1 an error. */
static int
pull(CURL *h, const char *base, struct office *o, long *cursor)
{
	struct curl_slist	*headers = NULL;
	struct answer		 a = { NULL, 0, 0 };
	json_t			*j = NULL;
	char			*auth, *url, *text = NULL;
	size_t			 length;
	long			 status = 0;
	int			 error = 1;

	auth = xasprintf("Authorization: Bearer %s", o->token);
	url = xasprintf("%s/v1/changes?after=%ld", base, *cursor);
	headers = curl_slist_append(headers, auth);
	headers = curl_slist_append(headers, "Accept-Encoding: gzip");
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, answer_write);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &a);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, answer_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, &a);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_VERBOSE, 0L);
	if (curl_easy_perform(h) == CURLE_OK &&
	    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK &&
	    status == 200 && a.data != NULL && (!a.gzip ||
	    sync_gunzip(a.data, a.length, 1 << 26, &text, &length) == 0))
		j = json_loads(text != NULL ? text : a.data, 0, NULL);
	if (json_is_integer(json_object_get(j, "cursor"))) {
		*cursor = (long)json_integer_value(json_object_get(j,
		    "cursor"));
		error = 0;
	}
	json_decref(j);
	curl_slist_free_all(headers);
	free(text);
	free(a.data);
	free(url);
	free(auth);
	return error;
}

/*
 * The peak: offices on a schedule, each push or pull a job of a heap
 * ordered by the moment it is due. A job goes back on the heap only
 * when its request is answered, so that an office's pushes never
 * overlap.
 */
struct job {
	double	 due;
	int	 office;
	int	 pull;
};

struct peak {
	pthread_mutex_t	 lock;
	struct job	*heap;
	int		 jobs;
	struct office	*offices;
	long		*cursors;
	const char	*base;
	char		*url;
	double		 end;
	double		 period;
	int		 batch;
	double		*latency;	/* ms, one per request */
	int		 requests;
	int		 size;
	int		 errors;
};

static void
peak_put(struct peak *p, struct job j)
{
	struct job	 t;
	int		 i = p->jobs++, up;

	p->heap[i] = j;
	for (; i > 0 && p->heap[up = (i - 1) / 2].due > p->heap[i].due;
	    i = up) {
		t = p->heap[up];
		p->heap[up] = p->heap[i];
		p->heap[i] = t;
	}
}

static struct job
peak_take(struct peak *p)
{
	struct job	 top = p->heap[0], t;
	int		 i = 0, c;

	p->heap[0] = p->heap[--p->jobs];
	while ((c = 2 * i + 1) < p->jobs) {
		if (c + 1 < p->jobs && p->heap[c + 1].due < p->heap[c].due)
			c++;
		if (p->heap[i].due <= p->heap[c].due)
			break;
		t = p->heap[c];
		p->heap[c] = p->heap[i];
		p->heap[i] = t;
		i = c;
	}
	return top;
}

/* One request of a job: its errors (0 or more). */
static int
peak_request(struct peak *p, CURL *h, const struct job *j)
{
	struct office	*o = &p->offices[j->office];
	char		**ops, *body;
	long		 up = 0, down = 0;
	int		 i, n, errors;

	if (j->pull)
		return pull(h, p->base, o, &p->cursors[j->office]);
	n = 1 + (int)randombytes_uniform(2 * p->batch - 1);
	ops = xcalloc(n, sizeof *ops);
	for (i = 0; i < n; i++)
		ops[i] = next_op(o, time(NULL));
	body = batch_body(o, ops, n);
	errors = post(h, p->url, o, body, n, 1, &up, &down);
	for (i = 0; i < n; i++)
		free(ops[i]);
	free(ops);
	free(body);
	return errors;
}

static void *
peak_worker(void *arg)
{
	struct peak	*p = arg;
	struct job	 j;
	struct timespec	 at;
	CURL		*h = curl_easy_init();
	double		 t, ms;
	int		 errors;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		/* Every job may be out with the other workers. */
		t = p->jobs > 0 ? p->heap[0].due - now_seconds() : 0.005;
		if (p->jobs > 0 && p->heap[0].due >= p->end)
			break;
		if (t > 0) {
			if (now_seconds() >= p->end)
				break;
			pthread_mutex_unlock(&p->lock);
			at.tv_sec = 0;
			at.tv_nsec = (long)((t < 0.005 ? t : 0.005) * 1e9);
			nanosleep(&at, NULL);
			pthread_mutex_lock(&p->lock);
			continue;
		}
		j = peak_take(p);
		pthread_mutex_unlock(&p->lock);
		errors = peak_request(p, h, &j);
		ms = (now_seconds() - j.due) * 1000;
		pthread_mutex_lock(&p->lock);
		if (p->requests == p->size) {
			p->size = p->size * 2 + 1024;
			p->latency = xreallocarray(p->latency, p->size,
			    sizeof *p->latency);
		}
		p->latency[p->requests++] = ms;
		p->errors += errors;
		j.due += j.pull ? 5 * p->period : p->period;
		peak_put(p, j);
	}
	pthread_mutex_unlock(&p->lock);
	curl_easy_cleanup(h);
	return NULL;
}

static int
peak(const char *base, double seconds, double period, int batch,
    int workers, const char *path)
{
	struct peak	 p;
	pthread_t	*threads;
	double		 start;
	int		 n = 0, i;

	memset(&p, 0, sizeof p);
	if (batch < 1 || workers < 1 || period <= 0 ||
	    (p.offices = offices_read(path, &n)) == NULL)
		return 2;
	pthread_mutex_init(&p.lock, NULL);
	p.heap = xcalloc(2 * n + 1, sizeof *p.heap);
	p.cursors = xcalloc(n + 1, sizeof *p.cursors);
	p.base = base;
	p.url = xasprintf("%s/v1/ops", base);
	p.period = period;
	p.batch = batch;
	start = now_seconds();
	p.end = start + seconds;
	for (i = 0; i < n; i++) {
		peak_put(&p, (struct job){ start + period *
		    randombytes_uniform(1000) / 1000, i, 0 });
		peak_put(&p, (struct job){ start + 5 * period *
		    randombytes_uniform(1000) / 1000, i, 1 });
	}
	threads = xcalloc(workers, sizeof *threads);
	for (i = 0; i < workers; i++)
		pthread_create(&threads[i], NULL, peak_worker, &p);
	for (i = 0; i < workers; i++)
		pthread_join(threads[i], NULL);
	offices_write(path, p.offices, n);
	latency_print(p.latency != NULL ? p.latency : xcalloc(1,
	    sizeof *p.latency), p.requests, p.errors);
	return p.errors != 0;
}

/*
 * push URL CODE TOKEN OPS BATCH [fresh]: a new office's first ops;
 * push URL @FILE - OPS BATCH: the next ops of the office FILE's first
 * line holds (an offices file), its chain written back.
 */
static int
push_main(char **argv, int argc)
{
	struct office	 one = { argv[3], argv[4], 0, "", 0 }, *o = &one;
	int		 n = 0, rc;

	if (argv[3][0] == '@' && ((o = offices_read(argv[3] + 1, &n)) ==
	    NULL || n < 1))
		return 2;
	rc = push(argv[2], o, atoi(argv[5]), atoi(argv[6]), argc > 7 &&
	    strcmp(argv[7], "fresh") == 0);
	if (o != &one)
		offices_write(argv[3] + 1, o, n);
	return rc;
}

int
main(int argc, char **argv)
{
	if (sync_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 2;
	if (argc >= 7 && strcmp(argv[1], "push") == 0)
		return push_main(argv, argc);
	if (argc == 6 && strcmp(argv[1], "load") == 0)
		return load(argv[2], atof(argv[3]), atoi(argv[4]), argv[5]);
	if (argc == 8 && strcmp(argv[1], "peak") == 0)
		return peak(argv[2], atof(argv[3]), atof(argv[4]),
		    atoi(argv[5]), atoi(argv[6]), argv[7]);
	fprintf(stderr, "usage: sync-load push URL OFFICE TOKEN OPS BATCH "
	    "[fresh]\n       sync-load push URL @OFFICES-FILE - OPS BATCH\n"
	    "       sync-load load URL[,URL...] SECONDS RATE OFFICES-FILE\n"
	    "       sync-load peak URL SECONDS PERIOD BATCH WORKERS "
	    "OFFICES-FILE\n");
	return 2;
}
