"""The saved-query catalogue: documented, parseable, runs on the corpus; violation checks are clean and can fail."""

import json
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from edugraph.corpus import all_graphs
from edugraph.serving.store import open_store
from integration.portable import comparable

from edugraph.errors import QueryError
from edugraph.namespaces import EDU, ID
from edugraph.serving.queries import bind, catalogue, check_syntax, execute, run_query

CATALOGUE = catalogue()


def test_catalogue_has_the_first_handful():
    assert {"outline", "tasks-per-section", "plans", "task-provenance"} <= set(CATALOGUE)
    assert any(q.is_violation for q in CATALOGUE.values())


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_query_is_documented_and_parses(name):
    query = CATALOGUE[name]
    assert query.title.get("en") and query.title.get("zh")
    assert query.description.get("en") and query.description.get("zh")
    example = {p.name: "http://127.0.0.1:7879/query" for p in query.params.values() if p.required}
    check_syntax(bind(query, example), name)


LOCAL = sorted(n for n, q in CATALOGUE.items() if not q.is_violation and "federated" not in q.keywords)
# Queries over `edugraph link` output: the corpus build alone has no alignment (tests/test_linking.py).
NEEDS_LINKS = {n for n, q in CATALOGUE.items() if "alignment" in q.keywords}


@pytest.mark.parametrize("name", sorted(set(LOCAL) - NEEDS_LINKS))
def test_query_runs_on_the_corpus_and_returns_rows(name, corpus_graph):
    assert execute(bind(CATALOGUE[name]), corpus_graph, name).rows


@pytest.mark.parametrize("name", sorted(n for n, q in CATALOGUE.items() if q.is_violation))
def test_violation_query_is_clean_on_the_corpus(name, corpus_graph):
    assert execute(bind(CATALOGUE[name]), corpus_graph, name).rows == []


def test_violation_queries_catch_corruption(corpus_graph):
    graph = corpus_graph.__class__()
    graph += corpus_graph
    measure = URIRef(f"{ID['weihai-2022']}/task/5/measure/1")
    task = URIRef(f"{ID['weihai-2022']}/task/5")
    start = int(graph.value(measure, EDU.startOffset))
    graph.set((measure, EDU.startOffset, Literal(start + 1)))
    graph.set((task, EDU.titleEndOffset, Literal(int(graph.value(task, EDU.endOffset)) + 5)))
    found = {name for name, q in CATALOGUE.items() if q.is_violation
             and execute(bind(q), graph, name).rows}
    assert found == {"measure-text-violation", "span-violation", "title-text-violation"}


def test_python_api_rows_and_parameters(corpus_graph):
    result = run_query("task-provenance", corpus_graph, {"task": f"{ID['weihai-2022']}/task/19"})
    (row,) = result.to_dicts()
    assert row["title"] == "推进乡村教育振兴改革试点任务"
    assert row["sourceText"].startswith("19推进乡村教育振兴改革试点任务。")
    assert row["file"] == "weihai-2022-gongzuoyaodian.txt"


def test_outline_parameter_restricts_to_one_plan(corpus_graph):
    rows = run_query("outline", corpus_graph, {"plan": str(ID["weihai-2022"])}).to_dicts()
    assert len(rows) == 6 + 32 and {r["plan"] for r in rows} == {str(ID["weihai-2022"])}
    assert [r["depth"] for r in rows].count("1") == 6
    assert (rows[1]["numbering"], rows[1]["title"]) == ("1.", "强化科学理论武装")
    everything = run_query("outline", corpus_graph).to_dicts()
    assert len({r["plan"] for r in everything}) == 9


GOLDEN = Path(__file__).parent / "golden" / "queries"


@pytest.fixture(scope="module")
def default_store(corpus_build):
    store = open_store()
    store.add_graphs(all_graphs(corpus_build))
    return store


@pytest.mark.parametrize("engine", ["default-store", "rdflib"])
@pytest.mark.parametrize("name", sorted(n for n, q in CATALOGUE.items() if "federated" not in q.keywords))
def test_query_returns_its_golden_rows(name, engine, default_store, corpus_graph):
    """Goldens: tests/golden/queries/NAME.json, rewritten by scripts/regenerate_goldens.py."""
    sparql = bind(CATALOGUE[name])
    target = default_store if engine == "default-store" else corpus_graph
    variables, rows = comparable(execute(sparql, target, name), sparql)
    golden = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    assert variables == golden["variables"]
    assert json.loads(json.dumps(rows, ensure_ascii=False)) == golden["rows"]


def test_every_query_has_a_golden():
    local = {n for n, q in CATALOGUE.items() if "federated" not in q.keywords}
    assert {p.stem for p in GOLDEN.glob("*.json")} == local


@pytest.mark.parametrize("value", ["weihai-2022", "id:weihai-2022", "https://w3id.org/edugraph/id/weihai-2022",
                                   "<https://w3id.org/edugraph/id/weihai-2022>"])
def test_an_iri_parameter_takes_an_id_a_prefixed_name_or_the_iri(value, corpus_graph):
    rows = run_query("outline", corpus_graph, {"plan": value}).to_dicts()
    assert len(rows) == 38 and {r["plan"] for r in rows} == {str(ID["weihai-2022"])}


def test_a_parameter_naming_nothing_suggests_the_nearest_names(corpus_graph):
    with pytest.raises(QueryError, match=r"weihai-2021 names nothing in the data; did you mean weihai-2022"):
        run_query("outline", corpus_graph, {"plan": "weihai-2021"})
    with pytest.raises(QueryError, match=r"did you mean .*weihai-2022/task/9"):
        run_query("task-measures", corpus_graph, {"task": "weihai-2022/task/91"})


@pytest.mark.parametrize("params,message", [
    ({"plan": "not an iri"}, "expects an IRI, a prefixed name"),
    ({"plan": "nosuchprefix:x"}, "expects an IRI, a prefixed name"),
    ({"planet": "weihai-2022"}, "unknown parameter 'planet'"),
])
def test_bad_parameters_are_errors(params, message, corpus_graph):
    with pytest.raises(QueryError, match=message):
        run_query("outline", corpus_graph, params)
