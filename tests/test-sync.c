/*
 * What both ends of sync share (src/sync/): canonical JSON is the same
 * bytes whatever the order of the keys, an operation's hash changes with
 * any field, operation ids are version-4 UUIDs, and only the centre's
 * secret key opens what an office sealed; and the agent's retries spread
 * with full jitter under a cap, never sooner than Retry-After.
 */
#include "config.h"

#include "unit.h"

#include "office/agent.h"
#include "sync/canonical.h"
#include "sync/op.h"
#include "sync/seal.h"

static void
test_canonical_sorts_and_compacts(void **state)
{
	json_t	*a, *b;
	char	*ta, *tb, ha[SYNC_HASH_HEX], hb[SYNC_HASH_HEX];

	a = json_loads("{\"b\": 1, \"a\": {\"z\": \"\u00e9\", \"y\": [2, 1]}}",
	    0, NULL);
	b = json_loads("{\"a\":{\"y\":[2,1],\"z\":\"\\u00e9\"},\"b\":1}", 0,
	    NULL);
	ta = sync_canonical(a);
	tb = sync_canonical(b);
	assert_string_equal(ta, "{\"a\":{\"y\":[2,1],\"z\":\"\\u00E9\"},"
	    "\"b\":1}");
	assert_string_equal(ta, tb);
	sync_hash(ta, strlen(ta), ha);
	sync_hash(tb, strlen(tb), hb);
	assert_string_equal(ha, hb);
	assert_true(sync_hash_valid(ha));
	free(ta);
	free(tb);
	json_decref(a);
	json_decref(b);
	/* Reals have no canonical text: refused. */
	a = json_loads("{\"a\": 1.5}", 0, NULL);
	assert_null(sync_canonical(a));
	json_decref(a);
}

static void
test_hash_known_value(void **state)
{
	char	 h[SYNC_HASH_HEX];

	sync_hash("abc", 3, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
}

static void
test_uuid_v4(void **state)
{
	char	 a[SYNC_UUID_LEN], b[SYNC_UUID_LEN];

	sync_uuid(a);
	sync_uuid(b);
	assert_true(sync_uuid_valid(a));
	assert_int_equal(a[14], '4');
	assert_true(strchr("89ab", a[19]) != NULL);
	assert_string_not_equal(a, b);
	assert_false(sync_uuid_valid("not-a-uuid"));
	assert_false(sync_uuid_valid("0123456789ab-cdef-4123-8123-0123456789ab"));
	assert_false(sync_uuid_valid("01234567-89AB-4DEF-8123-0123456789AB"));
}

/* A sample operation; its strings are static. */
static void
sample_op(struct sync_op *op)
{
	memset(op, 0, sizeof *op);
	snprintf(op->id, sizeof op->id, "%s",
	    "0f8fad5b-d9cb-469f-a165-70867728950e");
	op->seq = 7;
	op->at = 1764480000;
	op->kind = "take";
	op->actor = "kiosk";
	op->terminal = "tty1";
	op->detail = "A-001";
	op->has_ticket = 1;
	op->ticket.day = "2026-11-30";
	op->ticket.service = "KTP";
	op->ticket.number = 1;
	op->ticket.priority = "none";
	op->ticket.state = "waiting";
	op->ticket.outcome = "";
	op->ticket.arrived = 1764480000;
}

static void
test_op_round_trip_and_hash(void **state)
{
	struct sync_op	 op, back;
	json_t		*j;
	char		*text, *again, h1[SYNC_HASH_HEX], h2[SYNC_HASH_HEX];
	char		 h3[SYNC_HASH_HEX], *cause = NULL;

	sample_op(&op);
	text = sync_op_encode(&op, h1);
	assert_non_null(text);
	j = json_loads(text, 0, NULL);
	assert_int_equal(sync_op_hash(j, h2), 0);
	assert_string_equal(h1, h2);	/* the centre computes the same */
	assert_int_equal(sync_op_parse(j, &back, &cause), 0);
	assert_string_equal(back.ticket.service, "KTP");
	assert_int_equal(back.seq, 7);
	again = sync_op_encode(&back, h3);
	assert_string_equal(text, again);
	sync_op_clear(&back);
	free(again);
	json_decref(j);
	free(text);
	/* One field changed, another hash. */
	op.ticket.number = 2;
	free(sync_op_encode(&op, h3));
	assert_string_not_equal(h1, h3);
}

static void
test_op_parse_refuses(void **state)
{
	static const char *const bad[] = {
		"[]",
		"{\"id\":\"x\",\"seq\":1,\"prev\":\"\",\"at\":1,\"counter\":0,"
		"\"kind\":\"take\",\"actor\":\"a\",\"terminal\":\"t\","
		"\"detail\":\"\"}",
		"{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"seq\":0,"
		"\"prev\":\"\",\"at\":1,\"counter\":0,\"kind\":\"take\","
		"\"actor\":\"a\",\"terminal\":\"t\",\"detail\":\"\"}",
		"{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"seq\":1,"
		"\"prev\":\"abc\",\"at\":1,\"counter\":0,\"kind\":\"take\","
		"\"actor\":\"a\",\"terminal\":\"t\",\"detail\":\"\"}",
		"{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"seq\":1,"
		"\"prev\":\"\",\"at\":1,\"counter\":0,\"kind\":\"take\","
		"\"actor\":\"a\",\"terminal\":\"t\",\"detail\":\"\","
		"\"ticket\":{\"day\":\"x\"}}",
	};
	struct sync_op	 op;
	json_t		*j;
	char		*cause;
	size_t		 i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cause = NULL;
		j = json_loads(bad[i], 0, NULL);
		assert_non_null(j);
		assert_int_equal(sync_op_parse(j, &op, &cause), -1);
		assert_non_null(cause);
		free(cause);
		json_decref(j);
	}
}

