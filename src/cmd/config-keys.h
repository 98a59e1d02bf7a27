/*
 * The keys of loket.conf: every section, its keys, their types, ranges and
 * defaults. The command layer wires them, since it alone may know both the
 * office's rules (the week, the printer) and the front-ends' (the voice).
 */
#ifndef LOKET_CONFIG_KEYS_H
#define LOKET_CONFIG_KEYS_H

#include "common/configuration.h"

extern const struct config_schema config_keys_loket;

#endif
