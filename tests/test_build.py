"""Corpus builds: one failing document never stops the rest, the summary counts documents fully, partly and
not at all built, --strict fails on weak documents, and the incremental cache never changes the output."""

import shutil

import pytest

import edugraph.corpus as corpus
from edugraph.cli import main
from edugraph.corpus import all_graphs, build
from edugraph.rdf.formats import FORMATS, serialize
from helpers import SOURCES, TINY_TEXT


def _ttl(result):
    return serialize(all_graphs(result), FORMATS[".ttl"])


@pytest.fixture
def mixed(tmp_path):
    """A good plan, a plan with a numbering warning, and an empty file."""
    good, gap, empty = tmp_path / "good.txt", tmp_path / "gap.txt", tmp_path / "empty.txt"
    good.write_text(TINY_TEXT.replace("夯实基层基础", "夯实基层基础。"), encoding="utf-8")  # a closed title: no warning
    gap.write_text(TINY_TEXT.replace("7.完善", "9.完善"), encoding="utf-8")
    empty.write_bytes(b"")
    return good, gap, empty


def test_a_failing_document_is_reported_and_the_rest_built(mixed):
    good, gap, empty = mixed
    result = build([empty, good, gap])
    assert [r.status for r in result.reports] == ["failed", "full", "partial"]
    assert "empty file" in str(result.reports[0].error)
    assert [doc.plan_id for doc in result.plans] == ["good", "gap"]
    assert (result.count("full"), result.count("partial"), result.count("failed")) == (1, 1, 1)


def test_when_no_document_builds_the_first_error_is_raised(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(Exception, match="empty file"):
        build([empty, tmp_path / "missing.txt"])


def test_cli_summary_and_strict(mixed, tmp_path, capsys):
    good, gap, empty = mixed
    out = tmp_path / "out.ttl"
    assert main(["build", str(good), str(gap), str(empty), "-o", str(out), "--no-cache"]) == 0
    captured = capsys.readouterr()
    assert "built 2 plan(s)" in captured.out and "1 fully, 1 partly, 1 not at all" in captured.out
    error_line = next(line for line in captured.err.splitlines() if line.startswith("error: "))
    assert f"{empty}: empty file" in error_line and error_line.endswith("(not built)")
    assert "Traceback" not in captured.err
    assert out.stat().st_size > 0
    out.unlink()
    code = main(["build", str(good), str(gap), str(empty), "-o", str(out), "--no-cache", "--strict"])
    stderr = capsys.readouterr().err
    assert code == 3 and stderr.splitlines()[-1].startswith("edugraph: error: --strict: 2 document(s)")
    assert str(gap) in stderr.splitlines()[-1] and str(empty) in stderr.splitlines()[-1]
    assert out.is_file()  # the documents that did build are written
    assert main(["build", str(good), "-o", str(out), "--no-cache", "--strict"]) == 0


def test_progress_is_given_every_document(mixed):
    seen = []

    def progress(iterable, total):
        seen.append(total)
        return iterable
    build(list(mixed), progress=progress)
    assert seen == [3]


def test_a_warm_build_reads_the_cache_and_gives_the_same_bytes(tmp_path, monkeypatch):
    cold = _ttl(build(cache=tmp_path))

    def no_extraction(*args, **kwargs):
        raise AssertionError("extracted again")
    monkeypatch.setattr(corpus, "extract_plan", no_extraction)
    monkeypatch.setattr(corpus, "plan_triples", no_extraction)
    assert _ttl(build(cache=tmp_path)) == cold


def test_parallel_build_gives_the_same_bytes(corpus_build):
    assert _ttl(build(jobs=2)) == _ttl(corpus_build)


def test_cache_follows_changes_in_other_documents(tmp_path):
    """A plan's triples depend on the other plans (a citation of a plan of the build points at it): when
    the cited plan changes, the citing plan's cached triples must not be reused."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("weifang-2017-meiyu.txt", "shandong-2016-meiyu.txt"):
        shutil.copy(SOURCES / name, folder / name)
    paths = sorted(folder.iterdir())
    cache = tmp_path / "cache"
    city = lambda result: next(part for name, part in result.parts.items() if "weifang" in str(name))  # noqa: E731
    before = city(build(paths, cache=cache))
    province = folder / "shandong-2016-meiyu.txt"
    text = province.read_text(encoding="utf-8")
    # The province plan no longer bears the number the city plan cites it by, nor its title.
    province.write_text(text.replace("鲁政办发", "鲁政字").replace("学校美育工作", "学校体育工作"), encoding="utf-8")
    warm, cold = build(paths, cache=cache), build(paths)
    assert _ttl(warm) == _ttl(cold)
    assert city(cold) != before  # the change did reach the city plan's graph, whose file did not change
