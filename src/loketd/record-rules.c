/* The centre's rules for setting an application or answering a complaint. */
#include "config.h"

#include <string.h>

#include "common/text.h"
#include "loketd/record-rules.h"
#include "loketd/store.h"
#include "sync/record.h"

enum record_problem
record_check(const char *kind, const char *tracking, const char *state,
    const char *note)
{
	enum text_problem	 text;
	int			 n;

	if (strlen(tracking) != STORE_TRACKING_LEN - 1 ||
	    strspn(tracking, "0123456789") != STORE_TRACKING_LEN - 1)
		return RECORD_BAD_TRACKING;
	text = text_check_input(note, RECORD_NOTE_MAX);
	if (text != TEXT_OK && text != TEXT_EMPTY)
		return RECORD_BAD_TEXT;
	if (strcmp(kind, "complaint") == 0)
		return text == TEXT_EMPTY ? RECORD_EMPTY_ANSWER : RECORD_OK;
	if ((n = sync_application_state_parse(state)) < 0)
		return RECORD_BAD_STATE;
	if (sync_application_state_needs_note(n) && text == TEXT_EMPTY)
		return RECORD_NOTE_NEEDED;
	return RECORD_OK;
}
