"""What a target counts: the noun phrase its figure quantifies, or "" when the text names none.

Tried in turn: the words after the unit (10个市级“一校一品”品牌示范学校, up to the verb of a run-on clause or
what is done with the name: 2－3所优质初中学校|招收…), the noun after a description and 的 (2000个面向全体学生、
形式多样的美育社团), the noun between a counting verb and the figure (新建幼儿园2所, 保证美育类必修课程的6个学分),
and the name the figure is stated of (艺术特色学校20所, 美育课程不得低于72个学时, 演奏时间不超过8分钟). A
percentage counts the rate or subject before it, what its share is given to (按总课时的11%开设艺术课程) or the
noun after 的; hours may belong to the object of an earlier 将. Scope words (全市, 每个学生) are dropped. A
classifier that counts only some nouns names the noun before its bound (每篇论文不超过6000字 → 论文), copies
count the form or material named (《…申报表》一式3份), and an age or a term counts its measure (年龄, 聘期).
"""

import re

from edugraph.semantics.figures import MAX_BEFORE, MIN_BEFORE, NUMBER, QUANTITY_RE, UNIT_NOUNS, UNIT_RE
from edugraph.semantics.words import CLAUSE_VERBS, clause_start, words

# Words after a figure that open what is done or said, not a name (由教师出镜讲授, 在期末考核后发放, 如总数超过…).
PREPOSITIONS = ("由", "在", "按", "按照", "通过", "从", "向", "于", "经", "如", "若", "对", "给", "被", "把", "将", "以")
# Words inside the words after a figure that start what is said of the thing counted (5个类别开发课程资源).
PREDICATE_WORDS = ("方可", "方能", "一起", "交", "到", "办学", "提供", "下功夫")
PREDICATE_VERBS = ("参加", "参与", "开始", "开发", "入围", "进入", "组成", "提交", "报送", "出镜", "担任", "计发",
                   "发放", "配备", "任教", "参赛")
TIME_UNITS = ("年", "个月", "学年", "学期", "天", "周", "分钟", "小时", "工作日", "岁", "周岁")  # (an age is one too)
COUNTED_STOP = "，,。；;、：:（(）)《》和及与并或等的"
LEVELS_RE = re.compile(r"[国省市县区]、[省市县区]")  # 100所省、市艺术特色学校: levels sharing one name
LEVEL_BRACKET_RE = re.compile(r"[（(][市县区、]{1,6}[）)]")
COUNTED_SPLIT = r"[，,。；;、：:（(）)《》和及与并或的“”\s]|(?<![中高初一二三四五六七八九十])等"  # 中等职业学校, 一等奖: one name
COUNT_VERBS = ("新建", "改扩建", "扩建", "建设", "建成", "增加", "新增", "培育", "培养", "培训", "评选", "遴选",
               "认定", "打造", "创建", "选树", "表彰", "招聘", "补充", "利用", "开展", "举办", "组织", "建立",
               "设立", "命名", "推出", "完成", "提供", "开设", "达到", "累计", "共", "力争", "改造", "加固", "实施",
               "保证", "修满", "修习", "获得", "安排", "申报", "推荐", "选派", "填报", "报送", "评出", "设置", "发给",
               "发放", "评选出", "遴选出", "选出")
# Verbs that give a figure to what follows (按总课时的11%开设艺术课程, 6学分用于艺术类必修课程).
ALLOT_VERBS = ("开设", "用于", "配备", "配齐", "配足", "安排", "招聘", "设置", "开好")
# Nouns that end a counted name: a verb after one starts what is done with it (优质初中学校|招收艺术特长生).
HEAD_NOUNS = ("学校", "中小学", "高中", "初中", "小学", "高校", "院校", "大学", "校", "园", "基地", "团", "队", "区", "中心",
              "教师", "教研员", "课程", "课", "馆", "室", "站", "社团", "项目", "学生", "人员", "专家", "试点", "资金", "经费",
              "作品")
