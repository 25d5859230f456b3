"""Undo the fixed-width line wrapping of text pulled out of a PDF.

Wrapped text has many lines at one display width. A line at that width is joined to the next unless
it ends a sentence or the next line starts a paragraph (indented) or a plausible item number.
"""

import itertools
import re
import unicodedata
from collections import Counter

from edugraph.reading.numerals import parse_number

INDENT_RE = re.compile(r"^(\u3000|\s{2,})")
CN_MARKER_RE = re.compile(r"^\s*([（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、．])")
# 第一条　…, 第二章　总则: an article or chapter heading (a space after it: 依照第十五条规定 continues a sentence).
ARTICLE_RE = re.compile(r"^\s*第[一二三四五六七八九十百零〇0-9０-９]+[条章](?:[ \u3000]|$)")
ARABIC_MARKER_RE = re.compile(r"^\s*[（(]?([0-9０-９]{1,3})(?:[）)]|[\.．、](?![0-9０-９]))")
MIN_LINES = 8
MIN_FULL_LINES = 3
MIN_FULL_SHARE = 0.4  # of the lines at least three quarters as wide as the widest
MIN_WRAP_COLUMNS = 20  # narrower wrapping is not recognised
URL_RE = re.compile(r"https?://\S+$")  # a link ends a line of page chrome: Chinese after it starts a new one
ENTITY_END_RE = re.compile(r"&#?\w+;\s*$")  # a line ending in &quot; does not end a sentence
SENTENCE_END = "。！？；;!?"  # where measures split anyway; a colon ends a line inside a sentence


PAGE_NUMBER_RE = re.compile(r"^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?"
                            r"|\d{1,3}\s*[/／]\s*\d{1,3}|\d{1,3})\s*$")
MIN_PAGES = 2        # page furniture is only recognised in a text with at least this many page numbers
BARE_NUMBER_RE = re.compile(r"^\s*\d{1,3}\s*$")
MIN_PAGE_LINES = 12  # bare numbers closer than this are rows of a table, not page numbers (a page holds more)
RUNNING_HEADER_MIN = 3


# A line set letter-spaced (关 于 印 发…, as a PDF's justified or spaced-out title comes out as text): one or two
# spaces between every two Chinese characters, marks or figures. Such spaces mean nothing and are dropped; a line with
# spaces only here and there (召集人：赖泳文 省政府副秘书长, 牵头部门：市教育局 配合部门：…) keeps them.
CJK = r"0-9.,:;()%\u3001-\u303f\u4e00-\u9fff\uff01-\uff20"  # figures, Chinese characters, marks
SPACED_PAIR_RE = re.compile(rf"(?<=[{CJK}])[ \u3000]{{1,2}}(?=[{CJK}])")
CLOSE_PAIR_RE = re.compile(r"[\u4e00-\u9fff](?=[\u4e00-\u9fff])")  # two characters set close (marks aside)
MIN_SPACED_PAIRS = 3


