"""Undo the fixed-width line wrapping of text pulled out of a PDF.

A wrapped paragraph has most lines at one display width. Lines at that width are joined to the next
line unless the next line starts a paragraph (indented) or starts with a plausible item number.
"""

import re
import unicodedata
from collections import Counter

from .numerals import parse_number

INDENT_RE = re.compile(r"^(\u3000|\s{2,})")
CN_MARKER_RE = re.compile(r"^\s*([（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、．])")
ARABIC_MARKER_RE = re.compile(r"^\s*[（(]?([0-9０-９]{1,3})(?:[）)]|[\.．、](?![0-9０-９]))")
MIN_LINES = 8


def display_width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap_width(lines):
    """The fixed width the text was wrapped at, or None if it does not look hard-wrapped."""
    widths = [display_width(line.rstrip()) for line in lines if line.strip()]
    if len(widths) < MIN_LINES:
        return None
    counts = Counter(w for w in widths if w >= 20)
    if not counts:
        return None
    # A wrapped line can fall one or two columns short when a wide character does not fit.
    best = max(counts, key=lambda w: (sum(counts[w - k] for k in range(3)), w))
    full = sum(counts[best - k] for k in range(3))
    longer = sum(1 for w in widths if w > best + 1)
    if full >= 0.4 * len(widths) and longer <= 0.05 * len(widths):
        return best
    return None


def unwrap_hard_wrapped(text):
    """Join hard-wrapped lines. Returns (text, changed). Text that is not hard-wrapped is returned as is."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text, False
    out = []
    last_item = 0  # last Arabic item number seen at a line start, to tell items from wrapped figures
    joining = False
    for line in lines:
        if joining and line.strip() and not _starts_paragraph(line, last_item):
            previous = out[-1].rstrip()
            glue = " " if previous[-1:].isascii() and previous[-1:].isalnum() and line[:1].isalnum() \
                and line[:1].isascii() else ""
            out[-1] = previous + glue + line.strip()
        else:
            out.append(line)
            match = ARABIC_MARKER_RE.match(line)
            if match:
                last_item = parse_number(match.group(1))
        joining = display_width(line.rstrip()) >= width - 2 and bool(line.strip())
    return "\n".join(out), True


def _starts_paragraph(line, last_item):
    if INDENT_RE.match(line) or CN_MARKER_RE.match(line):
        return True
    match = ARABIC_MARKER_RE.match(line)
    if match:
        number = parse_number(match.group(1))
        return number == 1 or last_item < number <= last_item + 2
    return False
