"""`edugraph serve`: the graph over the SPARQL 1.1 Protocol, served by the Oxigraph server.

The `oxigraph` PyPI package ships the Rust server binary. We load the plans (one named graph each) into a
throw-away store folder with its own loader, then run `oxigraph serve-read-only --union-default-graph`, so
saved queries see all plans without GRAPH clauses and updates are refused. Oxigraph picks the result
format by Accept header (JSON, XML, CSV, TSV) and stops queries after --timeout-s; it has no result-size
limit (see README).
"""

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

from . import settings
from .errors import EndpointError
from .formats import FORMATS, atomic_write_bytes, serialize
from .workbench import make_server

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


def _wait_until_listening(process, host, port, log):
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


@contextmanager
def oxigraph_server(graphs, host=None, port=None, timeout_s=None, read_only=True):
    """An Oxigraph server over {graph IRI: Graph} in a throw-away folder, for the block: yields its base URL
    (SPARQL at /query; /update and /store too when not read_only). Stopped and removed afterwards."""
    host, port = host or settings.SERVER_HOST, port or settings.SERVER_PORT
    with tempfile.TemporaryDirectory(prefix="edugraph-serve-") as tmp:
        location, log = Path(tmp) / "store", Path(tmp) / "server.log"
        _check_free(host, port)
        load_store(graphs, location)
        command = [oxigraph_binary(), "serve-read-only" if read_only else "serve", "--location", str(location),
                   "--bind", f"{host}:{port}", "--union-default-graph",
                   "--timeout-s", str(timeout_s or settings.SERVER_TIMEOUT_S)]
        with log.open("wb") as output:
            process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        try:
            _wait_until_listening(process, host, port, log)
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
    raise KeyboardInterrupt  # SIGTERM stops the server as cleanly as Ctrl-C: child ended, folder removed


def free_port():
    """A loopback port no one listens on now (for a server started next)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(graphs, host=None, port=None, timeout_s=None, ready=None):
    """Serve {graph IRI: Graph} read-only until interrupted (Ctrl-C or SIGTERM). ready(url) once listening.

    Oxigraph listens on a private loopback port; the public address is the workbench front
    (edugraph.workbench): the browser page, the query catalogue, the SPARQL Protocol passed through,
    updates refused and results over settings.SERVER_MAX_RESULT_BYTES refused."""
    host, port = host or settings.SERVER_HOST, port or settings.SERVER_PORT
    _check_free(host, port)
    previous = (signal.signal(signal.SIGTERM, _interrupt)
                if threading.current_thread() is threading.main_thread() else None)
    front = None
    try:
        with oxigraph_server(graphs, "127.0.0.1", free_port(), timeout_s) as (base, process, log):
            front = make_server(host, port, base)
            threading.Thread(target=front.serve_forever, daemon=True).start()
            if ready:
                ready(f"http://{host}:{port}/query")
            if process.wait():
                raise EndpointError(f"the Oxigraph server stopped: {_error_line(log)}")
    except KeyboardInterrupt:
        pass
    finally:
        if front is not None:
            front.shutdown()
            front.server_close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
