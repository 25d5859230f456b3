"""Cited policy documents: titles in 《》, document numbers (文号), and documents the plan will issue.

A 《 that never closes gives a truncated citation, flagged, cut at the first document-type word or
the first punctuation: it never runs past its sentence.
"""

import re
from dataclasses import dataclass

from edugraph.structure.metadata import DOC_NUMBER_RE, find_document_numbers, normalise_document_number
from edugraph.semantics.spans import title_spans

DOC_TYPE_WORDS = ("实施意见", "指导意见", "意见", "实施方案", "工作方案", "方案", "规划", "计划", "纲要",
                  "办法", "细则", "规定", "条例", "通知", "决定", "指南", "标准", "清单", "要点", "读本",
                  "规程", "守则", "预案", "法", "政策", "文件", "时间表", "路线图", "教材", "指标", "规章", "章程",
                  "基本规范", "公约", "目录", "大纲")
# The document words of more than one character, as a regex alternation (法 alone is in too many words).
NAMED_DOC_WORDS = "|".join(w for w in DOC_TYPE_WORDS if len(w) > 1)
# Verbs saying the body will produce the document rather than cite an existing one.
# 合理设计…考核办法 and 研究建立…质量标准 draft a document too (设计 alone is as often part of a noun: 作业设计).
ISSUE_VERBS = ("研究制定", "研究制订", "研究出台", "制定出台", "制定印发", "调整完善", "修订完善", "修改完善", "进一步完善",
               "制定和完善", "制订和完善", "制定并完善", "合理设计", "研究设计", "研究建立", "制定实施", "健全",
               "制定", "制订", "研制", "出台", "印发", "修订", "编制", "起草", "修改", "编写", "完善")
CHAINED = r"(?:(?:并|和|、|与)(?:公开)?(?:(?:启动)?(?:实施|印发|出台|发布|落实|执行)))?"
ISSUE_BEFORE_RE = re.compile(rf"(?:{'|'.join(ISSUE_VERBS)}){CHAINED}(?:我市|我省|我区|本市|本省)?$")  # 制定我市《…》
# 发布 and 形成 name a document to come only without 《》 (发布年度报告, 形成…实施方案); 发布《…》 is as often an existing one.
# 时间表 and 路线图 are documents on their own (制定时间表、路线图); 出 after the verb is its complement (制定出…).
UNBRACKETED_RE = re.compile(
    rf"(?:{'|'.join(ISSUE_VERBS + ('发布', '形成'))})[出好]?{CHAINED}"
    rf"(?P<title>时间表|路线图|[^，,。；;：:、《》\s]{{2,40}}?(?:{NAMED_DOC_WORDS}|报告))"
    r"(?!化|(?:(?![和及与])[\u4e00-\u9fff]){0,2}(?:制度|机制|体系))")  # 设施设备标准化, …标准体系: not a 标准 (章程和制度 is)
# A document described before its name: 制定应对突发事件的处置预案, 研究制订…管理办法的实施细则.
DESCRIBED_RE = re.compile(
    rf"(?:{'|'.join(ISSUE_VERBS)})[^，,。；;：:《》]{{1,40}}?的"
    rf"(?P<title>[^，,。；;：:、《》的\s]{{2,12}}?(?:{NAMED_DOC_WORDS}))"
    r"(?=[，,。；;、）)]|$)")
# Rules drawn up as a document: 制定美育教学及实践活动安全管理制度 (建立/健全…制度 builds a mechanism instead).
RULES_RE = re.compile(r"(?:制定|制订)(?P<title>[^，,。；;：:、《》\s]{2,30}?(?:管理|安全|考核|评价|工作)制度)(?=[，,。；;、）)]|$)")
# A plan worked out in detail: 细化工作方案, 研究细化昌平区实施方案 (细化…指标 refines criteria, no document).
REFINED_RE = re.compile(r"细化(?P<title>[^，,。；;：:、《》\s]{2,30}?方案)(?=[，,。；;、）)]|$)")
# A document the text says will follow separately: 具体通知另发, 报名办法将在5月另行通知, 与会者名单另文通知, 考核办法另定.
LATER_TYPE_WORDS = tuple(w for w in DOC_TYPE_WORDS if len(w) > 1) + ("名单", "安排")
ANNOUNCED_LATER_RE = re.compile(
    rf"(?P<title>[^，,。；;：:、《》（()）\s]{{0,20}}?(?:{'|'.join(LATER_TYPE_WORDS)}))(?:将|会)?(?:于|在[^，,。；;]{{1,20}}?)?"
    r"(?:另行|另文|另)(?:通知|下发|印发|发布|公布|制定|发|定)(?![\u4e00-\u9fff])")
