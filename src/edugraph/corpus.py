"""The document collection: a folder of sources with a MANIFEST.tsv of curated metadata, built together."""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from . import settings
from .curated_values import check_manifest_row
from .curation import load_curation
from .documents import registry_for
from .errors import InputError
from .extract import extract_file
from .graph import plan_to_graph
from .namespaces import ID, ONTOLOGY_IRI, bind_prefixes

SHARED_GRAPH = ID["shared/graph"]  # named graph of the nodes plans share
# Manifest columns that override what extraction reads from the text.
CURATED_COLUMNS = ("title", "issuer", "document_number", "year", "level")


@dataclass
class BuildResult:
    graphs: dict = field(default_factory=dict)     # named-graph IRI → Graph, one per plan
    vocabulary: Graph | None = None                # the ontology and its concept schemes
    shared: Graph | None = None                    # documents, bodies, initiatives… that plans share
    plans: list = field(default_factory=list)      # PlanDocument, in build order
    warnings: list = field(default_factory=list)   # "file: message": something may be missing or wrong
    notes: list = field(default_factory=list)      # "file: message": judgements, nothing to fix


def read_manifest(folder):
    """{file name: row} from folder/MANIFEST.tsv, or {} when there is none."""
    path = Path(folder) / settings.MANIFEST_NAME
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        if not reader.fieldnames or "file" not in reader.fieldnames:
            raise InputError("expected a tab-separated header with a 'file' column", path=path, line=1)
        rows = {}
        for row in reader:
            check_manifest_row(row, path, reader.line_num)
            rows[row["file"]] = row
        return rows


def curated_metadata(row):
    curated = {key: row.get(key, "") for key in CURATED_COLUMNS if key != "issuer"}
    curated["issuers"] = [name for name in (row.get("issuer") or "").split(";") if name]
    curated["year"] = int(curated["year"]) if (curated.get("year") or "").isdigit() else None
    return curated


def default_sources(folder=None):
    folder = Path(folder or settings.SOURCES_DIR)
    if not folder.is_dir():
        raise InputError("no such folder of sources", path=folder)
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in settings.SOURCE_SUFFIXES)
    if not files:
        raise InputError("no source documents (.txt, .html) in folder", path=folder)
    return files


def vocabulary_graph():
    """The ontology with its concept schemes (stages, levels, document types), shipped with every build
    so that built graphs are self-contained: queries can show stage labels without loading it separately."""
    return Graph().parse(settings.ONTOLOGY_PATH, format="turtle")


def all_graphs(result):
    """The named graphs to write or publish: every plan's, the shared nodes', the vocabulary's."""
    return {**result.graphs, SHARED_GRAPH: result.shared, URIRef(ONTOLOGY_IRI): result.vocabulary}


def union_graph(result):
    """All of a build in one rdflib Graph (plans, shared nodes, vocabulary): handy for scripts and tests."""
    graph = bind_prefixes(Graph())
    for part in all_graphs(result).values():
        graph += part
    return graph


def plan_graph_iri(plan_id):
    return ID[f"{plan_id}/graph"]


def build(paths=None):
    """Build every source into its own graph. Manifest rows beside a file supply its id and metadata."""
    paths = [Path(p) for p in (paths or default_sources())]
    manifests, result, seen, parsed = {}, BuildResult(), {}, []
    for path in paths:
        folder = path.parent.resolve()
        if folder not in manifests:
            manifests[folder] = read_manifest(folder)
        row = manifests[folder].get(path.name, {})
        source, doc = extract_file(path, plan_id=row.get("id") or None,
                                   curated=curated_metadata(row) if row else None)
        if doc.plan_id in seen:
            raise InputError(f"plan id {doc.plan_id!r} is also used by {seen[doc.plan_id]}", path=path)
        seen[doc.plan_id] = path
        parsed.append((source, doc))
    # Cited documents are named across the whole build, so two plans citing one document share its node.
    registry = registry_for([doc for _, doc in parsed])
    result.warnings.extend(registry.warnings)
    result.vocabulary = vocabulary_graph()
    result.shared = bind_prefixes(Graph())
    for source, doc in parsed:
        graph = plan_to_graph(doc, source, registry, load_curation(doc.plan_id), result.shared)
        result.graphs[plan_graph_iri(doc.plan_id)] = graph
        result.plans.append(doc)
        result.warnings.extend(f"{source.path}: {warning}" for warning in doc.warnings)
        result.notes.extend(f"{source.path}: {note}" for note in doc.notes)
    return result
