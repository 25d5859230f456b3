"""Federated saved queries: a city plan on one Oxigraph server, its province's on another, joined by SERVICE.
Also: `edugraph link` with the higher plan fetched from a remote endpoint."""

from contextlib import ExitStack

import pytest

from edugraph.corpus import SHARED_GRAPH
from edugraph.linking.align import link_plans
from edugraph.namespaces import ID
from edugraph.serving.queries import run_query
from edugraph.serving.remote import Endpoint
from edugraph.serving.server import free_port, oxigraph_server


@pytest.fixture(scope="module")
def servers(corpus_build):
    """{plan id: query URL}: a read-only Oxigraph server per plan (city, province) on a free loopback port."""
    with ExitStack() as stack:
        urls = {}
        for plan_id in ("weifang-2017", "shandong-2016"):
            graphs = {name: g for name, g in corpus_build.graphs.items() if f"/{plan_id}/" in str(name)}
            graphs[SHARED_GRAPH] = corpus_build.shared
            base, _, _ = stack.enter_context(oxigraph_server(graphs, "127.0.0.1", free_port()))
            urls[plan_id] = f"{base}/query"
        yield urls



def test_federated_shared_citations_returns_cross_server_rows(servers):
    result = run_query("federated-shared-citations", Endpoint(servers["weifang-2017"]),
                       {"endpoint": servers["shandong-2016"]})
    rows = result.to_dicts()
    assert rows, "no cross-server rows"
    assert {r["localPlan"] for r in rows} == {str(ID["weifang-2017"])}
    assert {r["remotePlan"] for r in rows} == {str(ID["shandong-2016"])}
    assert str(ID["guoban-2015"]) in {r["document"] for r in rows}


def test_federated_implemented_plan_outline(servers):
    rows = run_query("federated-implemented-plan", Endpoint(servers["weifang-2017"]),
                     {"endpoint": servers["shandong-2016"]}).to_dicts()
    shandong = [r for r in rows if r["implements"] == str(ID["shandong-2016"])]
    assert len(shandong) == 25 and shandong[0]["taskTitle"] == "指导思想"


def test_link_with_the_higher_plan_on_a_remote_endpoint(servers, corpus_graph):
    remote = link_plans("weifang-2017", "shandong-2016", corpus_graph, higher_endpoint=servers["shandong-2016"])
    local = link_plans("weifang-2017", "shandong-2016", corpus_graph)
    pairs = lambda r: {(c.lower.iri, c.higher.iri, c.score) for c in r.links}  # noqa: E731
    assert remote.links and pairs(remote) == pairs(local)


ALLOWED = "http://127.0.0.1:7879/query"


@pytest.mark.parametrize("sparql,refused", [
    ("SELECT * { ?s ?p ?o }", None),
    ('SELECT * { ?s ?p "SERVICE <http://127.0.0.1:22/>" }  # SERVICE in a comment', None),
    (f"SELECT * {{ SERVICE <{ALLOWED}> {{ ?s ?p ?o }} }}", None),
    ("PREFIX r: <http://127.0.0.1:7879/> SELECT * { SERVICE r:query { ?s ?p ?o } }", None),
    (f"SELECT * {{ SERVICE <{ALLOWED}> {{ ?s ?p ?o }} SERVICE <http://10.0.0.1/> {{ ?s ?p ?o }} }}",
     "SERVICE <http://10.0.0.1/> is not allowed"),
    (f"SELECT * {{ SERVICE <{ALLOWED}/> {{ ?s ?p ?o }} }}", "is not allowed"),
    ("SELECT * { { SELECT * { SERVICE SILENT <http://127.0.0.1:22/> { ?s ?p ?o } } } }", "is not allowed"),
    ("SELECT * { SERVICE ?where { ?s ?p ?o } }", "must be a fixed IRI"),
    ("SELECT * { SERVICE <http://x/> { ?s ?p } }", "cannot be checked"),
], ids=["no-service", "word-in-literal-and-comment", "allowed", "allowed-as-prefixed-name", "one-of-two-not-allowed",
        "near-miss-iri", "inside-a-subquery", "variable-endpoint", "unparseable"])
def test_service_endpoints_are_checked_against_the_allow_list(sparql, refused):
    from edugraph.errors import QueryError
    from edugraph.serving.federation import check_services
    if refused is None:
        check_services(sparql, [ALLOWED])
    else:
        with pytest.raises(QueryError, match=refused):
            check_services(sparql, [ALLOWED])
