"""Release artefacts of the ontology, generated from the hand-edited source (ontology/edugraph.ttl):
the ontology in Turtle, RDF/XML (.owl, which owlready2 and Protégé load directly), N-Triples and JSON-LD,
each stamped with the package version as owl:versionIRI and owl:versionInfo, and HTML documentation made
by pyLODE from the same graph (every class, property and concept with its zh and en labels).
"""

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from edugraph import __version__, settings
from edugraph.errors import OutputError
from edugraph.rdf.formats import atomic_write_bytes
from edugraph.namespaces import ONTOLOGY_IRI, bind_prefixes

# file name → rdflib serializer: the release formats.
RELEASE_FORMATS = {
    "edugraph.ttl": "turtle",
    "edugraph.owl": "xml",        # RDF/XML, the format OWL tools expect
    "edugraph.nt": "nt",
    "edugraph.rdf.jsonld": "json-ld",
}
DOCS_NAME = "index.html"


@dataclass
class Release:
    folder: Path
    files: list = field(default_factory=list)
    triples: int = 0
    version_iri: str = ""


def release_graph(source=None):
    """The ontology graph with its version stamped from edugraph's own version (one source of truth)."""
    graph = bind_prefixes(Graph()).parse(source or settings.ONTOLOGY_PATH, format="turtle")
    ontology = URIRef(ONTOLOGY_IRI)
    graph.set((ontology, OWL.versionIRI, URIRef(f"{ONTOLOGY_IRI}/{__version__}")))
    graph.set((ontology, OWL.versionInfo, Literal(__version__)))
    return graph


def documentation(graph):
    """HTML documentation of the ontology, by pyLODE. pyLODE reads every skos:ConceptScheme as a second
    ontology header (their titles and IRIs would be merged into the page's): it is given the schemes as
    plain resources, and their concepts are documented as the individuals they are."""
    import logging

    root = logging.getLogger()
    level = root.level
    from pylode import OntPub  # imported late: only this command needs it; it sets the root logger to DEBUG
    docs = Graph()
    for triple in graph:
        if not (triple[1] == RDF.type and triple[2] == SKOS.ConceptScheme):
            docs.add(triple)
    for prefix, namespace in graph.namespaces():
        docs.bind(prefix, namespace, replace=True)
    try:
        root.setLevel(logging.WARNING)
        return OntPub(ontology=docs, sort_subjects=True).make_html(include_css=True)
    finally:
        root.setLevel(level)


def release_ontology(folder, docs=True, source=None):
    """Write every release format (and, with docs, the HTML documentation) into `folder`."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError("expected a folder for the release, found a file", path=folder)
    graph = release_graph(source)
    release = Release(folder, triples=len(graph), version_iri=f"{ONTOLOGY_IRI}/{__version__}")
    for name, rdf_format in RELEASE_FORMATS.items():
        data = graph.serialize(format=rdf_format, encoding="utf-8")
        atomic_write_bytes(folder / name, data)
        release.files.append(folder / name)
    if docs:
        atomic_write_bytes(folder / DOCS_NAME, documentation(graph).encode("utf-8"))
        release.files.append(folder / DOCS_NAME)
    return release
