"""Bodies in plan text, and the role the text gives them: lead, supporting, responsible, or only mentioned.

A role needs an explicit assignment: a responsibility line (（牵头部门：省教育厅，配合部门：省财政厅）,
责任单位：…), or a body right before 牵头/负责/配合 (由市教育局负责, 市教育局牵头). A body that is the subject of
an imperative (各级教育行政部门要…) or named in passing is `mentioned`.

Names are whole: a body is an organisation-type word (部门, 机构, 委员会, 学校, 幼儿园 …) with the words
before it that belong to the name (教育行政部门, 特殊教育资源中心, 省人力资源社会保障厅), never a run of
characters that only looks like one (年全市及中心). Distributive words (各, 各级, 地方各级) are dropped. A
school word that modifies a noun (学校美育, 中小学校美育课程) or a designation (示范学校, 特色学校) is not a
body. A name without a proper place (学校, 区市, 市教育局, 省政府) is generic: it means the body of the plan's
own jurisdiction, so its node is per jurisdiction; 国务院, 教育部 or 威海市学前教育指导委员会 are one node.
"""

import re
from dataclasses import dataclass

from edugraph.reading.numerals import parse_chinese_number
from edugraph.semantics.words import CLAUSE_OPENERS, CLAUSE_VERBS, Boundaries, words

# Organisation words a name may grow from leftwards (教育 + 行政部门, 区市 + 服务 + 支队).
HEADS = ("行政部门", "部门", "机构", "单位", "团体", "社团", "院团", "剧团", "联盟", "协作体", "协作区", "院校",
         "研究所", "研究院", "科学院", "学院", "教委", "教研室", "研究室", "编办",
         "委员会", "分队", "支队", "中心", "党组织", "党委政府", "党委", "政府办公厅", "政府办公室", "政府", "管委会", "管委", "开发区", "高新区", "企业",
         "协会", "学会", "基金会", "教科院", "教研院", "教研所", "工作专班", "领导小组", "院系", "协作组织",
         # a party committee's departments (省委宣传部) and working groups, committees, their offices
         "宣传部", "组织部", "统战部", "组委会", "工作小组", "复核小组", "工作组", "检查组", "复核组", "专家组",
         "督导组", "评审组", "办公室", "总局", "教育署", "教务部",
         "教指委",  # a 教学指导委员会 by its short name
         # mass organisations and a school's own assemblies (市总工会, 市妇联, 美协, 教代会)
         "总工会", "工会", "妇联", "残联", "美协", "教代会", "教职工代表大会",
         # a fire brigade's and a street's units (区消防救援大队, 街道党工委)
         "大队", "党工委", "职教集团", "教育集团",
         # a joint meeting, named after its field (丽水市职业教育工作联席会议); bare, the one the plan set up
         "联席会议",
         # the Youth League's units and the schools of League and Party (上级团组织, 青年教工团支部, 课余党校)
         "团组织", "团支部", "团校", "党校",
         "红十字会", "评委会",
         # a university's own units (各院（系）, 报教务部) and a newspaper's office (法制报绍兴办事处)
         "院（系）", "学院（系）", "答辩小组", "评审小组", "专家小组", "办事处",
         # groups set up for one task (成立调查小组, 命题组) and a committee's branches (学位评定分委员会)
         "调查小组", "命题组", "分委员会", "督查组", "评议组", "评定小组", "评议小组", "考核小组", "督查小组", "检查小组",
         "监督小组", "指导小组", "协调小组", "评估小组", "督导小组", "应急小组", "研究小组", "考察组", "巡查组",
         "组织委员会",
         # a university's affiliated schools (中央民族大学附属中学, 民大附中)
         "附属中学", "附属小学", "附属幼儿园",
         # admissions offices and committees (广东省招生办公室, 省招生委员会, 省教育考试院) and the staffing office
         "招生办公室", "招生委员会", "教育考试院", "考试中心", "机构编制委员会办公室", "机构编制委员会",
         # inspection groups and the Party's branches (试点单位指导检查组, 校党支部, 党小组)
         "指导检查组", "督导检查组", "党小组",
         # hospitals and clinics (阿瓦提县人民医院, 乡镇卫生院; 送往医院)
         "医院", "卫生院")
# The organisers of an event: a body in prose (各承办单位上交承办方案), a label before the body itself (主办单位：…).
ORGANISER_WORDS = ("主办单位", "承办单位", "协办单位")
# Whole names with no left growth: school types, youth and mass organisations, venues, named bodies.
FIXED = ("普通中小学校", "普通高等学校", "义务教育学校", "大中小学校", "中小学校", "普通高中", "中小学", "教学点",
         "中心校", "分校", "村小", "中职中专学校", "中专学校", "中职学校", "中职", "中等职业学校", "中等职业技术学校", "职业技术学校", "技工学校",
         "普通高中学校", "公办义务教育学校", "民办义务教育学校", "公办学校", "公办小学", "公办初中", "民办小学", "民办初中", "公办幼儿园",
         "民办幼儿园", "艺术类学校", "职业学校", "特殊教育学校", "民办学校", "家长学校", "网上家长学校",
         "学校", "幼儿园", "普通高校", "普通本科高校", "高职高专院校", "高校", "高等院校", "高等学校", "职业院校",
         "专业艺术院校", "艺术院校", "师范院校", "普通中学", "职业中学", "教师进修学校", "技工院校", "少先队", "共青团", "团委", "学生会", "关工委",
         "共青团组织", "少先队组织", "民主党派", "工会组织", "文联", "文明办", "社会组织", "社团组织", "社区组织", "科研院所",
         "公共艺术馆", "公共文化馆", "社会艺术组织", "群团组织",
         "音乐厅", "歌剧院", "大剧院", "专业场馆", "艺术演出场所", "艺术展演场馆", "青少年校外活动中心", "少年宫", "青少年宫", "剧场", "剧院", "影剧院", "体育馆", "纪念馆", "博物馆", "美术馆", "非遗馆", "图书馆", "展览馆", "科技馆", "文化馆", "艺术馆", "区市",
         "县市区", "国务院办公厅", "中共中央办公厅", "国务院", "教育部办公厅", "教育部", "财政部", "文化部", "文化和旅游部", "人力资源社会保障部", "民政部", "科技部", "团省委", "团市委", "省委", "市委", "县委", "省政府", "市政府", "县政府",
         "区政府", "党中央", "中国共产党", "中共中央", "司法部", "公安部", "省厅", "校党委", "校团委", "纪委监委", "街道办事处",
         "省委办", "市委办", "县委办", "区委办", "省府办", "市府办", "县府办", "区府办",
         # a school's own offices, named alike everywhere (德育处将组织评比)
         "德育处", "教务处", "总务处", "政教处", "教导处", "教科处", "教研处", "学生处",
         # and a bureau's (报局政治处, 送监察室)
         "政治处", "人事处", "监察室", "校办", "教学处", "校长室", "校医院", "党政联席会议",
         # residents' and villagers' committees (社区居委会（村委会）)
         "社区居委会", "居委会", "村委会", "居民委员会", "村民委员会", "中宣部", "中央宣传部",
         # the bodies of admissions and of teachers' titles, named alike in every province (省级招生考试机构, 中评委)
         "成人高校", "成人高等学校", "招生考试机构", "招生学校", "中评委", "高评委", "公安机关", "武警部队", "纪委",
         "招生考试院", "考试院", "有关部委", "区委", "中央纪委", "校党支部",
         # more of a school's offices (党政办做好…, 安全处进一步加强…)
         "党政办", "医务室", "校医务室", "安全处", "教科室", "保卫处", "财务处", "后勤处", "科研处",
         # and a university's (国际处终审, 研究生院)
         "国际处", "外事处", "研究生院",
         "主办方", "承办方", "协办方", *ORGANISER_WORDS, "参评单位", "参赛单位", "申报单位",
         # units named by their part in a procedure (编写单位负责组建…, 开课单位, 报送单位; not 派出单位: labellers split)
         "编写单位", "出版单位", "发行单位", "开课单位", "报送单位", "聘用单位", "国家体育总局", "政府部门", "中高职院校", "家长委员会", "家委会", "第三方机构", "有关部门", "相关部门", "有关单位", "相关单位")
SCHOOLS = set(FIXED[:FIXED.index("技工院校") + 1])
VENUES = set(FIXED[FIXED.index("少年宫"):FIXED.index("艺术馆") + 1])
LEXICON = sorted(set(HEADS) | set(FIXED), key=len, reverse=True)
LEXICON_AT_RE = re.compile("(?=(" + "|".join(map(re.escape, LEXICON)) + "))")
LEXICON_PREFIXES = {word: [w for w in LEXICON if word.startswith(w)] for word in LEXICON}
GROWABLE = ("区市", "县市区", "开发区", "高新区", "党委", "市委", "县委", "省委", "区委", "联席会议", "组委会", "评委会",
            "领导小组")  # jurisdiction words inside a name: 区市服务支队, 开发区管委
