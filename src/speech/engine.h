/*
 * The engine of loket-speech: a queue of utterances, and a worker thread
 * that synthesizes them with espeak-ng and writes the audio to a sink
 * (or hands the text to a text sink). The thread reading the commands
 * never waits for the worker: engine_stop silences the sink at once,
 * even while the worker is blocked writing to it.
 *
 * The engine owns the sink it is given. Events go to standard output
 * (event.h): ready, unavailable, start, audio, end, cancel, chime, drop.
 */
#ifndef LOKET_ENGINE_H
#define LOKET_ENGINE_H

struct engine;
struct request;
struct sink;

/* Start the engine on a sink; it probes the sink in the background.
 * NULL and *cause when the synthesizer cannot start. */
struct engine	*engine_new(struct sink *, char **);
/* Stop what is playing and drop the queue (S and X). */
void		 engine_stop(struct engine *);
/* Queue an utterance or the chime (S, Q and C). */
void		 engine_add(struct engine *, const struct request *);
/* Stop at once and end the worker; -1 when it did not end in time (it is
 * blocked in a library: leave with _exit). */
int		 engine_free(struct engine *);

#endif
