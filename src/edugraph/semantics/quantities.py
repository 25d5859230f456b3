"""Quantitative targets: committed numbers with their unit, bounds, approximation and what is counted.

Numbers are Arabic (half- or full-width, with thousands separators or decimals) or Chinese numerals.
Not targets: ordinals (第三批), numbers inside cited titles, quoted names (“四名工程”) or 文号,
dates and years used as dates, and vague set phrases (一批, 一校一案).
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from edugraph.semantics.counted import name_after, what_is_counted
from edugraph.semantics.figures import (APPROX_BEFORE, CN_NUM, MAX_AFTER, MAX_BEFORE, MIN_AFTER, MIN_BEFORE, NUMBER,
                                        QUANTITY_RE, ROUND_COUNT_UNITS, UNIT_NOUN_RE, UNIT_RE, to_decimal)
from edugraph.semantics.words import CLAUSE_BREAK, CLAUSE_OPENERS, clause_start

# Years or months as a length of time, bounded (2年以上任教经历, 不少于3年): a count of years, not a date.
YEARS_BOUND_RE = re.compile(rf"(?P<bound>不少于|不低于|至少|满)?\s*(?P<n>{NUMBER})\s*(?P<unit>年|个月)"
                            r"(?P<after>以上|及以上)?(?![0-9０-９月底末前起])")
# 五、六位特级教师, 二、三十位学科带头人: two neighbouring numerals read aloud as a range (5-6, 20-30).
NAMED_AFTER_NAME = ("争创", "工程", "奖", "工作室", "计划")
# 第四、五、六名: numbers listed after an ordinal are ordinals; 以上2、3、4项: the items above, by number.
ORDINAL_LIST_RE = re.compile(r"第[一二三四五六七八九十0-9０-９]{1,3}、(?:[一二三四五六七八九十0-9０-９]{1,3}、)*$")
REFERENCE_LIST_RE = re.compile(r"以上(?:[一二三四五六七八九十0-9０-９]{1,3}、)+$")
SPOKEN_RANGE_RE = re.compile(r"(?P<low>[一二三四五六七八九])、(?P<high>[二三四五六七八九])(?P<scale>[十百千万]?)"
                             r"(?P<unit>个|名|位|所|项|人|种|家|支|门|次|场)")
# 在农村任教一年以上, 在教学第一线工作5年以上: the years counted are of that service.
SERVICE_BEFORE_RE = re.compile(r"(在[^，,。；;、\s在]{1,14}?(?:任教|工作|支教|任职|执教|从教))$")
# 聘期4年, 工作室活动周期三年: the length of a term, a count of years (not a year or a deadline).
TERM_RE = re.compile(rf"(?P<noun>[\u4e00-\u9fff]{{0,10}}?(?:聘期|任期|周期|学制|服务期|(?<=[\u4e00-\u9fff]{{2}})(?:时间|年限)(?=为)))(?:为|是)?"
                     rf"(?P<n>{NUMBER})\s*(?P<unit>年|个月|学年)(?P<half>半)?(?![0-9０-９月底末前起内以])")
# 援疆一年半: a year and a half, a length of time.
YEAR_AND_A_HALF_RE = re.compile(rf"(?P<n>{NUMBER})\s*年半")
# 近五年内, 近5年来, 连续两年: a window of years looked back over or run through, a count of years (not a time limit).
LOOK_BACK_RE = re.compile(rf"(?:近|连续)\s*(?P<n>{NUMBER})\s*个?\s*(?P<unit>年|学年)\s*(?:以来|来|内|中)?(?![0-9０-９月底末前起])")
# 两周半, 三年半: a half after the unit.
HALVED_UNITS = ("年", "学年", "周", "天", "小时", "个月", "月")
# 红十字会, 十字路口: a numeral inside a word.
NUMERAL_WORD_RE = re.compile(r"红十字|十字(?:路口|架)"
                             # a year of study (大一、大二本科生, 大三学生), not a count of 本
                             r"|(?<![扩最加放增])大[一二三四五](?=、大[二三四五]|学生|本科|年级|新生|学年)|(?<=、)大[二三四五]")
# 只推荐1节, 只能申报一个: at most that many (只有一个 states one).
ONLY_VERB_RE = re.compile(r"(?:只能|只|仅能|仅)(?:推荐|申报|报考|参加|选择|报送|选报|填报|提交|报名|选)$")
# 进行一次全面检查, 开展一次自查: one as an article after a verb of doing (每学年进行一次 is a frequency).
DOING_VERBS = ("进行", "开展", "组织", "举行", "举办")
EVERY_PERIOD_RE = re.compile(r"每(?:[一两三四五六七八九十0-9]+)?(?:年|学年|学期|季度|月|周|天|日)")
# 以3年为周期: one round every N years.
CYCLE_RE = re.compile(rf"以(?P<n>{NUMBER})\s*(?P<unit>年|学年|个月)为(?:一个)?(?:周期|一轮)")
PERCENT_WORD_RE = re.compile(rf"百分之(?P<lo>[{CN_NUM}]+|[0-9]+)")
# 三分之一以上: a fraction, read as a percentage to two places (33.33).
# 2/3及以上, 不超过全体委员的2/3: a share written with a slash, read only where a bound or a whole (的, 占) frames it
# (3/4 alone may be a date or an item's number).
SLASH_FRACTION_RE = re.compile(r"(?<![0-9０-９/.．])(?P<num>[1-9])\s*/\s*(?P<den>[2-9]|10)(?![0-9０-９/.．])"
                               r"(?P<after>及以上|以上|以下|以内)?")
# 课时量的一半: half of a whole, a share (一半时间, 各占一半 are not read).
HALF_RE = re.compile(r"(?<=的)(?P<half>一半)(?P<after>以上|以下|以内)?")
FRACTION_RE = re.compile(r"(?P<den>[二三四五六七八九十]+)分之(?P<num>[一二三四五六七八九])(?P<after>以上|及以上|以下|以内)?")
# Before the end of a year or of one of its months: 2016年底前, 2017年9月之前.
BY_THE_END = r"(?:底|末|[0-9０-９]{1,2}\s*月(?:底|末)?)?(?:之前|前|以前)"
# …or of a day (2018年3月12日（星期一）之前): a deadline still, though a day names a step of a schedule, not a goal.
BY_THE_DAY = (r"(?:底|末|[0-9０-９]{1,2}\s*月(?:底|末|[0-9０-９]{1,2}\s*日(?:\s*[（(](?:星期|周)[一二三四五六日天][）)])?)?)?"
              r"(?:之前|前|以前)")
DEADLINE_RE = re.compile(r"(?:到|至|于|在|截止(?:日期|时间)?(?:为|是)?)(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?(?:前|以前)?"
                         rf"|(?P<year2>(?:19|20)\d{{2}})\s*年{BY_THE_DAY}")
# 于2012年2月在杭州举办, 定于2015年11月4日召开: the date an event is held on, not one things are due by;
# 决定于2010年评选: when the issuer decided to hold it.
HELD_ON_RE = re.compile(r"\s*(?:[0-9０-９]{1,2}\s*月(?:\s*[0-9０-９]{1,2}\s*日)?(?:[^，,。；;前]{0,8}(?:举办|举行|召开))"
                        r"|[春秋]季开学(?![前内]))")  # 将于2012年秋季开学在全省实施: when it starts (于…秋季学期内完成 is due)
# A bare year after 确保/力争 (确保2020年…达标) or opening a clause (2017年我省评选200所…) is a deadline when it is
# not a start (2017年起/开始), a period (2017年以来, 2017年度), a month or one end of a span of years.
NOT_A_DEADLINE_AFTER = r"(?![起开以度后内间至到、\-－—–~～0-9０-９一二三四五六七八九十]|[春秋][季学])"
BARE_YEAR_RE = re.compile(r"(?:(?P<lead>确保|力争|争取)\s*)?(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?" + NOT_A_DEADLINE_AFTER)
# 2017年配齐…: a completion verb right after a bare year makes it a deadline even in the plan's own year.
COMPLETES_AFTER_RE = re.compile(r"\s*(?:配齐|配足|建成|完成|实现|达到)")
# A bound governs each of coordinated figures after it (分别不低于60%和80%).
COORDINATED_RE = re.compile(rf"(?:\s*{NUMBER}\s*(?:{UNIT_RE})?\s*[和、及与或])+\s*")
FREQUENCY_UNITS = ("次", "场", "轮", "遍", "届")
EACH_OR_ONLY_RE = re.compile(r"(?:每(?:人|个人|校|所|位|名|队|组|件)[\u4e00-\u9fff]{0,4}|只有|只能|仅有|仅)$")
INCLUDED_RE = re.compile(r"[（(]含[）)]")
PERCENT_SIGNS = ("%", "％", "﹪")  # all read as %
# 写一篇观后感, 观看一部影片, 创作一幅作品: one piece of work required, not an article.
WORK_UNITS = ("篇", "部", "幅", "首", "件")
PRODUCING_VERBS = ("写", "撰写", "观看", "创作", "完成", "制作", "拍摄", "绘制", "演唱", "上交", "提交", "推荐")
TIME_LIMIT_UNITS = ("分钟", "小时", "天", "周", "个月")  # 在90分钟内: a time limit (在3年内 is a deadline's)
DURATION_RE = re.compile(rf"(?P<n>{NUMBER})\s*(?P<unit>年|个月|周|天)\s*(?:以内|之内|内)")
# 用3年左右的时间, 利用三年时间: the time given to reach something, a deadline counted from now.
TIME_GIVEN_RE = re.compile(rf"(?<=用)\s*(?P<n>{NUMBER})\s*(?P<unit>年|个月)(?P<approx>左右)?(?:的)?时间")
# 2016-2017学年度: a school year named, not a quantity.
SCHOOL_YEAR_RE = re.compile(r"(?:19|20)\d{2}\s*[-－—–~～至]{1,2}\s*(?:19|20)\d{2}\s*学年")
# A formulaic name: a Chinese numeral + 项 + rule word (八项规定, 九项工作制度), or N位一体.
NAME_AFTER_RE = re.compile(r"(?:[\u4e00-\u9fff]{0,4}(?:规定|制度|原则|纪律|准则|禁令|方针|口诀|要诀)|一体)")
FREQUENCY_BEFORE = re.compile(r"(?:每|一)(?:年|学年|学期|季度|月|周|天|日)(?:至少|不少于|开展|举办|组织)?$"
                              r"|(?:年|学年|学期)(?:至少|不少于)$")
# 一 + these is a vague amount or a set phrase, not a count.
VAGUE_ONE = "批些系列定流线体致起道步般切直律类样"
# Two adjacent numerals are a small range: 一两项 → 1 to 2.
PAIR_RE = re.compile(r"^(一两|两三|三四|三五|四五|五六|六七|七八|八九)$")


@dataclass
class Target:
    start: int
    end: int
    value: Decimal | None
    minimum: Decimal | None
    maximum: Decimal | None
    unit: str
    approximate: bool
    kind: str           # count | percentage | frequency | deadline | amount
    counted: str        # what is counted, as printed, or ""


def is_due(year, plan_year, firm):
    """Whether a bare year states when something is due: after 确保/力争 or with 前 (`firm`) any year from the
    plan's own on (any year when the plan's is unknown); otherwise only a year later than the plan's."""
    if firm:
        return plan_year is None or year >= plan_year
    return plan_year is not None and year > plan_year


