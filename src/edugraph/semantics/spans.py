"""Spans inside a piece of plan text that other extractors must skip: cited titles, quotes, 文号, the
titles an 附件 line lists, and short names being defined (（以下简称…）)."""

import re

from edugraph.reading.brackets import closing_index
from edugraph.structure.metadata import CN_YEAR_MONTH, SIGNED_DATE, SIGNER_NAME, find_document_numbers

TITLE_OPEN, TITLE_CLOSE = "《", "》"
# A quote may close with a straight " where the source mistyped its closing mark (“体育、艺术2+1项目"暨…).
QUOTE_RE = re.compile("“([^“”\"《》。；\\n]{1,30})[”\"]")


def title_spans(text, start, end):
    """[(open, close_or_None)] for every 《 in text[start:end]: close is the index of the matching 》
    (nesting and 〈〉 inside allowed), None when the 《 is never closed before `end`."""
    spans, index = [], start
    while True:
        index = text.find(TITLE_OPEN, index, end)
        if index < 0:
            return spans
        close = closing_index(text, index, TITLE_CLOSE, end)
        spans.append((index, close))
        index = close + 1 if close is not None else index + 1


def document_number_spans(text, start, end):
    return [(a, b) for a, b, _ in find_document_numbers(text, start, end)]


def quote_spans(text, start, end):
    """(open, close) of short quoted phrases “…” (names of programmes, slogans)."""
    return [(m.start(), m.end() - 1) for m in QUOTE_RE.finditer(text, start, end)]


# 附件：安徽省教育厅转发…的通知: the title of a document sent with the notice, named as a 《title》 would be.
ATTACHMENT_LINE_RE = re.compile(r"附件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]\s*(?P<title>[^\n]+)")


# 2．…汇总表: a further item of the list an 附件： line opens, on a line of its own.
ATTACHMENT_ITEM_RE = re.compile(r"[ \t\u3000\xa0]*[0-9０-９]{1,2}\s*[.．、]\s*(?P<title>[^\n]+)")
MAX_ATTACHMENTS = 20


# A signer's name on its own line right above the date it signed on (中共绍兴市教育局委员会⏎二〇一〇年十二月二十四日),
# where attachments after it keep it inside a measure: the signature, not a body the text names.
SIGNER_ABOVE_DATE_RE = re.compile(rf"^[ \t\u3000]*(?P<name>{SIGNER_NAME})[ \t\u3000]*\n"
                                  rf"[ \t\u3000]*(?:{SIGNED_DATE}|{CN_YEAR_MONTH})[ \t\u3000]*$", re.MULTILINE)


def signature_spans(text, start, end):
    """(start, end - 1) of each signer's name standing on its own line above a date line in text[start:end]."""
    return [(m.start("name"), m.end("name") - 1) for m in SIGNER_ABOVE_DATE_RE.finditer(text, start, end)]


def attachment_spans(text, start, end):
    """(start, end - 1) of the titles on 附件 lines (附件 opening its line) in text[start:end], and of the
    further items of an attachment list, one a line under it."""
    spans = [(m.start("title"), m.end("title") - 1) for m in ATTACHMENT_LINE_RE.finditer(text, start, end)
             if not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip(" \t\u3000")]
    line_start = text.rfind("\n", 0, start) + 1
    while line_start < end:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        item = ATTACHMENT_ITEM_RE.fullmatch(text, line_start, line_end)
        if item and _under_attachment_line(text, line_start):
            spans.append((max(start, item.start("title")), item.end("title") - 1))
        line_start = line_end + 1
    return spans


def _under_attachment_line(text, line_start):
    """Whether the lines above (blank lines and list items only) lead up to a line opening with 附件."""
    for _ in range(MAX_ATTACHMENTS):
        if line_start == 0:
            return False
        previous = text.rfind("\n", 0, line_start - 1) + 1
        line = text[previous:line_start - 1]
        if re.match(r"[ \t\u3000\xa0]*附件", line):
            return True
        if line.strip() and not ATTACHMENT_ITEM_RE.fullmatch(line):
            return False
        line_start = previous
    return False


# （以下简称论文报告会）: the short name a text gives what it has just named, used for it from then on.
SHORT_NAME_RE = re.compile(r"[（(]以下简称[“\"]?(?P<short>[\u4e00-\u9fff]{2,12})[”\"]?[）)]")


def short_name_spans(text, start, end):
    """(open, close) of the brackets in text[start:end] that define a short name: no mention stands in one."""
    return [(m.start(), m.end() - 1) for m in SHORT_NAME_RE.finditer(text, start, end)]


def inside(position, spans):
    return any(a <= position <= (b if b is not None else position) for a, b in spans)