EVENTS = ("活动", "比赛", "大赛", "展演", "展示", "评选", "会", "节")  # …精品课程展示活动 is one name
INSTITUTIONS = ("学校", "校", "园", "基地", "团", "中心", "馆", "室", "站")
# Who must act, not what is counted, when a figure is stated of them (实行学分制的学校不得低于2学分).
AGENT_NOUNS = ("学校", "学生", "教师", "中小学", "高校")
# A clause that follows a figure and is not a name: 获得至少2个学分方可毕业.
NOT_A_NAME_START = ("方可", "方能", "才能", "才可", "即可", "均可", "可以", "能够")
# Words that scope or distribute a counted thing without naming it: 全市中小学生艺术素质测评覆盖率, 每个学生美育选修课程.
SCOPE_PREFIX_RE = re.compile(r"^(?:的)?(?:且|并且|而且|原则上|其中)?(?:全国|全省|全区|全市|全县|全州|本省|本市|我省|我市|学年度"
                             r"|每个学生|每名学生|每位学生|每个|每名|所属|所有|全部|全体|我院|我校|本校|本院)?")
# What follows a name without being part of it: 国家实验区之一, …传承学校建设, 省级实验区试点.
TAIL_WORDS_RE = re.compile(r"(?:之一|建设|试点|工作)$")
# Between a subject and its figure: 艺术课累计不少于108节, 课程修完6个学分.
STATED_OF_TAIL_RE = re.compile(r"(?:现为|累计|总计|合计|共计|共|分别|均|各|都|须|应|要|必须|应当|至少|修完|修满|为|有|在|原则上|一般|最多"
                               r"|可以|可|只能|稳定|保持|控制)+$")  # (办学规模稳定在8500人)
# People a figure of 人/名/位 is stated of (主任委员1人, 委员共78人, 秘书长1人).
PERSON_ENDS = ("委员", "员", "长", "者", "人选", "代表", "干部", "同志", "负责人", "教师", "学生", "主任", "书记", "医生")
PEOPLE_UNITS = ("人", "名", "位")
# Nouns a classifier can only count, so a figure stated of one counts it (每篇论文不超过6000字, 论文摘要不超过600字,
# 投影设备可申报一套): the classifier agrees with the noun.
TEXTS = ("论文", "文章", "摘要", "稿件", "稿", "作品", "报告", "案例", "材料", "简介", "说明", "感言", "复印件")
COPIES_RE = re.compile(r"(?:《(?P<title>[^《》]{2,40})》|(?P<noun>[\u4e00-\u9fff]{2,20}))[，,]?一式$")
EQUIPMENT = ("设备", "器材", "乐器", "钢琴", "电子琴", "电脑", "计算机", "投影仪")
# Recorded media and pictures a figure of 张 counts (录像光盘一张, 班会照片一张).
PICTURES = ("光盘", "照片", "截图", "图片", "相片")
CLASSIFIED_NOUNS = {"篇": TEXTS, "字": TEXTS, "份": TEXTS + ("表", "证书", "方案"), "台": EQUIPMENT, "套": EQUIPMENT,
                    "张": PICTURES,
                    "件": ("作品",) + EQUIPMENT, "幅": ("作品", "画"), "首": ("作品", "歌曲", "曲目")}
