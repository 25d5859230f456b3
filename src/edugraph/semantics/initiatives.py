"""Named programmes (行动, 工程, 计划, 项目, 活动, 战略), quoted or not, and the slogans kept apart from them.

A programme is a name ending in a programme word, introduced by a verb that runs it (实施强科培优行动,
开展禁毒宣传进校园活动, 落实国培省培计划), or a quoted name followed by one (“好书伴成长”读书活动) or holding
one (“四名工程”). Names coordinated before the programme word share it (强镇筑基、强校扩优、强课提质行动).
A quoted phrase with no programme word (“双减”, “同工同酬”, “保护墙”, “小学化”) is a slogan, not a programme;
a period name (“十四五”) is neither. A 《…项目》 the plan carries out (实施《…质量提升项目》) and a published plan
it cites (《乡村教师支持计划（2015-2020年）》) are programmes. Named without a programme word: X进校园 campaigns,
quoted or not (推进“经典诵读进校园”), and the student art exhibition (办好大中小学生艺术展演).
"""

import re
import unicodedata
from dataclasses import dataclass

from edugraph.semantics.citations import PERIOD_AFTER_RE
from edugraph.semantics.spans import QUOTE_RE, SHORT_NAME_RE
from edugraph.semantics.words import CLAUSE_VERBS, Boundaries, clause_start, words

# Programme word → kind, longest first.
KINDS = {"专项行动": "action", "行动计划": "plan", "实施计划": "plan", "活动项目": "project", "活动月": "activity", "活动周": "activity", "行动": "action", "工程": "project",
         "计划": "plan", "项目": "project", "活动": "activity", "战略": "strategy"}
HEAD_RE = re.compile("|".join(sorted(KINDS, key=len, reverse=True)))
# Verbs that run a programme; one must open the clause before an unquoted name.
INTRODUCERS = ("实施", "开展", "启动", "推进", "落实", "参与", "参加", "组织", "举办", "举行", "设立", "承担", "依托",
               "办好", "抓好", "做好", "搞好", "深化", "统筹", "继续", "推广", "按照", "实行", "用好", "通过", "结合", "执行",
               "用于", "纳入", "利用", "列入")
# Words that end a name on its left.
NAME_STOPS = INTRODUCERS + ("深入", "积极", "大力", "全面", "认真", "持续", "加快", "扎实", "进一步", "和", "及", "与",
                            "等", "的", "或", "并", "通过", "鼓励", "引导", "加强", "完善", "纳入", "结合", "在",
                            "以", "召开", "举行", "开办", "给予", "发挥", "由", "获得", "取得")
# An unquoted name may also be introduced by what comes after it: 在…培训计划中加大, 以…工程为依托.
INTRODUCED_AFTER_RE = re.compile(r"(?:[（(][^（()）]{1,12}[）)])?(?:[、和及与][^，,。；;]{0,30}?)?(?:中|为依托|为载体|为抓手|为基础|为契机)")
# X进校园 (高雅艺术进校园, 非遗进校园): a named campaign even without a programme word after it.
CAMPAIGN_RE = re.compile(r"进(?:校园|课堂|社区|乡村|农村|基层|家庭)")
# (大)中小学生艺术展演: the national and provincial exhibitions, named even without 活动 after them; a bare
# 学生艺术展演 is what any school holds.
EXHIBITION_RE = re.compile(r"(?:大中小学生|中小学生|大学生)艺术展演(?:活动)?(?!月|周|季|场馆|团体|平台)")
# A quoted name before a festival, forum or season word (“长江之春”音乐季) names an event. Unquoted, such words
# name kinds of event as often as one event (艺术论文报告会, 综合性艺术节): labellers leave them out.
EVENT_HEADS = "(?:艺术节|美育节|戏剧节|文化节|音乐节|读书节|科技节|体育节|论坛|报告会|音乐季)"
EVENT_HEAD_RE = re.compile(EVENT_HEADS + "(?!活动|月|周|期间)")
# Unquoted, such a word ends a name when the text gives the name a short form right after it, as it does only for
# one event (举办全国第三届高校艺术教育科研论文报告会（以下简称论文报告会））.
EVENT_BEFORE_SHORT_NAME_RE = re.compile(EVENT_HEADS + "$")
# 2016年浦东新区学生艺术单项比赛, 2017年市级学生艺术单项比赛: a competition or festival dated by its year is one
# event (undated, 举办基本功比赛 and 定期举办艺术节 are kinds of event, which labellers leave out).
DATED_EVENT_RE = re.compile(r"(?:19|20)\d{2}年度?(?P<name>[\u4e00-\u9fff]{2,20}?(?:比赛|大赛|竞赛|艺术节|文化节|科技节|运动会|活动周))")
# 全国中学生物理竞赛, 中国数学奥林匹克, 全国职业院校技能大赛: a contest whose name opens with a national or
# international scope is one series of events, named wherever it stands; a final (决赛) is a round of it.
SCOPED_CONTEST_RE = re.compile(r"(?:全国|中国|国际|世界|亚洲)(?P<body>[\u4e00-\u9fff、·]{2,24}?)"
                               r"(?:奥林匹克竞赛|竞赛联赛|竞赛|大奖赛|大赛|联赛|锦标赛|奥林匹克)")
