"""Settings: where the project's data lives and the defaults commands use. One place, overridable by env."""

import os
from pathlib import Path

# The project tree (ontology/, data/, queries/). EDUGRAPH_HOME points elsewhere, e.g. for an installed copy.
REPO_ROOT = Path(os.environ.get("EDUGRAPH_HOME") or Path(__file__).resolve().parents[2])
ONTOLOGY_PATH = REPO_ROOT / "ontology" / "edugraph.ttl"
SOURCES_DIR = REPO_ROOT / "data" / "sources"
MANIFEST_NAME = "MANIFEST.tsv"
QUERIES_DIR = REPO_ROOT / "queries"
DEFAULT_BUILD = REPO_ROOT / "build" / "corpus.ttl"
SOURCE_SUFFIXES = (".txt", ".html", ".htm")
