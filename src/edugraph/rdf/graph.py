"""PlanDocument → RDF, following ontology/edugraph.ttl. IRIs are derived from the plan id, the printed
numbering and the order of facts in the text only, and no blank nodes are used, so the same input always
gives the same triples. The writer spells terms with rdflib but adds them to a triples.TripleSink (plain
N-Triples lines), not to an rdflib Graph: see triples.py for why."""

from functools import lru_cache
from urllib.parse import quote

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.util import from_n3

from edugraph import __version__
from edugraph.rdf.curation import Curation, check_nodes
from edugraph.structure.model import Section
from edugraph.namespaces import DIVISION, DOCTYPE, EDU, ID, LEVEL, SOFTWARE, SPDX, STAGE
from edugraph.semantics import find_goals
from edugraph.semantics.bodies import jurisdiction
from edugraph.rdf.triples import Rendered, TermCache, TripleSink, rendered_int, rendered_text

DCTERMS, PROV, RDF, RDFS, SKOS, XSD, DOCTYPE, EDU, LEVEL, SPDX, STAGE = map(
    TermCache, (DCTERMS, PROV, RDF, RDFS, SKOS, XSD, DOCTYPE, EDU, LEVEL, SPDX, STAGE))
SOFTWARE_AGENT = SOFTWARE[f"edugraph/{__version__}"]
ROLE_PROPERTIES = {"lead": EDU.leadBody, "supporting": EDU.supportingBody}


def iri_segment(text):
    """A path segment that keeps Chinese readable (IRIs allow it) and escapes only IRI-reserved ASCII."""
    return "".join(c if ord(c) > 127 or c.isalnum() or c in "-._~()" else quote(c, safe="")
                   for c in "".join(text.split()))


def org_iri(name, place=""):
    """One node per body: …/id/org/威海市教育局; a generic body per jurisdiction: …/id/org/威海市/学校."""
    return ID["org/" + (iri_segment(place) + "/" if place else "") + iri_segment(name)]


def document_iri(info):
    """A cited document that is a plan of the build is that plan's node; others live under …/id/doc/."""
    # A relative title's key is division code/title: the code stays a path segment of its own.
    return ID[info.plan_id] if info.plan_id else ID["doc/" + "/".join(iri_segment(p) for p in info.key.split("/"))]


def path_is_preamble(node):
    return "/preamble/" in str(node)


@lru_cache(maxsize=1 << 16)  # offsets and ordinals repeat across plans
def _int(value):
    return rendered_int(value)


def _zh(text):
    return rendered_text(text, "zh")