# The contests listed right after one (…技能大赛、中等职业学校文明风采竞赛) are named too.
LISTED_CONTEST_RE = re.compile(r"、(?P<name>[\u4e00-\u9fff]{4,20}?(?:竞赛|大奖赛|大赛|联赛|锦标赛))")
SCOPE_IN_BODY_RE = re.compile(r"全国|中国|国际|世界|亚洲")  # 世界杯赛和世界锦标赛: two kinds of contest, not one name
NOT_IN_CONTEST_NAME_RE = re.compile(r"的|(?<![中高同初])等|各|及|或|在|获|参加|组织|举办")  # (中等职业学校: no list's 等)
# 现将…申报活动通知如下: the event a notice announces in its opening formula, unless it is a kind of activity.
ANNOUNCED_EVENT_RE = re.compile(
    r"现将(?:(?:19|20)\d{2}(?:\s*[-－—–至]\s*(?:19|20)\d{2})?年度?)?(?:开展|举办|组织|举行)?"
    r"(?P<name>[^，,。；;：:、《》“”\s]{4,40}?(?:活动|比赛|大赛|竞赛|展演|评选|论坛))"
    r"(?:的)?(?:有关|相关|具体)?(?:事项|事宜)?(?:通知如下|通知你们)")
# 决定开展绍兴市…2018年平安寒假安全教育专项活动。, 决定举行…学科带头人选拔活动，: the event a notice decides on.
DECIDED_EVENT_RE = re.compile(
    r"决定(?:于[^，,。；;]{0,12}?)?(?:组织开展|开展|举办|组织|举行)(?:(?:19|20)\d{2}年度?)?"
    r"(?P<name>[^，,。；;：:《》“”\s]{6,40}?(?:活动|比赛|大赛|竞赛|展演|评选|论坛))(?=[，,。；;])")
GENERIC_ACTIVITY_RE = re.compile(r"(?:学生|校园|学校|艺术|文艺|美育|体育|文化|教育|教学|实践|班级|校级)*活动")  # 学校艺术活动
# “美育浸润”行动（以下简称浸润行动）: a short name given right after a programme (past its programme word).
ALIAS_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,6}?" + SHORT_NAME_RE.pattern)
# …、…等品牌活动: the items listed before are named events (海峡两岸校长论坛、两岸大学生戏剧节等系列品牌活动).
BRANDED_RE = re.compile(r"等(?:(?:系列)?品牌|[一二三四五六七八九十0-9０-９]+项[\u4e00-\u9fff]{0,8}?)(?P<head>活动|项目)")
EDITION_RE = re.compile(r"第[一二三四五六七八九十0-9０-９]+届")  # 第三届: one edition, not part of the event's name
# A verb that pushes a campaign on (推动艺术家进校园工作) introduces it, though it introduces no other programme.
CAMPAIGN_INTRODUCERS = ("推动",)
# 五年行动计划 after 《…五年行动计划》: the short form of a plan the text has named.
PERIOD_PLAN_RE = re.compile(r"[一二三四五六七八九十两]年行动计划")
PERIOD_RE = re.compile(r"^[十一二三四五六七八九]+五$")
# Clause-opening verbs that also occur inside programme names (安防建设提升工程, 规范民办义务教育专项行动)
# do not end a name.
PROGRAMME_BREAKS = set(CLAUSE_VERBS) - {"提升", "规范", "促进", "推广", "推广应用", "完善", "实现", "形成", "评选",
                                        "引导", "探索", "支持", "强化"}
# An unquoted 活动 is named only when it is a kind of event (禁毒宣传进校园活动, 案例征集活动, 法治教育大讲堂
# 活动); a domain or a kind of work before 活动 (实践教育活动, 专业培训活动, 志愿服务活动) describes what is done.
EVENT_WORDS = ("进校园", "进课堂", "进社区", "征集", "咨询", "讲堂", "展演", "展评", "比赛", "大赛", "竞赛", "评选", "创建",
               "艺术节", "文化节", "科技节", "读书", "宣讲", "巡演", "巡展", "月", "周", "行", "工作坊", "评议")
# A kind of event every school or county holds (学生艺术展演活动, 校园艺术节活动, 学生乐团展演活动): participants
# and art forms before an event word, nothing that names one event (大中小学生艺术展演, 迎新年艺术展演月活动).
GENERIC_EVENT_RE = re.compile(r"^(?:学生|校园|学校|艺术|文艺|乐团|合唱|美育|班级|校级)*"
                              r"(?:展演|艺术节|文化节|比赛|竞赛|展示|汇演)$|^优秀[\u4e00-\u9fff]{1,6}评选$")
# Named programmes short enough to pass for words (国培计划, 省培计划, 区培计划, 特岗计划): named wherever they
# stand, but not inside a longer one (国培省培计划).
SHORT_NAMES_RE = re.compile(r"(?:(?:[国省区市县]培、)*[国省区市县]培|特岗(?:教师)?)计划")
# 实施全面改善贫困地区…项目: a name may open with these words when the verb that runs it comes right before.
OPENING = r"(?P<opening>全面(?:改善|完善|加强|提升)?)"
OPENED_NAME_RE = re.compile(rf"(?:{'|'.join(INTRODUCERS)}){OPENING}$")
LISTED_OPENING_RE = re.compile(rf"[、和及]{OPENING}")  # …建设工程、全面改薄工程: after a programme listed before
ACTION_PLAN_STOPS = ("对标", "围绕", "对", "将", "本", "制定", "按照", "根据", "落实")
DRAFTING_BEFORE_RE = re.compile(r"(?:制定|制订|编制|研究制定|研制|起草|出台|印发)[^，,。；;]{0,4}$")
# “…”杯: a competition named after its cup.
CUP_RE = re.compile(r"杯$")
# A quoted contest with its edition or year is one series of events (“第三届…基本功大赛”); a quoted kind of contest
# (“亲子运动会”, “百团大赛”) is not named as a programme by labellers.
QUOTED_CONTEST_RE = re.compile(rf"^(?:{EDITION_RE.pattern}|(?:19|20)\d{{2}}年度?).{{2,30}}(?:大赛|比赛|竞赛|大比武|运动会)$")
# “最美教师”“教书育人楷模”等选树活动: quoted honours awarded by a selection, not programmes.
HONOUR_WORDS = ("选树", "评选", "评比", "表彰", "推选")
# “送培下乡”和“…”等艺术实践活动, “…”等各类美育活动资源: ways of working or resources listed under a generic kind.
CATEGORY_WORDS = ("各类", "各种", "实践")
COMPOUND_FOLLOWERS = ("课题", "资金", "经费", "单列", "方案", "书", "表", "库", "名单", "管理", "建设", "申报", "立项",
                      "评审", "资源")
