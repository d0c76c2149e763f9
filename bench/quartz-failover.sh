#!/usr/bin/env bash
# How long a killed node's Quartz jobs wait before another node runs them: two app processes (cluster mode: PostgreSQL +
# Redis) with the outbox sweep every 2 s; the node that ran the last run is killed with SIGKILL, and the gap until the next
# run (on the survivor) is printed. Needs a built Library.Web (Debug), a PostgreSQL server connection string (no database) in
# $1 and a Redis configuration string in $2. Bounded: about a minute.
#   bench/quartz-failover.sh "Host=127.0.0.1;Port=5432;Username=postgres" 127.0.0.1:6379
set -euo pipefail
cd "$(dirname "$0")/.."
server="$1"; redis="$2"
db="failover_$$"
conninfo=$(echo "$server" | tr ';' '\n' | sed -n 's/^Host=/host=/p; s/^Port=/port=/p; s/^Username=/user=/p; s/^Password=/password=/p' | tr '\n' ' ')
pg() { local database="$1"; shift; psql "$conninfo dbname=$database" -At "$@"; }
pg postgres -c "CREATE DATABASE $db" >/dev/null
dll=Library.Web/bin/Debug/net10.0/Library.Web.dll
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 1; pg postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf /tmp/$db-*; }
trap cleanup EXIT
for node in n1 n2; do
  mkdir -p /tmp/$db-$node
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$port Database__Provider=PostgreSQL \
    "ConnectionStrings__Library=$server;Database=$db" ConnectionStrings__Redis="$redis" Cluster__NodeName=$node \
    Storage__DataDirectory=/tmp/$db-$node Seed__Demo=false Jobs__CatchUpOnStartup=false 'Outbox__SweepCron=0/2 * * * * ?' \
    dotnet "$dll" >/tmp/$db-$node/out.log 2>&1 &
  pids+=($!)
  [ "$node" = n1 ] && sleep 8 # n1 migrates first
done
runs() { pg "$db" -c "SELECT count(*) FROM \"JobRuns\" WHERE \"JobKey\"='outbox-sweep'"; }
for _ in $(seq 60); do [ "$(runs 2>/dev/null || echo 0)" -ge 5 ] && break; sleep 1; done
last=$(pg "$db" -c "SELECT \"Node\" FROM \"JobRuns\" WHERE \"JobKey\"='outbox-sweep' ORDER BY \"StartedAt\" DESC LIMIT 1")
victim=${pids[0]}; survivor=n2; [ "$last" = n2 ] && { victim=${pids[1]}; survivor=n1; }
echo "runs so far by node: $(pg "$db" -c "SELECT string_agg(\"Node\" || '=' || c, ' ') FROM (SELECT \"Node\", count(*) c FROM \"JobRuns\" GROUP BY 1) x")"
killed_at=$(date +%s.%N); kill -9 "$victim"
echo "killed $last (pid $victim) at $(date -u +%T.%N)"
before=$(pg "$db" -c "SELECT count(*) FROM \"JobRuns\" WHERE \"Node\"='$survivor'")
for _ in $(seq 120); do
  now=$(pg "$db" -c "SELECT count(*) FROM \"JobRuns\" WHERE \"Node\"='$survivor'")
  [ "$now" -gt "$before" ] && break; sleep 0.25
done
took=$(python3 -c "import time; print(round(time.time() - $killed_at, 1))")
echo "first run on the survivor ($survivor) ${took} s after the kill (check-in interval 7.5 s + threshold 7.5 s by default)"