SPLIT_HEADS = ("总工会", "工会", "妇联", "美协", "协会",
               "部门", "政府办公厅", "政府办公室", "政府", "学院", "科学院", "教委", "高校", "委员会", "中心", "机构", "单位", "团体", "社团", "院团", "联盟")  # jieba may glue them on
BARE_NOBODY = ("行政部门", "部门", "机构", "单位", "团体", "社团", "院团", "剧团", "联盟", "协作体", "协作区", "协作组织",
               "院校", "委员会", "分队", "支队", "大队",
               "中心", "研究所", "研究院", "工作专班", "领导小组", "协会", "学会", "基金会", "办公室")
# Heads that stop being a body when a noun follows (中心城区, 学校美育, 企业学徒基地, 图书馆式).
COMPOUNDING = SCHOOLS | VENUES | {"学院", "中心", "企业", "联盟", "开发区", "高新区", "政府", "少先队", "共青团", "团委", "少先队组织", "共青团组织", "院校", "文联",
                           "教职工代表大会"}  # 教职工代表大会制度: a system
# Words (jieba often tags them as verbs) that make a school word a modifier: 幼儿园招生, 学校管理,
# 学校优秀艺术教师, 高水平学校争创工作; and whole words that do (幼儿园非在编教师, 幼儿园办园水平). Not 购买:
# most labellers (6 files to 3) take 政府 in 政府购买服务 as the government that buys.
COMPOUND_WORDS = ("招生", "收费", "管理", "建设", "工作", "教育", "教学", "安全", "办学", "发展", "日常", "优秀",
                  "争创", "兼职", "特岗", "课时", "一线", "在职", "在编")
# Verbs jieba tags as nouns: after a body they are what it does (到农村学校任教, 地方高校服务本地, 由中心校统一安排).
NOT_MODIFIERS = ("设置", "任教", "服务", "统一", "定向", "全面", "合理", "积极", "主动", "切实", "认真", "依法", "定期",
                 "确因")
# School words that name a stage as often as a body (普通高中多元特色发展, 中小学美育): a body only as the subject of
# what follows (普通高中要…, 中小学在…, 普通高中按《…》).
STAGE_SCHOOLS = ("普通高中", "中小学", "中职")
ACTING_VERBS = ("聘请", "开展", "开设", "建立", "配备", "组织", "实施", "落实", "设立", "成立", "举办", "推进")
SERVED_BY = ("面向", "向", "帮助", "支持")  # before a stage school that is not a modifier: the schools themselves
SUBJECT_AFTER_RE = re.compile(r"(?:要|应|在|按|须|必须|可|也要|还要|均|都|每|积极|主动)")
# Tags of the word after a stage school that opens a clause and make it the subject (中小学因地制宜开展…,
# 中小学以艺术课程…为…); a noun after it makes it a modifier (中小学美育).
SUBJECT_TAGS = ("v", "d", "i", "p")
# A department named without its place (教育厅在…, 向教育厅提交, 各地（市）教育局): the place is the plan's own.
DEPARTMENT_RE = re.compile(r"(?:教育|财政|人力资源(?:和)?社会保障|人社|文化(?:和旅游)?|文旅|民政|公安|卫生(?:健康|计生|和计划生育)?"
                           r"|体育|科技|司法|审计|住房(?:和)?城乡建设|自然资源|国土资源|发展(?:和)?改革|发改|新闻出版广电|广电"
                           r"|农业(?:农村)?|工业和信息化|工信|经信|机构编制|文广新|文广|教体|教育(?:和)?体育|教育[（(]体[）)]|文体|教文体"
                           r"|规划|城乡规划|建设|城建|外经贸|经贸|商务|交通(?:运输)?|水利|环保|生态环境|应急管理|安监|市场监管"
                           r"|统计|税务|医保|医疗保障|退役军人事务|林业|旅游|卫健|卫计|民族宗教|宗教|外事|信访|人防|城管)"
                           r"(?:厅|局|委员会|委)"
                           r"|(?:发改|文广新|文广|人社|编制|人力资源(?:和)?社会保障)部门")  # jieba leaves 发改, 文广新 out of its dictionary
# Heads named after the schools they serve (吉林市学校美育工作委员会, 中小学美育教学指导委员会): a name grows
# over a school word only towards one of these.
GROWS_OVER_SCHOOLS = ("附属中学", "附属小学", "附属幼儿园", "委员会", "中心", "联盟", "研究室", "协会", "学会", "研究院", "研究所",
                      "领导小组", "工作小组", "指导小组", "联席会议")
# 对学校评价、考核: the object of an evaluation, not a modifier (加强对学校国防教育管理 is one).
EVALUATED = ("评价", "考核", "督导", "检查")
# Units inside an organisation (明确安全管理工作职能机构, 团委等职能部门), not bodies of their own.
INTERNAL_UNITS = ("职能机构", "职能部门", "基础单位")
COMPOUND_EXACT = ("非", "办", "特", "自身", "预算")
ROOM_AFTER_RE = re.compile(r"\s*[0-9０-９]+\s*(?:室|号楼|楼|层|会议室)")
# What a body owns and the text points to (教育部网站, …活动中心官网): the body is named.
OWNED_MEDIA = ("网站", "官网", "门户网站", "公众号", "微信公众号", "网页")
# Distributive time words after a body open its clause (学校每学年要进行一次自评), they modify nothing.
NOT_COMPOUNDING = ("每",)
# Student clubs are activities of a school, not bodies (建立艺术社团和兴趣小组); 文艺社团 are bodies.
CLUBS_RE = re.compile(r"^(?!.*(?:文艺|社会|专业|民间)).*社团$")  # 艺术类社团, 红领巾社团 — not 高水平文艺社团
# A school after one of these is a designation, not a body (美育特色学校, 艺术教育示范学校).
DESIGNATIONS = ("示范", "示范性", "特色", "先进", "实验", "品牌", "规范", "传承", "试点", "优质", "重点", "达标", "标准化",
                "名", "薄弱", "高水平", "优秀", "龙头", "名牌")
# Of these, the ones that are never a verb or an adverb make a designation on their own (开展示范学校复评,
# 第二批高水平学校); the others (规范学校办学行为, 重点…) only after a noun.
PLAIN_DESIGNATIONS = ("示范", "示范性", "特色", "先进", "品牌", "传承", "试点", "达标", "高水平", "龙头", "名牌")
# Named with a place (省教育厅, 威海市教育局): a place word, then words, then an office word.
OFFICE_WORD_RE = re.compile(r"(?:厅|局|委|办|科协)$")
OFFICE_VERBS = ("举办", "承办", "创办", "主办", "督办", "开办", "兴办", "包办", "代办", "协办", "格局", "布局", "大局",
                "开局", "当局", "全局", "公办", "民办")
PLACE_RE = re.compile(r"^(?:[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|旗|自治区|州|盟)|省|市|县|区|北京|上海|天津|重庆)$")
PROPER_PLACE_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:省|市|县|自治区|旗|州|盟)$")
# Words that never belong to a name: verbs and function words jieba may tag as nouns.
STOP_WORDS = {"关心", "关注", "通报", "指派", "委托", "地处", "位于", "调动", "选派", "派出", "选送", "送",  # verbs jieba tags as nouns or places
              "会同", "协同", "经", "对", "由", "在", "与", "和", "及", "或", "等", "向", "为", "以", "从", "将", "把", "被",
              "指导", "依托", "支持", "鼓励", "推动", "组织", "协调", "引导", "建立", "成立", "组建", "设立", "联合",
              "加强", "规范", "完善", "健全", "开展", "落实", "发挥", "充分发挥", "利用", "充分利用", "动员", "督促",
              "要求", "积极", "全市", "全省", "全县", "全区", "全国", "全面", "有条件", "所属", "任何", "当地", "报", "报送",
              "上报", "呈报", "抄送", "报告"}
GENERIC_MODIFIERS = ("相应", "相关", "有关", "专门", "各")  # 成立相应工作小组: which group is not said
TIME_WORDS = ("年度", "上年度", "本年度", "当年")  # 上年度|评审委员会: the committee of the year before
# 国际教育学院负责管理 (jieba: 负责管理, a noun): the body acts; 学校负责人 names a person in it.
ACTING_RE = re.compile(r"(?:负责|牵头|配合)(?!人|同志)")
VERB_PREFIXES = tuple(CLAUSE_VERBS) + ("建立", "健全", "成立", "组建", "设立", "指导", "依托", "协调", "引导", "贯彻", "根据",
                                      "按照", "依据",
                                      # 积极争取主管部门 (jieba: 积极争取|主管部门); 报名时需提交单位概况 (jieba: 需提交, a noun)
                                      "积极", "主动", "努力", "争取", "切实", "认真", "不断", "充分", "进一步", "需", "须")
