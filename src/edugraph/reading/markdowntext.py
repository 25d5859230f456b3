"""Text of a plan saved as Markdown: the markup dropped, every source line kept as a line.

Plans reach Markdown through converters (pandoc, web-page scrapers) that mark headings with #, bold
the heading phrase (**（一）指导思想。**), quote with > and list with - or 1. The plan's own numbering
must survive as text, so this is done line by line rather than by a CommonMark renderer, for three
reasons: a renderer turns "1. " into a list item and drops the number; it joins the lines of a
paragraph, which merges every item of a plan written without blank lines; and CommonMark's emphasis
rules do not close **…** after Chinese punctuation followed by a character (**指导思想。**以…), leaving
the asterisks in the text. Indented lines are text, not code: plans indent their paragraphs.
"""

import re

ATX_HEADING_RE = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
ATX_CLOSING_RE = re.compile(r"[ \t]+#+[ \t]*$")
# A line of only ---, ***, ___ or === (a thematic break or a setext underline): no text.
RULE_RE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
QUOTE_RE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
BULLET_RE = re.compile(r"^([ \t\u3000]*)[-*+][ \t]+(?=\S)")
TABLE_RULE_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
LINK_RE = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
AUTOLINK_RE = re.compile(r"<((?:https?|ftp)://[^>\s]+|[^>\s@]+@[^>\s@]+)>")
BREAK_TAG_RE = re.compile(r"<br\s*/?>", re.I)
# ** or __ around a run of text on one line; a lone * only around text without spaces at its edges and not
# touching a Latin letter or figure, so that 3*4, snake_case and a form's blanks (______) stay.
STRONG_RE = re.compile(r"(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1")
EMPHASIS_RE = re.compile(r"(?<![*A-Za-z0-9])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*A-Za-z0-9])")
CODE_RE = re.compile(r"`+([^`\n]+?)`+")
ESCAPE_RE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def looks_like_markdown(text):
    """Two or more # headings, or two or more lines opening in bold: markup plain plan text never has."""
    lines = text.split("\n", 2000)[:2000]
    headings = sum(1 for line in lines if ATX_HEADING_RE.match(line) and line.strip("# \t"))
    bold_openings = sum(1 for line in lines if STRONG_RE.match(line.lstrip(" \t\u3000")))
    return headings >= 2 or bold_openings >= 2


def _table_row(line):
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return "  ".join(cell for cell in cells if cell)


def _inline(line):
    line = IMAGE_RE.sub("", line)
    line = LINK_RE.sub(r"\1", line)
    line = AUTOLINK_RE.sub(r"\1", line)
    line = CODE_RE.sub(r"\1", line)
    for _ in range(2):  # ***x*** is strong inside emphasis
        line = STRONG_RE.sub(r"\2", line)
    line = EMPHASIS_RE.sub(r"\1", line)
    return ESCAPE_RE.sub(r"\1", line)


def markdown_to_text(markup):
    """Plain text of a Markdown plan, one line per source line (markup lines become blank lines)."""
    out = []
    for line in markup.split("\n"):
        if RULE_RE.match(line) or TABLE_RULE_RE.match(line) and "-" in line and "|" in line:
            out.append("")
            continue
        line = QUOTE_RE.sub("", line)
        heading = ATX_HEADING_RE.match(line)
        if heading:
            line = ATX_CLOSING_RE.sub("", line[heading.end():]).rstrip("#")
        else:
            line = BULLET_RE.sub(r"\1", line)
        if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            line = _table_row(line)
        line = BREAK_TAG_RE.sub("\n", _inline(line))
        out.append(line.rstrip(" \t"))
    return "\n".join(out)
