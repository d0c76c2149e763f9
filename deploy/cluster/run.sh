#!/usr/bin/env bash
# A local Library cluster on this machine, without Docker: a private PostgreSQL and Redis from Debian's packages, two app
# nodes (Release publish of Library.Web, Production, node1/node2) and the YARP proxy (deploy/cluster/Proxy) with cookie
# affinity and health checks in front. Prints the URL; Ctrl-C stops everything and keeps the data for the next run.
#
#   deploy/cluster/run.sh                  start (first run: publish, create the database, seed the demo library)
#   deploy/cluster/run.sh --stop           stop a cluster left running (e.g. after the terminal was closed)
#   deploy/cluster/run.sh --clean          stop it and delete its folder (database, Redis, logs, published app)
# Options: --dir DIR (default /tmp/library-cluster, or LIBRARY_CLUSTER_DIR), --port N (proxy, default 8080),
#          --no-build (reuse the last publish), --setup EMAIL:PASSWORD (no demo data: Production's first librarian instead).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dir=${LIBRARY_CLUSTER_DIR:-/tmp/library-cluster}
proxy_port=8080; build=1; action=start; setup=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir=$2; shift ;;
    --port) proxy_port=$2; shift ;;
    --no-build) build=0 ;;
    --setup) setup=$2; shift ;;
    --stop) action=stop ;;
    --clean) action=clean ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
dir=$(realpath -m "$dir")
pg_port=${LIBRARY_CLUSTER_PG_PORT:-55432}; redis_port=${LIBRARY_CLUSTER_REDIS_PORT:-56379}
node_ports=(${LIBRARY_CLUSTER_NODE_PORTS:-5081 5082})
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_pid() { # SIGTERM, up to 40 s (the app drains for at most 30 s), then SIGKILL
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file"); rm -f "$file"
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 400); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

stop_all() {
  stop_pid "$dir/proxy.pid"
  for i in "${!node_ports[@]}"; do stop_pid "$dir/node$((i + 1)).pid" & done
  wait
  stop_pid "$dir/redis.pid"
  if [ -n "$bin" ] && [ -f "$dir/pg/data/postmaster.pid" ]; then as_postgres "$bin/pg_ctl" -D "$dir/pg/data" -m fast stop >/dev/null 2>&1 || true; fi
}

case "$action" in
  stop) stop_all; echo "Stopped the cluster in $dir (data kept; --clean deletes it)."; exit 0 ;;
  clean) stop_all; rm -rf "$dir"; echo "Stopped the cluster and deleted $dir."; exit 0 ;;
esac

missing=()
[ -n "$bin" ] || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2; exit 1
fi
for port in "$proxy_port" "$pg_port" "$redis_port" "${node_ports[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port on 127.0.0.1 is taken (a cluster already running? deploy/cluster/run.sh --stop). Ports come from --port, LIBRARY_CLUSTER_PG_PORT, LIBRARY_CLUSTER_REDIS_PORT, LIBRARY_CLUSTER_NODE_PORTS." >&2
    exit 1
  fi
done

mkdir -p "$dir"
trap 'echo; echo "Stopping the cluster..."; stop_all; echo "Stopped. Data kept in $dir (deploy/cluster/run.sh --clean deletes it)."' EXIT
trap 'exit 130' INT TERM

if [ "$build" = 1 ] || [ ! -f "$dir/app/Library.Web.dll" ]; then
  echo "Publishing Library.Web and the proxy (Release) into $dir ..."
  dotnet publish "$repo/Library.Web/Library.Web.csproj" -c Release -o "$dir/app" -p:UseAppHost=false --nologo -v quiet
  dotnet publish "$repo/deploy/cluster/Proxy/Library.Proxy.csproj" -c Release -o "$dir/proxy" -p:UseAppHost=false --nologo -v quiet
fi

# PostgreSQL: durable (fsync on), data kept between runs.
if [ ! -f "$dir/pg/data/PG_VERSION" ]; then
  mkdir -p "$dir/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/pg"
  as_postgres "$bin/initdb" -D "$dir/pg/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/pg/initdb.log" 2>&1 \
    || { cat "$dir/pg/initdb.log" >&2; exit 1; }
