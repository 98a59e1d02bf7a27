/* UTF-8 text: validation, making text safe for a terminal, width, wrapping. */
#ifndef LOKET_TEXT_H
#define LOKET_TEXT_H

#include <stddef.h>
#include <stdint.h>

enum text_problem {
	TEXT_OK = 0,
	TEXT_EMPTY,		/* nothing but spaces */
	TEXT_TOO_LONG,		/* more characters than allowed */
	TEXT_CONTROL,		/* control or escape characters */
	TEXT_BAD_UTF8		/* not valid UTF-8 */
};

/* Decode one character; return its length in bytes, or -1 if invalid. */
int	 text_utf8_decode(const char *, size_t, uint32_t *);
/* Is the whole string valid UTF-8? */
int	 text_utf8_valid(const char *, size_t);
/* The longest prefix of s, at most len bytes, that ends between characters. */
size_t	 text_utf8_boundary(const char *, size_t len);
/* Number of characters (code points) in valid UTF-8. */
size_t	 text_length(const char *);
/* What, if anything, is wrong with typed text of at most max characters. */
enum text_problem text_check_input(const char *, size_t max);

/*
 * An owned copy safe to write to a terminal: control and escape characters
 * and invalid bytes become '?', and when utf8 is 0 so does anything past
 * ASCII. Tabs become spaces. What joins emoji into one cluster (a
 * zero-width joiner, variation selectors, skin tones) is dropped, so that
 * each is drawn as wide as text_width() counts it.
 */
char	*text_sanitize(const char *, int utf8);
/* Display columns of sanitized text. */
int	 text_width(const char *);
/* Byte length of the longest prefix of s that fits in columns. */
size_t	 text_fit(const char *, int columns);

/*
 * Wrap sanitized text into lines of at most width columns, breaking at
 * spaces where possible. Returns the number of lines; *lines is an owned
 * array of owned strings (free with text_lines_free).
 */
size_t	 text_wrap(const char *, int width, char ***lines);
void	 text_lines_free(char **, size_t);

/* Trim leading and trailing spaces in place; return s. */
char	*text_trim(char *);

#endif
