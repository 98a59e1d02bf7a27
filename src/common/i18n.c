/* Languages: gettext set-up and switching between Indonesian and English. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/i18n.h"
#include "common/log.h"
#include "common/xmalloc.h"

static enum lang	 i18n_current = LANG_ID;
static int		 i18n_is_utf8;

/* Does dir hold Indonesian messages for loket? */
static int
i18n_has_catalog(const char *dir)
{
	struct stat	 sb;
	char		*path;
	int		 found;

	path = xasprintf("%s/id/LC_MESSAGES/%s.mo", dir, PACKAGE);
	found = stat(path, &sb) == 0;
	free(path);
	return found;
}

void
i18n_init(void)
{
	const char	*dir, *locale;

	locale = setlocale(LC_ALL, "");
	/*
	 * gettext ignores LANGUAGE in the C locale, and curses needs UTF-8
	 * characters; C.UTF-8 is always there. Only those two categories
	 * change: loading all of them would slow the start for nothing.
	 */
	if (locale == NULL || strcmp(locale, "C") == 0 ||
	    strcmp(locale, "POSIX") == 0) {
		if (setlocale(LC_CTYPE, "C.UTF-8") != NULL)
			setlocale(LC_MESSAGES, "C.UTF-8");
	}
	i18n_is_utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;

	/* LOKET_LOCALEDIR points the tests at the build tree's catalogs. */
	dir = getenv("LOKET_LOCALEDIR");
	if (dir == NULL || *dir == '\0')
		dir = LOCALEDIR;
	if (!i18n_has_catalog(dir))
		log_warn("no Indonesian messages in %s", dir);
	bindtextdomain(PACKAGE, dir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	i18n_set(LANG_ID);
}

void
i18n_set(enum lang lang)
{
	extern int	 _nl_msg_cat_cntr;

	i18n_current = lang;
	setenv("LANGUAGE", i18n_code(lang), 1);
	/* The documented way to make gettext notice a new LANGUAGE. */
	++_nl_msg_cat_cntr;
}

enum lang
i18n_get(void)
{
	return i18n_current;
}

const char *
i18n_code(enum lang lang)
{
	return lang == LANG_EN ? "en" : "id";
}

int
i18n_parse(const char *s, enum lang *lang)
{
	if (strcmp(s, "id") == 0)
		*lang = LANG_ID;
	else if (strcmp(s, "en") == 0)
		*lang = LANG_EN;
	else
		return -1;
	return 0;
}

int
i18n_utf8(void)
{
	return i18n_is_utf8;
}

char *
i18n_in(enum lang lang, const char *msgid)
{
	enum lang	 was = i18n_current;
	char		*text;

	if (lang == was)
		return xstrdup(gettext(msgid));
	i18n_set(lang);
	text = xstrdup(gettext(msgid));
	i18n_set(was);
	return text;
}
