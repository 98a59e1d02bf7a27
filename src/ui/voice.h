/*
 * Voice settings of one citizen's session: whether the kiosk speaks, how
 * fast and how loud, and whether personal data may be spoken (headset
 * mode). The dialogue keeps them and starts each session from the office's
 * defaults; the front-ends apply them to the speech process.
 */
#ifndef LOKET_VOICE_H
#define LOKET_VOICE_H

#define VOICE_RATE_MIN		80	/* words per minute */
#define VOICE_RATE_MAX		300
#define VOICE_RATE_DEFAULT	150
#define VOICE_RATE_STEP		25
#define VOICE_VOLUME_MIN	10	/* espeak-ng amplitude: past 100 clips */
#define VOICE_VOLUME_MAX	100
#define VOICE_VOLUME_DEFAULT	80
#define VOICE_VOLUME_STEP	10

struct voice {
	int	 on;		/* speak at all */
	int	 rate;		/* words per minute */
	int	 volume;	/* 10 to 100 */
	int	 headset;	/* personal data may be spoken */
};

/* The settings, numbered as their keys on every settings screen. */
enum voice_setting {
	VOICE_TOGGLE = 3,	/* on or off */
	VOICE_SLOWER,
	VOICE_FASTER,
	VOICE_SOFTER,
	VOICE_LOUDER,
	VOICE_HEADSET		/* on or off */
};

/* The office's defaults for a new session. */
void	 voice_init(struct voice *, int on, int rate, int volume);
/* Change one setting: 0, or -1 at a limit (then nothing changes). */
int	 voice_change(struct voice *, enum voice_setting);

#endif
