"""Shared test helpers: the fixture plan, its re-encoded and re-laid-out variants, expectation checks."""

import re
import tomllib
import unicodedata
from pathlib import Path

from edugraph.reading.layout import display_width

TESTS = Path(__file__).parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
EXPECTATIONS = TESTS / "expectations"
SOURCES = REPO / "data" / "sources"
TINY = FIXTURES / "tiny-plan.txt"
TINY_TEXT = TINY.read_text(encoding="utf-8")
PKULAW_HEADER = "      北大法宝【法宝引证码】 CLI.12.1234567\n原文链接：https://www.pkulaw.com/lar/0123abcd.html\n"


def load_expected(path):
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def hard_wrap(text, width):
    """Wrap every line at `width` display columns, as text pulled out of a PDF is."""
    out = []
    for line in text.split("\n"):
        chunk, used = "", 0
        for char in line:
            w = display_width(char)
            if used + w > width:
                out.append(chunk)
                chunk, used = "", 0
            chunk, used = chunk + char, used + w
        out.append(chunk)
    return "\n".join(out)


def paginated(text, width=40, page_lines=12):
    """Text as pulled out of a paginated PDF: hard-wrapped, with a page number and a running header
    (the first text line, usually the title) at every page break, which can fall inside a paragraph."""
    lines = hard_wrap(text, width).split("\n")
    header = next(line for line in lines if len(line.strip()) >= 6)
    out = []
    for index, line in enumerate(lines, 1):
        out.append(line)
        if index % page_lines == 0:
            out += [f"- {index // page_lines} -", header]
    return "\n".join(out + [f"- {len(lines) // page_lines + 1} -"])


def fullwidth_numbers(text):
    """Item numbers printed with full-width digits and dot: 3. → ３．"""
    lines = []
    for line in text.split("\n"):
        head, dot, rest = line.partition(".")
        if dot and head.isdigit() and len(head) <= 2:
            line = unicodedata.normalize("NFKC", head).translate(
                {ord(c): ord(c) + 0xFEE0 for c in "0123456789"}) + "．" + rest
        lines.append(line)
    return "\n".join(lines)


