/*
 * Inside the speakable text: the phrase being built and the rules that
 * each read one kind of writing (money, numbers, times, dates, legal
 * references, abbreviations). A rule looks at the text at s, at the start
 * of a word, adds what is said and returns how many bytes it read, or 0
 * when the text there is not its kind. Only spoken*.c include this.
 */
#ifndef LOKET_SPOKEN_INTERNAL_H
#define LOKET_SPOKEN_INTERNAL_H

#include <stddef.h>

#include "common/i18n.h"

/* Digits after an identifier's name ("NIK", "telepon") are read one by
 * one for this many words. */
#define SPOKEN_IDENTIFIER_WORDS	3

struct spoken {
	char		*text;		/* what is said so far, owned */
	size_t		 len;
	const char	*start;		/* the text being read, borrowed */
	enum lang	 lang;
	int		 identifier;	/* words left in which digits are an
					 * identifier's */
};

/* A number as written: "12.500", "3,5", "1000000". */
struct spoken_number {
	unsigned long long	 value;
	size_t			 len;		/* bytes, separators included */
	size_t			 digits;	/* of the whole part */
	int			 grouped;	/* thousands separators */
	int			 overflow;	/* too long for value */
	const char		*fraction;	/* digits after the decimal mark */
	size_t			 nfraction;
};

typedef size_t	(*spoken_rule)(struct spoken *, const char *);

/* The phrase: words separated by one space; ".,;:!?)" keep to the word
 * before, "(" to the word after. */
void	 spoken_add(struct spoken *, const char *, size_t);
void	 spoken_add_word(struct spoken *, const char *);
void	 spoken_add_owned(struct spoken *, char *);
void	 spoken_add_number(struct spoken *, unsigned long long);
/* Each digit of s (len bytes) alone; other characters are skipped. */
void	 spoken_add_digits(struct spoken *, const char *, size_t);
/* A letter by its name: "ka", "kay"; a vowel as itself. */
void	 spoken_add_letter(struct spoken *, char);
/* Is the last word said one of list (NULL-ended, any case)? */
int	 spoken_last_word_in(const struct spoken *, const char *const *);
/* Does a word end at s: not a letter or digit of any script? */
int	 spoken_boundary(const char *);
/* Bytes of the word (letters, digits, joined by - or ') at s. */
size_t	 spoken_token(const char *);
/* The language's word: id or en. */
#define SPOKEN_WORD(sp, id, en)	((sp)->lang == LANG_EN ? (en) : (id))

/* spoken-number.c */
size_t	 spoken_number_parse(const char *, enum lang, struct spoken_number *);
size_t	 spoken_money(struct spoken *, const char *);
size_t	 spoken_ordinal(struct spoken *, const char *);
size_t	 spoken_number(struct spoken *, const char *);
/* A unit ("kg", "m2"), of one or of more: its bytes and its words. */
size_t	 spoken_unit(const char *, enum lang, int one, const char **);

/* spoken-time.c */
size_t	 spoken_date_rule(struct spoken *, const char *);
size_t	 spoken_time(struct spoken *, const char *);

/* spoken-abbreviation.c */
size_t	 spoken_legal(struct spoken *, const char *);
size_t	 spoken_expansion(struct spoken *, const char *);
size_t	 spoken_abbreviation(struct spoken *, const char *);
size_t	 spoken_roman(struct spoken *, const char *);
/* Is the word at s (len bytes) the name of an identifier ("NIK")? */
int	 spoken_names_identifier(const char *, size_t);

#endif
