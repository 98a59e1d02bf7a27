#!/bin/sh
# tests/sync-clock.sh on loketd's PostgreSQL engine (issue 13).
LOKETD_ENGINE=postgresql exec sh "${top_srcdir:-.}/tests/sync-clock.sh"
