#!/usr/bin/env bash
# Runs every Marsad test. Installs and starts what the tests need first; today that is only the
# .NET SDK named in global.json, which must already be on the machine (see README).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK is not installed (need $(grep -o '"version": *"[^"]*"' global.json | cut -d'"' -f4) or later; see README.md)" >&2
  exit 3
fi

# The CLI tests run marsad as 'nobody' via setpriv (util-linux) to test unreadable folders when run as root.
if [ "$(id -u)" = 0 ] && ! command -v setpriv >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq util-linux >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build Marsad.slnx -c Release -nologo -v quiet
dotnet test Marsad.slnx -c Release --no-build -nologo --logger "console;verbosity=normal" "$@"
