"""Find a plan's structure in its text: preamble, a tree of numbered headings of any depth, measures.

Everything is located by code-point offsets into the text. The rules are about how Chinese
government documents are typeset, not about any one document:
- heading markers come in styles ranked 第一部分/第一章 > 第一节 > 第一条 > 一、 > （一） > 1. > 1.1 > 1.1.1 > （1） > ① (a
  plan whose top level is a bare 1 with 1.1 below ranks its decimal levels above 1.); the
  outermost style that starts at 1 is the top level, and every other heading nests under the heading
  before it when its style ranks lower (a new level) or continues an open level's numbering;
- a marker is a heading only when its number continues its level's sequence, restarts it under a new
  parent, or runs on from the previous parent's items, which tells item numbers from figures that
  happen to start a line; repeated and skipped numbers are kept, with a warning naming the line;
- a title is its item's first short sentence; when the title runs into the body with no closing mark,
  the body starts at the first clause-opening verb (see TITLE_BREAK_VERBS);
- a forwarding notice (印发/转发《X》) that prints X after its own text: X's headings are the outline and
  the notice's own text is the preamble.
"""

import re
from dataclasses import dataclass

from edugraph.structure.metadata import CN_YEAR_MONTH, SIGNED_DATE, SIGNER_NAME
from edugraph.structure.model import Heading, Measure, Preamble, Section, Span, Task, numbered
from edugraph.reading.brackets import closing_index
from edugraph.reading.numerals import parse_number

# Ranked outermost first. 第X部分/第X章 are parts or chapters; 第X条 are a regulation's articles.
STYLES = ("cn_part", "cn_section", "cn_article", "cn_dun", "cn_paren", "ar_dot", "dec1", "dec2", "dec3", "ar_paren",
          "circled")
# Styles that make sections when they are the top level; a top level of any other style is a flat list.
# A plan numbered 1 / 1.1 / 1.1.1 puts its typed lists (1., （1）) below its decimal levels.
DECIMAL_STYLES = ("dec1", "dec2", "dec3")
DECIMAL_RANKING = (STYLES[:STYLES.index("ar_dot")] + DECIMAL_STYLES
                   + tuple(s for s in STYLES[STYLES.index("ar_dot"):] if s not in DECIMAL_STYLES))
