"""What the views read from the RDF: each node's class, zh/en labels, exact source text, and its place in a
plan (plan, section, stages). Read once per graph with plain triple lookups, which works the same on an
rdflib Graph and on load_graph's union Dataset."""

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from edugraph.errors import QueryError
from edugraph.namespaces import EDU, PREFIXES, STAGE

# Most specific first: a node is drawn as the first of these classes it has.
CLASSES = ("Plan", "Preamble", "Section", "Task", "Measure", "QuantitativeTarget", "PolicyDocument",
           "EducationStage", "Organization", "Initiative", "Mention", "Concept")
STRUCTURE = (EDU.hasPreamble, EDU.hasSection, EDU.hasTask, EDU.hasSubtask, EDU.hasMeasure)
# What a part states about the world: the links the task view follows out of a task and its measures.
FACTS = (EDU.cites, EDU.plansToIssue, EDU.concernsStage, EDU.mentionsBody, EDU.mentionsInitiative,
         EDU.hasTarget, EDU.implements)
# Stages in teaching order, for filter menus and matrix columns; stages added later sort after these.
STAGE_ORDER = ("preschool", "basic", "compulsory", "primary", "junior-secondary", "senior-secondary",
               "vocational", "special", "higher")


def short_iri(iri):
    """id:weihai-2022 rather than the full IRI, for labels of nodes that have none."""
    text = str(iri)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(str(item[1]))):
        if text.startswith(str(namespace)) and len(text) > len(str(namespace)):
            return f"{prefix}:{text[len(str(namespace)):]}"
    return text


def stage_key(iri):
    return str(iri)[len(str(STAGE)):]


class CorpusData:
    def __init__(self, graph):
        self.graph = graph
        self.classes = {}
        for cls in CLASSES:
            for node in graph.subjects(RDF.type, SKOS.Concept if cls == "Concept" else EDU[cls]):
                self.classes.setdefault(node, cls)
        # Targets hang off measures by edu:hasTarget; counting it as structure puts them in a section too.
        self.parent = {child: parent for prop in STRUCTURE + (EDU.hasTarget,)
                       for parent, child in graph.subject_objects(prop)}
        self._text, self._scope = {}, {}

    # --- labels and text -------------------------------------------------------------------------
    def cls(self, node):
        if isinstance(node, Literal):
            return "Literal"
        return self.classes.get(node, "Resource")

    def label(self, node, lang="zh"):
        """rdfs:label, else skos:prefLabel, else dct:title in `lang`; zh falls back to an untagged label."""
        for prop in (RDFS.label, SKOS.prefLabel, DCTERMS.title):
            values = list(self.graph.objects(node, prop))
            for value in values:
                if getattr(value, "language", None) == lang:
                    return str(value)
            if lang == "zh":
                for value in values:
                    if isinstance(value, Literal) and not value.language:
                        return str(value)
        return None

    def name(self, node):
        """Something readable for any term: its zh label, a literal's text, or the prefixed IRI."""
        if isinstance(node, Literal):
            return str(node)
        return self.label(node) or short_iri(node)

    def source_text(self, node):
        """The exact text of a span, cut from its plan's edu:fullText by its offsets (None if not a span)."""
        plan, start, end = (self.graph.value(node, p) for p in (EDU.inPlan, EDU.startOffset, EDU.endOffset))
        if plan is None or start is None or end is None:
            return None
        if plan not in self._text:
            self._text[plan] = str(self.graph.value(plan, EDU.fullText) or "")
        return self._text[plan][int(start):int(end)]

    def value(self, node, prop):
        value = self.graph.value(node, prop)
        return None if value is None else str(value)

    # --- place in the plan -----------------------------------------------------------------------
    def plan_of(self, node):
        if self.cls(node) == "Plan":
            return node
        return self.graph.value(node, EDU.inPlan)

    def section_of(self, node):
        while node is not None and self.cls(node) != "Section":
            node = self.parent.get(node)
        return node

    def stages(self, node):
        return {stage_key(s) for s in self.graph.objects(node, EDU.concernsStage)}

    def scope_stages(self, node):
        """Stages a part or any part inside it concerns: a task is about a stage when one of its measures is."""
        if node not in self._scope:
            stages = self.stages(node)
            for prop in STRUCTURE:
                for child in self.graph.objects(node, prop):
                    stages |= self.scope_stages(child)
            self._scope[node] = stages
        return self._scope[node]

    def owner(self, node):
        """The task a part belongs to, else its section, else (preamble) its plan: what a fact is drawn on."""
        chain, walk = [], node
        while walk is not None:
            chain.append(walk)
            walk = self.parent.get(walk)
        for cls in ("Task", "Section"):
            for part in chain:
                if self.cls(part) == cls:
                    return part
        return self.plan_of(node)

    def children(self, node, prop):
        """Parts in document order (by start offset), so layouts follow the text."""
        parts = list(self.graph.objects(node, prop))
        return sorted(parts, key=lambda p: int(self.graph.value(p, EDU.startOffset) or 0))

    def plans(self, plan=None):
        """Every plan in the data, or just `plan` (an IRI string), checked to exist."""
        found = sorted(n for n, c in self.classes.items() if c == "Plan")
        if plan is None:
            return found
        if URIRef(plan) not in found:
            raise QueryError(f"no plan <{plan}> in the data; `edugraph query plans` lists them")
        return [URIRef(plan)]

    def stage_iri(self, key):
        return STAGE[key]

    def section_name(self, section):
        """'weihai-2022 二、全面加强党的建设' for filter menus spanning several plans."""
        node = URIRef(section)
        plan = short_iri(self.plan_of(node)).split(":")[-1]
        return f"{plan} {self.value(node, EDU.numbering) or ''}{self.label(node) or ''}"

    def section_sort_key(self, section):
        node = URIRef(section)
        return str(self.plan_of(node)), int(self.graph.value(node, EDU.startOffset) or 0)

    def stage_order(self):
        keys = {stage_key(s) for s, c in self.classes.items() if c == "EducationStage"}
        rank = {key: i for i, key in enumerate(STAGE_ORDER)}
        return sorted(keys, key=lambda k: (rank.get(k, len(rank)), k))
