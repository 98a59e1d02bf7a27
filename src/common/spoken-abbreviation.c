/* Abbreviations as said: spelled (KTP: "ka te pe") or written out (UU:
 * "Undang-Undang"); legal references; Roman numerals after "Kelas". */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "common/spoken-internal.h"
#include "common/spoken.h"
#include "common/words.h"
#include "common/xmalloc.h"

/* The years a legal reference's "N/YYYY" may name. */
#define SPOKEN_LAW_YEAR_FIRST	1900
#define SPOKEN_LAW_YEAR_LAST	2099

/* Abbreviations said letter by letter (KTP-el: "ka te pe e el"). */
static const char *const spoken_spelled[] = {
	"BPJS", "KTP-el", "KTP", "KIA", "KK", "KUA", "NIB", "NIK", "NPWP",
	"OSS", "PBB-P2", "PBB", "PBG", "SKCK", "SKPWNI", "SMS", "SPPT",
	"WIB", "WITA", "WIT", "PNBP", "SKRD", "NOP", "KPP", "JKN", "PBPU",
	"RT", "RW", "SIM", "DJP", "MPP", NULL
};

/* Abbreviations written out; NULL where a language keeps them. A "."
 * belongs to the abbreviation; "No." only before a number. */
static const struct spoken_expansion {
	const char	*written;
	const char	*id;
	const char	*en;
	int		 before_number;
} spoken_expansions[] = {
	{ "UU", "Undang-Undang", NULL, 0 },
	{ "PP", "Peraturan Pemerintah", NULL, 0 },
	{ "Perppu", "Peraturan Pemerintah Pengganti Undang-Undang", NULL, 0 },
	{ "Perpres", "Peraturan Presiden", NULL, 0 },
	{ "Permendagri", "Peraturan Menteri Dalam Negeri", NULL, 0 },
	{ "Permenaker", "Peraturan Menteri Ketenagakerjaan", NULL, 0 },
	{ "PMK", "Peraturan Menteri Keuangan", NULL, 0 },
	{ "Perda", "Peraturan Daerah", NULL, 0 },
	{ "Perpol", "Peraturan Kepolisian", NULL, 0 },
	{ "Ditjen", "Direktorat Jenderal", NULL, 0 },
	{ "Kemendagri", "Kementerian Dalam Negeri", NULL, 0 },
	{ "Jl.", "Jalan", "Jalan", 0 },
	{ "Kab.", "Kabupaten", "Kabupaten", 0 },
	{ "Kec.", "Kecamatan", "Kecamatan", 0 },
	{ "Kel.", "Kelurahan", "Kelurahan", 0 },
	{ "No.", "Nomor", "number", 1 },
	{ "no.", "nomor", "number", 1 },
	{ "Tel.", "Telepon", "Telephone", 0 },
	{ "Telp.", "Telepon", "Telephone", 0 },
	{ "tgl.", "tanggal", NULL, 0 },
	{ "dll.", "dan lain-lain", NULL, 0 },
	{ "dsb.", "dan sebagainya", NULL, 0 },
	{ "s.d.", "sampai dengan", NULL, 0 },
	{ "a.n.", "atas nama", NULL, 0 },
	{ "e.g.", NULL, "for example", 0 },
	{ "i.e.", NULL, "that is", 0 },
	{ "etc.", NULL, "et cetera", 0 },
	{ "approx.", NULL, "approximately", 0 },
	{ "dan/atau", "dan atau", "dan atau", 0 },
	{ "and/or", "and or", "and or", 0 },
	{ "RT/RW", "er te er we", "ar tee ar double-u", 0 },
	{ "AK/I", "a ka satu", "eh kay one", 0 },
	{ "SP4N-LAPOR", "es pe empat en lapor", "ess pee four en lapor", 0 },
};

/* Words before a Roman numeral that is a number ("Kelas III"). */
static const char *const spoken_roman_words[] = {
	"Kelas", "Golongan", "Tingkat", "Bab", "Jilid", "Tahap", "Angkatan",
	"Class", "Grade", "Level", "Chapter", "Volume", "Stage", "Part", NULL
};

/* Words before a legal reference's number. */
static const char *const spoken_number_words[] = {
	"Nomor", "No", "number", NULL
};

/* Names of identifiers: the digits after them are read one by one. */
static const char *const spoken_identifier_names[] = {
	"NIK", "NPWP", "NOP", "NIB", "telepon", "telp", "phone", "telephone",
	"HP", "SMS", "WA", "WhatsApp", "berakhiran", "ending", "kode",
	"code", NULL
};

