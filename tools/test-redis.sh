#!/usr/bin/env bash
# A private Redis for the test run, from Debian's redis-server (no Docker): `start <dir>` starts it on a free loopback port
# (no persistence) and prints a StackExchange.Redis configuration string on stdout; `stop <dir>` stops it and removes the folder.
set -euo pipefail
command="$1"; dir="$2"

case "$command" in
  start)
    command -v redis-server >/dev/null || { echo "redis-server is not installed" >&2; exit 1; }
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 56379)
    mkdir -p "$dir"
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
      --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
    for _ in $(seq 1 50); do
      if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
        echo "127.0.0.1:$port"
        exit 0
      fi
      sleep 0.1
    done
    cat "$dir/redis.log" >&2 2>/dev/null || true
    exit 1
    ;;
  stop)
    if [ -f "$dir/redis.pid" ]; then kill "$(cat "$dir/redis.pid")" 2>/dev/null || true; fi
    rm -rf "$dir"
    ;;
esac