def close_letter_spacing(text):
    """The text with letter-spaced lines closed up (关 于 印 发 → 关于印发); other lines as they are."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        body = line.lstrip(" \u3000\t")
        gaps = SPACED_PAIR_RE.findall(body)
        if len(gaps) >= MIN_SPACED_PAIRS and len(gaps) >= 3 * len(CLOSE_PAIR_RE.findall(body)):
            # Only the gap the line is spaced with: a wider or different one (第一条　为…) separates.
            gap = Counter(gaps).most_common(1)[0][0]
            closed = SPACED_PAIR_RE.sub(lambda m: "" if m.group() == gap else m.group(), body)
            lines[i] = line[:len(line) - len(body)] + closed
    return "\n".join(lines)


TITLE_LINES = 3  # the first lines of a text that may hold its title


def strip_page_furniture(text):
    """Drop the page numbers (- 3 -, 第3页, 3/12) and running headers a PDF repeats on every page.

    Returns (text, changed). Only applies when the text has several page-number lines, so an ordinary
    document keeps every line; a running header is a short line repeated on at least three pages."""
    lines = text.split("\n")
    numbers = [i for i, line in enumerate(lines) if PAGE_NUMBER_RE.match(line) and line.strip()]
    # Bare figures a few lines apart are a table's row numbers (1, 2, 3 in a form), not pages.
    bare = [i for i in numbers if BARE_NUMBER_RE.match(lines[i])]
    rows = {i for i in bare if any(0 < abs(i - j) <= MIN_PAGE_LINES for j in bare)}
    numbers = [i for i in numbers if i not in rows]
    # Beside pages numbered - 3 -, 第3页 or 3/12, a lone 8 is a figure a line wrap cut off, not a page number.
    if any(not BARE_NUMBER_RE.match(lines[i]) for i in numbers):
        numbers = [i for i in numbers if not BARE_NUMBER_RE.match(lines[i])]
    if len(numbers) < MIN_PAGES:
        return text, False
    # A running header stands next to a page break (right before or after its page number). A line the
    # text itself repeats (牵头部门：市教育局 under every task) is text wherever else it stands.
    beside = {}
    for i in numbers:
        for j in _neighbours(lines, i):
            beside.setdefault(lines[j].strip(), []).append(j)
    # A header has words: a lone "。" that wrapping pushed onto its own line repeats too, but is text.
    needed = max(2, min(RUNNING_HEADER_MIN, len(numbers) - 1))  # the last page break has no page after it
    # A header that repeats the title's first line is one even on the only page after the first (a two-page text).
    first = itertools.islice((line.strip() for line in lines if line.strip()), TITLE_LINES)
    title = {line for line in first if len(line) >= 6}
    headers = {line for line, at in beside.items() if (len(at) >= needed or line in title and at[0] > TITLE_LINES)
               and len(line) <= 40 and not PAGE_NUMBER_RE.match(line) and sum(c.isalnum() for c in line) >= 4
               and not CN_MARKER_RE.match(line) and not ARABIC_MARKER_RE.match(line)}
    skip = set(numbers) | {j for line in headers for j in beside[line]}
    # The blank lines that set the furniture off are the page break's too, not paragraph breaks.
    for i in sorted(skip):
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and not lines[j].strip():
                j += step
            if 0 <= j < len(lines):  # (the blank lines ending the text are its end, not a break)
                skip.update(range(min(i, j) + 1, max(i, j)))
    return "\n".join(line for i, line in enumerate(lines) if i not in skip), True



def _neighbours(lines, i, reach=2):
    """Indexes of the nearest non-blank lines before and after line i, at most `reach` lines away."""
    found = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and abs(j - i) <= reach and not lines[j].strip():
            j += step
        if 0 <= j < len(lines) and abs(j - i) <= reach:
            found.append(j)
    return found


def display_width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrap_fit(lines, measure):
    """(width, share of lines that are full) when the text looks hard-wrapped under one way of counting
    (display columns or characters), else None.

    Wrapped text has several lines at (nearly) one maximum width, hardly any longer, and those full
    lines mostly stop mid-sentence; paragraph-per-line text ends its long lines with 。 instead.
    """
    measured = [(measure(line.rstrip()), line.rstrip()[-1:]) for line in lines if line.strip()]
    if len(measured) < MIN_LINES:
        return None
    narrowest = MIN_WRAP_COLUMNS * measure("国") // 2  # 20 display columns are 10 CJK characters
    for width in sorted({w for w, _ in measured if w >= narrowest}, reverse=True):
        longer = sum(1 for w, _ in measured if w > width + 1)
        if longer > 0.05 * len(measured):
            return None
        # A wrapped line can fall one or two columns short when a wide character does not fit.
        full = [last for w, last in measured if width - 2 <= w <= width]
        if len(full) >= MIN_FULL_LINES:
            open_ended = sum(1 for last in full if last not in SENTENCE_END)
            # Wrapping fills every line of a paragraph but its last: most long lines are full. A text
            # with a line per paragraph has only a few lines that happen to be its longest.
            long_lines = sum(1 for w, _ in measured if w >= width * 3 // 4)
            if open_ended < 0.6 * len(full) or len(full) < MIN_FULL_SHARE * long_lines:
                return None
            return width, len(full) / len(measured)
    return None


def unwrap_hard_wrapped(text):
    """Join hard-wrapped lines. Returns (text, changed). Text that is not hard-wrapped is returned as is."""
    lines = text.split("\n")
    # Tools wrap at a number of display columns (a CJK character is two) or of characters: the way of
    # counting under which more lines come out full is the one the tool used.
    fits = [(fit[1], fit[0], measure) for measure in (display_width, len) if (fit := _wrap_fit(lines, measure))]
    if not fits:
        return text, False
    _, width, measure = max(fits, key=lambda fit: fit[0])
    out = []
    last_item = 0  # last Arabic item number seen at a line start, to tell items from wrapped figures
    joining = False
    for line in lines:
        if joining and line.strip() and not _starts_paragraph(line, last_item) \
                and not (URL_RE.search(out[-1]) and not line.strip()[:1].isascii()):
            previous = out[-1].rstrip()
            # A space survives only where the break fell between two Latin words.
            spaced = out[-1] != previous and previous[-1:].isascii() and line.strip()[:1].isascii()
            out[-1] = previous + (" " if spaced else "") + line.strip()
        else:
            out.append(line)
            match = ARABIC_MARKER_RE.match(line)
            if match:
                last_item = parse_number(match.group(1))
        # A full line that ends a sentence is left alone: joining it gains nothing (measures split
        # there anyway) and would merge two paragraphs when a paragraph happens to fill the line.
        joining = measure(line.rstrip()) >= width - 2 and bool(line.strip()) and (
            line.rstrip()[-1:] not in SENTENCE_END or ENTITY_END_RE.search(line))
    return "\n".join(out), True


def _starts_paragraph(line, last_item):
    """Whether a line after a full-width one begins a new paragraph rather than continuing it."""
    if INDENT_RE.match(line) or CN_MARKER_RE.match(line) or ARTICLE_RE.match(line):
        return True
    match = ARABIC_MARKER_RE.match(line)
    if match:
        number = parse_number(match.group(1))
        return number == 1 or last_item < number <= last_item + 2
    return False
