"""Precision and recall of the citable facts (targets with what they count, bodies with their role,
programmes, goals, planned documents) against hand labels in tests/labels/facts/<plan-id>.yaml.

A label is anchored by `at`, a substring that occurs exactly once in the plan's text; a found fact matches
a label when its span overlaps the labelled one and its key agrees (a body's name and role, a target's
numbers and unit, a programme's name, a goal's deadline year, a planned document's normalised title;
`also` lists other acceptable names). The built RDF is what is compared, i.e. what users query.
"""

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml
from rdflib import URIRef
from rdflib.namespace import RDFS

from edugraph.semantics.documents import DocumentRegistry, load_curated
from edugraph.errors import InputError
from edugraph.namespaces import EDU, ID
from edugraph.semantics.initiatives import normalise_name

FACT_KINDS = ("targets", "counted", "bodies", "programmes", "goals", "planned_documents")


@dataclass
class FactScore:
    gold: int = 0
    found: int = 0
    matched: int = 0
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)

    @property
    def precision(self):
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self):
        return self.matched / self.gold if self.gold else 1.0

    def __iadd__(self, other):
        self.gold += other.gold
        self.found += other.found
        self.matched += other.matched
        self.misses += other.misses
        self.extras += other.extras
        return self


def _number(value):
    return None if value is None else Decimal(str(value)).normalize()


def label_set(data):
    """Which set a labels file belongs to: tuned (the rules were developed on it); seen-N (labelled blind in
    round N, but its errors were read when rules changed later); untuned (round 1) or untuned-N (round N),
    never looked at while changing a rule."""
    if data.get("tuned", False):
        return "tuned"
    round_ = data.get("round", 1)
    if data.get("seen", False):
        return f"seen-{round_}"
    return "untuned" if round_ == 1 else f"untuned-{round_}"


