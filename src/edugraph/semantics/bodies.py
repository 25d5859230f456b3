"""Bodies a measure assigns or involves: named organisations and generic ones (学校, 区市, 家长委员会).

Generic bodies are relative to the plan's jurisdiction (威海市's 学校 are not 潍坊市's), so their node
is per jurisdiction; named bodies (北京师范大学, 山东省教育厅) are one node everywhere.
"""

import re

# Generic bodies, longest first. Each is looked up as a whole word.
GENERIC_BODIES = sorted("""
区市 县市区 县区 各县（市、区） 各区市 开发区管委 开发区管委会 管委会 区（市） 乡镇 街道
学校 中小学校 幼儿园 职业院校 高校 高等院校 特殊教育学校 民办学校 培训机构 校外培训机构 学科类培训机构
家长委员会 家委会 第三方机构 社会组织 教研机构 教学科研机构 教研室 教科院 教育部门 教育行政部门 文化部门
财政部门 人社部门 编制部门 发展改革部门 卫生健康部门 公安部门 宣传部门 体育部门 团委 妇联 关工委 少年宫
博物馆 美术馆 科技馆 图书馆 文化馆 艺术馆 青少年宫 社区 企业 行业企业 媒体 督学 责任督学 教师发展中心
""".split(), key=len, reverse=True)
NAMED_SUFFIXES = ("师范大学", "大学", "学院", "教育厅", "教育局", "教育部", "人民政府", "办公厅", "办公室",
                  "委员会", "工作委员会", "研究院", "研究所", "教科院", "教研室", "中心", "协会", "学会", "基金会",
                  "管委会", "局", "厅")
PLACE_RE = r"(?:[\u4e00-\u9fff]{2,6}?(?:省|市|县|区|自治区))"
NAMED_RE = re.compile(rf"(?:{PLACE_RE}|北京|上海|天津|重庆|中国|全国|国家)[\u4e00-\u9fff]{{0,10}}?"
                      rf"(?:{'|'.join(sorted(NAMED_SUFFIXES, key=len, reverse=True))})")
NEW_BODY_RE = re.compile(r"(?:成立|组建|设立|建立)(?P<name>[\u4e00-\u9fff]{2,16}?(?:委员会|领导小组|工作专班|中心|联盟|研究院|工作室))")
JURISDICTION_RE = re.compile(r"^(?:中共)?(?P<place>[\u4e00-\u9fff]{1,6}?(?:省|市|自治区|县|区))")


def jurisdiction(issuers):
    """The place the plan governs, from its first issuer: 中共威海市委… → 威海市."""
    for name in issuers:
        match = JURISDICTION_RE.match(name)
        if match:
            return match.group("place")
    return ""


def find_bodies(text, start, end, skip):
    """[(start, end, name, generic, new)] for bodies in text[start:end] outside `skip`."""
    found, taken = [], []

    def free(a, b):
        return not any(a < y and x < b for x, y in taken) and not any(
            a <= y and x < b for x, y in skip if y is not None)

    for match in NEW_BODY_RE.finditer(text, start, end):
        a, b = match.span("name")
        if free(a, b):
            found.append((a, b, match.group("name"), False, True))
            taken.append((a, b))
    for match in NAMED_RE.finditer(text, start, end):
        a, b = match.span()
        if free(a, b):
            found.append((a, b, match.group(0), False, False))
            taken.append((a, b))
    for word in GENERIC_BODIES:
        index = text.find(word, start, end)
        while index >= 0:
            if free(index, index + len(word)):
                found.append((index, index + len(word), word, True, False))
                taken.append((index, index + len(word)))
            index = text.find(word, index + len(word), end)
    return sorted(found)
