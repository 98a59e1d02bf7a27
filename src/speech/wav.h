/* The header of a 16-bit mono PCM WAV file or stream. */
#ifndef LOKET_WAV_H
#define LOKET_WAV_H

#include <stdint.h>

#define WAV_HEADER_SIZE	44
/* The data size of a stream whose length is not known: as espeak-ng's
 * --stdout writes it. */
#define WAV_STREAM_SIZE	0x7ffff000U

/* Fill the header for rate samples a second and bytes of samples. */
void	wav_header(unsigned char *, unsigned, uint32_t);

#endif
