/*
 * libFuzzer target: what line mode does with what is typed. Lines are
 * read with the bounded reader (a first byte chooses how much a line may
 * hold, and how wide the screen is), cut at a character, checked as a field's text is, and made ready
 * for the terminal as every screen's text is: measured, fitted, wrapped.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/input.h"
#include "common/text.h"

int	 LLVMFuzzerInitialize(int *, char ***);
int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Widths as a UTF-8 terminal has them. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

/* What the kiosk does with one line it has read, on a screen so wide. */
static void
fuzz_line(char *line, size_t len, size_t max, int columns)
{
	char	*safe, **lines;
	size_t	 cut, n, i;
	int	 width;

	cut = text_utf8_boundary(line, len);
	if (cut > len || (text_utf8_valid(line, len) &&
	    !text_utf8_valid(line, cut)))
		abort();	/* a cut never breaks a character */
	line[cut] = '\0';
	(void)text_check_input(line, max);
	safe = text_sanitize(line, 1);
	width = text_width(safe);
	if (width < 0 || text_fit(safe, width) != strlen(safe))
		abort();	/* the whole text fits its own width */
	n = text_wrap(safe, columns, &lines);
	for (i = 0; i < n; i++) {
		if (text_width(lines[i]) > columns &&
		    text_length(lines[i]) > 1)
			abort();	/* no wrapped line is too wide */
		if (!text_utf8_valid(lines[i], strlen(lines[i])))
			abort();	/* nor cuts a character in two */
	}
	text_lines_free(lines, n);
	free(safe);
	text_trim(line);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE			*f;
	char			*buf;
	size_t			 max, len;
	enum input_status	 status;

	if (size < 2)
		return 0;
	max = 1 + data[0] * 4;
	if ((f = fmemopen((void *)(data + 1), size - 1, "r")) == NULL)
		return 0;
	buf = malloc(max + 1);
	while ((status = input_line(f, buf, max, &len)) != INPUT_END &&
	    status != INPUT_ERROR) {
		if (len > max || buf[len] != '\0')
			abort();
		fuzz_line(buf, len, max, 1 + data[0] % 8);
		if (status == INPUT_LONG && input_skip_line(f) != 0)
			break;
	}
	free(buf);
	fclose(f);
	return 0;
}
