#!/usr/bin/env bash
# Starts a local network of N nodes (default 3) as plain processes:
#   node i: HTTP 3000+i (advertised http://localhost:300i), P2P 4000+i, nodes 2..N bootstrap to node 1,
#   miner pause 5, 10, 15 s for nodes 1-3 (5*i s beyond), faucet and legacy routes on.
# Logs and pids go to run/ (git-ignored). Running it again leaves running nodes alone.
# Overrides: PYCOTR_RUN_DIR, PYCOTR_BASE_HTTP_PORT (3000), PYCOTR_BASE_P2P_PORT (4000).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-3}"
if ! [[ "$n" =~ ^[1-9][0-9]?$ ]]; then
  echo "usage: $0 [number of nodes, 1-99]" >&2
  exit 2
fi
run="${PYCOTR_RUN_DIR:-$root/run}"
http_base="${PYCOTR_BASE_HTTP_PORT:-3000}"
p2p_base="${PYCOTR_BASE_P2P_PORT:-4000}"
mkdir -p "$run"
. "$root/bin/build_if_needed.sh"
pycotr_build_if_needed "$root"

is_our_node() {  # pid file -> true if that pid is a live pycotrd
  local pid
  pid="$(cat "$1" 2>/dev/null)" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'pycotrd.jar'
}

for i in $(seq 1 "$n"); do
  pidfile="$run/node$i.pid"
  if is_our_node "$pidfile"; then
    echo "node$i already running (pid $(cat "$pidfile"))"
    continue
  fi
  bootstrap=""
  if [ "$i" -gt 1 ]; then bootstrap="localhost:$((p2p_base + 1))"; fi
  (
    cd "$root"
    PYCOTR_NO_BUILD=1 nohup java ${PYCOTR_JAVA_OPTS:-} -jar "$root/daemon/target/pycotrd.jar" \
      --http-port "$((http_base + i))" --p2p-port "$((p2p_base + i))" \
      --advertised-url "http://localhost:$((http_base + i))" \
      --bootstrap "$bootstrap" --miner-pause "$((5 * i))" --mine \
      --faucet-key "$root/genesis/dev-faucet.key" --legacy-api \
      > "$run/node$i.log" 2>&1 &
    echo $! > "$pidfile"
  )
  echo "node$i starting (pid $(cat "$pidfile")), log $run/node$i.log"
done

for i in $(seq 1 "$n"); do
  url="http://localhost:$((http_base + i))"
  for _ in $(seq 1 120); do
    if curl -fsS "$url/v1/status" > /dev/null 2>&1; then break; fi
    if ! is_our_node "$run/node$i.pid"; then
      echo "node$i failed to start; last lines of $run/node$i.log:" >&2
      tail -n 20 "$run/node$i.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  if ! curl -fsS "$url/v1/status" > /dev/null 2>&1; then
    echo "node$i did not answer on $url within 60 s; see $run/node$i.log" >&2
    exit 1
  fi
  echo "node$i up: $url (P2P port $((p2p_base + i)))"
done