SECTION_STYLES = ("cn_part", "cn_section", "cn_dun")
CN = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
DECIMAL_PARENT = r"[0-9０-９]{1,2}[\.．]"  # 1. of 1.2, 1.2. of 1.2.3
# The number a decimal marker counts with, ending the marker before a title, not a figure (1.5万人).
DECIMAL_LAST = r"([0-9０-９]{1,2})(?![0-9０-９]|[\.．][0-9０-９])(?=[\s\u3000“《\u4e00-\u9fff])(?![万亿元倍个所名人次年月日天周岁项])"
FIRST_ONLY = "first only"  # weak evidence that may only open a list (a later 2.5亿元 is a figure, not item 2)
MARKER_PATTERNS = [
    ("cn_part", re.compile(rf"第([{CN}百零]{{1,5}}|[0-9０-９]{{1,2}})(?:部分|章|篇)"), False),
    ("cn_part", re.compile(r"§\s*([0-9０-９]{1,2})(?![0-9０-９]|[.．][0-9０-９])\s*[\.．、]?"), False),  # §1. 指导思想: a part by the section sign
    # 第X节 within a 规划's chapters (not 第一节课, a lesson; not 第一节点, a timetable's node)
    ("cn_section", re.compile(rf"第([{CN}百零]{{1,5}}|[0-9０-９]{{1,2}})节(?![课次点日])"), False),
    ("cn_article", re.compile(rf"第([{CN}百千零]{{1,7}}|[0-9０-９]{{1,3}})条(?=[\s\u3000　]|$)"), False),
    # 一、 (also the typo 一，) but not the list "一、二年级" that a wrapped line can start with
    ("cn_dun", re.compile(rf"([{CN}百零]{{1,5}})\s*[、．.，,](?![{CN}]+[、，,年级])"), False),
    # （一）, also in lenticular or square brackets (〔一〕, ［一］) or with its opening bracket lost (一）)
    ("cn_paren", re.compile(rf"[（(〔［\[]\s*([{CN}百零]{{1,5}})\s*[）)〕］\]]|([{CN}]{{1,3}})[）)]"), False),
    ("ar_paren", re.compile(r"[（(〔［\[]\s*([0-9０-９]+)\s*[）)〕］\]]|([0-9０-９]{1,3})[）)]"), False),
    ("ar_dot", re.compile(r"([0-9０-９]+)\s*[\.．、](?![0-9０-９])"), False),
    # Decimal numbering (1. / 1.1 / 1.1.1): the last number counts within its parent; not a figure (1.5万人).
    # …and its top level may be a bare number before a space (1 总体要求), taken only beside 1.1 numbers.
    ("dec1", re.compile(r"([0-9０-９]{1,2})(?=[ \t\u3000]+[\u4e00-\u9fff“《])(?![ \t\u3000]+[万亿元倍个所名人次年月日天周岁项])"), False),
    ("dec3", re.compile(rf"{DECIMAL_PARENT * 2}{DECIMAL_LAST}"), False),
    ("dec2", re.compile(rf"{DECIMAL_PARENT}{DECIMAL_LAST}"), False),
    ("circled", re.compile(f"([{CIRCLED}])"), False),
    # An item whose text opens with a figure runs its number into the figure (1.35周岁以下…, 2.2025年前…): weak
    # evidence, a first item accepted only when its sibling 2. follows.
    ("ar_dot", re.compile(r"([0-9０-９]{1,2})[\.．](?=[0-9０-９])"), FIRST_ONLY),
    # A number with its dot missing ("19推进…"): weak evidence, accepted only when exactly expected.
    ("ar_dot", re.compile(r"([0-9０-９]{1,3})(?=[\u4e00-\u9fff“《])(?![个所名项人次元万亿年月日天周岁种家条届期批多余类倍台套间座本册门支篇场亩平米])"),
     True),
]
MAX_GAP = 2                # a numbering jump of up to this many missing numbers is a gap, not noise
MAX_TITLE = 40             # a closed title is at most this many characters
MAX_LEAD = 60              # the lead clause standing for the title of an item that opens with prose
TERMINATORS = "。！？；;!?"
CLOSERS = "”’」』）)》〉】"  # absorbed into the sentence a terminator ends: a closer never starts one
PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "「": "」", "『": "』", "〈": "〉", "【": "】"}
MAX_PAIRED = 200           # a bracket closed further away than this (or not in its paragraph) is unbalanced
# Verbs that open a clause of the body. A title that runs into its body with no closing mark
# ("强化科学理论武装抓好各级党组织…") is cut where the first of these starts. Words that are also
# common title-final nouns (管理, 保障, 建设, 发展, 服务, 改革) are deliberately absent.
TITLE_BREAK_VERBS = tuple("""
抓好 抓实 抓牢 认真 健全 落实 贯彻 坚持 严格 深化 深入 推进 推动 加强 加快 加大 完善 实施 开展 组织
建立 构建 扎实 全面 积极 持续 不断 进一步 切实 着力 强化 提升 提高 优化 规范 做好 用好 打造 统筹 支持
鼓励 引导 指导 探索 举办 成立 制定 出台 召开 督促 确保 保证 依托 利用 围绕 聚焦 按照 根据 依据 结合
启动 编制 修订 印发 推广 培育 培养 发挥 实行 执行 稳步 有序 大力 广泛 全力 扩大 增加 新建 压实 夯实
筑牢 树立 营造 拓展 巩固 增强 促进 狠抓 紧扣 对标 立足 注重 重视 突出 配齐 配足 开齐 开足 研究制定
""".split())
COORDINATORS = "和与及并、或跟同"


@dataclass
class Candidate:
    style: str
    number: int
    weak: bool | str  # True (accepted only where exactly expected) or FIRST_ONLY
    line: int          # 1-based
    line_start: int
    line_end: int
    marker: Span
    content_start: int


@dataclass
class Structure:
    preamble: Preamble | None
    outline: list      # top-level Sections, or Tasks of a flat list; [] when nothing is numbered
    measures: list     # the body's sentences when nothing in it is numbered; else further documents' openings; and
    #                    what is listed after the signature (members and their posts, a table of schools)
    header_end: int    # where the document's front matter (title block, chrome) ends
    body_end: int      # where the closing block (signature, date, notes) starts
    warnings: list     # something may be missing or wrong: act on these
    notes: list        # judgements worth knowing (run-in titles), nothing to fix

    @property
    def sections(self):
        return [d for d in self.outline if isinstance(d, Section)]


def lines_with_offsets(text):
    """(line_number, start, end) for every line; end excludes the newline."""
    out, start = [], 0
    for number, line in enumerate(text.split("\n"), 1):
        out.append((number, start, start + len(line)))
        start += len(line) + 1
    return out


def _skip_space(text, index, end):
    while index < end and text[index].isspace():
        index += 1
    return index