def _kind(unit, before):
    if unit in PERCENT_SIGNS + ("‰", "个百分点"):
        return "percentage"
    if unit in FREQUENCY_UNITS and (FREQUENCY_BEFORE.search(before) or "每" in re.split(f"[{CLAUSE_BREAK}]", before)[-1]):
        return "frequency"
    if unit.endswith("元"):
        return "amount"
    return "count"


def _opens_period(text, start, a):
    """Whether the clause before `a` opens a dated period (从2010年3月1日开始, 自2021年3月起)."""
    return bool(re.search(r"(?:开始|起)$|[自从]\s*[0-9０-９]", text[clause_start(text, start, a):a]))


def _bound_before(text, start, a):
    """The bound word governing a number: the nearest one earlier in the same clause, with no other
    number in between (不低于国家课程方案规定总课时9% → at least 9)."""
    clause = clause_start(text, start, a)
    before = text[clause:a]
    words = sorted(MIN_BEFORE + MAX_BEFORE + APPROX_BEFORE, key=len, reverse=True)
    best = None  # the word ending last wins; on a tie the longer (不低于 over 低于)
    for word in words:
        index = before.rfind(word)
        if word == "限" and index > 0 and before[index - 1] in "期时年界权":
            continue  # 公示期限为7个工作日: a period named, not a limit (每个节目限3名 is one)
        if word in ("超过", "超出") and before.startswith("部分", index + len(word)):
            continue  # 超过部分事假每天扣100元: the excess, a noun
        if index >= 0 and (best is None or (index + len(word), len(word)) > (best[0] + len(best[1]), len(best[1]))):
            best = (index, word)
    between = before[best[0] + len(best[1]):] if best else ""
    if best is None or re.search(rf"[0-9０-９{CN_NUM[1:]}]", between) and not COORDINATED_RE.fullmatch(between):
        return None, a
    adjacent = best[0] + len(best[1]) == len(before)
    return best[1], (clause + best[0] if adjacent else a)


