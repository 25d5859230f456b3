"""The workbench that `edugraph serve` puts in a browser (YASGUI, served from the package): run a saved query
end to end in headless Chromium with Ctrl+Enter, sort and page the table, see a CONSTRUCT as Turtle, open a
node page from a result link, draw the graph, follow the permalink; screenshots go to tests/artifacts/."""

import subprocess
import sys
import time

import pytest

from browser_support import ARTIFACTS, READY_TIMEOUT_MS
from edugraph.serving.server import free_port

WEIHAI = "https://w3id.org/edugraph/id/weihai-2022"
EDITOR = "window.edugraph.yasqe.getValue()"


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
    failures, requests = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: failures.append(request.url))
    page.on("pageerror", lambda error: failures.append(str(error)))
    # The page must live within the server's Content-Security-Policy: a violation is a failure.
    page.on("console", lambda message: "Content Security Policy" in message.text and failures.append(message.text))
    page.goto(workbench + "/", wait_until="networkidle")
    wait_until(page, "window.edugraph && window.edugraph.ready === true")
    yield page
    assert failures == []
    assert [url for url in requests if not url.startswith(workbench + "/")] == []  # offline: nothing else asked
    page.close()


def run_with_keyboard(page):
    page.click("#yasqe .CodeMirror")
    page.keyboard.press("Control+Enter")


def rows(page):
    return page.locator("#yasr table.dataTable tbody tr")


def column(page, index):
    return [cell.strip() for cell in page.locator(f"#yasr table.dataTable tbody tr td:nth-child({index})").all_inner_texts()]


def test_yasgui_loads_offline_with_highlighting_prefixes_and_completion(page):
    assert page.locator("#yasqe .CodeMirror").count() == 1 and page.locator("#yasr .yasr").count() == 1
    # The project prefixes are declared in the editor, and YASQE highlights the query's keywords.
    assert "PREFIX edu: <https://w3id.org/edugraph/ontology#>" in page.evaluate(EDITOR)
    assert "PREFIX" in page.locator("#yasqe .cm-keyword").all_inner_texts()
    # Completion of a class from this server's own data (prefix.cc and LOV are not asked).
    page.evaluate("window.edugraph.setQuery('SELECT * WHERE { ?x a edu:Pla')")
    page.evaluate("window.edugraph.yasqe.focus(); window.edugraph.yasqe.setCursor(window.edugraph.yasqe.lineCount(), 99)")
    page.keyboard.press("Control+Space")
    page.wait_for_selector(".CodeMirror-hints li")
    assert "edu:Plan" in page.locator(".CodeMirror-hints li").all_inner_texts()


def test_run_a_saved_query_with_ctrl_enter_and_sort_and_page_the_table(page):
    page.select_option("#query-select", "targets")
    wait_until(page, f"{EDITOR}.includes('edu:QuantitativeTarget')")
    assert "量化目标" in page.inner_text("#query-title")
    assert "Every quantitative target" in page.inner_text("#query-description-en")
    assert page.locator("#params input[name=plan]").count() == 1
    run_with_keyboard(page)
    page.wait_for_selector("#yasr table.dataTable tbody tr", timeout=READY_TIMEOUT_MS)
    header = [h.strip() for h in page.locator("#yasr table.dataTable thead th").all_inner_texts()]
    assert header[1:5] == ["plan", "task", "taskTitle", "target"]
    assert page.inner_text("#status").startswith("151 rows") and rows(page).count() == 50  # paged by 50
    first_page = column(page, 5)
    page.click("#yasr .dataTables_paginate .paginate_button.next")
    assert column(page, 5) != first_page
    # Sorted by a click on the header, ascending then descending; IRIs shown as prefixed names.
    page.click("#yasr table.dataTable thead th:nth-child(2)")
    plans = column(page, 2)
    assert plans == sorted(plans) and plans[0].startswith("id:")
    page.click("#yasr table.dataTable thead th:nth-child(2)")
    assert column(page, 2) == sorted(column(page, 2), reverse=True) and column(page, 2)[0] != plans[0]
    assert "到2018年" in page.inner_text("#yasr") or "到2020年" in page.inner_text("#yasr")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "workbench-targets.png")


