"""Constants and helpers shared by the browser tests."""

import os
import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = os.environ.get("EDUGRAPH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Root in a container needs --no-sandbox; the rest keeps Chromium from phoning home on a machine with no network.
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 900}
READY_TIMEOUT_MS = 30_000
CORPUS_OUTLINE_BUDGET_MS = 8_000   # "stabilises within a few seconds", with room for a slow CI machine
PHYSICS_BUDGET_MS = 15_000


def unavailable(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI must run the browser tests; scripts/test.sh installs what they need)",
                    pytrace=False)
    pytest.skip(reason)
