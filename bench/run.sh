#!/usr/bin/env bash
# The benchmark: builds Release, starts the app on 127.0.0.1 with fresh databases, drives load and prints a table.
# Usage: bench/run.sh [--duration 60] [--users 100] [--titles 100000] [--only load,live,search,crash] [--set Key=Value]
# Not part of ./test.sh. Takes about 3 minutes with the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
dotnet publish Library.Web/Library.Web.csproj -c Release -o "$out/app" -p:UseAppHost=false --nologo -v quiet
dotnet build bench/Library.Bench/Library.Bench.csproj -c Release -o "$out/bench" --nologo -v quiet
dotnet "$out/bench/Library.Bench.dll" --app "$out/app/Library.Web.dll" "$@"
