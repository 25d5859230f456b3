"""Precision and recall of the semantic extraction against hand labels (tests/labels/<plan-id>.yaml).

Facts are compared as keys: a target is (measure, value, min, max, unit); a citation is (measure,
document, relation) where the document is its 文号 when the label gives one, else its normalised title;
a stage tag is (measure, stage). The built RDF is what is compared, i.e. what users query.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml
from rdflib.namespace import RDFS

from edugraph.semantics.documents import DocumentRegistry, load_curated
from edugraph.structure.metadata import normalise_document_number
from edugraph.namespaces import EDU, ID, STAGE

FACT_TYPES = ("targets", "citations", "stages")


@dataclass
class Score:
    gold: set = field(default_factory=set)
    found: set = field(default_factory=set)

    @property
    def true_positives(self):
        return len(self.gold & self.found)

    @property
    def precision(self):
        return self.true_positives / len(self.found) if self.found else 1.0

    @property
    def recall(self):
        return self.true_positives / len(self.gold) if self.gold else 1.0


def _number(value):
    return None if value is None else Decimal(str(value)).normalize()


def gold_facts(path, registry):
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    targets = {(t["measure"], _number(t.get("value")), _number(t.get("min")), _number(t.get("max")), t["unit"])
               for t in data.get("targets") or []}
    citations = set()
    for c in data.get("citations") or []:
        document = normalise_document_number(c["document_number"]) if c.get("document_number") \
            else registry.title_key(c["title"])
        citations.add((c["measure"], document, c.get("relation", "cites")))
    stages = {(measure, stage) for measure, tags in (data.get("stages") or {}).items() for stage in tags}
    return {"targets": targets, "citations": citations, "stages": stages}


def found_facts(graph, plan_id, registry, gold_citations):
    prefix = f"{ID[plan_id]}/"
    numbers_in_gold = {doc for _, doc, _ in gold_citations if "〔" in doc}
    path = lambda node: str(node)[len(prefix):]  # noqa: E731
    targets, citations, stages = set(), set(), set()
    for measure in graph.subjects(EDU.inPlan, ID[plan_id]):
        if not str(measure).startswith(prefix) or "/measure/" not in str(measure) \
                or str(measure).count("/measure/") != 1 or not str(measure).rsplit("/", 1)[-1].isdigit():
            continue
        for target in graph.objects(measure, EDU.hasTarget):
            value = lambda p: _number(graph.value(target, p).toPython()) if graph.value(target, p) else None  # noqa: E731
            targets.add((path(measure), value(EDU.value), value(EDU.minValue), value(EDU.maxValue),
                         str(graph.value(target, EDU.unit))))
        for relation, prop in (("cites", EDU.cites), ("plansToIssue", EDU.plansToIssue)):
            for doc in graph.objects(measure, prop):
                number = graph.value(doc, EDU.documentNumber)
                title = graph.value(doc, RDFS.label)
                key = str(number) if number is not None and str(number) in numbers_in_gold \
                    else registry.title_key(str(title or number))
                citations.add((path(measure), key, relation))
        for stage in graph.objects(measure, EDU.concernsStage):
            stages.add((path(measure), str(stage)[len(str(STAGE)):]))
    return {"targets": targets, "citations": citations, "stages": stages}


def evaluate(graph, labels_folder):
    """{plan id: {fact type: Score}} for every labels file whose plan is in the graph."""
    registry = DocumentRegistry(load_curated())
    scores = {}
    for label_file in sorted(Path(labels_folder).glob("*.yaml")):
        plan_id = label_file.stem
        gold = gold_facts(label_file, registry)
        found = found_facts(graph, plan_id, registry, gold["citations"])
        scores[plan_id] = {kind: Score(gold[kind], found[kind]) for kind in FACT_TYPES}
    return scores


def totals(scores):
    out = {}
    for kind in FACT_TYPES:
        total = Score()
        for plan_id, by_kind in scores.items():
            total.gold |= {(plan_id, *k) for k in by_kind[kind].gold}
            total.found |= {(plan_id, *k) for k in by_kind[kind].found}
        out[kind] = total
    return out


@dataclass
class AlignmentScore:
    tasks: int = 0          # labelled lower units with at least one gold match
    correct_at_1: int = 0   # whose top candidate is a gold best match
    gold_pairs: int = 0     # gold best pairs
    found_pairs: int = 0    # of those, proposed as a link (closeMatch or relatedMatch)
    identical: int = 0      # labelled identical units (near-copies) with a gold best match
    identical_close: int = 0  # of those, linked to a best match by skos:closeMatch

    @property
    def precision_at_1(self):
        return self.correct_at_1 / self.tasks if self.tasks else 1.0

    @property
    def recall(self):
        return self.found_pairs / self.gold_pairs if self.gold_pairs else 1.0

    @property
    def identical_as_close(self):
        return self.identical_close / self.identical if self.identical else 1.0

    def __add__(self, other):
        return AlignmentScore(*(a + b for a, b in zip(self._values(), other._values())))

    def _values(self):
        return (self.tasks, self.correct_at_1, self.gold_pairs, self.found_pairs, self.identical,
                self.identical_close)


# Provinces whose pairs the alignment's weights and thresholds were tuned on; figures on the others are
# measured on plans nobody tuned on (tests/labels/alignment/README.md). Fixed before any score was seen.
TUNED_HIGHER = ("shandong-2016", "anhui-2015", "liaoning-2015")


def evaluate_alignment(candidates, label_file, lower_plan, higher_plan):
    """Precision@1, recall and near-copies linked as closeMatch, against tests/labels/alignment/<lower>.yaml.
    Units are the labelled deepest numbered items (task/… or section/… ids)."""
    data = yaml.safe_load(Path(label_file).read_text(encoding="utf-8")) or {}
    lower, higher = str(ID[lower_plan]) + "/", str(ID[higher_plan]) + "/"
    top, linked, close = {}, set(), set()
    for candidate in candidates:
        if candidate.lower.kind != "task":
            continue
        low, high = candidate.lower.iri[len(lower):], candidate.higher.iri[len(higher):]
        top.setdefault(low, high)  # candidates come best first per unit
        if candidate.predicate is not None:
            linked.add((low, high))
            if str(candidate.predicate).endswith("closeMatch"):
                close.add((low, high))
    score = AlignmentScore()
    for unit, match in (data.get("matches") or {}).items():
        best = set(match.get("best") or [])
        if not best:
            continue
        score.tasks += 1
        score.correct_at_1 += top.get(unit) in best
        score.gold_pairs += len(best)
        score.found_pairs += len({(unit, b) for b in best} & linked)
        if match.get("identical"):
            score.identical += 1
            score.identical_close += bool({(unit, b) for b in best} & close)
    return score
