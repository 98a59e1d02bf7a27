/*
 * The sync agent: enrolment, then rounds of push (the outbox in batches,
 * each operation's answer final once the centre gave it) and pull (the
 * centre's changes after the cursor, applied with the cursor in one
 * transaction; a new generation pulls again from the start; a centre
 * that holds fewer of our operations than we pushed gets the rest again).
 * Every answer is checked before anything is recorded.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include <jansson.h>

#include "common/i18n.h"
#include "common/log.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "office/agent.h"
#include "office/db.h"
#include "office/feed.h"
#include "office/outbox.h"
#include "office/sync-http.h"
#include "sync/canonical.h"

/* What an HTTP status means for the agent. */
static enum agent_status
agent_status_of(long status)
{
	if (status == 200)
		return AGENT_DONE;
	if (status == 429 || status >= 500 || status < 200)
		return AGENT_UNREACHABLE;
	return AGENT_REFUSED;
}

/* What an answer said of the centre's clock. */
static void
agent_clock(struct agent_report *r, const struct sync_http_answer *a)
{
	r->retry_after = a->retry_after;
	if (a->has_clock) {
		r->has_clock = 1;
		r->clock_offset = a->clock_offset;
	}
}

/* A cause for an answer that is not 200, with the centre's reason. */
static char *
agent_refusal(const char *url, const struct sync_http_answer *a)
{
	json_t		*j = json_loads(a->body, 0, NULL);
	const char	*reason = json_string_value(json_object_get(j, "error"));
	char		*safe, *cause;

	safe = text_sanitize(reason != NULL ? reason : "", 0);
	cause = xasprintf(_("The centre at %s answered %ld %s"), url,
	    a->status, safe);
	free(safe);
	json_decref(j);
	return cause;
}

/* A cause for an answer that is not what the protocol says. */
static char *
agent_garbled(const char *url)
{
	return xasprintf(_("The centre at %s sent an answer Loket does not "
	    "understand."), url);
}

/* A text field of an answer that must be there, as written. */
static const char *
agent_field(const json_t *j, const char *key)
{
	const char	*v = json_string_value(json_object_get(j, key));

	return v != NULL && text_utf8_valid(v, strlen(v)) ? v : NULL;
}

/* POST to the centre: the status, and the answer (caller clears). */
static enum agent_status
agent_post(const char *base, const char *path, const char *token,
    const char *body, struct sync_http_answer *a, char **cause)
{
	enum agent_status	 status;
	char			*url = xasprintf("%s%s", base, path);

	if (sync_http(url, token, body, a, cause) != 0) {
		free(url);
		return AGENT_UNREACHABLE;
	}
	if ((status = agent_status_of(a->status)) != AGENT_DONE)
		*cause = agent_refusal(url, a);
	free(url);
	return status;
}

/*
 * May the token travel to url? Over https anywhere; over plain http only
 * to this machine (a test, or a centre on the same host).
 */
static int
agent_url_allowed(const char *url)
{
	static const char *const local[] = { "http://localhost",
	    "http://127.", "http://[::1]" };
	size_t	 i, len;

	if (strncmp(url, "https://", 8) == 0)
		return 1;
	for (i = 0; i < sizeof local / sizeof local[0]; i++) {
		len = strlen(local[i]);
		if (strncmp(url, local[i], len) == 0 && (local[i][len - 1] ==
		    '.' || url[len] == '\0' || url[len] == ':' ||
		    url[len] == '/'))
			return 1;
	}
	return 0;
}

/*
 * An enrolment whose answer did not come: the centre may have made a
 * token the office never got. It keeps the code until the office has
 * used a token, so the same code may be sent again.
 */
static void
agent_enrol_lost(char **cause)
{
	char	*was = *cause;

	*cause = xasprintf(_("%s\nThe centre's answer did not arrive. Running "
	    "the same command again, with the same code, is safe."), was);
	free(was);
}