# Kinds of plan or project, not one named programme: 课题研究项目, 中小学教师招聘计划, 学校年度工作计划.
GENERIC_NAMES = ("研究项目", "科研项目", "规划项目", "招聘计划", "招教计划", "教学计划", "工作计划", "课程计划", "人才培养计划")
WORK_KINDS = ("试点", "改革", "建设", "工作", "发展")
CAMPAIGN_AFTER = ("工作", "活动", "和", "及", "与", "、", "等")  # “戏曲进校园”工作, “…进校园”和“…进课堂”
PAPER_TITLE_END_RE = re.compile(r"(?:表|书|说明|办法|名单|通知|方案|细则|目录)$")
MIN_NAME = 4  # characters before the programme word: 教学计划, 有计划 name nothing
RECURRING = 3  # times a document names an activity it runs before the name counts as one campaign's
# Words that say what kind of work an activity is (社会实践活动, 志愿服务活动, 主题教育活动), not which campaign.
DOMAIN_WORDS = {"社会", "实践", "综合", "主题", "教育", "志愿", "服务", "文体", "课外", "校外", "校内", "体育", "艺术", "文化",
                "科技", "教研", "教学", "培训", "宣传", "安全", "德育", "劳动", "研学", "党日", "团日", "少先队", "班团",
                "心理", "健康", "阅读", "实习", "交流", "文艺", "美育", "学生", "校园", "学校", "班级", "集体", "专题",
                "系列", "各类", "各项", "相关", "有关", "日常", "常规", "特色", "创新", "创业", "公益", "团队", "户外",
                "家庭", "亲子", "社区", "节日", "纪念", "庆祝", "假期", "暑期", "寒假", "暑假", "竞技", "比赛", "社团",
                "青少年", "少年", "儿童", "师生", "教师", "党员", "群众"}
CLAUSE_BREAK = "，,。；;：:！？\n"


@dataclass
class Initiative:
    start: int
    end: int
    name: str
    kind: str  # action | plan | project | activity | strategy | slogan


def normalise_name(name):
    return "".join(unicodedata.normalize("NFKC", name).replace("“", "").replace("”", "").split())


def _kind_of(name):
    """The kind of the programme word a name ends with (“四名工程”; not “班班有活动、校校有特色”), or None."""
    match = re.search(f"({HEAD_RE.pattern})[0-9.．]*$", name)  # a version may follow: “能力提升工程2.0”
    return KINDS[match.group(1)] if match else None


def _head_after(text, b, end):
    """The programme word right after a quote (“…”活动, “…”等5大成果项目, “…”题教育活动), or None."""
    tail = text[b:min(end, b + 24)]
    match = re.match(r"(?:等?[0-9０-９一二三四五六七八九十]*[大项个]?|[和及、与][\u4e00-\u9fff]{0,12}?)?[\u4e00-\u9fff]{0,4}?"
                     rf"({'|'.join(sorted(KINDS, key=len, reverse=True))})", tail)
    if match and not re.search(rf"[{CLAUSE_BREAK}的在栏]", match.group()) \
            and not any(word in match.group() for word in CATEGORY_WORDS) \
            and not ("等" in match.group() and any(word in match.group() for word in HONOUR_WORDS)) \
            and not match.group()[:match.start(1) - match.start()].endswith("有") \
            and not text.startswith(COMPOUND_FOLLOWERS, b + match.end()) \
            and not (match.group() == match.group(1)
                     and re.match(r"[\u4e00-\u9fff]{2,8}?(?:活动|行动|工程)", text[b + match.end():b + match.end() + 10])):
        return KINDS[match.group(1)]  # not “非遗”项目集中展演活动: there 项目 modifies the event after it
    return None


def _quoted(text, start, end, skip):
    found, campaigns = [], set()
    for match in QUOTE_RE.finditer(text, start, end):
        name = normalise_name(match.group(1))
        if _skipped(match.start(), skip, end):
            continue
        contest = QUOTED_CONTEST_RE.search(name)  # “第三届…基本功大赛”
        kind = _kind_of(name) or _head_after(text, match.end(), end) or ("activity" if CUP_RE.search(name) else None) \
            or ("activity" if EVENT_HEAD_RE.match(text, match.end()) or contest else None)  # “长江之春”音乐季
        if contest and kind == "activity":
            name = normalise_name(EDITION_RE.sub("", name))  # 第三届: the edition, not the contest's name
        if kind is None and CAMPAIGN_RE.search(name[-3:]) and (
                not re.match(r"[\u4e00-\u9fff]", text[match.end():match.end() + 1]) or text.startswith(CAMPAIGN_AFTER, match.end())):
            campaigns.add(match.start())  # 推进“经典诵读进校园”: a named campaign (not “信用进校园”示范点, a site)
        stop = match.end()
        listed = re.match(r"([\u4e00-\u9fff]{2,10})等(活动|项目|工程|行动)", text[stop:min(end, stop + 16)])
        if kind is None and listed:  # “中国梦·爱国情·成才志”中华经典诵写讲等活动: the quote and the words after it
            name, stop, kind = name + listed.group(1), stop + len(listed.group(1)), KINDS[listed.group(2)]
        outside = CAMPAIGN_RE.match(text, stop)
        if outside and not CAMPAIGN_RE.search(name):  # “诗书礼乐”进校园: the campaign word after the quote
            name, stop, kind = name + outside.group(), outside.end(), kind or "activity"
        # “2+1”项目 names a programme; a quoted figure or word with no programme word after it does not.
        # A comma inside a quote is a slogan's, unless a programme word follows (“班班有歌声，校校有校歌”活动).
        if len(name) < 2 or not (kind or any("\u4e00" <= c <= "\u9fff" for c in name)) \
                or ("，" in name or "," in name) and kind is None or PERIOD_RE.match(name):
            continue
        found.append(Initiative(match.start(), stop, name, kind or "slogan"))
    # “唱响呼伦贝尔”和“课前一支歌”活动: a quote coordinated with a programme takes its kind.
    for first, second in zip(found[::-1][1:], found[::-1]):
        if first.kind == "slogan" and second.kind != "slogan" and re.fullmatch(r"[和、及与]?", text[first.end:second.start]):
            first.kind = second.kind
    for quoted in found:
        if quoted.kind == "slogan" and quoted.start in campaigns:
            quoted.kind = "activity"
    return sorted(found + _named_before_quotes(text, start, end, skip, found), key=lambda i: i.start)


