/* The screen model: building it, with every text made safe to show. */
#include "config.h"

#include <stdlib.h>

#include "common/i18n.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "ui/screen.h"

struct screen *
screen_new(void)
{
	return xcalloc(1, sizeof (struct screen));
}

void
screen_free(struct screen *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	free(s->title);
	free(s->big);
	free(s->prompt);
	text_lines_free(s->body, s->nbody);
	free(s->personal);
	text_lines_free(s->items, s->nitems);
	free(s->field_label);
	free(s->help);
	free(s->message);
	for (i = 0; i < s->nspeech; i++)
		free(s->speech[i].text);
	free(s->speech);
	free(s);
}

static void
screen_replace(char **field, const char *text)
{
	free(*field);
	*field = text != NULL ? text_sanitize(text, i18n_utf8()) : NULL;
}

void
screen_set_title(struct screen *s, const char *title)
{
	screen_replace(&s->title, title);
}

void
screen_set_prompt(struct screen *s, const char *prompt)
{
	screen_replace(&s->prompt, prompt);
}

void
screen_set_big(struct screen *s, const char *big)
{
	screen_replace(&s->big, big);
}

/* Add a paragraph, personal or not. */
static void
screen_add_paragraph(struct screen *s, const char *line, int personal)
{
	s->body = xgrowarray(s->body, s->nbody, sizeof *s->body);
	s->personal = xgrowarray(s->personal, s->nbody, sizeof *s->personal);
	s->personal[s->nbody] = personal != 0;
	s->body[s->nbody++] = text_sanitize(line, i18n_utf8());
}

void
screen_add_body(struct screen *s, const char *line)
{
	screen_add_paragraph(s, line, 0);
}

void
screen_add_personal(struct screen *s, const char *line)
{
	screen_add_paragraph(s, line, 1);
}

void
screen_add_item(struct screen *s, const char *label)
{
	s->items = xreallocarray(s->items, s->nitems + 1, sizeof *s->items);
	s->items[s->nitems++] = text_sanitize(label, i18n_utf8());
}

void
screen_set_field(struct screen *s, enum field_kind kind, const char *label,
    size_t max)
{
	s->field = kind;
	s->field_max = max;
	screen_replace(&s->field_label, label);
}

void
screen_set_help(struct screen *s, const char *help)
{
	screen_replace(&s->help, help);
}

void
screen_set_message(struct screen *s, const char *message, int is_error)
{
	screen_replace(&s->message, message);
	s->message_is_error = is_error;
}

void
screen_add_speech(struct screen *s, enum lang lang, const char *text)
{
	s->speech = xreallocarray(s->speech, s->nspeech + 1,
	    sizeof *s->speech);
	s->speech[s->nspeech].lang = lang;
	s->speech[s->nspeech++].text = text_sanitize(text, 1);
}
