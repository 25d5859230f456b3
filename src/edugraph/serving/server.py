"""`edugraph serve`: the graph over the SPARQL 1.1 Protocol, answered by the Oxigraph server.

The `oxigraph` PyPI package ships the Rust server binary. We load the plans (one named graph each) into a
throw-away store folder with its own loader, then run `oxigraph serve-read-only --union-default-graph`
workers on private loopback ports (backend.py), so saved queries see all plans without GRAPH clauses.
Oxigraph picks the result format by Accept header (JSON, XML, CSV, TSV). The public address is the front
(front.py, run here by uvicorn), which adds the limits and checks Oxigraph lacks.
"""

import logging
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from edugraph import settings
from edugraph.errors import EndpointError
from edugraph.rdf.formats import FORMATS, atomic_write_bytes, serialize
from edugraph.serving.front import FrontOptions, make_app

START_TIMEOUT_S = 30


def oxigraph_binary():
    """The `oxigraph` server command: settings.OXIGRAPH_BIN, else beside this Python (a venv), else PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = settings.OXIGRAPH_BIN or (str(beside) if beside.is_file() else shutil.which("oxigraph"))
    if not found:
        raise EndpointError("the Oxigraph server is not installed: pip install oxigraph")
    return found


def _error_line(path):
    lines = [line.strip() for line in Path(path).read_text(errors="replace").splitlines() if line.strip()]
    return next((line for line in lines if line.startswith("Error")), lines[-1] if lines else "no output")


def _check_free(host, port):
    # Oxigraph would fail too, but only after we had seen someone else's server answer on that port.
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
            probe.bind((host, port))
    except OSError as error:
        raise EndpointError(f"cannot listen on {host}:{port}: {error.strerror}") from None


def load_store(graphs, location):
    """Load {graph IRI: Graph} into an Oxigraph store folder with the server's own loader."""
    data = Path(location).parent / "data.nq"
    atomic_write_bytes(data, serialize(graphs, FORMATS[".nq"]))
    done = subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file", str(data)],
                          capture_output=True, text=True)
    data.unlink()
    if done.returncode:
        raise EndpointError(f"oxigraph load failed: {(done.stderr or done.stdout).strip().splitlines()[-1]}")


def wait_until_listening(process, host, port, log):
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise EndpointError(f"the Oxigraph server stopped: {_error_line(log)}")
        try:
            socket.create_connection((host, port), timeout=0.5).close()
            if process.poll() is None:
                return
        except OSError:
            time.sleep(0.05)
    raise EndpointError(f"the Oxigraph server did not listen on {host}:{port} within {START_TIMEOUT_S} s")


def oxigraph_command(location, host, port, timeout_s=None, read_only=True):
    """The command line of an Oxigraph server over a store folder; the default graph is the union of all."""
    return [oxigraph_binary(), "serve-read-only" if read_only else "serve", "--location", str(location),
            "--bind", f"{host}:{port}", "--union-default-graph",
            "--timeout-s", str(timeout_s or settings.SERVER_TIMEOUT_S)]


@contextmanager
def oxigraph_server(graphs, host=None, port=None, timeout_s=None, read_only=True):
    """An Oxigraph server over {graph IRI: Graph} in a throw-away folder, for the block: yields its base URL
    (SPARQL at /query; /update and /store too when not read_only). Stopped and removed afterwards."""
    host, port = host or settings.SERVER_HOST, port or settings.SERVER_PORT
    with tempfile.TemporaryDirectory(prefix="edugraph-serve-") as tmp:
        location, log = Path(tmp) / "store", Path(tmp) / "server.log"
        _check_free(host, port)
        load_store(graphs, location)
        command = oxigraph_command(location, host, port, timeout_s, read_only)
        with log.open("wb") as output:
            process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        try:
            wait_until_listening(process, host, port, log)
            yield f"http://{host}:{port}", process, log
        finally:
            stop(process)


def stop(process, grace_s=10):
    """End a child server: politely, then by force if it does not go within grace_s."""
    process.terminate()
    try:
        process.wait(grace_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _interrupt(signum, frame):
    raise KeyboardInterrupt  # SIGTERM stops the server as cleanly as Ctrl-C: workers ended, folder removed


def free_port():
    """A loopback port no one listens on now (for a server started next)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with a deadline for each request's headers: uvicorn itself waits for ever
    on a client that sends them slowly (1,500 half-sent requests once held 1,500 connections)."""

    deadline = None

    def connection_made(self, transport):
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self):
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc):
        if self.deadline:
            self.deadline.cancel()
        super().connection_lost(exc)

    def _arm(self):
        if self.deadline:
            self.deadline.cancel()
        self.deadline = self.loop.call_later(settings.SERVER_CLIENT_TIMEOUT_S, self._overdue)

    def _overdue(self):
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()  # no complete request line and headers in time