# 可建设学生艺术活动中心: jieba tags 建设 a noun; right before the head it is part of the name (建设部门).
BUILD_VERBS = ("建设", "创建", "打造", "组建")
STOP_CHARS = "对由和与及在向为把将被从"
NAME_TAGS = ("n", "nr", "ns", "nt", "nz", "ng", "j", "b", "l", "vn", "an", "s", "i")
DISTRIBUTIVE_RE = re.compile(r"^(?:地方各级|各级各类|各级|各类|各地|各|部分|个别|同级|本(?=[省市县区州旗]))")  # 同级党委, 本区县政府
LEVEL_RE = re.compile(r"(?:县（[区市、]+）|县\([区市、]+\)|省|市|县|区|乡镇|国家|省市)级$")
JURISDICTION_WORDS_RE = re.compile(r"^(?:旗市区|县市区|市区|区市|县区|旗|县|市|区|省)")
ROLE_LABEL_RE = re.compile(r"(?P<label>牵头单位|牵头部门|责任单位|责任部门|责任处室|主责单位|主责部门|负责单位|负责部门|负责处室|"
                           r"职能部门|职能处室|"
                           r"配合单位|配合部门|协办单位|协助单位|参与单位|参与部门)\s*[：:]\s*")
LABEL_ROLES = {"牵头": "lead", "责任": "responsible", "主责": "responsible", "负责": "responsible", "职能": "responsible",
               "配合": "supporting", "协办": "supporting", "协助": "supporting", "参与": "supporting"}
LEVEL_WORDS = ("区", "市", "县", "旗", "乡", "镇", "州", "盟")
# A closing bracket ends a list (〔责任单位：市教育局、各县（市、区）政府〕); one inside a name is passed over
# with its opening bracket (县〔市、区、特区〕人民政府).
LIST_END = "）)〕】］；;。\n"
INLINE_ROLES = (("作为牵头", "lead"), ("牵头", "lead"), ("负责配合", "supporting"), ("负责", "responsible"), ("分工负责", "responsible"),
                ("配合", "supporting"))
NEW_BEFORE = ("成立", "组建", "设立")
NAMED_PREFIXES = ("国务院", "教育部", "中共中央", "全国", "国家", "中国")
JURISDICTION_RE = re.compile(r"^(?:中共)?(?P<place>[\u4e00-\u9fff]{1,6}?(?:省|市|自治区|县|区))")


@dataclass
class Body:
    start: int
    end: int
    name: str
    generic: bool      # relative to the plan's jurisdiction (学校, 市教育局) rather than one body everywhere
    new: bool = False  # a body the plan sets up (成立…委员会)
    role: str = "mentioned"  # lead | supporting | responsible | mentioned


def jurisdiction(issuers):
    """The place the plan governs, from its first issuer: 中共威海市委… → 威海市."""
    for name in issuers:
        match = JURISDICTION_RE.match(name)
        if match:
            return match.group("place")
    return ""


def _is_generic(name, tokens_of_name):
    if name.startswith(NAMED_PREFIXES):
        return False
    first = tokens_of_name[0] if tokens_of_name else None
    # A proper place (威海市, 山东省) names one body; a bare 省/市/县 is the plan's own.
    return not (first is not None and len(first.text) > 2 and PROPER_PLACE_RE.match(first.text))


def _clean(name):
    # One name however its brackets are typed: 县(市、区)政府 is 县（市、区）政府.
    name = DISTRIBUTIVE_RE.sub("", "".join(name.split()).replace("(", "（").replace(")", "）"))
    return name[2:] if name.startswith("地区") and len(name) > 4 else name  # 本地区教育部门 → 教育部门


def _in_level_list(text, b, end):
    """学校、区市、市三级才艺比赛, 市、区市、镇街、幼儿园四级结对帮扶: a list of levels, not of bodies."""
    return bool(re.match(r"(?:、[\u4e00-\u9fff]{1,4}){0,4}[两二三四五]级", text[b:min(end, b + 24)]))


def _designation(bounds, a):
    """美育特色学校, 品牌示范学校: a designation word between a noun and the school word."""
    word = bounds.before(a)
    if word is None or not word.text.endswith(DESIGNATIONS):
        return False
    earlier = bounds.before(word.start)
    return word.text not in DESIGNATIONS or word.text in PLAIN_DESIGNATIONS or (
        earlier is not None and earlier.tag != "x" and earlier.tag.startswith(NAME_TAGS))


def _modifies(word):
    """Whether `word`, right after a body word, makes that word a modifier (学校美育, 中心城区, 政府购买)."""
    if word is None or word.text.startswith(NOT_COMPOUNDING + NOT_MODIFIERS + OWNED_MEDIA) or ACTING_RE.match(word.text):
        return False
    return (word.tag.startswith(("n", "vn", "l", "j", "an", "b")) and word.text not in STOP_WORDS
            or word.text.startswith(COMPOUND_WORDS) or word.text in COMPOUND_EXACT or word.text == "“")


# 高等院校和中小学校美育课程, 普通高校、职业院校公共艺术教育, 幼儿园、中小学责任督学: conjuncts that share the
# noun they modify (与 is left out: 学校与境外学校交流 is also "a school with another").
CONJUNCT_RE = re.compile(r"(?:[、和及][\u4e00-\u9fff]{0,6}?(?:学校|学|院校|高校|高中|初中|幼儿园|园)"
                         r"(?:[（(][\u4e00-\u9fff、]{1,8}[）)])?)+")  # 普通中小学（幼儿园）教师: an alternative in brackets


# 学校与社会美育资源: the school's and society's resources (高校和社会力量参与 names two actors).
SOCIAL_RESOURCES_RE = re.compile("[、和及与]社会(?=(?:美育|艺术|文化|教育)?资源)")


def _subject(text, a, b, end, bounds):
    """普通高中要…, 中小学、幼儿园要…, 中小学聘请…, 中小学因地制宜开展… (opening a clause): a stage word that is
    the subject of what follows; 到中小学任教: the place someone is sent to, an institution too."""
    sent_to = served_by = bounds.before(a)
    if sent_to is not None and sent_to.tag.startswith("n") and len(sent_to.text) == 2:
        sent_to = bounds.before(sent_to.start)  # 到农村中小学
    if sent_to is not None and sent_to.text == "到":
        return True
    if re.match(r"[（(]教学点[）)]", text[b:b + 5]):
        return True  # 边远贫困地区中小学（教学点）: schools, with the kind that stands beside them
    conjuncts = CONJUNCT_RE.match(text, b, end)
    after = conjuncts.end() if conjuncts else b
    following = bounds.after(after)
    opens = a == 0 or text[a - 1] in CLAUSE_OPENERS
    if served_by is not None and served_by.text in SERVED_BY and not _modifies(following):
        return True  # 面向中小学定期举办…, 向中小学开放, 帮助中小学全方位…: the schools served
    return bool(SUBJECT_AFTER_RE.match(text, after, end)) or following is not None and (
        following.text in ACTING_VERBS or opens and following.tag.startswith(SUBJECT_TAGS) and following.tag != "vn")


def _coordinated_modifier(text, b, end, bounds):
    match = CONJUNCT_RE.match(text, b, end) or SOCIAL_RESOURCES_RE.match(text, b, end)
    return bool(match) and match.end() in bounds.ends and _modifies(bounds.after(match.end()))


BRACKET_CLOSE_RE = re.compile(r"[^（()）〔〕\n]{0,10}[）)〕]")  # the rest of a short bracket inside a listed name


def _item_end(text, stop, end):
    """Where the list item starting at stop ends: at 、，, a full-width space or two spaces (牵头部门：市教育局　配合部门：…),
    before the next role label, or at the list's end, not inside a short bracket."""
    while stop < end and text[stop] not in LIST_END + "、，,\u3000" and not text.startswith("  ", stop) \
            and not ROLE_LABEL_RE.match(text, stop + (text[stop] in " \t")):  # 市教育局 配合部门：… (one space or none)
        if text[stop] in "（(〔":  # 各县（市、区）人民政府, 县〔市、区、特区〕人民政府: a bracket inside one item
            close = BRACKET_CLOSE_RE.match(text, stop + 1, end)
            if close:
                stop = close.end()
                continue
        stop += 1
    return stop


def _listed(text, start, end, free):
    """Bodies in responsibility lines: 牵头部门：A，配合部门：B、C → A lead, B and C supporting."""
    found = []
    for match in ROLE_LABEL_RE.finditer(text, start, end):
        role = next(r for k, r in LABEL_ROLES.items() if match.group("label").startswith(k))
        index = match.end()
        while index < end and text[index] not in LIST_END:
            if ROLE_LABEL_RE.match(text, index):
                break
            stop = _item_end(text, index, end)
            while text[index:stop].strip().lstrip("各").replace("、", "")[-1:] in LEVEL_WORDS and stop < end \
                    and text[stop] == "、" and len(text[index:stop].strip()) <= 8:
                stop = _item_end(text, stop + 1, end)  # 各区、市政府, 各市、州、县人民政府: one item with 、 inside
            tail = re.search(r"等(?:有关|相关)?(?:部门|单位)?$", text[index:stop].rstrip())
            item_end = index + tail.start() if tail else stop  # 省教育厅等）: the list is open-ended, the name whole
            item = text[index:item_end].strip()
            item = item if any(c in item for c in "（(〔") or item.count("、") > 1 else item.replace("、", "")
            if item and free(index, item_end):
                a = index + len(text[index:item_end]) - len(text[index:item_end].lstrip())
                b = index + len(text[index:item_end].rstrip())
                cleaned = _clean(item)
                a += len(item) - len(cleaned)  # the distributive 各 dropped from the front
                if cleaned:
                    found.append(Body(a, b, cleaned, _is_generic(cleaned, words(text, a, b)), role=role))
            index = stop + 1 if stop < end and text[stop] in "、，,\u3000 " else stop
            while index < end and text[index] in " \u3000":
                index += 1
    return found