fi
as_postgres "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 60 \
  -o "-p $pg_port -k $dir/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null \
  || { cat "$dir/pg/server.log" >&2; exit 1; }
library_db="Host=127.0.0.1;Port=$pg_port;Database=library;Username=postgres;Maximum Pool Size=100"

# Redis: append-only file in the folder, so rate-limit windows and pub/sub state survive nothing important but the
# server behaves like a real one.
mkdir -p "$dir/redis"
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$dir/redis" --appendonly yes --save '' \
  --logfile "$dir/redis/redis.log" --daemonize yes --pidfile "$dir/redis.pid" >/dev/null
redis="127.0.0.1:$redis_port"

start_node() { # name port
  local name=$1 port=$2
  mkdir -p "$dir/$name"
  (
    cd "$dir/app"
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_FORWARDEDHEADERS_ENABLED=true
    export Database__Provider=PostgreSQL ConnectionStrings__Library="$library_db" ConnectionStrings__Redis="$redis"
    export Cluster__NodeName="$name" Storage__DataDirectory="$dir/$name" Notifications__PickupDirectory="$dir/$name/mail-pickup"
    export Logging__Console__FormatterName=simple
    if [ -n "$setup" ]; then
      export Seed__Demo=false Setup__LibrarianEmail="${setup%%:*}" Setup__LibrarianPassword="${setup#*:}"
    else
      export Seed__Demo=true
    fi
    exec dotnet Library.Web.dll >>"$dir/$name.log" 2>&1
  ) &
  echo $! >"$dir/$name.pid"
}

wait_ready() { # name port
  local name=$1 port=$2
  for _ in $(seq 1 900); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; then return 0; fi
    if ! kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null; then echo "$name exited during start-up; last lines of $dir/$name.log:" >&2; tail -n 20 "$dir/$name.log" >&2; exit 1; fi
    sleep 0.2
  done
  echo "$name was not ready after 180 s (see $dir/$name.log)" >&2; exit 1
}

# node1 first: it creates and migrates the database and seeds it; the others then start side by side.
start_node node1 "${node_ports[0]}"; wait_ready node1 "${node_ports[0]}"
for i in $(seq 1 $((${#node_ports[@]} - 1))); do start_node "node$((i + 1))" "${node_ports[$i]}"; done
for i in $(seq 1 $((${#node_ports[@]} - 1))); do wait_ready "node$((i + 1))" "${node_ports[$i]}"; done

nodes=$(printf 'http://127.0.0.1:%s,' "${node_ports[@]}"); nodes=${nodes%,}
(
  cd "$dir/proxy"
  export ASPNETCORE_URLS="http://127.0.0.1:$proxy_port" Proxy__Nodes="$nodes" Logging__Console__FormatterName=simple
  exec dotnet Library.Proxy.dll >>"$dir/proxy.log" 2>&1
) &
echo $! >"$dir/proxy.pid"
for _ in $(seq 1 150); do curl -fsS -o /dev/null "http://127.0.0.1:$proxy_port/proxy/nodes" 2>/dev/null && break; sleep 0.2; done

cat <<EOF

Library cluster is up:  http://127.0.0.1:$proxy_port
  nodes       $(for i in "${!node_ports[@]}"; do printf 'node%s http://127.0.0.1:%s  ' $((i + 1)) "${node_ports[$i]}"; done)
  node health http://127.0.0.1:$proxy_port/proxy/nodes
  PostgreSQL  $library_db
  Redis       $redis
  data, logs  $dir   (node1.log, node2.log, proxy.log, pg/server.log, redis/redis.log)
  accounts    $([ -n "$setup" ] && echo "first librarian ${setup%%:*}" || echo "demo accounts of the README (librarian@library.local / Librarian!123)")
Ctrl-C stops everything (data kept); deploy/cluster/run.sh --clean deletes it. Try: kill -9 \$(cat $dir/node1.pid)
EOF
# Run until Ctrl-C or until the proxy dies; a node's death is the operator's experiment, not a reason to stop.
while kill -0 "$(cat "$dir/proxy.pid")" 2>/dev/null; do sleep 1; done
echo "The proxy exited (see $dir/proxy.log)." >&2
