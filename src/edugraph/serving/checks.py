"""Summaries and checks over a built graph: counts per class, data-quality (violation) queries."""

from dataclasses import dataclass

from edugraph.namespaces import EDU
from edugraph.serving.queries import bind, catalogue, execute

CLASS_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?count) WHERE { ?s a ?class }
GROUP BY ?class ORDER BY DESC(?count) ?class
"""


def class_counts(graph):
    """[(class IRI, number of instances)], edugraph classes first, largest first."""
    rows = execute(CLASS_COUNTS, graph, "class-counts").rows
    counts = [(str(cls), int(count)) for cls, count in rows]
    return sorted(counts, key=lambda item: (not item[0].startswith(str(EDU)), -item[1], item[0]))


@dataclass
class Violation:
    query: str
    title: str
    rows: list


def run_violation_checks(graph, folder=None):
    """Every *-violation query in the catalogue; returns those that found rows (empty list = clean)."""
    found = []
    for name, query in catalogue(folder).items():
        if query.is_violation:
            result = execute(bind(query), graph, name)
            if result.rows:
                found.append(Violation(name, query.title.get("en", name), result.to_dicts()))
    return found
