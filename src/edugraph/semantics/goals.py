"""Goals: the outcomes a plan says it intends, dated (到2020年，初步形成…) or not (力争…, 基本形成…).

A goal is one sentence (measure). It is found in two ways: every sentence under a goal heading (主要目标,
发展目标, 工作目标, 总体目标, 目标任务) is a goal, an undated one taking the year of the goal before it in the
same section, its numbered items included (到2020年，培养… 初步形成… → both 2020), and so is an item's title that
states an outcome (（一）办学条件全面达标。, not （一）深化美育教学改革。, a task); anywhere else, a sentence
that opens with a deadline (到2020年，… / 2017年9月之前，…), dates a clause (…，2017年配齐…) or says 力争 /
基本形成 / 初步形成 / 基本建立 / 基本实现 / 全面建成 is a goal, the last taking the year of a dated goal right
before it in the same paragraph.
"""

import re
from dataclasses import dataclass

from edugraph.semantics.quantities import BARE_YEAR_RE, BY_THE_END, COMPLETES_AFTER_RE, NOT_A_DEADLINE_AFTER, is_due
from edugraph.semantics.words import CLAUSE_VERBS, words
from edugraph.structure.parse import LEAD, SENTENCE

GOAL_KINDS = r"(?:主要|发展|工作|总体|总|建设|具体|预期)目标"
# A school plan's names for its goal section (办学目标, 培养目标, 五育目标); not 课程目标 (what a course aims at).
GOAL_HEADING_RE = re.compile(rf"{GOAL_KINDS}|(?:办学|培养|奋斗|远景|近期|中期|长期|年度)目标|目标任务|^目标$")
DEADLINE_RE = re.compile(r"(?:^|[，,。；;]|\s)(?:到|至|力争(?:到)?|争取(?:到)?)?\s*(?P<year>(?:19|20)\d{2})\s*年"
                         r"(?:底|末)?(?:前|以前)?\s*[，,]")
