"""SSSOM mapping tables (https://w3id.org/sssom/): the exchange format for alignments between plans."""

from edugraph import __version__
from edugraph.rdf.formats import atomic_write_bytes
from edugraph.namespaces import ID

COLUMNS = ("subject_id", "subject_label", "predicate_id", "object_id", "object_label",
           "mapping_justification", "confidence", "mapping_tool", "comment")
CURIE_MAP = {
    "id": str(ID),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "semapv": "https://w3id.org/semapv/vocab/",
}


def _curie(iri):
    for prefix, namespace in CURIE_MAP.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _cell(text):
    return " ".join(str(text).split())  # no tabs or newlines inside a TSV cell


def sssom_tsv(candidates, lower_plan, higher_plan):
    """The proposed links (those above the relatedMatch threshold) as SSSOM/TSV text."""
    lower_id, higher_id = str(lower_plan).rsplit("/", 1)[-1], str(higher_plan).rsplit("/", 1)[-1]
    header = ["#curie_map:"] + [f"#  {p}: {ns}" for p, ns in CURIE_MAP.items()] + [
        f"#mapping_set_id: {ID[f'alignment/{lower_id}/{higher_id}']}",
        f"#mapping_set_description: tasks and measures of {lower_id} aligned to {higher_id}",
        "#license: https://creativecommons.org/licenses/by/4.0/",
        f"#mapping_tool: edugraph {__version__}",
    ]
    rows = ["\t".join(COLUMNS)]
    for c in candidates:
        if c.predicate is None:
            continue
        rows.append("\t".join(_cell(v) for v in (
            _curie(c.lower.iri), c.lower.title, "skos:" + str(c.predicate).rsplit("#", 1)[-1], _curie(c.higher.iri),
            c.higher.title, "semapv:CompositeMatching", f"{c.score:.4f}", f"edugraph {__version__}", c.evidence)))
    return "\n".join(header + rows) + "\n"


def write_sssom(candidates, lower_plan, higher_plan, path):
    atomic_write_bytes(path, sssom_tsv(candidates, lower_plan, higher_plan).encode("utf-8"))
