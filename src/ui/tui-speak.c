/* Speaking what the curses front-end shows, as the voice settings say. */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "common/configuration.h"
#include "common/spoken.h"
#include "common/text.h"
#include "common/xmalloc.h"
#include "ui/dialog.h"
#include "ui/screen.h"
#include "ui/speech.h"
#include "ui/tui-speak.h"
#include "ui/voice.h"

struct tui_speaker {
	struct speech	*speech;
	struct dialog	*dialog;
	enum tui_echo	 echo;
	int		 was_on;	/* the voice was on at the last word */
};

struct tui_speaker *
tui_speaker_new(const struct config *c, struct dialog *d)
{
	struct tui_speaker	*sp;
	struct speech		*speech;

	/* Started by the first utterance, after the first screen is drawn:
	 * the probe of the sound then runs while the citizen reads. */
	speech = speech_start(c, 0);
	if (speech == NULL)
		return NULL;
	sp = xcalloc(1, sizeof *sp);
	sp->speech = speech;
	sp->dialog = d;
	sp->was_on = dialog_voice(d)->on;
	sp->echo = c->speech_echo;
	dialog_set_speaking(d, 1);
	return sp;
}

void
tui_speaker_free(struct tui_speaker *sp)
{
	if (sp == NULL)
		return;
	speech_free(sp->speech);
	free(sp);
}

/*
 * Say text if the voice is on, in the session's rate and volume, in lang;
 * queued after what is being said, or stopping it. The moment the voice
 * is turned off, the message saying so is still heard.
 */
static void
tui_speaker_utter(struct tui_speaker *sp, const char *text,
    const char *last_words, enum lang lang, int queued)
{
	const struct voice	*v = dialog_voice(sp->dialog);

	speech_set_voice(sp->speech, v->rate, v->volume);
	if (!v->on) {
		if (sp->was_on && last_words != NULL)
			speech_say(sp->speech, last_words,
			    dialog_lang(sp->dialog));
		sp->was_on = 0;
		return;
	}
	sp->was_on = 1;
	if (queued)
		speech_queue(sp->speech, text, lang);
	else
		speech_say(sp->speech, text, lang);
}

/* Say text in the session's language, stopping what is being said. */
static void
tui_speaker_say(struct tui_speaker *sp, const char *text,
    const char *last_words)
{
	tui_speaker_utter(sp, text, last_words, dialog_lang(sp->dialog), 0);
}

/*
 * Bytes of a screen's text said at once: minutes of speech. The rest of a
 * longer text stays on the screen, and a screen costs what is said.
 */
#define TUI_SPEAK_TEXT_MAX	8192

/* The text of a screen as it grows. */
struct tui_text {
	char	*text;
	size_t	 len;
	size_t	 size;
};

/*
 * Append part as a sentence of its own, cut to at most max bytes: a line
 * of the screen ends with a pause, whatever mark it ends with, and the
 * cost is that of what is appended, not of the whole.
 */
static void
tui_speaker_add_some(struct tui_text *t, const char *part, size_t max)
{
	size_t	 len;
	int	 end;

	if (part == NULL || *part == '\0')
		return;
	len = strnlen(part, max);
	if (len == max)
		len = text_utf8_boundary(part, len);
	while (len > 0 && part[len - 1] == ' ')
		len--;
	if (len > 0 && part[len - 1] == ':')
		len--;
	if (len == 0)
		return;
	end = strchr(".!?", part[len - 1]) == NULL;
	if (t->len + len + 3 > t->size) {
		t->size = t->len + len + 3 > 2 * t->size ? t->len + len + 3 :
		    2 * t->size;
		t->text = xreallocarray(t->text, t->size, 1);
	}
	if (t->len > 0)
		t->text[t->len++] = ' ';
	memcpy(t->text + t->len, part, len);
	t->len += len;
	if (end)
		t->text[t->len++] = '.';
	t->text[t->len] = '\0';
}

static void
tui_speaker_add(struct tui_text *t, const char *part)
{
	tui_speaker_add_some(t, part, SIZE_MAX);
}

/* A screen in two languages: its parts, each in its own voice; an error
 * or a result first. */
static void
tui_speaker_parts(struct tui_speaker *sp, const struct screen *s)
{
	size_t	 i = 0;

	if (s->message != NULL)
		tui_speaker_say(sp, s->message, s->message);
	else
		tui_speaker_utter(sp, s->speech[i++].text, NULL,
		    s->speech[0].lang, 0);
	for (; i < s->nspeech; i++)
		tui_speaker_utter(sp, s->speech[i].text, NULL,
		    s->speech[i].lang, 1);
}