enum agent_status
agent_enrol(struct db *db, const char *url, const char *code, char **office,
    char **cause)
{
	struct sync_http_answer	 a = { 0 };
	struct outbox_state	 st;
	enum agent_status	 status;
	json_t			*request, *answer = NULL;
	char			*body, *base;

	memset(&st, 0, sizeof st);
	if (!agent_url_allowed(url)) {
		*cause = xstrdup(_("The centre's address starts with https:// "
		    "(or http:// on this machine)."));
		return AGENT_REFUSED;
	}
	base = xstrdup(url);
	while (*base != '\0' && base[strlen(base) - 1] == '/')
		base[strlen(base) - 1] = '\0';
	request = json_pack("{s:s}", "code", code);
	body = json_dumps(request, JSON_COMPACT);
	json_decref(request);
	status = agent_post(base, "/v1/enrol", NULL, body, &a, cause);
	free(body);
	if (status == AGENT_UNREACHABLE && a.status < 400)
		agent_enrol_lost(cause);
	if (status != AGENT_DONE)
		goto out;
	answer = json_loads(a.body, 0, NULL);
	st.office = (char *)agent_field(answer, "office");
	st.token = (char *)agent_field(answer, "token");
	st.centre_key = (char *)agent_field(answer, "centre_key");
	st.generation = (char *)agent_field(answer, "generation");
	st.centre = base;
	if (st.office == NULL || !sync_hash_valid(st.token) ||
	    !sync_hash_valid(st.centre_key) || st.generation == NULL) {
		*cause = agent_garbled(base);
		status = AGENT_UNREACHABLE;
		goto out;
	}
	if (outbox_enrol(db, &st, cause) != 0) {
		status = AGENT_DATABASE;
		goto out;
	}
	*office = text_sanitize(st.office, 0);
out:
	sync_http_end();
	json_decref(answer);
	sync_http_answer_clear(&a);
	free(base);
	return status;
}

/* Count one batch's answers; -1 if they do not match what was sent. */
static int
agent_results(const json_t *results, const struct outbox_op *ops, int n,
    struct agent_report *r, long *conflicts, long *rejected)
{
	const json_t	*one;
	const char	*id, *result;
	int		 i;

	if (!json_is_array(results) || (int)json_array_size(results) != n)
		return -1;
	*conflicts = *rejected = 0;
	for (i = 0; i < n; i++) {
		one = json_array_get(results, i);
		id = json_string_value(json_object_get(one, "id"));
		result = json_string_value(json_object_get(one, "result"));
		if (id == NULL || result == NULL || strcmp(id, ops[i].op_id))
			return -1;
		if (strcmp(result, "applied") == 0)
			r->applied++;
		else if (strcmp(result, "duplicate") == 0)
			r->duplicates++;
		else if (strcmp(result, "conflict") == 0)
			(*conflicts)++;
		else if (strcmp(result, "rejected") == 0)
			(*rejected)++;
		else
			return -1;
	}
	r->conflicts += *conflicts;
	r->rejected += *rejected;
	return 0;
}

/* The body of a push: the office and the operations as sealed. */
static char *
agent_batch_body(const char *office, const struct outbox_op *ops, int n)
{
	json_t	*name = json_string(office);
	char	*quoted, *body = NULL;
	size_t	 size;
	FILE	*f;
	int	 i;

	if ((f = open_memstream(&body, &size)) == NULL)
		fatal("out of memory");
	quoted = json_dumps(name, JSON_ENCODE_ANY);
	json_decref(name);
	fprintf(f, "{\"office\":%s,\"ops\":[", quoted);
	free(quoted);
	for (i = 0; i < n; i++)
		fprintf(f, "%s%s", i > 0 ? "," : "", ops[i].body);
	fputs("]}", f);
	if (fclose(f) != 0)
		fatal("out of memory");
	return body;
}

/* Push one batch of up to AGENT_BATCH; 0 pushed means nothing waits. */
static enum agent_status
agent_push_batch(struct db *db, const struct outbox_state *st,
    struct agent_report *r, int *pushed, char **cause)
{
	struct sync_http_answer	 a = { 0 };
	struct outbox_op	*ops;
	enum agent_status	 status = AGENT_DONE;
	json_t			*answer = NULL;
	char			*body;
	long			 conflicts, rejected;
	int			 n;

	if ((n = outbox_pending(db, st->pushed, AGENT_BATCH, &ops, cause)) < 0)
		return AGENT_DATABASE;
	*pushed = n;
	if (n == 0)
		goto out;
	body = agent_batch_body(st->office, ops, n);
	status = agent_post(st->centre, "/v1/ops", st->token, body, &a, cause);
	free(body);
	agent_clock(r, &a);
	if (status != AGENT_DONE)
		goto out;
	answer = json_loads(a.body, 0, NULL);
	if (agent_results(json_object_get(answer, "results"), ops, n, r,
	    &conflicts, &rejected) != 0) {
		*cause = agent_garbled(st->centre);
		status = AGENT_UNREACHABLE;
	} else if (outbox_pushed(db, ops[n - 1].seq, conflicts, rejected,
	    cause) != 0)
		status = AGENT_DATABASE;
	else
		r->pushed += n;
out:
	json_decref(answer);
	sync_http_answer_clear(&a);
	outbox_ops_free(ops, n);
	return status;
}