NOMINAL_VERBS = ("练习", "训练", "学习", "展示", "表演", "比赛", "示范", "实践", "传承")  # verbs that end names
# A measure a figure is stated of (演奏时间不超过8分钟, 参加人数为30-40人, 单个文件大小不超过500MB).
MEASURE_NOUNS = ("时间", "时长", "数", "大小", "规模", "数量", "名额", "年龄", "教龄", "期限", "公示期", "分值", "满分", "总分")  # 人数, 总数, 高校数
# Nouns after 的 that name an aspect of what a figure counts (…的目标, …的特点, …的作用), not the thing itself.
ASPECT_NOUNS = ("目标", "特点", "规定", "要求", "作用", "情况", "问题", "任务", "水平", "质量", "内容", "范围")
# Words that frame a figure without naming what it counts (每人每晚120元标准, 2个学分要求…, 300元考核计发).
FRAME_WORDS = ("标准", "要求", "规定", "考核", "原则")
# A measure that sorts the agents named after the figure (学生数少于150人的学校, 本科专业总数量在50个以上的高校).
MEASURE_OF_AGENT_RE = re.compile(r"(?P<measure>[\u4e00-\u9fff]{0,6}(?:数|数量|分值|规模))(?:在|为|达到|达)?$")
AGENT_AFTER_RE = re.compile(f"的(?:{'|'.join(AGENT_NOUNS + ('单位', '院校'))})")
# A sum stated of what it pays for (住宿费现为600元, 一次性发给制装费10000元, 每月生活补助费2000元).
MONEY_UNITS = ("元", "万元", "亿元")
MONEY_NOUNS = ("费", "补贴", "津贴", "补助", "经费", "资金", "工资", "奖金", "奖学金", "助学金", "学费")
TRAILING_VERB_RE = re.compile(r"(?:修完|修满|累计|达到|用于|有)$")
# A place or stage a figure is distributed over, not what it counts (每县…, 初中阶段…).
PLACE_ENDS = ("县", "市", "省", "区", "镇", "乡", "街道", "年级", "阶段", "学段")
RATE_RE = re.compile(r"[\u4e00-\u9fff]*?(?:率|比例|比重|占比|覆盖面|参与面|普及面)$")
NEXT_FIGURE_RE = re.compile(rf"{NUMBER}\s*(?:{UNIT_RE}|年)")  # a name right before a figure is that figure's
PROPORTION_WORDS = tuple(sorted(MIN_BEFORE + MAX_BEFORE + ("占", "为"), key=len, reverse=True))


LEVEL_AND_ABOVE_RE = re.compile(r"(?:国家|省|市|县|区|校|院)(?:[（(][市县区、]{1,6}[）)])?级(?:及|或)以上(?=[\u4e00-\u9fff])")


def _noun_after(text, after_start, end):
    """The noun phrase right after a number and its unit, up to a clause break or the next clause's verb;
    quotation marks inside (市级“一校一品”品牌示范学校) are dropped from the name."""
    level = LEVEL_AND_ABOVE_RE.match(text, after_start, end)
    if level:  # 至少2名校级及以上学科青年教师: the level the name is bounded by, then the name
        after_start = level.end()
    stop = after_start
    while stop < end and stop - after_start < 16 and (
            (text[stop] not in COUNTED_STOP or text[stop] == "的") and ("\u4e00" <= text[stop] <= "\u9fff" or text[stop] in "“”")
            or stop > after_start and LEVELS_RE.match(text, stop - 1)):
        stop += 1
        bracket = LEVEL_BRACKET_RE.match(text, stop) if text[stop - 1] in "县市区" else None
        if bracket:  # 20个县（市、区）学生艺术团: the alternatives of a level are part of the name
            stop = bracket.end()
    while stop > after_start and text[stop - 1] == "“":
        stop -= 1  # 6位代码后从“01”开始: a quote opening after the name is not part of it
    stop = after_start + len(_cut_at_verb(text, after_start, stop))  # 60%以上的中小学校|达到改革试点的要求
    possessive = "的" in text[after_start:stop]
    if possessive:
        # 1000所各具特色的美育工作示范学校: what is counted is the noun after the last 的, unless a name
        # ends before it (2所北京市金鹏科技团的示范作用: the 的 is a possessive).
        owner = after_start + text[after_start:stop].index("的")
        last = after_start + text[after_start:stop].rindex("的") + 1
        if text[after_start:owner].endswith(INSTITUTIONS + HEAD_NOUNS) and owner - after_start >= 2 \
                or owner - after_start >= 2 and _an_aspect(words(text, last, stop)):
            stop = owner  # (1-2项艺术技能的目标, 五个支部的建设工作: an aspect of what is counted, named before 的)
        else:
            after_start = last
    first = words(text, after_start, stop)[:1] if stop > after_start else []
    if not possessive and (stop < end and text[stop] == "、" or first and first[0].tag == "v"):
        # A description before 的 and its noun: 2000个面向全体学生、内容丰富、形式多样的美育社团,
        # 至少1个体现地方特色或本校特色的校级艺术社团 (no other figure in between; not after a noun and its 的:
        # 十二个项目的具体比赛场次、时间、地点将于…).
        rest = re.match(r"[^，,。；;：:（()）]{0,30}?的", text[after_start:end])
        if rest and not QUANTITY_RE.search(rest.group()):
            return _noun_after(text, after_start + rest.end(), end)
    if stop <= after_start or text.startswith(NOT_A_NAME_START + MIN_BEFORE + MAX_BEFORE, after_start):
        return ""  # 高校数20所及以下的不超过8篇: the next figure's bound, not a name
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
    phrase_end = _before_predicate(text, after_start, phrase_end)
    if phrase_end <= after_start:
        return ""
    name = _tidy(_cut_at_verb(text, after_start, phrase_end).replace("“", "").replace("”", ""))
    return "" if name in FRAME_WORDS else name


