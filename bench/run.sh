#!/usr/bin/env bash
# The benchmark: builds Release, starts the app on 127.0.0.1 with fresh databases, drives load and prints a table.
# Usage: bench/run.sh [--provider sqlite|postgresql] [--postgres "<Npgsql server connection string>"] [--duration 60]
#                     [--users 100] [--titles 100000] [--only load,live,search,crash] [--set Key=Value]
#        bench/run.sh --cluster [--nodes 2] [--redis host:port] [--duration 60] [--users 100]
#          the reference load against N app nodes on PostgreSQL + Redis behind the YARP proxy of deploy/cluster (load
#          scenario only); starts a private PostgreSQL (fsync on) and Redis when none is given (LIBRARY_BENCH_REDIS).
#          Compare with: bench/run.sh --provider postgresql --only load (one node, same machine).
# With --provider postgresql and no --postgres (nor LIBRARY_BENCH_POSTGRES), a private PostgreSQL with fsync on is started
# for the run (tools/test-postgres.sh, DURABLE=1) and stopped afterwards.
# Not part of ./test.sh. Takes about 3 minutes with the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
dotnet publish Library.Web/Library.Web.csproj -c Release -o "$out/app" -p:UseAppHost=false --nologo -v quiet
dotnet build bench/Library.Bench/Library.Bench.csproj -c Release -o "$out/bench" --nologo -v quiet
args=("$@")
cleanup=()
trap 'for c in "${cleanup[@]}"; do eval "$c"; done' EXIT
if [[ " $* " == *" --cluster "* ]]; then
  dotnet publish deploy/cluster/Proxy/Library.Proxy.csproj -c Release -o "$out/proxy" -p:UseAppHost=false --nologo -v quiet
  args+=(--proxy "$out/proxy/Library.Proxy.dll")
  [[ " $* " == *" --provider "* ]] || args+=(--provider postgresql)
  [[ " $* " == *" --only "* ]] || args+=(--only load)
  if [[ " $* " != *" --redis "* ]] && [ -z "${LIBRARY_BENCH_REDIS:-}" ]; then
    redisdir=$(mktemp -d /tmp/library-bench-redis.XXXXXX)
    redis_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --dir "$redisdir" --pidfile "$redisdir/redis.pid" >/dev/null
    cleanup+=('kill "$(cat "$redisdir/redis.pid")" 2>/dev/null; rm -rf "$redisdir"')
    export LIBRARY_BENCH_REDIS="127.0.0.1:$redis_port"
  fi
  set -- "${args[@]}"
fi
if [[ " $* " == *" --provider postgresql "* || " $* " == *" --provider PostgreSQL "* ]] && [[ " $* " != *" --postgres "* ]] && [ -z "${LIBRARY_BENCH_POSTGRES:-}" ]; then
  pgdir=$(mktemp -d /tmp/library-bench-pg.XXXXXX)
  cleanup+=('tools/test-postgres.sh stop "$pgdir"')
  export LIBRARY_BENCH_POSTGRES=$(DURABLE=1 tools/test-postgres.sh start "$pgdir")
fi
dotnet "$out/bench/Library.Bench.dll" --app "$out/app/Library.Web.dll" "$@"
