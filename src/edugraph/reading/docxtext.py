"""Text of a plan saved as a Word .docx file: a line per paragraph, in reading order, numbering included.

Plans are often passed around as Word files. Their text is read straight from the package's XML with the
standard library: body paragraphs and table cells in document order (a cell's paragraphs are lines of
their own, as a web page's cells are), tabs and line breaks kept, deleted revisions, field codes and the
fallback copy of a text box left out. Word's automatic numbering (一、, （一）, 1., ① set by a list style
rather than typed) is not in the text runs, so it is rendered from numbering.xml the way Word shows it:
each list keeps a counter per level, a level's counter restarts when a higher level moves on, and the
level's pattern (%1、, （%1）) is filled in its number format. Headers, footers and footnotes are page
chrome and are not read. docx2python was considered: it renders every list as 1) / a) whatever the
document's own pattern, which would turn （一） into 1) and lose the level.
"""

import io
import re
import zipfile
from xml.etree import ElementTree

from edugraph.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
DOCX_SUFFIXES = (".docx",)
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Subtrees whose text is not the document's: deleted revisions, field instructions, a text box's copy for
# old readers (its text is read once, from the mc:Choice).
SKIPPED = {W + "del", W + "delText", W + "instrText", MC_FALLBACK}
CN_DIGITS = "零一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}


def is_docx(raw):
    return raw.startswith(b"PK\x03\x04")


def _chinese(n):
    """一 … 九十九 as Chinese counting writes them (十, 十一, 二十); larger numbers in Arabic figures."""
    if not 0 < n < 100:
        return str(n)
    tens, units = divmod(n, 10)
    return (("" if tens == 1 else CN_DIGITS[tens]) + "十" if tens else "") + (CN_DIGITS[units] if units else "")


def _roman(n):
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += letters * count
    return out


def _letters(n):
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n, number_format):
    """A list counter in one of Word's number formats (w:numFmt), as Word shows it."""
    if number_format in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
                         "ideographTraditional"):
        return _chinese(n)
    if number_format in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if number_format in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else f"({n})"
    if number_format == "decimalEnclosedParen":
        return f"({n})"
    if number_format == "decimalZero":
        return f"{n:02d}"
    if number_format in ("upperRoman", "lowerRoman"):
        return _roman(n) if number_format == "upperRoman" else _roman(n).lower()
    if number_format in ("upperLetter", "lowerLetter"):
        return _letters(n) if number_format == "upperLetter" else _letters(n).lower()
    if number_format in ("bullet", "none"):
        return ""
    return str(n)  # decimal, and formats no Chinese plan uses


def _value(element, path, default=None):
    found = element.find(path) if element is not None else None
    return found.get(W + "val", default) if found is not None else default


