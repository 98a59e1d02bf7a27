/*
 * Text as a listener can follow it, for speech: loket turns numbers and
 * codes into words itself rather than leaving them to the synthesizer.
 * A ticket "A-012" is "A dua belas"; a NIK, a tracking or booking code
 * is read one character at a time with "nol" for 0; "Rp30.000" is "tiga
 * puluh ribu rupiah"; a date is said in words; abbreviations such as
 * KTP-el and KK are spelled as Indonesians say them. Both languages.
 */
#ifndef LOKET_SPOKEN_H
#define LOKET_SPOKEN_H

#include "common/i18n.h"

/* A whole sentence made speakable; owned by the caller. */
char	*spoken_text(const char *, enum lang);
/* One character at a time: digits as words, letters as letter names. */
char	*spoken_spell(const char *, enum lang);
/* "YYYY-MM-DD" in words: "tiga puluh November dua ribu dua puluh enam". */
char	*spoken_date(const char *, enum lang);

#endif
