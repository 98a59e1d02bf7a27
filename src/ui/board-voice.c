/* The board's voice: calls queued behind a chime, and its settings. */
#include "config.h"

#include <stdlib.h>

#include "common/configuration.h"
#include "common/xmalloc.h"
#include "ui/board-voice.h"
#include "ui/speech.h"
#include "ui/voice.h"

struct board_voice {
	struct speech	*speech;
	struct voice	 voice;
	char		*last;		/* the last call, for * */
	enum lang	 last_lang;
};

struct board_voice *
board_voice_new(const struct config *c)
{
	struct board_voice	*bv;
	struct speech		*speech;

	if (!c->speech_board || (speech = speech_start(c, 1)) == NULL)
		return NULL;
	bv = xcalloc(1, sizeof *bv);
	bv->speech = speech;
	voice_init(&bv->voice, 1, c->speech_rate, c->speech_volume);
	return bv;
}

void
board_voice_free(struct board_voice *bv)
{
	if (bv == NULL)
		return;
	speech_free(bv->speech);
	free(bv->last);
	free(bv);
}

/* The chime, then the call twice, each after whatever is queued. */
static void
board_voice_say(struct board_voice *bv, const char *text, enum lang lang)
{
	if (!bv->voice.on)
		return;
	speech_set_voice(bv->speech, bv->voice.rate, bv->voice.volume);
	speech_chime(bv->speech);
	speech_queue(bv->speech, text, lang);
	speech_queue(bv->speech, text, lang);
}

void
board_voice_call(struct board_voice *bv, const char *text, enum lang lang)
{
	if (bv == NULL)
		return;
	free(bv->last);
	bv->last = xstrdup(text);
	bv->last_lang = lang;
	board_voice_say(bv, text, lang);
}

/* What a setting is now, for the status line. */
static char *
board_voice_describe(const struct board_voice *bv)
{
	if (!bv->voice.on)
		return xstrdup(_("Voice: off. Press 3 to turn it on."));
	return xasprintf(_("Voice: on, %d words a minute, volume %d of 100."),
	    bv->voice.rate, bv->voice.volume);
}

char *
board_voice_key(struct board_voice *bv, wint_t key)
{
	if (bv == NULL)
		return NULL;
	if (key == '*') {
		if (bv->last != NULL)
			board_voice_say(bv, bv->last, bv->last_lang);
	} else if (key >= '0' + VOICE_TOGGLE && key <= '0' + VOICE_LOUDER) {
		voice_change(&bv->voice, (enum voice_setting)(key - '0'));
		if (!bv->voice.on)
			speech_stop(bv->speech);
	} else
		return NULL;
	return board_voice_describe(bv);
}

char *
board_voice_poll(struct board_voice *bv)
{
	return bv != NULL ? speech_poll(bv->speech) : NULL;
}
