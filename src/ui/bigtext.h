/*
 * Big characters for the display board: a ticket label ("A-012") or a
 * counter number drawn five rows tall, from U+2588 FULL BLOCK on a UTF-8
 * terminal and from '#' otherwise. Digits, the letters A-Z (lower case is
 * drawn as upper case), '-', ':' and space have glyphs; anything else is
 * drawn as a big '?', so that nothing is silently lost.
 */
#ifndef LOKET_BIGTEXT_H
#define LOKET_BIGTEXT_H

#include <stddef.h>

/* Every rendering has this many rows. */
#define BIGTEXT_ROWS	5
/* Blank columns between two characters. */
#define BIGTEXT_GAP	1

/*
 * Render text into BIGTEXT_ROWS lines of equal display width
 * (bigtext_width columns; trailing blanks kept). Returns the number of
 * lines; *lines is an owned array of owned strings: free it with
 * text_lines_free. When utf8 is 0 the lines are pure ASCII.
 */
size_t	 bigtext_render(const char *text, int utf8, char ***lines);
/* Display columns text takes when rendered big. */
int	 bigtext_width(const char *text);

#endif
