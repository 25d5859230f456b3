"""The front of `edugraph serve` under a hostile client: SERVICE refused unless allowed, bounded bodies and
results, slow sockets closed, the query limit, the timeout that frees the core, Host check, safety headers,
CORS and OPTIONS, and a log of one line per request without tracebacks."""

import http.client
import os
import re
import socket
import sys
import threading
import time
import urllib.parse

import pytest

from edugraph.errors import QueryError
from edugraph.serving.queries import run_query
from edugraph.serving.remote import Endpoint
from edugraph.serving.server import free_port
from integration.conftest import running

pytestmark = pytest.mark.integration
ORIGIN = "https://yasgui.example.org"
HEAVY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~10^13 rows: never finishes
SSRF = "SELECT * { SERVICE <http://127.0.0.1:22/> { ?s ?p ?o } }"
LIMITS = {"EDUGRAPH_SERVER_MAX_BODY_BYTES": str(64 * 1024), "EDUGRAPH_SERVER_MAX_QUERIES": "1",
          "EDUGRAPH_SERVER_MAX_WAITING": "1", "EDUGRAPH_SERVER_CLIENT_TIMEOUT": "1",
          "EDUGRAPH_SERVER_MAX_RESULT_BYTES": str(1536 * 1024)}


class Front:
    def __init__(self, process, port, log):
        self.process, self.port, self.log = process, port, log
        self.url = f"http://127.0.0.1:{port}/query"

    def request(self, method, path, body=None, headers=None, timeout=30):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body, headers or {})
            answer = connection.getresponse()
            return answer.status, dict(answer.getheaders()), answer.read()
        finally:
            connection.close()

    def query(self, sparql, **headers):
        body = urllib.parse.urlencode({"query": sparql})
        return self.request("POST", "/query", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                      "Accept": "application/sparql-results+json", **headers})

    def rss_kib(self):
        return int(next(line.split()[1] for line in open(f"/proc/{self.process.pid}/status")
                        if line.startswith("VmRSS:")))

    def cpu_s(self):
        """CPU seconds used so far by the server's child processes (the Oxigraph workers)."""
        children = open(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read().split()
        ticks = 0
        for pid in children:
            try:
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue
            ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")


@pytest.fixture(scope="module")
def front(served, corpus_nq, tmp_path_factory):
    """`edugraph serve` with small limits, CORS for one origin, SERVICE allowed to `served` only."""
    port = free_port()
    log = tmp_path_factory.mktemp("front") / "serve.log"
    command = [sys.executable, "-m", "edugraph", "serve", str(corpus_nq), "--port", str(port), "--timeout", "2",
               "--cors", ORIGIN, "--allow-service", served]
    with running(command, log, f"http://127.0.0.1:{port}/", env={**os.environ, **LIMITS}) as process:
        yield Front(process, port, log)


def test_the_ssrf_query_is_refused(front, served):
    status, _, body = front.query(SSRF)
    assert status == 400 and b"SERVICE <http://127.0.0.1:22/> is not allowed" in body
    with pytest.raises(QueryError, match="not allowed"):
        Endpoint(served).run_sparql(SSRF)  # refused by default too, allow-list or not


@pytest.mark.parametrize("sparql", [
    "PREFIX p: <http://127.0.0.1:22/> SELECT * { SERVICE SILENT p:x { ?s ?p ?o } }",
    "SELECT * { ?s ?p ?o OPTIONAL { SERVICE <http://169.254.169.254/> { ?s ?p ?o } } }",
    "SELECT * { FILTER EXISTS { SERVICE <http://127.0.0.1:22/> { ?s ?p ?o } } }",
    "SELECT * { \\u0053ERVICE <http://127.0.0.1:22/> { ?s ?p ?o } }",
    "SELECT * { BIND(<http://127.0.0.1:22/> AS ?e) SERVICE ?e { ?s ?p ?o } }",
], ids=["prefixed-silent", "inside-optional", "inside-exists", "escaped-keyword", "variable-endpoint"])
def test_every_way_of_writing_service_is_refused(front, sparql):
    status, _, body = front.query(sparql)
    assert status == 400 and b"SERVICE" in body


def test_an_allowed_service_runs_the_saved_federated_query(front, served):
    rows = run_query("federated-shared-citations", Endpoint(front.url), {"endpoint": served}).to_dicts()
    assert "https://w3id.org/edugraph/id/guoban-2015" in {r["document"] for r in rows}  # cited on both sides


def _push(port, head, piece, count):
    """Send the request head, then up to `count` body pieces while the server takes them; its answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        client.sendall(b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                       + head + b"\r\n")
        try:
            for _ in range(count):
                client.sendall(piece)
        except OSError:  # the server stopped taking it: that is the point
            pass
        return client.recv(4096)


def test_a_1_gb_body_is_refused_from_its_length_without_memory_growth(front):
    before = front.rss_kib()
    answer = _push(front.port, b"Content-Length: 1000000000\r\n", b"x" * (1 << 20), 64)
    assert answer.startswith(b"HTTP/1.1 413")
    assert front.rss_kib() - before < 5 * 1024


def test_a_chunked_body_is_cut_at_the_limit(front):
    before = front.rss_kib()
    answer = _push(front.port, b"Transfer-Encoding: chunked\r\n", b"2000\r\n" + b"x" * 0x2000 + b"\r\n", 8192)
    assert answer.startswith(b"HTTP/1.1 413") and b"larger than 65536 bytes" in answer
    assert front.rss_kib() - before < 5 * 1024


def test_slow_and_idle_sockets_are_closed(front):
    clients = [socket.create_connection(("127.0.0.1", front.port), timeout=5) for _ in range(50)]
    for client in clients[:25]:
        client.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")  # never finished
    started = time.monotonic()
    assert all(client.recv(100) == b"" for client in clients)  # closed by the server
    assert time.monotonic() - started < 4
    for client in clients:
        client.close()


def test_beyond_the_query_limit_the_answer_is_503_with_retry_after(front):
    slow = [threading.Thread(target=front.query, args=(HEAVY,)) for _ in range(2)]  # one runs, one waits
    for thread in slow:
        thread.start()
        time.sleep(0.5)  # in the gate before the next one comes
    status, headers, _ = front.query("ASK {}")
    for thread in slow:
        thread.join()
    assert status == 503 and int(headers["retry-after"]) > 0


def test_the_timeout_frees_the_core(front):
    started = time.monotonic()
    status, _, body = front.query(HEAVY)
    assert status == 504 and b"within 2" in body
    assert time.monotonic() - started < 6
    time.sleep(0.5)
    before = front.cpu_s()
    time.sleep(2)
    assert front.cpu_s() - before < 0.3  # the overrunning worker is gone, its replacement idles
    assert front.query("ASK {}")[0] == 200


def test_kept_alive_connections_to_oxigraph_survive_its_idle_timeout(front):
    assert front.query("ASK {}")[0] == 200
    time.sleep(3)  # past --timeout 2, after which Oxigraph closes idle connections with a 500
    assert [front.query("ASK {}")[0] for _ in range(3)] == [200, 200, 200]


def test_a_result_over_the_cap_is_cut_not_shortened(front):
    with pytest.raises(http.client.IncompleteRead) as cut:  # streamed, so the status was 200 already
        front.query("SELECT * { ?s ?p ?o }")
    assert len(cut.value.partial) <= int(LIMITS["EDUGRAPH_SERVER_MAX_RESULT_BYTES"])
    assert front.query("SELECT * { ?s ?p ?o } LIMIT 100")[0] == 200


@pytest.mark.parametrize("host,status", [
    ("127.0.0.1", 200), ("localhost", 200), ("evil.example", 421), ("127.0.0.1.evil.example", 421)],
    ids=["loopback", "localhost", "foreign-name", "lookalike"])
def test_the_host_header_must_name_this_server(front, host, status):
    assert front.request("GET", "/", headers={"Host": f"{host}:{front.port}"})[0] == status


@pytest.mark.parametrize("path", ["/", "/api/queries", "/query?query=ASK%7B%7D", "/node?iri=urn:x", "/nothing"])
def test_every_answer_carries_the_safety_headers(front, path):
    _, headers, _ = front.request("GET", path)
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_cors_preflight_and_answers_for_the_allowed_origin_only(front):
    preflight = {"Origin": ORIGIN, "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type"}
    status, headers, _ = front.request("OPTIONS", "/query", headers=preflight)
    assert status == 200 and headers["access-control-allow-origin"] == ORIGIN
    assert "POST" in headers["access-control-allow-methods"]
    status, headers, _ = front.request("OPTIONS", "/query", headers={**preflight, "Origin": "https://evil.example"})
    assert status == 400 and "access-control-allow-origin" not in headers
    _, headers, _ = front.query("ASK {}", Origin=ORIGIN)
    assert headers["access-control-allow-origin"] == ORIGIN


@pytest.mark.parametrize("path", ["/", "/query", "/store"])
def test_options_is_answered_never_501(served, path):
    base = served.removesuffix("/query")
    port = int(urllib.parse.urlsplit(base).port)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("OPTIONS", path, headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"})
    answer = connection.getresponse()
    assert answer.status == 204 and "POST" in answer.getheader("Allow")
    assert answer.getheader("Access-Control-Allow-Origin") is None  # no --cors: no cross-origin access
    connection.close()


@pytest.mark.parametrize("request_bytes,status", [
    (b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n", b"400"),
    (b"GET /query HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", b"400"),
    (b"BREW /query HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", b"405"),
    (b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi", b"415"),
], ids=["bad-content-length", "no-query", "unknown-method", "wrong-media-type"])
def test_bad_requests_get_a_status_not_a_dropped_connection(front, request_bytes, status):
    with socket.create_connection(("127.0.0.1", front.port), timeout=5) as client:
        client.sendall(request_bytes)
        assert client.recv(4096).split(b" ")[1] == status


def test_a_client_that_hangs_up_mid_answer_leaves_no_traceback(front):
    with socket.create_connection(("127.0.0.1", front.port), timeout=5) as client:
        body = urllib.parse.urlencode({"query": "SELECT * { ?s ?p ?o } LIMIT 5000"}).encode()
        client.sendall(b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
                       b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        client.recv(10)
    time.sleep(0.5)
    assert front.query("ASK {}")[0] == 200


def test_the_log_is_one_line_per_request_without_tracebacks(front):
    front.request("GET", "/api/queries?marker")
    time.sleep(0.2)
    lines = front.log.read_text(errors="replace").splitlines()
    request_line = re.compile(r'\S+ \S+ (127\.0\.0\.1|-) "[A-Z]+ /\S*" (\d{3}|-) \d+ B \d+ ms( \(.+\))?$')
    warning = re.compile(r"\S+ \S+ Invalid HTTP request received\.$")  # uvicorn's own, for the bad length
    assert lines[0].startswith("serving ")
    assert [line for line in lines[1:] if not request_line.match(line) and not warning.match(line)] == []
    assert sum('"GET /api/queries" 200' in line for line in lines) >= 1
