#!/usr/bin/env bash
# Set up a fresh machine and run the whole test suite. Used as-is by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

# HermiT (the OWL reasoner the consistency tests run) needs a Java runtime.
if ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
  else
    echo "scripts/test.sh: Java is needed for the reasoner tests (apt-get install default-jre-headless)" >&2
    exit 1
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
exec .venv/bin/python -m pytest "$@"
