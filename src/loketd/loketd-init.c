/*
 * loketd init: create or migrate the centre's database, and make its key
 * pair and generation once. loketd migrate: bring the schema up to date,
 * making nothing. loketd generation new: after a restore from a backup,
 * tell the offices to pull everything again. loketd serve: answer the
 * offices.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "common/i18n.h"
#include "common/xmalloc.h"
#include "loketd/loketd.h"
#include "loketd/server.h"
#include "loketd/store.h"
#include "sync/seal.h"

/* Make the key pair and the generation unless the store has them. */
static int
loketd_init_keys(struct store *s, char **cause)
{
	char	 pk[SYNC_KEY_HEX], sk[SYNC_KEY_HEX], generation[SYNC_UUID_LEN];
	char	*have = NULL;
	int	 rc;

	rc = s->engine->meta_get(s, "public_key", &have, cause);
	free(have);
	if (rc != 0)
		return rc == 1 ? 0 : rc;
	sync_keypair(pk, sk);
	sync_uuid(generation);
	if (s->engine->meta_set(s, "secret_key", sk, cause) != 0 ||
	    s->engine->meta_set(s, "public_key", pk, cause) != 0 ||
	    s->engine->meta_set(s, "generation", generation, cause) != 0)
		return STORE_FAILED;
	return 0;
}

static int
loketd_init_exec(struct loketd_conf *conf, int argc, char **argv)
{
	struct store	*s;
	char		*cause = NULL, *shown;
	int		 status = LOKETD_EXIT_OK;

	if (argc != 1) {
		loketd_error(_("usage: loketd init"));
		return LOKETD_EXIT_USAGE;
	}
	if ((s = loketd_open(conf, STORE_CREATE)) == NULL)
		return LOKETD_EXIT_DATABASE;
	if (loketd_init_keys(s, &cause) != 0) {
		loketd_error("%s", cause);
		free(cause);
		status = LOKETD_EXIT_DATABASE;
	} else {
		shown = store_where_shown(conf->db);
		printf(_("The centre's database %s is ready.\n"), shown);
		free(shown);
	}
	store_close(s);
	return loketd_close_stdout(status);
}

const struct loketd_cmd loketd_init_cmd = {
	"init", "", loketd_init_exec
};

static int
loketd_migrate_exec(struct loketd_conf *conf, int argc, char **argv)
{
	struct store	*s;

	if (argc != 1) {
		loketd_error(_("usage: loketd migrate"));
		return LOKETD_EXIT_USAGE;
	}
	if ((s = loketd_open(conf, STORE_MIGRATE)) == NULL)
		return LOKETD_EXIT_DATABASE;
	store_close(s);
	printf(_("The centre's database is up to date.\n"));
	return loketd_close_stdout(LOKETD_EXIT_OK);
}

const struct loketd_cmd loketd_migrate_cmd = {
	"migrate", "", loketd_migrate_exec
};

/*
 * A centre restored from a backup has forgotten changes the offices
 * pulled: a new generation makes each of them pull everything again.
 */
static int
loketd_generation_exec(struct loketd_conf *conf, int argc, char **argv)
{
	struct store	*s;
	char		 generation[SYNC_UUID_LEN];
	char		*cause = NULL;
	int		 status = LOKETD_EXIT_OK;

	if (argc != 1) {
		loketd_error(_("usage: loketd generation new"));
		return LOKETD_EXIT_USAGE;
	}
	if ((s = loketd_open(conf, STORE_USE)) == NULL)
		return LOKETD_EXIT_DATABASE;
	sync_uuid(generation);
	if (s->engine->meta_set(s, "generation", generation, &cause) != 0) {
		loketd_error("%s", cause);
		free(cause);
		status = LOKETD_EXIT_DATABASE;
	} else
		printf(_("The centre's generation is now %s: every office "
		    "pulls everything again.\n"), generation);
	store_close(s);
	return loketd_close_stdout(status);
}

const struct loketd_cmd loketd_generation_cmd = {
	"generation new", "", loketd_generation_exec
};

static int
loketd_serve_exec(struct loketd_conf *conf, int argc, char **argv)
{
	static const struct option options[] = {
		{ "listen", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	struct server_options	 o = { 0 };
	struct store		*s;
	char			*cause = NULL;
	int			 c;

	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (c != 'l')
			return LOKETD_EXIT_USAGE;
		free(conf->listen);
		conf->listen = xstrdup(optarg);
	}
	if (optind != argc || conf->listen == NULL) {
		loketd_error(_("usage: loketd serve --listen ADDRESS:PORT"));
		return LOKETD_EXIT_USAGE;
	}
	/* The store must open now, not at the first request. */
	if ((s = loketd_open(conf, 0)) == NULL)
		return LOKETD_EXIT_DATABASE;
	store_close(s);
	o.listen = conf->listen;
	o.db = conf->db;
	o.tls_cert = conf->tls_cert;
	o.tls_key = conf->tls_key;
	o.plain_http_anywhere = conf->plain_http;
	o.threads = conf->threads > 0 ? conf->threads : 4;
	o.store_handles = conf->store_handles > 0 ? conf->store_handles :
	    o.threads;
	o.rate_per_minute = conf->rate_per_minute >= 0 ?
	    conf->rate_per_minute : 600;
	o.max_body = 4 * 1024 * 1024;
	if (server_run(&o, &cause) != 0) {
		loketd_error("%s", cause);
		free(cause);
		return LOKETD_EXIT_FAIL;
	}
	return LOKETD_EXIT_OK;
}

const struct loketd_cmd loketd_serve_cmd = {
	"serve", "--listen ADDRESS:PORT", loketd_serve_exec
};