/* Push until nothing waits; the state's pushed mark follows. */
static enum agent_status
agent_push(struct db *db, struct outbox_state *st, struct agent_report *r,
    char **cause)
{
	enum agent_status	 status;
	int			 pushed;

	/* Events written before the outbox existed are sealed first. */
	if (db_begin(db, cause) != 0)
		return AGENT_DATABASE;
	if (outbox_seal(db, cause) != 0 || db_commit(db, cause) != 0) {
		db_rollback(db);
		return AGENT_DATABASE;
	}
	do {
		status = agent_push_batch(db, st, r, &pushed, cause);
		if (status != AGENT_DONE)
			return status;
		outbox_state_clear(st);
		if (outbox_state_read(db, st, cause) != 0)
			return AGENT_DATABASE;
	} while (pushed == AGENT_BATCH);
	return AGENT_DONE;
}

/*
 * Apply a page of changes and move the cursor to last, in one
 * transaction: a change is applied once or, if anything fails, not at
 * all (and pulled again). -1 if the page is not what the protocol says.
 */
static enum agent_status
agent_apply_page(struct db *db, const struct outbox_state *st,
    const json_t *changes, long last, struct agent_report *r, char **cause)
{
	const json_t	*change;
	const char	*kind;
	long		 cursor, before = st->cursor;
	size_t		 i;
	int		 rc;

	if (db_begin(db, cause) != 0)
		return AGENT_DATABASE;
	json_array_foreach(changes, i, change) {
		kind = agent_field(change, "kind");
		cursor = (long)json_integer_value(json_object_get(change,
		    "cursor"));
		if (kind == NULL || cursor <= before || cursor > last) {
			db_rollback(db);
			*cause = agent_garbled(st->centre);
			return AGENT_UNREACHABLE;
		}
		before = cursor;
		rc = feed_apply(db, cursor, st->generation, kind,
		    json_object_get(change, "data"), cause);
		if (rc < 0) {
			db_rollback(db);
			return AGENT_DATABASE;
		}
		r->pulled++;
		r->kept += rc == 0;
	}
	if (outbox_pulled(db, last, st->generation, cause) != 0 ||
	    db_commit(db, cause) != 0) {
		db_rollback(db);
		return AGENT_DATABASE;
	}
	return AGENT_DONE;
}

/*
 * The centre holds this office's operations only through `through` (it
 * was restored from a backup, or a replica that had not all of them took
 * over): the pushed mark goes back there, so that the rest is pushed
 * again; the centre answers "duplicate" for any it still has.
 */
static enum agent_status
agent_push_back(struct db *db, struct outbox_state *st, const json_t *answer,
    struct agent_report *r, char **cause)
{
	const json_t	*through = json_object_get(answer, "pushed_through");
	long		 seq;

	/* A centre from before pushed_through says nothing. */
	if (!json_is_integer(through) ||
	    (seq = (long)json_integer_value(through)) >= st->pushed)
		return AGENT_DONE;
	if (seq < 0) {
		*cause = agent_garbled(st->centre);
		return AGENT_UNREACHABLE;
	}
	log_info("the centre holds operations through %ld of %ld: pushing "
	    "the rest again", seq, st->pushed);
	if (outbox_pushed(db, seq, 0, 0, cause) != 0)
		return AGENT_DATABASE;
	r->pushed_back += st->pushed - seq;
	st->pushed = seq;
	return AGENT_DONE;
}

/*
 * Pull one page of changes after the cursor and apply it (office/feed.h);
 * *more if another page may follow. A new generation (the centre was
 * restored from a backup) starts again from the first change, so that
 * everything the centre publishes is applied again.
 */
static enum agent_status
agent_pull_page(struct db *db, struct outbox_state *st,
    struct agent_report *r, int *more, char **cause)
{
	struct sync_http_answer	 a = { 0 };
	enum agent_status	 status;
	const json_t		*changes;
	json_t			*answer = NULL, *empty = NULL;
	const char		*generation;
	char			*url;
	long			 last;