def _named_before_quotes(text, start, end, skip, quoted):
    """开展文艺支教志愿服务和“结对子、种文化”活动: an unquoted name coordinated before a quoted programme shares
    its programme word (not 推进…改革试点和“…”创建活动, a kind of work)."""
    found = []
    for programme in [q for q in quoted if q.kind != "slogan"]:
        before = re.search(rf"(?:{'|'.join(INTRODUCERS)})+(?P<name>[\u4e00-\u9fff]{{4,12}})[和及与]$",
                           text[max(start, programme.start - 20):programme.start])
        if before and not _skipped(programme.start - len(before.group()), skip, end) \
                and not before.group("name").endswith(WORK_KINDS):
            name, a = before.group("name"), programme.start - 1 - len(before.group("name"))
            found.append(Initiative(a, programme.start - 1, name, _kind_of(name) or programme.kind))
    return found


def _unquoted(text, start, end, skip, bounds):
    found = []
    for match in HEAD_RE.finditer(text, start, end):
        a, b = match.span()
        if b not in bounds.ends or _skipped(a, skip, end):
            continue
        following = bounds.after(b)
        if following is not None and following.text.startswith(COMPOUND_FOLLOWERS) or re.match(r"[ \t]*[0-9０-９]", text[b:b + 2]):
            continue  # 项目课题, 计划单列: the word modifies a noun; 中小学项目8个: projects counted, not a programme
        if text.startswith("地", b) or text[a - 1:a] == "有":
            continue  # 有计划地赴高校开展: an adverb, not a programme
        # 文艺支教志愿服务等项目: the programme is the item before 等.
        item_end = a - 1 if text[a - 1:a] == "等" and match.group() != "活动" else a  # 经典诵读和书写大赛等活动: a list
        name_start = _name_start(text, item_end, bounds)
        if text[name_start - 1:name_start] == "等" and item_end - name_start <= 8 \
                or text[name_start:name_start + 1] in "级类型":
            continue  # “非遗进校园”等文化传承项目: the kind of the items listed; 县（区）级…: a fragment
        # 国培计划、省培计划: a short name listed right after a programme is one too.
        listed = found and text[found[-1].end:name_start] in ("、", "和", "及") and item_end - name_start >= 2
        opening = _opening_words(text, start, name_start)
        listed_opening = found and LISTED_OPENING_RE.fullmatch(text, found[-1].end, name_start)
        if listed_opening and not opening:  # …建设工程、全面改薄工程: listed after a programme, opening with 全面
            opening, listed = len(listed_opening.group("opening")), item_end - name_start >= 2
        if opening:
            name_start -= opening
        if not _introduced(text, start, name_start, b):
            # A verb that runs the programme, cut by jieba into characters the name took (用足用好 → 用|足|用|好).
            found_at = ((text.rfind(v, name_start, item_end), v) for v in INTRODUCERS)
            name_start = max([name_start, *(i + len(v) for i, v in found_at if i >= 0)])
        if text[name_start:name_start + 1] == "好" and text[:name_start].endswith(INTRODUCERS):
            name_start += 1  # 开展好…活动: 好 completes the verb
        name_start = _past_verbs(text, name_start, INTRODUCERS, until=item_end - MIN_NAME)  # 组织开展…项目
        levelled = _levelled_training_plan(text[name_start:b])
        # 体育美育浸润行动计划是一项…工作: a named action plan is one wherever it stands, unless it is being drafted.
        action_plan = False
        if match.group() == "行动计划" and item_end == a and not _introduced(text, start, name_start, b):
            cut = max((text.rfind(w, name_start, a) + len(w) for w in ACTION_PLAN_STOPS if text.rfind(w, name_start, a) >= 0),
                      default=name_start)  # 教育部对|…行动计划, 围绕|…行动计划, 特制定本|行动计划
            name_start = cut
            action_plan = b - name_start >= 8 and not DRAFTING_BEFORE_RE.search(text, max(start, name_start - 6), name_start)
        if item_end < a and item_end - name_start < 6:
            continue  # 开展航模、…、电子制作等项目, 校际合作、师生交流等项目: kinds of activity, not named projects
        if item_end - name_start < MIN_NAME and not listed \
                or not (levelled or action_plan or _introduced(text, start, name_start, b)) \
                or _generic(text[name_start:b]) or HEAD_RE.match(text, name_start):
            continue  # …“非遗”项目集中展演活动: a name does not open with a programme word
        held = re.search(r"(?:举办|举行|开展|组织)的$", text[clause_start(text, start, name_start, CLAUSE_BREAK):name_start])
        if match.group() == "活动" and (not (text[name_start:item_end].endswith(EVENT_WORDS)
                                            or _recurring(text, text[name_start:b]))
                                       or text[name_start - 1:name_start] == "的" and not held):
            continue  # 教师实践教育活动: what is done; 以营利为目的的艺术竞赛活动: a kind described, not named
        if match.group() == "活动" and GENERIC_EVENT_RE.match(text[name_start:item_end]):
            continue
        # 全面改善…条件等项目: the item listed is the programme; the word after 等 names its kind.
        name = normalise_name(text[name_start:item_end] + ("" if item_end < a else match.group()))
        found.append(Initiative(name_start, b, name, KINDS[match.group()]))
        found += _coordinated(text, start, name_start, found[-1].kind, longest=24 if item_end < a else 6)
    # 开展高雅艺术进校园 (the campaign's subject runs back from 进校园); 办好全市大中小学生艺术展演.
    campaigns = [(m.start(), m.end(), 2) for m in CAMPAIGN_RE.finditer(text, start, end)]
    campaigns += [(m.start(), m.end(), 0) for m in EXHIBITION_RE.finditer(text, start, end)]
    for a, b, shortest in campaigns:
        if b not in bounds.ends or _skipped(a, skip, end):
            continue
        # 传统文化（京剧、戏曲、国学等）进校园: the examples in brackets are passed over, not the name.
        examples = re.search(r"[（(][^（()）]{1,16}[）)]$", text[max(start, a - 18):a]) if shortest else None
        subject_end = a - len(examples.group()) if examples else a
        name_start = _name_start(text, subject_end, bounds)
        if text[name_start - 1:name_start] == "等" and text[name_start:a].endswith(("形式", "类型", "内容", "资源")):
            continue  # 戏曲、非遗等艺术形式进校园: the kind of what is listed (…等高雅艺术进校园 is named)
        if text[name_start - 1:name_start] in "（(" and text[b:b + 1] in "）)":
            continue  # 黄鹤美育节（中小学生艺术节）: the name restated
        if text[name_start:name_start + 1] == "好" and text[:name_start].endswith(INTRODUCERS):
            name_start += 1  # 开展好…展演活动: 好 completes the verb
        level = re.match(r"(?:国家|省|市|县|区)级", text[name_start:a]) if shortest else None
        name_start += len(level.group()) if level else 0  # 国家级高雅艺术进校园: the level is not the campaign's name
        following = bounds.after(b)
        introduced = _introduced(text, start, name_start, b) or shortest and any(
            verb in text[clause_start(text, start, name_start, CLAUSE_BREAK):name_start] for verb in CAMPAIGN_INTRODUCERS)
        if a - name_start >= shortest and introduced and not (
                following is not None and following.tag.startswith(("n", "vn"))  # 课外读物进校园规范管理
                and following.text not in CAMPAIGN_AFTER):  # 艺术家进校园工作
            found.append(Initiative(name_start, b, normalise_name(text[name_start:b]), "activity"))
    return found


