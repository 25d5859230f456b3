"""Malformed inputs, bad paths and bad arguments, through the CLI in-process: each ends with its exit code and
one line on stderr naming the problem, never a traceback, and leaves no output file (not even a temp file)."""

import os
import socket
from dataclasses import dataclass
from pathlib import Path

import pytest

from edugraph.cli import main
from helpers import TINY, TINY_TEXT


@dataclass
class Paths:
    tmp: Path         # an empty folder for outputs
    trig: Path        # the tiny plan, built
    ttl: Path         # the tiny plan, built as triples (no graph names)
    rq: Path          # a valid query file

    def file(self, name, data):
        path = self.tmp.parent / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("built")
    assert main(["build", str(TINY), "-o", str(folder / "tiny.trig")]) == 0
    assert main(["build", str(TINY), "-o", str(folder / "tiny.ttl")]) == 0
    (folder / "plans.rq").write_text("#+ title: plans\nSELECT ?p WHERE { ?p a ?c }\n", encoding="utf-8")
    return folder


@pytest.fixture
def paths(built, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    return Paths(out, built / "tiny.trig", built / "tiny.ttl", built / "plans.rq")


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


BAD_SPARQL = "#+ title: broken\n#+ description: a query with a mistake on line 5\nSELECT ?x\nWHERE {\n  ?x a\n}\n"

# id → (argv from Paths, exit code, a fragment of the message). Outputs go to p.tmp, which must stay empty.
CASES = {
    # unreadable plan documents (exit 2)
    "build-missing-source": (lambda p: ["build", str(p.tmp.parent / "nope.txt"), "-o", str(p.tmp / "x.ttl")],
                             2, "no such file"),
    "build-source-is-a-directory": (lambda p: ["build", str(p.tmp.parent), "-o", str(p.tmp / "x.ttl")],
                                    2, "is a directory"),
    "build-empty-file": (lambda p: ["build", str(p.file("empty.txt", b"")), "-o", str(p.tmp / "x.ttl")],
                         2, "empty file"),
    "build-whitespace-only": (lambda p: ["build", str(p.file("blank.txt", " \n\t\n　\n")), "-o", str(p.tmp / "x.ttl")],
                              2, "empty file"),
    "build-png": (lambda p: ["build", str(p.file("plan.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)),
                             "-o", str(p.tmp / "x.ttl")], 2, "binary data"),
    "build-nul-bytes": (lambda p: ["build", str(p.file("nul.txt", TINY_TEXT.encode()[:200] + b"\x00" * 50)),
                                   "-o", str(p.tmp / "x.ttl")], 2, "binary data"),
    "build-undecodable-bytes": (lambda p: ["build", str(p.file("bad.txt", "一、总体\n".encode() + b"\x80\x80\n")),
                                           "-o", str(p.tmp / "x.ttl")], 2, "cannot decode byte 0x80"),
    "build-utf16-bom-binary": (lambda p: ["build", str(p.file("u16.txt", b"\xff\xfe" + b"\x01\x00\x02\x00" * 400)),
                                          "-o", str(p.tmp / "x.ttl")], 2, "binary data"),
    "build-html-without-text": (lambda p: ["build", str(p.file("empty.html", "<html><body><script>x()</script>"
                                                                            "</body></html>")),
                                           "-o", str(p.tmp / "x.ttl")], 2, "no text found"),
    "build-markdown-without-text": (lambda p: ["build", str(p.file("empty.md", "---\n\n* * *\n| --- |\n![图](a.png)\n")),
                                               "-o", str(p.tmp / "x.ttl")], 2, "no text found"),
    # outputs that cannot be written (exit 5)
    "build-output-is-a-directory": (lambda p: ["build", str(TINY), "-o", str(_dir(p, "corpus.ttl"))],
                                    5, "is a directory"),
    "build-output-without-extension": (lambda p: ["build", str(TINY), "-o", str(p.tmp / "corpus")],
                                       5, "unknown RDF format (no extension)"),
    "build-output-unknown-format": (lambda p: ["build", str(TINY), "-o", str(p.tmp / "corpus.xyz")],
                                    5, "unknown RDF format .xyz"),
    "build-output-under-a-file": (lambda p: ["build", str(TINY), "-o", str(p.file("afile", "x") / "c.ttl")],
                                  5, "cannot write"),
    "build-output-in-proc": (lambda p: ["build", str(TINY), "-o", "/proc/edugraph-test/corpus.ttl"],
                             5, "cannot write"),
    "query-output-is-a-directory": (lambda p: ["query", "plans", "--data", str(p.trig), "-o", str(_dir(p, "r.csv"))],
                                    5, "is a directory"),
    "viz-output-is-a-directory": (lambda p: ["viz", "outline", "--data", str(p.trig), "-o", str(_dir(p, "v.html"))],
                                  5, "is a directory"),
    "link-output-is-a-directory": (lambda p: ["link", "tiny-plan", "tiny-plan", "--data", str(p.trig),
                                              "-o", str(_dir(p, "links.ttl"))], 5, "is a directory"),
    "link-sssom-is-a-directory-nothing-written": (lambda p: ["link", "tiny-plan", "tiny-plan", "--data", str(p.trig),
                                                             "-o", str(p.tmp / "links.ttl"),
                                                             "--sssom", str(_dir(p, "links.tsv"))],
                                                  5, "is a directory"),
    "analyze-output-is-a-file": (lambda p: ["analyze", "--data", str(p.trig), "-o", str(p.file("afile", "x"))],
                                 5, "cannot write"),
    # RDF inputs (exit 6)
    "query-data-missing": (lambda p: ["query", "plans", "--data", str(p.tmp.parent / "nope.ttl")], 6, "no such file"),
    "query-data-is-a-directory": (lambda p: ["query", "plans", "--data", str(p.tmp)], 6, "is a directory"),
    "query-data-not-rdf-suffix": (lambda p: ["query", "plans", "--data", str(TINY)], 6, "is not an RDF file"),
    "query-data-bad-turtle": (lambda p: ["query", "plans", "--data", str(p.file("bad.ttl", "<a> <b> .\n"))],
                              6, "not valid turtle"),
    "query-data-binary-as-turtle": (lambda p: ["query", "plans", "--data", str(p.file("bin.ttl", bytes(range(256))))],
                                    6, "not valid turtle"),
    "stats-missing-graph": (lambda p: ["stats", str(p.tmp.parent / "nope.trig")], 6, "no such file"),
    "validate-directory": (lambda p: ["validate", str(p.tmp)], 6, "is a directory"),
    "serve-triples-file": (lambda p: ["serve", str(p.ttl), "--port", str(closed_port())], 6, "has no named graphs"),
    "publish-missing-graph": (lambda p: ["publish", str(p.tmp / "none.trig"), "--endpoint", "http://127.0.0.1:1/store"],
                              6, "no such file"),
    # queries and their parameters (exit 4)
    "query-unknown-name": (lambda p: ["query", "no-such-query", "--data", str(p.trig)], 4, "no saved query named"),
    "query-missing-rq-file": (lambda p: ["query", str(p.tmp.parent / "gone.rq"), "--data", str(p.trig)],
                              4, "no such query file"),
    "query-syntax-error-names-the-users-line": (lambda p: ["query", str(p.file("broken.rq", BAD_SPARQL)),
                                                           "--data", str(p.trig)], 4, "broken.rq:6: SPARQL syntax"),
    "query-bad-header": (lambda p: ["query", str(p.file("hdr.rq", "#+ title: [unclosed\nSELECT * {}\n")),
                                    "--data", str(p.trig)], 4, "bad #+ header"),
    "query-rq-not-utf8": (lambda p: ["query", str(p.file("gbk.rq", "SELECT * { ?s ?p \"教育\" }".encode("gbk"))),
                                     "--data", str(p.trig)], 4, "cannot read query"),
    "query-param-without-equals": (lambda p: ["query", "outline", "--data", str(p.trig), "--param", "plan"],
                                   4, "--param expects NAME=VALUE"),
    "query-param-unknown": (lambda p: ["query", "outline", "--data", str(p.trig), "--param", "x=1"],
                            4, "unknown parameter 'x'"),
    "query-param-bad-iri": (lambda p: ["query", "outline", "--data", str(p.trig), "--param", "plan=not an iri"],
                            4, "expects an IRI"),
    # endpoints (exit 8)
    "query-endpoint-not-a-url": (lambda p: ["query", "plans", "--endpoint", "not a url"], 8, "is not an http(s) URL"),
    "query-endpoint-bad-port": (lambda p: ["query", "plans", "--endpoint", "http://127.0.0.1:abc/q"], 8, "not a URL"),
    "query-endpoint-refused": (lambda p: ["query", "plans", "--endpoint", f"http://127.0.0.1:{closed_port()}/q"],
                               8, "connection refused"),
    "publish-endpoint-not-a-url": (lambda p: ["publish", str(p.trig), "--endpoint", "not a url"],
                                   8, "is not an http(s) URL"),
    "publish-endpoint-file-url": (lambda p: ["publish", str(p.trig), "--endpoint", "file:///etc/passwd"],
                                  8, "is not an http(s) URL"),
    "link-endpoint-not-a-url": (lambda p: ["link", "a", "b", "--higher-endpoint", "::", "--lower-endpoint", "::"],
                                8, "is not an http(s) URL"),
    "serve-allow-service-not-a-url": (lambda p: ["serve", str(p.trig), "--allow-service", "ftp://x/"],
                                      8, "--allow-service 'ftp://x/' is not an http(s) URL"),
    "serve-port-taken": (lambda p: ["serve", str(p.trig), "--port", str(_taken_port(p))], 8, "cannot listen"),
}


def _dir(paths, name):
    folder = paths.tmp / name
    folder.mkdir()
    return folder


def _taken_port(paths):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    paths.listener = listener  # kept open for the test
    return listener.getsockname()[1]


def _files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_input_is_one_line_and_leaves_no_file(case, paths, capsys):
    make_argv, code, fragment = CASES[case]
    argv = make_argv(paths)
    before = _files(paths.tmp)
    status = main(argv)
    err = capsys.readouterr().err
    assert status == code, err
    assert err.count("\n") == 1 and err.startswith("edugraph: error: "), err  # one line, no traceback
    assert fragment in err, err
    assert _files(paths.tmp) == before  # nothing written, no temp file left behind


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)],
                         ids=["umask-022", "umask-002", "umask-077"])
