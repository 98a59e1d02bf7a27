/* Big characters for the display board, five rows tall. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/text.h"
#include "common/xmalloc.h"
#include "ui/bigtext.h"

/* U+2588 FULL BLOCK in UTF-8. */
#define BIGTEXT_BLOCK	"\xe2\x96\x88"

/*
 * One character: '#' marks a filled cell. Upright strokes are two columns
 * wide so that they weigh as much as the one-row crossbars on a terminal's
 * tall cells. Every row of a glyph is as wide as its first.
 */
struct bigtext_glyph {
	char		 c;
	const char	*rows[BIGTEXT_ROWS];
};

/* Drawn for anything the table lacks. */
static const struct bigtext_glyph bigtext_unknown = {
	'?', { " #### ", "##  ##", "   ## ", "      ", "  ##  " }
};

static const struct bigtext_glyph bigtext_glyphs[] = {
	{ '0', { " #### ", "##  ##", "##  ##", "##  ##", " #### " } },
	{ '1', { "  ##  ", "####  ", "  ##  ", "  ##  ", "######" } },
	{ '2', { "##### ", "    ##", " #### ", "##    ", "######" } },
	{ '3', { "##### ", "    ##", " #### ", "    ##", "##### " } },
	{ '4', { "##  ##", "##  ##", "######", "    ##", "    ##" } },
	{ '5', { "######", "##    ", "##### ", "    ##", "##### " } },
	{ '6', { " #### ", "##    ", "##### ", "##  ##", " #### " } },
	{ '7', { "######", "    ##", "   ## ", "  ##  ", "  ##  " } },
	{ '8', { " #### ", "##  ##", " #### ", "##  ##", " #### " } },
	{ '9', { " #### ", "##  ##", " #####", "    ##", " #### " } },
	{ 'A', { " #### ", "##  ##", "######", "##  ##", "##  ##" } },
	{ 'B', { "##### ", "##  ##", "##### ", "##  ##", "##### " } },
	{ 'C', { " #####", "##    ", "##    ", "##    ", " #####" } },
	{ 'D', { "##### ", "##  ##", "##  ##", "##  ##", "##### " } },
	{ 'E', { "######", "##    ", "####  ", "##    ", "######" } },
	{ 'F', { "######", "##    ", "####  ", "##    ", "##    " } },
	{ 'G', { " #####", "##    ", "## ###", "##  ##", " #####" } },
	{ 'H', { "##  ##", "##  ##", "######", "##  ##", "##  ##" } },
	{ 'I', { "######", "  ##  ", "  ##  ", "  ##  ", "######" } },
	{ 'J', { "    ##", "    ##", "    ##", "##  ##", " #### " } },
	{ 'K', { "##  ##", "## ## ", "####  ", "## ## ", "##  ##" } },
	{ 'L', { "##    ", "##    ", "##    ", "##    ", "######" } },
	{ 'M', { "##   ##", "### ###", "## # ##", "##   ##", "##   ##" } },
	{ 'N', { "##   ##", "###  ##", "## # ##", "##  ###", "##   ##" } },
	/* Wider than the zero, so that the two never look alike. */
	{ 'O', { " ##### ", "##   ##", "##   ##", "##   ##", " ##### " } },
	{ 'P', { "##### ", "##  ##", "##### ", "##    ", "##    " } },
	{ 'Q', { " #### ", "##  ##", "##  ##", "## ## ", " ## ##" } },
	{ 'R', { "##### ", "##  ##", "##### ", "## ## ", "##  ##" } },
	{ 'S', { " #####", "##    ", " #### ", "    ##", "##### " } },
	{ 'T', { "######", "  ##  ", "  ##  ", "  ##  ", "  ##  " } },
	{ 'U', { "##  ##", "##  ##", "##  ##", "##  ##", " #### " } },
	{ 'V', { "##  ##", "##  ##", "##  ##", " #### ", "  ##  " } },
	{ 'W', { "##   ##", "##   ##", "## # ##", "### ###", "##   ##" } },
	{ 'X', { "##  ##", " #### ", "  ##  ", " #### ", "##  ##" } },
	{ 'Y', { "##  ##", "##  ##", " #### ", "  ##  ", "  ##  " } },
	{ 'Z', { "######", "   ## ", "  ##  ", " ##   ", "######" } },
	{ '-', { "    ", "    ", "####", "    ", "    " } },
	{ ':', { "  ", "##", "  ", "##", "  " } },
	{ ' ', { "   ", "   ", "   ", "   ", "   " } },
	{ '?', { " #### ", "##  ##", "   ## ", "      ", "  ##  " } },
};
#define BIGTEXT_NGLYPHS \
	(sizeof bigtext_glyphs / sizeof bigtext_glyphs[0])

/* The glyph for one code point. */
static const struct bigtext_glyph *
bigtext_glyph(uint32_t cp)
{
	size_t	 i;

	if (cp >= 'a' && cp <= 'z')
		cp -= 'a' - 'A';
	for (i = 0; i < BIGTEXT_NGLYPHS; i++) {
		if ((uint32_t)(unsigned char)bigtext_glyphs[i].c == cp)
			return &bigtext_glyphs[i];
	}
	return &bigtext_unknown;
}

/*
 * The next character of text and how many bytes it takes; an invalid
 * byte is one unknown character.
 */
static const struct bigtext_glyph *
bigtext_next(const char *text, size_t len, size_t *used)
{
	uint32_t	 cp;
	int		 n;

	if ((n = text_utf8_decode(text, len, &cp)) < 0) {
		*used = 1;
		return &bigtext_unknown;
	}
	*used = (size_t)n;
	return bigtext_glyph(cp);
}

int
bigtext_width(const char *text)
{
	const struct bigtext_glyph	*g;
	size_t				 len = strlen(text), i = 0, used;
	int				 width = 0;

	while (i < len) {
		g = bigtext_next(text + i, len - i, &used);
		if (i > 0)
			width += BIGTEXT_GAP;
		width += (int)strlen(g->rows[0]);
		i += used;
	}
	return width;
}

size_t
bigtext_render(const char *text, int utf8, char ***lines)
{
	const struct bigtext_glyph	*g;
	const char			*cell;
	size_t				 len = strlen(text), i, used;
	size_t				 size, o, cell_len;
	char				*line;
	int				 row, gap;

	/* Each column at most one block; the gaps are single spaces. */
	cell_len = utf8 ? strlen(BIGTEXT_BLOCK) : 1;
	size = (size_t)bigtext_width(text) * cell_len + 1;
	*lines = xreallocarray(NULL, BIGTEXT_ROWS, sizeof **lines);
	for (row = 0; row < BIGTEXT_ROWS; row++) {
		line = xmalloc(size);
		o = 0;
		for (i = 0; i < len; i += used) {
			g = bigtext_next(text + i, len - i, &used);
			if (i > 0) {
				for (gap = 0; gap < BIGTEXT_GAP; gap++)
					line[o++] = ' ';
			}
			for (cell = g->rows[row]; *cell != '\0'; cell++) {
				if (*cell != '#')
					line[o++] = ' ';
				else if (utf8) {
					memcpy(line + o, BIGTEXT_BLOCK,
					    cell_len);
					o += cell_len;
				} else
					line[o++] = '#';
			}
		}
		line[o] = '\0';
		(*lines)[row] = line;
	}
	return BIGTEXT_ROWS;
}
