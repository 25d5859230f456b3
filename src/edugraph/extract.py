"""Plan text → PlanDocument: structure plus metadata, with curated metadata applied on top."""

import re

from .errors import StructureError
from .metadata import extract_metadata, normalise_document_number
from .model import PlanDocument
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
    return PlanDocument(plan_id=plan_id or plan_id_for(source.path, source.sha256), text=source.text,
                        metadata=metadata, preamble=structure.preamble, sections=structure.sections,
                        warnings=structure.warnings)


def extract_file(path, plan_id=None, curated=None):
    source = read_source(path)
    return source, extract_plan(source, plan_id, curated)
