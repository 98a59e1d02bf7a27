/* The header of a 16-bit mono PCM WAV file or stream. */
#include "config.h"

#include <string.h>

#include "speech/wav.h"

static void
wav_le32(unsigned char *p, uint32_t v)
{
	p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24;
}

void
wav_header(unsigned char *h, unsigned rate, uint32_t bytes)
{
	memcpy(h, "RIFF", 4);
	wav_le32(h + 4, 36 + bytes);
	memcpy(h + 8, "WAVEfmt ", 8);
	wav_le32(h + 16, 16);
	h[20] = 1; h[21] = 0;		/* PCM */
	h[22] = 1; h[23] = 0;		/* mono */
	wav_le32(h + 24, rate);
	wav_le32(h + 28, rate * 2);
	h[32] = 2; h[33] = 0;		/* bytes a frame */
	h[34] = 16; h[35] = 0;		/* bits a sample */
	memcpy(h + 36, "data", 4);
	wav_le32(h + 40, bytes);
}