def _an_aspect(owned):
    """Whether the words after 的 name an aspect of what is counted: 目标, 特点…, or the work done on it (建设工作,
    分类指导工作: verbs and 工作)."""
    return bool(owned) and (owned[0].text in ASPECT_NOUNS or len(owned) >= 2 and owned[-1].text == "工作"
                            and all(w.tag in ("v", "vn") for w in owned[:-1]))


def _before_predicate(text, start, end):
    """Where the name in text[start:end] ends before what is said of it: 5个类别|开发课程资源, 五个党小组|参加…,
    作品|交政教处, 论文|在省级以上学术刊物发表, 学校|方可申报; `start` when the words open with a preposition
    (至少1个课时由教师出镜讲授, 每月100元在期末考核后发放): no name follows the figure there."""
    tokens = [w for w in words(text, start, end) if w.tag != "x"]
    if not tokens or tokens[0].tag in ("p", "c") or tokens[0].text in PREPOSITIONS or text.startswith("中的", start):
        return start
    for word in tokens[1:]:
        if word.text in PREPOSITIONS and word.tag == "p" or word.text in PREDICATE_WORDS \
                or word.text in PREDICATE_VERBS and word.tag.startswith("v"):
            return word.start
    return end


def _cut_at_verb(text, start, end):
    """The name before a verb that says what is done with it: 优质初中学校招收艺术特长生 → 优质初中学校."""
    tokens = words(text, start, end)
    for word in tokens:
        if word.start > start and word.tag.startswith("v") and word.tag != "vn" and len(word.text) >= 2 \
                and text[start:word.start].endswith(HEAD_NOUNS) and not text[start:end].endswith(INSTITUTIONS + EVENTS):
            return text[start:word.start]  # (…教师实践教育基地, …课程展示活动: one name, ending in a head)
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


# 教师人数，（根据教育部规定，）应占在校学生总数的0.15%: a clause that opens with 占 measures what an earlier clause
# of the sentence ends with, a number of something.
SHARE_CLAUSE_RE = re.compile(r"(?:应当|应|要|须|必须)?占")
SENTENCE_BREAK = "。；;！？\n"
COUNT_PHRASE_RE = re.compile(r"([\u4e00-\u9fff]{2,18}(?:人数|数量|总数|数))[，,]")


