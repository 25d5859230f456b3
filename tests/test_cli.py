"""The CLI, run in-process: each command, each output format, and one-line errors with exit codes."""

import json

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDFS

from edugraph.cli import main
from edugraph.rdf.formats import FORMATS
from edugraph.namespaces import EDU
from helpers import TINY


@pytest.fixture(scope="module")
def tiny_ttl(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "tiny.ttl"
    assert main(["build", str(TINY), "-o", str(out)]) == 0
    return out


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_build_writes_every_format(suffix, tmp_path, capsys):
    out = tmp_path / f"plan{suffix}"
    code, stdout, _ = run(capsys, "build", TINY, "-o", out)
    assert code == 0 and "1 plan(s): 3 sections, 7 tasks" in stdout
    fmt = FORMATS[suffix]
    graph = Dataset() if fmt.quads else Graph()
    graph.parse(out, format=fmt.name)
    assert len(graph) > 100 or sum(1 for _ in graph.quads()) > 100
    assert not list(tmp_path.glob(".*.tmp"))


def test_build_without_sources_builds_the_corpus(tmp_path, capsys):
    code, stdout, _ = run(capsys, "build", "-o", tmp_path / "all.nt")
    assert code == 0 and "built 9 plan(s)" in stdout


def test_build_reports_warnings_on_stderr(tmp_path, capsys):
    gap = tmp_path / "gap.txt"
    gap.write_text(TINY.read_text(encoding="utf-8").replace("7.完善", "9.完善"), encoding="utf-8")
    code, _, stderr = run(capsys, "build", gap, "-o", tmp_path / "gap.ttl")
    assert code == 0
    assert "task numbering jumps from 6 to 9" in stderr


def test_a_document_with_no_numbered_headings_builds_with_a_warning(tmp_path, capsys):
    notice = tmp_path / "notice.txt"
    notice.write_text("某部关于成立委员会的通知\n各有关单位：\n　　为加强指导，决定成立委员会，负责全国高校美育教学指导工作。\n"
                      "某部\n2020年7月29日\n", encoding="utf-8")
    out = tmp_path / "notice.ttl"
    code, stdout, stderr = run(capsys, "build", notice, "-o", out)
    assert code == 0 and "1 plan(s): 0 sections, 0 tasks" in stdout
    assert "no numbered headings" in stderr
    graph = Graph().parse(out)
    measures = list(graph.objects(URIRef("https://w3id.org/edugraph/id/notice"), EDU.hasMeasure))
    assert [str(graph.value(m, RDFS.label)) for m in measures] == ["为加强指导，决定成立委员会，负责全国高校美育教学指导工作。"]


@pytest.mark.parametrize("name,content,code,message", [
    ("missing.txt", None, 2, "no such file"),
    ("empty.txt", b"", 2, "empty file"),
    ("binary.txt", b"\x00\x01\x02" * 100, 2, "binary data"),
])
def test_bad_input_is_one_line_and_writes_nothing(name, content, code, message, tmp_path, capsys):
    source = tmp_path / name
    if content is not None:
        source.write_bytes(content)
    out = tmp_path / "out.ttl"
    out.write_text("previous build\n")
    got, stdout, stderr = run(capsys, "build", source, "-o", out)
    assert got == code
    assert stderr.count("\n") == 1 and message in stderr and str(source) in stderr
    assert "Traceback" not in stderr
    assert out.read_text() == "previous build\n"  # the old output is left whole


def test_unknown_output_format(tmp_path, capsys):
    code, _, stderr = run(capsys, "build", TINY, "-o", tmp_path / "out.xyz")
    assert code == 5 and "unknown RDF format .xyz" in stderr
    assert not (tmp_path / "out.xyz").exists()


def test_debug_shows_the_traceback(tmp_path):
    with pytest.raises(Exception, match="no such file"):
        main(["--debug", "build", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o.ttl")])


def test_query_table(tiny_ttl, capsys):
    code, stdout, _ = run(capsys, "query", "outline", "--data", tiny_ttl)
    assert code == 0
    assert "夯实基层基础" in stdout and "(10 rows)" in stdout


def test_query_json_is_sparql_results_json(tiny_ttl, capsys):
    code, stdout, _ = run(capsys, "query", "tasks-per-section", "--data", tiny_ttl, "--format", "json")
    data = json.loads(stdout)
    assert data["head"]["vars"] == ["plan", "section", "title", "tasks", "measures"]
    tasks = [int(b["tasks"]["value"]) for b in data["results"]["bindings"]]
    assert tasks == [2, 3, 2]


def test_query_csv_and_markdown(tiny_ttl, capsys):
    _, csv_out, _ = run(capsys, "query", "outline", "--data", tiny_ttl, "--format", "csv")
    assert csv_out.splitlines()[0] == "plan,depth,numbering,title,titleEn,node"
    assert len(csv_out.splitlines()) == 1 + 3 + 7  # header, 3 sections, 7 tasks
    _, md, _ = run(capsys, "query", "outline", "--data", tiny_ttl, "--format", "markdown")
    assert md.startswith("| plan | depth |") and md.count("\n") == 2 + 3 + 7


def test_query_parameter_and_output_file(tiny_ttl, tmp_path, capsys):
    out = tmp_path / "r.csv"
    code, _, _ = run(capsys, "query", "search-measures", "--data", tiny_ttl, "--param", "text=随班就读",
                     "--format", "csv", "-o", out)
    assert code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and "落实随班就读工作要求。" in lines[1]


def test_query_a_rq_file(tiny_ttl, tmp_path, capsys):
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?t a edu:Task }\n", encoding="utf-8")
    code, stdout, _ = run(capsys, "query", rq, "--data", tiny_ttl, "--format", "csv")
    assert code == 0 and stdout.splitlines()[1] == "7"


@pytest.mark.parametrize("argv,message", [
    (["query", "no-such-query"], "no saved query named 'no-such-query'"),
    (["query", "outline", "--param", "colour=red"], "unknown parameter 'colour'"),
    (["query", "outline", "--param", "plan"], "--param expects NAME=VALUE"),
    (["query", "outline", "--param", "plan=not an iri"], "expects an IRI"),
])
def test_query_errors(argv, message, tiny_ttl, capsys):
    code, _, stderr = run(capsys, *argv, "--data", tiny_ttl)
    assert code == 4 and message in stderr and stderr.count("\n") == 1


def test_query_syntax_error_names_the_query(tiny_ttl, tmp_path, capsys):
    rq = tmp_path / "broken.rq"
    rq.write_text("SELECT ?x WHERE { ?x a }\n")
    code, _, stderr = run(capsys, "query", rq, "--data", tiny_ttl)
    assert code == 4 and "broken.rq:1: SPARQL syntax error: error at 1:" in stderr  # the file and its line


def test_bad_graph_file(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle .\n")
    code, _, stderr = run(capsys, "stats", bad)
    assert code == 6 and str(bad) in stderr and "not valid turtle" in stderr


def test_stats(tiny_ttl, capsys):
    code, stdout, _ = run(capsys, "stats", tiny_ttl)
    counts = dict(line.split() for line in stdout.splitlines())
    assert code == 0
    assert counts["edu:Section"] == "3" and counts["edu:Task"] == "7" and counts["edu:Plan"] == "1"


def test_validate_clean_graph(tiny_ttl, capsys):
    code, stdout, _ = run(capsys, "validate", tiny_ttl)
    assert code == 0 and "no violations" in stdout


def test_validate_finds_a_broken_offset(tiny_ttl, tmp_path, capsys):
    broken = tmp_path / "broken.ttl"
    text = tiny_ttl.read_text(encoding="utf-8")
    broken.write_text(text.replace("edu:startOffset 140 ;", "edu:startOffset 141 ;", 1), encoding="utf-8")
    code, stdout, _ = run(capsys, "validate", broken)
    assert code == 1 and "measure-text-violation" in stdout


def test_queries_lists_the_catalogue(capsys):
    code, stdout, _ = run(capsys, "queries")
    assert code == 0 and "outline" in stdout and "规划大纲" in stdout


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0 and "edugraph 0.1.0" in capsys.readouterr().out