def _trim(text, start, end):
    """Shrink [start, end) to exclude surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _number(style, digits):
    return CIRCLED.index(digits) + 1 if style == "circled" else parse_number(digits)


def _match_marker(text, at, end, strong_only=False):
    for style, pattern, weak in MARKER_PATTERNS:
        if weak and strong_only:
            continue
        match = pattern.match(text, at, end)
        if match:
            digits = next(group for group in match.groups() if group)
            number = _number(style, digits)
            if number is not None:
                return style, number, weak, match
    return None


def find_candidates(text, lines):
    """Every line-initial marker, plus a first item that starts mid-line right after its parent's
    short title sentence (（二）基本原则。1.普及型原则。…)."""
    candidates = []
    for index, (number, start, end) in enumerate(lines):
        lead = _skip_space(text, start, end)
        if lead >= end:
            continue
        found = _match_marker(text, lead, end)
        if not found:
            continue
        style, value, weak, match = found
        content = _skip_space(text, match.end(), end)
        candidates.append(Candidate(style, value, weak, number, start, end, Span(lead, match.end()), content))
        # The line holding the title: this one, or the next when the marker stands alone (as PDF text leaves it).
        title_line = (number, start, end)
        if content >= end and not weak:
            title_line = next(((n, s, e) for n, s, e in lines[index + 1:] if text[s:e].strip()), title_line)
            content = _skip_space(text, title_line[1], title_line[2])
        line_number, line_start, line_end = title_line
        for run_in, marker in [] if weak else _run_in_siblings(text, content, line_end, style, value):
            candidates.append(Candidate(style, run_in, False, line_number, line_start, line_end, marker,
                                        _skip_space(text, marker.end, line_end)))
        inline = _inline_first_item(text, content, line_end, style)
        if inline:
            candidates.append(Candidate(inline[0], 1, False, line_number, line_start, line_end, inline[1],
                                        _skip_space(text, inline[1].end, line_end)))
    if not any(c.style == "dec2" for c in candidates):
        candidates = [c for c in candidates if c.style != "dec1"]  # a number and a space alone: a figure or a page
    return candidates


# 附件：1.…一览表 / 2.…申报表: the list of what a notice sends with it, numbered like its items, is no heading. (附件1：
# …实施方案 with its own numbered text under it is an attached document: attached_title.)
ATTACHMENT_LIST_HEAD_RE = re.compile(r"[ \t\u3000\xa0]*附\s*件\s*[：:]\s*(?:[0-9０-９]{1,2}\s*[.．、]|$)")
LIST_ITEM_LINE_RE = re.compile(r"[ \t\u3000\xa0]*[0-9０-９]{1,2}\s*[.．、][^。；;\n]{1,60}")


def without_attachment_lists(text, lines, candidates):
    """The candidates that are not items of an attachment list (附件：1.… then 2.… one a line)."""
    listed = set()
    for index, (number, start, end) in enumerate(lines):
        if not ATTACHMENT_LIST_HEAD_RE.match(text, start, end):
            continue
        listed.add(number)
        for later_number, later_start, later_end in lines[index + 1:]:
            if not text[later_start:later_end].strip():
                continue
            if not LIST_ITEM_LINE_RE.fullmatch(text, later_start, later_end):
                break
            listed.add(later_number)
    return [cand for cand in candidates if cand.line not in listed]


# A contents line's title without its dot leaders and page number (第一章 总则……1).
CONTENTS_TAIL_RE = re.compile(r"[\s\u3000.．…·—-]*[0-9０-９]*\s*$")


def _contents_title(text, cand):
    return re.sub(r"\s+", "", CONTENTS_TAIL_RE.sub("", text[cand.content_start:cand.line_end]))


def without_contents(text, candidates):
    """The candidates without a table of contents: a run of two or more headings numbered 1, 2, … on
    consecutive lines at the top, each printed again, in order, by a later heading of the same style
    and number (§1.指导思想 … §4.实施步骤, then §1.指导思想 over its text). The contents are front matter."""
    if len(candidates) < 4:
        return candidates
    style, block = candidates[0].style, [candidates[0]]
    for cand in candidates[1:]:  # the block of heading lines with no text between them (lower levels included)
        if text[block[-1].line_end:cand.line_start].strip() or cand.line == block[-1].line:
            break
        block.append(cand)
    run = [c for c in block if c.style == style]
    if len(run) < 2 or [c.number for c in run] != list(range(1, len(run) + 1)):
        return candidates
    later = [c for c in candidates[len(block):] if c.style == style]
    titles = [_contents_title(text, c) for c in run]
    repeats = [c for c in later if c.number <= len(run) and _contents_title(text, c) == titles[c.number - 1]]
    if [c.number for c in repeats][:len(run)] != list(range(1, len(run) + 1)):
        return candidates
    return [c for c in candidates if c.line > block[-1].line]


RUN_IN_AFTER = "。；;"


def _run_in_siblings(text, content_start, line_end, style, number):
    """[(number, marker span)] of the items that follow a line's item in the same paragraph, each right after a
    sentence end and numbered on exactly (一、…；二、…；三、… as one paragraph)."""
    found, expected = [], number + 1
    for index in range(content_start, line_end):
        if text[index] not in RUN_IN_AFTER:
            continue
        at = _skip_space(text, index + 1, line_end)
        match = _match_marker(text, at, line_end, strong_only=True)
        if match and match[0] == style and match[1] == expected:
            found.append((expected, Span(at, match[3].end())))
            expected += 1
    return found


def _inline_first_item(text, content_start, line_end, parent_style):
    for index in range(content_start, min(line_end, content_start + MAX_TITLE + 1)):
        if text[index] in "。：:":
            at = _skip_space(text, index + 1, line_end)
            found = _match_marker(text, at, line_end, strong_only=True)
            if found and found[1] == 1 and STYLES.index(found[0]) > STYLES.index(parent_style):
                return found[0], Span(at, found[3].end())
            return None
        if text[index] in TERMINATORS:
            return None
    return None


def style_ranking(candidates):
    """Styles ranked outermost first for this text: decimal levels above 1. when its top level is a bare 1."""
    return DECIMAL_RANKING if any(c.style == "dec1" for c in candidates) else STYLES


def top_style(candidates, ranking=STYLES):
    """The outermost style that starts counting at 1 (a plan with one 一、 section still has that level)."""
    for style in ranking:
        if any(c.style == style and not c.weak and c.number == 1 for c in candidates):
            return style
    return None


@dataclass
class _Open:
    """An open level while walking the headings: its style and the last number accepted there."""
    style: str
    last: int


def _verdict(expected_next, n, weak):
    """'exact', 'gap' or 'repeat' when n may follow a level whose next number is expected_next."""
    if n == expected_next:
        return "exact"
    if weak:
        return None
    if expected_next < n <= expected_next + MAX_GAP:
        return "gap"
    if n == expected_next - 1 and n > 0:
        return "repeat"
    return None


def _second_follows(candidates, index, ranking):
    """Whether the next candidate of a rank at or above candidates[index]'s is its strong sibling 2 (a weak first item
    1.35周岁以下… is a heading when 2.独立出版… follows it)."""
    first = candidates[index]
    for cand in candidates[index + 1:]:
        if ranking.index(cand.style) <= ranking.index(first.style):
            return cand.style == first.style and not cand.weak and cand.number == 2
    return False


def accept_headings(candidates, style0, warnings, restarts=lambda cand: False, ranking=STYLES):
    """Walk the candidates in order and keep the numbered headings, each with its depth (1 = top).

    An open level's style continues its numbering (a sibling); a style ranked below the innermost open
    level opens a level under it, starting at 1 or running on from the items of the previous parent at
    that depth. Anything else is a figure or a list in the prose, not a heading. A top-level 1 for which
    `restarts` is true opens the outline of a further document sent out with the first: the count
    starts again."""
    accepted, stack = [], []       # stack: _Open per depth
    previous = {}                  # (depth, style) → last number, for numbering that runs on
    for index, cand in enumerate(candidates):
        n = cand.number
        if stack and cand.style == style0 and n == 1 and not cand.weak and stack[0].last > 1 and restarts(cand):
            stack, previous = [], {}
        if not stack:
            if cand.style == style0 and n == 1 and not cand.weak:
                stack.append(_Open(style0, 1))
                previous[(1, style0)] = 1
                accepted.append((1, cand))
            continue
        depth = next((i + 1 for i in range(len(stack) - 1, -1, -1) if stack[i].style == cand.style), None)
        if depth is not None:
            verdict = _verdict(stack[depth - 1].last + 1, n, cand.weak) if cand.weak != FIRST_ONLY else None
            if verdict is None:
                continue
            del stack[depth:]
        else:
            if ranking.index(cand.style) <= ranking.index(stack[-1].style):
                continue
            depth = len(stack) + 1
            ran = previous.get((depth, cand.style))
            verdict = "exact" if n == 1 and (not cand.weak or ran is not None and cand.weak != FIRST_ONLY
                                             or _second_follows(candidates, index, ranking)) else None
            if verdict is None and ran is not None and cand.weak != FIRST_ONLY:
                verdict = _verdict(ran + 1, n, cand.weak)
                verdict = verdict if verdict != "repeat" else None
            if verdict is None:
                continue
            stack.append(_Open(cand.style, 0))
        if verdict == "gap":
            before = stack[-1].last if stack[-1].last else previous.get((depth, cand.style), 0)
            warnings.append(f"line {cand.line}: {_kind(depth, style0)} numbering jumps from {before} to {n}; "
                            "kept (check the source for a missing item)")
        elif verdict == "repeat":
            warnings.append(f"line {cand.line}: {_kind(depth, style0)} number {n} is repeated; kept as a "
                            "heading of its own (check the source for a typo)")
        stack[-1].last = n
        previous[(depth, cand.style)] = n
        accepted.append((depth, cand))
    return accepted


# How a heading's title was delimited: by a closing mark (or the end of its line), by a clause-opening
# verb where a run-in title meets its body, or (an item that opens with prose) by its lead clause.
CLOSED, RUN_IN, LEAD = "closed", "run-in", "lead"
SENTENCE = "sentence"  # a closed title that is the item's whole text: also its one measure


def _kind(depth, style0):
    """How a warning names a level: section, task, or a deeper task with its level."""
    sections = style0 in SECTION_STYLES
    if depth == 1:
        return "section" if sections else "task"
    return "task" if depth == 2 and sections else f"level-{depth} task"


def split_title(text, content_start, line_end):
    """(title span, body start, kind) for a heading whose text starts at content_start."""
    content = text[content_start:line_end]
    stripped_end = content_start + len(content.rstrip())
    for index, char in enumerate(content):
        if char in TERMINATORS:
            if index <= MAX_TITLE:
                # A comma inside a short first sentence may hide a run-in title (夯实基础抓好…，…。).
                if not re.search(r"[，,]", content[:index]) or _title_break(content) is None:
                    title = Span(*_trim(text, content_start, content_start + index))
                    return title, content_start + index + 1, CLOSED
            break
    else:
        if len(content.strip()) <= MAX_TITLE:
            # A heading alone on its line; a trailing colon introduces the body.
            end = stripped_end
            while end > content_start and text[end - 1] in "：:，,":
                end -= 1
            return Span(*_trim(text, content_start, end)), stripped_end, CLOSED
    cut = _title_break(content)
    if cut is not None:
        return Span(*_trim(text, content_start, content_start + cut)), content_start + cut, RUN_IN
    # An item that opens with prose: its lead clause, up to the first comma or sentence end.
    clause = next((i for i, c in enumerate(content[:MAX_LEAD + 1]) if c in "，," + TERMINATORS), -1)
    cut = clause if clause > 0 else min(len(content.rstrip()), MAX_TITLE // 2)
    # The lead clause only names the item: its sentence is the item's first measure, whole.
    return Span(*_trim(text, content_start, content_start + cut)), content_start, LEAD


# A modal before a verb means the item opens with a sentence (学校美育课程要注重…), not a run-in title.
MODALS = ("要", "应", "须", "需", "将", "可", "能", "得")


def _title_break(content, shortest=4, longest=30):
    """Where a title with no closing mark ends: the first clause-opening verb after a few characters."""
    depth = 0
    for index, char in enumerate(content[:longest]):
        if char in "“《（(":
            depth += 1
        elif char in "”》）)":
            depth = max(0, depth - 1)
        if char in "，,。；":
            return None
        if index >= shortest and depth == 0 and content[index - 1] not in COORDINATORS \
                and content.startswith(TITLE_BREAK_VERBS, index):
            return None if content[index - 1] in MODALS else index
    return None


def _protected_ranges(text, start, end):
    """Index ranges inside balanced brackets/quotes of one paragraph, where sentences must not be split."""
    ranges, index = [], start
    while index < end:
        close = PAIRS.get(text[index])
        if close:
            limit = min(end, index + MAX_PAIRED)
            newline = text.find("\n", index, limit)
            probe = closing_index(text, index, close, newline if newline != -1 else limit)
            if probe is not None:
                ranges.append((index, probe))
                index = probe
        index += 1
    return ranges


def split_sentences(text, start, end):
    """Spans of the sentences in [start, end): split at 。！？； and at line ends, never inside a
    bracket or quote that closes in the same paragraph; unbalanced ones do not stop a split."""
    protected = _protected_ranges(text, start, end)
    spans, sentence_start, index = [], start, start
    inside = iter(protected)
    current = next(inside, None)
    while index < end:
        while current and current[1] < index:
            current = next(inside, None)
        char = text[index]
        # Inside a balanced quote a terminator splits only when it closes the quote: “……。”
        quoted = current and current[0] < index < current[1] - 1
        if char == "\n" or (char in TERMINATORS and not quoted):
            stop = index if char == "\n" else index + 1
            while char != "\n" and stop < end and text[stop] in CLOSERS:
                stop += 1
            spans.append(_trim(text, sentence_start, stop))
            sentence_start = index = stop if char != "\n" else index + 1
            continue
        index += 1
    spans.append(_trim(text, sentence_start, end))
    return [Span(s, e) for s, e in spans if any(c.isalnum() for c in text[s:e])]


def _measures(text, start, end):
    return [Measure(ordinal=i, span=span) for i, span in enumerate(split_sentences(text, start, end), 1)]


def _is_closing_line(text, start, end):
    line = text[start:end].strip()
    if not line:
        return True
    if re.fullmatch(r"[（(].*[）)]", line):  # （此件公开发布）; not a task's responsibility line on its own
        return not re.match(r"[（(]\s*(?:牵头|责任|主责|负责|配合|协办)(?:单位|部门)", line)
    return len(line) <= 40 and not any(c in line for c in TERMINATORS + "，,")


# A signature's date, in figures or in Chinese numerals (二〇一六年九月十四日, often typed with ○).
DATE_LINE_RE = re.compile(rf"^\s*{SIGNED_DATE}\s*$")
MONTH_LINE_RE = re.compile(rf"^\s*{CN_YEAR_MONTH}\s*$")  # 二〇〇九年九月: a date only under a signer's line
SIGNER_LINE_RE = re.compile(rf"^[ \t\u3000]*{SIGNER_NAME}[ \t\u3000]*$")
# Lines after the signature that close a document rather than list anything (联系人：…, 附件：…, 抄送：…).
CHROME_AFTER_RE = re.compile(r"^\s*(?:附件|附表|联系人|联系电话|电话|传真|邮箱|电子邮箱|地址|邮编|抄送|印发|\d{1,3}\s*$|原文链接)")


def _listed_in_closing_block(text, lines, body_end):
    """Measures of what a notice lists in its closing block (a committee's members with their posts, a table of
    schools): the organisations named there are facts too. The signature (a date and the line above it), contact
    lines and bare numbers are not; the lines stay out of the outline."""
    closing = [(start, end) for _, start, end in lines if start >= body_end and text[start:end].strip()]
    signature = set()
    for i in [i for i, (start, end) in enumerate(closing) if DATE_LINE_RE.match(text[start:end])
              or i and MONTH_LINE_RE.match(text[start:end]) and SIGNER_LINE_RE.match(text[slice(*closing[i - 1])])]:
        signature.add(i)
        above = i - 1  # the issuers above the date, one per line when several sign (国际教育学院 / 教务处)
        signature.add(above)
        while above > 0 and i - above < 3 and SIGNER_LINE_RE.match(text[closing[above - 1][0]:closing[above - 1][1]]):
            above -= 1
            signature.add(above)
    out = []
    for i, (start, end) in enumerate(closing):
        if i not in signature and not CHROME_AFTER_RE.match(text[start:end]) \
                and re.search(r"[\u4e00-\u9fff]{3}", text[start:end]):
            out += _measures(text, *_trim(text, start, end))
    return out


def _body_end(text, lines, after):
    """Start of the closing block (signature, date, agency notes, page furniture) after the last heading."""
    end = len(text)
    for _, start, line_end in reversed(lines):
        if line_end <= after or not _is_closing_line(text, start, line_end):
            break
        end = start
    return max(end, after)


def _is_salutation(line):
    """An addressee line such as 各市人民政府，省政府各部门：, as opposed to prose ending in 如下：."""
    if not line.endswith(("：", ":")):
        return False
    return line.startswith("各") or not any(w in line for w in ("为", "根据", "提出", "如下", "现将", "意见", "通知"))


def _is_prose(text, start, end):
    line = text[start:end].strip()
    if re.search(r"全文如下[。：:]?$", line):  # a news release's lead-in, not the document's own text
        return False
    if len(line) >= 5 and line.endswith(("。", "：", ":")) and not _is_salutation(line):
        return True  # 现将有关事项通知如下：, 全年重点抓好以下工作。: a short sentence on its own line
    return len(line) >= 15 and any(c in line for c in "，,。；;：:") and not _is_salutation(line)


def _preamble(text, before, skip):
    """(Preamble or None, where the front matter ends): the prose paragraphs at the end of `before` (the lines before the first heading), stopping at the
    title block or salutation. In a forwarding notice the last `skip` lines (the wrapped document's title,
    the notice's signature and date) stand between the notice's own text and the heading: passed over."""
    block = None
    for index, (_, start, end) in enumerate(reversed(before)):
        if not text[start:end].strip() or (block is None and index < skip):
            continue
        if not _is_prose(text, start, end):
            break
        block = (start, block[1] if block else end)
    if block is None:
        return None, None
    span = Span(*_trim(text, *block))
    front_end = span.start  # a forwarding notice's date and the title it forwards stay front matter
    measures = _measures(text, span.start, span.end)
    notice = _forwarding_text(text, before, block[0]) if not skip else None
    if notice is not None:  # the notice's own text, above the title block of the document it forwards
        measures = numbered(_measures(text, *notice) + measures)
        span = Span(notice[0], span.end)
    return Preamble(span=span, measures=measures), front_end


# The sentence of a forwarding notice that hands the document on (…已经自治区人民政府同意，现转发给你们).
FORWARDING_RE = re.compile(r"(?:转发|印发)给你们|现(?:予|将[^。]{0,80})?(?:转发|印发)")


def _forwarding_text(text, before, block_start):
    """(start, end) of a forwarding notice's own paragraph when it stands above the title block (date,
    title, issuers in brackets) of the document it forwards, whose preamble is `block_start`; else None."""
    # (Contact lines under the notice's own text, 联系人：… E-mail：…, are passed over.)
    lines = [line for line in before if line[2] <= block_start and text[line[1]:line[2]].strip()
             and not CONTACT_LINE_RE.match(text, line[1], line[2])]
    attached = False  # 附件：X among the closing lines: the notice sends X out (a 复函, 通知 with its 办法)
    for seen, (_, start, end) in enumerate(reversed(lines)):
        if seen > MAX_WRAPPER_LINES:
            return None
        if _is_closing_line(text, start, end):
            attached = attached or bool(re.match(r"\s*附件\s*[0-9０-９一二三四五六七八九十]*[：:]\s*\S", text[start:end]))
            continue
        if not seen or not _is_prose(text, start, end):
            return None
        if not attached and not FORWARDING_RE.search(text, start, end):
            return None
        # The notice's own paragraphs, up to its salutation (省教育厅：).
        first = len(lines) - 1 - seen
        while first > 0 and _is_prose(text, lines[first - 1][1], lines[first - 1][2]):
            first -= 1
        return _trim(text, lines[first][1], end)
    return None


CONTACT_LINE_RE = re.compile(r"\s*(?:联系人|联系电话|联系方式|联系地址|咨询电话|电话|传真|邮箱|电子邮箱|E-?mail|Email|地址|邮编|网址)"
                             r"\s*[：:]", re.I)
WRAPPED_RE = re.compile(r"(?:印发|转发|颁布|发布)《([^《》\n]{4,80})》")
MAX_WRAPPER_LINES = 6


def _wrapped_document_lines(text, before):
    """How many lines (from the end of `before`) belong to the wrapper of a forwarded document: its
    title line and the notice's signature and date above it. 0 unless the line right before the first
    heading is the title the notice says it forwards (印发《X》 → a line reading X)."""
    titles = {m.group(1).strip() for m in WRAPPED_RE.finditer(text, 0, before[-1][2] if before else 0)}
    if not titles:
        return 0
    seen, found = 0, None
    for index, (_, start, end) in enumerate(reversed(before)):
        line = text[start:end].strip()
        if not line:
            continue
        seen += 1
        if seen > MAX_WRAPPER_LINES or not _is_closing_line(text, start, end):
            return found or 0
        if found is None and any(line == t or (len(line) >= 4 and line in t) for t in titles):
            found = index + 1
        elif found is not None:
            found = index + 1  # the notice's signature and date, above the title it forwards
    return found or 0


# The title line of a document sent out with others (关于强化中小学体育…的实施意见, 附件2): a short line with no
# sentence mark, naming a kind of document.
ATTACHED_TITLE_RE = re.compile(r"(?:附件\s*[0-9０-９一二三四五六七八九十]*[：:]?\s*)?[^。；;，,！？]{2,70}?"
                               r"(?:意见|方案|办法|通知|规划|计划|要点|细则|规定|标准|纲要|决定|指南|规程|章程)"
                               r"(?:[（(][^）)]{1,12}[）)])?")
MAX_ATTACHED_PREAMBLE = 8  # lines of prose between an attached document's title and its first heading


def attached_title(text, lines, cand):
    """(start, end) of the title line of a further document whose outline `cand` (a top-level 1) opens,
    found among the few lines above it; None when there is none (a repeated 一 is then a typo)."""
    index = cand.line - 1
    for number, start, end in reversed(lines[max(0, index - MAX_ATTACHED_PREAMBLE):index]):
        line = text[start:end].strip()
        if not line:
            continue
        if ATTACHED_TITLE_RE.fullmatch(line) and not _match_marker(text, _skip_space(text, start, end), end):
            return _trim(text, start, end)
        if not _is_prose(text, start, end) and not _is_salutation(line):  # (its addressees stand under its title)
            return None
    return None


def _unnumbered_body(text, lines, body_end):
    """The body of a document with no numbered headings: from its first prose paragraph to the closing block."""
    for _, start, end in lines:
        if start >= body_end:
            break
        # Sentences (a short notice's one sentence too), not a labelled chrome line (原文链接：https://…).
        line = text[start:end].strip()
        if (_is_prose(text, start, end) or line.endswith(tuple(TERMINATORS))) and re.search(r"[，。；]", line) \
                and "://" not in line and not _is_salutation(line):
            return start
    return None


def _title_line(text, content_start, line_end, limit):
    """(start, end) of a heading's title text: on the marker's line, or on the next when the marker stands alone
    there (as PDF extraction can leave it), not past `limit`."""
    if content_start < line_end:
        return content_start, line_end
    content_start = _skip_space(text, line_end, limit)
    line_end = text.find("\n", content_start, limit)
    return content_start, limit if line_end < 0 else line_end


def _first_cut(cuts, start, end):
    """The first of `cuts` inside (start, end), else end: where a division before a further document stops."""
    return min((cut for cut in cuts if start < cut < end), default=end)


def _divisions(text, accepted, body_end, flat, notes, cuts=()):
    """Build the tree of Sections and Tasks from the accepted (depth, candidate) headings; a division
    stops at the first of `cuts` (the title lines of further documents) after its start."""
    top, path = [], []  # path: the open Division per depth
    starts = [cand.marker.start for _, cand in accepted] + [body_end]
    nodes = []
    for index, (depth, cand) in enumerate(accepted):
        content_start, line_end = cand.content_start, cand.line_end
        next_start = _first_cut(cuts, cand.marker.start, starts[index + 1])
        if next_start < line_end:            # an item printed mid-line after this title
            line_end = next_start
        content_start, line_end = _title_line(text, content_start, line_end, next_start)
        title, body_start, kind = split_title(text, content_start, line_end)
        heading = Heading(style=cand.style, number=cand.number,
                          numbering=text[cand.marker.start:cand.marker.end].strip(), line=cand.line,
                          marker=cand.marker, title=title, title_kind=kind)
        if kind == RUN_IN:
            notes.append(f"line {cand.line}: the title of {heading.numbering} has no closing mark; "
                         f"read as 「{title.text(text)}」 (curate it if that is not the heading)")
        kind = Section if depth == 1 and not flat else Task
        node = kind(heading=heading, span=Span(cand.marker.start, next_start), depth=depth)
        del path[depth - 1:]
        (path[-1].children if path else top).append(node)
        path.append(node)
        nodes.append((node, max(body_start, cand.marker.start)))
    # A division ends where the next heading at its depth or above starts; its own prose stops at its
    # first child (later prose lies inside its last child).
    ends, open_ = {}, []
    for node, _ in nodes:
        while open_ and open_[-1].depth >= node.depth:
            ends[id(open_.pop())] = node.span.start
        open_.append(node)
    ends.update((id(node), body_end) for node in open_)
    for node, body_start in nodes:
        end = _first_cut(cuts, node.span.start, ends[id(node)])
        node.span = Span(*_trim(text, node.span.start, max(end, node.span.start)))
        prose_end = node.children[0].span.start if node.children else node.span.end
        body_start = min(body_start, prose_end)
        node.measures = _measures(text, body_start, prose_end)
        title = node.heading.title
        if not node.measures and not node.children and title.end < len(text) and text[title.end] in TERMINATORS:
            # An item that is one sentence (（四）兼职教师原则上不超过65岁。): that sentence is its measure too.
            node.measures = _measures(text, title.start, node.span.end)
            node.heading.title_kind = SENTENCE
    return top


def parse_structure(text):
    """Locate preamble, the outline of numbered headings and measures. Returns a Structure; a text with
    no numbered headings has an empty outline and its body as measures."""
    warnings, notes = [], []
    lines = lines_with_offsets(text)
    candidates = without_attachment_lists(text, lines, without_contents(text, find_candidates(text, lines)))
    ranking = style_ranking(candidates)
    style0 = top_style(candidates, ranking)
    titles = {}  # candidate line → the title line of the further document it opens

    def restarts(cand):
        found = attached_title(text, lines, cand)
        if found:
            titles[cand.line] = found
        return found is not None

    accepted = accept_headings(candidates, style0, warnings, restarts, ranking) if style0 else []
    if not accepted:
        body_end = _body_end(text, lines, 0)
        start = _unnumbered_body(text, lines, body_end)
        if start is None:
            warnings.append("no text found between the title block and the closing block")
            return Structure(None, [], [], body_end, body_end, warnings, notes)
        warnings.append("no numbered headings found (such as 一、 （一） 1. 第一条); the body is kept as "
                        "the plan's measures")
        listed = _listed_in_closing_block(text, lines, body_end)
        measures = numbered(_measures(text, start, body_end) + listed)
        return Structure(None, [], measures, start, body_end, warnings, notes)
    last = accepted[-1][1]
    body_end = _body_end(text, lines, _title_line(text, last.content_start, last.line_end, len(text))[1])
    flat = style0 not in SECTION_STYLES
    opened = [(cand, titles[cand.line]) for depth, cand in accepted if depth == 1 and cand.line in titles]
    outline = _divisions(text, accepted, body_end, flat, notes, cuts=[title[0] for _, title in opened])
    further = []  # each further document's title and the prose before its first heading hang off the plan
    for cand, (title_start, title_end) in opened:
        notes.append(f"line {cand.line}: the numbering starts again at {text[cand.marker.start:cand.marker.end].strip()} "
                     f"under a further document, 「{text[title_start:title_end]}」")
        further += [m for m in _measures(text, title_end, cand.marker.start)  # (not its addressees: 各教育署，…：)
                    if not _is_salutation(m.span.text(text).strip())]
    further = numbered(further + _listed_in_closing_block(text, lines, body_end))
    first = outline[0].span.start
    before = [line for line in lines if line[2] <= first]
    skip = _wrapped_document_lines(text, before)
    preamble, front_end = _preamble(text, before, skip)
    # A forwarding notice's signature and date stand after its own text: they are front matter too.
    header_end = first if skip or not preamble else front_end
    return Structure(preamble, outline, further, header_end, body_end, warnings, notes)
