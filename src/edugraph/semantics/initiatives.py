"""Named programmes, campaigns and slogans: short quoted phrases such as “双减” or “一校一品”."""

import unicodedata

from .spans import QUOTE_RE


def normalise_name(name):
    return "".join(unicodedata.normalize("NFKC", name).split())


def find_initiatives(text, start, end, skip):
    """[(start, end, name)] for quoted names outside cited titles; the span includes the quotes."""
    found = []
    for match in QUOTE_RE.finditer(text, start, end):
        name = match.group(1).strip()
        if any(a <= match.start() <= (b if b is not None else end) for a, b in skip):
            continue
        if len(name) < 2 or not any("\u4e00" <= c <= "\u9fff" for c in name) or "，" in name or "," in name:
            continue
        found.append((match.start(), match.end(), normalise_name(name)))
    return found
