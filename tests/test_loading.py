"""Commands read through pyoxigraph and fetch only what they need: linking's queries start from the plan,
pictures and figures read the store through StoreGraphView, and the CLI imports a command's libraries only
when that command runs."""

import subprocess
import sys

import pytest
from rdflib import URIRef

from edugraph.corpus import all_graphs
from edugraph.linking.align import FACT_QUERY, HEADING_QUERY, MEASURE_QUERY, _rows, plan_units
from edugraph.namespaces import EDU, ID
from edugraph.serving.store import OxigraphStore
from edugraph.viz import VIEWS, analyze, build_view


@pytest.fixture(scope="module")
def store(corpus_build):
    return OxigraphStore().add_graphs(all_graphs(corpus_build))


@pytest.mark.parametrize("plan", ["weifang-2017", "shandong-2016", "weihai-2022"])
def test_plan_units_are_the_same_from_the_store_and_from_rdflib(plan, store, corpus_graph):
    assert plan_units(store, ID[plan]) == plan_units(corpus_graph, ID[plan])


@pytest.mark.parametrize("query", [HEADING_QUERY, MEASURE_QUERY, FACT_QUERY], ids=["headings", "measures", "facts"])
def test_linking_queries_fetch_only_the_plans_own_units(query, store):
    plan = ID["weifang-2017"]
    rows = _rows(store, query, plan, "test")
    # The old fact query returned every fact of the corpus, other plans' units included.
    assert rows and all(str(row[0]).startswith(f"{plan}/") for row in rows)


def test_figures_are_the_same_from_the_store_and_from_rdflib(store, corpus_graph):
    assert {name: table.rows for name, table in analyze(store.graph_view()).items()} == \
           {name: table.rows for name, table in analyze(corpus_graph).items()}


@pytest.mark.parametrize("view", ["outline", "policies", "stages"])
def test_views_are_the_same_from_the_store_and_from_rdflib(view, store, corpus_graph):
    plan = str(ID["weihai-2022"]) if "plan" in VIEWS[view].options else None
    options = {"plan": plan} if plan else {}
    ours, theirs = build_view(view, store.graph_view(), **options), build_view(view, corpus_graph, **options)
    assert sorted(ours.nodes(data=True), key=str) == sorted(theirs.nodes(data=True), key=str)
    assert sorted(ours.edges(data=True), key=str) == sorted(theirs.edges(data=True), key=str)


def test_store_view_answers_graph_lookups(store, corpus_graph):
    view, plan = store.graph_view(), URIRef(ID["weihai-2022"])
    assert view.value(plan, EDU.year) == corpus_graph.value(plan, EDU.year)
    assert set(view.objects(plan, EDU.hasSection)) == set(corpus_graph.objects(plan, EDU.hasSection))
    assert set(view.subjects(EDU.inPlan, plan)) == set(corpus_graph.subjects(EDU.inPlan, plan))
    assert view.value(plan, EDU.hasTask) is None


@pytest.mark.parametrize("argv", [["queries"], ["query", "--help"]])
def test_cli_imports_no_library_the_command_does_not_use(argv):
    script = ("import sys, contextlib, io\nfrom edugraph.cli import main\n"
              "with contextlib.redirect_stdout(io.StringIO()):\n"
              f"    try: main({argv!r})\n    except SystemExit: pass\n"
              "print(' '.join(sorted(m for m in ('networkx', 'pyvis', 'IPython', 'rjieba', 'SPARQLWrapper', "
              "'rdflib.plugins.sparql', 'edugraph.structure.extract') if m in sys.modules\n"
              "                    and type(sys.modules[m]).__name__ != '_LazyModule')))")  # lazy_module: not loaded
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == ""


def test_link_all_links_every_implementing_pair_as_link_does_one(corpus_build, tmp_path, monkeypatch, capsys):
    from edugraph import settings
    from edugraph.cli import main
    from edugraph.rdf.formats import write_graphs
    data = tmp_path / "corpus.ttl"
    write_graphs(all_graphs(corpus_build), data)
    monkeypatch.setattr(settings, "DEFAULT_BUILD", tmp_path / "out" / "corpus.ttl")
    assert main(["link", "--all", "--data", str(data)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 7 and all(" links (" in line for line in lines)  # 4 cities → Shandong → national …
    pair = tmp_path / "out" / "links-weifang-2017-shandong-2016.ttl"
    assert main(["link", "weifang-2017", "shandong-2016", "--data", str(data), "-o", str(tmp_path / "one.ttl")]) == 0
    assert pair.read_bytes() == (tmp_path / "one.ttl").read_bytes()
    assert main(["link", "--all", "weifang-2017", "--data", str(data)]) == 4