# A document and who will draft it: 具体发放细则由教学处负责制定, 实施细则由教学处另行制定.
DRAFTED_BY_RE = re.compile(
    rf"(?P<title>[^，,。；;：:、《》（()）\s]{{0,16}}?(?:{NAMED_DOC_WORDS}))由"
    r"[^，,。；;]{1,16}?(?:负责|另行|另)?(?:研究制定|制定|制订|起草|出台)(?![\u4e00-\u9fff])")
# A verb that names who or what works on documents (编写单位, 编写人员不能…, 编写出版, 编写和选用, 修订后的): no document
# drafted; nor is a clause that runs on to a document word (编写单位在教材使用过程中, …单位违反教材审核规定).
NOT_A_TITLE_START = ("单位", "人员", "团队", "队伍", "者", "出版", "使用", "选用", "完善", "后", "和", "及", "与", "或")
CLAUSE_IN_TITLE_RE = re.compile(r"[\u4e00-\u9fff](?:在|按|违反|违规|不能|不符合|不得)")
# Policies named by no more than a generic word (制定相关政策措施, 制定相应的政策和措施): which policy is not said, and
# labellers leave them out (5 of 6 in the labelled files; 制定…招生政策 names one).
GENERIC_POLICY_RE = re.compile(r"(?:相关|相应|有关|配套|相关配套|具体)?政策")
# 形成…报告, 形成…意见: a report or an opinion reached in a procedure (形成评估报告, 形成书面审核意见), not a document
# the body issues; an annual report is one (形成…年度报告).
FORMED_NOT_ISSUED_RE = re.compile(r"(?<!年度)(?:报告|意见)$")
# A document word may be the first of a longer name (编制教材编写大纲, 制定管理办法实施细则): the name runs on.
LONGER_TITLE_RE = re.compile(
    rf"[^，,。；;：:、《》（()）\s和及与]{{0,8}}?(?:{NAMED_DOC_WORDS})(?=[，,。；;、）)和及]|$)")
# Another document listed right after a planned one: 制订管理办法和评价标准.
COORDINATED_RE = re.compile(
    rf"(?:和|及|、)(?P<title>时间表|路线图|[^，,。；;：:、《》\s和及]{{2,12}}?(?:{NAMED_DOC_WORDS}))"
    r"(?=[，,。；;、）)和及]|$)")
# A 《…》 the plan carries out whose name ends in a programme word is a programme, not a document.
PROGRAMME_TITLE_RE = re.compile(r"(?:项目|工程|行动|活动)$")
RUN_BEFORE_RE = re.compile(r"(?:实施|启动|开展|推进)$")
PERIOD_AFTER_RE = re.compile(r"\s*[（(][^（()）]*[0-9０-９]{4}[^（()）]*[）)]$")  # …计划（2015-2020年）
DEICTIC = ("以下", "如下", "本", "落实本", "贯彻本", "上述", "此")
TRUNCATE_AT = "，,。；;：:！？"
BASIS_RE = re.compile(r"贯彻|落实|根据|按照|依据|遵照|执行")
NUMBER_AFTER_RE = re.compile(r"\s*[（(]\s*(?P<number>[^（()）]{4,30}?号)\s*[）)]")
# 现将《X》（文号）转发给你们: a forwarding notice carries X out.
FORWARDED_RE = re.compile(rf"(?:{NUMBER_AFTER_RE.pattern})?\s*转发")


@dataclass
class Citation:
    start: int
    end: int
    printed: str         # the title as printed (or the number, for a number-only citation)
    number: str          # normalised 文号, or ""
    relation: str        # cites | plansToIssue
    truncated: bool = False
    basis: bool = False  # cited as what this text carries out: 为贯彻落实《…》, 根据《…》和《…》