class _Numbering:
    """Word's list definitions (numbering.xml) and the counters of the lists met so far."""

    def __init__(self, root, styles):
        self.abstract = {a.get(W + "abstractNumId"): a for a in root.iter(W + "abstractNum")} if root is not None else {}
        self.nums = {n.get(W + "numId"): n for n in root.iter(W + "num")} if root is not None else {}
        self.styles = styles
        self.counters = {}

    def _level(self, num_id, ilvl):
        num = self.nums.get(num_id)
        abstract = self.abstract.get(_value(num, W + "abstractNumId")) if num is not None else None
        if abstract is None:
            return None, None
        level = next((lvl for lvl in abstract.iter(W + "lvl") if lvl.get(W + "ilvl") == str(ilvl)), None)
        override = next((o for o in num.iter(W + "lvlOverride") if o.get(W + "ilvl") == str(ilvl)), None)
        start = _value(override, W + "startOverride") or _value(level, W + "start", "1")
        return level, int(start) if start.lstrip("-").isdigit() else 1

    def marker(self, paragraph_properties):
        """The number Word shows before a paragraph (一、, （二）, 3.), or "" when it is not in a list."""
        num_pr = paragraph_properties.find(W + "numPr") if paragraph_properties is not None else None
        num_id, ilvl = _value(num_pr, W + "numId"), _value(num_pr, W + "ilvl")
        if num_id is None:  # numbered by its paragraph style (a heading style with a list)
            num_id, style_ilvl = self.styles.get(_value(paragraph_properties, W + "pStyle"), (None, None))
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0":
            return ""
        ilvl = int(ilvl) if ilvl and ilvl.isdigit() else 0
        level, start = self._level(num_id, ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a higher level moved on: the levels below start again
        text = _value(level, W + "lvlText", "")

        def fill(match):
            at = int(match.group(1)) - 1
            at_level, at_start = self._level(num_id, at)
            return format_number(counters.get(at, at_start or 1), _value(at_level, W + "numFmt", "decimal"))

        rendered = re.sub(r"%([1-9])", fill, text)
        if not rendered.strip():
            return ""  # a bullet or an unnumbered level: nothing the plan's text would show as a number
        return rendered + SUFFIXES.get(_value(level, W + "suff", "tab"), "\t")


def _style_numbering(root):
    """{paragraph style id: (numId, ilvl)} for styles that number their paragraphs, through w:basedOn."""
    if root is None:
        return {}
    styles = {s.get(W + "styleId"): s for s in root.iter(W + "style")}
    found = {}
    for style_id in styles:
        style, seen = styles[style_id], set()
        while style is not None and style.get(W + "styleId") not in seen:
            seen.add(style.get(W + "styleId"))
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None and _value(num_pr, W + "numId") is not None:
                found[style_id] = (_value(num_pr, W + "numId"), _value(num_pr, W + "ilvl", "0"))
                break
            style = styles.get(_value(style, W + "basedOn"))
    return found


def _paragraph_text(paragraph):
    parts = []

    def walk(element):
        for child in element:
            if child.tag in SKIPPED:
                continue
            if child.tag == W + "t":
                parts.append(child.text or "")
            elif child.tag == W + "tab" and element.tag == W + "r":
                parts.append("\t")
            elif child.tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif child.tag == W + "noBreakHyphen":
                parts.append("-")
            elif child.tag == W + "p":  # a paragraph inside a text box: a line of its own
                parts.append("\n" + _paragraph_text(child) + "\n")
            elif child.tag != W + "pPr":
                walk(child)

    walk(paragraph)
    return "".join(parts)


# Word's "Strict Open XML" save option writes the same vocabulary under another namespace.
STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
TRANSITIONAL_NAMESPACE = W[1:-1].encode()


def _read_part(package, name, path):
    try:
        return ElementTree.fromstring(package.read(name).replace(STRICT_NAMESPACE, TRANSITIONAL_NAMESPACE)) \
            if name in package.namelist() else None
    except ElementTree.ParseError as error:
        raise InputError(f"broken Word file: {name} is not well-formed XML ({error})", path=path) from None


def docx_to_text(raw, path):
    """The text of a .docx file's body, one line per paragraph or table cell."""
    try:
        package = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        raise InputError("broken ZIP archive, expected a Word .docx document", path=path) from None
    with package:
        if "word/document.xml" not in package.namelist():
            raise InputError("a ZIP archive without word/document.xml, expected a Word .docx document", path=path)
        document = _read_part(package, "word/document.xml", path)
        numbering = _Numbering(_read_part(package, "word/numbering.xml", path),
                               _style_numbering(_read_part(package, "word/styles.xml", path)))
    body = document.find(W + "body")
    lines = []

    def walk(element):
        for child in element:
            if child.tag == W + "p":
                lines.append(numbering.marker(child.find(W + "pPr")) + _paragraph_text(child))
            elif child.tag not in SKIPPED and child.tag != W + "sectPr":
                walk(child)  # tables, rows, cells, content controls, inserted revisions

    walk(body if body is not None else document)
    return "\n".join(lines) + "\n"