OPENING_RE = re.compile(r"^\s*(?:到|至|力争(?:到|在)?|争取(?:到|在)?)\s*(?P<year>(?:19|20)\d{2})\s*年")
# 至“十三五”末: the end of a five-year plan period (十一五 2010, 十二五 2015, 十三五 2020, 十四五 2025).
PERIOD_END_RE = re.compile(r"^\s*(?:到|至|力争到?)\s*[“\"]?十(?P<n>[一二三四五])五[”\"]?\s*(?:时期)?(?:末|期末)")
PERIOD_END_YEARS = {"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030}
# A start year (2017年起，全面加强…) dates nothing itself; in a goal section the sentences after it take it.
START_RE = re.compile(r"^\s*(?:从|自)?\s*(?P<year>(?:19|20)\d{2})\s*年(?:起|开始)")
LABELLED_PERIOD_RE = re.compile(r"^[^，,。；;]{0,16}?目标\s*[（(]\s*(?:19|20)\d{2}\s*年?\s*[～~\-－—–至到]+\s*"
                                r"(?P<year>(?:19|20)\d{2})\s*年?\s*[）)]")
INNER_DEADLINE_RE = re.compile(r"[，,]\s*(?:到|至)\s*(?P<year>(?:19|20)\d{2})\s*年")
# A deadline inside a sentence followed by an outcome (…，到2020年，中小学美育教师实现全员培训; 力争到2018年配齐…;
# 中等职业学校要在2018年前建起学生乐团).
DEADLINE_ANYWHERE_RE = re.compile(r"(?:到|至|(?P<firm>力争到?|争取到?|确保到?)|(?P<by>在))\s*(?P<year>(?:19|20)\d{2})\s*年"
                                  r"(?:底|末)?(?P<before>前|以前)?")
# …，2017年配齐区县教研员; …，2016年底前，各县必须配齐…: a bare year opening a clause inside a sentence.
BARE_INSIDE_RE = re.compile(r"[，,；;]\s*(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?(?P<before>前|以前)?" + NOT_A_DEADLINE_AFTER)
RETROSPECT_RE = re.compile(r"^\s*(?:近年来|近年|多年来|目前|当前|以来)")
OUTCOME_RE = re.compile(r"实现|达到|配齐|配足|建成|建起|完成|形成|覆盖|保证|配备|基本|建设|创建|培育|评选|打造|达标|普及|取得|建立")
MARKER_RE = re.compile(r"力争|基本形成|初步形成|基本建立|初步建立|基本实现|全面建成|基本建成|初步建成|全面实现"
                       r"|争取(?:成为|达到|实现|建成)|^\s*经过[^，,。；;]{0,12}?(?:年|个月)[^，,。；;]{0,6}?努力"
                       r"|目标(?:是|为)(?!导向)")  # 今年的目标是…, 全市学校美育工作的目标是：… (not …育人目标为导向)
# A short line without a stop or a comma is a heading, not an intended outcome.
HEADING_LIKE_RE = re.compile(r"\s*[^，,。；;：:！？!?]{1,16}\s*")
# 工作目标：切实增强…: a paragraph opening with a goal label holds goals, as a goal section does.
GOAL_LABEL_RE = re.compile(rf"[ \t\u3000]*(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]?\s*)?{GOAL_KINDS}[：:]")


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


def _outcome_title(text, task):
    """The title of a goal section's item when it states an outcome (（一）办学条件全面达标。), not an action (（一）深化
    美育教学改革。 opens with its verb: a task) nor a goal heading, unless a measure holds it already (a lead clause or
    a title that is the item's one sentence), or None."""
    title = task.heading.title
    if task.heading.title_kind in (LEAD, SENTENCE) or title.end <= title.start \
            or _is_goal_heading_text(title.text(text)):
        return None
    tokens = [w for w in words(text, title.start, title.end) if w.tag != "x"]
    # An outcome names what changes and ends with how (办学条件全面达标, 教育质量显著提高); a task opens with its verb
    # and ends with its object (建设队伍, 改革课堂教学模式).
    outcome = tokens and tokens[0].tag not in ("v", "d", "p") and not tokens[0].text.startswith(CLAUSE_VERBS) \
        and tokens[-1].tag in ("v", "a")
    return title if outcome else None


def _is_goal_heading(text, item):
    return _is_goal_heading_text(item.heading.title.text(text))


def _is_goal_heading_text(title):
    title = title.strip("。：: ")
    # 重要意义和工作目标, 原则和目标: a heading that joins goals with other matters marks no goal section; its
    # dated sentences are still goals.
    return bool(GOAL_HEADING_RE.search(title)) and len(title) <= 12 and not re.search("[和与、及]", title)


def _sentence_goal(text, span, in_goals, plan_year=None):
    sentence = text[span.start:span.end]
    opening = OPENING_RE.match(sentence) or re.match(rf"^\s*(?P<year>(?:19|20)\d{{2}})\s*年{BY_THE_END}[，,]", sentence)
    if opening:
        return Goal(span.start, span.end, int(opening.group("year")))
    period_end = PERIOD_END_RE.match(sentence)
    if period_end:
        return Goal(span.start, span.end, PERIOD_END_YEARS[period_end.group("n")])
    # A sentence opening with a bare later year (2017年我省评选200所…; 确保2020年…达标) states what is due that year.
    # In a goal section, a year set off by a comma (2016年，全面加强…。到2018年，…) dates its sentence from the plan's own year.
    bare = BARE_YEAR_RE.match(sentence, len(sentence) - len(sentence.lstrip()))
    if bare and plan_year and is_due(int(bare.group("year")), plan_year,
                                     firm=bool(bare.group("lead") or COMPLETES_AFTER_RE.match(sentence, bare.end())
                                               or in_goals and sentence[bare.end():bare.end() + 1] in "，,")):
        return Goal(span.start, span.end, int(bare.group("year")))
    if RETROSPECT_RE.match(sentence):
        return None  # 近年来，…基本形成: what has been done, not a goal
    anywhere = next((m for m in DEADLINE_ANYWHERE_RE.finditer(sentence)
                     if m.group("firm") or (not m.group("by") or m.group("before")) and OUTCOME_RE.search(sentence, m.end())), None)
    if anywhere is None and plan_year:
        bare_inside = next((m for m in BARE_INSIDE_RE.finditer(sentence)
                            if is_due(int(m.group("year")), plan_year,
                                      firm=bool(m.group("before") or COMPLETES_AFTER_RE.match(sentence, m.end())))
                            and OUTCOME_RE.search(sentence, m.end())), None)
        if bare_inside:
            return Goal(span.start, span.end, int(bare_inside.group("year")))
    marked = MARKER_RE.search(sentence)
    if in_goals and not marked and not anywhere and HEADING_LIKE_RE.fullmatch(sentence):
        return None  # §2.客观依据和内在条件: a heading the outline did not take, inside a goal section
    if in_goals or marked or anywhere:
        inner = DEADLINE_RE.search(sentence)
        year = int(inner.group("year")) if inner and marked else None
        if year is None and anywhere:
            year = int(anywhere.group("year"))
        period = LABELLED_PERIOD_RE.match(sentence)  # 近期发展目标（2003～2008年）：…: due at the period's end
        if year is None and period:
            year = int(period.group("year"))
        later = INNER_DEADLINE_RE.search(sentence)  # 2017年起全面加强…，到2019年取得阶段性进展
        if year is None and later and in_goals:
            year = int(later.group("year"))
        return Goal(span.start, span.end, year)
    return None


def find_goals(doc):
    """[Goal] of a PlanDocument, in text order."""
    text, goals = doc.text, []
    # (in a goal section?, measures, the section they belong to: a goal section's year runs on into its items,
    # an item's title stating an outcome or None)
    units = [(False, doc.preamble.measures if doc.preamble else [], None, None)]
    units.append((False, getattr(doc, "measures", None) or [], None, None))  # a plan with no numbered structure
    seen = set()
    for section in doc.sections:
        in_goals = _is_goal_heading(text, section)
        units.append((in_goals, section.measures, id(section), None))
        for task, flag in _items(section, in_goals, text):
            seen.add(id(task))
            units.append((flag, task.measures, id(section), _outcome_title(text, task)))
    for task in doc.tasks:  # numbered items hanging off the plan itself (a flat list)
        if id(task) not in seen:
            for item, flag in [(task, _is_goal_heading(text, task)), *_items(task, _is_goal_heading(text, task), text)]:
                if id(item) not in seen:
                    seen.add(id(item))
                    units.append((flag, item.measures, None, None))
    year, owner = None, None
    for in_goals, measures, section, title in units:
        # 二、主要目标 到2020年，…（一）…（二）…: the items of a goal section take the year stated before them.
        year = year if in_goals and section is not None and section == owner else None
        owner, last = section, None
        if in_goals and title is not None:
            goals.append(Goal(title.start, title.end, year))  # an item titled by the outcome it intends
        for measure in measures:
            labelled = GOAL_LABEL_RE.match(text, text.rfind("\n", 0, measure.span.start) + 1)
            goal = _sentence_goal(text, measure.span, in_goals or bool(labelled), doc.metadata.year)
            if goal is None:
                continue
            if not in_goals and goal.deadline is None and last is not None and last.deadline is not None \
                    and MARKER_RE.search(text, goal.start, goal.end) and not text[last.end:goal.start].strip(" \u3000"):
                goal.deadline = last.deadline  # 到2020年，建设…。初步形成…: the next sentence of the same paragraph
            last = goal
            if in_goals:
                start = START_RE.match(text[measure.span.start:measure.span.end])
                if start and goal.deadline is None:
                    year = int(start.group("year"))  # its own deadline stays unknown
                else:
                    goal.deadline = goal.deadline if goal.deadline is not None else year
                    year = goal.deadline
            if goals and goals[-1].end == measure.span.start and text[goal.start - 1:goal.start] in "；;" \
                    and goals[-1].deadline == goal.deadline and text[goals[-1].end - 1:goals[-1].end] in "；;":
                goals[-1].end = goal.end  # 建设…8所；建设…8个；…: one sentence, one goal
                continue
            goals.append(goal)
    return sorted(goals, key=lambda g: g.start)
