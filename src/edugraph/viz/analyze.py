"""Network figures over the corpus, as tables (CSV) for researchers to cite:

- cited-documents: documents by how many plans and tasks cite them (in-degree in the citation graph);
- bodies, initiatives: centrality in the projection of the bipartite graph (body or initiative × the task
  stating it; a preamble or section's own text counts as one "task") onto bodies or initiatives: two are
  linked when one task names both. Degree centrality and betweenness (normalised, unweighted) are of that
  projected graph; `tasks` is the degree in the bipartite graph;
- stage-coverage: per section, how many of its measures (its tasks' included) concern each stage.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path


from edugraph import settings
from edugraph.rdf.formats import atomic_write_bytes
from edugraph.lazy import lazy_module
from edugraph.reading.layout import display_width
from edugraph.namespaces import EDU
from edugraph.viz.data import CorpusData, short_iri

nx = lazy_module("networkx")  # loaded when a figure is computed, not when the CLI starts


@dataclass
class Table:
    name: str
    title: str
    header: list
    rows: list = field(default_factory=list)


def _plan_id(data, node):
    return short_iri(data.plan_of(node)).split(":")[-1]


def cited_documents(data):
    G = nx.DiGraph()  # citing part's owner (task, section or plan) → document (which may be a plan)
    for part, document in data.graph.subject_objects(EDU.cites):
        G.add_edge(data.owner(part), document, plan=data.plan_of(part))
    rows = []
    for document in {target for _, target in G.edges()}:
        citing = list(G.in_edges(document, data=True))
        tasks = {owner for owner, _, _ in citing if data.cls(owner) == "Task"}
        plans = {attrs["plan"] for _, _, attrs in citing}
        rows.append([str(document), data.name(document), data.value(document, EDU.documentNumber) or "",
                     len(plans), len(tasks), G.in_degree(document)])
    rows.sort(key=lambda r: (-r[3], -r[4], r[1], r[0]))  # the IRI last: ties in the same order whatever the store
    return Table("cited-documents", "most-cited documents (citing plans, citing tasks)",
                 ["document", "title", "number", "plans", "tasks", "citing_parts"], rows)


def _centrality(data, prop, cls, name, title, extra):
    """Bipartite thing × owner graph, projected onto the things; centrality of the projection."""
    B = nx.Graph()
    plans = {}
    for part, thing in data.graph.subject_objects(prop):
        if data.cls(thing) == cls:
            B.add_node(thing, side=0)
            B.add_edge(thing, data.owner(part))
            plans.setdefault(thing, set()).add(data.plan_of(part))
    things = [n for n, side in B.nodes(data="side") if side == 0]
    P = nx.bipartite.projected_graph(B, things)
    degree, between = nx.degree_centrality(P), nx.betweenness_centrality(P)
    rows = [[str(t), data.name(t), *[f(t) for f in extra.values()], len(plans[t]), B.degree(t),
             P.degree(t), round(degree[t], 4), round(between[t], 4)] for t in things]
    rows.sort(key=lambda r: (-r[-1], -r[-2], r[1], r[0]))
    return Table(name, title, [cls.lower(), "name", *extra, "plans", "tasks", "partners",
                               "degree_centrality", "betweenness"], rows)


def bodies(data):
    return _centrality(data, EDU.mentionsBody, "Organization", "bodies",
                       "most central bodies (projection onto bodies named by one task; by betweenness)",
                       {"jurisdiction": lambda b: data.value(b, EDU.jurisdiction) or ""})


def initiatives(data):
    return _centrality(data, EDU.mentionsInitiative, "Initiative", "initiatives",
                       "most central initiatives (projection onto initiatives named by one task; by betweenness)",
                       {})


def stage_coverage(data):
    stages = data.stage_order()
    rows = []
    for plan in data.plans():
        for section in data.children(plan, EDU.hasSection):
            measures, below = list(data.children(section, EDU.hasMeasure)), list(data.children(section, EDU.hasTask))
            while below:  # tasks at every depth
                task = below.pop()
                measures += data.children(task, EDU.hasMeasure)
                below += data.children(task, EDU.hasSubtask)
            counts = {key: 0 for key in stages}
            for measure in measures:
                for key in data.stages(measure):
                    counts[key] = counts.get(key, 0) + 1
            rows.append([_plan_id(data, section), data.value(section, EDU.numbering) or "",
                         data.label(section) or "", len(measures), *(counts[key] for key in stages)])
    return Table("stage-coverage", "stage coverage per section (measures concerning each stage)",
                 ["plan", "section", "title", "measures", *stages], rows)


FIGURES = {"cited-documents": cited_documents, "bodies": bodies, "initiatives": initiatives,
           "stage-coverage": stage_coverage}


def analyze(graph):
    """{name: Table} of every figure, over an rdflib Graph or Dataset."""
    data = CorpusData(graph)
    return {name: figure(data) for name, figure in FIGURES.items()}


def to_csv(table):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.header)
    writer.writerows(table.rows)
    return buffer.getvalue()


def summary(table, top):
    """A readable text table of the first `top` rows (all for the matrix), IRI column left out."""
    skip = 0 if table.name == "stage-coverage" else 1
    rows = table.rows if table.name == "stage-coverage" else table.rows[:top]
    cells = [[str(c) for c in row[skip:]] for row in [table.header] + rows]
    widths = [max(display_width(r[i]) for r in cells) for i in range(len(cells[0]))]
    lines = ["  ".join(c + " " * (w - display_width(c)) for c, w in zip(row, widths)).rstrip() for row in cells]
    return f"== {table.title}\n" + "\n".join(lines) + "\n"


def run_analysis(graph, out_dir=None, top=None):
    """Compute every figure, write each as DIR/NAME.csv (atomically) and return the printed summary."""
    out_dir = Path(out_dir or settings.ANALYSIS_DIR)
    tables = analyze(graph)
    for table in tables.values():
        atomic_write_bytes(out_dir / f"{table.name}.csv", to_csv(table).encode("utf-8"))
    text = "\n".join(summary(t, top or settings.ANALYZE_TOP) for t in tables.values())
    return text + f"\nwrote {', '.join(f'{name}.csv' for name in tables)} → {out_dir}\n"
