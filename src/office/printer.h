/*
 * Printed tickets: a document for the kiosk's printer (ESC/POS for
 * thermal printers, or plain text), sent to a device, a file or a
 * command. A printer that is missing, jammed or out of paper is reported
 * as a cause; the ticket itself stays valid.
 */
#ifndef LOKET_PRINTER_H
#define LOKET_PRINTER_H

#include <stddef.h>

enum printer_type {
	PRINTER_NONE = 0,
	PRINTER_TEXT,
	PRINTER_ESCPOS
};

struct printer {
	enum printer_type	 type;
	const char		*device;	/* a device or file, or NULL */
	const char		*command;	/* run with sh -c, or NULL */
};

/* What goes on a ticket; all text already in the kiosk's language. */
struct printer_ticket {
	const char	*office;
	const char	*service;
	const char	*label;		/* "A-012" */
	const char	*when;		/* "28-11-2026 09:15 WIB" */
	const char	*ahead;		/* "3 people are ahead of you." */
	const char	*code;		/* what the QR code holds */
};

/* The types' names, indexed by enum printer_type, NULL-ended. */
extern const char *const printer_type_names[];

/* Parse "none", "text" or "escpos"; -1 if none of them. */
int	 printer_parse_type(const char *, enum printer_type *);
/* The document for this printer; owned, *len bytes (may hold NULs). */
char	*printer_document(enum printer_type, const struct printer_ticket *,
	     size_t *len);
/* Send a document; -1 and a cause in the user's language on failure. */
int	 printer_send(const struct printer *, const char *, size_t,
	     char **cause);

#endif
