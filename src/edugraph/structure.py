"""Find a plan's structure in its text: preamble, numbered sections, numbered tasks, measures.

Everything is located by code-point offsets into the text. The rules are about how Chinese
government documents are typeset, not about any one document:
- heading markers come in styles ranked 第一部分/第一章 > 一、 > （一） > 1. > （1） > 第一条; the
  outermost style that starts at 1 is the section level and the next style used after it is the task
  level;
- a marker is a heading only when its number continues the sequence (or restarts it under a new
  section), which tells item numbers from figures that happen to start a line;
- a task title is its first short sentence; when the title runs into the body with no closing mark,
  the body starts at the first clause-opening verb (see TITLE_BREAK_VERBS).
"""

import re
from dataclasses import dataclass

from .model import Heading, Measure, Preamble, Section, Span, Task
from .numerals import parse_number

# Ranked outermost first. 第X部分/第X章 are parts or chapters; 第X条 are a regulation's articles.
STYLES = ("cn_part", "cn_dun", "cn_paren", "ar_dot", "ar_paren", "cn_article")
CN = "一二三四五六七八九十"
MARKER_PATTERNS = [
    ("cn_part", re.compile(rf"第([{CN}百]{{1,4}})(?:部分|章|篇)"), False),
    ("cn_article", re.compile(rf"第([{CN}百零]{{1,5}})条(?=[\s\u3000　]|$)"), False),
    # 一、 (also the typo 一，) but not the list "一、二年级" that a wrapped line can start with
    ("cn_dun", re.compile(rf"([{CN}]{{1,3}})\s*[、．.，,](?![{CN}]+[、，,年级])"), False),
    ("cn_paren", re.compile(rf"[（(]\s*([{CN}]{{1,3}})\s*[）)]"), False),
    ("ar_paren", re.compile(r"[（(]\s*([0-9０-９]{1,3})\s*[）)]|([0-9０-９]{1,2})[）)]"), False),
    ("ar_dot", re.compile(r"([0-9０-９]{1,3})\s*[\.．、](?![0-9０-９])"), False),
    # A number with its dot missing ("19推进…"): weak evidence, accepted only when exactly expected.
    ("ar_dot", re.compile(r"([0-9０-９]{1,3})(?=[\u4e00-\u9fff“《])(?![个所名项人次元万亿年月日天周岁种家条届期批多余类倍台套间座本册门支篇场亩平米])"),
     True),
]
MAX_GAP = 2                # a numbering jump of up to this many missing numbers is a gap, not noise
MAX_TITLE = 40             # a closed title is at most this many characters
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
    weak: bool
    line: int          # 1-based
    line_start: int
    line_end: int
    marker: Span
    content_start: int


@dataclass
class Structure:
    preamble: Preamble | None
    sections: list
    header_end: int    # where the document's front matter (title block, chrome) ends
    body_end: int      # where the closing block (signature, date, notes) starts
    warnings: list


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


def find_candidates(text, lines):
    candidates = []
    for number, start, end in lines:
        lead = _skip_space(text, start, end)
        if lead >= end:
            continue
        for style, pattern, weak in MARKER_PATTERNS:
            match = pattern.match(text, lead, end)
            if match:
                digits = next(group for group in match.groups() if group)
                candidates.append(Candidate(
                    style=style, number=parse_number(digits), weak=weak, line=number,
                    line_start=start, line_end=end, marker=Span(lead, match.end()),
                    content_start=_skip_space(text, match.end(), end)))
                break
    return candidates


def choose_levels(candidates):
    """(section_style, task_style): the outermost style that starts counting at 1, and the next style
    used after it. A document with a single 一、 section still has 一、 as its section level."""
    section_style, first_section = None, None
    for style in STYLES:
        ones = [c for c in candidates if c.style == style and not c.weak and c.number == 1]
        if ones:
            section_style, first_section = style, ones[0]
            break
    if section_style is None:
        return None, None
    rank = STYLES.index(section_style)
    task_style, earliest = None, None
    for style in STYLES[rank + 1:]:
        later = [c for c in candidates if c.style == style and not c.weak
                 and c.marker.start > first_section.marker.start]
        if later and (earliest is None or later[0].marker.start < earliest):
            task_style, earliest = style, later[0].marker.start
    return section_style, task_style


def accept_headings(candidates, section_style, task_style, warnings):
    """Walk the candidates in order and keep those whose number continues their level's sequence."""
    accepted = []  # (level, candidate) with level "section" or "task"
    section_last = task_last = 0
    tasks_here = 0
    for cand in candidates:
        n = cand.number
        if cand.style == section_style and not cand.weak:
            expected = section_last + 1
            if n == expected or (section_last and expected < n <= expected + MAX_GAP):
                if n != expected:
                    warnings.append(f"line {cand.line}: section numbering jumps from {section_last} to {n}")
                accepted.append(("section", cand))
                section_last, tasks_here = n, 0
                continue
        if cand.style == task_style and section_last:
            exact = n == task_last + 1 or (tasks_here == 0 and n == 1)
            gap = task_last + 1 < n <= task_last + 1 + MAX_GAP or (tasks_here == 0 and 1 < n <= 1 + MAX_GAP)
            if exact or (gap and not cand.weak):
                if not exact:
                    previous = task_last if tasks_here else 0
                    warnings.append(f"line {cand.line}: task numbering jumps from {previous} to {n}")
                accepted.append(("task", cand))
                task_last, tasks_here = n, tasks_here + 1
    return accepted


