"""The views: a registry name → function(CorpusData, **options) → networkx.DiGraph.

Nodes are keyed by IRI (literals by column or predicate and value) and carry what the page needs: kind (the
class), label / label_en, text (exact source text of a span), details, plan, sections and stages (for the
page's filters). Drawing is render.py's job; these only decide what is connected to what."""

from collections import Counter
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from edugraph.errors import QueryError
from edugraph.lazy import lazy_module
from edugraph.namespaces import EDU, STAGE
from edugraph.serving.queries import run_query
from edugraph.viz.data import FACTS, CorpusData, short_iri, stage_key

nx = lazy_module("networkx")  # 0.4 s to import: only when a view is drawn, not when the CLI lists them

SPANS = ("Preamble", "Section", "Task", "Measure", "QuantitativeTarget")
QUOTED = ("Task", "Measure", "QuantitativeTarget")  # spans a tooltip quotes (a section would be pages)


def node_key(term, column=None):
    if isinstance(term, Literal):
        return f"literal:{column}:{term.n3()}"  # a literal is shared within one column or predicate only
    return str(term)


def add_node(G, data, term, column=None):
    key = node_key(term, column)
    if key in G:
        return key
    kind = data.cls(term)
    attrs = {"kind": kind, "label": data.name(term), "details": []}
    if isinstance(term, URIRef):
        attrs.update(iri=str(term), label_en=data.label(term, "en"))
        if kind in QUOTED:
            attrs["text"] = data.source_text(term)
    plan = data.plan_of(term) if isinstance(term, URIRef) else None
    if plan is not None:
        attrs["plan"] = str(plan)
        if kind != "Plan":
            attrs["details"].append(("规划 plan", short_iri(plan)))
    if kind == "Plan":
        attrs["sections"] = {str(s) for s in data.graph.objects(term, EDU.hasSection)}
        number = data.value(term, EDU.documentNumber)
        if number:
            attrs["details"].append(("文号 number", number))
    elif kind in SPANS:
        section = data.section_of(term)
        attrs["sections"] = {str(section)} if section is not None else set()
    if kind in SPANS or kind == "Plan":
        attrs["stages"] = data.scope_stages(term)
    if kind in ("Section", "Task"):
        attrs["label"] = f"{data.value(term, EDU.numbering) or ''}{attrs['label']}"
    if kind == "Measure" and term in data.parent:
        attrs["details"].append(("上级 part of", data.name(data.parent[term])))
    if kind == "PolicyDocument" and data.value(term, EDU.documentNumber):
        attrs["details"].append(("文号 number", data.value(term, EDU.documentNumber)))
    if kind == "EducationStage":
        attrs["stages"] = {stage_key(term)}
    G.add_node(key, **attrs)
    return key


def link(G, data, source, target, label, column=(None, None), count=True):
    """An edge; saying the same thing again adds to its weight (count=False for structure edges)."""
    a, b = add_node(G, data, source, column[0]), add_node(G, data, target, column[1])
    if G.has_edge(a, b):
        G.edges[a, b]["weight"] += 1 if count else 0
    else:
        G.add_edge(a, b, label=label, weight=1)


def inherit_context(G):
    """Nodes outside the plan structure (documents, bodies, stages…) take the sections and stages of the
    parts they are linked to, so that filtering by a section keeps the bodies that section names."""
    for key, attrs in G.nodes(data=True):
        attrs.setdefault("plan", None)
        spans = [G.nodes[other] for other in nx.all_neighbors(G, key) if G.nodes[other]["kind"] in SPANS]
        for name in ("sections", "stages"):
            if name not in attrs:
                attrs[name] = set().union(*(other.get(name, set()) for other in spans))
    return G


def _in_plans(data, plan):
    return {str(p) for p in data.plans(plan)}