def html_page(text, charset="utf-8"):
    body = "\n".join(f"<p>{line}</p>" if line.strip() else "<p>&nbsp;</p>" for line in text.split("\n"))
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>青山市教育局</title>
<script>var nav = "一、不是章节";</script><style>p {{ margin: 0 }}</style></head>
<body>
<nav class="top-nav"><a href="/">首页</a> &gt; <a href="/gk">政务公开</a> <ul><li>一、机构概况</li><li>二、政策文件</li></ul></nav>
<div id="breadcrumb">当前位置：首页 &gt; 规划计划</div>
<div class="article">
{body}
</div>
<footer>主办单位：青山市人民政府办公室 1.网站地图 2.联系我们</footer>
</body></html>
"""


def word_html_page(text, width=76):
    """A page as Word saves it: a <p class=MsoNormal> per line with the text in styled spans, figures in
    spans of their own, and the HTML source wrapped at about `width` characters, inside sentences too."""
    paragraphs = []
    for line in text.split("\n"):
        if not line.strip():
            paragraphs.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
            continue
        body = re.sub(r"([0-9]+)", r"<span lang=EN-US>\1</span>", line.strip())
        paragraphs.append("<p class=MsoNormal style='text-indent:28.0pt;line-height:150%'><span "
                          f"style='font-size:14.0pt;font-family:仿宋'>{body}<span lang=EN-US><o:p></o:p></span></span></p>")
    out, column = [], 0
    for char in "\n\n".join(paragraphs):
        out.append(char)
        column = 0 if char == "\n" else column + 1
        if column >= width and char in " >":
            out.append("\n")
            column = 0
    return ("<html xmlns:o='urn:schemas-microsoft-com:office:office'><head><meta http-equiv=Content-Type "
            "content='text/html; charset=utf-8'><style><!-- p.MsoNormal {margin:0} --></style></head>"
            "<body lang=ZH-CN><div class=WordSection1>\n" + "".join(out) + "\n</div></body></html>")


MARKDOWN_HEADINGS = [(re.compile(r"^[一二三四五六七八九十]+、"), "## "), (re.compile(r"^（[一二三四五六七八九十]+）"), "### ")]


def markdown_page(text):
    """The plan as a converter writes Markdown: the title a # heading, 一、 and （一） headings ## and ###, a bold
    run-in heading phrase (**（一）指导思想。**以…), > for quoted lines, paragraphs flush left between blank lines."""
    out = []
    for number, line in enumerate(line.strip(" \u3000\t") for line in text.split("\n")):
        if not line:
            continue
        mark = next((mark for pattern, mark in MARKDOWN_HEADINGS if pattern.match(line)), "")
        if number == 0:
            mark = "# "
        elif mark == "### " and "。" in line[:-1]:
            head, rest = line.split("。", 1)
            line, mark = f"**{head}。**{rest}", ""
        out.append(mark + line)
    return "\n\n".join(out) + "\n"


# Word's automatic numbering for a plan's three usual levels: 一、 （一） 1., each restarting under its parent.
AUTO_LEVELS = [(re.compile(r"^([一二三四五六七八九十]+)、"), "chineseCounting", "%1、"),
               (re.compile(r"^（([一二三四五六七八九十]+)）"), "chineseCounting", "（%2）"),
               (re.compile(r"^([0-9]+)[.．]"), "decimal", "%3.")]


def docx_file(text, auto_numbered=False):
    """The plan as a Word .docx (python-docx's Word template): a paragraph per line, indentation left to the
    paragraph format. With `auto_numbered`, the 一、/（一）/1. numbers are Word list numbering, not typed."""
    import io
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    document = Document()
    num_id = None
    if auto_numbered:
        numbering = document.part.numbering_part.element
        levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{pattern}"/>'
                         f'<w:suff w:val="nothing"/></w:lvl>' for i, (_, fmt, pattern) in enumerate(AUTO_LEVELS))
        numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
        num_id = "90"
    for line in text.split("\n"):
        line = line.strip(" \u3000\t")
        level = next((i for i, (pattern, _, _) in enumerate(AUTO_LEVELS) if pattern.match(line)), None) if num_id else None
        if level is not None:
            line = AUTO_LEVELS[level][0].sub("", line, count=1)
        # A form feed (a page end a text kept) is what Word holds as a page break inside the paragraph.
        first, *after_breaks = line.split("\f")
        paragraph = document.add_paragraph(first)
        for part in after_breaks:
            run = paragraph.add_run()
            run.add_break(WD_BREAK.PAGE)
            run.add_text(part)
        if level is not None:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_file(text, width=38, page_lines=36):
    """The plan printed to a PDF (reportlab, Chinese in its built-in STSong-Light CID font): every line wrapped at
    `width` display columns, `page_lines` lines a page, the title as a running header and - N - at each page's foot."""
    import io
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    lines = hard_wrap(text, width).split("\n")
    header = next((line.strip() for line in lines if len(line.strip()) >= 6), "")
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(595, 842))
    for start in range(0, len(lines), page_lines):
        page.setFont("STSong-Light", 9)
        if start:
            page.drawCentredString(297, 800, header)
        page.setFont("STSong-Light", 12)
        for row, line in enumerate(lines[start:start + page_lines]):
            page.drawString(70, 770 - 20 * row, line)
        page.setFont("STSong-Light", 10)
        page.drawCentredString(297, 40, f"- {start // page_lines + 1} -")
        page.showPage()
    page.save()
    return out.getvalue()


def mht_file(text):
    """The plan's web page as Word saves a single-file web page: a multipart/related MIME archive holding the page
    (GB2312-declared, quoted-printable) and an image."""
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText
    archive = MIMEMultipart("related")
    page = MIMEText(word_html_page(text.replace("\xa0", " ")).replace("utf-8", "gb2312"), "html", "gb18030")
    page.replace_header("Content-Type", 'text/html; charset="gb2312"')
    archive.attach(page)
    archive.attach(MIMEImage(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "gif"))
    return archive.as_bytes()


