/*
 * Configuration: the system file, then the user's file (or the one file
 * named by --config), then the environment, then the command line. Each
 * layer overrides the one before.
 */
#ifndef LOKET_CONFIGURATION_H
#define LOKET_CONFIGURATION_H

#include <stddef.h>

#include "common/i18n.h"

struct config_schema;

/*
 * The settings of one loket process, as plain values. Parsing the office's
 * week or the printer's type is left to the parts that own them: the
 * schema's checks only say whether a value will parse.
 */
struct config {
	const struct config_schema *schema;	/* borrowed, static */

	char		*db_path;	/* NULL: the default under XDG_DATA_HOME */
	char		*log_path;	/* NULL: syslog */
	enum lang	 lang;
	int		 busy_timeout_ms;
	int		 idle_timeout;	/* seconds before the idle warning */
	int		 idle_warning;	/* seconds the warning lasts */
	int		 locked;	/* kiosk mode: no way out but the secret */
	char		*exit_secret;
	int		 verbose;
	int		 line_mode;	/* --line: never curses */

	/* The office's week, parsed by schedule.c; NULL hours: always open. */
	char		*timezone;	/* WIB, WITA or WIT */
	char		*hours;
	char		*breaks;
	char		*holidays;
	int		 quota;		/* tickets per service per day; 0 none */
	int		 priority_bonus;	/* seconds a priority ticket gains */

	/* Bookings of a time slot. */
	int		 slot_minutes;
	int		 slot_capacity;	/* bookings per service per slot */
	int		 booking_days;	/* how far ahead one may book */
	int		 booking_grace;	/* minutes after the slot to check in */
	int		 booking_early;	/* minutes before the slot */
	int		 booking_jump;	/* a booking counts from its slot */

	/* Speech: where it plays, and each session's defaults. */
	int		 speech_sink;	/* enum speech_sink (ui/speech.h) */
	char		*speech_command;	/* sink command: fed WAV */
	char		*speech_directory;	/* sink wav */
	int		 speech_rate;	/* words per minute */
	int		 speech_volume;	/* 10 to 100 */
	int		 speech_echo;	/* enum speech_echo (ui/tui-speak.h) */
	int		 speech_kiosk;	/* speak at the kiosk (default yes) */
	int		 speech_desk;	/* at the desk (default no) */
	int		 speech_board;	/* at the board (default yes) */

	/* The kiosk's ticket printer. */
	int		 printer_type;	/* enum printer_type (office/printer.h) */
	char		*printer_device;
	char		*printer_command;

	/* The sync agent: a CA file for the centre's certificate; NULL. */
	char		*sync_ca_file;
	/* Text messages: the transport (office/notify.h) and its settings. */
	int		 notify_transport;	/* enum notify_transport */
	char		*notify_url;	/* http: a template */
	int		 notify_method;	/* http: enum notify_method */
	char		*notify_body;	/* http: a template */
	char		*notify_content_type;
	char		*notify_auth_header;	/* "Name: value" */
	char		*notify_command;	/* command: run with phone, text */
	char		*notify_gammu_inject;	/* gammu: gammu-smsd-inject */
	char		*notify_gammu_config;	/* gammu: its smsdrc */
	int		 notify_timeout;	/* seconds a try may take */
	int		 notify_retry;	/* seconds: the first retry's ceiling */
	int		 notify_give_up;	/* minutes after which to give up */
};

enum config_type {
	CONFIG_STRING,
	CONFIG_PATH,
	CONFIG_NUMBER,		/* from min to max */
	CONFIG_BOOLEAN,		/* yes, no, true or false */
	CONFIG_LANG,		/* id or en */
	CONFIG_SECRET,		/* min to max letters or digits */
	CONFIG_CHOICE,		/* one of choices, stored as its index */
	CONFIG_CHECKED		/* a string that check accepts */
};

/* Does value parse? 0, or -1 with a cause naming the key. */
typedef int (*config_check_fn)(const char *key, const char *value,
    char **cause);

/* One key of one section, stored at offset in struct config. */
struct config_key {
	const char		*section;
	const char		*key;
	enum config_type	 type;
	size_t			 offset;
	int			 min, max;
	const char *const	*choices;	/* CONFIG_CHOICE: NULL-ended */
	config_check_fn		 check;		/* CONFIG_CHECKED */
};

/* Every key a program knows, grouped by section, and its defaults. */
struct config_schema {
	const struct config_key	*keys;
	size_t			 nkeys;
	void			(*defaults)(struct config *);
};

#define CONFIG_AT(field) offsetof(struct config, field)

/* Defaults, before any file is read; the schema is borrowed. */
void	 config_init(struct config *, const struct config_schema *);
void	 config_free(struct config *);

/*
 * Read one file into c. A missing file is fine unless required. On an
 * unknown key or a bad value, return -1 and a cause naming the file, the
 * line, the key and what is allowed.
 */
int	 config_read_file(struct config *, const char *path, int required,
	     char **cause);
/* Read the system and user files, or only the one given. */
int	 config_read_files(struct config *, const char *only, char **cause);
/* Apply LOKET_DB, LOKET_LANG and LOKET_LOG. */
int	 config_read_env(struct config *, char **cause);
/* Set one key ("section.key") from a string, as a file line would. */
int	 config_set(struct config *, const char *section, const char *key,
	     const char *value, char **cause);

/* The system configuration file. */
const char *config_system_path(void);
/* The default database file, owned by the caller. */
char	*config_default_db_path(const char *name);

#endif
