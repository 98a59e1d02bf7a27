/*
 * POST /v1/enrol {"code": "..."}: a one-time code for the office's token
 * and the centre's public key. The same code sent again (its answer lost
 * on the way) gets a new token, until the office has used one: then the
 * code is spent. A wrong, spent or expired code gets 403 and says no
 * more.
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <jansson.h>

#include "common/log.h"
#include "loketd/api.h"
#include "loketd/enrol-code.h"
#include "loketd/store.h"

void
api_enrol(const struct api_request *r, struct api_answer *a)
{
	struct store_office	 o = { 0 };
	struct store		*s = NULL;
	json_t			*body;
	char			 code_hash[SYNC_HASH_HEX];
	char			 token[ENROL_TOKEN_HEX], token_hash[SYNC_HASH_HEX];
	char			*key = NULL, *generation = NULL, *cause = NULL;
	int			 rc;

	if ((body = api_body(r, a)) == NULL)
		return;
	if (enrol_code_hash(json_string_value(json_object_get(body, "code")) ?
	    json_string_value(json_object_get(body, "code")) : "",
	    code_hash) != 0) {
		api_error(a, 400, "code is not an enrolment code");
		goto out;
	}
	if ((s = api_store(r, a)) == NULL)
		goto out;
	enrol_token_new(token, token_hash);
	if (s->engine->meta_get(s, "public_key", &key, &cause) != 1 ||
	    s->engine->meta_get(s, "generation", &generation, &cause) != 1) {
		api_error(a, 503, "the centre is not initialised");
		goto out;
	}
	rc = s->engine->enrol(s, code_hash, time(NULL), token_hash, &o, &cause);
	if (rc == STORE_REFUSED) {
		api_error(a, 403, "enrolment refused");
		goto out;
	}
	if (rc != 0) {
		log_error("%s", cause);
		api_error(a, 503, "the store is not available");
		goto out;
	}
	log_info("office %s enrolled", o.code);
	api_json(a, 200, json_pack("{s:s, s:s, s:s, s:s}", "office", o.code,
	    "token", token, "centre_key", key, "generation", generation));
out:
	store_office_clear(&o);
	free(key);
	free(generation);
	free(cause);
	api_store_done(r, s, a);
	json_decref(body);
}
