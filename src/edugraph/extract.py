"""Plan text → PlanDocument: structure plus metadata, with curated metadata applied on top."""

import re

from .errors import StructureError
from .metadata import extract_metadata, normalise_document_number
from .model import PlanDocument
from .semantics import analyse
from .source import read_source
from .structure import parse_structure


def plan_id_for(path, sha256):
    """A readable, stable id from the file name; files with no ASCII name get one from their checksum."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return slug or f"plan-{sha256[:10]}"


def extract_plan(source, plan_id=None, curated=None):
    """Parse one read source. `curated` (e.g. a manifest row) overrides extracted metadata where set."""
    structure = parse_structure(source.text)
    if not structure.sections:
        raise StructureError("no numbered sections found (expected headings such as 一、 （一） or 1.)",
                             path=source.path)
    metadata = extract_metadata(source.text, structure.header_end, structure.body_end)
    for key, value in (curated or {}).items():
        if value in ("", None, []):
            continue
        if key == "document_number":
            value = normalise_document_number(value)
        setattr(metadata, key, value)
    doc = PlanDocument(plan_id=plan_id or plan_id_for(source.path, source.sha256), text=source.text,
                       metadata=metadata, preamble=structure.preamble, sections=structure.sections,
                       warnings=structure.warnings)
    add_facts(doc)
    return doc


def add_facts(doc):
    """Semantic facts for every measure, and for section and task titles (they carry facts too)."""
    text, year = doc.text, doc.metadata.year
    measures = list(doc.preamble.measures) if doc.preamble else []
    for section in doc.sections:
        section.title_facts = analyse(text, section.heading.title.start, section.heading.title.end, year)
        measures += section.measures
        for task in section.tasks:
            task.title_facts = analyse(text, task.heading.title.start, task.heading.title.end, year)
            measures += task.measures
    for measure in measures:
        measure.facts = analyse(text, measure.span.start, measure.span.end, year)


def extract_file(path, plan_id=None, curated=None):
    source = read_source(path)
    return source, extract_plan(source, plan_id, curated)