def _measure_of_earlier_clause(text, start, clause, number_start):
    """What a share (…，应占…的0.15%) is of, named at the end of an earlier clause of its sentence, or ""."""
    if not SHARE_CLAUSE_RE.match(text, clause, number_start):
        return ""
    found = COUNT_PHRASE_RE.findall(text, clause_start(text, start, clause, SENTENCE_BREAK), clause)
    if not found:
        return ""
    phrase = found[-1]
    for verb in ("担任", "承担", "从事"):  # 各高校担任公共艺术课程教学的教师人数: the number, not who holds it
        phrase = phrase.split(verb, 1)[-1] if verb in phrase else phrase
    return phrase


# 2个以上兴趣小组或社团, 一至两项体育、艺术技能: alternatives listed with the name after the unit, up to the
# clause's end, share the figure. Not after 和 (一两项艺术技能和爱好, 1-2项非遗文化项目和校本美育课程体系): labellers
# mostly count the first name only there.
ALTERNATIVES_RE = re.compile(r"[、或][\u4e00-\u9fff]{1,10}(?=[，,。；;！？）)]|$)")


def _alternatives(text, at, name, end):
    """The alternatives listed after `name` (printed at text[at:]) that share its figure, or ""."""
    match = ALTERNATIVES_RE.match(text, at + len(name), end) if at >= 0 else None
    if match is None or any(w.tag.startswith("v") and w.tag != "vn" for w in words(text, match.start() + 1, match.end())) \
            or QUANTITY_RE.search(match.group()):
        return ""  # 2门课程和开展活动: a clause of its own; 千支舞蹈队、万个艺术社: a figure of its own
    return match.group()


def _without_tail(subject):
    """The subject without the words between it and its figure (艺术课累计, 年龄原则上), cut at a word boundary
    (论文摘要 keeps its 要)."""
    match = STATED_OF_TAIL_RE.search(subject)
    if not match:
        return subject
    boundaries = {w.start for w in words(subject, 0, len(subject))}
    cut = next((i for i in range(match.start(), len(subject))
                if i in boundaries and STATED_OF_TAIL_RE.fullmatch(subject, i)), len(subject))
    return subject[:cut]