def _grow(bounds, a, head):
    """Extend a name leftwards from index a over words that belong to a name (at most four)."""
    taken = []
    word = bounds.before(a) or bounds.inside(a)
    longest = 8 if head in ("领导小组", "工作小组", "联席会议") else 4  # 有偿补课专项治理工作领导小组: named after the whole of its work
    while word is not None and len(taken) < longest:
        earlier = bounds.before(word.start)
        if word.text == "指导" and head == "委员会" and all(t.text == "专业" for t in taken):
            longest = 6  # 教学指导委员会, 中小学美育教学指导专业委员会: a committee named after the schools and work it guides
        elif len(word.text) == 1 and word.tag.startswith("v") and earlier is not None and len(earlier.text) == 1 \
                and earlier.tag.startswith(("v", "n")) and earlier.text not in STOP_WORDS \
                and not any(c in STOP_CHARS + "各到内应要须需可能会" for c in earlier.text + word.text):
            # 文艺工作者援教联盟 (jieba: 援|教): two characters of a word jieba does not know, read as one word
            # (时间内到市…, 还应送市委宣传部: a verb after a modal, no word)
            taken.insert(0, word)
            word = earlier
            continue
        elif head in ("领导小组", "工作小组") and (head == "工作小组" or taken and taken[-1].text in ("工作", "活动")):
            if not word.tag.startswith(("v", "n", "a", "l", "b")) or word.text in STOP_WORDS or word.text in GENERIC_MODIFIERS \
                    or word.text.startswith(VERB_PREFIXES) or OFFICE_WORD_RE.search(word.text) or word.text in LEXICON \
                    or any(c in STOP_CHARS for c in word.text):
                break  # 市教育局|安全稳定工作领导小组: the office that sets the group up is a body of its own
            taken.insert(0, word)  # 有偿补课专项治理工作领导小组, 安全稳定工作领导小组: the work a group leads
            word = bounds.before(word.start)
            continue
        elif word.tag == "v" and len(word.text) == 2 and [t.text for t in taken] == ["工作"] \
                and word.text not in STOP_WORDS and not word.text.startswith(VERB_PREFIXES):
            taken.insert(0, word)  # 选拔工作组: the work a group does, named by its verb
            break
        elif word.tag == "v" and len(word.text) == 2 and not taken and head in ("委员会", "分委员会", "领导小组", "工作小组") \
                and word.text not in STOP_WORDS and word.text not in BUILD_VERBS \
                and earlier is not None and earlier.tag in ("n", "nr", "nz") and earlier.text not in STOP_WORDS:
            taken.insert(0, word)  # 专家评选委员会: a committee named by its members and what it does
            word = earlier
            continue
        elif word.text == "与" and taken and head in GROWS_OVER_SCHOOLS and earlier is not None \
                and earlier.tag in ("n", "vn") and taken[0].tag in ("n", "vn") and 2 <= len(earlier.text) <= 4 \
                and earlier.text not in LEXICON:  # (学校与社会…中心: two bodies)
            taken.insert(0, word)  # 教育装备研究与发展中心: two fields of work joined inside the name
            longest += 1
            word = earlier
            continue
        elif word.tag == "x" or word.text in STOP_WORDS or word.text in TIME_WORDS or not word.tag.startswith(NAME_TAGS) \
                or word.text.startswith(VERB_PREFIXES) or word.text in BUILD_VERBS and taken \
                or any(c in STOP_CHARS for c in word.text) \
                or (word.text in FIXED + HEADS and word.text not in GROWABLE + STAGE_SCHOOLS
                    and not (word.text in SCHOOLS and head in GROWS_OVER_SCHOOLS)):
            break
        taken.insert(0, word)
        word = bounds.before(word.start)
    return taken


def _candidates(text, start, end, bounds):
    """(a, b, word) for every organisation word in the span that covers whole words."""
    found = []
    # One scan: the longest lexicon word at each position, and the lexicon words it begins with (中小学校: 中小学).
    for match in LEXICON_AT_RE.finditer(text, start, end):
        index = match.start()
        for word in LEXICON_PREFIXES[match.group(1)]:
            b = index + len(word)
            if b <= end and b in bounds.ends and (
                    index in bounds.starts or word in SPLIT_HEADS or text[index - 1:index] == "各"):
                found.append((index, b, word))
    return found


def _departments(text, start, end, bounds):
    """(a, b) of departments named without a place (教育厅在…), and of 省财政/市级财政/各级财政 acting (省财政加大…,
    市级财政每年安排…, 各级财政要…)."""
    found = []
    for match in DEPARTMENT_RE.finditer(text, start, end):
        a, b = match.span()
        if (b in bounds.ends or POST_RE.match(text, b)) and not text.startswith(("长", "主任"), b):  # (jieba: 局局长)
            found.append((a, b))
    for i, word in enumerate(bounds.tokens[:-2]):
        if word.text in ("省", "市", "县", "区", "省级", "市级", "县级", "区级", "各级") and bounds.tokens[i + 1].text == "财政" \
                and (bounds.tokens[i + 2].tag in ("v", "d") or bounds.tokens[i + 2].text.startswith(("要", "每年"))) \
                and bounds.tokens[i + 1].start == word.end:
            found.append((word.start, bounds.tokens[i + 1].end))
    return found


NAMED_SCHOOL_ENDS = ("小学", "中学", "学校", "幼儿园", "学院", "大学", "中心校")
NUMBERED_SCHOOL_RE = re.compile(r"[一二三四五六七八九十]{1,3}[中小]")  # 绍兴一中, 北京四中: a place's numbered school
KINDS_OF_PLACE = ("农村", "城镇", "乡村", "山区", "薄弱", "城市", "城区", "边远", "贫困", "偏远", "大学区", "义务教育", "阶段",
                  "普通", "中小学")
DESIGNATION_WORDS = ("特色", "特点", "示范", "现代化", "现代", "艺术教育", "足球")  # …特色学校: a designation, not a name
DESIGNATED_SCHOOLS = ("特色学校", "特色校", "示范学校", "示范校", "先进学校", "达标学校")
# A person's employer (a form's 工作单位 column, 所在单位, 父母亲工作单位), never a body of its own.
LABEL_WORDS = ("工作单位", "所在单位")
# A post held in a body (区政府副区长, 区国库集中支付中心副主任, 区教育局局长): the body is named, not modified.
POST = (r"(?:常务)?副?(?:局长|厅长|主任|镇长|乡长|区长|县长|市长|主席|理事长|秘书长|队长|所长|院长|处长|科长|部长|书记|参谋"
        r"|委员|主任科员|调研员|巡视员)|党组(?:书记|成员)|[一二三四]级(?:主任科员|调研员|巡视员)")
POST_RE = re.compile(POST)
# A member list, one person a line: 召集人：肖郭婷 区政府副区长, 韦乒 区人力资源社会保障局局长, 谢俊玮 南环街道党工委委员、
# 综合执法队副队长; the words between the name and each post are the body's whole name, whatever jieba makes of them.
MEMBER_LINE_RE = re.compile(r"[ \t\u3000]*(?:[\u4e00-\u9fff \u3000]{1,8}?[：:][ \t\u3000]*)?"
                            r"[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}[ \t\u3000]+(?P<posts>[^\n]+?)[ \t\u3000]*")
MEMBER_POST_RE = re.compile(rf"(?P<body>[\u4e00-\u9fff（）()]{{2,24}}?)(?:{POST}|(?:常务)?副?(?:校长|园长))"
                            r"(?:[（(][\u4e00-\u9fff]{1,6}[）)])?")  # (a school's head too, in a list of members)
MEMBER_BODY_ENDS = ("局", "厅", "委", "办", "中心", "政府", "联", "队", "所", "院", "会", "部", "处", "室", "站", "团", "组",
                    "办事处", "党委", "党工委", "公司", "馆", "社", "学", "校", "园")


