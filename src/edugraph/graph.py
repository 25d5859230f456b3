"""PlanDocument → RDF, following ontology/edugraph.ttl. IRIs are derived from the plan id and the
printed numbering only, and no blank nodes are used, so the same input always gives the same triples."""

from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from . import __version__
from .namespaces import EDU, ID, LEVEL, SOFTWARE, SPDX, bind_prefixes

SOFTWARE_AGENT = SOFTWARE[f"edugraph/{__version__}"]


def iri_segment(text):
    """A path segment that keeps Chinese readable (IRIs allow it) and escapes only IRI-reserved ASCII."""
    return "".join(c if ord(c) > 127 or c.isalnum() or c in "-._~()" else quote(c, safe="")
                   for c in "".join(text.split()))


def org_iri(name):
    """One node per body name, e.g. …/id/org/威海市教育局."""
    return ID["org/" + iri_segment(name)]


def _int(value):
    return Literal(value, datatype=XSD.integer)


class _PlanWriter:
    def __init__(self, doc, source):
        self.doc, self.source = doc, source
        self.graph = bind_prefixes(Graph())
        self.plan = ID[doc.plan_id]
        # Task numbers that restart in each section need the section in the IRI to stay unique.
        ordinals = [task.ordinal for task in doc.tasks]
        self.restarting = len(ordinals) != len(set(ordinals))

    def add(self, s, p, o):
        self.graph.add((s, p, o))

    def span(self, node, kind, span):
        self.add(node, RDF.type, kind)
        self.add(node, EDU.inPlan, self.plan)
        self.add(node, EDU.startOffset, _int(span.start))
        self.add(node, EDU.endOffset, _int(span.end))

    def measures(self, parent, measures):
        for measure in measures:
            node = URIRef(f"{parent}/measure/{measure.ordinal}")
            self.span(node, EDU.Measure, measure.span)
            self.add(node, EDU.ordinal, _int(measure.ordinal))
            self.add(node, RDFS.label, Literal(measure.span.text(self.doc.text), lang="zh"))
            self.add(parent, EDU.hasMeasure, node)

    def component(self, node, kind, item):
        heading = item.heading
        self.span(node, kind, item.span)
        self.add(node, EDU.ordinal, _int(heading.number))
        self.add(node, EDU.numbering, Literal(heading.numbering))
        self.add(node, RDFS.label, Literal(heading.title.text(self.doc.text), lang="zh"))
        self.add(node, EDU.titleStartOffset, _int(heading.title.start))
        self.add(node, EDU.titleEndOffset, _int(heading.title.end))
        self.measures(node, item.measures)

    def write(self):
        self.metadata()
        self.provenance()
        if self.doc.preamble:
            node = URIRef(f"{self.plan}/preamble")
            self.span(node, EDU.Preamble, self.doc.preamble.span)
            self.add(self.plan, EDU.hasPreamble, node)
            self.measures(node, self.doc.preamble.measures)
        for section in self.doc.sections:
            section_node = URIRef(f"{self.plan}/section/{section.ordinal}")
            self.component(section_node, EDU.Section, section)
            self.add(self.plan, EDU.hasSection, section_node)
            for task in section.tasks:
                suffix = f"{section.ordinal}.{task.ordinal}" if self.restarting else f"{task.ordinal}"
                task_node = URIRef(f"{self.plan}/task/{suffix}")
                self.component(task_node, EDU.Task, task)
                self.add(section_node, EDU.hasTask, task_node)
        return self.graph

    def metadata(self):
        meta, plan = self.doc.metadata, self.plan
        self.add(plan, RDF.type, EDU.Plan)
        self.add(plan, EDU.fullText, Literal(self.doc.text))
        if meta.title:
            self.add(plan, DCTERMS.title, Literal(meta.title, lang="zh"))
            self.add(plan, RDFS.label, Literal(meta.title, lang="zh"))
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
        for name in meta.issuers:
            org = org_iri(name)
            self.add(plan, DCTERMS.publisher, org)
            self.add(org, RDF.type, EDU.Organization)
            self.add(org, RDFS.label, Literal(name, lang="zh"))

    def provenance(self):
        source, build = URIRef(f"{self.plan}/source"), URIRef(f"{self.plan}/build")
        checksum = URIRef(f"{self.plan}/source/checksum")
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


def plan_to_graph(doc, source):
    """The RDF graph of one parsed plan."""
    return _PlanWriter(doc, source).write()