int
spoken_names_identifier(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; spoken_identifier_names[i] != NULL; i++)
		if (strlen(spoken_identifier_names[i]) == len &&
		    strncasecmp(s, spoken_identifier_names[i], len) == 0)
			return 1;
	return 0;
}

/* "UU 24/2013", "PP 76/2020": "Nomor dua puluh empat Tahun dua ribu tiga
 * belas"; in English "number twenty-four of two thousand and thirteen". */
size_t
spoken_legal(struct spoken *sp, const char *s)
{
	size_t		 number = strspn(s, "0123456789");
	unsigned long	 year;

	if (number < 1 || number > 4 || s[number] != '/' ||
	    strspn(s + number + 1, "0123456789") != 4 ||
	    !spoken_boundary(s + number + 5))
		return 0;
	year = strtoul(s + number + 1, NULL, 10);
	if (year < SPOKEN_LAW_YEAR_FIRST || year > SPOKEN_LAW_YEAR_LAST)
		return 0;
	if (!spoken_last_word_in(sp, spoken_number_words))
		spoken_add_word(sp, SPOKEN_WORD(sp, "Nomor", "number"));
	spoken_add_number(sp, strtoull(s, NULL, 10));
	spoken_add_word(sp, SPOKEN_WORD(sp, "Tahun", "of"));
	spoken_add_owned(sp, words_year(year, sp->lang));
	return number + 5;
}

/* Is the expansion written at s, ending there? */
static int
spoken_expansion_at(const struct spoken_expansion *e, const char *s)
{
	size_t	 len = strlen(e->written);
	const char *after = s + len;

	if (strncmp(s, e->written, len) != 0)
		return 0;
	if (e->before_number)
		return *after == ' ' && isdigit((unsigned char)after[1]);
	return spoken_boundary(after) && (*after != '-' ||
	    !isalnum((unsigned char)after[1])) && (*after != '/' ||
	    !isalnum((unsigned char)after[1]));
}

size_t
spoken_expansion(struct spoken *sp, const char *s)
{
	const struct spoken_expansion	*e;
	const char			*said;
	size_t				 i, len;

	/* A unit on its own, "per m2"; a lone "m" may be anything. */
	if ((len = spoken_unit(s, sp->lang, 1, &said)) > 1) {
		spoken_add_word(sp, said);
		return len;
	}
	for (i = 0; i < sizeof spoken_expansions / sizeof spoken_expansions[0];
	    i++) {
		e = &spoken_expansions[i];
		said = SPOKEN_WORD(sp, e->id, e->en);
		if (said != NULL && spoken_expansion_at(e, s)) {
			spoken_add_word(sp, said);
			return strlen(e->written);
		}
	}
	return 0;
}

size_t
spoken_abbreviation(struct spoken *sp, const char *s)
{
	size_t	 i, len;

	for (i = 0; spoken_spelled[i] != NULL; i++) {
		len = strlen(spoken_spelled[i]);
		if (strncmp(s, spoken_spelled[i], len) == 0 &&
		    spoken_boundary(s + len) && (s[len] != '-' ||
		    !isalnum((unsigned char)s[len + 1]))) {
			spoken_add_owned(sp, spoken_spell(spoken_spelled[i],
			    sp->lang));
			return len;
		}
	}
	return 0;
}

/* The value of a Roman numeral of len letters, or 0. */
static unsigned
spoken_roman_value(const char *s, size_t len)
{
	static const char	 letters[] = "IVXLC";
	static const unsigned	 values[] = { 1, 5, 10, 50, 100 };
	unsigned		 total = 0, v, next;
	size_t			 i;

	for (i = 0; i < len; i++) {
		if (strchr(letters, s[i]) == NULL)
			return 0;
		v = values[strchr(letters, s[i]) - letters];
		next = i + 1 < len ? values[strchr(letters, s[i + 1]) != NULL ?
		    strchr(letters, s[i + 1]) - letters : 0] : 0;
		total = v < next ? total - v : total + v;
	}
	return total;
}

/* "Kelas III": "Kelas tiga"; "Class II": "Class two". */
size_t
spoken_roman(struct spoken *sp, const char *s)
{
	size_t		 len = spoken_token(s);
	unsigned	 value;

	if (len == 0 || len > 7 || strspn(s, "IVXLC") != len ||
	    !spoken_last_word_in(sp, spoken_roman_words) ||
	    (value = spoken_roman_value(s, len)) == 0)
		return 0;
	spoken_add_number(sp, value);
	return len;
}
