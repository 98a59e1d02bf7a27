/*
 * Keyword search: how well a service matches what a citizen typed.
 *
 * Each typed word is compared with the words of a service (its name in
 * the screen's language, its keywords, its code and its agency's name),
 * never with the inside of a word: "sim" does not match "pasim". A word
 * that is the same counts most, then a word it begins, then, for typed
 * words of five letters or more, a word one typo away (one letter wrong,
 * missing, added, or two neighbours swapped: "kelahrian"). Every typed
 * word must match. Services matching with whole words or beginnings are
 * listed first; typo matches are offered only when nothing else matches.
 * Within that, the best total first, then the catalog's order.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "common/xmalloc.h"
#include "office/catalog.h"

#define SEARCH_TYPO_MIN		5	/* letters before a typo is forgiven */

enum search_match {
	MATCH_NONE = 0,
	MATCH_TYPO,
	MATCH_PREFIX,
	MATCH_WORD
};

/* A service with its words, lower case, each followed by a NUL. */
struct search_candidate {
	struct catalog_entry	 entry;
	int			 score;		/* the sum of its matches */
	int			 worst;		/* its weakest word's match */
	size_t			 position;	/* in the catalog's order */
};

/* At most one letter wrong, missing, added, or two neighbours swapped? */
static int
search_one_typo(const char *a, size_t la, const char *b, size_t lb)
{
	size_t	 i = 0;

	if (la > lb + 1 || lb > la + 1)
		return 0;
	while (i < la && i < lb && a[i] == b[i])
		i++;
	if (i == la && i == lb)
		return 1;
	if (la == lb) {
		/* One substitution, or one transposition. */
		if (strncmp(a + i + 1, b + i + 1, la - i - 1) == 0)
			return 1;
		return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
		    strncmp(a + i + 2, b + i + 2, la - i - 2) == 0;
	}
	/* One insertion or deletion. */
	if (la > lb)
		return strncmp(a + i + 1, b + i, la - i - 1) == 0;
	return strncmp(a + i, b + i + 1, lb - i - 1) == 0;
}

/* How one typed word matches one word of a service. */
static enum search_match
search_match_word(const char *typed, size_t lt, const char *word, size_t lw)
{
	if (lt == lw && memcmp(typed, word, lt) == 0)
		return MATCH_WORD;
	if (lt < lw && memcmp(typed, word, lt) == 0)
		return MATCH_PREFIX;
	if (lt >= SEARCH_TYPO_MIN && search_one_typo(typed, lt, word, lw))
		return MATCH_TYPO;
	return MATCH_NONE;
}

/* Is c part of a word? Letters, digits, and every non-ASCII byte. */
static int
search_is_word(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* The best match of a typed word among the words of text (lower case). */
static enum search_match
search_match_text(const char *typed, size_t lt, const char *text)
{
	enum search_match	 best = MATCH_NONE, m;
	const char		*p = text, *start;

	while (*p != '\0' && best != MATCH_WORD) {
		while (*p != '\0' && !search_is_word((unsigned char)*p))
			p++;
		start = p;
		while (search_is_word((unsigned char)*p))
			p++;
		if (p > start && (m = search_match_word(typed, lt, start,
		    (size_t)(p - start))) > best)
			best = m;
	}
	return best;
}

/* A copy with ASCII letters in lower case. */
static char *
search_lower(const char *s)
{
	char	*copy = xstrdup(s), *p;

	for (p = copy; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return copy;
}

/* Score one service against every typed word; 0 if a word misses. */
static int
search_score(const char *query, const char *text, int *worst)
{
	const char		*p = query, *start;
	enum search_match	 m;
	int			 score = 0;

	*worst = MATCH_WORD;
	while (*p != '\0') {
		while (*p != '\0' && !search_is_word((unsigned char)*p))
			p++;
		start = p;
		while (search_is_word((unsigned char)*p))
			p++;
		if (p == start)
			break;
		m = search_match_text(start, (size_t)(p - start), text);
		if (m == MATCH_NONE)
			return 0;
		score += m;
		if ((int)m < *worst)
			*worst = m;
	}
	return score;
}

/* Better matches first, then the catalog's order. */
static int
search_compare(const void *a, const void *b)
{
	const struct search_candidate	*x = a, *y = b;

	if (x->score != y->score)
		return y->score - x->score;
	return x->position < y->position ? -1 : x->position > y->position;
}

int
catalog_search(struct db *db, const char *query, enum lang lang,
    struct catalog_entry **entries, size_t *n, char **cause)
{
	struct catalog_searchable	*all;
	struct search_candidate		*found;
	size_t				 count, i, kept = 0;
	char				*typed, *text;
	int				 best = MATCH_NONE, worst, score;

	*entries = NULL;
	*n = 0;
	if (catalog_searchable(db, lang, &all, &count, cause) != 0)
		return -1;
	typed = search_lower(query);
	found = xreallocarray(NULL, count + 1, sizeof *found);
	for (i = 0; i < count; i++) {
		text = search_lower(all[i].text);
		score = search_score(typed, text, &worst);
		free(text);
		if (score == 0)
			continue;
		found[kept].entry = all[i].entry;
		all[i].entry.code = all[i].entry.name = NULL;
		found[kept].score = score;
		found[kept].worst = worst;
		found[kept].position = i;
		if (worst > best)
			best = worst;
		kept++;
	}
	free(typed);
	catalog_searchable_free(all, count);
	/* Typos only when no service matches with whole words or starts. */
	qsort(found, kept, sizeof *found, search_compare);
	*entries = xreallocarray(NULL, kept + 1, sizeof **entries);
	for (i = 0; i < kept; i++) {
		if (best > MATCH_TYPO && found[i].worst == MATCH_TYPO) {
			free(found[i].entry.code);
			free(found[i].entry.name);
			continue;
		}
		(*entries)[(*n)++] = found[i].entry;
	}
	free(found);
	if (*n == 0) {	/* nothing found: nothing for the caller to free */
		free(*entries);
		*entries = NULL;
	}
	return 0;
}