void
tui_speaker_screen(struct tui_speaker *sp, const struct screen *s)
{
	const struct voice	*v;
	struct tui_text		 text = { NULL, 0, 0 };
	char			*part;
	size_t			 i;
	int			 hidden = 0;

	if (sp == NULL)
		return;
	if (s->nspeech > 0) {
		tui_speaker_parts(sp, s);
		return;
	}
	v = dialog_voice(sp->dialog);
	tui_speaker_add(&text, s->title);
	/* An error or a result first: it is what the citizen waits for. */
	tui_speaker_add(&text, s->message);
	tui_speaker_add(&text, s->prompt);
	for (i = 0; i < s->nbody && text.len < TUI_SPEAK_TEXT_MAX; i++) {
		if (s->personal != NULL && s->personal[i] && !v->headset)
			hidden = 1;
		else
			tui_speaker_add_some(&text, s->body[i],
			    TUI_SPEAK_TEXT_MAX - text.len);
	}
	if (hidden)
		tui_speaker_add(&text, _("Personal data is on the screen but "
		    "not spoken, for your privacy. For headset mode, press # "
		    "then 8."));
	for (i = 0; i < s->nitems; i++) {
		part = xasprintf("%zu. %s", i + 1, s->items[i]);
		tui_speaker_add(&text, part);
		free(part);
	}
	if (s->field != FIELD_NONE)
		tui_speaker_add(&text, s->field_label);
	/* How to finish, correct and leave a field, heard before typing. */
	tui_speaker_add(&text, dialog_key_rule(sp->dialog));
	tui_speaker_say(sp, text.text != NULL ? text.text : "", s->message);
	free(text.text);
}

void
tui_speaker_item(struct tui_speaker *sp, const struct screen *s,
    size_t selected)
{
	char	*text;

	if (sp == NULL || selected >= s->nitems)
		return;
	text = xasprintf("%zu. %s", selected + 1, s->items[selected]);
	/* On a screen said in parts, choice n is in part n's language. */
	tui_speaker_utter(sp, text, NULL, selected < s->nspeech ?
	    s->speech[selected].lang : dialog_lang(sp->dialog), 0);
	free(text);
}

/* Typing that must not be heard: a secret, or personal data aloud. */
static int
tui_speaker_private(struct tui_speaker *sp, const struct screen *s)
{
	return s->field == FIELD_SECRET || (s->field_personal &&
	    !dialog_voice(sp->dialog)->headset);
}

/* The last word of the field, before a space just typed. */
static char *
tui_speaker_last_word(const char *field)
{
	const char	*end = field + strlen(field), *start;

	while (end > field && end[-1] == ' ')
		end--;
	start = end;
	while (start > field && start[-1] != ' ')
		start--;
	return xstrndup(start, end - start);
}

void
tui_speaker_typed(struct tui_speaker *sp, const struct screen *s,
    const char *field, wint_t wc)
{
	char		 buf[MB_LEN_MAX + 1], *text, *word;
	mbstate_t	 ps;
	size_t		 n;

	if (sp == NULL || sp->echo == ECHO_OFF)
		return;
	if (tui_speaker_private(sp, s)) {
		tui_speaker_say(sp, wc >= '0' && wc <= '9' ?
		    _("digit entered") : _("character entered"), NULL);
		return;
	}
	if (sp->echo == ECHO_WORD) {
		if (wc != ' ')
			return;
		word = tui_speaker_last_word(field);
		/* A number is read digit by digit, as it was typed. */
		text = s->field == FIELD_DIGITS ? spoken_spell(word,
		    dialog_lang(sp->dialog)) : xstrdup(word);
		free(word);
	} else if (wc == ' ')
		text = xstrdup(_("space"));
	else {
		memset(&ps, 0, sizeof ps);
		if ((n = wcrtomb(buf, (wchar_t)wc, &ps)) == (size_t)-1)
			return;
		buf[n] = '\0';
		text = spoken_spell(buf, dialog_lang(sp->dialog));
	}
	if (*text != '\0')
		tui_speaker_say(sp, text, NULL);
	free(text);
}

void
tui_speaker_deleted(struct tui_speaker *sp, const struct screen *s)
{
	(void)s;
	if (sp != NULL && sp->echo != ECHO_OFF)
		tui_speaker_say(sp, _("deleted"), NULL);
}

void
tui_speaker_notice(struct tui_speaker *sp, const char *text)
{
	if (sp != NULL)
		tui_speaker_say(sp, text, NULL);
}

void
tui_speaker_stop(struct tui_speaker *sp)
{
	if (sp != NULL)
		speech_stop(sp->speech);
}

char *
tui_speaker_poll(struct tui_speaker *sp)
{
	return sp != NULL ? speech_poll(sp->speech) : NULL;
}
