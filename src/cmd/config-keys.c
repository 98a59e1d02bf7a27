/* The schema of loket.conf. */
#include "config.h"

#include <string.h>

#include "cmd/config-keys.h"
#include "office/notify.h"
#include "office/printer.h"
#include "office/schedule.h"
#include "ui/speech.h"
#include "ui/tui-speak.h"
#include "ui/voice.h"

/*
 * Check one piece of the office's week on its own (breaks against a whole
 * week of hours); how the pieces fit together is checked when the queue
 * starts.
 */
static int
config_keys_check_schedule(const char *key, const char *value, char **cause)
{
	struct schedule	 s;
	const char	*zone = "WIB", *hours = "", *breaks = "", *holidays = "";
	int		 rc;

	if (strcmp(key, "timezone") == 0)
		zone = value;
	else if (strcmp(key, "hours") == 0)
		hours = value;
	else if (strcmp(key, "breaks") == 0) {
		hours = "mon-sun 00:00-24:00";
		breaks = value;
	} else
		holidays = value;
	rc = schedule_parse(&s, zone, hours, breaks, holidays, cause);
	if (rc == 0)
		schedule_free(&s);
	return rc;
}

static void
config_keys_defaults(struct config *c)
{
	c->idle_timeout = 60;
	c->idle_warning = 30;
	c->priority_bonus = 600;
	c->slot_minutes = 30;
	c->slot_capacity = 4;
	c->booking_days = 14;
	c->booking_grace = 30;
	c->booking_early = 60;
	c->speech_rate = VOICE_RATE_DEFAULT;
	c->speech_volume = VOICE_VOLUME_DEFAULT;
	c->speech_kiosk = 1;
	c->speech_board = 1;
	c->notify_timeout = 30;
	c->notify_retry = 30;
	c->notify_give_up = 24 * 60;
}