# name → (file suffix, function: text → bytes). Each is the tiny plan re-encoded or re-laid-out.
VARIANTS = {
    "utf-8": (".txt", lambda t: t.encode("utf-8")),
    "utf-8-bom": (".txt", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
    "gb18030": (".txt", lambda t: t.encode("gb18030")),
    "utf-16-le-bom": (".txt", lambda t: b"\xff\xfe" + t.encode("utf-16-le")),  # Windows Notepad's "Unicode"
    "utf-16-be-bom": (".txt", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
    "utf-16-le-no-bom": (".txt", lambda t: t.encode("utf-16-le")),  # as some exporters write "Unicode" text
    "utf-16-be-no-bom": (".txt", lambda t: t.encode("utf-16-be")),
    # GBK has no U+00A0: a GBK page prints a plain space there.
    "gbk": (".txt", lambda t: t.replace("\xa0", " ").encode("gbk")),
    "crlf": (".txt", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
    "html": (".html", lambda t: html_page(t).encode("utf-8")),
    "html-gbk": (".html", lambda t: html_page(t.replace("\xa0", " "), "gbk").encode("gbk")),
    "word-html": (".html", lambda t: word_html_page(t).encode("utf-8")),
    "hard-wrapped-36": (".txt", lambda t: hard_wrap(t, 36).encode("utf-8")),
    "hard-wrapped-50": (".txt", lambda t: hard_wrap(t, 50).encode("utf-8")),
    "pdf-pages": (".txt", lambda t: paginated(t).encode("utf-8")),
    "fullwidth-numbers": (".txt", lambda t: fullwidth_numbers(t).encode("utf-8")),
    "pkulaw-header": (".txt", lambda t: (PKULAW_HEADER + t).encode("utf-8")),
    "space-indent": (".txt", lambda t: t.replace("\u3000\u3000", "    ").encode("utf-8")),
    "no-blank-lines": (".txt", lambda t: "\n".join(line for line in t.split("\n") if line.strip()).encode("utf-8")),
    # No indentation left to tell a paragraph from a wrapped line: only marks and sentence ends do.
    "markdown": (".md", lambda t: markdown_page(t).encode("utf-8")),
    # Short lines (the title block, headings) letter-spaced, as a PDF's spaced-out titles come out as text.
    "letter-spaced-short-lines": (".txt", lambda t: "\n".join(
        " ".join(line) if 4 <= len(line.strip()) <= 30 and not re.search(r"[:/ \xa0\u3000]", line.strip()) else line
        for line in t.split("\n")).encode("utf-8")),
    # Each heading's number alone on its line, the title on the next (as PDF text puts a number set in its own box).
    "number-on-its-own-line": (".txt", lambda t: re.sub(
        r"(?m)^([ \u3000\t]*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+[.．]))", r"\1\n", t).encode("utf-8")),
    # Every sentence on a line of its own, as sentence-split corpora are stored.
    "sentence-per-line": (".txt", lambda t: re.sub(r"([。；！？])(?=[^\n”’）)])", r"\1\n", t).encode("utf-8")),
    "docx": (".docx", docx_file),
    "pdf": (".pdf", pdf_file),
    "mht": (".mht", mht_file),
    "flush-left-wrapped-40": (".txt", lambda t: hard_wrap("\n".join(line.lstrip(" \u3000\t") for line in t.split("\n")),
                                                          40).encode("utf-8")),
}


def write_variant(folder, name, text=TINY_TEXT):
    suffix, encode = VARIANTS[name]
    path = Path(folder) / f"tiny-plan{suffix}"
    path.write_bytes(encode(text))
    return path


def outline(doc):
    """[(section ordinal, section title, [(task ordinal, task title)])] of a parsed plan."""
    return [(s.ordinal, s.heading.title.text(doc.text),
             [(t.ordinal, t.heading.title.text(doc.text)) for t in s.tasks]) for s in doc.sections]


def expected_outline(expected):
    return [(s["ordinal"], s["title"], [tuple(t) for t in s["tasks"]]) for s in expected["section"]]


def check_against_expectations(doc, expected):
    """Assert a parsed plan matches a hand-labelled expectation file; readable diffs on failure."""
    if "outline" in expected:
        got, want = outline_lines(doc.outline, doc.text), labelled_outline(expected)
        if not outline_matches(got, want):
            assert got == want  # shows the difference
        assert doc.depth == expected["depth"]
    if "section" in expected:
        assert outline(doc) == expected_outline(expected)
        assert len(doc.sections) == expected["sections"]
        assert len([t for s in doc.sections for t in s.tasks]) == expected["tasks"]
    meta = doc.metadata
    assert meta.title == expected["title"]
    assert meta.issuers == expected["issuers"]
    assert meta.issued == expected["issued"]
    assert meta.index_number == expected["index_number"]
    assert meta.year == expected["year"]
    # A text with no numbered headings has no preamble: its body is the plan's own measures.
    opening = doc.preamble.span.text(doc.text) if doc.preamble else (
        doc.measures[0].span.text(doc.text) if doc.measures else "")
    if expected["preamble_starts_with"]:
        assert opening.startswith(expected["preamble_starts_with"])
    else:
        assert doc.preamble is None


def all_spans(doc):
    """Every (kind, node, span) of a parsed plan, for round-trip checks."""
    out = []
    if doc.preamble:
        out.append(("preamble", doc.preamble, doc.preamble.span))
        out += [("measure", m, m.span) for m in doc.preamble.measures]
    for division in doc.divisions():
        out.append(("section" if division.depth == 1 and doc.sections else "task", division, division.span))
        out += [("measure", m, m.span) for m in division.measures]
    out += [("measure", m, m.span) for m in doc.measures]
    return out


# Every folder of real documents with its hand labels: (sources folder, expectations folder).
LABELLED_FOLDERS = {
    "sources": (SOURCES, EXPECTATIONS),
    "more": (REPO / "data" / "more", EXPECTATIONS / "more"),
    "shapes": (REPO / "data" / "shapes", EXPECTATIONS / "shapes"),
}


def labelled_documents():
    """[(id, source path, expectation path)] of every hand-labelled real document."""
    from edugraph.corpus import read_manifest
    out = []
    for folder, labels in LABELLED_FOLDERS.values():
        for name, row in sorted(read_manifest(folder).items()):
            out.append((row["id"], folder / name, labels / f"{row['id']}.toml"))
    return out


def outline_lines(outline, text):
    """A parsed outline as the hand labels write it: one line per numbered heading, two spaces of
    indent per level below the top, then the numbering as printed, a tab and the title."""
    return ["  " * (d.depth - 1) + f"{d.heading.numbering}\t{d.heading.title.text(text)}"
            for top in outline for d in top.walk()]


def labelled_outline(expected):
    """The `outline` field of an expectation file as a list of lines (see tests/expectations/README.md)."""
    return [line for line in expected.get("outline", "").split("\n") if line.strip()]


def outline_matches(parsed, labelled):
    """Compare parsed outline lines with labelled ones. A label ending in … names an item with no title
    sentence by the start of its lead clause: the titles must then agree as far as the shorter goes."""
    if len(parsed) != len(labelled):
        return False
    for got, want in zip(parsed, labelled):
        got_head, _, got_title = got.partition("\t")
        want_head, _, want_title = want.partition("\t")
        # Width-folded: a re-laid-out variant may print １． for 1. (the corpus test checks the marker
        # against the source text itself).
        if unicodedata.normalize("NFKC", got_head) != unicodedata.normalize("NFKC", want_head):
            return False
        if want_title.endswith("…"):
            want_title = want_title[:-1]
            if not got_title or not (got_title.startswith(want_title) or want_title.startswith(got_title)):
                return False
        elif got_title != want_title:
            return False
    return True
