/*
 * The chime before the board's calls: a two-tone "ding-dong", 660 Hz then
 * 550 Hz, each 0.3 s, struck like a bell (a quick attack, then a decay),
 * with a faint octave above so that it does not sound like a test tone.
 */
#include "config.h"

#include <math.h>

#include "common/xmalloc.h"
#include "speech/chime.h"

#define CHIME_TONE	0.3	/* seconds each tone lasts */
#define CHIME_ATTACK	0.005	/* seconds to full strength: no click */
#define CHIME_DECAY	0.12	/* seconds to fall to 1/e */
#define CHIME_PEAK	0.6	/* of full scale, at volume 100 */

/* One struck tone of frequency hz into out. */
static void
chime_tone(short *out, size_t n, unsigned rate, double hz, double peak)
{
	size_t	 i;
	double	 t, envelope, wave;

	for (i = 0; i < n; i++) {
		t = (double)i / rate;
		envelope = exp(-t / CHIME_DECAY);
		if (t < CHIME_ATTACK)
			envelope *= t / CHIME_ATTACK;
		wave = sin(2 * M_PI * hz * t) +
		    0.25 * sin(4 * M_PI * hz * t);
		out[i] = (short)(peak * envelope * wave / 1.25 * 32767);
	}
}

short *
chime_new(unsigned rate, int volume, size_t *n)
{
	size_t	 tone = (size_t)(CHIME_TONE * rate);
	double	 peak = CHIME_PEAK * volume / 100.0;
	short	*samples;

	samples = xreallocarray(NULL, 2 * tone, sizeof *samples);
	chime_tone(samples, tone, rate, 660, peak);
	chime_tone(samples + tone, tone, rate, 550, peak);
	*n = 2 * tone;
	return samples;
}