def _issue_relation(text, start, before_index):
    before = text[max(start, before_index - 10):before_index]
    if re.search(r"关于(?:印发|转发|修订|颁发)$", text[max(0, before_index - 6):before_index]):  # (a heading may end at 关于)
        return "cites"  # 关于印发《…办法》的通知: a notice's title names the document it issued, not one to come
    return "plansToIssue" if ISSUE_BEFORE_RE.search(before) else "cites"


def _truncated_title(text, open_index, end):
    stop = open_index + 1
    while stop < end and text[stop] not in TRUNCATE_AT and stop - open_index <= 40:
        stop += 1
    printed = text[open_index + 1:stop]
    cut = min((printed.find(w) + len(w) for w in DOC_TYPE_WORDS if w in printed and len(w) > 1),
              default=len(printed))
    return printed[:cut], stop


def is_programme_title(text, start, open_index, close_index):
    """实施《促进…质量提升项目》: a programme carried out, named in title brackets."""
    return bool(PROGRAMME_TITLE_RE.search(text[open_index + 1:close_index])
                and RUN_BEFORE_RE.search(text[max(start, open_index - 4):open_index]))


def is_plan_title(text, open_index, close_index):
    """《乡村教师支持计划（2015-2020年）》: a published plan that is also the programme it sets up (kinds of
    plan, 《学校美育工作计划》, are left out where programme names are: initiatives.GENERIC_NAMES)."""
    return PERIOD_AFTER_RE.sub("", text[open_index + 1:close_index]).endswith("计划")


IMPROVED_RE = re.compile(r"(?:制定|制订|进一步)?完善")


def _improves_a_policy(text, verb_start, title):
    """完善…政策, 进一步完善…政策, 制定完善…政策: a policy that exists is improved (修订完善招生政策 revises one)."""
    return title.endswith("政策") and IMPROVED_RE.match(text, verb_start) is not None


def _add_listed_after(text, b, end, found, covered):
    """Add to found (and covered) each planned document listed right after text[b] (…、测评指标和操作办法)."""
    following = COORDINATED_RE.match(text, b, end)
    while following:
        found.append(Citation(*following.span("title"), following.group("title"), "", "plansToIssue"))
        covered.append(following.span("title"))
        following = COORDINATED_RE.match(text, following.end("title"), end)


