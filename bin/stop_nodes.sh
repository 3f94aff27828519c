#!/usr/bin/env bash
# Stops the nodes that bin/start_nodes.sh started (the pids in run/), and nothing else.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
run="${PYCOTR_RUN_DIR:-$root/run}"
shopt -s nullglob
stopped=0
for pidfile in "$run"/node*.pid; do
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  name="$(basename "$pidfile" .pid)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'pycotrd.jar'; then
    kill -TERM "$pid"
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$name (pid $pid) ignored SIGTERM for 10 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "stopped $name (pid $pid)"
    stopped=$((stopped + 1))
  fi
  rm -f "$pidfile"
done
[ "$stopped" -gt 0 ] || echo "no nodes were running"
