"""Plan text → PlanDocument: structure plus metadata, with curated metadata applied on top."""

import re

from edugraph.errors import StructureError
from edugraph.structure.metadata import extract_metadata, normalise_document_number
from edugraph.structure.model import Measure, PlanDocument, Span, numbered
from edugraph.semantics import analyse
from edugraph.semantics.bodies import issuer_forms, with_issuer_mentions
from edugraph.semantics.documents import plan_facts
from edugraph.semantics.initiatives import alias_mentions, aliases, repeatable, repeated_mentions
from edugraph.semantics.spans import attachment_spans, short_name_spans, signature_spans
from edugraph.reading.source import read_source
from edugraph.structure.parse import LEAD, SENTENCE, TERMINATORS, parse_structure


def plan_id_for(path, sha256):
    """A readable, stable id from the file name; files with no ASCII name get one from their checksum."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return slug or f"plan-{sha256[:10]}"


def extract_plan(source, plan_id=None, curated=None):
    """Parse one read source. `curated` (e.g. a manifest row) overrides extracted metadata where set."""
    structure = parse_structure(source.text)
    if not source.text.strip():
        raise StructureError("the document has no text", path=source.path)
    metadata = extract_metadata(source.text, structure.header_end, structure.body_end)
    for key, value in (curated or {}).items():
        if value in ("", None, []):
            continue
        if key == "document_number":
            value = normalise_document_number(value)
        setattr(metadata, key, value)
    doc = PlanDocument(plan_id=plan_id or plan_id_for(source.path, source.sha256), text=source.text,
                       metadata=metadata, preamble=structure.preamble, outline=structure.outline,
                       measures=structure.measures, warnings=structure.warnings, notes=structure.notes)
    add_facts(doc)
    return doc


# 1.教育故事演讲，时间5分钟: an item stated in its title alone, a clause after the comma giving a figure.
FIGURE_CLAUSE_RE = re.compile(r"[，,][^，,。；;]*[0-9０-９一二三四五六七八九十两]")


def add_facts(doc):
    """Semantic facts for every measure, and for every heading's title (titles carry facts too)."""
    text, year = doc.text, doc.metadata.year
    for division in doc.divisions():
        # A lead clause, or an item's only sentence, is in its first measure already.
        if division.heading.title_kind not in (LEAD, SENTENCE):
            title = division.heading.title
            division.title_facts = analyse(text, title.start, title.end, year)
            terminated = title.end < len(text) and text[title.end] in TERMINATORS
            if division.title_facts.targets and (terminated or FIGURE_CLAUSE_RE.search(text, title.start, title.end)):
                # 2.普通高中按《…》规定，保证艺术类必修课程6个学分。: a title sentence that states a figure is the
                # item's first measure too (figures are measures' facts), not a heading alone.
                sentence = Span(title.start, title.end + 1 if terminated else title.end)
                division.measures = numbered([Measure(0, sentence)] + division.measures)
                division.heading.title_kind, division.title_facts = SENTENCE, None
    for measure in doc.all_measures():
        measure.facts = analyse(text, measure.span.start, measure.span.end, year)
    _add_alias_mentions(doc)
    _add_repeated_mentions(doc)
    _add_issuer_mentions(doc)


def _add_issuer_mentions(doc):
    """The document's own issuer wherever the text names it (a school's plan names the school)."""
    forms = issuer_forms(doc.metadata.issuers or [])
    if not forms:
        return
    for found in plan_facts(doc):
        taken = [(c.start, c.end) for c in found.citations] + [(i.start, i.end) for i in found.initiatives] \
            + [(a, b + 1) for a, b in signature_spans(doc.text, found.start, found.end)]
        found.bodies = with_issuer_mentions(doc.text, found.start, found.end, found.bodies, forms, taken)


def _add_alias_mentions(doc):
    """A programme given a short name (（以下简称论文报告会）) is meant wherever the short name stands later,
    in measures and in headings (三、校长论坛的主题)."""
    facts = list(plan_facts(doc))
    short_names = {}
    for found in facts:
        short_names.update(aliases(doc.text, found.initiatives))
    for found in facts if short_names else ():
        found.initiatives = sorted(found.initiatives + alias_mentions(
            doc.text, found.start, found.end, short_names, _programmes_taken(doc.text, found)), key=lambda i: i.start)


def _add_repeated_mentions(doc):
    """A programme found where the text runs it (开展创先争优活动) is meant wherever its name stands again, in
    measures and in headings, but not in the titles of attachments."""
    facts = list(plan_facts(doc))
    programmes = {}
    for found in facts:
        programmes.update(repeatable(doc.text, found.initiatives))
    for found in facts if programmes else ():
        taken = _programmes_taken(doc.text, found) + [(a, b + 1) for a, b in attachment_spans(doc.text, found.start, found.end)]
        found.initiatives = sorted(found.initiatives + repeated_mentions(doc.text, found.start, found.end, programmes, taken),
                                   key=lambda i: i.start)


def _programmes_taken(text, found):
    """Spans of one Facts' text where no further programme mention may stand: its programmes, its citations and the
    brackets that define short names."""
    return [(i.start, i.end) for i in found.initiatives] + [(c.start, c.end) for c in found.citations] \
        + [(a, b + 1) for a, b in short_name_spans(text, found.start, found.end)]


def extract_file(path, plan_id=None, curated=None):
    source = read_source(path)
    return source, extract_plan(source, plan_id, curated)