def load_labels(path, text):
    """(set, labels) of one plan, each fact's (start, end) located in `text`; only the kinds the file
    says it labels (`labelled`, default all) are there."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    labels = {}
    for kind in data.get("labelled") or ("targets", "bodies", "programmes", "goals", "planned_documents"):
        labels[kind] = []
        for entry in data.get(kind) or []:
            at = entry["at"]
            if text.count(at) != 1:
                raise InputError(f"label anchor {at!r} occurs {text.count(at)} times (expected once)", path=path)
            a = text.index(at)
            inner = entry.get("text") if kind == "targets" else entry.get("name") if kind == "bodies" else None
            if inner:
                a += at.index(inner)
            labels[kind].append({**entry, "span": (a, a + len(inner or at))})
    return label_set(data), labels


QUERIES = {
    "targets": """SELECT ?s ?e ?value ?min ?max ?unit ?counted WHERE {
        ?t a edu:QuantitativeTarget ; edu:inPlan ?plan ; edu:startOffset ?s ; edu:endOffset ?e ; edu:unit ?unit .
        OPTIONAL { ?t edu:value ?value } OPTIONAL { ?t edu:minValue ?min } OPTIONAL { ?t edu:maxValue ?max }
        OPTIONAL { ?t edu:counts/rdfs:label ?counted } }""",
    "bodies": """SELECT ?s ?e ?name ?role WHERE {
        ?m a edu:Mention ; edu:inPlan ?plan ; edu:startOffset ?s ; edu:endOffset ?e ; edu:role ?role ;
           edu:refersTo/rdfs:label ?name . }""",
    "programmes": """SELECT ?s ?e ?name WHERE {
        ?m a edu:Mention ; edu:inPlan ?plan ; edu:startOffset ?s ; edu:endOffset ?e ; edu:refersTo ?i .
        ?i a edu:Initiative ; rdfs:label ?name . }""",
    "goals": """SELECT ?s ?e ?year WHERE {
        ?g a edu:Goal ; edu:inPlan ?plan ; edu:startOffset ?s ; edu:endOffset ?e .
        OPTIONAL { ?g edu:deadlineYear ?year } }""",
    "planned_documents": """SELECT ?s ?e ?title WHERE {
        ?owner edu:hasMention ?m ; edu:plansToIssue ?d . ?m edu:refersTo ?d ; edu:inPlan ?plan ;
           edu:startOffset ?s ; edu:endOffset ?e . ?d rdfs:label ?title . }""",
}


def found_facts(graph, plan_id):
    plan = URIRef(ID[plan_id])
    out = {}
    for kind, query in QUERIES.items():
        rows = graph.query(query, initNs={"edu": EDU, "rdfs": RDFS},
                           initBindings={"plan": plan})
        out[kind] = [tuple(None if v is None else v.toPython() for v in row) for row in rows]
    return out


def _names(entry, key):
    return {normalise_name(str(n)) for n in [entry[key], *(entry.get("also") or [])]}


def _agrees(kind, entry, row, registry):
    if kind == "targets":
        _, _, value, low, high, unit, _ = row
        # A unit as printed (full-width ％) and as normalised by the extractor (%) are the same unit.
        return (_number(entry.get("value")), _number(entry.get("min")), _number(entry.get("max")), _unit(entry["unit"])) \
            == (_number(value), _number(low), _number(high), _unit(unit))
    if kind == "bodies":
        return normalise_name(row[2]) in _names(entry, "name") and row[3] == entry["role"]
    if kind == "programmes":
        return normalise_name(row[2]) in _names(entry, "name")
    if kind == "goals":
        return (row[2] if row[2] is None else int(row[2])) == entry.get("deadline")
    titles = {registry.title_key(t) for t in [entry["title"], *(entry.get("also") or [])]}
    return registry.title_key(str(row[2])) in titles


def _unit(unit):
    """A unit as printed (full-width ％) and as normalised by the extractor (%) are the same unit; so are a unit
    with its counting word and without it (5个工作日 and 5工作日, 3个月 and 3月: labellers write both)."""
    unit = unicodedata.normalize("NFKC", str(unit))
    return unit[1:] if unit.startswith("个") and len(unit) > 1 else unit


def score_plan(graph, plan_id, label_path, text):
    """{fact kind: FactScore} for one labelled plan."""
    registry = DocumentRegistry(load_curated())
    _, labels = load_labels(label_path, text)
    found = found_facts(graph, plan_id)
    scores = {kind: FactScore() for kind in FACT_KINDS}
    for kind, gold in labels.items():  # kinds a file does not label are not scored
        rows, used = found[kind], set()
        score = scores[kind]
        score.gold, score.found = len(gold), len(rows)
        for entry in gold:
            a, b = entry["span"]
            hit = next((i for i, row in enumerate(rows) if i not in used and int(row[0]) < b and a < int(row[1])
                        and _agrees(kind, entry, row, registry)), None)
            if hit is None:
                score.misses.append(f"{plan_id} {kind} {_in_context(text, a, b)} {_key(kind, entry)}")
                continue
            used.add(hit)
            score.matched += 1
            if kind == "targets":
                _count(scores["counted"], entry, rows[hit], f"{plan_id} counted {_in_context(text, a, b)}")
        score.extras += [f"{plan_id} {kind} {_in_context(text, int(r[0]), int(r[1]))} {r[2:]}"
                         for i, r in enumerate(rows) if i not in used]
    return scores


def _in_context(text, a, b, width=10):
    """text[a:b] in brackets with a few characters either side, on one line."""
    return (text[max(0, a - width):a] + "【" + text[a:b] + "】" + text[b:b + width]).replace("\n", "⏎")


def _count(score, entry, row, where):
    """What a matched target counts: right, empty (allowed) or wrong. Not scored for a frequency (每年举办一次
    X): labellers split on naming X (123 left it empty, 51 named it), so the labels hold no answer to score."""
    if entry.get("kind") == "frequency":
        return
    wanted = _names(entry, "counts") - {""} if entry.get("counts") else set()
    got = normalise_name(row[6] or "")
    score.gold += bool(wanted)
    score.found += bool(got)
    if got and got in wanted:
        score.matched += 1
    elif got or wanted:
        (score.extras if got else score.misses).append(f"{where} {got!r} (label {entry.get('counts')!r})")


def _key(kind, entry):
    return {k: v for k, v in entry.items() if k not in ("at", "span", "text")}


def evaluate_facts(graph, labels_folder, plans):
    """{plan id: (set, {fact kind: FactScore})} for every labels file whose plan is in `plans`
    (plan id → full text). `graph` holds the facts, or is a function plan id → a graph holding that plan's
    (corpus.plan_graph: a plan's own graph is read many times faster than a whole corpus)."""
    graph_of = graph if callable(graph) else (lambda _: graph)
    out = {}
    for path in sorted(Path(labels_folder).glob("*.yaml")):
        if path.stem in plans:
            which, _ = load_labels(path, plans[path.stem])
            out[path.stem] = (which, score_plan(graph_of(path.stem), path.stem, path, plans[path.stem]))
    return out


def totals(results, which):
    """Summed scores over the plans of one set: "tuned", "seen-1", "untuned-3" …"""
    total = {kind: FactScore() for kind in FACT_KINDS}
    for plan_set, scores in results.values():
        if plan_set == which:
            for kind in FACT_KINDS:
                total[kind] += scores[kind]
    return total
