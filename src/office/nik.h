/*
 * NIK, the Nomor Induk Kependudukan on every KTP: sixteen digits, PP RR
 * KK DDMMYY SSSS - the province, the regency or city, the district, the
 * date of birth (the day plus 40 for a woman) and a sequence that is
 * never 0000. Only its structure can be checked offline; whether it
 * belongs to the person is Dukcapil's to say.
 *
 * A NIK is shown, printed and stored only masked after it is typed: the
 * last four digits ("************3456"); whole, it travels to the centre
 * only sealed.
 */
#ifndef LOKET_NIK_H
#define LOKET_NIK_H

#define NIK_LENGTH	16
#define NIK_SHOWN	4	/* digits a mask leaves */

/*
 * The NIK in typed (spaces, dots and dashes ignored) into nik: 0, or -1
 * with an owned cause in the user's language naming what is wrong.
 */
int	 nik_check(const char *typed, char nik[NIK_LENGTH + 1], char **cause);
/* "************3456". */
void	 nik_mask(const char *nik, char out[NIK_LENGTH + 1]);

#endif
