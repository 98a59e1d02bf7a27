/*
 * Text as a listener can follow it, for speech: loket turns numbers and
 * codes into words itself rather than leaving them to the synthesizer,
 * as a listener of each language expects. Amounts of any size with the
 * language's separators ("Rp1.500.000" is "satu juta lima ratus ribu
 * rupiah"; "Rp30,000" in English "thirty thousand rupiah"), percent,
 * ranges, ordinals, dates and times in whatever form they are written,
 * legal references ("PP 76/2020") and abbreviations are said in words; a
 * ticket "A-012" is "a dua belas"; a NIK, a phone number or a code is
 * read one character at a time. Every other character, in any script,
 * is passed on whole; what is left holds no digit, "%", "/" or ":".
 * The rules live in spoken-number.c, spoken-time.c and
 * spoken-abbreviation.c (spoken-internal.h). Both languages; every
 * string returned is owned by the caller.
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