def _named_before_short_name(text, start, end, skip, bounds):
    """An event named where a verb that runs it introduces it and a short name follows it (举办全国大学校长美育论坛
    （以下简称校长论坛））; the edition and the scope are not part of its name."""
    found = []
    for match in SHORT_NAME_RE.finditer(text, start, end):
        b = match.start()
        head = EVENT_BEFORE_SHORT_NAME_RE.search(text, max(start, b - 3), b)
        if head is None or _skipped(head.start(), skip, end):  # (the brackets defining the short name are skipped)
            continue
        name_start = _name_start(text, head.start(), bounds)
        scope = re.search(r"(?:全国|全省|全市)$", text[max(start, name_start - 2):name_start])
        if scope:  # 全国大学校长美育论坛: a scope right before the name is part of it (全国第三届…: an edition's)
            name_start -= 2
        if head.start() - name_start >= 2 and _introduced(text, start, name_start, b):
            found.append(Initiative(name_start, b, normalise_name(EDITION_RE.sub("", text[name_start:b])), "activity"))
    return found


def _dated_events(text, start, end, skip):
    """Competitions and festivals named with their year (组织开展2016年浦东新区学生艺术单项比赛); the year is the edition's."""
    found = []
    for match in DATED_EVENT_RE.finditer(text, start, end):
        a, b = match.span("name")
        if _skipped(match.start(), skip, end) or any(verb in match.group("name") for verb in CLAUSE_VERBS) or any(
                w.tag.startswith(("v", "d")) and w.tag != "vn" for w in words(text, a, b)[:-1]):
            continue  # 到2020年全面完成比赛: a clause after the year, not a name
        found.append(Initiative(a, b, normalise_name(match.group("name")), "activity"))
    return found


# 第十七届数学建模竞赛, 首届中国“互联网+”大学生创新创业大赛: an event numbered by its edition is one named series.
# The edition is no part of its name; a place or an institution right before the edition is (重庆市第三届…视频展评,
# 桂林理工大学第十七届…竞赛).
EDITIONED_EVENT_HEADS = r"(?:(?:比赛|大赛|竞赛|展评|展演|评选)(?:活动)?|艺术节|文化节|科技节|体育节|读书节|运动会|论坛|报告会)"
EDITIONED_EVENT_RE = re.compile(r"(?:第[一二三四五六七八九十0-9０-９]+|首)届(?P<name>[^，,。；;：:、《》()（）\s]{2,30}?"
                                + EDITIONED_EVENT_HEADS + ")")
# 合唱比赛视频展评: a head word inside the name, the name goes on to the next one.
FURTHER_HEAD_RE = re.compile(r"[^，,。；;：:、《》()（）\s]{0,6}?" + EDITIONED_EVENT_HEADS)
# …报告会论文申报书, …展评活动参评作品汇总表: a form or a paper of the event, named in an attachment.
PAPER_AFTER_RE = re.compile(r"[^，,。；;：:、\s]{0,8}?(?:表|书|说明|方案|通知)(?:[（(]|\s|$)")