static const struct config_key config_keys_table[] = {
	{ "general", "language", CONFIG_LANG, CONFIG_AT(lang), 0, 0 },
	{ "general", "database", CONFIG_PATH, CONFIG_AT(db_path), 0, 0 },
	{ "general", "log", CONFIG_PATH, CONFIG_AT(log_path), 0, 0 },
	{ "general", "busy_timeout", CONFIG_NUMBER,
	  CONFIG_AT(busy_timeout_ms), 100, 600000 },
	{ "kiosk", "idle_timeout", CONFIG_NUMBER, CONFIG_AT(idle_timeout),
	  10, 3600 },
	{ "kiosk", "idle_warning", CONFIG_NUMBER, CONFIG_AT(idle_warning),
	  20, 300 },
	{ "kiosk", "locked", CONFIG_BOOLEAN, CONFIG_AT(locked), 0, 0 },
	{ "kiosk", "exit_secret", CONFIG_SECRET, CONFIG_AT(exit_secret),
	  4, 64 },
	{ "office", "timezone", CONFIG_CHECKED, CONFIG_AT(timezone), 0, 0,
	  NULL, config_keys_check_schedule },
	{ "office", "hours", CONFIG_CHECKED, CONFIG_AT(hours), 0, 0,
	  NULL, config_keys_check_schedule },
	{ "office", "breaks", CONFIG_CHECKED, CONFIG_AT(breaks), 0, 0,
	  NULL, config_keys_check_schedule },
	{ "office", "holidays", CONFIG_CHECKED, CONFIG_AT(holidays), 0, 0,
	  NULL, config_keys_check_schedule },
	{ "queue", "quota", CONFIG_NUMBER, CONFIG_AT(quota), 0, 100000 },
	{ "queue", "priority_bonus", CONFIG_NUMBER, CONFIG_AT(priority_bonus),
	  0, 86400 },
	{ "booking", "slot_minutes", CONFIG_NUMBER, CONFIG_AT(slot_minutes),
	  5, 240 },
	{ "booking", "capacity", CONFIG_NUMBER, CONFIG_AT(slot_capacity),
	  1, 1000 },
	{ "booking", "days_ahead", CONFIG_NUMBER, CONFIG_AT(booking_days),
	  1, 90 },
	{ "booking", "grace", CONFIG_NUMBER, CONFIG_AT(booking_grace),
	  0, 240 },
	{ "booking", "early", CONFIG_NUMBER, CONFIG_AT(booking_early),
	  0, 240 },
	{ "booking", "jump_queue", CONFIG_BOOLEAN, CONFIG_AT(booking_jump),
	  0, 0 },
	{ "printer", "type", CONFIG_CHOICE, CONFIG_AT(printer_type), 0, 0,
	  printer_type_names },
	{ "printer", "device", CONFIG_PATH, CONFIG_AT(printer_device), 0, 0 },
	{ "printer", "command", CONFIG_STRING, CONFIG_AT(printer_command),
	  0, 0 },
	{ "speech", "sink", CONFIG_CHOICE, CONFIG_AT(speech_sink), 0, 0,
	  speech_sink_names },
	{ "speech", "command", CONFIG_STRING, CONFIG_AT(speech_command),
	  0, 0 },
	{ "speech", "directory", CONFIG_PATH, CONFIG_AT(speech_directory),
	  0, 0 },
	{ "speech", "rate", CONFIG_NUMBER, CONFIG_AT(speech_rate),
	  VOICE_RATE_MIN, VOICE_RATE_MAX },
	{ "speech", "volume", CONFIG_NUMBER, CONFIG_AT(speech_volume),
	  VOICE_VOLUME_MIN, VOICE_VOLUME_MAX },
	{ "speech", "echo", CONFIG_CHOICE, CONFIG_AT(speech_echo), 0, 0,
	  tui_echo_names },
	{ "speech", "kiosk", CONFIG_BOOLEAN, CONFIG_AT(speech_kiosk), 0, 0 },
	{ "speech", "desk", CONFIG_BOOLEAN, CONFIG_AT(speech_desk), 0, 0 },
	{ "speech", "board", CONFIG_BOOLEAN, CONFIG_AT(speech_board), 0, 0 },
	{ "sync", "ca_file", CONFIG_PATH, CONFIG_AT(sync_ca_file), 0, 0 },
	{ "notify", "transport", CONFIG_CHOICE, CONFIG_AT(notify_transport),
	  0, 0, notify_transport_names },
	{ "notify", "url", CONFIG_CHECKED, CONFIG_AT(notify_url), 0, 0,
	  NULL, notify_check_url },
	{ "notify", "method", CONFIG_CHOICE, CONFIG_AT(notify_method), 0, 0,
	  notify_method_names },
	{ "notify", "body", CONFIG_CHECKED, CONFIG_AT(notify_body), 0, 0,
	  NULL, notify_check_template },
	{ "notify", "content_type", CONFIG_STRING,
	  CONFIG_AT(notify_content_type), 0, 0 },
	{ "notify", "auth_header", CONFIG_CHECKED,
	  CONFIG_AT(notify_auth_header), 0, 0, NULL, notify_check_header },
	{ "notify", "command", CONFIG_STRING, CONFIG_AT(notify_command),
	  0, 0 },
	{ "notify", "gammu_inject", CONFIG_PATH,
	  CONFIG_AT(notify_gammu_inject), 0, 0 },
	{ "notify", "gammu_config", CONFIG_PATH,
	  CONFIG_AT(notify_gammu_config), 0, 0 },
	{ "notify", "timeout", CONFIG_NUMBER, CONFIG_AT(notify_timeout),
	  1, 600 },
	{ "notify", "retry", CONFIG_NUMBER, CONFIG_AT(notify_retry), 1, 3600 },
	{ "notify", "give_up", CONFIG_NUMBER, CONFIG_AT(notify_give_up),
	  1, 7 * 24 * 60 },
};

const struct config_schema config_keys_loket = {
	config_keys_table,
	sizeof config_keys_table / sizeof config_keys_table[0],
	config_keys_defaults
};