def _stated_of(text, after_start, end, before, reaches=False, unit=""):
    """What is counted: the noun right after the unit, else the noun between a verb and the number
    (保证美育类必修课程的6个学分), else the noun the figure is stated of (艺术特色学校20所, 美育课程不得低于72个学时;
    with `reaches`, the figure follows 达/达到: 市级艺术特色学校达140所以上)."""
    after = _not_a_place(_noun_after(text, after_start, end))
    at = text.find(after, after_start, after_start + 24)  # -1 when quotes were dropped from it
    if len(after) >= 2 and not (at >= 0 and NEXT_FIGURE_RE.match(text, at + len(after))):
        return after + _alternatives(text, at, after, end)  # (40周岁以下教龄3年以上: 教龄 is the next figure's)
    before = before.rstrip()  # 优秀文化艺术传承学校 8 所
    possessed = before.endswith("的")  # 保证美育类必修课程的6个学分
    before = before[:-1] if possessed else before
    head = re.split(COUNTED_SPLIT, before)[-1]
    for verb in sorted(COUNT_VERBS, key=len, reverse=True):
        index = head.rfind(verb)
        if index >= 0 and head.startswith("数", index + len(verb)):
            continue  # 推荐数不超过2所: a measure named after the verb, not the verb
        if index >= 0:
            noun = _tidy(_without_tail(TRAILING_VERB_RE.sub("", head[index + len(verb):])))  # 报送论文共45篇
            if len(noun) >= 2 and (not possessed or noun.endswith(HEAD_NOUNS)):
                return noun[-16:]
            head = head[:index]  # 艺术课累计不少于108节: the verb follows what is counted
            break
    subject = re.sub(r"^[年底末]+(?!龄)", "", re.split(r"[^\u4e00-\u9fff]", head)[-1])  # 到2020年市级…学校达到200所
    subject = re.sub(r"^(?:如果|如|若)(?=[\u4e00-\u9fff]{2})", "", subject)  # 如总数超过12节: a condition's subject
    subject = re.sub(rf"^(?:{UNIT_RE}|年)?(?:及以上|及以下|以上|以下|以内|之内)", "", subject)  # 40周岁以下教龄3年以上: the last one's bound
    subject = re.sub(r"^每[\u4e00-\u9fff](?=[\u4e00-\u9fff]{2})", "", _tidy(_without_tail(subject)))  # 每队参展人数
    if not 2 <= len(subject) <= 14 or "每" in subject or subject.endswith(PLACE_ENDS) \
            or subject in AGENT_NOUNS and not (unit in PEOPLE_UNITS and subject in PERSON_ENDS):  # (其中学生6-8人 counts them)
        return ""
    last = words(subject, 0, len(subject))[-1]
    if unit in PEOPLE_UNITS and subject.endswith(PERSON_ENDS):
        subject = re.split(r"[设有是]", subject)[-1]  # 教指委设主任委员1人: the post, after the verb that creates it
    people = unit in PEOPLE_UNITS and subject.endswith(PERSON_ENDS) and last.tag.startswith("n") and 2 <= len(subject) <= 6
    subject = re.sub(r"^(?:无|没有)(?=[\u4e00-\u9fff]{2})", "", subject) if unit in CLASSIFIED_NOUNS else subject  # 无…设备可申报一套
    nouns, first = CLASSIFIED_NOUNS.get(unit, ()), words(subject, 0, len(subject))[0]
    agrees = subject.endswith(nouns) and not (first.tag == "v" and subject[first.end:] in nouns)  # (撰写报告: what is done)
    if agrees and nouns is PICTURES:
        subject = _trailing_nouns(subject)  # 各班传开班会照片一张, 一节本人课堂教学实录光盘2张: the nouns of the thing
    money = unit in MONEY_UNITS and subject.endswith(MONEY_NOUNS) and last.tag.startswith(("n", "j", "l", "v"))
    if subject.endswith(HEAD_NOUNS + MEASURE_NOUNS) and last.tag != "v" or reaches and last.tag.startswith(("n", "j", "l")) \
            or people or agrees or money:
        # 每周音乐、美术课各不少于2节: items coordinated before the subject share the figure.
        listed = re.search(r"((?:[\u4e00-\u9fff]{2}、)+)$", before[:len(before) - len(head)])
        if listed and QUANTITY_RE.search(listed.group(1)):
            listed = None  # 银奖作品五件、铜奖作品十件: the item before is a figure of its own
        return (listed.group(1) if listed else "") + subject
    return ""


def _trailing_nouns(phrase):
    """The name of a picture or a disc without what comes before it (各班传开|班会照片, 一节本人|课堂教学实录光盘): cut
    after the last pronoun, numeral or adverb, and after a verb that two words still follow (录像光盘 stays whole)."""
    tokens = words(phrase, 0, len(phrase))
    cut = 0
    for i, word in enumerate(tokens):
        if word.tag[:1] in "rmpcdq" or word.tag.startswith("v") and len(tokens) - i > 2:
            cut = word.end
    rest = phrase[cut:]
    return rest if len(rest) >= 2 else phrase


def _object_of_jiang(text, start, index):
    """将艺术课程纳入公共基础必修课，保证72学时: the hours are the course's, named by 将 earlier in the sentence."""
    sentence = text[max(start, index - 60):index]
    sentence = re.split(r"[。；;！？\n]", sentence)[-1]
    found = re.findall(r"将([\u4e00-\u9fff]{2,12}?)(?:纳入|列入|作为|列为)", sentence)
    return _tidy(found[-1]) if found and found[-1].endswith(HEAD_NOUNS) else ""