def _editioned_events(text, start, end, skip):
    """Events named with their edition (举办桂林理工大学第十七届数学建模竞赛), without it."""
    found = []
    for match in EDITIONED_EVENT_RE.finditer(text, start, end):
        a, b = match.span("name")
        if further := FURTHER_HEAD_RE.match(text, b, end):
            b = further.end()
        name = text[a:b]
        line_start, line_end = text.rfind("\n", 0, a) + 1, text.find("\n", b)
        alone = not text[b:len(text) if line_end < 0 else line_end].strip() and not re.search(r"[，,。；;]", text[line_start:a])
        if _skipped(match.start(), skip, end) or NOT_IN_CONTEST_NAME_RE.search(name) \
                or any(verb in name for verb in CLAUSE_VERBS) or PAPER_AFTER_RE.match(text, b, end) or alone:
            continue  # 第三届比赛中获奖: a clause; …报告会论文申报书: a form; a line of its own: an attachment's title
        before = words(text, clause_start(text, start, match.start()), match.start())
        owner = before[-1] if before else None
        if owner and owner.end == match.start() and len(owner.text) >= 2 and (
                owner.tag in ("ns", "nt") or owner.text.endswith(("大学", "学院", "省", "市", "县", "区"))) \
                and not owner.text.startswith(("全国", "全省", "全市", "全县", "全区")):
            place = before[-2] if len(before) > 1 else None
            opened = place and place.end == owner.start and place.tag in ("ns", "nr") and owner.text.endswith(("大学", "学院"))
            name = (place.text if opened else "") + owner.text + name  # 桂林 | 理工大学: jieba cuts the place off
        found.append(Initiative(a, b, normalise_name(name), "activity"))
    return found


def _scoped_contests(text, start, end, skip):
    """Contests named by their national or international scope (获全国数学、物理…竞赛联赛, 中国数学奥林匹克), with
    the contests listed right after them."""
    found = []
    for match in SCOPED_CONTEST_RE.finditer(text, start, end):
        body = match.group("body")
        if _skipped(match.start(), skip, end) or body.startswith(("性", "、", "和", "与")) or body == "奥林匹克" \
                or NOT_IN_CONTEST_NAME_RE.search(body) or SCOPE_IN_BODY_RE.search(body) \
                or any(verb in body for verb in CLAUSE_VERBS) or any(i.start == match.start() for i in found):
            continue  # 全国性竞赛, 全国各类大赛: a kind; …中开展…竞赛: a clause; (a contest listed after one: found already)
        found.append(Initiative(match.start(), match.end(), normalise_name(match.group()), "activity"))
        b = match.end()
        while (listed := LISTED_CONTEST_RE.match(text, b, end)) and not NOT_IN_CONTEST_NAME_RE.search(listed.group("name")):
            found.append(Initiative(listed.start("name"), listed.end(), listed.group("name"), "activity"))
            b = listed.end()
    return found


def _announced_events(text, start, end, skip):
    """The event a notice announces in its opening formula (现将2011-2012年…申报活动通知如下, 现将开展…比赛的有关事项
    通知如下) or decides on (决定开展…专项活动。); a year before the name is the edition's."""
    found = []
    matches = [*ANNOUNCED_EVENT_RE.finditer(text, start, end), *DECIDED_EVENT_RE.finditer(text, start, end)]
    for match in matches:
        a, b = match.span("name")
        name = match.group("name")
        if not _skipped(match.start(), skip, end) and not GENERIC_EVENT_RE.match(name.removesuffix("活动")) \
                and not GENERIC_ACTIVITY_RE.fullmatch(name):
            found.append(Initiative(a, b, normalise_name(name), "activity"))
    return found


def _branded(text, start, end, skip):
    """The items listed before 等品牌活动 or 等N项…活动 (继续办好海峡两岸校长论坛、两岸大学生戏剧节等系列品牌活动)."""
    found = []
    for match in BRANDED_RE.finditer(text, start, end):
        at = clause_start(text, start, match.start(), CLAUSE_BREAK)
        described = text.rfind("的", at, match.start())
        if described >= 0 and "、" not in text[at:described]:
            at = described + 1  # 由…协会承办的A、B等四项活动: the list starts after its description
        at = _past_verbs(text, at, NAME_STOPS + ("继续", "着力", "打造"))  # the verbs that run them: 继续办好…
        items = [(at + m.start(), at + m.end()) for m in re.finditer(r"[^、]+", text[at:match.start()])]
        if items:  # …合唱视频展评和重庆市…视频展评: 和 joins two names that open alike
            a, b = items[-1]
            joined = text.find("和", a, b)
            if joined > a and text[joined + 1:joined + 3] == text[a:a + 2]:
                items[-1:] = [(a, joined), (joined + 1, b)]
        for a, b in items:
            if not re.sub(r"[“\"][^“”\"]*[”\"]", "", text[a:b]).strip():
                continue  # “传承的力量”“五月的鲜花”: quoted names, found as quotes
            name = normalise_name(EDITION_RE.sub("", text[a:b])).replace("“", "").replace("”", "")
            if 4 <= len(name) <= 24 and re.fullmatch(r"[\u4e00-\u9fff·]+", name) and not _skipped(a, skip, end):
                found.append(Initiative(a, b, name, KINDS[match.group("head")]))
    return found


def _past_verbs(text, at, verbs, until=None):
    """Where a name starts after the verbs that open text[at:] (组织开展…, 继续办好…), not at or past `until`."""
    while (until is None or at < until) and (verb := next((v for v in verbs if text.startswith(v, at)), None)):
        at += len(verb)
    return at


def _skipped(index, skip, end):
    """Whether index falls in one of the `skip` ranges (cited titles; an open one runs to `end`)."""
    return any(x <= index <= (y if y is not None else end) for x, y in skip)


def _opening_words(text, start, name_start):
    """How many characters before name_start open the name (实施|全面改善|贫困地区…项目 → 4), else 0."""
    match = OPENED_NAME_RE.search(text, clause_start(text, start, name_start, CLAUSE_BREAK), name_start)
    return len(match.group("opening")) if match else 0


