/*
 * Configuration: the system file, then the user's file (or the one file
 * named by --config), then the environment, then the command line. Each
 * layer overrides the one before.
 */
#ifndef LOKET_CONFIGURATION_H
#define LOKET_CONFIGURATION_H

#include "i18n.h"

struct config {
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
	char		*speech_sink;	/* NULL: the sound device */
	char		*speech_command;	/* sink command: fed WAV */
	char		*speech_directory;	/* sink wav */
	int		 speech_rate;	/* words per minute */
	int		 speech_volume;	/* 10 to 100 */
	char		*speech_echo;	/* typed input: NULL is character */
	int		 speech_kiosk;	/* speak at the kiosk (default yes) */
	int		 speech_desk;	/* at the desk (default no) */
	int		 speech_board;	/* at the board (default yes) */

	/* The kiosk's ticket printer. */
	char		*printer_type;	/* none, text or escpos */
	char		*printer_device;
	char		*printer_command;
};

/* Defaults, before any file is read. */
void	 config_init(struct config *);
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
