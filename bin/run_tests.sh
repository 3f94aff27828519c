#!/usr/bin/env bash
# Runs the whole test suite: the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B verify "$@"
