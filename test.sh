#!/usr/bin/env bash
# Runs every test in Library.sln: all of them on SQLite, and the store-touching ones (Integration, Admin, Accounts, Cluster,
# the reference scenario in the browser) a second time on a private PostgreSQL this script starts (tools/test-postgres.sh)
# and stops. A private Redis (tools/test-redis.sh) serves the cluster tests and the two-node tests. Installs what the tests
# need when it is missing (Debian's chromium, postgresql and redis-server). Give LIBRARY_TEST_POSTGRES (an Npgsql
# connection string without a database) or LIBRARY_TEST_REDIS (a StackExchange.Redis configuration string) to use a
# server of your own instead.
# Ends with the totals alone on a line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ -n "${LIBRARY_TEST_POSTGRES:-}" ] || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || {
    echo "Could not install ${missing[*]}"; echo "0 passed, 0 failed"; exit 1; }
fi

results="TestResults"
rm -rf "$results"
pgdir=""
redisdir=""
stop_servers() {
  if [ -n "$pgdir" ]; then tools/test-postgres.sh stop "$pgdir"; fi
  if [ -n "$redisdir" ]; then tools/test-redis.sh stop "$redisdir"; fi
}
trap stop_servers EXIT
if [ -z "${LIBRARY_TEST_POSTGRES:-}" ]; then
  pgdir=$(mktemp -d /tmp/library-test-pg.XXXXXX)
  LIBRARY_TEST_POSTGRES=$(tools/test-postgres.sh start "$pgdir") || { echo "Could not start PostgreSQL"; echo "0 passed, 0 failed"; exit 1; }
  echo "PostgreSQL for the tests: $LIBRARY_TEST_POSTGRES"
fi
if [ -z "${LIBRARY_TEST_REDIS:-}" ]; then
  redisdir=$(mktemp -d /tmp/library-test-redis.XXXXXX)
  LIBRARY_TEST_REDIS=$(tools/test-redis.sh start "$redisdir") || { echo "Could not start Redis"; echo "0 passed, 0 failed"; exit 1; }
  echo "Redis for the tests: $LIBRARY_TEST_REDIS"
fi
export LIBRARY_TEST_REDIS

dotnet build Library.sln -v q -nologo || { echo "The build failed."; echo "0 passed, 0 failed"; exit 1; }

postgres_filter="(FullyQualifiedName~Library.Tests.Integration|FullyQualifiedName~Library.Tests.Admin|FullyQualifiedName~Library.Tests.Accounts|FullyQualifiedName~Library.Tests.Cluster|FullyQualifiedName~ReferenceScenarioUiTests)&Store!=SqliteOnly"
# xunit runs as many test classes at once as there are cores (2 here) unless told otherwise; the tests mostly wait
# (browsers, HTTP, databases: the SQLite pass used 36 % of the CPU), so the SQLite pass runs 5 at a time (three of them
# are the browser collections, each one Chromium running its classes one after another) and the smaller PostgreSQL pass 2.
# TEST_THREADS_SQLITE / TEST_THREADS_POSTGRES override.
sqlite_threads="${TEST_THREADS_SQLITE:-5}"
postgres_threads="${TEST_THREADS_POSTGRES:-2}"
start=$(date +%s)
# The two passes run side by side (separate processes, separate databases): together they finish sooner than one after the other.
mkdir -p "$results"
( dotnet test Library.sln --no-build --filter "Store!=PostgreSqlOnly" --logger "trx;LogFileName=sqlite.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results/sqlite" "$@" -- xUnit.MaxParallelThreads="$sqlite_threads" 2>&1; echo $? > "$results/sqlite.status" ) \
  | sed -u 's/^/[sqlite] /' &
( LIBRARY_TEST_PROVIDER=PostgreSQL LIBRARY_TEST_POSTGRES="$LIBRARY_TEST_POSTGRES" \
    dotnet test Library.Tests --no-build --filter "$postgres_filter" --logger "trx;LogFileName=postgresql.trx" \
    --logger "console;verbosity=minimal" --results-directory "$results/postgresql" "$@" -- xUnit.MaxParallelThreads="$postgres_threads" 2>&1; \
    echo $? > "$results/postgresql.status" ) \
  | sed -u 's/^/[postgresql] /' &
wait
sqlite_status=$(cat "$results/sqlite.status" 2>/dev/null || echo 1)
postgres_status=$(cat "$results/postgresql.status" 2>/dev/null || echo 1)
echo "Both passes took $(( $(date +%s) - start )) s."

count() { grep -o '<Counters [^>]*' "$1" 2>/dev/null | sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p"; }
total_passed=0; total_failed=0; total_executed=0
for pass in sqlite postgresql; do
  trx="$results/$pass/$pass.trx"
  if [ ! -f "$trx" ]; then
    echo "$pass: no test results were written (the test host failed)."
    total_failed=$((total_failed + 1))
    continue
  fi
  p=$(count "$trx" passed); f=$(count "$trx" failed); e=$(count "$trx" executed)
  echo "$pass: ${p:-0} passed, ${f:-0} failed"
  total_passed=$((total_passed + ${p:-0})); total_failed=$((total_failed + ${f:-0})); total_executed=$((total_executed + ${e:-0}))
done

echo "$total_passed passed, $total_failed failed"
if [ "$total_executed" -eq 0 ]; then
  echo "No test was executed."
  exit 1
fi
[ "$sqlite_status" -eq 0 ] && [ "$postgres_status" -eq 0 ] && [ $total_failed -eq 0 ]
