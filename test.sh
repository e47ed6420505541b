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

# The store, audit and CLI tests run on SQLite and on PostgreSQL. PostgreSQL comes from Debian's packages (installed
# when missing and run as root); without it the PostgreSQL tests are reported as skipped, with the reason.
pg_bin=""
find_pg() { pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"; [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ]; }
if ! find_pg && [ "$(id -u)" = 0 ] && [ "${MARSAD_TEST_NO_POSTGRES:-}" != 1 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || true
  find_pg || true
fi
# PostGIS for the server found above (its version named by the folder, e.g. /usr/lib/postgresql/15/bin): the spatial
# tests need it and skip with the reason without it, so a failed install does not stop the suite.
if [ -n "$pg_bin" ] && [ "$(id -u)" = 0 ] && [ "${MARSAD_TEST_NO_POSTGRES:-}" != 1 ]; then
  pg_major="$(basename "$(dirname "$pg_bin")")"
  if [ ! -e "/usr/share/postgresql/$pg_major/extension/postgis.control" ]; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$pg_major-postgis-3" >/dev/null; } || true
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build Marsad.slnx -c Release -nologo -v quiet

# Each project writes a TRX file; the totals below are read from them, so they count what ran, not what printed.
results="$(mktemp -d)"
pg_dir=""
cleanup() {
  # The throwaway cluster is stopped and removed however the tests end (failure, Ctrl-C).
  if [ -n "$pg_dir" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  rm -rf "$results"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# PostgreSQL refuses to run as root: as root the cluster belongs to the 'postgres' user Debian's package creates.
# From '/': the postgres user may not be able to enter the clone's folder, and initdb resolves its own path from there.
# runuser needs PAM; where it is refused, setpriv switches user without it.
as_pg_with=runuser
as_pg() {
  if [ "$(id -u)" != 0 ]; then "$@"; return; fi
  if [ "$as_pg_with" = runuser ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && setpriv --reuid=postgres --regid=postgres --init-groups "$@"); fi
}
if [ "$(id -u)" = 0 ] && ! (cd / && runuser -u postgres -- true) >/dev/null 2>&1; then as_pg_with=setpriv; fi
pg_status="PostgreSQL tests skipped: no PostgreSQL binaries (install Debian's postgresql, or run test.sh as root)"
[ "${MARSAD_TEST_NO_POSTGRES:-}" = 1 ] && pg_status="PostgreSQL tests skipped: MARSAD_TEST_NO_POSTGRES=1"
if [ -n "$pg_bin" ] && [ "${MARSAD_TEST_NO_POSTGRES:-}" != 1 ] && { [ "$(id -u)" != 0 ] || id postgres >/dev/null 2>&1; }; then
  pg_dir="$(mktemp -d /tmp/marsad-pg-XXXXXX)"
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  # Durability is not under test: fsync and full-page writes off keep the throwaway cluster fast.
  # A free port on loopback: ask the kernel for one, then bind the server to 127.0.0.1 only (and a socket in pg_dir).
  pg_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))"
  if as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
    && as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
         -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null; then
    export MARSAD_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
    # Replication tests start clusters of their own (a streaming replica, a logical mirror) from the same binaries.
    export MARSAD_TEST_PG_BIN="$pg_bin"
    pg_status="PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') test cluster on 127.0.0.1:$pg_port ($pg_dir)"
    echo "test.sh: $pg_status"
  else
    pg_status="PostgreSQL tests skipped: the test cluster did not start: $(tail -n 3 "$pg_dir"/*.log 2>/dev/null | tr '\n' ' ' | cut -c1-400)"
    echo "test.sh: could not start a PostgreSQL test cluster (see below); its tests are skipped" >&2
    cat "$pg_dir"/*.log >&2 || true
  fi
elif [ -n "$pg_bin" ] && [ "${MARSAD_TEST_NO_POSTGRES:-}" != 1 ]; then
  pg_status="PostgreSQL tests skipped: run as root but there is no 'postgres' user to own the cluster"
fi
status=0
dotnet test Marsad.slnx -c Release --no-build -nologo --logger "console;verbosity=normal" \
  --logger "trx" --results-directory "$results" "$@" || status=$?

summarise() {
  # One line a test project (from its TRX counters), the skipped tests with their reasons, then the grand total.
  local total=0 passed=0 failed=0 skipped=0 any=0
  echo
  echo "== test totals =="
  printf '%-28s %6s %6s %6s %7s\n' project run passed failed skipped
  for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    any=1
    local name counters t p f s
    name="$(grep -o 'codeBase="[^"]*' "$trx" | head -1 | sed 's|.*/||; s|\.dll$||')"
    counters="$(grep -o '<Counters [^>]*' "$trx" | head -1)"
    t="$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")"
    p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    # xunit's skipped tests are 'NotExecuted' results that the TRX counters leave out.
    s="$(grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$trx" | wc -l)"
    printf '%-28s %6s %6s %6s %7s\n' "${name:-?}" "${t:-0}" "${p:-0}" "${f:-0}" "${s:-0}"
    total=$((total + ${t:-0})); passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
  done
  if [ "$skipped" -gt 0 ]; then
    echo
    echo "skipped tests, by reason:"
    # A skipped result is 'NotExecuted'; its reason is the first <Message> inside it. One line a reason, with a count and
    # the first tests it covers, so a long list cannot push the failures below out of a log's tail.
    for trx in "$results"/*.trx; do
      awk '/outcome="NotExecuted"/ { n = $0; sub(/.*testName="/, "", n); sub(/".*/, "", n); want = 1 }
           want && /<Message>/ { m = $0; sub(/.*<Message>/, "", m); sub(/<\/Message>.*/, "", m); print m "\t" n; want = 0 }' "$trx"
    done | awk -F'\t' '{ c[$1]++; if (c[$1] <= 3) ex[$1] = ex[$1] (c[$1] > 1 ? "; " : "") $2 }
                        END { for (m in c) printf "  - %d: %s (%s%s)\n", c[m], m, ex[m], (c[m] > 3 ? "; ..." : "") }' | sort
  fi
  if [ "$failed" -gt 0 ]; then
    echo
    echo "failed tests:"
    for trx in "$results"/*.trx; do
      # A failed result's first <Message> line says why; the full text is in the log above.
      awk '/<UnitTestResult / && /outcome="Failed"/ { n = $0; sub(/.*testName="/, "", n); sub(/".*/, "", n); want = 1 }
           want && /<Message>/ { m = $0; sub(/.*<Message>/, "", m); sub(/<\/Message>.*/, "", m); print "  - " n ": " substr(m, 1, 300); want = 0 }' "$trx"
    done
  fi
  echo
  echo "test.sh: $pg_status"
  if [ "$any" = 0 ]; then
    echo "test.sh: no test results were written" >&2
    return 1
  fi
  echo "total: $passed passed, $failed failed, $skipped skipped"
  [ "$failed" = 0 ]
}

summarise || status=$((status == 0 ? 1 : status))
exit "$status"