def _facts(data, prop, plan):
    """(part, object) for every `prop` statement by a part of the selected plans."""
    plans = _in_plans(data, plan)
    return [(part, obj) for part, obj in sorted(data.graph.subject_objects(prop))
            if str(data.plan_of(part)) in plans]


# Edges from a node of the outline to its parts, in drawing order: measures first, then numbered items.
OUTLINE_EDGES = (("hasMeasure", EDU.hasMeasure), ("hasSection", EDU.hasSection), ("hasTask", EDU.hasTask),
                 ("hasSubtask", EDU.hasSubtask))


def outline(data, plan=None):
    """Plan → sections → tasks at every depth → measures (a flat list's tasks hang off the plan)."""
    G = nx.DiGraph(layout="tree")
    for p in data.plans(plan):
        add_node(G, data, p)
        _outline_below(G, data, p)
    return G


def _outline_below(G, data, node):
    for name, prop in OUTLINE_EDGES:
        for child in data.children(node, prop):
            link(G, data, node, child, name)
            if name != "hasMeasure":
                _outline_below(G, data, child)


def implementation(data, plan=None):
    """The implementation tree: each document → the plans that say they carry it out (edu:implements),
    drawn from the top (national) down, so the chain city → province → nation reads left to right."""
    G = nx.DiGraph(layout="tree")
    chosen = set(data.plans(plan))
    for lower in data.plans():
        for higher in data.graph.objects(lower, EDU.implements):
            if lower in chosen or higher in chosen:  # a chosen plan's implementers count too
                link(G, data, higher, lower, "implementedBy", count=False)
    for lower in chosen:
        add_node(G, data, lower)
    return G


def _owner_graph(data, props, plan):
    """Facts drawn on the task (else section, else plan) stating them, with each owner tied to its plan."""
    G = nx.DiGraph()
    for prop in props:
        for part, obj in _facts(data, prop, plan):
            owner = data.owner(part)
            link(G, data, owner, obj, short_iri(prop).split(":")[-1])
            if data.cls(owner) != "Plan":
                link(G, data, data.plan_of(owner), owner, "hasPart", count=False)
    return G


def policies(data, plan=None):
    G = _owner_graph(data, (EDU.cites, EDU.plansToIssue), plan)
    # A cited document that is itself a plan in the data (same 文号) closes the implementation chain.
    numbers = {data.value(p, EDU.documentNumber): p for p in data.plans() if data.value(p, EDU.documentNumber)}
    for key, attrs in list(G.nodes(data=True)):
        if attrs["kind"] == "PolicyDocument":
            number = data.value(URIRef(key), EDU.documentNumber)
            if number and number in numbers:
                link(G, data, URIRef(key), numbers[number], "sameDocumentNumber")
    return G


def stages(data, plan=None):
    G = nx.DiGraph()
    for stage in data.stage_order():
        add_node(G, data, STAGE[stage])
    for key in list(G):
        for broader in data.graph.objects(URIRef(key), SKOS.broader):
            link(G, data, URIRef(key), broader, "broader")
    counts = Counter()
    for part, stage in _facts(data, EDU.concernsStage, plan):
        counts[data.owner(part), stage] += 1
    for (owner, stage), count in sorted(counts.items()):
        link(G, data, owner, stage, "concernsStage")
        G.edges[str(owner), str(stage)]["weight"] = count
        if data.cls(owner) != "Plan":
            link(G, data, data.plan_of(owner), owner, "hasPart", count=False)
    return G


def bodies(data, plan=None):
    G = nx.DiGraph()
    for part, body in _facts(data, EDU.mentionsBody, plan):  # named, assigned or not (edu:responsibleBody ⊑ it)
        link(G, data, part, body, "mentionsBody")
    return G


def initiatives(data, plan=None):
    G = nx.DiGraph()
    for part, initiative in _facts(data, EDU.mentionsInitiative, plan):
        link(G, data, part, initiative, "mentionsInitiative")
        link(G, data, data.plan_of(part), part, "hasPart", count=False)
    return G


