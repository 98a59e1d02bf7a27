/* Voice settings: the limits and steps of rate and volume. */
#include "config.h"

#include "ui/voice.h"

/* Keep a configured value within its limits. */
static int
voice_clamp(int value, int min, int max)
{
	return value < min ? min : value > max ? max : value;
}

void
voice_init(struct voice *v, int on, int rate, int volume)
{
	v->on = on;
	v->rate = voice_clamp(rate, VOICE_RATE_MIN, VOICE_RATE_MAX);
	v->volume = voice_clamp(volume, VOICE_VOLUME_MIN, VOICE_VOLUME_MAX);
	v->headset = 0;
}

/* Move *value by step, stopping at the limit; -1 if already there. */
static int
voice_step(int *value, int step, int min, int max)
{
	int	 next = voice_clamp(*value + step, min, max);

	if (next == *value)
		return -1;
	*value = next;
	return 0;
}

int
voice_change(struct voice *v, enum voice_setting setting)
{
	switch (setting) {
	case VOICE_TOGGLE:
		v->on = !v->on;
		return 0;
	case VOICE_HEADSET:
		v->headset = !v->headset;
		return 0;
	case VOICE_SLOWER:
	case VOICE_FASTER:
		return voice_step(&v->rate, setting == VOICE_SLOWER ?
		    -VOICE_RATE_STEP : VOICE_RATE_STEP, VOICE_RATE_MIN,
		    VOICE_RATE_MAX);
	case VOICE_SOFTER:
	case VOICE_LOUDER:
		return voice_step(&v->volume, setting == VOICE_SOFTER ?
		    -VOICE_VOLUME_STEP : VOICE_VOLUME_STEP, VOICE_VOLUME_MIN,
		    VOICE_VOLUME_MAX);
	}
	return -1;
}
