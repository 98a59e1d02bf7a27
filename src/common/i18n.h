/* Languages: gettext set-up and switching between Indonesian and English. */
#ifndef LOKET_I18N_H
#define LOKET_I18N_H

#include <libintl.h>

#define _(s)	gettext(s)
#define N_(s)	(s)

enum lang {
	LANG_ID = 0,	/* Bahasa Indonesia, the default */
	LANG_EN
};

/* Set the locale and the message catalog up; call once at start. */
void		 i18n_init(void);
/* Switch every later _() to this language. */
void		 i18n_set(enum lang);
enum lang	 i18n_get(void);
/* "id" or "en". */
const char	*i18n_code(enum lang);
/* Parse "id" or "en"; -1 if neither. */
int		 i18n_parse(const char *, enum lang *);
/* msgid translated into lang, whatever the current language; owned. */
char		*i18n_in(enum lang, const char *msgid);
/* Can the terminal show UTF-8? */
int		 i18n_utf8(void);

#endif
