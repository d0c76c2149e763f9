#!/usr/bin/env bash
# The benchmark: builds Release, starts the app on 127.0.0.1 with fresh databases, drives load and prints a table.
# Usage: bench/run.sh [--provider sqlite|postgresql] [--postgres "<Npgsql server connection string>"] [--duration 60]
#                     [--users 100] [--titles 100000] [--only load,live,search,crash] [--set Key=Value]
# With --provider postgresql and no --postgres (nor LIBRARY_BENCH_POSTGRES), a private PostgreSQL with fsync on is started
# for the run (tools/test-postgres.sh, DURABLE=1) and stopped afterwards.
# Not part of ./test.sh. Takes about 3 minutes with the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
dotnet publish Library.Web/Library.Web.csproj -c Release -o "$out/app" -p:UseAppHost=false --nologo -v quiet
dotnet build bench/Library.Bench/Library.Bench.csproj -c Release -o "$out/bench" --nologo -v quiet
if [[ " $* " == *" --provider postgresql "* || " $* " == *" --provider PostgreSQL "* ]] && [[ " $* " != *" --postgres "* ]] && [ -z "${LIBRARY_BENCH_POSTGRES:-}" ]; then
  pgdir=$(mktemp -d /tmp/library-bench-pg.XXXXXX)
  trap 'tools/test-postgres.sh stop "$pgdir"' EXIT
  export LIBRARY_BENCH_POSTGRES=$(DURABLE=1 tools/test-postgres.sh start "$pgdir")
fi
dotnet "$out/bench/Library.Bench.dll" --app "$out/app/Library.Web.dll" "$@"
