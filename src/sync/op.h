/*
 * An operation: one event of the office's log as it travels to the
 * centre, with the ticket as the event left it. Both ends build it and
 * read it here, so that they agree on its fields and its hash.
 *
 * The hash covers the canonical text of every field; "prev" holds the
 * hash of the office's operation before it (the hash chain), "seq" its
 * place in the office's log. It never touches a database or the network.
 */
#ifndef LOKET_SYNC_OP_H
#define LOKET_SYNC_OP_H

#include <jansson.h>

#include "sync/canonical.h"

/* The ticket as the event left it. */
struct sync_ticket {
	char	*day;		/* YYYY-MM-DD, office-local */
	char	*service;	/* service code */
	long	 number;
	char	*priority;
	char	*state;
	char	*outcome;	/* "" for none */
	long	 arrived, called, served, finished;	/* 0: not yet */
	long	 counter;	/* 0: none */
};

struct sync_op {
	char			 id[SYNC_UUID_LEN];
	long			 seq;
	char			 prev[SYNC_HASH_HEX];	/* "" for the first */
	long			 at;
	char			*kind;	/* take, call, serve, finish ... */
	char			*actor;
	char			*terminal;
	long			 counter;
	char			*detail;
	int			 has_ticket;
	struct sync_ticket	 ticket;
	char			*sealed;	/* personal data (sync/seal.h) */
};

/* The operation as JSON (new reference). */
json_t	*sync_op_json(const struct sync_op *);
/*
 * Read an operation from JSON: 0, or -1 with an owned cause (English,
 * for the office's log: it never reaches a person at the centre).
 */
int	 sync_op_parse(const json_t *, struct sync_op *, char **cause);
/* Free what the strings of op hold; the struct itself is the caller's. */
void	 sync_op_clear(struct sync_op *);
/* Its canonical text (owned) and its hash; NULL if it cannot be made. */
char	*sync_op_encode(const struct sync_op *, char hash[SYNC_HASH_HEX]);
/* The hash of a JSON operation as received: 0, or -1. */
int	 sync_op_hash(const json_t *, char hash[SYNC_HASH_HEX]);

#endif