def split_title(text, content_start, line_end):
    """(title span, body start, closed) for a heading whose text starts at content_start."""
    content = text[content_start:line_end]
    stripped_end = content_start + len(content.rstrip())
    for index, char in enumerate(content):
        if char in TERMINATORS:
            if index <= MAX_TITLE:
                # A comma inside a short first sentence may hide a run-in title (夯实基础抓好…，…。).
                if not re.search(r"[，,]", content[:index]) or _title_break(content) is None:
                    title = Span(*_trim(text, content_start, content_start + index))
                    return title, content_start + index + 1, True
            break
    else:
        if len(content.strip()) <= MAX_TITLE:
            # A heading alone on its line; a trailing colon introduces the body.
            end = stripped_end
            while end > content_start and text[end - 1] in "：:，,":
                end -= 1
            return Span(*_trim(text, content_start, end)), stripped_end, True
    cut = _title_break(content)
    if cut is None:
        comma = min((i for i in (content.find("，"), content.find(",")) if i > 0), default=-1)
        cut = comma if 0 < comma <= MAX_TITLE else min(len(content.rstrip()), MAX_TITLE // 2)
        body_start = content_start + cut + (1 if 0 < comma == cut else 0)
    else:
        body_start = content_start + cut
    return Span(*_trim(text, content_start, content_start + cut)), body_start, False


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
            return index
    return None


def _protected_ranges(text, start, end):
    """Index ranges inside balanced brackets/quotes of one paragraph, where sentences must not be split."""
    ranges, index = [], start
    while index < end:
        close = PAIRS.get(text[index])
        if close:
            limit = min(end, index + MAX_PAIRED)
            newline = text.find("\n", index, limit)
            limit = newline if newline != -1 else limit
            depth, probe = 0, index
            while probe < limit:
                if text[probe] == text[index]:
                    depth += 1
                elif text[probe] == close:
                    depth -= 1
                    if depth == 0:
                        break
                probe += 1
            if probe < limit:
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
    if re.fullmatch(r"[（(].*[）)]", line):
        return True
    return len(line) <= 40 and not any(c in line for c in TERMINATORS + "，,")


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
    return len(line) >= 15 and any(c in line for c in "，,。；;：:") and not _is_salutation(line)


def _preamble(text, lines, first_heading_start):
    """The prose paragraphs right before the first section, stopping at the title block or salutation."""
    block = None
    for _, start, end in reversed([l for l in lines if l[2] <= first_heading_start]):
        if not text[start:end].strip():
            continue
        if not _is_prose(text, start, end):
            break
        block = (start, block[1] if block else end)
    if block is None:
        return None
    span = Span(*_trim(text, *block))
    return Preamble(span=span, measures=_measures(text, span.start, span.end))


def parse_structure(text):
    """Locate preamble, sections, tasks and measures. Returns a Structure; sections may be empty."""
    warnings = []
    lines = lines_with_offsets(text)
    candidates = find_candidates(text, lines)
    section_style, task_style = choose_levels(candidates)
    if section_style is None:
        return Structure(None, [], 0, len(text), warnings)
    accepted = accept_headings(candidates, section_style, task_style, warnings)
    body_end = _body_end(text, lines, accepted[-1][1].line_end)

    sections, current = [], None
    starts = [cand.marker.start for _, cand in accepted] + [body_end]
    for index, (level, cand) in enumerate(accepted):
        region_end = starts[index + 1]
        content_start, line_end = cand.content_start, cand.line_end
        if content_start >= line_end:
            # The marker stands alone on its line (as PDF extraction can leave it): the title is on the next.
            content_start = _skip_space(text, line_end, region_end)
            line_end = text.find("\n", content_start, region_end)
            line_end = region_end if line_end < 0 else line_end
        title, body_start, closed = split_title(text, content_start, line_end)
        heading = Heading(style=cand.style, number=cand.number,
                          numbering=text[cand.marker.start:cand.marker.end].strip(), line=cand.line,
                          marker=cand.marker, title=title, title_closed=closed)
        if not closed:
            warnings.append(f"line {cand.line}: {level} {cand.number} title has no closing mark; "
                            f"read as 「{title.text(text)}」")
        span = Span(*_trim(text, cand.marker.start, region_end))
        body_start = min(max(body_start, span.start), span.end)
        if level == "section":
            current = Section(heading=heading, span=span, measures=_measures(text, body_start, span.end))
            sections.append(current)
        else:
            task = Task(heading=heading, span=span, measures=_measures(text, body_start, span.end))
            current.tasks.append(task)
    # A section ends where the next section starts; its own prose stops at its first task.
    for index, section in enumerate(sections):
        next_start = sections[index + 1].span.start if index + 1 < len(sections) else body_end
        section.span = Span(*_trim(text, section.span.start, next_start))
        if section.tasks:
            first = section.tasks[0].span.start
            section.measures = [m for m in section.measures if m.span.end <= first]
    preamble = _preamble(text, lines, sections[0].span.start) if sections else None
    header_end = preamble.span.start if preamble else (sections[0].span.start if sections else 0)
    return Structure(preamble, sections, header_end, body_end, warnings)
