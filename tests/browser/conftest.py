"""Headless Chromium for the browser tests: Debian's chromium driven by Playwright, with no network.

In CI (CI=true) a missing browser or driver fails these tests; elsewhere they are skipped with the reason
and the install command. Screenshots and timings go to tests/artifacts/ (git-ignored)."""

import re
from pathlib import Path

import pytest

from browser_support import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, unavailable


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed: pip install -e '.[browser]'")
    if not Path(CHROMIUM).is_file():
        unavailable(f"no Chromium at {CHROMIUM}: apt-get install chromium fonts-wqy-microhei")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path_factory.mktemp("chromium-profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
            headless=True, viewport=VIEWPORT)
        # Only loopback: the pages must work offline, the workbench talks to its own local server.
        context.route(re.compile(r"^(https?|wss?|ftp)://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
        yield context
        context.close()
