"""The public side of `edugraph serve`: an ASGI app (Starlette, run by uvicorn) before the Oxigraph worker.

It serves the workbench and its node pages (/node), and passes the SPARQL Protocol (/query) through, with an
Accept Oxigraph can answer for the query form and the limits Oxigraph lacks:
request bodies bounded (413 from the Content-Length alone, without reading), SERVICE only to allowed
endpoints, at most `max_queries` queries at once with a bounded queue (503 + Retry-After beyond it), a
deadline per query after which the worker is replaced (backend.py), results streamed (never held whole)
and cut at `max_result` bytes. Every answer carries the browser-safety headers, the Host header must name
this server (DNS rebinding), CORS is only for the origins given, and each request is one log line.
"""

import asyncio
import ipaddress
import json
import logging
import re
import time
import urllib.parse
from dataclasses import dataclass

import anyio
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route, Router

from edugraph.serving import workbench
from edugraph.errors import QueryError
from edugraph.serving.federation import check_services
from edugraph.serving.upstream import Upstream, UpstreamError

LOG = logging.getLogger("edugraph.serve")
READ_METHODS = ("GET", "HEAD", "POST")  # POST: a query in the body
WRITE_METHODS = ("PUT", "DELETE", "PATCH")
PROTOCOL_PARAMS = ("query", "default-graph-uri", "named-graph-uri")
SPOOL_BYTES = 1 << 20  # a result up to this size is sent whole, with Content-Length (and 413 if over the cap)
# YASR's column resizer (in the vendored yasgui.min.js) injects two fixed <style> elements: the table layout,
# and the cursor while a column is dragged. They are allowed by their hashes, so no other inline style applies.
YASR_STYLES = "'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk=' 'sha256-c0O6TmFAkgpNbHxKAa1BrveWHHopjEtC47i0PzMudxg='"
CSP = (f"default-src 'self'; script-src 'self'; style-src 'self' {YASR_STYLES}; img-src 'self' data: blob:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# SPARQL Protocol answers Oxigraph gives, by query form; an Accept naming none of them (a browser's */*,
# Turtle for a SELECT) would get N-Quads or a 406, so the front asks for the first of each list instead.
GRAPH_TYPES = ("text/turtle", "application/n-triples", "application/rdf+xml", "application/n-quads",
               "application/trig")
RESULT_TYPES = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values")
_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|BASE\s*<[^>]*>|PREFIX\s*[^\s:]*:\s*<[^>]*>)*", re.IGNORECASE)
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
NODE_TRIPLES = 2000  # at most this many triples on a node page
SAFETY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                  (b"content-security-policy", CSP.encode()), (b"referrer-policy", b"no-referrer")]


@dataclass(frozen=True)
class FrontOptions:
    hosts: frozenset         # names the Host header may carry (lower case, no port)
    any_ip_host: bool        # bound to every address: any IP literal is a fine Host too
    cors: tuple = ()         # allowed origins ("*" for any)
    allow_service: tuple = ()
    max_body: int = 1 << 20
    max_result: int = 50 << 20
    max_queries: int = 8
    max_waiting: int = 64
    timeout_s: float = 30
    body_timeout_s: float = 10


