#!/usr/bin/env bash
# Runs every test in Library.sln. Installs what the tests need when it is missing (Debian's chromium for Playwright).
# Ends with the totals alone on a line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || {
    echo "Could not install chromium"; exit 1; }
fi

results="TestResults"
rm -rf "$results"
dotnet test Library.sln --logger "trx;LogFileName=results.trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?

trx=$(find "$results" -name '*.trx' | head -n 1)
if [ -z "$trx" ]; then
  echo "No test results were written (the build or the test host failed)."
  echo "0 passed, 0 failed"
  exit 1
fi
passed=$(grep -o '<Counters [^>]*' "$trx" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
failed=$(grep -o '<Counters [^>]*' "$trx" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
executed=$(grep -o '<Counters [^>]*' "$trx" | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "${executed:-0}" -eq 0 ]; then
  echo "No test was executed."
  exit 1
fi
exit $status
