"""`edugraph publish` to Graph Store Protocol servers (Oxigraph, Virtuoso): one named graph per plan,
replaced on re-run; then every saved query gives the same rows there as on the embedded store."""

import json

import pytest

from edugraph.cli import main
from edugraph.corpus import all_graphs
from edugraph.errors import EndpointError
from edugraph.serving.publish import publish
from edugraph.serving.queries import QueryResult, bind, catalogue, execute
from edugraph.serving.remote import Endpoint, from_json
from integration.portable import comparable, values_for

pytestmark = pytest.mark.integration
CATALOGUE = catalogue()
# Virtuoso keeps system graphs of its own: count ours only.
GRAPH_SIZES = """SELECT ?g (COUNT(*) AS ?n)
WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), "https://w3id.org/edugraph/")) } GROUP BY ?g"""


def graph_sizes(endpoint):
    return {str(g): int(n) for g, n in Endpoint(endpoint).run_sparql(GRAPH_SIZES).rows}


def expected_sizes(corpus_build):
    return {str(name): len(graph) for name, graph in all_graphs(corpus_build).items()}


@pytest.fixture(scope="module")
def published_oxigraph(oxigraph_store, corpus_nq):
    store = f"{oxigraph_store}/store"
    assert main(["publish", str(corpus_nq), "--endpoint", store]) == 0
    first = graph_sizes(f"{oxigraph_store}/query")
    assert main(["publish", "--endpoint", store]) == 0  # again, from the sources this time
    return first


def test_publish_twice_to_oxigraph_gives_the_same_graphs(published_oxigraph, oxigraph_store, corpus_build):
    assert published_oxigraph == expected_sizes(corpus_build)
    assert graph_sizes(f"{oxigraph_store}/query") == published_oxigraph


def _query_via_cli(name, endpoint, params, capsys):
    argv = ["query", name, "--endpoint", endpoint, "--format", "json"]
    argv += [item for key, value in params.items() for item in ("--param", f"{key}={value}")]
    assert main(argv) == 0, capsys.readouterr().err
    data = json.loads(capsys.readouterr().out)
    variables = data["head"]["vars"]
    return QueryResult(variables, [tuple(from_json(b[v]) if v in b else None for v in variables)
                                   for b in data["results"]["bindings"]])


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_saved_query_on_oxigraph_via_the_cli(name, published_oxigraph, oxigraph_store, served, embedded,
                                                    capsys):
    params = values_for(CATALOGUE[name], served)
    sparql = bind(CATALOGUE[name], params)
    remote = _query_via_cli(name, f"{oxigraph_store}/query", params, capsys)
    assert comparable(remote, sparql) == comparable(execute(sparql, embedded, name), sparql)


def test_publish_errors(oxigraph_store, corpus_build):
    graphs = {"urn:edugraph:test": next(iter(corpus_build.graphs.values()))}
    with pytest.raises(EndpointError, match="PUT graph <urn:edugraph:test>: .*HTTP 404"):
        publish(f"{oxigraph_store}/no-such-endpoint", graphs)


@pytest.fixture(scope="module")
def published_virtuoso(virtuoso, corpus_build):
    graphs = all_graphs(corpus_build)
    publish(virtuoso["store"], graphs, virtuoso["user"], virtuoso["password"])
    first = graph_sizes(virtuoso["sparql"])
    publish(virtuoso["store"], graphs, virtuoso["user"], virtuoso["password"])
    return first


def test_publish_twice_to_virtuoso_gives_the_same_graphs(published_virtuoso, virtuoso, corpus_build):
    assert published_virtuoso == expected_sizes(corpus_build)
    assert graph_sizes(virtuoso["sparql"]) == published_virtuoso


def test_virtuoso_refuses_a_wrong_password(virtuoso, corpus_build):
    graphs = {"urn:edugraph:test": next(iter(corpus_build.graphs.values()))}
    with pytest.raises(EndpointError, match="HTTP 401"):
        publish(virtuoso["store"], graphs, virtuoso["user"], "wrong")


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_saved_query_on_virtuoso(name, published_virtuoso, virtuoso, embedded):
    query = CATALOGUE[name]
    if query.portability:
        pytest.skip(f"not portable to Virtuoso: {query.portability}")
    sparql = bind(query)
    assert comparable(execute(sparql, Endpoint(virtuoso["sparql"]), name), sparql) == \
        comparable(execute(sparql, embedded, name), sparql)
