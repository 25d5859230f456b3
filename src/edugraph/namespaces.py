"""The one source of truth for namespaces and prefixes."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

EDU = Namespace("https://w3id.org/edugraph/ontology#")
ID = Namespace("https://w3id.org/edugraph/id/")
STAGE = Namespace("https://w3id.org/edugraph/stage/")
LEVEL = Namespace("https://w3id.org/edugraph/level/")
DIVISION = Namespace("https://w3id.org/edugraph/division/")  # GB/T 2260 codes: division/371000
SOFTWARE = Namespace("https://w3id.org/edugraph/software/")
DOCTYPE = Namespace("https://w3id.org/edugraph/doctype/")
ORG = Namespace("http://www.w3.org/ns/org#")
SPDX = Namespace("http://spdx.org/rdf/terms#")

ONTOLOGY_IRI = "https://w3id.org/edugraph/ontology"

PREFIXES = {
    "edu": EDU,
    "id": ID,
    "stage": STAGE,
    "level": LEVEL,
    "division": DIVISION,
    "doctype": DOCTYPE,
    "dct": DCTERMS,
    "skos": SKOS,
    "org": ORG,
    "prov": PROV,
    "spdx": SPDX,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}


def bind_prefixes(graph):
    """Bind the project prefixes on an rdflib graph (replacing rdflib defaults)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def sparql_prologue():
    """PREFIX lines for every project prefix, for queries that omit them."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
