"""Goals: the outcomes a plan says it intends, dated (到2020年，初步形成…) or not (力争…, 基本形成…).

A goal is one sentence (measure). It is found in two ways: every sentence under a goal heading (主要目标,
发展目标, 工作目标, 总体目标, 目标任务) is a goal, an undated one taking the year of the goal before it in the
same section (到2020年，培养… 初步形成… → both 2020); anywhere else, a sentence that opens with a deadline
(到2020年，… / 2020年前，…) or says 力争 / 基本形成 / 初步形成 / 基本建立 / 基本实现 / 全面建成 is a goal.
"""

import re
from dataclasses import dataclass

GOAL_HEADING_RE = re.compile(r"(?:主要|发展|工作|总体|总|建设|具体|预期)目标|目标任务|^目标$")
DEADLINE_RE = re.compile(r"(?:^|[，,。；;]|\s)(?:到|至|力争(?:到)?|争取(?:到)?)?\s*(?P<year>(?:19|20)\d{2})\s*年"
                         r"(?:底|末)?(?:前|以前)?\s*[，,]")
OPENING_RE = re.compile(r"^\s*(?:到|至|力争(?:到|在)?|争取(?:到|在)?)\s*(?P<year>(?:19|20)\d{2})\s*年")
# A start year (2017年起，全面加强…) dates nothing itself; in a goal section the sentences after it take it.
START_RE = re.compile(r"^\s*(?:从|自)?\s*(?P<year>(?:19|20)\d{2})\s*年(?:起|开始)")
INNER_DEADLINE_RE = re.compile(r"[，,]\s*(?:到|至)\s*(?P<year>(?:19|20)\d{2})\s*年")
MARKER_RE = re.compile(r"力争|基本形成|初步形成|基本建立|初步建立|基本实现|全面建成|基本建成|初步建成|全面实现")


@dataclass
class Goal:
    start: int
    end: int
    deadline: int | None   # the year it falls due, or None


def _items(node, in_goals, text):
    """(in a goal section?, measures) for a node's numbered items at every depth (Task.children where the
    document model has them), each inheriting its ancestors' goal heading."""
    for task in getattr(node, "tasks", None) or getattr(node, "children", None) or []:
        flag = in_goals or _is_goal_heading(text, task)
        yield task, flag
        yield from _items(task, flag, text)


def _is_goal_heading(text, item):
    title = item.heading.title.text(text).strip("。：: ")
    return bool(GOAL_HEADING_RE.search(title)) and len(title) <= 12


def _sentence_goal(text, span, in_goals):
    sentence = text[span.start:span.end]
    opening = OPENING_RE.match(sentence) or re.match(r"^\s*(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?(?:前|以前)[，,]",
                                                     sentence)
    if opening:
        return Goal(span.start, span.end, int(opening.group("year")))
    if in_goals or MARKER_RE.search(sentence):
        inner = DEADLINE_RE.search(sentence)
        year = int(inner.group("year")) if inner and MARKER_RE.search(sentence) else None
        later = INNER_DEADLINE_RE.search(sentence)  # 2017年起全面加强…，到2019年取得阶段性进展
        if year is None and later and in_goals:
            year = int(later.group("year"))
        return Goal(span.start, span.end, year)
    return None


def find_goals(doc):
    """[Goal] of a PlanDocument, in text order."""
    text, goals = doc.text, []
    units = [(False, doc.preamble.measures if doc.preamble else [])]
    units.append((False, getattr(doc, "measures", None) or []))  # a plan with no numbered structure
    seen = set()
    for section in doc.sections:
        in_goals = _is_goal_heading(text, section)
        units.append((in_goals, section.measures))
        for task, flag in _items(section, in_goals, text):
            seen.add(id(task))
            units.append((flag, task.measures))
    for task in doc.tasks:  # numbered items hanging off the plan itself (a flat list)
        if id(task) not in seen:
            for item, flag in [(task, _is_goal_heading(text, task)), *_items(task, _is_goal_heading(text, task), text)]:
                if id(item) not in seen:
                    seen.add(id(item))
                    units.append((flag, item.measures))
    for in_goals, measures in units:
        year = None
        for measure in measures:
            goal = _sentence_goal(text, measure.span, in_goals)
            if goal is None:
                continue
            if in_goals:
                start = START_RE.match(text[measure.span.start:measure.span.end])
                if start and goal.deadline is None:
                    year = int(start.group("year"))  # its own deadline stays unknown
                else:
                    goal.deadline = goal.deadline if goal.deadline is not None else year
                    year = goal.deadline
            goals.append(goal)
    return sorted(goals, key=lambda g: g.start)