def _member_posts(text, start, end):
    """(a, b) of the bodies in a member list's lines (成员：李凌 区教育局副局长): each line a person's name, then posts."""
    found, index = [], start
    while index < end:
        stop = text.find("\n", index, end)
        stop = end if stop < 0 else stop
        line_end = text.find("\n", stop)
        whole_line = not text[text.rfind("\n", 0, index) + 1:index].strip(" \t\u3000") \
            and not text[stop:len(text) if line_end < 0 else line_end].strip(" \t\u3000")  # (a measure may hold only part)
        line = MEMBER_LINE_RE.fullmatch(text, index, stop) if whole_line else None
        index = stop + 1
        if line is None:
            continue
        at, spans = line.start("posts"), []
        for item in line.group("posts").split("、"):
            post = MEMBER_POST_RE.fullmatch(item)
            if post is None:
                spans = []
                break  # a line of prose, not of posts
            body = post.group("body")
            if body.endswith(MEMBER_BODY_ENDS) and not body.startswith(("各", "全")):
                spans.append((at, at + len(body)))
            at += len(item) + 1
        found += spans
    return found


# A school named by two characters after its district, which jieba reads as a verb (萧山区育苗学校).
PLACE_NAMED_SCHOOL_RE = re.compile(r"([\u4e00-\u9fff]{2})(?:小学|中学|学校|幼儿园)")
NOT_SCHOOL_NAMES = ("新建", "改建", "扩建", "所属", "举办", "创建", "建设", "属地", "直属", "所有", "现有", "各类", "公办", "民办")


def _named_schools(text, tokens):
    """(a, b) of schools named after their place: 巢湖市人民路小学, 合肥市第七中学, 海南中学, 东北师范大学,
    湖北省黄冈市蕲春县赤东镇童畈小学."""
    found = []
    for i, place in enumerate(tokens):
        if place.tag != "ns" or len(place.text) < 2 or place.text.startswith(("各", "全", "本") + KINDS_OF_PLACE) \
                or i and tokens[i - 1].tag == "ns" and tokens[i - 1].end == place.start:
            continue  # (a chain of places, 湖北省黄冈市蕲春县…, starts at its first)
        for j in range(i + 1, min(len(tokens), i + 10)):
            word = tokens[j]
            if word.tag.startswith("v") and word.tag != "vn" and tokens[j - 1].tag == "ns" and word.start == tokens[j - 1].end:
                named = PLACE_NAMED_SCHOOL_RE.match(text, word.start)  # 萧山区育苗学校, 西湖区转塘小学 (jieba: 育苗 v)
                if named and not named.group(1).startswith(VERB_PREFIXES + NOT_SCHOOL_NAMES) \
                        and not any(c in STOP_CHARS + "各全本" for c in named.group(1)):
                    found.append((place.start, named.end()))
                break
            if word.tag == "x" and not word.text.isdigit() or word.start != tokens[j - 1].end \
                    or word.tag.startswith(("v", "c", "p", "u")) and word.tag != "vn" or word.text.startswith(KINDS_OF_PLACE) \
                or word.text in DESIGNATION_WORDS \
                or re.match(r"第[一二三四五六七八九十\d]{1,3}届", text[word.start:word.start + 5]):
                break  # 昌平区农村学校: a kind of school in a place, not one named
            if word.tag == "m" and re.fullmatch(r"[一二三四五六七八九十]{1,3}", word.text) and j + 1 < len(tokens) \
                    and tokens[j + 1].text in ("中", "小") and tokens[j + 1].start == word.end:
                found.append((place.start, tokens[j + 1].end))  # 铜仁市十五中 (jieba: 十五 | 中)
                break
            if word.text.endswith(NAMED_SCHOOL_ENDS) and j > i + 1 or NUMBERED_SCHOOL_RE.fullmatch(word.text):
                if not any(d in text[place.start:word.end] for d in DESIGNATED_SCHOOLS):  # 上海市科技特色学校: a title
                    found.append((place.start, word.end))
                break
    return found


# An item of a list of named schools (海南中学、文昌中学、屯昌小学, or one per line of a flattened table): the whole
# item, when it opens with a place or a proper name (jieba's ns/nr/nt/s tags) and names no kind of school.
LIST_ITEM_RE = re.compile(r"(?:(?<=[、：:\n\t \u3000])|^)[ \u3000]*(?P<item>[^\W\d_][^\W_]{1,22}?"
                          r"(?:中学|小学|学校|大学|学院|幼儿园|中心校|处|[一二三四五六七八九十]中))[ \u3000]*(?=[、。；;，,\n\t等的和及与（(]|$)", re.M)
PROPER_TAGS = ("ns", "nr", "nt", "s")
NAME_COLUMN_RE = re.compile(r"[ \u3000\t]*[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}[ \u3000\t]+")
NOT_PROPER = ("各", "全", "本", "所有", "部分", "相关", "有关", "该", "每", "其他", "县城", "乡镇", "公办", "民办")


def _listed_schools(text, start, end, bounds):
    """(a, b) of schools named as the items of a list: 海南中学、文昌中学, 琼海市嘉积中学 (jieba cuts 嘉|积)."""
    found = []
    for match in LIST_ITEM_RE.finditer(text, start, end):
        a, b = match.span("item")
        before, after = text[max(0, match.start() - 2):match.start()], text[match.end():match.end() + 1]
        verbs = [w for w in words(text, a, b) if w.tag == "v" and len(w.text) >= 2 and w.end <= b - 3]
        if verbs:
            a = verbs[-1].end  # 提前录取|铜仁一中, 往届生不能填报|铜仁一中: the clause before the first item is no part of it
        item = text[a:b]
        if after == "的" and item.endswith(tuple(SCHOOLS)):
            continue  # 县地区中小学校的美育教师: a kind of school before 的 (思南中学的统招生 names one)
        row = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
        # (a column of a flattened table after a tab, or after a person's name and spaces: 邓宝剑　北京师范大学)
        spaced = before.endswith(("\n", "\t")) or bool(NAME_COLUMN_RE.fullmatch(row))
        listed = before.endswith("、") or after == "、" or spaced and after in ("\n", "\t", "")
        first = bounds.after(a)
        if not listed or first is None or not (first.tag.startswith(PROPER_TAGS) or PLACE_RE.match(first.text)
                                               or _among_units(text, match, item)) \
                or item.startswith(NOT_PROPER + KINDS_OF_PLACE) or any(w in item for w in DESIGNATION_WORDS + DESIGNATIONS) \
                or item[len(first.text):] in SCHOOLS and PLACE_RE.match(first.text) \
                or any(c in item for c in "的要应和与及等在对由将把为是后各") or re.search(r"[区域围校市县省]内", item) \
                or any(w.text in STOP_WORDS or w.text.startswith(VERB_PREFIXES) for w in words(text, a, b)):
            continue  # 区要依托条件较好的学校, 盖章后集中报送…学院: a clause
        found.append((a, b))
    return found


# 商学院、数软学院、政公学院; 政治处、师范处、督导处: a university's colleges or a bureau's divisions listed by their
# short names, which jieba does not know.
# 铜仁一中、思南中学: schools, one named by its place's number.
UNIT_ITEM_RE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:学院|处|中学|小学|[一二三四五六七八九十]中)")
UNIT_KIND_RE = re.compile(r"(?:(?P<college>学院)|(?P<division>处)|(?P<school>中学|小学|[一二三四五六七八九十]中))$")


def _unit_kind(item):
    """学院, 处 or school: the kind of unit a list item ends in, or None."""
    kind = UNIT_KIND_RE.search(item)
    return kind.lastgroup if kind else None


def _among_units(text, match, item):
    """Whether a short item ending in 学院, 处 or a school word stands in a 、 list next to another of its kind."""
    kind = _unit_kind(item)
    if kind is None or len(item) > 8 or len(item) < 3:
        return False
    window = text[max(0, match.start() - 10):match.start()]
    before = re.search(r"(?:^|[、，,：:\n])([\u4e00-\u9fff]{1,8})、[ \u3000]*$", window)
    after = UNIT_ITEM_RE.match(text, match.end() + 1) if text[match.end():match.end() + 1] == "、" else None
    return bool(before and _unit_kind(before.group(1)) == kind or after and _unit_kind(after.group()) == kind)


# Universities and colleges jieba knows by name (中国人民大学, 青岛大学, 中央美术学院): one word it tags nt.
INSTITUTION_ENDS = ("大学", "学院")
# Without a place before it, a field and 大学/学院 (音乐学院, 理工大学) names a kind of college, not one.
FIELDS_OF_STUDY = ("音乐", "美术", "体育", "师范", "理工", "财经", "医科", "农业", "工业", "科技", "艺术", "外语", "外国语",
                   "海洋", "文理", "戏剧", "舞蹈", "电影", "商", "政法", "交通", "石油", "林业", "中医", "工商", "职业", "技术")


def _institutions(tokens):
    """(a, b) of each; a place right before one opens its name (桂林 | 理工大学, 沈阳 | 音乐学院)."""
    found = []
    for i, word in enumerate(tokens):
        if word.tag == "nt" and word.text.endswith(INSTITUTION_ENDS) and len(word.text) >= 4:
            place = tokens[i - 1] if i else None
            opened = place is not None and place.tag in ("ns", "nr") and len(place.text) >= 2 and place.end == word.start \
                and not place.text.startswith(("各", "全"))
            if opened or word.text[:-2] not in FIELDS_OF_STUDY:  # (音乐学院乐器展示: a kind of college)
                found.append((place.start if opened else word.start, word.end))
    return found


