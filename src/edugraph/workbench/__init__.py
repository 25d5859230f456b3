"""The browser workbench that `edugraph serve` puts in front of the Oxigraph server.

One small HTTP front on the public address: it serves the workbench page and its assets (all local, no
CDN), the saved-query catalogue as JSON, and passes the SPARQL Protocol (/query, GET and POST) through to
Oxigraph on a private loopback port. Updates are refused here too, and a result larger than
settings.SERVER_MAX_RESULT_BYTES is refused with 413, which Oxigraph alone cannot do.
"""

import json
import mimetypes
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .. import __version__, settings
from ..queries import bind, catalogue

STATIC = Path(__file__).parent / "static"
FORWARDED_HEADERS = ("Accept", "Content-Type")
WRITE_PATHS = ("/update", "/store")


def vis_network_files():
    """vis-network's script and stylesheet as shipped inside pyvis: the graph view needs no CDN."""
    import pyvis
    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return {"vis-network.min.js": lib / "vis-network.min.js", "vis-network.css": lib / "vis-network.css"}


def catalogue_json():
    return [{
        "name": name, "title": q.title, "description": q.description, "keywords": list(q.keywords),
        "portability": q.portability,
        "params": [{"name": p.name, "type": p.type, "default": p.default, "required": p.required,
                    "description": p.description} for p in q.params.values()],
    } for name, q in catalogue().items()]


class Handler(BaseHTTPRequestHandler):
    server_version = f"edugraph/{__version__}"
    backend = ""          # Oxigraph's base URL, set by make_server
    max_result_bytes = 0

    def log_message(self, format, *args):  # quiet: the CLI prints one line when it starts
        pass

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/":
            return self._file(STATIC / "index.html")
        if url.path.startswith("/static/"):
            name = url.path.removeprefix("/static/")
            files = {p.name: p for p in STATIC.iterdir()} | vis_network_files()
            return self._file(files[name]) if name in files else self._error(404, "no such file")
        if url.path == "/api/queries":
            return self._json(catalogue_json())
        if url.path.startswith("/api/queries/") and url.path.endswith("/sparql"):
            return self._bound(url.path.split("/")[3], urllib.parse.parse_qs(url.query))
        if url.path == "/query":
            return self._proxy()
        return self._error(404, "not found")

    def do_POST(self):
        path = urllib.parse.urlsplit(self.path).path
        if path == "/query":
            return self._proxy(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
        return self._error(403 if path in WRITE_PATHS else 404, "this server is read-only")

    def do_PUT(self):
        self._error(403, "this server is read-only")

    do_DELETE = do_PATCH = do_PUT

    def _bound(self, name, query):
        from ..errors import QueryError
        queries = catalogue()
        if name not in queries:
            return self._error(404, f"no saved query named {name}")
        try:
            sparql = bind(queries[name], {k: v[-1] for k, v in query.items()})
        except QueryError as error:
            return self._error(400, str(error))
        return self._json({"name": name, "sparql": sparql})

    def _proxy(self, body=None):
        target = self.backend + self.path
        headers = {h: self.headers[h] for h in FORWARDED_HEADERS if self.headers.get(h)}
        request = urllib.request.Request(target, data=body, headers=headers, method=self.command)
        try:
            with urllib.request.urlopen(request, timeout=settings.SERVER_TIMEOUT_S + 5) as answer:
                status, media, data = answer.status, answer.headers.get("Content-Type"), \
                    answer.read(self.max_result_bytes + 1)
        except urllib.error.HTTPError as error:
            status, media, data = error.code, error.headers.get("Content-Type"), error.read()
        except (urllib.error.URLError, OSError) as error:
            return self._error(502, f"the SPARQL engine did not answer: {getattr(error, 'reason', error)}")
        if len(data) > self.max_result_bytes:
            return self._error(413, f"result larger than {self.max_result_bytes} bytes; add a LIMIT")
        self._send(status, media or "application/octet-stream", data)

    def _file(self, path):
        media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self._send(200, media + ("; charset=utf-8" if media.startswith("text/") or media.endswith("javascript")
                                 else ""), path.read_bytes())

    def _json(self, value):
        self._send(200, "application/json", json.dumps(value, ensure_ascii=False).encode("utf-8"))

    def _error(self, status, message):
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def _send(self, status, media, data):
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


def make_server(host, port, backend, max_result_bytes=None):
    """The front HTTP server (not yet serving): serve_forever() it, shutdown() to stop."""
    handler = type("WorkbenchHandler", (Handler,), {
        "backend": backend.rstrip("/"),
        "max_result_bytes": max_result_bytes or settings.SERVER_MAX_RESULT_BYTES})
    return ThreadingHTTPServer((host, port), handler)
