/* Voice settings: the limits and steps of rate and volume. */
#include "config.h"

#include "voice.h"

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
voice_slower(struct voice *v)
{
	return voice_step(&v->rate, -VOICE_RATE_STEP, VOICE_RATE_MIN,
	    VOICE_RATE_MAX);
}

int
voice_faster(struct voice *v)
{
	return voice_step(&v->rate, VOICE_RATE_STEP, VOICE_RATE_MIN,
	    VOICE_RATE_MAX);
}

int
voice_softer(struct voice *v)
{
	return voice_step(&v->volume, -VOICE_VOLUME_STEP, VOICE_VOLUME_MIN,
	    VOICE_VOLUME_MAX);
}

int
voice_louder(struct voice *v)
{
	return voice_step(&v->volume, VOICE_VOLUME_STEP, VOICE_VOLUME_MIN,
	    VOICE_VOLUME_MAX);
}