def _short_names(text, start, end, skip):
    found = []
    for match in PERIOD_PLAN_RE.finditer(text, start, end):  # 按照…和五年行动计划: named in full before
        a, b = match.span()
        if not _skipped(a, skip, end) and match.group() in text[:max(0, a - 1)]:
            found.append(Initiative(a, b, match.group(), "plan"))
    for match in SHORT_NAMES_RE.finditer(text, start, end):
        a, b = match.span()
        if _skipped(a, skip, end) or text[a - 1:a] == "培":
            continue
        if text[a - 1:a] in "（(" and text[:a - 1].endswith(tuple(KINDS)):
            continue  # 国家级培训计划（国培计划）: the long name restated
        items = match.group().split("、")  # 国培、省培计划: each shares 计划
        at = a
        for item in items[:-1]:
            found.append(Initiative(at, at + len(item), item + "计划", "plan"))
            at += len(item) + 1
        name = normalise_name(items[-1])
        found.append(Initiative(at, b, name, "plan"))
    return found


def _recurring(text, name):
    """创先争优活动, 学习实践活动: an activity the document runs and keeps naming (RECURRING times or more, with no
    quotation marks) is one campaign, not a kind of work described once; a name of domain words only (社会实践活动,
    主题教育活动) stays a kind however often it recurs."""
    core = name.removesuffix("活动")
    if len(core) < 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", core) or text.count(name) < RECURRING:
        return False
    return not all(w.text in DOMAIN_WORDS for w in words(core, 0, len(core)))


def _levelled_training_plan(name):
    """国家级培训计划, 县四级培训计划: a training plan named by its level, wherever it stands."""
    return re.search(r"(?:国家|[省市县区两三四五])级培训计划$", name) is not None


def _generic(name):
    """课题研究项目, 中小学教师招聘计划, 中小学教师培训计划: a kind of plan; 省级培训计划, 国培计划 are named."""
    # 各专业人才培养计划: each one's plan, a kind.
    if "专项" in name and name.endswith("招聘计划"):
        return False  # 体音美教师专项招聘计划: one named recruitment programme
    if name.startswith("本") or "进行" in name or "为单位" in name or re.match(r"第[一二三四五六七八九十\d]+阶段", name):
        return True  # 本次展评活动, 以学校为单位进行展评活动: this one, or a clause, not a name
    return name.endswith(GENERIC_NAMES) or name.startswith(("各", "相关", "有关")) or name.endswith("培训计划") and not (
        re.search("国家|国培|省培", name) or _levelled_training_plan(name))


def _name_start(text, a, bounds):
    """Where an unquoted name ending at a starts: words back to a stop word, a verb that ends a clause, a
    numeral (一届…, 一次…) or a year."""
    name_start = a
    word = bounds.before(a) or bounds.inside(a)  # 服务项目 is one word: the name runs on before 项目
    while word is not None and (word.tag != "x" or word.text.isdigit()) and not word.text.endswith(NAME_STOPS) \
            and word.text not in PROGRAMME_BREAKS and a - word.start <= 24 \
            and not re.fullmatch(r"\d{4}|年", word.text):
        name_start = word.start
        word = bounds.before(word.start)
    # 支持 belongs to a name inside it (乡村教师支持计划), not at its start (支持…项目).
    name_start += len(re.match(r"(?:支持)?", text[name_start:a]).group())
    name_start += len(re.match(r"(?:[我本][省市区县州旗])?", text[name_start:a]).group())  # 我省大数据战略行动
    # 参加过全国第五届…展演活动, 结合今年全市学生艺术活动月: the time, scope and edition are not the name.
    name_start += len(re.match(r"(?:过)?(?:今年|本年度|本年|明年)?(?:全国|全省|全市|全区|全县)?(?:第[一二三四五六七八九十0-9０-９]+届)?",
                               text[name_start:a]).group())
    name_start += len(re.match(r"(?:.{0,4}?[0-9０-９]级)?", text[name_start:a]).group())  # 市、区、校3级…活动
    counted = re.match(r"(?:[一两二三四五六七八九十]+|[0-9０-９]+)\s*[届次个项批场]", text[name_start:a])
    return name_start + counted.end() if counted else name_start  # 举办一届…展演活动: one of them, not its name


LABEL_POSITION_RE = re.compile(r"[ \t\u3000]*(?:[0-9０-９]{1,2}\s*[.．、]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)?"
                               r"[ \t\u3000]*")


def _introduced(text, start, name_start, b):
    """A verb that runs the programme opens the clause (实施…行动), or 在…中 / 以…为依托 frame the name."""
    clause = text[max(start, clause_start(text, start, name_start, CLAUSE_BREAK)):name_start]
    if any(verb in clause for verb in INTRODUCERS):
        return True
    line = text[text.rfind("\n", 0, name_start) + 1:name_start]
    if text[b:b + 1] in "：:" and LABEL_POSITION_RE.fullmatch(line):
        return True  # 1．队伍建设工程：深化改革促发展: an item labelled with the programme it runs
    after = INTRODUCED_AFTER_RE.match(text, b)
    if after is None:
        return False
    return ("在" if after.group().endswith("中") else "以") in clause


def _coordinated(text, start, name_start, kind, longest=6):
    """Short names listed before a programme with 、 share its programme word: 强镇筑基、强校扩优、强课提质行动;
    before X等项目 the items are whole programmes and may be long (全面改善…基本办学条件、…建设等项目)."""
    out = []
    while text[name_start - 1:name_start] == "、":
        item_end = name_start - 1
        item_start = item_end
        while item_start > start and "\u4e00" <= text[item_start - 1] <= "\u9fff" and item_end - item_start <= longest:
            item_start -= 1
        for verb in sorted(INTRODUCERS, key=len, reverse=True):
            index = text.rfind(verb, item_start, item_end)
            if index >= 0:
                item_start = index + len(verb)
                break
        item = text[item_start:item_end]
        if not 2 <= len(item) <= longest or text[item_start - 1:item_start] not in "、" + "".join(
                v[-1] for v in INTRODUCERS):
            break
        out.append(Initiative(item_start, item_end, item, kind))
        name_start = item_start
    return out