def task(data, task=None):
    if not task:
        raise QueryError("view 'task' needs --task IRI (e.g. https://w3id.org/edugraph/id/weihai-2022/task/5)")
    node = URIRef(task)
    if data.cls(node) != "Task":
        raise QueryError(f"no task <{task}> in the data; `edugraph query outline` lists tasks")
    G = nx.DiGraph()
    # The chain of parents up to the plan: section, or the items above a subtask.
    chain, parent = [node], data.parent.get(node)
    while parent is not None and parent != data.plan_of(node):
        chain.insert(0, parent)
        parent = data.parent.get(parent)
    link(G, data, data.plan_of(node), chain[0], "hasSection" if data.cls(chain[0]) == "Section" else "hasTask")
    for upper, lower in zip(chain, chain[1:]):
        link(G, data, upper, lower, "hasSubtask" if data.cls(upper) == "Task" else "hasTask")
    for part in [node] + data.children(node, EDU.hasMeasure):
        if part != node:
            link(G, data, node, part, "hasMeasure")
        for prop in FACTS:
            for obj in sorted(data.graph.objects(part, prop)):
                link(G, data, part, obj, short_iri(prop).split(":")[-1])
    return G


def query(data, query=None, params=None):
    """A saved query's result as a graph: a CONSTRUCT's triples, or each SELECT row's terms chained in
    column order (nodes shared across rows, so rows that meet at a term join up)."""
    if not query:
        raise QueryError("view 'query' needs --query NAME (see `edugraph queries`) or a .rq file")
    result = run_query(query, data.graph, params)
    G = nx.DiGraph()
    if result.graph is not None:
        for s, p, o in sorted(result.graph):
            name = short_iri(p)
            link(G, data, s, o, name, column=(name, name))
        return G
    if result.variables == ["ask"]:
        raise QueryError(f"query {query!r} is an ASK query: it has no rows or triples to draw")
    for row in result.rows:
        terms = [(var, term) for var, term in zip(result.variables, row) if term is not None]
        for var, term in terms:
            add_node(G, data, term, var)
        for (var_a, a), (var_b, b) in zip(terms, terms[1:]):
            link(G, data, a, b, f"{var_a}→{var_b}", column=(var_a, var_b))
    return G


@dataclass(frozen=True)
class View:
    function: object
    options: tuple   # which of plan / task / query+params it takes
    description: str


VIEWS = {
    "outline": View(outline, ("plan",), "plan → sections → tasks → measures, as a left-to-right tree"),
    "implementation": View(implementation, ("plan",), "the implementation tree: nation → province → city"),
    "policies": View(policies, ("plan",), "cited and planned documents × the tasks naming them"),
    "stages": View(stages, ("plan",), "education stages × the tasks whose text concerns them"),
    "bodies": View(bodies, ("plan",), "organisations × the measures that name them"),
    "initiatives": View(initiatives, ("plan",), "named initiatives × the parts (and plans) mentioning them"),
    "task": View(task, ("task",), "one task: its section, plan, measures and everything they link to"),
    "query": View(query, ("query", "params"), "a saved SELECT or CONSTRUCT query's result as a graph"),
}


def build_view(name, graph, **options):
    """The networkx graph of view `name` over an rdflib Graph or Dataset. Options not given are None."""
    if name not in VIEWS:
        raise QueryError(f"no view named {name!r}; expected one of {', '.join(VIEWS)}")
    view = VIEWS[name]
    given = {key for key, value in options.items() if value}
    extra = sorted(given - set(view.options))
    if extra:
        flag = {"params": "param"}.get(extra[0], extra[0])
        raise QueryError(f"view {name!r} does not take --{flag}")
    data = graph if isinstance(graph, CorpusData) else CorpusData(graph)
    G = view.function(data, **{key: options.get(key) for key in view.options})
    G.graph.update(view=name, title=f"edugraph · {name}")
    return inherit_context(G)
