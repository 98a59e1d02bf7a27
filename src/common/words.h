/*
 * Numbers and letters as words a listener can follow, for the calls the
 * board announces ("Nomor antrean A dua belas, silakan menuju loket
 * tiga") and, later, for speech. Both languages; all strings owned.
 */
#ifndef LOKET_WORDS_H
#define LOKET_WORDS_H

#include "common/i18n.h"

/* 0 to 999999 in words: "dua belas", "twelve". */
char	*words_number(unsigned long, enum lang);
/* A capital letter as it is said: "ka" for K, "A" for A; "kay" in English. */
const char *words_letter(char, enum lang);
/* The announcement for calling ticket LETTER-NUMBER to counter COUNTER. */
char	*words_call(char letter, unsigned number, unsigned counter, enum lang);

#endif