def find_citations(text, start, end):
    """Citations in text[start:end] (one measure or title), in order."""
    found, covered = [], []
    for open_index, close_index in title_spans(text, start, end):
        if any(a <= open_index <= b for a, b in covered):
            continue  # nested 《》 inside a title already taken
        if close_index is not None and is_programme_title(text, start, open_index, close_index):
            covered.append((open_index, close_index + 1))
            continue
        relation = _issue_relation(text, start, open_index)
        if relation == "cites" and found and found[-1].relation == "plansToIssue" \
                and text[found[-1].end:open_index] in ("和", "及", "、", "与", "以及"):
            relation = "plansToIssue"  # 制定《…规划》和《…细则》: both are to be drafted
        if close_index is None:
            title, stop = _truncated_title(text, open_index, end)
            if title:
                found.append(Citation(open_index, stop, title, "", relation, truncated=True))
            covered.append((open_index, stop))
            continue
        printed, stop, number = text[open_index + 1:close_index], close_index + 1, ""
        after = NUMBER_AFTER_RE.match(text, stop, end)
        if after and DOC_NUMBER_RE.search(after.group("number")):
            number, stop = normalise_document_number(after.group("number")), after.end()
        found.append(Citation(open_index, stop, printed, number, relation))
        covered.append((open_index, stop))
    for a, b, number in find_document_numbers(text, start, end):
        if not any(x <= a < y for x, y in covered):
            found.append(Citation(a, b, text[a:b], number, _issue_relation(text, start, a)))
            covered.append((a, b))
    for match in UNBRACKETED_RE.finditer(text, start, end):
        a, b = match.span("title")
        title = match.group("title")
        if title.startswith(DEICTIC) and not re.match(r"本(?:区域|地区|地|级|单位|部门|校|县|市|区|省|旗|学期|学年|年度|学科|"
                                                      r"备课组|教研组|年级|班|学校)", title) \
                or text[match.start() - 1:match.start()] == "特" \
                or title.startswith("的") or text.startswith(("的", "所"), b):
            continue  # 提出以下实施意见, 制定落实本意见的细则: this document; 国家制定的配置标准: one that exists
        if text.startswith("编制", match.start()) and (title.startswith(("范围", "内", "数", "总量", "外", "标准"))
                                                     or text[match.start() - 1:match.start()] == "的"):
            continue  # 在编制范围内审定…计划, 灵活的编制管理办法: 编制 is the staffing quota, not drawing up a document
        if _improves_a_policy(text, match.start(), title):
            continue  # 完善随迁子女就学政策, 制定完善…政策: an existing policy improved, not a document to issue
        if title.startswith(NOT_A_TITLE_START) or CLAUSE_IN_TITLE_RE.search(title) \
                or text.startswith("形成", match.start()) and FORMED_NOT_ISSUED_RE.search(title):
            continue  # 编写单位在教材…, 修订后的教材, 形成评估报告: no document to issue
        if longer := LONGER_TITLE_RE.match(text, b, end):
            b, title = longer.end(), title + longer.group()
        if "的" in title and not title.startswith("关于"):
            # 制定应对突发事件的处置预案: what comes before 的 describes the document; its name is after.
            cut = title.rindex("的") + 1
            a, title = a + cut, title[cut:]
            if len(title) < 2:
                continue
        if GENERIC_POLICY_RE.fullmatch(title):
            # 研究制定相关政策措施和发展规划: the measures are none, the plan listed after them is one.
            _add_listed_after(text, b + 2 if text.startswith("措施", b) else b, end, found, covered)
            continue
        if not any(x <= a < y or x < b <= y for x, y in covered):
            found.append(Citation(a, b, title, "", "plansToIssue"))
            covered.append((a, b))
            _add_listed_after(text, b, end, found, covered)  # 评价标准、测评指标和操作办法: every document of the list
    for match in [*RULES_RE.finditer(text, start, end), *REFINED_RE.finditer(text, start, end)]:
        a, b = match.span("title")
        if not any(x < b and a < y for x, y in covered):
            found.append(Citation(a, b, match.group("title"), "", "plansToIssue"))
            covered.append((a, b))
    for match in [*ANNOUNCED_LATER_RE.finditer(text, start, end), *DRAFTED_BY_RE.finditer(text, start, end)]:
        a, b = match.span("title")
        title = match.group("title")
        a += max((title.rfind(w) + len(w) for w in ("的", "以及", "和", "及") if w in title), default=0)
        # (参加市级比赛的报名办法, 时间、地点以及与会者名单: the document is the last noun)
        if b - a >= 2 and not any(x < b and a < y for x, y in covered):
            found.append(Citation(a, b, text[a:b], "", "plansToIssue"))
            covered.append((a, b))
    for match in DESCRIBED_RE.finditer(text, start, end):
        a, b = match.span("title")
        if _improves_a_policy(text, match.start(), match.group("title")):
            continue  # 完善…的投入政策: an existing policy improved
        if not any(x < b and a < y for x, y in covered):
            found.append(Citation(a, b, match.group("title"), "", "plansToIssue"))
            covered.append((a, b))
    # 制订“学生艺术修养计划”: a planned title in quotes is named without them; “高标准，严要求”的办法: a title cut
    # inside a quotation is none.
    for c in found:
        if c.relation == "plansToIssue" and c.printed.startswith("“") and "”" not in c.printed and text.startswith("”", c.end):
            c.start, c.printed = c.start + 1, c.printed[1:]
    found = [c for c in found if c.relation != "plansToIssue" or c.printed.count("“") == c.printed.count("”")]
    for citation in found:
        citation.basis = citation.relation == "cites" and (
            bool(BASIS_RE.search(text, start, citation.start)) or bool(FORWARDED_RE.match(text, citation.end, end)))
    return sorted(found, key=lambda c: c.start)