def test_outputs_honour_the_umask(umask, mode, paths):
    previous = os.umask(umask)
    try:
        assert main(["query", "plans", "--data", str(paths.trig), "-o", str(paths.tmp / "plans.csv")]) == 0
        assert main(["build", str(TINY), "-o", str(paths.tmp / "tiny.nt")]) == 0
    finally:
        os.umask(previous)
    for name in ("plans.csv", "tiny.nt"):
        assert (paths.tmp / name).stat().st_mode & 0o777 == mode


def test_a_syntax_error_in_a_saved_query_points_into_its_file(tmp_path, paths, capsys):
    folder = tmp_path / "queries"
    folder.mkdir()
    (folder / "broken.rq").write_text(BAD_SPARQL, encoding="utf-8")
    from edugraph.errors import QueryError
    from edugraph.serving.queries import run_query
    from edugraph.serving.store import open_store
    for store in ("oxigraph", "rdflib"):
        with pytest.raises(QueryError) as error:
            run_query("broken", open_store(store, [paths.trig]), folder=folder)
        assert error.value.path == folder / "broken.rq" and error.value.line in (5, 6), (store, str(error.value))


@pytest.mark.parametrize("argv,method,code", [
    (lambda p: ["build", str(TINY), "-o", str(p.tmp / "x.ttl")], "read_bytes", 2),
    (lambda p: ["stats", str(p.trig)], "open", 6),
], ids=["plan-document", "rdf-graph"])
def test_an_unreadable_input_is_one_line(argv, method, code, paths, capsys, monkeypatch):
    # Tests run as root in CI, where chmod 000 does not stop a read: refuse it the way the kernel would.
    real = getattr(Path, method)
    targets = {str(TINY), str(paths.trig)}

    def refuse(self, *args, **kwargs):
        if str(self) in targets:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, refuse)
    assert main(argv(paths)) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.endswith("cannot read: Permission denied\n"), err
    assert _files(paths.tmp) == []
