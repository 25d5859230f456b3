import pytest

from edugraph.corpus import build, union_graph


@pytest.fixture(scope="session")
def corpus_build():
    """The whole corpus in data/sources, built once per test session."""
    return build()


@pytest.fixture(scope="session")
def corpus_graph(corpus_build):
    return union_graph(corpus_build)
