#!/bin/sh
# tests/sync-soak.sh on loketd's PostgreSQL engine (make soak).
LOKETD_ENGINE=postgresql exec sh "${top_srcdir:-.}/tests/sync-soak.sh"
