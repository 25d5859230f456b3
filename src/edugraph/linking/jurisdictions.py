"""China's administrative divisions (GB/T 2260 codes, data/divisions/divisions.tsv) and the division a
body or a plan belongs to.

The table is generated from a pinned data release by scripts/update_divisions.py (never typed by hand).
A body's division is the most specific division its name names: 威海市教育局 → 威海市 (371000) → 山东省
(370000) → the nation. Names that several divisions share (朝阳区, 鼓楼区) are decided by a larger division
named beside them (北京市朝阳区), or not at all.
"""

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from edugraph import settings

NATION_CODE = "100000"


@dataclass(frozen=True)
class Division:
    code: str      # GB/T 2260 six-digit code; 100000 for the nation
    name: str      # full name as the table gives it: 山东省, 威海市, 内蒙古自治区
    level: str     # national / provincial / municipal / county (the level scheme's concepts)
    parent: str    # the code of the division above, "" for the nation


class Divisions:
    """The division table with look-ups by code and by name."""

    def __init__(self, rows):
        self.by_code = {row.code: row for row in rows}
        self.by_name = {}
        for row in rows:
            for name in (row.name, *_short_names(row.name)):
                self.by_name.setdefault(name, []).append(row)
        # Longest names first, so 内蒙古自治区 is tried before 内蒙古 could be.
        self._names = sorted(self.by_name, key=len, reverse=True)
        self._named = {}  # text → named_in(text)

    @property
    def nation(self):
        return self.by_code[NATION_CODE]

    def chain(self, code):
        """The division and every division above it, up to the nation."""
        out = []
        while code and code in self.by_code:
            out.append(self.by_code[code])
            code = self.by_code[code].parent
        return out

    def at_level(self, code, level):
        """The division of this level that contains `code` (itself included), or None."""
        return next((d for d in self.chain(code) if d.level == level), None)

    def contains(self, outer, inner):
        """Whether division `outer` is `inner` or above it."""
        return any(d.code == outer for d in self.chain(inner))

    def named_in(self, text):
        """The most specific division that `text` (a body's name, a title) names, or None.

        Every division whose full name occurs in the text is a candidate; a candidate above another
        one is context, not the answer; of several namesakes, the one inside a named candidate wins.
        Memoised: the same bodies are named over and over, and each look-up tries every name."""
        if text not in self._named:
            self._named[text] = self._find_named(text)
        return self._named[text]

    def _find_named(self, text):
        found = [d for name in self._names if name in text for d in self.by_name[name]]
        if not found:
            return None
        codes = {d.code for d in found}
        deepest = [d for d in found if not any(o.code != d.code and self.contains(d.code, o.code) for o in found)]
        if len(deepest) > 1:
            supported = [d for d in deepest if any(a.code in codes for a in self.chain(d.code)[1:])]
            deepest = supported or deepest
        return deepest[0] if len(deepest) == 1 else None


AUTONOMOUS_RE = re.compile(r"^(.{2,4}?)(?:(?:[\u4e00-\u9fff]{1,3}?族)+)自治(州|县|旗)$")


def _short_names(name):
    """The short forms documents use for autonomous divisions: 文山壮族苗族自治州 → 文山州."""
    match = AUTONOMOUS_RE.match(name)
    return (match.group(1) + match.group(2),) if match else ()


@lru_cache(maxsize=4)
def load_divisions(path=None):
    path = Path(path or settings.DIVISIONS_PATH)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [Division(r["code"], r["name"], r["level"], r["parent"]) for r in csv.DictReader(handle, delimiter="\t")]
    return Divisions(rows)


def jurisdiction_of(issuers, level="", divisions=None):
    """The division a plan belongs to, from its issuing bodies (the first that names one); a national
    plan (教育部, 国务院办公厅) belongs to the nation."""
    divisions = divisions or load_divisions()
    for name in issuers:
        division = divisions.named_in(name)
        if division is not None:
            return division
    return divisions.nation if level == "national" else None
