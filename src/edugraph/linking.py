"""Content alignment of one plan's tasks and measures with another's (a city plan with its province's).

Each pair gets a composite score from text similarity (TF-IDF cosine over words and character
bigrams), title similarity, and shared education stages, cited documents and initiatives. The best
candidates above a threshold become skos:closeMatch / skos:relatedMatch links with a reified
edu:Alignment record (score, method, evidence), and an SSSOM mapping table.
"""

import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from .errors import QueryError
from .namespaces import EDU, ID, bind_prefixes

METHOD = "edugraph-composite-1"
WEIGHTS = {"text": 0.5, "title": 0.3, "stages": 0.1, "citations": 0.05, "initiatives": 0.05}
# Score thresholds for skos:closeMatch / skos:relatedMatch, chosen on the hand-labelled city→province
# tasks (scripts/evaluate_alignment.py): at 0.2, 4 of ~1,700 wrong pairs pass and 73% of right ones.
CLOSE_MATCH, RELATED_MATCH = 0.4, 0.2
TOP_K = 3
# Words every arts-education or work plan repeats; they say nothing about which task matches which.
STOP_WORDS = set("""
加强 推进 建立 完善 开展 积极 全面 进一步 工作 学校 学生 教育 各级 各类 相关 有关 部门 要求 提高 提升 实施 落实
健全 建设 发展 推动 鼓励 支持 充分 注重 组织 机制 体系 水平 重要 按照 根据 通过 形成 坚持 深化 切实 不断 做好
""".split())
# The units aligned are a plan's deepest numbered items (a section with no items is one) and their
# measures. A leaf: a section or task of the plan with no numbered item below it.
LEAF = """?leaf edu:inPlan ?plan ; edu:depth ?depth .
  FILTER NOT EXISTS { ?leaf edu:hasTask|edu:hasSubtask ?child }"""
UNIT_QUERY = """
SELECT ?unit ?kind ?title ?part ?text WHERE {
  { ?unit edu:inPlan ?plan ; edu:depth ?depth ; rdfs:label ?title . FILTER (LANG(?title) = "zh")
    FILTER NOT EXISTS { ?unit edu:hasTask|edu:hasSubtask ?child }
    BIND ("task" AS ?kind)
    OPTIONAL { ?unit edu:hasMeasure ?part . ?part rdfs:label ?text } }
  UNION
  { %s
    ?leaf edu:hasMeasure ?unit . ?unit rdfs:label ?title .
    BIND ("measure" AS ?kind) BIND (?unit AS ?part) BIND (?title AS ?text) }
}""" % LEAF
FACT_QUERY = """
SELECT ?unit ?fact ?kind WHERE {
  %s
  ?leaf edu:hasMeasure? ?unit .
  { ?unit edu:concernsStage ?fact . BIND ("stages" AS ?kind) }
  UNION { ?unit edu:hasMeasure?/(edu:cites|edu:plansToIssue) ?fact . BIND ("citations" AS ?kind) }
  UNION { ?unit edu:hasMeasure?/edu:mentionsInitiative ?fact . BIND ("initiatives" AS ?kind) }
  UNION { ?unit edu:hasMeasure/edu:concernsStage ?fact . BIND ("stages" AS ?kind) }
}""" % LEAF


@dataclass
class Unit:
    iri: str
    kind: str                     # task | measure
    title: str
    text: str
    facts: dict = field(default_factory=lambda: {"stages": set(), "citations": set(), "initiatives": set()})


@dataclass
class Candidate:
    lower: Unit
    higher: Unit
    score: float
    parts: dict
    shared_terms: list

    @property
    def predicate(self):
        if self.score >= CLOSE_MATCH:
            return SKOS.closeMatch
        return SKOS.relatedMatch if self.score >= RELATED_MATCH else None

    @property
    def evidence(self):
        parts = ", ".join(f"{k} {v:.2f}" for k, v in self.parts.items() if k in ("text", "title"))
        shared = [f"{k}: {' '.join(sorted(_short(x) for x in self.lower.facts[k] & self.higher.facts[k]))}"
                  for k in ("stages", "citations", "initiatives") if self.lower.facts[k] & self.higher.facts[k]]
        terms = f"terms: {' '.join(self.shared_terms)}" if self.shared_terms else ""
        return "; ".join(filter(None, [parts, *shared, terms]))


