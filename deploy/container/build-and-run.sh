#!/usr/bin/env bash
# Builds the Library image from the repository's Dockerfile with podman and runs it the way production does: non-root
# (uid 1654), read-only root file system, /tmp as tmpfs, data on a named volume; waits for /health/ready, checks the
# user and that the root file system refuses writes, prints the image size and the start time, and removes the container.
#
#   deploy/container/build-and-run.sh [--port 18080] [--keep] [--official-base]
#     --port N         host port for the check (the container runs on the host network; default 18080)
#     --keep           leave the container running afterwards (stop: podman --runtime runc rm -f library-check)
#     --official-base  build FROM mcr.microsoft.com/dotnet/* (needs a reachable registry); the default makes local bases
#
# Why the settings: here podman works only with the runc runtime and no default ulimits (crun fails on this kernel's
# cgroup mode), and no registry is reachable, so the base images are made locally from mmdebstrap + this machine's .NET.
# Needs the Debian packages podman, runc, mmdebstrap (and .NET 10 in /usr/share/dotnet for the local bases).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
port=18080; keep=0; official=0
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift ;;
    --keep) keep=1 ;;
    --official-base) official=1 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "Unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
for tool in podman runc; do command -v $tool >/dev/null || { echo "$tool is missing: apt-get install -y podman runc mmdebstrap" >&2; exit 1; }; done

work=${LIBRARY_CONTAINER_WORK:-/tmp/library-container}
mkdir -p "$work"
printf '[containers]\ndefault_ulimits = []\n' >"$work/containers.conf"
export CONTAINERS_CONF="$work/containers.conf"
pm() { podman --runtime runc "$@"; }

build_args=()
if [ "$official" = 0 ]; then
  if ! pm image exists localhost/library-base/aspnet:10.0 || ! pm image exists localhost/library-base/sdk:10.0; then
    command -v mmdebstrap >/dev/null || { echo "mmdebstrap is missing: apt-get install -y mmdebstrap" >&2; exit 1; }
    if ! pm image exists localhost/library-rootfs:bookworm; then
      echo "Making a Debian bookworm root file system (mmdebstrap, about a minute)..."
      [ -f "$work/rootfs.tar" ] || mmdebstrap --quiet --variant=minbase \
        --include=libicu72,libssl3,ca-certificates,tzdata,curl,passwd bookworm "$work/rootfs.tar"
      pm import "$work/rootfs.tar" localhost/library-rootfs:bookworm >/dev/null
    fi
    echo "Making the local .NET base images from /usr/share/dotnet..."
    ctx="$work/base-context"; rm -rf "$ctx"; mkdir -p "$ctx/dotnet-runtime/shared"
    cp -a /usr/share/dotnet/. "$ctx/dotnet-sdk"
    cp -a /usr/share/dotnet/dotnet /usr/share/dotnet/host /usr/share/dotnet/LICENSE.txt "$ctx/dotnet-runtime/"
    cp -a /usr/share/dotnet/shared/Microsoft.NETCore.App /usr/share/dotnet/shared/Microsoft.AspNetCore.App "$ctx/dotnet-runtime/shared/"
    mkdir -p "$ctx/extra-ca"; cp /usr/local/share/ca-certificates/*.crt "$ctx/extra-ca/" 2>/dev/null || true
    pm build --quiet --target aspnet -t localhost/library-base/aspnet:10.0 -f "$repo/deploy/container/local-base.Containerfile" "$ctx" >/dev/null
    pm build --quiet --target sdk -t localhost/library-base/sdk:10.0 -f "$repo/deploy/container/local-base.Containerfile" "$ctx" >/dev/null
    rm -rf "$ctx"
  fi
  build_args=(--build-arg SDK_IMAGE=localhost/library-base/sdk:10.0 --build-arg RUNTIME_IMAGE=localhost/library-base/aspnet:10.0)
fi

echo "Building library:local from $repo/Dockerfile..."
build_start=$(date +%s)
# Host network for the build: the restore step reaches NuGet the way this machine does.
pm build --network host "${build_args[@]}" -t library:local -f "$repo/Dockerfile" "$repo"
echo "Built in $(( $(date +%s) - build_start )) s."

pm rm -f library-check >/dev/null 2>&1 || true
volume_state="existing volume library-check-data"
pm volume exists library-check-data || { pm volume create library-check-data >/dev/null; volume_state="new, empty volume: migrations and demo seed included"; }
start=$(date +%s%N)
pm run -d --name library-check --network host --read-only --tmpfs /tmp -v library-check-data:/data \
  -e ASPNETCORE_HTTP_PORTS="$port" -e Seed__Demo=true library:local >/dev/null
cleanup() { [ "$keep" = 1 ] || pm rm -f library-check >/dev/null 2>&1 || true; }
trap cleanup EXIT
ready=0
for _ in $(seq 1 600); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; then ready=1; break; fi
  [ "$(pm inspect -f '{{.State.Running}}' library-check)" = true ] || break
  sleep 0.1
done
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
if [ "$ready" != 1 ]; then echo "The container did not become ready; its log:" >&2; pm logs library-check 2>&1 | tail -n 30 >&2; exit 1; fi

uid=$(pm exec library-check id -u)
if pm exec library-check sh -c 'touch /app/probe' 2>/dev/null; then echo "FAIL: the root file system is writable" >&2; exit 1; fi
pm exec library-check sh -c 'touch /data/probe && rm /data/probe'
size=$(pm image inspect library:local --format '{{.Size}}')
base_size=$(pm image inspect "${build_args[3]#RUNTIME_IMAGE=}" --format '{{.Size}}' 2>/dev/null || echo 0)
cat <<REPORT
library:local is ready: /health/ready answered 200 after $(( elapsed_ms / 1000 )).$(( elapsed_ms % 1000 / 100 )) s (from podman run to ready; $volume_state)
  image size      $(( size / 1000000 )) MB (runtime base image: $(( base_size / 1000000 )) MB)
  user            uid $uid (non-root); root file system read-only (write to /app refused); /data (volume library-check-data) writable
  readiness       $(curl -fsS "http://127.0.0.1:$port/health/ready")
REPORT
[ "$keep" = 1 ] && echo "Left running: http://127.0.0.1:$port (podman --runtime runc rm -f library-check; volume: podman volume rm library-check-data)"
exit 0
