/*
 * Numbers and letters as words a listener can follow, for the calls the
 * board announces ("Nomor antrean A dua belas, silakan menuju loket
 * tiga") and for speech (spoken.c). Both languages; all strings owned.
 */
#ifndef LOKET_WORDS_H
#define LOKET_WORDS_H

#include <stddef.h>

#include "common/i18n.h"

/* Any number in words: "dua belas", "satu juta", "twelve". */
char	*words_number(unsigned long long, enum lang);
/* A year in words: "seribu sembilan ratus delapan puluh tiga";
 * "nineteen eighty-three", "two thousand and six". */
char	*words_year(unsigned long long, enum lang);
/* An ordinal in words: "pertama", "ketiga"; "first", "twenty-third". */
char	*words_ordinal(unsigned long long, enum lang);
/* Is word (len bytes) a number word, such as "dua" or "twenty-one"? */
int	 words_is_number(const char *word, size_t len, enum lang);
/* A capital letter as it is said: "ka" for K, "A" for A; "kay" in English. */
const char *words_letter(char, enum lang);
/* The announcement for calling ticket LETTER-NUMBER to counter COUNTER. */
char	*words_call(char letter, unsigned number, unsigned counter, enum lang);

#endif