# 安全处进一步加强…, 4.医务室每天安排…, 校医务室、安全处组织…: a school's or a bureau's division opening a clause as
# the one who acts (most are named alike nowhere else: 住管处, 教科室); rooms are places, not bodies.
OFFICE_SUBJECT_RE = re.compile(r"(?:(?<=[\n、，,。；;：:）)])|^)[ \t\u3000]*(?:[0-9０-９]{1,2}\s*[.．、]\s*)?"
                               r"(?P<name>校?[\u4e00-\u9fff]{2,3}?(?:处|室))"
                               r"(?=(?<=处)、|要|负责|做好|进一步|落实|组织|牵头|配合|及时|每天|每日|按|应|将|对|会同|统筹|协助)")
ROOMS = ("实验室", "会议室", "阅览室", "活动室", "休息室", "功能室", "专用室", "录播室", "储藏室", "值班室", "配电室", "教室",
         "图书室", "广播室", "档案室", "资料室", "隔离室", "观察室", "寝室", "浴室", "画室", "琴室", "机房室")
# Bodies that are rooms too: 医务室内 (inside it) is the place.
ROOM_BODIES = ("医务室", "校医务室", "办公室")


def _school_offices(text, start, end):
    found = []
    for match in OFFICE_SUBJECT_RE.finditer(text, start, end):
        name = match.group("name")
        if not name.endswith(ROOMS) and not any(c in name for c in "之各此到何的和与及在对由如") and match.end("name") <= end:
            found.append(match.span("name"))
    return found


def _offices(text, tokens, start):
    """(a, b) of place + office names: 省教育厅, 市教育局, 省人力资源社会保障厅, 省编委办, 威海市教育局."""
    found = []
    for i, first in enumerate(tokens):
        if not PLACE_RE.match(first.text) or first.text in ("区市", "县市区", "市区", "县区") \
                or first.text.startswith(("各", "全")):
            continue
        for j in range(i + 1, min(len(tokens), i + 8)):
            word = tokens[j]
            if j >= i + 6 and not any(t.text == "和" for t in tokens[i + 1:j]):
                break
            if word.text == "和" and j > i + 1 and not OFFICE_WORD_RE.search(tokens[j - 1].text) \
                    and not tokens[j - 1].text.endswith(HEADS + FIXED):
                continue  # 省文化和旅游厅, 省自然资源和规划厅, 市教育和体育局: one department
            if word.tag == "x" or word.text in STOP_WORDS:
                break
            if word.text[:1] in "厅局委办" and POST_RE.fullmatch(word.text, 1):
                found.append((first.start, word.start + 1))  # 区人力资源社会保障局局长 (jieba: 局局长)
                break
            if OFFICE_WORD_RE.search(word.text) and (word.tag != "v" or word.text == "办") \
                    and word.text not in OFFICE_VERBS and not text.startswith("际", word.end):  # 厅际联席会议
                following = tokens[j + 1] if j + 1 < len(tokens) else None
                last = following if following is not None and following.text in ("办", "会", "办公室") else word
                found.append((first.start, last.end))
                break
    return found


# Who learns: before them 学会 is the verb "learn to", not a learned society.
LEARNERS = ("同学", "学生", "幼儿", "儿童", "孩子", "青少年", "学员", "教师", "家长", "人人")


# A division named after its body (省教育厅体卫艺处, 教育部体育卫生与艺术教育司, 协会秘书处): one name. Its words
# hold no verb or function word (市教育局要妥善处置 is not one), and 处 does not open a word (处理, 处室).
SUBUNIT_RE = re.compile(r"[^\W\d要应由对在将把会负责等的同是为及、，]{1,14}?(?:处|司)(?![理置于分罚境室长事])")
# What a ministry runs, named right after it: its own institutions (直属高校) and committees (艺术教育委员会).
MINISTRY_UNIT_RE = re.compile(r"(?:直属|部属)(?:高等学校|高校|师范大学|大学|院校|学校|单位)|[\u4e00-\u9fff]{2,12}?委员会")
SUBUNIT_AFTER = ("厅", "局", "委", "教委", "部", "协会", "学会", "司", "委员会")


def _with_subunit(text, b, end):
    """Where a name ending at b ends once the division written right after it is included (教育部体育卫生与艺术教育司),
    or what a ministry runs (教育部直属高校, 教育部艺术教育委员会)."""
    match = SUBUNIT_RE.match(text, b, end)
    while match and text[:b].endswith(SUBUNIT_AFTER):  # 教育部体育卫生与艺术教育司艺术与国防教育处
        b = match.end()
        match = SUBUNIT_RE.match(text, b, end)
    run = MINISTRY_UNIT_RE.match(text, b, end) if text[:b].endswith("部") else None
    return run.end() if run else b


def _name(text, start, a, b, head, bounds):
    """The whole name ending with the organisation word at text[a:b], or "" when it names nobody."""
    grown = [] if head in FIXED else _grow(bounds, a, head)
    name_start = grown[0].start if grown else a
    before = text[max(start, name_start - 8):name_start]
    level = LEVEL_RE.search(before)
    if level and not before[:level.start()].endswith("各"):
        name_start -= len(level.group())
    elif not grown and head in BARE_NOBODY and not _refers_back(text, name_start, b, head):
        return name_start, ""  # 各部门, 等部门: which departments is not said
    after_each = name_start + 1 if text[name_start:name_start + 1] == "各" else name_start  # jieba: 各县区 | 政府
    if text[after_each - 1:after_each] == "各" and JURISDICTION_WORDS_RE.match(text[after_each:b]):
        stripped = JURISDICTION_WORDS_RE.sub("", text[after_each:b])
        if stripped in HEADS or stripped in FIXED or len(stripped) >= 4:
            name_start = b - len(stripped)
    joined = re.search(r"(各?)([县市区旗]{1,2})$", text[max(start, name_start - 3):name_start])
    if joined and text[name_start:name_start + 1] in "区市县旗":
        if joined.group(1):  # 各区县政府 (jieba: 各区 | 县政府): all of them, a generic 政府
            stripped = JURISDICTION_WORDS_RE.sub("", text[name_start:b])
            if stripped in HEADS or stripped in FIXED or len(stripped) >= 4:
                name_start = b - len(stripped)
        else:
            name_start -= len(joined.group(2))  # 由县区政府牵头: jieba cut 县 | 区政府
    # 各区（市）县政府, 县（市）区教育部门: a level with its bracketed alternatives opens the name.
    bracketed = re.search(r"[省市县区旗州盟][（(][省市县区旗州盟、]{1,6}[）)]$", text[max(start, name_start - 8):name_start])
    if bracketed and (text[name_start:name_start + 1] in "市县区旗" or text.startswith(("人民政府", "政府"), name_start)):
        name_start -= len(bracketed.group())
    if text[name_start:name_start + 1] == "级" and text[name_start - 1:name_start] in "省市县区":
        name_start -= 1  # 各省级教育行政部门 (jieba: 各省 | 级): the level is whole
    name = _clean(text[name_start:b])
    if name in BARE_NOBODY and name != text[name_start:b]:
        return name_start, ""  # 同级部门, 各级机构: which ones is not said
    return b - len(name), name


def _names_a_meeting(text, start, a, b):
    """Whether 联席会议 at text[a:b] names a meeting: not a school's 党政联席会议 (FIXED, named whole), a system
    (建立联席会议制度) or a sitting (联席会议召开之前); its members or work (联席会议成员) are the meeting's own, and
    建立…联席会议制度（以下简称联席会议） names the meeting it sets up."""
    if re.search("党政工?$", text[max(start, a - 3):a]):
        return False
    return not text.startswith(("制度", "机制", "召开"), b) or bool(re.match(r"(?:制度|机制)[（(]以下简称联席会议", text[b:b + 13]))


# Once a plan has named its group (…工作领导小组), the bare word refers back to it (领导小组下设办公室, 由领导小组
# 责成…); so does the office set up under it (下设办公室, 办公室设在…).
ANAPHORIC_HEADS = ("领导小组", "工作小组", "工作专班")


NAMED_GROUP_RE = {head: re.compile(rf"[\u4e00-\u9fff”]{head}") for head in ANAPHORIC_HEADS}  # …工作领导小组 before


def _refers_back(text, a, b, head):
    """Whether the bare head at text[a:b] means a group or office the plan has named or set up before."""
    if head in ANAPHORIC_HEADS:
        return text[a - 1:a] not in ("各", "等", "个") and NAMED_GROUP_RE[head].search(text, 0, a) is not None \
            and not text.endswith(("成立", "组建", "设立"), 0, a)
    return head == "办公室" and (text.endswith("下设", 0, a) or text.startswith(("设在", "负责"), b))


