"""The workbench that `edugraph serve` puts in a browser: run a saved query end to end in headless
Chromium, check the table, draw the graph, follow the permalink; screenshots go to tests/artifacts/."""

import subprocess
import sys
import time

import pytest

from browser_support import ARTIFACTS, READY_TIMEOUT_MS
from edugraph.server import free_port



@pytest.fixture(scope="module")
def workbench(tmp_path_factory):
    """`edugraph serve` on a free loopback port, as a user starts it; stopped after the module."""
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen([sys.executable, "-m", "edugraph", "serve", "--port", str(port)],
                                   stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while "serving" not in log.read_text(errors="replace"):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"edugraph serve did not start: {log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(20)


def wait_until(page, expression, timeout_ms=10_000):
    """Poll a JavaScript expression from outside the page: the server's CSP forbids eval, which Playwright's
    wait_for_function needs inside it."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            pytest.fail(f"not true within {timeout_ms} ms: {expression}")
        time.sleep(0.05)


@pytest.fixture
def page(browser, workbench):
    page = browser.new_page()
    failures = []
    page.on("requestfailed", lambda request: failures.append(request.url))
    page.on("pageerror", lambda error: failures.append(str(error)))
    # The page must live within the server's Content-Security-Policy: a violation is a failure.
    page.on("console", lambda message: "Content Security Policy" in message.text and failures.append(message.text))
    page.goto(workbench + "/", wait_until="networkidle")
    yield page
    assert failures == []
    page.close()


def test_run_a_saved_query_and_see_the_table(page):
    page.select_option("#query-select", "targets")
    wait_until(page, "document.querySelector('#sparql').value.includes('edu:QuantitativeTarget')")
    assert "量化目标" in page.inner_text("#query-title")
    assert "Every quantitative target" in page.inner_text("#query-description-en")
    assert page.locator("#params input[name=plan]").count() == 1
    page.click("#run")
    page.wait_for_selector("#results table tbody tr", timeout=READY_TIMEOUT_MS)
    header = page.locator("#results th").all_inner_texts()
    assert header[:4] == ["plan", "task", "taskTitle", "target"]
    assert page.locator("#results tbody tr").count() > 100
    assert "到2018年" in page.inner_text("#results")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "workbench-targets.png")


def test_parameters_change_the_query_and_the_permalink_reproduces_it(page, workbench):
    page.select_option("#query-select", "outline")
    page.fill("#params input[name=plan]", "https://w3id.org/edugraph/id/weihai-2022")
    page.dispatch_event("#params input[name=plan]", "change")
    wait_until(page, "document.querySelector('#sparql').value.includes('<https://w3id.org/edugraph/id/weihai-2022>')")
    page.click("#run")
    wait_until(page, "document.querySelectorAll('#results tbody tr').length === 38")  # 6 sections + 32 tasks
    link = page.get_attribute("#permalink", "href")
    assert link.startswith("#") and "query=outline" in link
    fresh = page.context.new_page()
    fresh.goto(workbench + "/" + link, wait_until="networkidle")
    wait_until(fresh, "document.querySelectorAll('#results tbody tr').length === 38", READY_TIMEOUT_MS)
    assert "强化科学理论武装" in fresh.inner_text("#results")
    fresh.close()


def test_typed_sparql_graph_view_and_downloads(page):
    page.fill("#sparql", "PREFIX edu: <https://w3id.org/edugraph/ontology#>\n"
                         "SELECT ?plan ?higher WHERE { ?plan edu:implements ?higher }")
    page.click("#run")
    page.wait_for_selector("#results tbody tr")
    page.click("#show-graph")
    page.wait_for_selector("#graph canvas", timeout=READY_TIMEOUT_MS)
    assert "graph:" in page.inner_text("#status")
    page.wait_for_timeout(1500)
    page.screenshot(path=ARTIFACTS / "workbench-graph.png")
    with page.expect_download() as csv_download:
        page.click("#download-csv")
    assert csv_download.value.suggested_filename == "query.csv"
    assert open(csv_download.value.path(), encoding="utf-8").readline().strip() == "plan,higher"
    with page.expect_download() as json_download:
        page.click("#download-json")
    assert json_download.value.suggested_filename == "query.json"


def test_errors_show_in_the_page(page):
    page.fill("#sparql", "SELECT ?x WHERE { ?x a }")
    page.click("#run")
    page.wait_for_selector("#status.error")
    assert "400" in page.inner_text("#status")