def _measure_key(iri):
    tail = iri.rsplit("/", 1)[-1]
    return (int(tail) if tail.isdigit() else 0, iri)


def _short(iri):
    return iri.rsplit("/", 1)[-1]


def plan_units(graph, plan):
    """Tasks (title + the text of their measures) and measures of a plan, with their facts."""
    plan = URIRef(plan)
    units, parts = {}, {}
    for iri, kind, title, part, text in graph.query(UNIT_QUERY, initNs={"edu": EDU, "rdfs": RDFS},
                                                    initBindings={"plan": plan}):
        units.setdefault(str(iri), Unit(str(iri), str(kind), str(title), ""))
        if text is not None:
            parts.setdefault(str(iri), {})[str(part)] = str(text)
    # Measures in document order, whatever order the store returns them in (…/measure/2 before /10).
    for iri, texts in parts.items():
        units[iri].text = "\n".join(t for _, t in sorted(texts.items(), key=lambda item: _measure_key(item[0])))
    if not units:
        raise QueryError(f"no numbered items found for plan {plan} in the given data")
    for iri, fact, kind in graph.query(FACT_QUERY, initNs={"edu": EDU}, initBindings={"plan": plan}):
        if str(iri) in units:
            units[str(iri)].facts[str(kind)].add(str(fact))
    return sorted(units.values(), key=lambda u: u.iri)


def _features(text):
    """Words (jieba) and character bigrams of the Chinese text, stop words dropped."""
    import jieba  # imported late: loading its dictionary takes a second

    jieba.setLogLevel(logging.WARNING)  # it announces its dictionary on stderr otherwise
    chinese = "".join(re.findall(r"[\u4e00-\u9fff]+", text))
    words = [w for w in jieba.lcut(chinese) if len(w) >= 2 and w not in STOP_WORDS]
    bigrams = [chinese[i:i + 2] for i in range(len(chinese) - 1)]
    return Counter(words) + Counter(f"#{b}" for b in bigrams)


class _Space:
    """TF-IDF vectors over the units of both plans."""

    def __init__(self, texts):
        self.counts = [_features(t) for t in texts]
        documents = Counter(term for c in self.counts for term in c)
        self.idf = {t: math.log((1 + len(texts)) / (1 + n)) + 1 for t, n in documents.items()}
        self.vectors = [self._vector(c) for c in self.counts]

    def _vector(self, counts):
        vector = {t: (1 + math.log(n)) * self.idf[t] for t, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {t: v / norm for t, v in vector.items()}

    @staticmethod
    def cosine(a, b):
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(t, 0.0) for t, v in a.items())


def _jaccard(a, b):
    return len(a & b) / len(a | b) if a | b else 0.0


def align(lower_units, higher_units, top_k=TOP_K):
    """[Candidate] — for each lower unit, its best `top_k` higher units of the same kind."""
    out = []
    for kind in ("task", "measure"):
        lows = [u for u in lower_units if u.kind == kind]
        highs = [u for u in higher_units if u.kind == kind]
        if not lows or not highs:
            continue
        space = _Space([u.title + u.text for u in lows + highs])
        titles = _Space([u.title for u in lows + highs])
        for i, low in enumerate(lows):
            scored = []
            for j, high in enumerate(highs, len(lows)):
                parts = {"text": space.cosine(space.vectors[i], space.vectors[j]),
                         "title": titles.cosine(titles.vectors[i], titles.vectors[j]) if kind == "task" else 0.0}
                for fact in ("stages", "citations", "initiatives"):
                    parts[fact] = _jaccard(low.facts[fact], high.facts[fact])
                weights = WEIGHTS if kind == "task" else {**WEIGHTS, "text": WEIGHTS["text"] + WEIGHTS["title"],
                                                          "title": 0.0}
                score = sum(weights[k] * v for k, v in parts.items())
                scored.append((score, j, high, parts))
            scored.sort(key=lambda item: (-item[0], item[2].iri))
            for score, j, high, parts in scored[:top_k]:
                shared = sorted((t for t in space.counts[i] if not t.startswith("#") and t in space.counts[j]),
                                key=lambda t: -space.idf[t])[:5]
                out.append(Candidate(low, high, round(score, 4), parts, shared))
    return out