def find_bodies(text, start, end, skip):
    """[Body] in text[start:end], outside the `skip` ranges (cited titles, quotes)."""
    taken = []

    def free(a, b):
        return not any(a < y and x < b for x, y in taken) and not any(
            a <= y and x < b for x, y in skip if y is not None)

    found = _listed(text, start, end, free)
    taken += [(body.start, body.end) for body in found]
    taken += [m.span("label") for m in ROLE_LABEL_RE.finditer(text, start, end)]
    tokens = words(text, start, end)
    bounds = Boundaries(tokens)
    names = [(a, b, _clean(text[a:b])) for a, b in _offices(text, tokens, start) + _departments(text, start, end, bounds)
             + _named_schools(text, tokens) + _listed_schools(text, start, end, bounds) + _institutions(tokens)
             + _school_offices(text, start, end) + _member_posts(text, start, end)]
    for a, b, head in _candidates(text, start, end, bounds):
        if head in COMPOUNDING and not (text[a - 1:a] == "对" and text.startswith(EVALUATED, b)) \
                and not (head not in SCHOOLS and POST_RE.match(text, b)) \
                and (_modifies(bounds.after(b)) or _coordinated_modifier(text, b, end, bounds)):
            continue  # 学校美育, 中心城区, 幼儿园招生, 高校和中小学校美育课程: the word modifies a noun
        if head in SCHOOLS and text[b:b + 1] in "）)" and re.search(r"[（(][^（()）]{0,8}$", text[max(start, a - 9):a + 1]) \
                and _modifies(bounds.after(b + 1)):
            continue  # 普通中小学（幼儿园）教师: the bracketed alternative modifies the noun too
        if PRIZE_AFTER_RE.match(text, b) or head == "团体" and TEAM_EVENT_AFTER_RE.match(text, b):
            continue  # 参评单位团体奖, 学校优秀组织奖: a prize named after who wins it; 运动会团体项目: a team event
        if (head in VENUES or head in ROOM_BODIES) and re.match(r"内(?![容涵])", text[b:b + 2]):
            continue  # 医务室内感染预防: a place
        if head == "机构" and text.startswith(("认定", "审批", "年检", "布局"), b):
            continue  # 学前教育机构认定, 学前教育机构布局规划: a procedure or a plan on the institutions
        if head == "开发区" and re.search(r"(?:区县|县区|县市|市县|旗县)、$", text[max(start, a - 3):a]):
            continue  # 各区县、开发区要…: listed with places, a place too (各区市、开发区: 区市 are bodies, and so is it)
        if head == "联席会议" and not _names_a_meeting(text, start, a, b):
            continue
        if head == "教代会" and text.startswith("代表", b):
            continue  # 教代会代表: its delegates, people
        if text[max(start, a - 2):a] == "星级":
            continue  # 五星级党支部: a rating, a designation
        if head == "中心" and text[a - 1:a] in "市县城镇":
            continue  # 越城区地处绍兴市中心: the centre of a town, a place
        if head in SCHOOLS and text.startswith(("校内", "校外"), b):
            continue  # 学校校内美育工作: the school's own work
        if head == "学会" and text[max(start, a - 3):a].endswith(LEARNERS):
            continue  # 培养同学学会尊重老师, 让学生学会欣赏: the verb 学会 (learn to), not a society
        if re.match(r"\s*[0-9０-９]", text[b:b + 2]) and not ROOM_AFTER_RE.match(text, b) \
                and not re.match(r"\s*(?:19|20)[0-9]{2}年(?![0-9]{1,2}月[0-9]{1,2}日)", text[b:b + 12]) or _in_level_list(text, b, end):
            continue  # 新建幼儿园2所: counted, not an actor (…活动中心609室 is a room there; 教育部2020年颁布: a date after the
            # actor); 学校、区市、市三级: levels
        if head in STAGE_SCHOOLS and not _subject(text, a, b, end, bounds):
            continue  # 普通高中多元特色发展, 中小学美育: the stage
        if re.search(r"[0-9０-９一二三四五六七八九十百千]\s*[所个家]$", text[max(start, a - 4):a]) \
                or text.startswith("令第", b):
            continue  # 创建200所中小学校为…: counted; 教育部令第39号: a decree's number
        if (head in SCHOOLS or head in ("院校", "职教集团", "教育集团")) and (_designation(bounds, a) or text.startswith("式", b)) or text[a - 1:a] == "型":
            continue  # 美育特色学校, “图书馆式”学校, 产教融合型企业: a designation
        name_start, name = _name(text, start, a, b, head, bounds)
        if re.search(r"“[^“”]{1,6}”$", text[max(start, name_start - 8):name_start]):
            continue  # “五好”基层党组织, “美育特色”学校: a short quoted title makes a kind or an honour, not a body
        names.append((name_start, b, name))
    names = [(a, stop, name + text[b:stop]) for a, b, name in names if name
             for stop in [_with_subunit(text, b, end)]]
    # The longest name wins where names overlap (区市服务支队 over 区市, 区市政府 over 市政府).
    for a, b, name in sorted(names, key=lambda n: (n[0] - n[1], n[0])):
        if not name or not free(a, b) or CLUBS_RE.match(name) or name.endswith(INTERNAL_UNITS + LABEL_WORDS) \
                or name in ROLE_NAMES \
                or name in ORGANISER_WORDS and re.match(r"[ \t\u3000]*(?:[：:]|\n|$)", text[b:b + 3]):
            continue
        joint = JOINT_RE.fullmatch(name)
        parts = [(a, a + joint.end("committee")), (a + joint.end("committee"), b)] if joint and name == text[a:b] else [(a, b)]
        for x, y in parts:  # 市委市政府: the Party committee and the government, two bodies
            body = Body(x, y, text[x:y] if len(parts) > 1 else name, _is_generic(text[x:y], words(text, x, y)))
            body.new = text[max(start, x - 2):x] in NEW_BEFORE
            body.role = _inline_role(text, start, end, body)
            found.append(body)
        taken.append((a, b))
    return sorted(found, key=lambda body: body.start)


JOINT_RE = re.compile(r"(?P<committee>[省市县区]委)[省市县区](?:人民)?政府")
# What may stand between a listed body and the word that assigns its role: the rest of the list
# (文联和共青团组织等部门分工负责).
# 负责人, 负责制, 负责同志: a person or a system, not a role given.
NOT_A_ROLE_AFTER = ("人", "制(?![定订])", "同志")  # (负责制定…: a duty)
NOT_A_ROLE_RE = re.compile(f"(?:{'|'.join(NOT_A_ROLE_AFTER)})")
LIST_TAIL_RE = re.compile(r"(?:[、和及与][^\W要应须由将在对把的]{1,10}?)*?(?:等(?:有关|相关)?(?:部门|单位))?"
                          rf"(?=分工负责|负责(?!{'|'.join(NOT_A_ROLE_AFTER)})|牵头(?!单位|部门)|配合(?!单位|部门))")


# A body named as the unit of a role: …为牵头单位, …为该职位选派的责任单位, …是…的责任主体 (the rest of a list may stand
# between the name and 为).
UNIT_ROLES = {"牵头单位": "lead", "责任单位": "responsible", "责任主体": "responsible", "主责单位": "responsible",
              "配合单位": "supporting", "协办单位": "supporting"}
ROLE_NAMES = set(UNIT_ROLES) | {"牵头部门", "责任部门", "配合部门"}  # words for a role, no body's name
UNIT_ROLE_RE = re.compile(r"(?:[、和及][^\W为是]{1,14}?)*(?:为|是)[^，,。；;：:]{0,20}?(?P<unit>"
                          + "|".join(UNIT_ROLES) + ")")
GROUP_HEADS = ("领导小组", "工作小组", "工作组", "委员会", "工作专班", "办公室")
PRIZE_AFTER_RE = re.compile(r"(?:优秀)?(?:团体|组织|集体)奖")
TEAM_EVENT_AFTER_RE = re.compile(r"(?:项目|赛|冠军|亚军|季军|总分|第[一二三四五六七八九十\d])")
# A bracket holding only names and the word that assigns them: （市教育局，市人社局，各县区政府负责）.
BRACKETED_LIST_RE = re.compile(r"[（(](?P<names>[^（()）。；;！？\n]{2,80}?)(?P<role>分工负责|负责|牵头)[）)]")


def _bracketed_role(text, body):
    """The role a bracket of names ending in 负责/牵头 gives every name in it, or None."""
    opening = text.rfind("（", max(0, body.start - 60), body.start + 1)
    opening = max(opening, text.rfind("(", max(0, body.start - 60), body.start + 1))
    match = BRACKETED_LIST_RE.match(text, opening) if opening >= 0 else None
    if match and match.end("names") >= body.end and re.fullmatch(r"[^，,、]{2,20}(?:[，,、][^，,、]{2,20})*",
                                                                   match.group("names")):
        return dict(INLINE_ROLES)[match.group("role")]
    return None


