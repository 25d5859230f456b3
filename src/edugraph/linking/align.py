"""Content alignment of one plan's tasks and measures with another's (a city plan with its province's).

Each pair gets a composite score from text similarity (TF-IDF cosine over words and character
bigrams), title similarity, and shared education stages, cited documents and initiatives. The best
candidates above a threshold become skos:closeMatch / skos:relatedMatch links with a reified
edu:Alignment record (score, method, evidence), and an SSSOM mapping table.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from edugraph.errors import QueryError
from edugraph.namespaces import EDU, ID, bind_prefixes, sparql_prologue

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
# measures. Every pattern starts from the plan (?plan is replaced by its IRI), so a query's cost follows
# the plan, not the corpus; which headings are the deepest is worked out here, not in SPARQL (a path
# with * and NOT EXISTS per heading is slow on rdflib).
HEADING_QUERY = """
SELECT ?node ?title ?child WHERE {
  ?node edu:inPlan ?plan ; edu:depth ?depth ; rdfs:label ?title . FILTER (LANG(?title) = "zh")
  OPTIONAL { ?node edu:hasTask|edu:hasSubtask ?child }
}"""
MEASURE_QUERY = """
SELECT ?node ?measure ?text WHERE {
  ?node edu:inPlan ?plan ; edu:depth ?depth ; edu:hasMeasure ?measure . ?measure rdfs:label ?text .
}"""
# A unit's facts are its own and its measures' (a task is about what its measures are about).
FACT_QUERY = """
SELECT DISTINCT ?node ?unit ?fact ?kind WHERE {
  ?node edu:inPlan ?plan ; edu:depth ?depth .
  { ?node ?p ?fact . BIND (?node AS ?unit) }
  UNION { ?node edu:hasMeasure ?unit . ?unit ?p ?fact }
  # Last: engines that join in written order (rdflib) then look up each heading's own triples.
  VALUES (?p ?kind) { (edu:concernsStage "stages") (edu:cites "citations") (edu:plansToIssue "citations")
                      (edu:mentionsInitiative "initiatives") }
}"""


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


def _rows(target, query, plan, name):
    """Rows of one of the queries above for `plan`, from a store, an endpoint or an rdflib graph."""
    from edugraph.serving.queries import execute
    return execute(sparql_prologue() + re.sub(r"\?plan\b", f"<{plan}>", query), target, name).rows


def plan_units(graph, plan):
    """The plan's deepest numbered items (title + the text of their measures) and their measures, with
    their facts. `graph` is an embedded store, an Endpoint or an rdflib graph: only the plan's headings,
    measures and facts are fetched."""
    plan = URIRef(plan)
    titles, parents = {}, set()
    for node, title, child in _rows(graph, HEADING_QUERY, plan, "plan-headings"):
        titles[str(node)] = str(title)
        if child is not None:
            parents.add(str(node))
    units = {iri: Unit(iri, "task", title, "") for iri, title in titles.items() if iri not in parents}
    if not units:
        raise QueryError(f"no numbered items found for plan {plan} in the given data")
    texts = {}
    for node, measure, text in _rows(graph, MEASURE_QUERY, plan, "plan-measures"):
        if str(node) in units:
            texts.setdefault(str(node), {})[str(measure)] = str(text)
            units[str(measure)] = Unit(str(measure), "measure", str(text), str(text))
    # Measures in document order, whatever order the store returns them in (…/measure/2 before /10).
    for iri, parts in texts.items():
        units[iri].text = "\n".join(t for _, t in sorted(parts.items(), key=lambda item: _measure_key(item[0])))
    for node, unit, fact, kind in _rows(graph, FACT_QUERY, plan, "plan-facts"):
        for target in {str(node), str(unit)} & set(units):  # a leaf takes its measures' facts too
            units[target].facts[str(kind)].add(str(fact))
    return sorted(units.values(), key=lambda u: u.iri)


@lru_cache(maxsize=65536)  # the same units are compared with several plans (read-only Counters)
def _features(text):
    """Words (jieba's segmentation, by rjieba; see semantics/words.py) and character bigrams of the Chinese
    text, stop words dropped."""
    import rjieba  # imported late: only link needs it

    chinese = "".join(re.findall(r"[\u4e00-\u9fff]+", text))
    words = [w for w in rjieba.cut(chinese, True) if len(w) >= 2 and w not in STOP_WORDS]
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


PAIRS_QUERY = """
SELECT DISTINCT ?lower ?higher WHERE { ?lower a edu:Plan ; edu:implements ?higher . ?higher a edu:Plan }
ORDER BY ?higher ?lower"""


def implementing_pairs(target):
    """[(lower, higher)]: every plan of the data with each plan of the data it implements."""
    from edugraph.serving.queries import execute
    return [(URIRef(lower), URIRef(higher))
            for lower, higher in execute(sparql_prologue() + PAIRS_QUERY, target, "implementing-pairs").rows]


def plan_iri(reference):
    """A plan given by id (weifang-2017) or IRI."""
    return URIRef(reference if "://" in reference else ID[reference])


def link_plans(lower, higher, data=None, lower_endpoint=None, higher_endpoint=None):
    """Align plan LOWER with plan HIGHER. Each comes from `data` (an embedded store or an rdflib graph)
    or, when an endpoint URL is given for it, from that SPARQL endpoint, which is asked for just the
    plan's units and facts."""
    lower, higher = plan_iri(lower), plan_iri(higher)
    sources = []
    for plan, endpoint in ((lower, lower_endpoint), (higher, higher_endpoint)):
        if endpoint:
            from edugraph.serving.remote import Endpoint
            sources.append(Endpoint(endpoint))
        elif data is not None:
            sources.append(data)
        else:
            raise QueryError(f"no data for plan {plan}: pass --data GRAPH or an endpoint")
    candidates = align(plan_units(sources[0], lower), plan_units(sources[1], higher))
    return LinkResult(lower, higher, candidates, alignment_graph(candidates, lower, higher))


def link_all(data, progress=None):
    """Align every plan of `data` with each plan of the data it edu:implements (one store and one text
    model for every pair). `progress(iterable, total)` may wrap the pairs (a progress bar)."""
    pairs = implementing_pairs(data)
    return [link_plans(lower, higher, data) for lower, higher in (progress(pairs, len(pairs)) if progress else pairs)]


def links_graph_iri(result):
    """The named graph of one pair's links: …/id/alignment/LOWER/HIGHER/graph."""
    return ID[f"alignment/{_short(result.lower)}/{_short(result.higher)}/graph"]