def alignment_graph(candidates, lower_plan, higher_plan):
    """skos:closeMatch / skos:relatedMatch links plus one edu:Alignment record per proposed link."""
    graph = bind_prefixes(Graph())
    lower_id, higher_id = _short(str(lower_plan)), _short(str(higher_plan))
    for index, candidate in enumerate(c for c in candidates if c.predicate is not None):
        low, high = URIRef(candidate.lower.iri), URIRef(candidate.higher.iri)
        graph.add((low, candidate.predicate, high))
        record = ID[f"alignment/{lower_id}/{higher_id}/{_path(candidate.lower.iri, lower_plan)}/"
                    f"{_path(candidate.higher.iri, higher_plan)}"]
        graph.add((record, RDF.type, EDU.Alignment))
        graph.add((record, EDU.alignedFrom, low))
        graph.add((record, EDU.alignedTo, high))
        graph.add((record, EDU.mappingPredicate, Literal(candidate.predicate.n3(graph.namespace_manager))))
        graph.add((record, EDU.score, Literal(Decimal(str(candidate.score)), datatype=XSD.decimal)))
        graph.add((record, EDU.method, Literal(METHOD)))
        graph.add((record, EDU.evidence, Literal(candidate.evidence)))
    return graph


FETCH_QUERY = """
CONSTRUCT {
  ?leaf edu:inPlan ?plan ; edu:depth ?depth ; rdfs:label ?title . ?leaf edu:hasMeasure ?m . ?m rdfs:label ?text .
  ?x edu:concernsStage ?stage . ?x edu:cites ?doc . ?x edu:plansToIssue ?planned . ?x edu:mentionsInitiative ?i .
} WHERE {
  %s
  ?leaf rdfs:label ?title .
  { ?leaf edu:hasMeasure ?m . ?m rdfs:label ?text }
  UNION { ?leaf edu:hasMeasure? ?x .
          { ?x edu:concernsStage ?stage } UNION { ?x edu:cites ?doc } UNION { ?x edu:plansToIssue ?planned }
          UNION { ?x edu:mentionsInitiative ?i } }
}""" % LEAF


def fetch_plan(endpoint, plan):
    """The part of a remote plan graph alignment needs, fetched with one CONSTRUCT over SPARQL."""
    from .namespaces import sparql_prologue
    from .remote import Endpoint
    query = sparql_prologue() + re.sub(r"\?plan\b", f"<{plan}>", FETCH_QUERY)
    graph = Endpoint(endpoint).run_sparql(query, "fetch-plan").graph
    if graph is None or len(graph) == 0:
        raise QueryError(f"{endpoint} has no numbered items for plan {plan}")
    return graph


def _path(iri, plan):
    return str(iri)[len(str(plan)) + 1:].replace("/", "-")


@dataclass
class LinkResult:
    lower: URIRef
    higher: URIRef
    candidates: list
    graph: Graph

    @property
    def links(self):
        return [c for c in self.candidates if c.predicate is not None]


def plan_iri(reference):
    """A plan given by id (weifang-2017) or IRI."""
    return URIRef(reference if "://" in reference else ID[reference])


def link_plans(lower, higher, data=None, lower_endpoint=None, higher_endpoint=None):
    """Align plan LOWER with plan HIGHER. Each comes from `data` (an rdflib graph) or, when an
    endpoint URL is given for it, from that SPARQL endpoint."""
    lower, higher = plan_iri(lower), plan_iri(higher)
    sources = []
    for plan, endpoint in ((lower, lower_endpoint), (higher, higher_endpoint)):
        if endpoint:
            sources.append(fetch_plan(endpoint, plan))
        elif data is not None:
            sources.append(data)
        else:
            raise QueryError(f"no data for plan {plan}: pass --data GRAPH or an endpoint")
    candidates = align(plan_units(sources[0], lower), plan_units(sources[1], higher))
    return LinkResult(lower, higher, candidates, alignment_graph(candidates, lower, higher))