TOTAL_OF_OBJECT_RE = re.compile(r"(?:开齐|开足|开设|开好|修完|修满|安排)([\u4e00-\u9fff]{2,12}?)[，,](?:累计|合计|共计|总计)$")


def _object_totalled(text, start, index):
    """开齐艺术类必修课程，累计不少于108节: the lessons total what the clause before opens, when the figure's clause
    starts with 累计."""
    match = TOTAL_OF_OBJECT_RE.search(text, max(start, index - 24), index)
    return _tidy(match.group(1)) if match and match.group(1).endswith(HEAD_NOUNS) else ""


COMPOSED_OF_RE = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:可|应|须|将|主要)?由[^，,。；;]{1,40}$")


def _composed_of(text, start, figure_start, figure_end):
    """考核内容可由问卷调查和教学质量抽考两部分组成: the parts are the parts of the clause's subject."""
    if not text.startswith(("组成", "构成"), figure_end):
        return ""
    match = COMPOSED_OF_RE.fullmatch(text, clause_start(text, start, figure_start), figure_start)
    return _tidy(match.group(1)) if match else ""


def _not_a_place(name):
    """"" for a place alone (十多位浙江知名…: the place they are known in), else the name."""
    tokens = words(name, 0, len(name)) if name else []
    return "" if len(tokens) == 1 and tokens[0].tag == "ns" and not name.endswith(PLACE_ENDS) else name  # (3个海岛县)


def name_after(text, after_start, end):
    """The name right after a figure's unit (5大成果项目 → 成果项目), or "" when none is."""
    name = _noun_after(text, after_start, end)
    return name if len(name) >= 2 else ""


def what_is_counted(text, start, end, figure, kind, unit, bound):
    """What the figure at text[figure] (start of its phrase with the bound word, start of the number, end of
    its phrase) counts, by its kind and unit, or "" when nothing is named."""
    phrase_start, a, phrase_end = figure
    before = text[max(start, phrase_start - 24):phrase_start]
    measured = MEASURE_OF_AGENT_RE.search(before) if AGENT_AFTER_RE.match(text, phrase_end) else None
    if measured:
        return measured.group("measure")  # 学生数在2000人及以上的单位, 自评分值达到140分以上的学校: the measure
    if unit in ("分钟", "小时") and text.startswith("的", phrase_end):
        return _noun_after(text, phrase_end + 1, end)  # 不少于30分钟的体育大课间活动: how long it lasts
    if unit in TIME_UNITS:
        # a length of time: what fills it is not a counted thing, unless the time is named (演奏时间不超过8分钟)
        subject = _stated_of(text, phrase_end, phrase_end, before)
        return subject if subject.endswith(MEASURE_NOUNS) else ""
    if kind == "percentage":
        clause = clause_start(text, start, phrase_start)
        return _tidy(_rate_before(text, clause, phrase_start) or _subject_before(text, clause, a)
                     or _measure_of_earlier_clause(text, start, clause, a)) \
            or _allotted_after(text, phrase_end, end) \
            or (_noun_after(text, phrase_end + 1, end) if text.startswith("的", phrase_end) else "")  # 60%以上的中小学校
    if kind == "frequency":
        return ""  # what is held so often (每年举办一次X) is left unnamed
    copies = COPIES_RE.search(before) if unit == "份" else None
    if copies and (copies.group("title") or copies.group("noun").endswith(CLASSIFIED_NOUNS["份"])):
        return copies.group("title") or _tidy(copies.group("noun"))  # 《…申报表》一式3份, 事迹材料，一式3份 (not 打印，一式5份)
    counted = _stated_of(text, phrase_end, end, before, reaches=bound in ("达到", "达") and phrase_start < a, unit=unit) \
        or _composed_of(text, start, phrase_start, phrase_end)
    if not counted and unit in UNIT_NOUNS + ("节",):
        counted = _object_of_jiang(text, start, phrase_start) or _object_totalled(text, start, phrase_start)
    return counted
