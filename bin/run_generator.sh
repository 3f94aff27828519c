#!/usr/bin/env bash
# Regenerates genesis/genesis.json (or another genesis file: see --help).
# With no arguments it rewrites the committed dev network's file, byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests -pl genesis -am package >&2
exec java -cp "genesis/target/classes:genesis/target/lib/*" org.pycotr.genesis.GenesisGenerator "$@"
