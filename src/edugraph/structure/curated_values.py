"""Checks for hand-curated values (MANIFEST.tsv rows) before they reach the graph.

A curated value ends up in an IRI (the plan id, the level concept) or in a typed literal (a year, a
date), so a free-text value such as "county (district)" must be refused with a message naming the
file, the row and the column, not turned into an invalid IRI.
"""

import re
from datetime import date

from edugraph.errors import InputError
from edugraph.structure.metadata import DOC_NUMBER_RE, normalise_document_number

# The concepts of the level scheme in ontology/edugraph.ttl (level:national …).
LEVELS = ("national", "provincial", "municipal", "county")
PLAN_ID_RE = re.compile(r"[a-z0-9](?:[a-z0-9.-]{0,78}[a-z0-9])?")


def _year(value):
    return value.isdigit() and len(value) == 4 and 1949 <= int(value) <= date.today().year + 10


def _iso_date(value):
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and bool(date.fromisoformat(value))
    except ValueError:
        return False


def _document_number(value):
    return bool(DOC_NUMBER_RE.fullmatch(normalise_document_number(value)))


def _issuers(value):
    return all(name.strip() and not re.search(r"[<>\"{}|\\^`]", name) for name in value.split(";"))


# column → (check, what was expected). Empty cells are always allowed: extraction fills them in.
COLUMN_CHECKS = {
    "id": (PLAN_ID_RE.fullmatch, "a plan id of lower-case letters, digits, '-' and '.' (weihai-2022)"),
    "level": (lambda v: v in LEVELS, "one of " + ", ".join(LEVELS)),
    "year": (_year, "a four-digit year"),
    "issued": (_iso_date, "an ISO date YYYY-MM-DD"),
    "document_number": (_document_number, "a 文号 such as 鲁政办发〔2016〕36号"),
    "issuer": (_issuers, "issuing bodies separated by ';'"),
}


def check_manifest_row(row, path, line):
    """Raise InputError naming file, line and column for the first value not of its allowed form."""
    for column, (check, expected) in COLUMN_CHECKS.items():
        value = (row.get(column) or "").strip()
        if value and not check(value):
            raise InputError(f"column '{column}': expected {expected}, got {value!r}", path=path, line=line)
