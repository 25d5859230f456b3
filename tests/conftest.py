import pytest

from edugraph.corpus import build
from helpers import SOURCES


@pytest.fixture(scope="session")
def corpus_build():
    """The whole corpus in data/sources, built once per test session."""
    return build()