def find_targets(text, start, end, skip, plan_year=None):
    """Targets in text[start:end]; `skip` is a list of (a, b) index ranges to ignore (titles, quotes).
    `plan_year` lets a later year opening a sentence (2018年，…达到) read as a deadline."""
    found = []
    taken = []

    def free(a, b):
        return not any(a < y and x < b for x, y in taken) and not any(
            a <= y and x < b for x, y in skip)

    taken += [m.span() for m in NUMERAL_WORD_RE.finditer(text, start, end)]
    for match in DEADLINE_RE.finditer(text, start, end):
        a, b = match.span()
        if text[a] in "至到" and re.match(r"\s*[0-9０-９]{1,2}\s*月", text[b:b + 6]) and _opens_period(text, start, a):
            continue  # 从2010年3月1日开始至2010年7月4日结束, 自2021年3月起至2025年3月止: a period's end, not a deadline
        if text[a] in "到至" and text.endswith(("计算截止", "统计截止"), start, a) or text[a] == "截" and \
                text.endswith(("计算", "统计"), start, a):
            continue  # 年限计算截止到2010年12月底: the date ages are counted to, not a deadline
        if text[a] == "在" and re.match(r"[春秋][季学]", text[b:b + 2]) \
                and not re.match(r"[春秋]季?(?:学期)?(?:内|前|之前|结束前)", text[b:b + 8]):
            continue  # 在2015年春季入学时: a time things happen (在2016年秋季学期内完成 is a deadline)
        if text[a] == "于" and text[a - 1:a] == "定" and a > start:
            continue  # 省教育厅决定于2010年评选, 定于2018年举行: the year it is held in
        if text[a] == "于" and text.endswith(("建", "创办", "成立", "创立", "开办", "诞生"), start, a):
            continue  # 始建于1905年, 成立于2010年: when a body was founded
        if text[a] in "于在" and (re.match(r"\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日(?![^，,。；;]{0,12}前)", text[b:b + 20])
                                 or HELD_ON_RE.match(text, b)):
            continue  # 会议定于2015年11月4日召开, 于2012年2月在杭州举办: a date things happen on, not one they are due by
        if free(a, b):
            year = Decimal(match.group("year") or match.group("year2"))
            found.append(Target(a, b, year, None, None, "年", False, "deadline", ""))
            taken.append((a, b))
    for match in BARE_YEAR_RE.finditer(text, start, end):
        a, b = match.span("year")[0], match.end()
        year = int(match.group("year"))
        opens = match.group("lead") or match.start() == start or text[match.start() - 1] in CLAUSE_OPENERS
        firm = bool(match.group("lead") or COMPLETES_AFTER_RE.match(text, b))
        if opens and free(a, b) and is_due(year, plan_year, firm=firm):
            found.append(Target(a, b, Decimal(year), None, None, "年", False, "deadline", ""))
            taken.append((a, b))
    for match in CYCLE_RE.finditer(text, start, end):
        a, b = match.span()
        if free(a, b) and (n := to_decimal(match.group("n"))) is not None:
            found.append(Target(a, b, n, None, None, match.group("unit"), False, "frequency", ""))
            taken.append((a, b))
    for match in SPOKEN_RANGE_RE.finditer(text, start, end):
        a, b = match.span()
        low, high = to_decimal(match.group("low")), to_decimal(match.group("high"))
        if free(a, b) and high == low + 1 and not text.endswith("第", start, a) \
                and not ORDINAL_LIST_RE.search(text, max(start, a - 12), a):  # 第二、三名, 第四、五、六名: ranks
            scale = to_decimal("一" + match.group("scale")) if match.group("scale") else 1
            counted = what_is_counted(text, start, end, (a, a, b), "count", match.group("unit"), None)
            found.append(Target(a, b, None, low * scale, high * scale, match.group("unit"), False, "count", counted))
            taken.append((a, b))
    for match in TERM_RE.finditer(text, start, end):
        a, b = match.span("n")[0], match.end()
        if free(a, b) and (n := to_decimal(match.group("n"))) is not None and n < 100:  # (时间为2020年: a year)
            n += Decimal("0.5") if match.group("half") else 0
            found.append(Target(a, b, n, None, None, match.group("unit"), False, "count", match.group("noun")))
            taken.append((a, b))
    for match in YEAR_AND_A_HALF_RE.finditer(text, start, end):
        a, b = match.span()
        if free(a, b) and (n := to_decimal(match.group("n"))) is not None and n < 100:
            found.append(Target(a, b, n + Decimal("0.5"), None, None, "年", False, "count", ""))
            taken.append((a, b))
    for match in YEARS_BOUND_RE.finditer(text, start, end):
        a, b = match.span()
        n = to_decimal(match.group("n"))
        if (match.group("bound") or match.group("after")) and free(a, b) and n is not None and n < 100 \
                and not text[max(start, a - 1):a].isdigit():
            counted = what_is_counted(text, start, end, (a, match.start("n"), b), "count", match.group("unit"), None)
            service = SERVICE_BEFORE_RE.search(text, max(start, a - 24), a)
            counted = counted or (service.group(1) if service else "")
            found.append(Target(a, b, None, n, None, match.group("unit"), False, "count", counted))
            taken.append((a, b))
    for match in LOOK_BACK_RE.finditer(text, start, end):
        a, b = match.span()
        if free(a, b) and (n := to_decimal(match.group("n"))) is not None and n < 100:
            found.append(Target(a, b, n, None, None, match.group("unit"), False, "count", ""))
            taken.append((a, b))
    for match in DURATION_RE.finditer(text, start, end):
        a, b = match.span()
        if text.endswith(("最后", "最近"), start, a):
            continue  # 在最后一年内: which year, not how long
        if free(a, b) and (n := to_decimal(match.group("n"))) is not None:
            phrase_start = a - 1 if text[a - 1:a] == "在" and a - 1 >= start else a
            ban = re.match(r"\s*(?:不得|不能|不准|不再|禁止)", text[b:b + 4])  # 3年内不得申报: how long a ban lasts
            found.append(Target(phrase_start, b, n if ban else None, None, None if ban else n, match.group("unit"), False,
                                "count" if ban else "deadline", ""))
            taken.append((a, b))
    for match in TIME_GIVEN_RE.finditer(text, start, end):
        a, b = match.span()
        if free(a, b) and (n := to_decimal(match.group("n"))) is not None:
            found.append(Target(a, b, None, None, n, match.group("unit"), bool(match.group("approx")), "deadline", ""))
            taken.append((a, b))
    taken += [m.span() for m in SCHOOL_YEAR_RE.finditer(text, start, end)]

    for match in QUANTITY_RE.finditer(text, start, end):
        a, b = match.span()
        lo_text, unit = match.group("lo"), match.group("unit") or match.group("lo_unit")
        before = text[max(start, a - 8):a]
        if not free(a, b) or before.endswith("第") or (b < end and text[b] in "年月日"):
            continue
        if unit == "次" and lo_text == "二":
            continue  # 二次创业, 二次开发: the second, a compound (a count of times says 两次)
        if unit == "元" and text.startswith(("结构", "化", "论", "对立"), b):
            continue  # 二元结构: a dual structure, not money
        if unit == "次" and text.startswith(("全会", "全体会议", "会议", "全委会"), b) and "届" in before[-4:]:
            continue  # 省委十二届八次全会: a plenary session's number
        if unit == "学年" and lo_text.isdigit() and len(lo_text) >= 4:
            continue  # 2009学年度: a school year named
        if unit == "次" and text.startswith("性", b):
            continue  # 一次性发放: at once
        if lo_text[0] in CN_NUM and text[a - 1:a] in "○〇ＯO" and a > start:
            continue  # 二○○九学年: the tail of a year typed with circles, not a count
        if unit == "类" and text.startswith(("大赛", "竞赛", "赛事", "比赛"), b):
            continue  # 国家级二类竞赛: a class of contests, not a count
        if before.endswith("前") and unit in ("名", "位"):
            continue  # 省前100名: a rank, not a number of people
        if ORDINAL_LIST_RE.search(before) or REFERENCE_LIST_RE.search(before):
            continue  # 第四、五、六名: ranks listed; 以上2、3、4项: the items above, referred to
        if re.search(r"[（(]含$", before) and text[b:b + 1] in "）)":
            continue  # 30%以下（含30%）: the bound's own figure, said to be included
        if unit == "度" and not lo_text[0].isdigit():
            continue  # 37.2度 is a temperature; 一度, 三度空间 are words
        if unit == "班" and lo_text.isdigit() and len(lo_text) >= 3:
            continue  # 702班: a class's number
        if lo_text == "一" and (unit == "次" and before.endswith(("最后", "最近", "上", "下", "这", "该"))
                                or before.endswith(("最后", "最近"))):
            continue  # 最后一次课, 上一次, 在最后一年内: which one, not how many
        if unit in ("档", "类", "级", "等") and text.startswith("为", b) and clause_start(text, start, a) == a:
            continue  # 1档为每生每年2000元: a band's label, defined
        if unit == "节" and text.startswith(("假", "日"), b):
            continue  # 高三节假日: 节假日 is a word
        if unit == "名" and text.startswith(NAMED_AFTER_NAME, b):
            continue  # 三名争创奖, 三名工程: a programme named after three kinds of 名 (名师, 名校长, 名校)
        if lo_text == "一" and (re.search(rf"一{re.escape(unit)}、[\u4e00-\u9fff]{{1,3}}$", before)
                                or re.match(rf"、[\u4e00-\u9fff]{{1,3}}一{re.escape(unit)}", text[b:b + 8])):
            continue  # 兑现一件、销号一件, 发现一起、查处一起: a set phrase
        if unit == "分" and (not lo_text[0].isdigit() or before.endswith(("时", ":", "：")) or text.startswith("之", b)):
            continue  # 加2分 are points; 十分重要, 8时30分, 三分之一 are not
        if lo_text in ("万", "〇", "零") or lo_text in ("千", "百") and (unit not in ROUND_COUNT_UNITS or (
                a > start and text[a - 1] in CN_NUM)):
            continue  # a bare unit character, not a number (but 百所美育特色学校, 百部经典电影: a hundred)
        if re.match(r"一.一", text[a:a + 4]) or (lo_text == "一" and (text[b:b + 1] == "一" or text[a - 2:a - 1] == "一")):
            continue  # 一人一案, 一校一品: a set phrase
        if not lo_text[0].isdigit() and NAME_AFTER_RE.match(text, b) or text.startswith("一体", b):
            continue  # 八项规定, 四位一体: a name, not a count
        bound, phrase_start = _bound_before(text, start, a)
        included = INCLUDED_RE.match(text, b, end)  # 56人（含）以上: the bound itself included
        bound_at = included.end() if included else b
        bounded_after = text.startswith(MIN_AFTER + MAX_AFTER, bound_at)
        if unit in ("米", "厘米", "尺", "G") and bound is None and not bounded_after:
            continue  # 800米跑: a distance named; 宽、高不超过1.8米 is a limit
        stated = text[b:b + 1] in "。；;，,（(" and ("\u4e00" <= before[-1:] <= "\u9fff" or before.endswith("》"))
        # 可申报电子钢琴一台；, 《…证书》一份。: one, stated; 每人完成一件作品, 只有一个用户名: one each, one only.
        only = ONLY_VERB_RE.search(before)
        stated = stated or bool(EACH_OR_ONLY_RE.search(before) or only) or unit in WORK_UNITS and before.endswith(PRODUCING_VERBS)
        if lo_text == "一" and not match.group("hi") and not stated and (
                unit not in FREQUENCY_UNITS and bound in (None, "达到", "达") and not bounded_after
                and not before.endswith("各") or before.endswith("新")):
            continue  # 一个/一支/每一名/新一轮: an article, not a committed number
        if lo_text == "一" and unit in FREQUENCY_UNITS and before.endswith(DOING_VERBS) and bound is None \
                and not EVERY_PERIOD_RE.search(re.split(r"[。；;！？\n]", text[max(start, a - 80):a])[-1]):
            continue
        if lo_text[0] not in "0123456789０１２３４５６７８９" and before.endswith("每"):
            continue
        lo, hi = to_decimal(lo_text), to_decimal(match.group("hi")) if match.group("hi") else None
        if PAIR_RE.match(lo_text) and hi is None:
            lo, hi = to_decimal(lo_text[0]), to_decimal(lo_text[1])
        if lo is None:
            continue
        if unit == "字" and re.search(r"[（(][^（()）每]{0,6}$", text[max(start, a - 8):a]):
            continue  # 发言内容提要（不少于800字）: a form's instruction to who fills it in, not a target
        if unit == "届" and not re.search(r"每[^，,。；;]{0,6}$", text[max(start, a - 8):a]):
            continue  # 十九届, 第七届: an edition, not a number of events
        noun = re.match(UNIT_NOUN_RE, text[b:b + 6]) if unit == "个" else None
        if noun:  # 6个学分, 6个必修学分: the unit is 学分
            unit, b = noun.group("unit"), b + noun.end()
        if hi is None and text.startswith("半", b) and unit in HALVED_UNITS:
            lo, b = lo + Decimal("0.5"), b + 1  # 两周半: two and a half weeks
        value, minimum, maximum = lo, None, None
        if hi is not None:
            value, minimum, maximum = None, lo, hi
        phrase_end = b
        approximate = bool(match.group("approx_after") or match.group("approx_tail"))
        if bound in APPROX_BEFORE:
            approximate = True
        elif bound in MIN_BEFORE and bound not in ("达到", "达") and value is not None:
            value, minimum = None, lo
        elif bound in MAX_BEFORE and value is not None:
            value, maximum = None, lo
        suffix = text[bound_at:min(end, bound_at + 3)]
        for word in sorted(MIN_AFTER + MAX_AFTER, key=len, reverse=True):
            if suffix.startswith(word):
                phrase_end = bound_at + len(word)
                if value is not None:
                    value, minimum, maximum = (None, lo, None) if word in MIN_AFTER else (None, None, lo)
                break
        if value is not None and text.startswith("为限", b) and text[a - 1:a] == "以":
            value, maximum, phrase_start, phrase_end = None, lo, min(phrase_start, a - 1), b + 2  # 以3分钟为限: at most
        elif value is not None and unit in TIME_LIMIT_UNITS and text.startswith("内", b) and text[a - 1:a] == "在":
            value, maximum, phrase_start, phrase_end = None, lo, min(phrase_start, a - 1), b + 1  # 在90分钟内
        if value is not None and hi is None and before.endswith("满") and unit in ("岁", "周岁", "年", "个月", "学年"):
            value, minimum, phrase_start = None, lo, min(phrase_start, a - 1)  # 男满55周岁: at least
        if only and value is not None and hi is None:
            value, maximum, phrase_start = None, lo, a - len(only.group())  # 只推荐1节: at most one
        top = re.search(r"前\s*$", before) if value is not None and unit in PERCENT_SIGNS else None
        if top:
            value, maximum, phrase_start = None, lo, a - len(top.group())  # 排名前30%: the top share
        if approximate and minimum is None and maximum is None and match.group("approx_after"):
            value, minimum = None, lo  # 100余所: more than 100
        kind = _kind(unit, text[max(start, a - 16):a])
        if kind == "frequency" and value is not None and re.search(r"至少|不少于", text[max(start, a - 10):a]):
            value, minimum = None, lo
        counted = what_is_counted(text, start, end, (phrase_start, a, phrase_end), kind, unit, bound)
        unit = "%" if unit in PERCENT_SIGNS else unit
        found.append(Target(phrase_start, phrase_end, value, minimum, maximum, unit, approximate, kind, counted))
        taken.append((a, b))

    for match in re.finditer(r"(?P<n>[0-9０-９]+)大(?=[\u4e00-\u9fff])", text[start:end]):
        a, b = start + match.start(), start + match.end()
        if free(a, b):  # 5大成果项目: Arabic digits + 大 count major items (二十大 is an ordinal)
            found.append(Target(a, b, to_decimal(match.group("n")), None, None, "大", False, "count",
                                name_after(text, b, end)))
            taken.append((a, b))

    def share(phrase_start, a, b, value, after, bound=None, phrase_end=None):
        """A share (三分之一以上, 2/3及以上, 的一半) as a percentage, bounded by the word after it or else before it."""
        low = value if after.endswith("以上") or not after and bound in MIN_BEFORE else None
        high = value if after in ("以下", "以内") or not after and bound in MAX_BEFORE else None
        found.append(Target(phrase_start, phrase_end or b, None if low or high else value, low, high, "%", False, "percentage",
                            what_is_counted(text, start, end, (phrase_start, a, b), "percentage", "%", bound)))
        taken.append((a, b))

    for match in FRACTION_RE.finditer(text, start, end):
        den, num = to_decimal(match.group("den")), to_decimal(match.group("num"))
        if free(*match.span()) and den and num is not None and num < den:
            share(match.start(), *match.span(), (num * 100 / den).quantize(Decimal("0.01")), match.group("after") or "")
    for match in SLASH_FRACTION_RE.finditer(text, start, end):
        a, b = match.span()
        num, den = Decimal(match.group("num")), Decimal(match.group("den"))
        bound, phrase_start = _bound_before(text, start, a)
        after = match.group("after") or ""
        if free(a, b) and num < den and (after or bound or text[a - 1:a] in "的占"):
            share(phrase_start if bound in MIN_BEFORE + MAX_BEFORE else a, a, b,
                  (num * 100 / den).quantize(Decimal("0.01")), after, bound)
    for match in HALF_RE.finditer(text, start, end):
        if free(*match.span("half")):  # (its whole span is the phrase; what it counts is read before 一半)
            share(match.start(), *match.span("half"), Decimal(50), match.group("after") or "", phrase_end=match.end())
    for match in PERCENT_WORD_RE.finditer(text, start, end):
        a, b = match.span()
        if free(a, b) and (value := to_decimal(match.group("lo"))) is not None:
            found.append(Target(a, b, value, None, None, "%", False, "percentage", ""))
            taken.append((a, b))
    return _elided(text, _restatements(text, sorted(found, key=lambda t: t.start)))


def _elided(text, targets):
    """新建幼儿园2所、投入使用10所: a count with nothing named after a listed one of the same unit counts
    the same thing."""
    for first, second in zip(targets, targets[1:]):
        between = text[first.end:second.start]
        if not second.counted and second.kind == "count" and first.counted and first.unit == second.unit \
                and len(between) <= 8 and not re.search(r"[。；;，,]", between) and between.startswith("、"):
            second.counted = first.counted
    return targets


def _restatements(text, targets):
    """A figure in brackets right after a bounded one restates it and takes its bound: 不低于9%（857课时）."""
    for first, second in zip(targets, targets[1:]):
        between = text[first.end:second.start]
        if re.fullmatch(r"[（(](?:相当于|约|即|合)?", between) and second.value is not None:
            if first.minimum is not None and first.maximum is None:
                second.value, second.minimum = None, second.value
            elif first.maximum is not None and first.minimum is None:
                second.value, second.maximum = None, second.value
    return targets
