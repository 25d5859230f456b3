"""Quantitative targets: committed numbers with their unit, bounds, approximation and what is counted.

Numbers are Arabic (half- or full-width, with thousands separators or decimals) or Chinese numerals.
Not targets: ordinals (第三批), numbers inside cited titles, quoted names (“四名工程”) or 文号,
dates and years used as dates, and vague set phrases (一批, 一校一案).
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from edugraph.reading.numerals import parse_chinese_number
from edugraph.semantics.words import CLAUSE_OPENERS, CLAUSE_VERBS, words

# Counting words and units, longest first so 万人次 wins over 万人 and 人.
UNITS = sorted("""
个百分点 万人次 人次 万人 万元 亿元 平方米 个月 课时 学时 小时 分钟 公里 学分
个 所 名 人 次 项 门 种 家 条 支 座 间 套 台 本 册 篇 场 节 天 周 元 亩 倍 处 位 块 班 部 件 首 幅 户 张 MB GB
组 园 校次 轮 遍 届 岁 学年 学期 % ％ ‰
""".split(), key=len, reverse=True)
CN_NUM = "〇零一二两三四五六七八九十百千万"
ROUND_COUNT_UNITS = ("所", "部", "首", "个", "项", "场", "支", "家", "篇", "本", "种", "件", "幅", "名")  # 百所, 千名
NUMBER = rf"(?:[0-9０-９]+(?:[,，][0-9０-９]{{3}})*(?:[.．][0-9０-９]+)?|[{CN_NUM}]+)"
UNIT_RE = "|".join(re.escape(u) for u in UNITS)
RANGE_SEP = r"(?:-|－|—|–|~|～|至|到)"
# A range may print its unit on both ends (1项至2项, 0.15%-0.2%).
QUANTITY_RE = re.compile(
    rf"(?P<lo>{NUMBER})(?:\s*(?P<lo_unit>{UNIT_RE})?\s*(?P<sep>{RANGE_SEP})\s*(?P<hi>{NUMBER}))?\s*"
    rf"(?P<approx_after>余|多)?\s*(?(lo_unit)(?P=lo_unit)|(?P<unit>{UNIT_RE}))(?P<approx_tail>左右)?")
# Years or months as a length of time, bounded (2年以上任教经历, 不少于3年): a count of years, not a date.
YEARS_BOUND_RE = re.compile(rf"(?P<bound>不少于|不低于|至少|满)?\s*(?P<n>{NUMBER})\s*(?P<unit>年|个月)"
                            r"(?P<after>以上|及以上)?(?![0-9０-９月底末前起])")
# 以3年为周期: one round every N years.
CYCLE_RE = re.compile(rf"以(?P<n>{NUMBER})\s*(?P<unit>年|学年|个月)为(?:一个)?(?:周期|一轮)")
PERCENT_WORD_RE = re.compile(rf"百分之(?P<lo>[{CN_NUM}]+|[0-9]+)")
# Before the end of a year or of one of its months: 2016年底前, 2017年9月之前.
BY_THE_END = r"(?:底|末|[0-9０-９]{1,2}\s*月(?:底|末)?)?(?:之前|前|以前)"
DEADLINE_RE = re.compile(r"(?:到|至|于|在)(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?(?:前|以前)?"
                         rf"|(?P<year2>(?:19|20)\d{{2}})\s*年{BY_THE_END}")
# A bare year after 确保/力争 (确保2020年…达标) or opening a clause (2017年我省评选200所…) is a deadline when it is
# not a start (2017年起/开始), a period (2017年以来, 2017年度), a month or one end of a span of years.
NOT_A_DEADLINE_AFTER = r"(?![起开以度后内间至到、\-－—–~～0-9０-９一二三四五六七八九十]|[春秋][季学])"
BARE_YEAR_RE = re.compile(r"(?:(?P<lead>确保|力争|争取)\s*)?(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?" + NOT_A_DEADLINE_AFTER)
# 2017年配齐…: a completion verb right after a bare year makes it a deadline even in the plan's own year.
COMPLETES_AFTER_RE = re.compile(r"\s*(?:配齐|配足|建成|完成|实现|达到)")
MIN_BEFORE = ("不少于", "不低于", "不得少于", "不得低于", "至少", "最少", "超过", "高于", "多于", "达到", "达")
MAX_BEFORE = ("不超过", "不高于", "不得超过", "不多于", "最多", "低于", "少于", "控制在", "限")  # 每个节目限3名
MIN_AFTER = ("以上", "及以上")
MAX_AFTER = ("以内", "以下", "及以下", "之内")
APPROX_BEFORE = ("约", "大约", "近", "将近")
# 个 + one of these nouns: the noun is the real unit (6个学分 → 学分).
UNIT_NOUNS = ("学分", "课时", "学时", "工作日", "学期", "学年", "百分点")
UNIT_NOUN_RE = re.compile(rf"(?:必修|选修)?(?P<unit>{'|'.join(UNIT_NOUNS)})")
# A bound governs each of coordinated figures after it (分别不低于60%和80%).
COORDINATED_RE = re.compile(rf"(?:\s*{NUMBER}\s*(?:{UNIT_RE})?\s*[和、及与或])+\s*")
FREQUENCY_UNITS = ("次", "场", "轮", "遍", "届")
DURATION_RE = re.compile(rf"(?P<n>{NUMBER})\s*(?P<unit>年|个月|周|天)\s*(?:以内|之内|内)")
# 用3年左右的时间, 利用三年时间: the time given to reach something, a deadline counted from now.
TIME_GIVEN_RE = re.compile(rf"(?<=用)\s*(?P<n>{NUMBER})\s*(?P<unit>年|个月)(?P<approx>左右)?(?:的)?时间")
# 2016-2017学年度: a school year named, not a quantity.
SCHOOL_YEAR_RE = re.compile(r"(?:19|20)\d{2}\s*[-－—–~～至]\s*(?:19|20)\d{2}\s*学年")
CLAUSE_BREAK = "，,。；;：:！？"
# A formulaic name: a Chinese numeral + 项 + rule word (八项规定, 九项工作制度), or N位一体.
NAME_AFTER_RE = re.compile(r"(?:[\u4e00-\u9fff]{0,4}(?:规定|制度|原则|纪律|准则|禁令)|一体)")
FREQUENCY_BEFORE = re.compile(r"(?:每|一)(?:年|学年|学期|季度|月|周|天|日)(?:至少|不少于|开展|举办|组织)?$"
                              r"|(?:年|学年|学期)(?:至少|不少于)$")
# 一 + these is a vague amount or a set phrase, not a count.
VAGUE_ONE = "批些系列定流线体致起道步般切直律类样"
COUNTED_STOP = "，,。；;、：:（(）)《》和及与并或等的"
LEVELS_RE = re.compile(r"[国省市县区]、[省市县区]")  # 100所省、市艺术特色学校: levels sharing one name
COUNTED_SPLIT = r"[，,。；;、：:（(）)《》和及与并或的“”\s]|(?<![中高初])等"  # 中等职业学校 is one name
COUNT_VERBS = ("新建", "改扩建", "扩建", "建设", "建成", "增加", "新增", "培育", "培养", "培训", "评选", "遴选",
               "认定", "打造", "创建", "选树", "表彰", "招聘", "补充", "利用", "开展", "举办", "组织", "建立",
               "设立", "命名", "推出", "完成", "提供", "开设", "达到", "累计", "共", "力争", "改造", "加固", "实施",
               "保证", "修满", "修习", "获得", "安排")
# Verbs that give a figure to what follows (按总课时的11%开设艺术课程, 6学分用于艺术类必修课程).
ALLOT_VERBS = ("开设", "用于", "配备", "配齐", "配足", "安排", "招聘", "设置", "开好")
# Nouns that end a counted name: a verb after one starts what is done with it (优质初中学校|招收艺术特长生).
HEAD_NOUNS = ("学校", "中小学", "高中", "初中", "小学", "高校", "院校", "大学", "校", "园", "基地", "团", "队", "区", "中心", "教师", "教研员", "课程", "课", "馆", "室",
              "站", "社团", "项目", "学生", "人员", "专家", "试点", "资金", "经费")
EVENTS = ("活动", "比赛", "大赛", "展演", "展示", "评选", "会", "节")  # …精品课程展示活动 is one name
INSTITUTIONS = ("学校", "校", "园", "基地", "团", "中心", "馆", "室", "站")
# Who must act, not what is counted, when a figure is stated of them (实行学分制的学校不得低于2学分).
AGENT_NOUNS = ("学校", "学生", "教师", "中小学", "高校")
# A clause that follows a figure and is not a name: 获得至少2个学分方可毕业.
NOT_A_NAME_START = ("方可", "方能", "才能", "才可", "即可", "均可", "可以", "能够")
# Words that scope or distribute a counted thing without naming it: 全市中小学生艺术素质测评覆盖率, 每个学生美育选修课程.
SCOPE_PREFIX_RE = re.compile(r"^(?:且|并且|而且)?(?:全国|全省|全区|全市|全县|全州|本省|本市|我省|我市|学年度|每个学生|每名学生|每位学生|每个|每名)?")
# What follows a name without being part of it: 国家实验区之一, …传承学校建设, 省级实验区试点.
TAIL_WORDS_RE = re.compile(r"(?:之一|建设|试点|工作)$")
# Between a subject and its figure: 艺术课累计不少于108节, 课程修完6个学分.
STATED_OF_TAIL_RE = re.compile(r"(?:累计|总计|合计|共计|分别|均|各|都|须|应|要|必须|应当|至少|修完|修满|为|有)+$")
NOMINAL_VERBS = ("练习", "训练", "学习", "展示", "表演", "比赛", "示范", "实践", "传承")  # verbs that end names
# A measure a figure is stated of (演奏时间不超过8分钟, 参加人数为30-40人, 单个文件大小不超过500MB).
MEASURE_NOUNS = ("时间", "时长", "人数", "大小", "规模", "数量", "总数", "推荐数", "名额")
TRAILING_VERB_RE = re.compile(r"(?:修完|修满|累计|达到|用于|有)$")
# A place or stage a figure is distributed over, not what it counts (每县…, 初中阶段…).
PLACE_ENDS = ("县", "市", "省", "区", "镇", "乡", "街道", "年级", "阶段", "学段")
RATE_RE = re.compile(r"[\u4e00-\u9fff]*?(?:率|比例|比重|占比|覆盖面|参与面|普及面)$")
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


def to_decimal(text):
    text = unicodedata.normalize("NFKC", text).replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    value = parse_chinese_number(text)
    return Decimal(value) if value is not None else None


def _kind(unit, before):
    if unit in ("%", "％", "‰", "个百分点"):
        return "percentage"
    if unit in FREQUENCY_UNITS and (FREQUENCY_BEFORE.search(before) or "每" in re.split(f"[{CLAUSE_BREAK}]", before)[-1]):
        return "frequency"
    if unit.endswith("元"):
        return "amount"
    return "count"


def _noun_after(text, after_start, end):
    """The noun phrase right after a number and its unit, up to a clause break or the next clause's verb;
    quotation marks inside (市级“一校一品”品牌示范学校) are dropped from the name."""
    stop = after_start
    while stop < end and stop - after_start < 16 and (
            (text[stop] not in COUNTED_STOP or text[stop] == "的") and ("\u4e00" <= text[stop] <= "\u9fff" or text[stop] in "“”")
            or stop > after_start and LEVELS_RE.match(text, stop - 1)):
        stop += 1
    stop = after_start + len(_cut_at_verb(text, after_start, stop))  # 60%以上的中小学校|达到改革试点的要求
    if "的" in text[after_start:stop]:
        # 1000所各具特色的美育工作示范学校: what is counted is the noun after the last 的, unless a name
        # ends before it (2所北京市金鹏科技团的示范作用: the 的 is a possessive).
        owner = after_start + text[after_start:stop].index("的")
        if text[after_start:owner].endswith(INSTITUTIONS) and owner - after_start >= 3:
            stop = owner
        else:
            after_start = after_start + text[after_start:stop].rindex("的") + 1
    first = words(text, after_start, stop)[:1] if stop > after_start else []
    if stop < end and text[stop] == "、" or first and first[0].tag == "v":
        # A description before 的 and its noun: 2000个面向全体学生、内容丰富、形式多样的美育社团,
        # 至少1个体现地方特色或本校特色的校级艺术社团 (no other figure in between).
        rest = re.match(r"[^，,。；;：:（()）]{0,30}?的", text[after_start:end])
        if rest and not QUANTITY_RE.search(rest.group()):
            return _noun_after(text, after_start + rest.end(), end)
    if stop <= after_start or text.startswith(NOT_A_NAME_START, after_start):
        return ""
    if first and first[0].tag == "v" and not text.startswith(ALLOT_VERBS, after_start) \
            and not text[after_start:stop].endswith(HEAD_NOUNS + INSTITUTIONS + EVENTS) and "“" not in text[after_start:stop]:
        return ""  # 各1个参加市级录像展评: what follows is what is done, not what is counted (1名兼职美育教师 is)
    phrase_end = stop
    for word in words(text, after_start, stop):
        rest = re.match(rf"[^{COUNTED_STOP}\s]*", text[word.end:min(len(text), word.end + 4)]).group()
        # 加大党员发展力度 opens a new clause; 规范校, 示范园 are nouns ending in a place word.
        if word.text in CLAUSE_VERBS and len(rest) >= 2 and rest[0] not in "校园区点室所站馆" \
                or word.text in ("为", "作为"):  # 以5个国家级实验区为试点
            phrase_end = word.start
            break
    for verb in ALLOT_VERBS:  # 6学分用于艺术类必修课程: the verb is not part of the name
        if text.startswith(verb, after_start) and phrase_end - after_start > len(verb) + 1:
            return _tidy(_noun_after(text, after_start + len(verb), end))
    return _tidy(_cut_at_verb(text, after_start, phrase_end).replace("“", "").replace("”", ""))


def _cut_at_verb(text, start, end):
    """The name before a verb that says what is done with it: 优质初中学校招收艺术特长生 → 优质初中学校."""
    for word in words(text, start, end):
        if word.start > start and word.tag.startswith("v") and word.tag != "vn" and len(word.text) >= 2 \
                and text[start:word.start].endswith(HEAD_NOUNS) and not text[start:end].endswith(INSTITUTIONS + EVENTS):
            return text[start:word.start]  # (…教师实践教育基地, …课程展示活动: one name, ending in a head)
    tokens = words(text, start, end)
    while len(tokens) > 1 and tokens[-1].tag in ("v", "vd", "d", "f", "p") and len(tokens[-1].text) <= 2 \
            and tokens[-2].tag[:1] in "njfvd":
        if tokens[-1].tag == "v" and tokens[-2].tag[:1] not in "nj" or tokens[-1].text in NOMINAL_VERBS:
            break  # 写字练习, 足球后备人才示范: the verb is part of the name
        tokens.pop()  # …工作坊上报, 组别中对应填写, 队伍参评: a verb trailing the name is what is done with it
    return text[start:tokens[-1].end] if tokens else text[start:end]


def _tidy(phrase):
    """A counted phrase without scope words, distributive words or what trails the name."""
    phrase = SCOPE_PREFIX_RE.sub("", phrase)
    trimmed = TAIL_WORDS_RE.sub("", phrase)
    return trimmed if len(trimmed) >= 2 else phrase


def _allotted_after(text, after_start, end):
    """What a share is given to: 按总课时的11%开设艺术课程 → 艺术课程 (a verb of ALLOT_VERBS right after)."""
    verb = next((v for v in ALLOT_VERBS if text.startswith(v, after_start)), None)
    return _noun_after(text, after_start + len(verb), end) if verb else ""


def _rate_before(text, clause_start, number_start):
    """What a percentage measures: the rate named before it (薄弱园帮扶覆盖率达到100% → 薄弱园帮扶覆盖率)."""
    tokens = [w for w in words(text, clause_start, number_start) if w.tag != "x"]
    for i in range(len(tokens) - 1, -1, -1):
        if RATE_RE.match(tokens[i].text):
            j = i
            while j > 0 and tokens[j - 1].text not in CLAUSE_VERBS and tokens[j - 1].tag not in ("p", "c", "d", "r") \
                    and tokens[j - 1].end == tokens[j].start:
                j -= 1
            return text[tokens[j].start:tokens[i].end]
    return ""


PROPORTION_WORDS = tuple(sorted(MIN_BEFORE + MAX_BEFORE + ("占", "为"), key=len, reverse=True))


def _subject_before(text, clause_start, number_start):
    """What a percentage with no rate word measures: the noun phrase the clause's bound or 占 follows
    (确保艺术课程课时总量不低于总课时的9% → 艺术课程课时总量), or "" when there is none."""
    before = text[clause_start:number_start]
    found = [(before.find(w), -len(w)) for w in PROPORTION_WORDS if before.find(w) > 0]
    if not found:
        return ""
    at = min(found)[0]  # the first: 不低于国家课程方案规定总课时的9% holds a second noun
    at -= len(re.search(r"(?:应当|应|要|须|必须)?$", before[:at]).group())  # 专职教师数应占50%以上
    tokens = words(text, clause_start, clause_start + at)
    j = len(tokens)
    while j > 0 and (tokens[j - 1].tag[:1] in "njt" or tokens[j - 1].tag in ("vn", "an", "b")
                     or tokens[j - 1].tag == "f" and len(tokens[j - 1].text) > 1) \
            and (j == len(tokens) or tokens[j - 1].end == tokens[j].start):
        j -= 1
    phrase = text[tokens[j].start:clause_start + at] if j < len(tokens) else ""
    return phrase if 2 <= len(phrase) <= 14 and re.fullmatch(r"[\u4e00-\u9fff]+", phrase) else ""


def _counted(text, after_start, end, before, reaches=False):
    """What is counted: the noun right after the unit, else the noun between a verb and the number
    (保证美育类必修课程的6个学分), else the noun the figure is stated of (艺术特色学校20所, 美育课程不得低于72个学时;
    with `reaches`, the figure follows 达/达到: 市级艺术特色学校达140所以上)."""
    after = _noun_after(text, after_start, end)
    if len(after) >= 2:
        return after
    before = before.rstrip()  # 优秀文化艺术传承学校 8 所
    possessed = before.endswith("的")  # 保证美育类必修课程的6个学分
    before = before[:-1] if possessed else before
    head = re.split(COUNTED_SPLIT, before)[-1]
    for verb in sorted(COUNT_VERBS, key=len, reverse=True):
        index = head.rfind(verb)
        if index >= 0:
            noun = _tidy(TRAILING_VERB_RE.sub("", head[index + len(verb):]))
            if len(noun) >= 2 and (not possessed or noun.endswith(HEAD_NOUNS)):
                return noun[-16:]
            head = head[:index]  # 艺术课累计不少于108节: the verb follows what is counted
            break
    subject = re.sub(r"^[年底末]+", "", re.split(r"[^\u4e00-\u9fff]", head)[-1])  # 到2020年市级…学校达到200所
    subject = re.sub(r"^每[\u4e00-\u9fff](?=[\u4e00-\u9fff]{2})", "", _tidy(STATED_OF_TAIL_RE.sub("", subject)))  # 每队参展人数
    if not 2 <= len(subject) <= 14 or "每" in subject or subject.endswith(PLACE_ENDS) or subject in AGENT_NOUNS:
        return ""
    last = words(subject, 0, len(subject))[-1]
    if subject.endswith(HEAD_NOUNS + MEASURE_NOUNS) and last.tag != "v" or reaches and last.tag.startswith(("n", "j", "l")):
        # 每周音乐、美术课各不少于2节: items coordinated before the subject share the figure.
        listed = re.search(r"((?:[\u4e00-\u9fff]{2}、)+)$", before[:len(before) - len(head)])
        return (listed.group(1) if listed else "") + subject
    return ""
    return ""


def _bound_before(text, start, a):
    """The bound word governing a number: the nearest one earlier in the same clause, with no other
    number in between (不低于国家课程方案规定总课时9% → at least 9)."""
    clause = a
    while clause > start and text[clause - 1] not in CLAUSE_BREAK:
        clause -= 1
    before = text[clause:a]
    words = sorted(MIN_BEFORE + MAX_BEFORE + APPROX_BEFORE, key=len, reverse=True)
    best = None  # the word ending last wins; on a tie the longer (不低于 over 低于)
    for word in words:
        index = before.rfind(word)
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

    for match in DEADLINE_RE.finditer(text, start, end):
        a, b = match.span()
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
    for match in YEARS_BOUND_RE.finditer(text, start, end):
        a, b = match.span()
        n = to_decimal(match.group("n"))
        if (match.group("bound") or match.group("after")) and free(a, b) and n is not None and n < 100 \
                and not text[max(start, a - 1):a].isdigit():
            found.append(Target(a, b, None, n, None, match.group("unit"), False, "count", ""))
            taken.append((a, b))
    for match in DURATION_RE.finditer(text, start, end):
        a, b = match.span()
        if free(a, b) and (n := to_decimal(match.group("n"))) is not None:
            phrase_start = a - 1 if text[a - 1:a] == "在" and a - 1 >= start else a
            found.append(Target(phrase_start, b, None, None, n, match.group("unit"), False, "deadline", ""))
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
        if lo_text in ("万", "〇", "零") or lo_text in ("千", "百") and (unit not in ROUND_COUNT_UNITS or (
                a > start and text[a - 1] in CN_NUM)):
            continue  # a bare unit character, not a number (but 百所美育特色学校, 百部经典电影: a hundred)
        if re.match(r"一.一", text[a:a + 4]) or (lo_text == "一" and text[b:b + 1] == "一"):
            continue  # 一人一案, 一校一品: a set phrase
        if not lo_text[0].isdigit() and NAME_AFTER_RE.match(text, b) or text.startswith("一体", b):
            continue  # 八项规定, 四位一体: a name, not a count
        bound, phrase_start = _bound_before(text, start, a)
        bounded_after = text.startswith(MIN_AFTER + MAX_AFTER, b)
        if lo_text == "一" and not match.group("hi") and (
                unit not in FREQUENCY_UNITS and bound in (None, "达到", "达") and not bounded_after
                and not before.endswith("各") or before.endswith("新")):
            continue  # 一个/一支/每一名/新一轮: an article, not a committed number
        if lo_text[0] not in "0123456789０１２３４５６７８９" and before.endswith("每"):
            continue
        lo, hi = to_decimal(lo_text), to_decimal(match.group("hi")) if match.group("hi") else None
        if PAIR_RE.match(lo_text) and hi is None:
            lo, hi = to_decimal(lo_text[0]), to_decimal(lo_text[1])
        if lo is None:
            continue
        if unit == "届" and not re.search(r"每[^，,。；;]{0,6}$", text[max(start, a - 8):a]):
            continue  # 十九届, 第七届: an edition, not a number of events
        noun = re.match(UNIT_NOUN_RE, text[b:b + 6]) if unit == "个" else None
        if noun:  # 6个学分, 6个必修学分: the unit is 学分
            unit, b = noun.group("unit"), b + noun.end()
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
        suffix = text[b:min(end, b + 3)]
        for word in sorted(MIN_AFTER + MAX_AFTER, key=len, reverse=True):
            if suffix.startswith(word):
                phrase_end = b + len(word)
                if value is not None:
                    value, minimum, maximum = (None, lo, None) if word in MIN_AFTER else (None, None, lo)
                break
        if approximate and minimum is None and maximum is None and match.group("approx_after"):
            value, minimum = None, lo  # 100余所: more than 100
        kind = _kind(unit, text[max(start, a - 16):a])
        if kind == "frequency" and value is not None and re.search(r"至少|不少于", text[max(start, a - 10):a]):
            value, minimum = None, lo
        if unit in ("分钟", "小时") and text.startswith("的", phrase_end):
            counted = _noun_after(text, phrase_end + 1, end)  # 不少于30分钟的体育大课间活动: how long it lasts
        elif unit in ("学年", "学期", "天", "周", "分钟", "小时", "工作日"):
            # a length of time: what fills it is not a counted thing, unless the time is named (演奏时间不超过8分钟)
            subject = _counted(text, phrase_end, phrase_end, text[max(start, phrase_start - 24):phrase_start])
            counted = subject if subject.endswith(MEASURE_NOUNS) else ""
        elif kind == "percentage":
            clause = _clause_start(text, start, phrase_start)
            counted = _tidy(_rate_before(text, clause, phrase_start) or _subject_before(text, clause, a)) \
                or _allotted_after(text, phrase_end, end) \
                or (_noun_after(text, phrase_end + 1, end) if text.startswith("的", phrase_end) else "")  # 60%以上的中小学校
        else:
            counted = "" if kind == "frequency" else _counted(
                text, phrase_end, end, text[max(start, phrase_start - 24):phrase_start],
                reaches=bound in ("达到", "达") and phrase_start < a)
            if not counted and unit in UNIT_NOUNS + ("节",):
                counted = _object_of_jiang(text, start, phrase_start)
        unit = "%" if unit == "％" else unit
        found.append(Target(phrase_start, phrase_end, value, minimum, maximum, unit, approximate, kind, counted))
        taken.append((a, b))

    for match in re.finditer(r"(?P<n>[0-9０-９]+)大(?=[\u4e00-\u9fff])", text[start:end]):
        a, b = start + match.start(), start + match.end()
        if free(a, b):  # 5大成果项目: Arabic digits + 大 count major items (二十大 is an ordinal)
            found.append(Target(a, b, to_decimal(match.group("n")), None, None, "大", False, "count",
                                _counted(text, b, end, "")))
            taken.append((a, b))

    for match in PERCENT_WORD_RE.finditer(text, start, end):
        a, b = match.span()
        if free(a, b) and (value := to_decimal(match.group("lo"))) is not None:
            found.append(Target(a, b, value, None, None, "%", False, "percentage", ""))
            taken.append((a, b))
    return _elided(text, _restatements(text, sorted(found, key=lambda t: t.start)))


def _object_of_jiang(text, start, index):
    """将艺术课程纳入公共基础必修课，保证72学时: the hours are the course's, named by 将 earlier in the sentence."""
    sentence = text[max(start, index - 60):index]
    sentence = re.split(r"[。；;！？\n]", sentence)[-1]
    found = re.findall(r"将([\u4e00-\u9fff]{2,12}?)(?:纳入|列入|作为|列为)", sentence)
    return _tidy(found[-1]) if found and found[-1].endswith(HEAD_NOUNS) else ""


def _clause_start(text, start, index):
    while index > start and text[index - 1] not in CLAUSE_BREAK:
        index -= 1
    return index


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