static void
test_seal_opens_only_with_the_key(void **state)
{
	char	 pk[SYNC_KEY_HEX], sk[SYNC_KEY_HEX];
	char	 pk2[SYNC_KEY_HEX], sk2[SYNC_KEY_HEX];
	char	*sealed, *open;

	sync_keypair(pk, sk);
	sync_keypair(pk2, sk2);
	sealed = sync_seal("+6281234567890", pk);
	assert_non_null(sealed);
	assert_null(strstr(sealed, "6281234567890"));
	open = sync_open(sealed, pk, sk);
	assert_string_equal(open, "+6281234567890");
	free(open);
	assert_null(sync_open(sealed, pk2, sk2));
	sealed[5] = sealed[5] == 'A' ? 'B' : 'A';
	assert_null(sync_open(sealed, pk, sk));
	free(sealed);
	assert_null(sync_seal("x", "not a key"));
}

static void
test_backoff_full_jitter(void **state)
{
	long	 w, most = 0;
	int	 i;

	for (i = 0; i < 200; i++) {
		w = agent_backoff(3, 0);
		assert_true(w >= 0 && w <= AGENT_BACKOFF_BASE * 8);
		most = w > most ? w : most;
	}
	assert_true(most > AGENT_BACKOFF_BASE);	/* it spreads */
	for (i = 0; i < 50; i++)
		assert_true(agent_backoff(40, 0) <= AGENT_BACKOFF_CAP);
	assert_true(agent_backoff(0, 120) >= 120);	/* Retry-After */
	assert_true(agent_backoff(0, 99999) <= AGENT_BACKOFF_CAP);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical_sorts_and_compacts),
		cmocka_unit_test(test_hash_known_value),
		cmocka_unit_test(test_uuid_v4),
		cmocka_unit_test(test_op_round_trip_and_hash),
		cmocka_unit_test(test_op_parse_refuses),
		cmocka_unit_test(test_seal_opens_only_with_the_key),
		cmocka_unit_test(test_backoff_full_jitter),
	};

	if (sync_init() != 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