class _PlanWriter:
    def __init__(self, doc, source, registry=None, curation=None, shared=None):
        self.doc, self.source, self.registry = doc, source, registry
        self.curation = curation or Curation()
        self.graph = TripleSink()
        # Nodes many plans share (documents, bodies, initiatives, the software) are described once, in
        # `shared`, so a union of plan graphs never repeats a triple (stores keep one copy per graph).
        self.shared = self.graph if shared is None else shared
        self.plan = ID[doc.plan_id]
        self.own_prefix = f"{self.plan}/"
        # Generic bodies (学校, 区市) belong to the plan's place; a national plan's to the whole country.
        self.place = jurisdiction(doc.metadata.issuers) or ("全国" if doc.metadata.level == "national" else "")
        self.divisions = registry.divisions
        self.jurisdiction = registry.plan_division.get(doc.plan_id)  # worked out once, for the whole build
        self.paths = set()
        self.described = set()  # division nodes already written by this writer
        # Task numbers that restart in each section need the section in the IRI to stay unique.
        self.restarting = _numbering_restarts(doc.sections)

    def add(self, s, p, o):
        own = str.startswith(s, self.own_prefix) or str.__eq__(s, self.plan)  # str's own: rdflib's are slow
        (self.graph if own else self.shared).add((s, p, o))

    def node(self, path):
        self.paths.add(path)
        return URIRef(f"{self.plan}/{path}")

    def span(self, node, kind, start, end):
        self.add(node, RDF.type, kind)
        self.add(node, EDU.inPlan, self.plan)
        self.add(node, EDU.startOffset, _int(start))
        self.add(node, EDU.endOffset, _int(end))

    def measures(self, parent_path, measures):
        """Measures of the node at parent_path; with parent_path "", of the plan itself."""
        parent = self.node(parent_path) if parent_path else self.plan
        for measure in measures:
            path = f"{parent_path}/measure/{measure.ordinal}".lstrip("/")
            node = self.node(path)
            self.span(node, EDU.Measure, measure.span.start, measure.span.end)
            self.add(node, EDU.ordinal, _int(measure.ordinal))
            self.add(node, RDFS.label, _zh(measure.span.text(self.doc.text)))
            self.add(parent, EDU.hasMeasure, node)
            facts = measure.facts
            # A goal sentence with no other fact (全面加强和改进学校美育工作。) is still written.
            if facts is not None and (facts or any(facts.start <= g.start < facts.end for g in self.plan_goals)):
                self.facts(path, facts, targets=True)

    def component(self, path, kind, item):
        heading, node = item.heading, self.node(path)
        self.span(node, kind, item.span.start, item.span.end)
        self.add(node, EDU.depth, _int(item.depth))
        self.add(node, EDU.ordinal, _int(heading.number))
        self.add(node, EDU.numbering, Literal(heading.numbering))
        self.add(node, RDFS.label, _zh(heading.title.text(self.doc.text)))
        self.add(node, EDU.titleStartOffset, _int(heading.title.start))
        self.add(node, EDU.titleEndOffset, _int(heading.title.end))
        self.measures(path, item.measures)
        if item.title_facts:
            # Quantities in a title are left to the task's measures: edu:hasTarget is for measures.
            self.facts(path, item.title_facts, targets=False)
        for goal in self.plan_goals:  # a goal section's item titled by its outcome (（一）办学条件全面达标。)
            if heading.title.start <= goal.start < heading.title.end and item.title_facts is not None:
                self.goal(path, node, goal, item.title_facts, [])

    # --- semantic facts ------------------------------------------------------------------------
    def facts(self, path, facts, targets):
        owner, text = self.node(path), self.doc.text
        target_nodes = []
        if targets:
            for index, target in enumerate(facts.targets, 1):
                node = self.node(f"{path}/target/{index}")
                self.target(owner, node, target)
                target_nodes.append((target, node))
        mentions = [(c.start, c.end, "citation", c) for c in facts.citations]
        mentions += [(a, b, "stage", stage) for a, b, stage in facts.stages]
        mentions += [(body.start, body.end, "body", body) for body in facts.bodies]
        mentions += [(i.start, i.end, "initiative", i) for i in facts.initiatives]
        for index, (start, end, kind, value) in enumerate(sorted(mentions, key=lambda m: (m[0], m[1], m[2])), 1):
            mention = self.node(f"{path}/mention/{index}")
            self.span(mention, EDU.Mention, start, end)
            self.add(mention, RDFS.label, _zh(text[start:end]))
            self.add(owner, EDU.hasMention, mention)
            thing, link = getattr(self, f"{kind}_node")(value, mention)
            self.add(mention, EDU.refersTo, thing)
            self.add(owner, link, thing)
            if kind == "body":
                self.responsibility(path, owner, value, thing)
        for goal in self.plan_goals:  # a goal joined across ；-separated measures hangs off its first
            if facts.start <= goal.start < facts.end and targets:
                self.goal(path, owner, goal, facts, target_nodes)

    @property
    def plan_goals(self):
        if not hasattr(self, "_goals"):
            self._goals = find_goals(self.doc)
        return self._goals

    def goal(self, path, owner, goal, facts, target_nodes):
        node = self.node(f"{path}/goal")
        self.span(node, EDU.Goal, goal.start, goal.end)
        self.add(node, RDFS.label, _zh(self.doc.text[goal.start:goal.end]))
        self.add(owner, EDU.statesGoal, node)
        self.add(self.plan, EDU.hasGoal, node)
        if goal.deadline is not None:
            self.add(node, EDU.deadlineYear, _int(goal.deadline))
        for target, target_node in target_nodes:
            if goal.start <= target.start and target.end <= goal.end:
                self.add(node, EDU.includesTarget, target_node)
        for a, b, stage in facts.stages:
            if goal.start <= a and b <= goal.end:
                self.add(node, EDU.concernsStage, STAGE[stage])

    def responsibility(self, path, owner, body, org):
        """A body assigned a role answers for the measure and for the task or section it belongs to (a
        （牵头部门：…） line closes a task)."""
        if body.role == "mentioned":
            return
        links = [EDU.responsibleBody] + ([ROLE_PROPERTIES[body.role]] if body.role in ROLE_PROPERTIES else [])
        parent = self.node(path.rsplit("/measure/", 1)[0]) if "/measure/" in path else None
        for link in links:
            self.add(owner, link, org)
            if parent is not None and not path.startswith("preamble"):
                self.add(parent, link, org)

    def target(self, owner, node, target):
        self.span(node, EDU.QuantitativeTarget, target.start, target.end)
        self.add(owner, EDU.hasTarget, node)
        self.add(node, RDFS.label, _zh(self.doc.text[target.start:target.end]))
        for prop, value in ((EDU.value, target.value), (EDU.minValue, target.minimum),
                            (EDU.maxValue, target.maximum)):
            if value is not None:
                self.add(node, prop, Literal(format(value, "f"), datatype=XSD.decimal))
        self.add(node, EDU.unit, Literal(target.unit))
        self.add(node, EDU.approximate, Literal(target.approximate))
        self.add(node, EDU.targetKind, Literal(target.kind))
        if target.counted:
            thing = ID["thing/" + iri_segment(target.counted)]
            self.add(node, EDU.counts, thing)
            self.add(thing, RDF.type, SKOS.Concept)
            self.add(thing, RDFS.label, _zh(target.counted))

    def citation_node(self, citation, mention):
        info = self.registry.info(citation)
        doc = document_iri(info)
        if citation.basis and path_is_preamble(mention) and info.plan_id != self.doc.plan_id:
            self.add(self.plan, EDU.implements, doc)  # the plan says it carries this document out
        if citation.truncated:
            self.add(mention, EDU.truncated, Literal(True))
        link = EDU.plansToIssue if citation.relation == "plansToIssue" else EDU.cites
        if info.plan_id:
            return doc, link  # a plan of the build: its own graph describes it
        self.add(doc, RDF.type, EDU.PolicyDocument)
        if info.title:
            self.add(doc, DCTERMS.title, _zh(info.title))
            self.add(doc, RDFS.label, _zh(info.title))
        for variant in info.variants:
            self.add(doc, SKOS.altLabel, _zh(variant))
        if info.number:
            self.add(doc, EDU.documentNumber, Literal(info.number))
        if info.level:
            self.add(doc, EDU.administrativeLevel, LEVEL[info.level])
        if info.doc_type:
            self.add(doc, EDU.documentType, DOCTYPE[info.doc_type])
        if info.truncated:
            self.add(doc, EDU.truncated, Literal(True))
        if info.jurisdiction:
            self.add(doc, EDU.jurisdiction, self.division_node(self.divisions.by_code[info.jurisdiction]))
        self.curated_document(doc, info.curated)
        return doc, link

    def curated_document(self, doc, entry):
        if entry.get("publisher"):
            self.add(doc, DCTERMS.publisher, self.organisation(entry["publisher"]))
        for key, prop in (("issued", DCTERMS.issued), ("adopted", DCTERMS.dateAccepted),
                          ("in_force", EDU.effectiveDate)):
            if entry.get(key):
                self.add(doc, prop, Literal(str(entry[key]), datatype=XSD.date))

    def stage_node(self, stage, mention):
        return STAGE[stage], EDU.concernsStage

    def body_node(self, body, mention):
        org = self.organisation(body.name, self.place if body.generic else "")
        if body.new:
            self.add(org, EDU.newBody, Literal(True))
        self.add(mention, EDU.role, Literal(body.role))
        return org, EDU.mentionsBody

    def initiative_node(self, initiative, mention):
        if initiative.kind == "slogan":
            node = ID["slogan/" + iri_segment(initiative.name)]
            self.add(node, RDF.type, EDU.Slogan)
            self.add(node, RDFS.label, _zh(initiative.name))
            return node, EDU.mentionsSlogan
        node = ID["initiative/" + iri_segment(initiative.name)]
        self.add(node, RDF.type, EDU.Initiative)
        self.add(node, RDFS.label, _zh(initiative.name))
        self.add(node, EDU.initiativeKind, Literal(initiative.kind))
        return node, EDU.mentionsInitiative

    def organisation(self, name, place=""):
        """A body: generic ones (place given) belong to the plan's division, named ones to the division
        their name names (山东省教育厅 → 山东省)."""
        org = org_iri(name, place)
        self.add(org, RDF.type, EDU.Organization)
        self.add(org, RDFS.label, _zh(name))
        division = self.jurisdiction if place else self.divisions.named_in(name)
        if division is None and not place and name in self.doc.metadata.issuers:
            division = self.jurisdiction  # 教育部, 国务院办公厅: a national issuer belongs to the nation
        if division is not None:
            self.add(org, EDU.jurisdiction, self.division_node(division))
        return org

    def division_node(self, division):
        """The division's concept (shared), with its ancestors up to the nation."""
        node = DIVISION[division.code]
        if node not in self.described:
            self.described.add(node)
            self.add(node, RDF.type, EDU.AdministrativeDivision)
            self.add(node, RDFS.label, _zh(division.name))
            self.add(node, SKOS.prefLabel, _zh(division.name))
            self.add(node, SKOS.notation, Literal(division.code))
            self.add(node, SKOS.inScheme, DIVISION.scheme)
            self.add(node, EDU.administrativeLevel, LEVEL[division.level])
            if division.parent:
                self.add(node, SKOS.broader, self.division_node(self.divisions.by_code[division.parent]))
        return node

    # --- the plan ------------------------------------------------------------------------------
    def write(self):
        self.metadata()
        self.provenance()
        if self.doc.preamble:
            node = self.node("preamble")
            self.span(node, EDU.Preamble, self.doc.preamble.span.start, self.doc.preamble.span.end)
            self.add(self.plan, EDU.hasPreamble, node)
            self.measures("preamble", self.doc.preamble.measures)
        for top in self.doc.outline:
            self.outline_node(top, self.plan, None)
        if self.doc.measures:  # a document with nothing numbered: its body hangs off the plan
            self.measures("", self.doc.measures)
        self.curate()
        return self.graph

    def outline_node(self, item, parent, parent_path):
        """A section or task node, linked from its parent, and everything below it."""
        if isinstance(item, Section):
            path, kind, link = self.unique(f"section/{item.ordinal}"), EDU.Section, EDU.hasSection
        else:
            path, kind = self.unique(self.task_path(item, parent_path)), EDU.Task
            link = EDU.hasSubtask if parent_path and parent_path.startswith("task/") else EDU.hasTask
        self.component(path, kind, item)
        self.add(parent, link, self.node(path))
        for child in item.children:
            self.outline_node(child, self.node(path), path)

    def task_path(self, task, parent_path):
        """task/N for tasks numbered through the plan, task/S.N when numbering restarts per section,
        and the parent's path plus .N below another task (task/3.1.2)."""
        if parent_path and parent_path.startswith("task/"):
            return f"{parent_path}.{task.ordinal}"
        if parent_path and self.restarting:
            return f"task/{parent_path.split('/', 1)[1].split('~')[0]}.{task.ordinal}"
        return f"task/{task.ordinal}"

    def unique(self, path):
        """A repeated number (a second “3.”) gets its own node: task/3~2."""
        if path not in self.paths:
            return path
        count = 2
        while f"{path}~{count}" in self.paths:
            count += 1
        return f"{path}~{count}"

    def curate(self):
        curation = self.curation
        check_nodes(curation, self.paths)
        if curation.title_en:
            self.add(self.plan, DCTERMS.title, Literal(curation.title_en, lang="en"))
            self.add(self.plan, RDFS.label, Literal(curation.title_en, lang="en"))
        for path, label in curation.labels_en.items():
            self.add(self.node(path), RDFS.label, Literal(label, lang="en"))
        for path, (text, note) in curation.corrections.items():
            self.add(self.node(path), EDU.correctedLabel, _zh(text))
            if note:
                self.add(self.node(path), SKOS.editorialNote, _zh(note))

    def metadata(self):
        meta, plan = self.doc.metadata, self.plan
        self.add(plan, RDF.type, EDU.Plan)
        self.add(plan, EDU.fullText, Literal(self.doc.text))
        if meta.title:
            self.add(plan, DCTERMS.title, _zh(meta.title))
            self.add(plan, RDFS.label, _zh(meta.title))
        if meta.issued:
            self.add(plan, DCTERMS.issued, Literal(meta.issued, datatype=XSD.date))
        if meta.index_number:
            self.add(plan, DCTERMS.identifier, Literal(meta.index_number))
        if meta.document_number:
            self.add(plan, EDU.documentNumber, Literal(meta.document_number))
        if meta.year:
            self.add(plan, EDU.year, _int(meta.year))
        if meta.level:
            self.add(plan, EDU.administrativeLevel, LEVEL[meta.level])
        if self.jurisdiction is not None:
            self.add(plan, EDU.jurisdiction, self.division_node(self.jurisdiction))
        for name in meta.issuers:
            self.add(plan, DCTERMS.publisher, self.organisation(name))

    def provenance(self):
        source, build = self.node("source"), self.node("build")
        checksum = self.node("source/checksum")
        self.add(self.plan, PROV.wasDerivedFrom, source)
        self.add(self.plan, PROV.wasGeneratedBy, build)
        self.add(source, RDF.type, PROV.Entity)
        self.add(source, DCTERMS.identifier, Literal(self.source.path.name))
        self.add(source, DCTERMS["format"], Literal(self.source.media_type))
        self.add(source, EDU.sourceEncoding, Literal(self.source.encoding))
        self.add(source, SPDX.checksum, checksum)
        self.add(checksum, RDF.type, SPDX.Checksum)
        self.add(checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256)
        self.add(checksum, SPDX.checksumValue, Literal(self.source.sha256, datatype=XSD.hexBinary))
        self.add(build, RDF.type, PROV.Activity)
        self.add(build, PROV.used, source)
        self.add(build, PROV.wasAssociatedWith, SOFTWARE_AGENT)
        self.add(SOFTWARE_AGENT, RDF.type, PROV.SoftwareAgent)
        self.add(SOFTWARE_AGENT, RDFS.label, Literal(f"edugraph {__version__}"))
        self.add(SOFTWARE_AGENT, DCTERMS.hasVersion, Literal(__version__))


