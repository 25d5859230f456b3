"""Settings: where the project's data lives and the defaults commands use. One place, overridable by env."""

import os
from pathlib import Path

# The project tree (ontology/, data/, queries/). EDUGRAPH_HOME points elsewhere, e.g. for an installed copy.
REPO_ROOT = Path(os.environ.get("EDUGRAPH_HOME") or Path(__file__).resolve().parents[2])
ONTOLOGY_PATH = REPO_ROOT / "ontology" / "edugraph.ttl"
CONTEXT_PATH = REPO_ROOT / "ontology" / "context.jsonld"  # the JSON-LD context of .jsonld outputs (jsonld.py)
SOURCES_DIR = REPO_ROOT / "data" / "sources"
MANIFEST_NAME = "MANIFEST.tsv"
QUERIES_DIR = REPO_ROOT / "queries"
DEFAULT_BUILD = REPO_ROOT / "build" / "corpus.ttl"
ONTOLOGY_RELEASE_DIR = REPO_ROOT / "build" / "ontology"  # `edugraph ontology` writes the release here
SOURCE_SUFFIXES = (".txt", ".html", ".htm", ".mht", ".mhtml", ".md", ".markdown", ".docx", ".pdf")
CURATED_DIR = REPO_ROOT / "data" / "curated"
CURATION_DIR = REPO_ROOT / "data" / "curation"
DIVISIONS_PATH = REPO_ROOT / "data" / "divisions" / "divisions.tsv"  # scripts/update_divisions.py writes it
# `edugraph build`'s incremental cache (buildcache.py): disposable, keyed by file checksum + edugraph version.
CACHE_DIR = Path(os.environ.get("EDUGRAPH_CACHE") or REPO_ROOT / "build" / ".cache")

# Query interface. The embedded store was chosen by measurement (README, "Stores and endpoints"): on 100
# plans Oxigraph loads 12x and answers the saved queries ~70x (geometric mean) faster than rdflib's Dataset.
DEFAULT_STORE = os.environ.get("EDUGRAPH_STORE", "oxigraph")
SERVER_HOST = "127.0.0.1"          # `edugraph serve` binds loopback unless told otherwise
SERVER_PORT = 7878
SERVER_TIMEOUT_S = int(os.environ.get("EDUGRAPH_SERVER_TIMEOUT", "30"))      # per query, enforced by Oxigraph
ENDPOINT_TIMEOUT_S = int(os.environ.get("EDUGRAPH_ENDPOINT_TIMEOUT", "60"))  # client side: query, publish
OXIGRAPH_BIN = os.environ.get("EDUGRAPH_OXIGRAPH")  # the `oxigraph` server binary; default: beside Python, PATH

# Visualisation: `edugraph viz` pages and `edugraph analyze` tables.
VIZ_DIR = REPO_ROOT / "viz"                         # default folder for generated pages (git-ignored)
ANALYSIS_DIR = REPO_ROOT / "build" / "analysis"     # default folder for the analysis CSVs
VIZ_STABILIZATION_ITERATIONS = 400  # physics steps before the layout is frozen (halved for large graphs)
VIZ_LARGE_GRAPH_NODES = 300         # above this: fewer physics steps, edges hidden while dragging/zooming
VIZ_EDGE_LABELS_MAX = 120           # edge labels drawn only up to this many edges (always in the tooltip)
ANALYZE_TOP = 10                    # rows of each ranking `edugraph analyze` prints (the CSVs have all)
# `edugraph serve` limits (README, "Serving"): what one client can make the server hold or do.
SERVER_MAX_RESULT_BYTES = int(os.environ.get("EDUGRAPH_SERVER_MAX_RESULT_BYTES", str(50 * 1024 * 1024)))
SERVER_MAX_BODY_BYTES = int(os.environ.get("EDUGRAPH_SERVER_MAX_BODY_BYTES", str(1024 * 1024)))  # a query, POSTed
# Queries running at once: 4 a core keeps the cores busy while one waits on I/O, and no more.
SERVER_MAX_QUERIES = int(os.environ.get("EDUGRAPH_SERVER_MAX_QUERIES", str(4 * (os.cpu_count() or 2))))
SERVER_MAX_WAITING = int(os.environ.get("EDUGRAPH_SERVER_MAX_WAITING", "64"))   # queued; beyond: 503
SERVER_MAX_CONNECTIONS = int(os.environ.get("EDUGRAPH_SERVER_MAX_CONNECTIONS", "1000"))
SERVER_CLIENT_TIMEOUT_S = float(os.environ.get("EDUGRAPH_SERVER_CLIENT_TIMEOUT", "10"))  # headers, body, idle
