#!/bin/sh
# tests/sync-crash.sh on loketd's PostgreSQL engine (issue 13).
LOKETD_ENGINE=postgresql exec sh "${top_srcdir:-.}/tests/sync-crash.sh"
