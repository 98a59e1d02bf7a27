/* NIK: the structure of the sixteen digits, and its mask. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "common/xmalloc.h"
#include "office/nik.h"

/*
 * Province codes (Kemendagri): Sumatra 11-19 and 21, Java and Bali 31-36
 * and 51, Nusa Tenggara 52-53, Kalimantan 61-65, Sulawesi 71-76, Maluku
 * 81-82, Papua 91-92 and the provinces made from them in 2022 (93-96).
 */
static const char *const nik_provinces[] = {
	"11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
	"31", "32", "33", "34", "35", "36", "51", "52", "53",
	"61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76",
	"81", "82", "91", "92", "93", "94", "95", "96",
};

/* Two digits as a number. */
static int
nik_two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* Is day/month a date in 19yy or 20yy (29 February needs a leap year)? */
static int
nik_date(int day, int month, int yy)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (month < 1 || month > 12 || day < 1 || day > days[month - 1])
		return 0;
	/* 2000 is a leap year and 1900 is not; yy % 4 covers both. */
	return !(month == 2 && day == 29 && yy % 4 != 0);
}

int
nik_check(const char *typed, char nik[NIK_LENGTH + 1], char **cause)
{
	size_t	 n = 0, i;
	int	 day, found = 0;

	for (; *typed != '\0'; typed++) {
		if (*typed == ' ' || *typed == '.' || *typed == '-')
			continue;
		if (*typed < '0' || *typed > '9') {
			*cause = xstrdup(_("A NIK is made of digits only."));
			return -1;
		}
		if (n < NIK_LENGTH)
			nik[n] = *typed;
		n++;
	}
	if (n != NIK_LENGTH) {
		*cause = xasprintf(_("A NIK has 16 digits; this has %zu."), n);
		return -1;
	}
	nik[n] = '\0';
	for (i = 0; i < sizeof nik_provinces / sizeof nik_provinces[0]; i++)
		found |= strncmp(nik, nik_provinces[i], 2) == 0;
	if (!found) {
		*cause = xasprintf(_("A NIK starts with a province code; %.2s is "
		    "not one."), nik);
		return -1;
	}
	if (nik_two(nik + 2) == 0) {
		*cause = xstrdup(_("Digits 3 and 4 of a NIK are the regency or "
		    "city; 00 is not one."));
		return -1;
	}
	if (nik_two(nik + 4) == 0) {
		*cause = xstrdup(_("Digits 5 and 6 of a NIK are the district; "
		    "00 is not one."));
		return -1;
	}
	day = nik_two(nik + 6);
	if (day > 40)
		day -= 40;	/* a woman's */
	if (!nik_date(day, nik_two(nik + 8), nik_two(nik + 10))) {
		*cause = xasprintf(_("Digits 7 to 12 of a NIK are the date of "
		    "birth (the day plus 40 for a woman); %.6s is not a "
		    "date."), nik + 6);
		return -1;
	}
	if (strcmp(nik + 12, "0000") == 0) {
		*cause = xstrdup(_("The last four digits of a NIK are never "
		    "0000."));
		return -1;
	}
	return 0;
}

void
nik_mask(const char *nik, char out[NIK_LENGTH + 1])
{
	size_t	 len = strlen(nik), i;

	for (i = 0; i < NIK_LENGTH; i++)
		out[i] = i + NIK_SHOWN >= NIK_LENGTH && i < len ? nik[i] : '*';
	out[NIK_LENGTH] = '\0';
}