def _numbering_restarts(sections):
    """Whether the items directly under sections restart their numbering: the same number under two
    sections (a number repeated within one section is a typo, kept under its own IRI)."""
    seen = {}
    for section in sections:
        for number in {task.ordinal for task in section.tasks}:
            if seen.setdefault(number, section.ordinal) != section.ordinal:
                return True
    return False


def plan_triples(doc, source, registry=None, curation=None, shared=None):
    """The triples of one parsed plan (a frozen triples.Triples). `registry` (documents.registry_for)
    names cited documents consistently across plans; without it, one is made for this plan alone.
    Triples about nodes outside the plan (documents, bodies, initiatives, the software) go to `shared`
    (a triples.TripleSink) when given, else stay in."""
    if registry is None:
        from edugraph.semantics.documents import registry_for
        registry = registry_for([doc])
    return _PlanWriter(doc, source, registry, curation, shared).write().freeze()


def plan_to_graph(doc, source, registry=None, curation=None, shared=None):
    """The same graph as plan_triples, built triple by triple in rdflib (`shared`: an rdflib Graph): for
    the Python API, and the reference the fast path is tested against."""
    from rdflib import Graph

    from edugraph.namespaces import bind_prefixes
    if registry is None:
        from edugraph.semantics.documents import registry_for
        registry = registry_for([doc])
    writer = _PlanWriter(doc, source, registry, curation, shared)
    graph = bind_prefixes(Graph())
    writer.graph = _RdflibSink(graph)
    writer.shared = writer.graph if shared is None else _RdflibSink(shared)
    writer.write()
    return graph


class _RdflibSink:
    """An rdflib Graph as the writer's sink: the writer's pre-spelled literals become rdflib Literals."""

    def __init__(self, graph):
        self.graph = graph

    def add(self, triple):
        s, p, o = triple
        self.graph.add((s, p, from_n3(str.__str__(o)) if type(o) is Rendered else o))
