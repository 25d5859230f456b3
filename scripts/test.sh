#!/usr/bin/env bash
# Set up a fresh machine and run the whole test suite. Used as-is by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages the tests need: a Java runtime for HermiT (the OWL reasoner the consistency tests run),
# Virtuoso Open Source for the endpoint integration tests (tests/integration start their own servers), and
# Chromium with a CJK font for the browser tests (tests/browser; Playwright drives Debian's chromium).
missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    # Non-interactive: Virtuoso's debconf questions (dba password, ports) take their defaults; the tests use
    # their own database in a temp folder, never the packaged service.
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    # The package may start its own service on all interfaces; the tests start their own on loopback.
    service virtuoso-opensource-7 stop >/dev/null 2>&1 || true
  elif [[ " ${missing[*]} " == *" default-jre-headless "* ]]; then
    echo "scripts/test.sh: Java is needed for the reasoner tests (apt-get install default-jre-headless)" >&2
    exit 1
  else
    echo "scripts/test.sh: missing ${missing[*]} (apt-get install them): their tests will be skipped" >&2
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test,browser]'
exec .venv/bin/python -m pytest "$@"
