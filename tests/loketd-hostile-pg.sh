#!/bin/sh
# tests/loketd-hostile.sh on loketd's PostgreSQL engine (issue 13).
LOKETD_ENGINE=postgresql exec sh "${top_srcdir:-.}/tests/loketd-hostile.sh"