def test_a_construct_shows_turtle(page):
    page.evaluate("window.edugraph.setQuery("
                  "'CONSTRUCT { ?plan a edu:Plan ; edu:implements ?higher } WHERE { ?plan edu:implements ?higher }')")
    run_with_keyboard(page)
    page.wait_for_selector("#yasr .CodeMirror", timeout=READY_TIMEOUT_MS)
    turtle = page.inner_text("#yasr .CodeMirror-code")
    assert "<https://w3id.org/edugraph/ontology#implements>" in turtle and "<https://w3id.org/edugraph/id/weifang-2017>" in turtle
    assert "Turtle" in page.inner_text("#status") and "406" not in page.inner_text("#yasr")
    page.screenshot(path=ARTIFACTS / "workbench-construct.png")


def test_a_node_page_opens_from_a_result_link(page):
    page.evaluate(f"window.edugraph.setQuery('SELECT ?task WHERE {{ <{WEIHAI}> edu:hasSection ?s . "
                  f"?s edu:hasTask ?task }} ORDER BY ?task LIMIT 1')")
    page.click("#run")
    link = page.locator("#yasr table.dataTable a.iri").first
    link.wait_for(timeout=READY_TIMEOUT_MS)
    assert link.inner_text().startswith("id:weihai-2022/task/")
    link.click()
    page.wait_for_url("**/node?iri=*")
    assert page.inner_text("h1").startswith("id:weihai-2022/task/")
    cells = page.locator("tbody td").all_inner_texts()
    assert "edu:inPlan" in cells and "id:weihai-2022" in cells and "edu:Task" in cells
    assert page.locator("tbody a.iri[href^='/node?iri=']").count() > 5
    page.screenshot(path=ARTIFACTS / "workbench-node.png")
    # An IRI is shown as text in the page, never as markup.
    page.goto(page.url.split("/node")[0] + "/node?iri=" + "urn:x%27%26amp%3B%3Cb%3E")
    assert "expected ?iri=" in page.inner_text("body")
    page.goto(page.url.split("/node")[0] + "/node?iri=" + "urn:x%27%26amp%3Bonload%3D")
    assert page.inner_text("h1").startswith("<urn:x'&amp;onload=>") and page.locator("tbody tr").count() == 0


def test_parameters_change_the_query_and_the_permalink_reproduces_it(page, workbench):
    page.select_option("#query-select", "outline")
    page.fill("#params input[name=plan]", WEIHAI)
    page.dispatch_event("#params input[name=plan]", "change")
    wait_until(page, f"{EDITOR}.includes('<{WEIHAI}>')")
    page.click("#run")
    wait_until(page, "document.querySelector('#status').textContent.startsWith('38 rows')")  # 6 sections + 32 tasks
    link = page.get_attribute("#permalink", "href")
    assert link.startswith("#") and "query=outline" in link
    fresh = page.context.new_page()
    fresh.goto(workbench + "/" + link, wait_until="networkidle")
    wait_until(fresh, "document.querySelectorAll('#yasr table.dataTable tbody tr').length === 38", READY_TIMEOUT_MS)
    assert "强化科学理论武装" in fresh.inner_text("#yasr")
    fresh.close()


def test_typed_sparql_graph_view_and_downloads(page):
    page.evaluate("window.edugraph.yasqe.setValue("
                  "'PREFIX edu: <https://w3id.org/edugraph/ontology#>\\nSELECT ?plan ?higher WHERE { ?plan edu:implements ?higher }')")
    page.click("#run")
    page.wait_for_selector("#yasr table.dataTable tbody tr")
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
    page.evaluate("window.edugraph.yasqe.setValue('SELECT ?x WHERE { ?x a }')")
    page.click("#run")
    page.wait_for_selector("#status.error")
    assert "400" in page.inner_text("#status")


def test_markup_in_results_shows_as_text(page):
    markup = '<img src=x onerror=window.__xss=1>'
    page.evaluate("body => window.edugraph.setQuery(body)",
                  f'SELECT ?x ?iri WHERE {{ BIND("{markup}" AS ?x) BIND(IRI("urn:a\'b") AS ?iri) }}')
    run_with_keyboard(page)
    page.wait_for_selector("#yasr table.dataTable tbody tr", timeout=READY_TIMEOUT_MS)
    assert markup in page.inner_text("#yasr table.dataTable tbody")
    assert page.locator("#yasr table.dataTable tbody img").count() == 0 and page.evaluate("window.__xss") is None
    assert page.get_attribute("#yasr table.dataTable tbody a.iri", "href") == "/node?iri=urn%3Aa'b"