	*more = 0;
	url = xasprintf("%s/v1/changes?after=%ld", st->centre, st->cursor);
	if (sync_http(url, st->token, NULL, &a, cause) != 0) {
		free(url);
		return AGENT_UNREACHABLE;
	}
	agent_clock(r, &a);
	if ((status = agent_status_of(a.status)) != AGENT_DONE) {
		*cause = agent_refusal(url, &a);
		goto out;
	}
	answer = json_loads(a.body, 0, NULL);
	generation = agent_field(answer, "generation");
	changes = json_object_get(answer, "changes");
	if (generation == NULL || !json_is_array(changes) ||
	    !json_is_integer(json_object_get(answer, "cursor"))) {
		*cause = agent_garbled(st->centre);
		status = AGENT_UNREACHABLE;
		goto out;
	}
	last = (long)json_integer_value(json_object_get(answer, "cursor"));
	if ((status = agent_push_back(db, st, answer, r, cause)) != AGENT_DONE)
		goto out;
	if (st->generation == NULL || strcmp(generation, st->generation) != 0) {
		log_info("centre generation %s: pulling again in full",
		    generation);
		r->new_generation = 1;
		if (st->cursor != 0) {
			/* This page followed the old cursor: start again. */
			changes = empty = json_array();
			last = 0;
			*more = 1;
		}
		st->cursor = 0;
		free(st->generation);
		st->generation = xstrdup(generation);
	}
	*more = *more || json_array_size(changes) > 0;
	if ((status = agent_apply_page(db, st, changes, last, r,
	    cause)) == AGENT_DONE)
		st->cursor = last;
out:
	json_decref(empty);
	json_decref(answer);
	sync_http_answer_clear(&a);
	free(url);
	return status;
}

enum agent_status
agent_round(struct db *db, struct agent_report *r, char **cause)
{
	struct outbox_state	 st;
	enum agent_status	 status;
	char			*unrecorded = NULL;
	int			 more, pages = 0;

	memset(r, 0, sizeof *r);
	if (outbox_state_read(db, &st, cause) != 0) {
		outbox_state_clear(&st);
		return AGENT_DATABASE;
	}
	if (st.centre == NULL || st.token == NULL) {
		outbox_state_clear(&st);
		*cause = xstrdup(_("This office is not enrolled with a centre: "
		    "run \"loket sync enrol URL CODE\" first."));
		return AGENT_NOT_ENROLLED;
	}
	status = agent_push(db, &st, r, cause);
	while (status == AGENT_DONE) {
		status = agent_pull_page(db, &st, r, &more, cause);
		if (!more || ++pages == 1000)
			break;
	}
	/* What the centre had lost goes again in this round. */
	if (status == AGENT_DONE && r->pushed_back > 0)
		status = agent_push(db, &st, r, cause);
	if (status != AGENT_DATABASE && outbox_round(db, time(NULL),
	    status == AGENT_DONE ? NULL : *cause, r->has_clock ?
	    &r->clock_offset : NULL, &unrecorded) != 0) {
		log_warn("%s", unrecorded);
		free(unrecorded);
	}
	outbox_state_clear(&st);
	sync_http_end();
	return status;
}

long
agent_backoff(int attempt, long retry_after)
{
	long	 ceiling = AGENT_BACKOFF_BASE;
	long	 wait;

	while (attempt-- > 0 && ceiling < AGENT_BACKOFF_CAP)
		ceiling *= 2;
	if (ceiling > AGENT_BACKOFF_CAP)
		ceiling = AGENT_BACKOFF_CAP;
	wait = (long)randombytes_uniform((uint32_t)ceiling + 1);
	if (retry_after > AGENT_BACKOFF_CAP)
		retry_after = AGENT_BACKOFF_CAP;
	return wait > retry_after ? wait : retry_after;
}

int
agent_lock(struct db *db, char **cause)
{
	char	*path = xasprintf("%s.sync-lock", db->path);
	int	 fd;

	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd == -1) {
		*cause = xasprintf(_("Cannot open %s: %s"), path,
		    strerror(errno));
	} else if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		*cause = xasprintf(_("Another sync agent is running for the "
		    "database %s."), db->path);
		close(fd);
		fd = -1;
	}
	free(path);
	return fd;
}

int
agent_running(struct db *db)
{
	char	*path = xasprintf("%s.sync-lock", db->path);
	int	 fd, running = 0;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) != -1) {
		running = flock(fd, LOCK_SH | LOCK_NB) == -1 &&
		    errno == EWOULDBLOCK;
		close(fd);
	}
	free(path);
	return running;
}