class Refusal(Exception):
    def __init__(self, status, message, headers=None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def text(status, message, headers=None):
    return Response(message.rstrip("\n") + "\n", status, headers, media_type="text/plain; charset=utf-8")


class Gate:
    """At most `limit` holders; up to `waiting` more wait their turn; anyone beyond is refused with 503."""

    def __init__(self, limit, waiting, retry_after_s):
        self.slots, self.waiting, self.queued, self.retry_after = asyncio.Semaphore(limit), waiting, 0, retry_after_s

    async def __aenter__(self):
        if self.slots.locked():
            if self.queued >= self.waiting:
                raise Refusal(503, "too many queries at once; try again shortly",
                              {"Retry-After": str(self.retry_after)})
            self.queued += 1
            try:
                await self.slots.acquire()
            finally:
                self.queued -= 1
        else:
            await self.slots.acquire()

    async def __aexit__(self, *exc):
        self.slots.release()


async def read_body(request, limit, timeout_s):
    """The request body, refused with 413 from its Content-Length before reading, or as soon as it passes
    `limit`; 408 when it does not arrive within timeout_s."""
    declared = request.headers.get("content-length")
    if declared is not None and int(declared) > limit:  # h11 has already refused a non-numeric length
        raise Refusal(413, f"request body larger than {limit} bytes", {"Connection": "close"})
    chunks, size = [], 0
    try:
        with anyio.fail_after(timeout_s):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise Refusal(413, f"request body larger than {limit} bytes", {"Connection": "close"})
                chunks.append(chunk)
    except TimeoutError:
        raise Refusal(408, f"request body not received within {timeout_s} s", {"Connection": "close"}) from None
    return b"".join(chunks)


async def protocol_params(request, options):
    """The SPARQL Protocol parameters of a query request, GET or POST (form or direct)."""
    pairs = urllib.parse.parse_qsl(request.url.query, keep_blank_values=True)
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await read_body(request, options.max_body, options.body_timeout_s)
        try:
            decoded = body.decode("utf-8")
        except UnicodeDecodeError:
            raise Refusal(400, "the request body is not UTF-8") from None
        if media == "application/x-www-form-urlencoded":
            pairs += urllib.parse.parse_qsl(decoded, keep_blank_values=True)
        elif media == "application/sparql-query":
            pairs.append(("query", decoded))
        else:
            raise Refusal(415, "POST a query as application/sparql-query or application/x-www-form-urlencoded")
    params = [(k, v) for k, v in pairs if k in PROTOCOL_PARAMS]
    queries = [v for k, v in params if k == "query"]
    if len(queries) != 1:
        raise Refusal(400, "expected one query parameter" + (f", got {len(queries)}" if queries else ""))
    try:
        check_services(queries[0], options.allow_service)
    except QueryError as error:
        raise Refusal(400, str(error)) from None
    return params


def query_form(sparql):
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the keyword after the prologue (None if unreadable)."""
    found = _FORM.match(sparql, _PROLOGUE.match(sparql).end())
    return found.group(1).upper() if found else None


def answerable_accept(sparql, accept):
    """The Accept header to forward: the client's when it names a type Oxigraph has for this query form."""
    wanted = GRAPH_TYPES if query_form(sparql) in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES
    named = [part.split(";")[0].strip().lower() for part in (accept or "").split(",")
             if not re.search(r";\s*q\s*=\s*0(\.0*)?\s*(;|$)", part)]
    return accept if any(media in wanted for media in named) else wanted[0]


class SparqlProxy:
    """/query: checked, limited, timed and streamed through to the current Oxigraph worker."""

    def __init__(self, options, workers):
        self.options, self.workers = options, workers
        self.gate = Gate(options.max_queries, options.max_waiting, retry_after_s=2)
        self.upstream = Upstream(keep=options.max_queries, max_idle_s=min(20, options.timeout_s / 2))

    async def __call__(self, scope, receive, send):
        request = Request(scope, receive)
        try:
            params = await protocol_params(request, self.options)
            accept = answerable_accept(next(v for k, v in params if k == "query"), request.headers.get("accept"))
            async with self.gate:
                await self.forward(scope, params, accept, receive, send)
        except Refusal as refusal:
            await text(refusal.status, refusal.message, refusal.headers)(scope, receive, send)

    async def forward(self, scope, params, accept, receive, send):
        worker = self.workers.acquire()  # a lock held for two lines: no need for a thread
        progress, overdue = {"started": False}, False  # started: too late to answer with another status
        try:
            # Oxigraph stops the queries it can at timeout_s; one second later the front stops waiting.
            with anyio.fail_after(self.options.timeout_s + 1):
                await self._stream(worker, params, accept, scope, receive, send, progress)
        except TimeoutError:
            overdue = True
        except UpstreamError as error:  # the worker died or broke off: replace it, tell the client
            self.upstream.forget(worker.base)
            await anyio.to_thread.run_sync(self.workers.retire, worker)
            if not progress["started"]:
                raise Refusal(502, f"the SPARQL engine did not answer: {error}") from None
        finally:
            self.workers.release(worker)  # quick: it only kills a retired worker (rare), never waits on one
        if overdue:
            scope.setdefault("state", {})["note"] = "timeout: worker replaced"
            self.upstream.forget(worker.base)
            await anyio.to_thread.run_sync(self.workers.retire, worker)
            if not progress["started"]:
                raise Refusal(504, f"the query did not finish within {self.options.timeout_s} s")

    async def _stream(self, worker, params, accept, scope, receive, send, progress):
        """Send the worker's answer on, as it comes (after the first SPOOL_BYTES)."""
        body = urllib.parse.urlencode(params).encode("utf-8")  # only what was checked is forwarded
        headers = {"content-type": "application/x-www-form-urlencoded; charset=utf-8"}
        if accept:
            headers["accept"] = accept
        gone = asyncio.Event()

        async def watch():  # the body has been read: the next message is the client's disconnect
            while (await receive())["type"] != "http.disconnect":
                pass
            gone.set()

        watcher = asyncio.ensure_future(watch())
        try:
            async with self.upstream.post(worker.base, "/query", body, headers) as answer:
                chunks, size = [], 0
                reply = [(b"content-type", answer.headers.get("content-type", "application/octet-stream").encode())]
                async for chunk in answer.chunks():
                    size += len(chunk)
                    if gone.is_set():
                        return
                    if size > self.options.max_result:
                        if not progress["started"]:
                            raise Refusal(413, f"result larger than {self.options.max_result} bytes; add a LIMIT")
                        scope.setdefault("state", {})["note"] = "result cut at the size cap"
                        return  # returning mid-body makes uvicorn close the connection: no short answer
                    chunks.append(chunk)
                    if not progress["started"] and size > SPOOL_BYTES:
                        progress["started"] = True
                        await send({"type": "http.response.start", "status": answer.status, "headers": reply})
                    if progress["started"]:
                        await send({"type": "http.response.body", "body": b"".join(chunks), "more_body": True})
                        chunks = []
                if not progress["started"]:
                    progress["started"] = True
                    reply.append((b"content-length", str(size).encode()))
                    await send({"type": "http.response.start", "status": answer.status, "headers": reply})
                await send({"type": "http.response.body", "body": b"".join(chunks)})
        finally:
            watcher.cancel()


class NodePage:
    """/node?iri=IRI: the node's triples (as subject, then as object) as an escaped HTML table."""

    def __init__(self, proxy):
        self.proxy = proxy

    async def __call__(self, scope, receive, send):
        iri = Request(scope, receive).query_params.get("iri", "")
        if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", iri) or re.search(r'[\x00-\x20<>"{}|^`\\]', iri):
            return await text(400, "expected ?iri= an absolute IRI")(scope, receive, send)
        sparql = (f"SELECT ?s ?p ?o WHERE {{ {{ BIND(<{iri}> AS ?s) ?s ?p ?o }} UNION "
                  f"{{ BIND(<{iri}> AS ?o) ?s ?p ?o }} }} LIMIT {NODE_TRIPLES}")
        answer = Collect()
        try:
            async with self.proxy.gate:
                await self.proxy.forward(scope, [("query", sparql)], RESULT_TYPES[0], receive, answer)
        except Refusal as refusal:
            return await text(refusal.status, refusal.message, refusal.headers)(scope, receive, send)
        if answer.status != 200:
            return await text(502, f"the SPARQL engine answered {answer.status}")(scope, receive, send)
        bindings = json.loads(answer.body)["results"]["bindings"]
        page = workbench.node_page(iri, bindings, NODE_TRIPLES)
        await HTMLResponse(page, 200 if bindings else 404)(scope, receive, send)


class Collect:
    """An ASGI `send` that keeps the answer, for a query the front runs itself."""

    def __init__(self):
        self.status, self.parts = None, []

    async def __call__(self, message):
        if message["type"] == "http.response.start":
            self.status = message["status"]
        else:
            self.parts.append(message.get("body", b""))

    @property
    def body(self):
        return b"".join(self.parts)


def host_allowed(options, host_header):
    host = (host_header or "").strip().lower()
    name = host[1:].split("]")[0] if host.startswith("[") else host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    if name in options.hosts:
        return True
    if options.any_ip_host:
        try:
            ipaddress.ip_address(name)
            return True
        except ValueError:
            return False
    return False


class Guard:
    """Outermost layer: one log line per request, Host check, safety headers, OPTIONS, read-only methods."""

    def __init__(self, app, options):
        self.app, self.options = app, options
        self.allow = ", ".join(READ_METHODS + ("OPTIONS",))

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started, status, sent = time.perf_counter(), [0], [0]

        async def guarded_send(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                message = {**message, "headers": list(message.get("headers", [])) + SAFETY_HEADERS}
            elif message["type"] == "http.response.body":
                sent[0] += len(message.get("body", b""))
            await send(message)

        try:
            await self._route(scope, receive, guarded_send)
        except ClientDisconnect:  # gone while sending its request: no one to answer
            scope.setdefault("state", {})["note"] = "client disconnected"
        except asyncio.CancelledError:  # uvicorn shutting down past its grace period: logged here, once
            scope.setdefault("state", {})["note"] = "cancelled: the server is stopping"
        finally:
            note = scope.get("state", {}).get("note")
            client = scope.get("client") or ("-", 0)
            LOG.info('%s "%s %s" %s %d B %.0f ms%s', client[0], scope["method"], scope["path"], status[0] or "-",
                     sent[0], (time.perf_counter() - started) * 1000, f" ({note})" if note else "")

    async def _route(self, scope, receive, send):
        headers = dict(scope["headers"])
        if not host_allowed(self.options, headers.get(b"host", b"").decode("latin-1")):
            return await text(421, "this server does not answer for that Host name")(scope, receive, send)
        method = scope["method"]
        preflight = method == "OPTIONS" and b"access-control-request-method" in headers
        if method == "OPTIONS" and not (preflight and self.options.cors):
            return await Response(status_code=204, headers={"Allow": self.allow})(scope, receive, send)
        if method in WRITE_METHODS or (method == "POST" and scope["path"] in ("/update", "/store")):
            return await text(403, "this server is read-only")(scope, receive, send)
        if method not in READ_METHODS + ("OPTIONS",):
            return await text(405, f"method {method} not allowed", {"Allow": self.allow})(scope, receive, send)
        await self.app(scope, receive, send)


def make_app(options, workers):
    """The whole front as one ASGI app."""
    proxy = SparqlProxy(options, workers)
    routes = [Route("/query", proxy, methods=list(READ_METHODS)),
              Route("/node", NodePage(proxy), methods=["GET", "HEAD"])] + workbench.routes()
    app = Router(routes)
    if options.cors:
        app = CORSMiddleware(app, allow_origins=list(options.cors), allow_methods=list(READ_METHODS),
                             allow_headers=["Accept", "Content-Type"], max_age=600)
    return Guard(app, options)