def aliases(text, initiatives):
    """{short name: the programme it stands for} for every programme given a short name right after it
    (全国第三届高校艺术教育科研论文报告会（以下简称论文报告会））."""
    found = {}
    for initiative in initiatives:
        match = ALIAS_AFTER_RE.match(text, initiative.end)
        if match and initiative.kind != "slogan":
            found[match.group("short")] = initiative
    return found


def alias_mentions(text, start, end, short_names, taken):
    """[Initiative] for each later use of a short name in text[start:end] outside the `taken` spans (found
    facts, cited titles, the brackets defining short names); each is named and typed as the programme it
    stands for."""
    found = []
    for alias, programme in short_names.items():
        index = text.find(alias, start, end)
        full = programme.name[:-len(alias)] if programme.name.endswith(alias) else None
        while index >= 0:
            b = index + len(alias)
            written_out = full and text.endswith(full, 0, index)  # …高校艺术教育科研论文报告会: the full name again
            if index > programme.end and not written_out and not any(x < b and index < y for x, y in taken):
                found.append(Initiative(index, b, programme.name, programme.kind))
            index = text.find(alias, b, end)
    return found


def repeated_mentions(text, start, end, programmes, taken):
    """[Initiative] for each other place in text[start:end] that names one of `programmes` (found elsewhere in the
    document) exactly as it was found, outside the `taken` spans: 开展创先争优活动 once makes 创先争优活动 a mention
    wherever it stands (…活动的落脚点, 检验…活动效果). Slogans and names shorter than MIN_NAME + 2 are not
    repeated: a short or quoted phrase is not sure to mean the same thing elsewhere."""
    found, taken = [], list(taken)
    for surface, programme in programmes.items():
        index = text.find(surface, start, end)
        while index >= 0:
            b = index + len(surface)
            if not any(x < b and index < y for x, y in taken) and not _on_paper_title_line(text, index):
                found.append(Initiative(index, b, programme.name, programme.kind))
                taken.append((index, b))
            index = text.find(surface, b, end)
    return found


def repeatable(text, initiatives):
    """{name as printed: programme} for the programmes in `initiatives` whose name may be repeated. Not a name ending
    in 项目: it names a kind of item as often as one project (科技竞赛项目, 团体项目, 创新创业项目)."""
    return {text[i.start:i.end]: i for i in initiatives
            if i.kind != "slogan" and text[i.start:i.end] == i.name and len(i.name) >= MIN_NAME + 2
            and not i.name.endswith("项目")}


def _on_paper_title_line(text, index):
    """Whether text[index] stands on a line that titles a form or paper (…论坛报名表, 关于开展…比赛的通知): a
    line with no clause break, ending in a paper word. Such lines title attachments, which labellers leave out."""
    line_start, line_end = text.rfind("\n", 0, index) + 1, text.find("\n", index)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip(" \t\u3000")
    return not re.search(r"[，,。；;]", line) and PAPER_TITLE_END_RE.search(line) is not None


def find_initiatives(text, start, end, skip, programmes_in_titles=()):
    """[Initiative] in text[start:end] outside `skip` (cited titles); `programmes_in_titles` are (open,
    close) spans of 《…》 titles that name a programme the plan carries out."""
    found = _quoted(text, start, end, skip)
    taken = [(i.start, i.end) for i in found]
    for a, b in programmes_in_titles:
        name = normalise_name(PERIOD_AFTER_RE.sub("", text[a + 1:b]))  # …支持计划（2015-2020年）
        if name.endswith(GENERIC_NAMES):
            continue  # 《学校美育工作计划》: a kind of plan, a document only
        found.append(Initiative(a, b + 1, name, _kind_of(name) or "project"))
        taken.append((a, b + 1))
    bounds = Boundaries(words(text, start, end))
    # The longest name wins where unquoted names overlap (…成果项目推广应用三年行动计划 over …成果项目).
    # Short names (国培计划) come last: they may stand inside a longer name (国培省培计划).
    branded = _branded(text, start, end, skip)
    # A quoted name inside a listed or an editioned event is part of it (…第三届“课堂器乐”视频展评、…等四项活动).
    editioned = _editioned_events(text, start, end, skip)
    inside = [q for q in found if any(i.start <= q.start and q.end <= i.end for i in branded + editioned)]
    found = [q for q in found if q not in inside]
    taken = [t for t in taken if not any(q.start == t[0] and q.end == t[1] for q in inside)]
    unquoted = sorted(_unquoted(text, start, end, skip, bounds) + branded + editioned + _dated_events(text, start, end, skip)
                      + _announced_events(text, start, end, skip) + _scoped_contests(text, start, end, skip)
                      + _named_before_short_name(text, start, end, skip, bounds), key=lambda i: i.start - i.end)
    # “一师一优课、一课一名师”课堂教学评选活动: a name right after a quote is the quoted programme's kind of event.
    quotes = {i.end: i for i in found}
    for initiative in [u for u in unquoted if u.start in quotes and text[u.start - 1] in "”\""]:
        unquoted.remove(initiative)
        if quotes[initiative.start].kind == "slogan":
            quotes[initiative.start].kind = initiative.kind
    for initiative in unquoted + _short_names(text, start, end, skip):
        if not any(initiative.start < y and x < initiative.end for x, y in taken):
            found.append(initiative)
            taken.append((initiative.start, initiative.end))
    return sorted(found, key=lambda i: i.start)