class _Incomplete(logging.Filter):
    def filter(self, record):  # the front cut or dropped that answer on purpose, and its log line says why
        message = record.getMessage()
        return "without completing response" not in message and "without starting response" not in message


def _listen(host, port):
    """The public socket, bound and listening (so `ready` is true when said); one-line errors."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as error:
        raise EndpointError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    return sock


def front_options(host, timeout_s, allow_service=(), cors=(), allow_hosts=()):
    """FrontOptions for a server bound to host: the Host names it answers to, and the settings' limits."""
    wildcard = host in ("0.0.0.0", "::", "")
    names = {host.lower(), *(h.lower() for h in allow_hosts)}
    if wildcard or host in ("127.0.0.1", "::1", "localhost"):
        names |= {"localhost", "127.0.0.1", "::1"}
    if wildcard:
        names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
    return FrontOptions(hosts=frozenset(names), any_ip_host=wildcard, cors=tuple(cors),
                        allow_service=tuple(allow_service), max_body=settings.SERVER_MAX_BODY_BYTES,
                        max_result=settings.SERVER_MAX_RESULT_BYTES, max_queries=settings.SERVER_MAX_QUERIES,
                        max_waiting=settings.SERVER_MAX_WAITING, timeout_s=timeout_s,
                        body_timeout_s=settings.SERVER_CLIENT_TIMEOUT_S)


def serve(graphs, host=None, port=None, timeout_s=None, ready=None, allow_service=(), cors=(), allow_hosts=()):
    """Serve {graph IRI: Graph} read-only until interrupted (Ctrl-C or SIGTERM). ready(url) once listening.

    The public address is the front (edugraph.serving.front: workbench, SPARQL Protocol with limits, run by uvicorn);
    Oxigraph workers (edugraph.serving.backend) answer on private loopback ports. SERVICE may call only the
    endpoints in allow_service; cors lists the origins browsers may query from; allow_hosts adds Host names."""
    host, port = host or settings.SERVER_HOST, port or settings.SERVER_PORT
    timeout_s = timeout_s or settings.SERVER_TIMEOUT_S
    options = front_options(host, timeout_s, allow_service, cors, allow_hosts)
    sock = _listen(host, port)
    previous = (signal.signal(signal.SIGTERM, _interrupt)
                if threading.current_thread() is threading.main_thread() else None)
    from edugraph.serving.backend import OxigraphWorkers  # it starts workers with this module's helpers
    try:
        with tempfile.TemporaryDirectory(prefix="edugraph-serve-") as tmp:
            load_store(graphs, Path(tmp) / "store")
            workers = OxigraphWorkers(Path(tmp) / "store", timeout_s, tmp)
            config = uvicorn.Config(make_app(options, workers), http=_Protocol, lifespan="off", access_log=False,
                                    log_config=LOG_CONFIG, timeout_keep_alive=5, backlog=2048, server_header=False,
                                    proxy_headers=False, timeout_graceful_shutdown=5,  # no proxy in front; no endless drain
                                    limit_concurrency=settings.SERVER_MAX_CONNECTIONS,
                                    h11_max_incomplete_event_size=64 * 1024)
            server = uvicorn.Server(config)
            if ready:
                shown = f"[{host}]" if ":" in host else host
                ready(f"http://{shown}:{sock.getsockname()[1]}/query")
            try:
                server.run(sockets=[sock])
            finally:
                workers.close()
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


LOG_CONFIG = {
    "version": 1, "disable_existing_loggers": False,
    "filters": {"incomplete": {"()": _Incomplete}},
    "formatters": {"line": {"format": "%(asctime)s %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "line", "filters": ["incomplete"],
                            "stream": "ext://sys.stderr"}},
    "loggers": {"uvicorn.error": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
                "edugraph.serve": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
                # asyncio warns "socket.send() raised exception." when a client hangs up mid-answer: not news
                "asyncio": {"handlers": ["stderr"], "level": "ERROR", "propagate": False}},
}
