"""Servers for the integration tests, each started once per session on a free loopback port and stopped at
the end: `edugraph serve` (read-only Oxigraph), a writable Oxigraph server, and Virtuoso Open Source.

A missing server binary skips its tests with a loud reason on a developer's machine, and fails them in CI
(CI set), where scripts/test.sh installs everything."""

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from edugraph.corpus import all_graphs
from edugraph.errors import EndpointError
from edugraph.rdf.formats import write_graphs
from edugraph.serving.server import free_port, oxigraph_binary, stop
from edugraph.serving.store import open_store

START_TIMEOUT_S = 120
VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def require(binary, what, install):
    """The binary's path; a loud skip (developer) or a failure (CI) when it is missing."""
    if binary:
        return binary
    message = f"{what} is not installed ({install}); its integration tests cannot run"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(f"!!! {message} !!!")


@contextmanager
def running(command, log, ready_url, **popen):
    """Run a server process until the block ends; yields once ready_url answers any HTTP status."""
    with open(log, "wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, **popen)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if process.poll() is not None:
                pytest.fail(f"{command[0]} exited with {process.returncode}: {Path(log).read_text()[-2000:]}")
            try:
                urllib.request.urlopen(ready_url, timeout=2).close()
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"{command[0]} did not answer {ready_url} in {START_TIMEOUT_S} s")
                time.sleep(0.2)
        yield process
    finally:
        stop(process, 30)


@pytest.fixture(scope="session")
def oxigraph():
    try:
        return oxigraph_binary()
    except EndpointError:
        return require(None, "the Oxigraph server", "pip install oxigraph")


@pytest.fixture(scope="session")
def corpus_nq(corpus_build, tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.nq"
    write_graphs(all_graphs(corpus_build), path)
    return path


@pytest.fixture(scope="session")
def embedded(corpus_build):
    """The reference every server is compared with: the default embedded store over the same graphs."""
    return open_store().add_graphs(all_graphs(corpus_build))


@pytest.fixture(scope="session")
def served(oxigraph, corpus_nq, tmp_path_factory):
    """`edugraph serve` on a free port: the SPARQL query URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/query"
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    # SERVICE is off by default: the saved federated queries are pointed back at this server, so allow it.
    command = [sys.executable, "-m", "edugraph", "serve", str(corpus_nq), "--port", str(port),
               "--allow-service", url]
    with running(command, log, url):
        yield url


@pytest.fixture(scope="session")
def oxigraph_store(oxigraph, tmp_path_factory):
    """A writable, empty Oxigraph server: its base URL (/query, /update, /store)."""
    folder = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [oxigraph, "serve", "--location", str(folder / "store"), "--bind", f"127.0.0.1:{port}",
               "--union-default-graph"]
    with running(command, folder / "server.log", f"{base}/query"):
        yield base


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """Virtuoso Open Source with its own database in a temp folder: SPARQL and Graph Store URLs, dba login."""
    binary = require(shutil.which("virtuoso-t"), "Virtuoso Open Source (virtuoso-t)",
                     "apt-get install virtuoso-opensource")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=free_port(), http_port=http_port))
    base = f"http://127.0.0.1:{http_port}"
    with running([binary, "+configfile", str(ini), "+foreground"], folder / "stdout.log", f"{base}/sparql",
                 cwd=folder):
        yield {"sparql": f"{base}/sparql", "store": f"{base}/sparql-graph-crud-auth",
               "user": "dba", "password": "dba"}  # a fresh database's default login, on loopback only
