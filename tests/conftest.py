import pytest
from rdflib import Graph

from edugraph.corpus import build
from edugraph.namespaces import bind_prefixes


@pytest.fixture(scope="session")
def corpus_build():
    """The whole corpus in data/sources, built once per test session."""
    return build()


@pytest.fixture(scope="session")
def corpus_graph(corpus_build):
    graph = bind_prefixes(Graph())
    for plan_graph in corpus_build.graphs.values():
        graph += plan_graph
    graph += corpus_build.vocabulary
    return graph
