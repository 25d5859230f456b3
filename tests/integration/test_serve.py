"""`edugraph serve`: the SPARQL 1.1 Protocol over GET and POST, result formats by Accept, read-only, and the
same rows as the embedded store for every saved query; `edugraph query --endpoint` and its errors."""

import json
import socket
import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import GET, JSON, POST, SPARQLWrapper

from edugraph.cli import main
from edugraph.errors import EndpointError, QueryError
from edugraph.serving.queries import bind, catalogue, execute
from edugraph.serving.remote import USER_AGENT, Endpoint
from integration.portable import comparable, values_for

pytestmark = pytest.mark.integration
CATALOGUE = catalogue()
COUNT_PLANS = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/edugraph/ontology#Plan> }"


@pytest.mark.parametrize("method", [GET, POST])
def test_sparqlwrapper_get_and_post(served, method):
    wrapper = SPARQLWrapper(served, agent=USER_AGENT)
    wrapper.setMethod(method)
    wrapper.setQuery(COUNT_PLANS)
    wrapper.setReturnFormat(JSON)
    assert wrapper.query().convert()["results"]["bindings"][0]["n"]["value"] == "9"


@pytest.mark.parametrize("accept,media_type,marker", [
    ("application/sparql-results+json", "application/sparql-results+json", '"value":"9"'),
    ("application/sparql-results+xml", "application/sparql-results+xml", ">9</literal>"),
    ("text/csv", "text/csv", "n\r\n9"),
    ("text/tab-separated-values", "text/tab-separated-values", "?n\n9"),
])
def test_result_format_follows_the_accept_header(served, accept, media_type, marker):
    url = f"{served}?{urllib.parse.urlencode({'query': COUNT_PLANS})}"
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=30) as answer:
        assert answer.headers.get_content_type() == media_type
        assert marker in answer.read().decode("utf-8").replace(" ", "")


PLANS_GRAPH = "CONSTRUCT { ?p a <https://w3id.org/edugraph/ontology#Plan> } WHERE { ?p a <https://w3id.org/edugraph/ontology#Plan> }"


@pytest.mark.parametrize("query,accept,media_type", [
    (PLANS_GRAPH, "application/sparql-results+json,*/*;q=0.9", "text/turtle"),  # YASQE's default for any form
    (PLANS_GRAPH, "*/*", "text/turtle"),
    (PLANS_GRAPH, "application/n-triples", "application/n-triples"),      # a graph format asked for is kept
    ("# a comment\nPREFIX x: <urn:x#>\nDESCRIBE <https://w3id.org/edugraph/id/weihai-2022>", "", "text/turtle"),
    (COUNT_PLANS, "text/turtle", "application/sparql-results+json"),     # Oxigraph alone answers 406
    (COUNT_PLANS, "text/csv;q=0, application/sparql-results+xml", "application/sparql-results+xml"),
])
def test_the_front_asks_the_engine_for_a_format_it_has_for_the_query_form(served, query, accept, media_type):
    request = urllib.request.Request(served, data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": accept} if accept else {})
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 200 and answer.headers.get_content_type() == media_type
        assert answer.read()


def test_node_page_lists_the_triples_of_a_node_escaped(served):
    base = served.removesuffix("/query")
    task = "https://w3id.org/edugraph/id/weihai-2022/task/19"
    with urllib.request.urlopen(f"{base}/node?{urllib.parse.urlencode({'iri': task})}", timeout=30) as answer:
        assert answer.headers.get_content_type() == "text/html"
        page = answer.read().decode("utf-8")
    assert "<title>id:weihai-2022/task/19 · edugraph</title>" in page
    assert '<a class="iri" href="/node?iri=https%3A%2F%2Fw3id.org%2Fedugraph%2Fontology%23inPlan">edu:inPlan</a>' in page
    assert '<span class="literal">推进乡村教育振兴改革试点任务</span> <span class="note">@zh</span>' in page
    with pytest.raises(urllib.error.HTTPError) as missing:  # nothing known: 404, the IRI shown as text
        urllib.request.urlopen(f"{base}/node?iri=urn:x%27%26lt%3Bb", timeout=30)
    assert missing.value.code == 404 and "urn:x&#x27;&amp;lt;b" in missing.value.read().decode()
    for bad in ("", "?iri=", "?iri=relative", "?iri=urn:a%3E%20%3Curn:b"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{base}/node{bad}", timeout=30)
        assert refused.value.code == 400


@pytest.mark.parametrize("path,data,content_type", [
    ("/update", b"update=INSERT%20DATA%20%7B%20%3Curn%3Aa%3E%20%3Curn%3Ab%3E%20%3Curn%3Ac%3E%20%7D",
     "application/x-www-form-urlencoded"),
    ("/store?graph=urn%3Ag", b"<urn:a> <urn:b> <urn:c> .", "text/turtle"),
])
def test_updates_are_refused(served, path, data, content_type):
    url = served.removesuffix("/query") + path
    request = urllib.request.Request(url, data=data, method="POST" if "update" in path else "PUT",
                                     headers={"Content-Type": content_type})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 403
    assert Endpoint(served).run_sparql(COUNT_PLANS).rows[0][0].toPython() == 9


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_saved_query_gives_the_same_rows_as_the_embedded_store(name, served, embedded):
    sparql = bind(CATALOGUE[name], values_for(CATALOGUE[name], served))
    assert comparable(execute(sparql, Endpoint(served), name), sparql) == \
        comparable(execute(sparql, embedded, name), sparql)


def test_cli_query_endpoint_in_every_format(served, capsys):
    assert main(["query", "plans", "--endpoint", served, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["results"]["bindings"]) == 9
    assert {b["level"]["value"].rsplit("/", 1)[1] for b in data["results"]["bindings"]} >= {"national", "municipal"}
    assert main(["query", "task-measures", "--endpoint", served, "--format", "table"]) == 0
    assert "(7 rows)" in capsys.readouterr().out


def test_endpoint_errors_are_one_line(served, capsys):
    closed = f"http://127.0.0.1:{_closed_port()}/query"
    with pytest.raises(EndpointError, match="connection refused"):
        Endpoint(closed).run_sparql(COUNT_PLANS)
    with pytest.raises(EndpointError, match="HTTP 404"):
        Endpoint(served.removesuffix("/query") + "/nothing-here").run_sparql(COUNT_PLANS)
    with pytest.raises(QueryError, match="broken: rejected by"):
        Endpoint(served).run_sparql("SELECT ?x WHERE { ?x a }", "broken")
    assert main(["query", "plans", "--endpoint", closed]) == 8
    assert capsys.readouterr().err.count("\n") == 1


def test_endpoint_timeout():
    with socket.socket() as silent:  # accepts connections (backlog) but never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/query"
        with pytest.raises(EndpointError, match="no answer within the timeout"):
            Endpoint(url, timeout=1).run_sparql(COUNT_PLANS)


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
