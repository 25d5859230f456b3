"""Embedded stores: same rows from every saved query on rdflib and Oxigraph, term conversion, loading."""

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from edugraph.cli import main
from edugraph.corpus import all_graphs
from edugraph.errors import GraphLoadError, QueryError
from edugraph.rdf.formats import FORMATS, write_graphs
from edugraph.namespaces import ID
from edugraph.serving.queries import bind, catalogue, execute, run_query
from edugraph.serving.store import STORES, OxigraphStore, RdflibStore, named_graphs, open_store
from integration.portable import comparable

CATALOGUE = catalogue()


@pytest.fixture(scope="module")
def stores(corpus_build):
    return {name: STORES[name]().add_graphs(all_graphs(corpus_build)) for name in STORES}


# Queries that need a value with no default (a SERVICE endpoint) run against live servers in tests/integration.
STANDALONE = sorted(n for n, q in CATALOGUE.items() if not any(p.required and not p.default for p in q.params.values()))


@pytest.mark.parametrize("name", STANDALONE)
def test_every_saved_query_gives_the_same_rows_on_every_store(name, stores):
    sparql = bind(CATALOGUE[name])
    results = {store: comparable(execute(sparql, stores[store], name), sparql) for store in stores}
    assert results["oxigraph"] == results["rdflib"]


def test_stores_hold_the_same_quads(stores, corpus_build):
    quads = sum(len(g) for g in all_graphs(corpus_build).values())
    assert len(stores["oxigraph"]) == len(stores["rdflib"]) == quads


TERMS = """
PREFIX ex: <http://example.org/>
ex:a ex:p ex:b , "plain" , "中文"@zh , "en"@en-GB , "7"^^<http://www.w3.org/2001/XMLSchema#integer> ,
     "2015-09-15"^^<http://www.w3.org/2001/XMLSchema#date> , "1.5"^^<http://www.w3.org/2001/XMLSchema#decimal> ,
     "x"^^ex:custom , _:blank .
"""


@pytest.fixture(scope="module")
def term_files(tmp_path_factory):
    graph = Graph().parse(data=TERMS, format="turtle")
    folder = tmp_path_factory.mktemp("terms")
    files = {}
    for suffix in FORMATS:
        files[suffix] = folder / f"terms{suffix}"
        write_graphs({URIRef("http://example.org/g"): graph}, files[suffix])
    return files


def test_terms_convert_to_what_rdflib_gives(term_files):
    sparql = "SELECT ?o WHERE { ?s ?p ?o }"
    rdflib_rows = open_store("rdflib", [term_files[".ttl"]]).run_sparql(sparql).rows
    ox_rows = open_store("oxigraph", [term_files[".ttl"]]).run_sparql(sparql).rows
    as_set = lambda rows: {row[0] for row in rows if not isinstance(row[0], BNode)}  # noqa: E731
    assert as_set(ox_rows) == as_set(rdflib_rows)
    assert Literal("中文", lang="zh") in as_set(ox_rows) and Literal("plain") in as_set(ox_rows)
    assert Literal(7) in as_set(ox_rows)
    assert sum(isinstance(row[0], BNode) for row in ox_rows) == 1


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_every_format_loads_the_same_triples(suffix, term_files):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    counts = {name: int(open_store(name, [term_files[suffix]]).run_sparql(count).rows[0][0]) for name in STORES}
    assert counts == {"rdflib": 9, "oxigraph": 9}


def test_ask_construct_and_unbound(term_files):
    store = open_store("oxigraph", [term_files[".nq"]])
    assert store.run_sparql("ASK { ?s ?p 'plain' }").rows == [(True,)]
    graph = store.run_sparql("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }").graph
    assert len(graph) == 7 and (None, None, Literal("中文", lang="zh")) in graph
    result = store.run_sparql("SELECT ?x ?y WHERE { BIND(1 AS ?x) }")
    assert result.variables == ["x", "y"] and result.rows == [(Literal(1), None)]


def test_store_on_disk_persists(tmp_path, term_files):
    open_store("oxigraph", [term_files[".ttl"]], path=tmp_path / "db").store.flush()
    assert len(OxigraphStore(tmp_path / "db")) == 9


def test_errors_are_edugraph_errors(tmp_path, term_files):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle .\n")
    with pytest.raises(GraphLoadError, match="bad.ttl: not valid turtle"):
        open_store("oxigraph", [bad])
    with pytest.raises(GraphLoadError, match="no such file"):
        open_store("oxigraph", [tmp_path / "missing.ttl"])
    with pytest.raises(QueryError, match="broken: SPARQL syntax error"):
        open_store("oxigraph").run_sparql("SELECT ?x WHERE { ?x a }", "broken")
    with pytest.raises(QueryError, match="unknown store 'jena'"):
        open_store("jena")
    with pytest.raises(QueryError, match="in memory only"):
        RdflibStore(tmp_path)


def test_run_query_accepts_a_store_or_a_graph(stores, corpus_graph):
    task = f"{ID['weihai-2022']}/task/19"
    rows = [run_query("task-provenance", target, {"task": task}).to_dicts() for target in
            (stores["oxigraph"], stores["rdflib"], corpus_graph)]
    assert rows[0] == rows[1] == rows[2] and rows[0][0]["file"] == "weihai-2022-gongzuoyaodian.txt"


@pytest.mark.parametrize("suffix", [".trig", ".nq"])
def test_named_graphs_are_kept_from_quads_files(suffix, corpus_build, tmp_path):
    path = tmp_path / f"corpus{suffix}"
    write_graphs(all_graphs(corpus_build), path)
    graphs = named_graphs([path])
    assert graphs.keys() == {str(name) for name in all_graphs(corpus_build)}
    assert all(len(graphs[str(name)]) == len(graph) for name, graph in all_graphs(corpus_build).items())
    # Blank nodes (the ontology's) get new labels when read: graphs are compared up to them.
    for name, graph in all_graphs(corpus_build).items():
        assert isomorphic(graphs[str(name)].to_rdflib(), graph.to_rdflib())


def test_named_graphs_default_to_building_the_sources(corpus_build):
    assert set(named_graphs()) == {str(name) for name in all_graphs(corpus_build)}


def test_named_graphs_refuse_a_triples_file(term_files):
    with pytest.raises(GraphLoadError, match="terms.ttl: has no named graphs"):
        named_graphs([term_files[".ttl"]])


@pytest.mark.parametrize("store", sorted(STORES))
def test_cli_query_store_option(store, corpus_build, tmp_path, capsys):
    data = tmp_path / "corpus.trig"
    write_graphs(corpus_build.graphs, data)
    code = main(["query", "plans", "--data", str(data), "--store", store, "--format", "csv"])
    out = capsys.readouterr().out
    assert code == 0 and len(out.splitlines()) == 10 and "国办发〔2015〕71号" in out
