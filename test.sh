#!/usr/bin/env bash
# Runs every Marsad test. Installs what the tests need first (Debian packages, as root); the .NET SDK
# named in global.json must already be on the machine (see README).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK is not installed (need $(grep -o '"version": *"[^"]*"' global.json | cut -d'"' -f4) or later; see README.md)" >&2
  exit 3
fi

# The CLI tests run marsad as 'nobody' via setpriv (util-linux) to test unreadable folders when run as
# root, and drive the interactive review queue in a real terminal with tmux. The web tests drive Debian's
# Chromium with Playwright (no browser download).
missing=""
command -v setpriv >/dev/null 2>&1 || missing="$missing util-linux"
command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
# Reports draw their text, chart and map in DejaVu Sans (Skia finds it through fontconfig).
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v npm >/dev/null 2>&1 || missing="$missing npm"   # the web build installs Leaflet with npm ci
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "test.sh: please install:$missing (Debian packages)" >&2
    exit 3
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build Marsad.slnx -c Release -nologo -v quiet
dotnet test Marsad.slnx -c Release --no-build -nologo --logger "console;verbosity=normal" "$@"
