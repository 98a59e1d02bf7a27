/* Big characters with the terminal's own block, or '#'. */
#include "config.h"

#include <curses.h>
#include <wchar.h>
#include <string.h>

#include "common/i18n.h"
#include "common/text.h"
#include "ui/big-curses.h"
#include "ui/bigtext.h"

/* Last: it defines a macro for every capability, "lines" among them. */
#include <term.h>

/* Does terminfo list a full block ('0') in the line-drawing set? */
static int
big_has_block(void)
{
	const char	*acsc = tigetstr("acsc");
	size_t		 i;

	if (acsc == NULL || acsc == (char *)-1)
		return 0;
	for (i = 0; acsc[i] != '\0' && acsc[i + 1] != '\0'; i += 2) {
		if (acsc[i] == '0')
			return 1;
	}
	return 0;
}

void
big_draw(int y, int x, const char *text)
{
	static const wchar_t	 full_block[] = { 0x2588, 0 };
	cchar_t			 wide;
	char			**rows;
	size_t			  n, i, j;
	int			  block = big_has_block();
	int			  utf8 = block && i18n_utf8();

	/* U+2588 where the terminal has a block and speaks UTF-8 (curses
	 * would draw ACS_BLOCK as a narrower U+25AE there). */
	if (utf8)
		setcchar(&wide, full_block, A_NORMAL, 0, NULL);

	/* Rendered as ASCII: '#' marks the cells, each one column. */
	n = bigtext_render(text, 0, &rows);
	for (i = 0; i < n && y + (int)i < LINES; i++) {
		for (j = 0; rows[i][j] != '\0' && x + (int)j < COLS; j++) {
			if (rows[i][j] != '#')
				continue;
			if (utf8)
				mvadd_wch(y + (int)i, x + (int)j, &wide);
			else
				mvaddch(y + (int)i, x + (int)j,
				    block ? ACS_BLOCK : '#');
		}
	}
	text_lines_free(rows, n);
}