def _inline_role(text, start, end, body):
    """由市教育局负责 / 市教育局牵头，市财政局配合: the word right after the name assigns the role; so does a
    bracket of names ending in 负责 (（市教育局，各县区政府负责）)."""
    bracketed = _bracketed_role(text, body)
    if bracketed:
        return bracketed
    # （一）市教育局基教处：牵头负责统筹…, 各镇政府、街道办事处：负责…: bodies labelling their paragraph of duties.
    duties = _duty_label_end(text, body, end)
    tail = LIST_TAIL_RE.match(text, duties or body.end, end)
    after_start = tail.end() if tail else duties or body.end
    adverb = re.match(r"(?:全面|具体|主要|统一|共同|分别|各自)(?=负责|牵头)", text[after_start:after_start + 4])
    after_start += len(adverb.group()) if adverb else 0  # 校党支部全面负责本校…: the body takes the duty
    after = text[after_start:min(end, after_start + 4)]
    for word, role in INLINE_ROLES:
        if after.startswith(word) and not NOT_A_ROLE_RE.match(text, after_start + len(word)):
            return role
    named_unit = UNIT_ROLE_RE.match(text, body.end, end)
    if named_unit:  # 市建设局为该职位选派的责任单位, 省教育厅、省文旅厅为牵头单位, 学校是…的责任主体
        return UNIT_ROLES[named_unit.group("unit")]
    if text[max(start, body.start - 2):body.start] in NEW_BEFORE and _duty_of_new_body(text, body.end, end):
        return "responsible"  # 大赛设立专家委员会，由…组成，负责项目评审: a body set up in a sentence that gives it a duty
    if body.name.endswith(GROUP_HEADS) and re.match(r"[，,]\s*(?:全面|具体|统一)?负责(?!人|制|同志)", text[body.end:end]):
        return "responsible"  # 成立…选拔工作领导小组，全面负责本次选拔工作: the group set up for the duty
    opens = body.start == start or text[body.start - 1] in "。；;\n \u3000"
    if opens and re.match(r"(?:要|应|须|必须)", text[body.end:body.end + 2]) \
            and re.search(r"[，,]\s*负责(?!人)", text[body.end:end].split("。")[0]):
        return "responsible"  # 教育行政部门要履行好…职责，负责…统筹规划: the subject takes the duty
    if text[max(start, body.start - 1):body.start] == "由":
        clause = re.sub(r"(?:牵头|配合|负责|责任)(?:单位|部门)", "", re.split(r"[，,。；;]", text[body.end:end], maxsplit=1)[0])
        if re.search(r"组成|构成|共同组建", clause):
            return "mentioned"  # 由市委组织部和各牵头单位组成考察组: who a group is made of, not who acts
        for word, role in INLINE_ROLES:
            if word in clause and word + "同志" not in clause:  # 由…主要负责同志担任: a person of the body
                return role
        if re.search(r"组织实施|承担|统筹", clause):
            return "responsible"
    return "mentioned"


DUTY_LINE_OPENING_RE = re.compile(r"[ \t\u3000]*(?:[（(][一二三四五六七八九十\d]{1,2}[）)]|[一二三四五六七八九十\d]{1,2}[.．、])?"
                                  r"[ \t\u3000]*各?(?:[^\n：:。，,；;、]{2,20}、各?)*")
DUTY_LINE_REST_RE = re.compile(r"(?:、各?[^\n：:。，,；;、]{2,20}?)*[：:]")


def _duty_label_end(text, body, end):
    """Where the duties start when the body, alone or in a list, opens its line before a colon, or None."""
    line_start = text.rfind("\n", 0, body.start) + 1
    if not DUTY_LINE_OPENING_RE.fullmatch(text, line_start, body.start):
        return None
    rest = DUTY_LINE_REST_RE.match(text, body.end, end)
    return rest.end() if rest else None


def _duty_of_new_body(text, b, end):
    """Whether the clauses after a body just set up give it a duty: …，负责… right after it, or after clauses saying
    who it is made of (，由…组成，负责…); not after a clause with another verb (要成立…小组，制定…，负责…: the duty is
    the subject's, who sets the group up)."""
    clauses = re.split(r"[，,]", re.split(r"[。；;]", text[b:end], maxsplit=1)[0])
    for clause in clauses[1:]:
        clause = clause.strip()
        if re.match(r"(?:全面|具体|统一|主要)?负责(?!人|制|同志)", clause):
            return True
        if not clause.startswith("由"):
            return False
    return False


# “省中学高级（小中高）资格评审委员会”负责评审…: a committee's name in quotation marks is a body all the same.
QUOTED_BODY_RE = re.compile(r"[\u4e00-\u9fff（）()]{3,40}?(?:委员会|评委会|小组|协会|学会|研究会|联合会|基金会|中心|办公室)")


# 绍兴市“名师名校长工程”领导小组, 市教育局“基础教育精品课”工作领导小组: a group named after the quoted programme it
# runs; its name holds the quotation (and a place right before it: 市“…”领导小组, 校“…”工作领导小组).
QUOTED_GROUP_AFTER_RE = re.compile(r"(?:工作)?领导小组|工作小组|工作专班|组委会|组织委员会|评委会|工作组|专家组|指导小组")


def quoted_bodies(text, start, end, quotes):
    """[Body] named whole inside the quotation marks at `quotes` ((open, close) offsets), or named after the
    quotation they follow (“…”工作领导小组)."""
    found = []
    for opening, closing in quotes:
        a, b = opening + 1, closing
        if not (start <= opening and closing < end):
            continue
        if QUOTED_BODY_RE.fullmatch(text, a, b):
            name = _clean(text[a:b])
            body = Body(a, b, name, _is_generic(name, words(text, a, b)))
            body.role = _inline_role(text, start, end, Body(a, b + 1, name, body.generic))  # (after the closing mark)
            found.append(body)
        elif (group := QUOTED_GROUP_AFTER_RE.match(text, closing + 1, end)):
            place = (words(text, max(start, opening - 8), opening) or [None])[-1]
            place = place if place and place.end == opening and (PLACE_RE.match(place.text) or place.text == "校") \
                else None
            a, b = place.start if place else opening, group.end()
            body = Body(a, b, text[a:b], not (place and PROPER_PLACE_RE.match(place.text)))
            body.role = _inline_role(text, start, end, body)
            found.append(body)
    return found


# 上海市复兴高级中学 → 复兴高级中学: an issuer's name without its place, as the document calls itself.
PLACE_PREFIX_RE = re.compile(r"^(?:[\u4e00-\u9fff]{1,7}?(?:省|自治区|市|县|区))+")
ISSUER_ENDS = ("中学", "小学", "学校", "幼儿园", "大学", "学院", "中心", "委员会", "院", "办公室")


def issuer_forms(issuers):
    """The names a document may call its own issuers by: the full name and, for a school or a centre, the name
    without its place (复兴高级中学); a bureau's (市教育局) the rules find already, and a short form of one is
    as often another bureau's."""
    forms = set()
    for issuer in issuers:
        issuer = issuer.strip()
        if not issuer.endswith(ISSUER_ENDS) or len(issuer) < 4:
            continue
        forms.add(issuer)
        short = PLACE_PREFIX_RE.sub("", issuer)
        if short != issuer and len(short) >= 4 and not short.startswith(("第", "中心", "实验")):
            forms.add(short)
        numbered = re.fullmatch(r"(?P<place>.*?)(?:[省市县区])?第(?P<n>[一二三四五六七八九十百]{2,4})(?P<kind>中|小)学", issuer)
        if numbered:  # 合肥市第四十六中学 → 合肥四十六中, 四十六中, 46中 (a place's numbered school by its short names)
            n, kind = numbered.group("n"), numbered.group("kind")
            place = PLACE_PREFIX_RE.sub("", numbered.group("place")) or re.sub(r"[省市县区]$", "", numbered.group("place"))
            forms |= {f"{n}{kind}", f"{parse_chinese_number(n)}{kind}"} | ({f"{place}{n}{kind}"} if place else set())
    return sorted(forms, key=len, reverse=True)


def with_issuer_mentions(text, start, end, bodies, forms, taken):
    """`bodies` with each mention of the document's own issuer (forms from issuer_forms) in text[start:end] added,
    outside the `taken` spans (cited titles, programmes); a body found inside a mention (中学 in 复兴高级中学)
    gives way to it. A school's plan names the school that makes it (复兴高级中学作为上海的一所名校), though no
    rule reads a name such as 复兴 (a verb to jieba) as a school's."""
    bodies = list(bodies)
    for form in forms:
        index = text.find(form, start, end)
        while index >= 0:
            b = index + len(form)
            inside = [body for body in bodies if index <= body.start and body.end <= b]
            if not any(index < y and x < b for x, y in taken) and not any(
                    index < body.end and body.start < b for body in bodies if body not in inside):
                body = Body(index, b, form, False)
                body.role = _inline_role(text, start, end, body)
                bodies = [other for other in bodies if other not in inside] + [body]
            index = text.find(form, b, end)
    return sorted(bodies, key=lambda body: body.start)

