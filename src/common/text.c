/* UTF-8 text: validation, making text safe for a terminal, width, wrapping. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "common/text.h"
#include "common/xmalloc.h"

int
text_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 c, min;
	int			 n, i;

	if (len == 0)
		return -1;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xe0) == 0xc0) {
		n = 2; c = u[0] & 0x1f; min = 0x80;
	} else if ((u[0] & 0xf0) == 0xe0) {
		n = 3; c = u[0] & 0x0f; min = 0x800;
	} else if ((u[0] & 0xf8) == 0xf0) {
		n = 4; c = u[0] & 0x07; min = 0x10000;
	} else
		return -1;
	if ((size_t)n > len)
		return -1;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*cp = c;
	return n;
}

int
text_utf8_valid(const char *s, size_t len)
{
	uint32_t	 cp;
	int		 n;

	while (len > 0) {
		if ((n = text_utf8_decode(s, len, &cp)) < 0)
			return 0;
		s += n;
		len -= n;
	}
	return 1;
}

size_t
text_utf8_boundary(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 start = len, need;

	/* Back over the continuation bytes to the last character's lead. */
	while (start > 0 && len - start < 3 && (u[start - 1] & 0xc0) == 0x80)
		start--;
	if (start == 0)
		return len;
	start--;
	if (u[start] < 0x80)
		need = 1;
	else if ((u[start] & 0xe0) == 0xc0)
		need = 2;
	else if ((u[start] & 0xf0) == 0xe0)
		need = 3;
	else if ((u[start] & 0xf8) == 0xf0)
		need = 4;
	else
		return len;		/* not UTF-8: the checks will say so */
	return start + need > len ? start : len;
}

size_t
text_length(const char *s)
{
	size_t	 count = 0;

	for (; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80)
			count++;
	}
	return count;
}

static int
text_is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
	    cp == 0x2028 || cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

/* One pass over the text, so that a long line costs in proportion. */
enum text_problem
text_check_input(const char *s, size_t max)
{
	size_t		 left = strlen(s), count = 0;
	uint32_t	 cp;
	int		 n, blank = 1, control = 0;

	while (left > 0) {
		if ((n = text_utf8_decode(s, left, &cp)) < 0)
			return TEXT_BAD_UTF8;
		if (text_is_control(cp))
			control = 1;
		if (cp != ' ')
			blank = 0;
		count++;
		s += n;
		left -= n;
	}
	if (control)
		return TEXT_CONTROL;
	if (count > max)
		return TEXT_TOO_LONG;
	if (blank)
		return TEXT_EMPTY;
	return TEXT_OK;
}

/*
 * What joins or restyles the emoji before it: a zero-width joiner, the
 * emoji and text variation selectors, skin tones, tag characters. A
 * terminal may draw a joined cluster in 2 columns or in many, and curses
 * counts each emoji apart: dropped, every emoji is drawn on its own, as
 * wide as everyone counts it.
 */
static int
text_is_emoji_joiner(uint32_t cp)
{
	return cp == 0x200d || cp == 0xfe0e || cp == 0xfe0f ||
	    (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f);
}

char *
text_sanitize(const char *s, int utf8)
{
	size_t		 len = strlen(s), i = 0, o = 0;
	char		*out = xmalloc(len + 1);
	uint32_t	 cp;
	int		 n;

	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &cp);
		if (n < 0) {
			out[o++] = '?';
			i++;
			continue;
		}
		if (cp == '\t')
			out[o++] = ' ';
		else if (text_is_emoji_joiner(cp))
			;	/* dropped */
		else if (text_is_control(cp) || (!utf8 && cp >= 0x80) ||
		    (utf8 && cp >= 0x80 && wcwidth((wchar_t)cp) < 0))
			out[o++] = '?';
		else {
			memcpy(out + o, s + i, n);
			o += n;
		}
		i += n;
	}
	out[o] = '\0';
	return out;
}

static int
text_char_width(uint32_t cp)
{
	int	 w;

	if (cp < 0x80)
		return 1;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int
text_width(const char *s)
{
	size_t		 len = strlen(s);
	uint32_t	 cp;
	int		 n, width = 0;

	while (len > 0) {
		if ((n = text_utf8_decode(s, len, &cp)) < 0) {
			n = 1;
			cp = '?';
		}
		width += text_char_width(cp);
		s += n;
		len -= n;
	}
	return width;
}

size_t
text_fit(const char *s, int columns)
{
	size_t		 len = strlen(s), i = 0;
	uint32_t	 cp;
	int		 n, w, used = 0;

	while (i < len) {
		if ((n = text_utf8_decode(s + i, len - i, &cp)) < 0) {
			n = 1;
			cp = '?';
		}
		w = text_char_width(cp);
		if (used + w > columns)
			break;
		used += w;
		i += n;
	}
	return i;
}

/* Bytes of the first character: a line too narrow for it still holds it. */
static size_t
text_first_length(const char *s)
{
	uint32_t	 cp;
	int		 n;

	n = text_utf8_decode(s, strlen(s), &cp);
	return n > 0 ? (size_t)n : 1;
}

static void
text_lines_add(char ***lines, size_t *count, const char *s, size_t len)
{
	while (len > 0 && s[len - 1] == ' ')
		len--;
	*lines = xgrowarray(*lines, *count, sizeof **lines);
	(*lines)[(*count)++] = xstrndup(s, len);
}

size_t
text_wrap(const char *s, int width, char ***lines)
{
	size_t		 count = 0, fit, cut;
	const char	*nl;

	*lines = NULL;
	if (width < 1)
		width = 1;
	for (;;) {
		/* Hard line breaks in the source start a new line. */
		nl = strchr(s, '\n');
		fit = text_fit(s, width);
		if (nl != NULL && (size_t)(nl - s) <= fit) {
			text_lines_add(lines, &count, s, nl - s);
			s = nl + 1;
			continue;
		}
		if (s[fit] == '\0') {
			if (fit > 0 || count == 0)
				text_lines_add(lines, &count, s, fit);
			break;
		}
		cut = fit;
		while (cut > 0 && s[cut] != ' ')
			cut--;
		if (cut == 0)
			cut = fit > 0 ? fit : text_first_length(s);
		text_lines_add(lines, &count, s, cut);
		s += cut;
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
	}
	return count;
}

void
text_lines_free(char **lines, size_t count)
{
	size_t	 i;

	for (i = 0; i < count; i++)
		free(lines[i]);
	free(lines);
}

char *
text_trim(char *s)
{
	size_t	 len, start = 0;

	while (s[start] == ' ')
		start++;
	len = strlen(s + start);
	memmove(s, s + start, len + 1);
	while (len > 0 && s[len - 1] == ' ')
		s[--len] = '\0';
	return s;
}
