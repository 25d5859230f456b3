"""Document metadata from a plan's front matter and closing block: title, issuers, date, numbers, level."""

import re
import unicodedata

from edugraph.structure.model import Metadata
from edugraph.reading.numerals import parse_number

DOC_TYPES = ("意见", "方案", "要点", "规划", "计划", "通知", "办法", "决定", "纲要", "条例", "规定", "细则",
             "报告", "指南", "措施", "标准", "清单", "法", "安排", "总结", "意见》", "方案》", "函", "批复", "通报",
             "公告", "通告", "决议", "章程")
ORG_SUFFIX_RE = re.compile(r"(办公厅|办公室|委员会|人民政府|政府|教育局|教育厅|教育部|国务院|中心|党委|"
                           r"工委|[厅局部委署院会办室处府])$")
CHROME_RE = re.compile(r"当前位置|首页|>|›|»|点击|浏览|打印|关闭|字号|分享|来源[:：]|时间[:：]|http")
BRACKETS = "〔\\[［【(（"
CLOSE_BRACKETS = "〕\\]］】)）"
DOC_NUMBER_RE = re.compile(
    rf"([\u4e00-\u9fff]{{1,12}})\s*[{BRACKETS}]\s*((?:19|20)\d{{2}})\s*[{CLOSE_BRACKETS}]\s*(\d{{1,4}})\s*号")
DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?")
# A year in Chinese digits, its zero often typed as ○, O or the digit 0 (二0一一年).
TYPED_ZEROS = "○OＯ0０"
CN_DATE_RE = re.compile(rf"([〇零{TYPED_ZEROS}一二三四五六七八九]{{4}})年([一二三四五六七八九十]{{1,2}})月([一二三四五六七八九十]{{1,3}})日")
# The date under a signature: to the day (2016年9月14日, 2011/9/30, 二○一六年九月十四日) or to the month (2017年10月;
# 二○○九年九月 only where a signer's line stands right above it), and the signer's line (a short name alone on its
# line: 中共绍兴市教育局委员会, 国际教育学院).
SIGNED_DATE = rf"(?:{DATE_RE.pattern}|{CN_DATE_RE.pattern}|(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月)"
CN_YEAR_MONTH = rf"[〇零{TYPED_ZEROS}一二三四五六七八九]{{4}}年[一二三四五六七八九十]{{1,2}}月"
SIGNER_NAME = r"[\u4e00-\u9fff（）()]{2,30}"
LABELLED = {
    "index_number": re.compile(r"索\s*引\s*号\s*[:：][ \t\u3000]*([0-9A-Za-z/\-_.]+)"),
    "written": re.compile(r"成文日期\s*[:：][ \t\u3000]*([^\s]+)"),
    "published": re.compile(r"发布日期\s*[:：][ \t\u3000]*([^\s]+)"),
    "document_number": re.compile(r"文\s*号\s*[:：][ \t\u3000]*([^\s]+)"),
    "publisher": re.compile(r"发布(?:单位|机构)\s*[:：][ \t\u3000]*([^\s]+)"),
}
# A web page's metadata table puts each label and its value in cells of their own, so once read as text the
# value stands on the next line with text (索引号：⏎⏎11371000…). Taken only in the shape the field has: a title or a
# heading on the next line is no value.
AFTER_EMPTY_CELL = r"\s*[:：][ \t\u3000]*\n(?:[ \t\u3000]*\n)*[ \t\u3000]*"  # the label's cell ends its line
DATE_VALUE = r"((?:19|20)\d{2}[-年/.]\d{1,2}[-月/.]\d{1,2}日?)"
LABELLED_NEXT_LINE = {
    "index_number": re.compile(rf"索\s*引\s*号{AFTER_EMPTY_CELL}([0-9A-Za-z][0-9A-Za-z/\-_.]{{5,}})[ \t\u3000]*$", re.M),
    "written": re.compile(rf"成文日期{AFTER_EMPTY_CELL}{DATE_VALUE}"),
    "published": re.compile(rf"发布日期{AFTER_EMPTY_CELL}{DATE_VALUE}"),
    "document_number": re.compile(rf"文\s*号{AFTER_EMPTY_CELL}([\u4e00-\u9fff]{{1,12}}[{BRACKETS}](?:19|20)\d{{2}}"
                                  rf"[{CLOSE_BRACKETS}]\d{{1,4}}号)"),
    "publisher": re.compile(rf"发布(?:单位|机构){AFTER_EMPTY_CELL}([\u4e00-\u9fff]{{2,30}})[ \t\u3000]*$", re.M),
}
ISSUED_BY_RE = re.compile(r"^(.+?)(?:关于|印发|转发|(?:19|20)\d{2}年)")
RELEASE_RE = re.compile(r"^(?P<issuers>.+?)印发《(?P<title>.+)》(?:的通知)?$")


# Words that end the running text before a 文号's issuer code (贯彻国办发〔2015〕71号 → 国办发…).
NUMBER_LEFT_BOUNDARY_RE = re.compile(r".*(?:关于|贯彻|落实|根据|按照|依据|执行|参照|转发|印发|文件|精神|的|和|与|及|号)")


def find_document_numbers(text, start=0, end=None):
    """(start, end, normalised) for every 文号 in running text, the issuer code trimmed of the words before it."""
    end = len(text) if end is None else end
    found = []
    for match in DOC_NUMBER_RE.finditer(text, start, end):
        prefix = match.group(1)
        boundary = NUMBER_LEFT_BOUNDARY_RE.match(prefix)
        cut = boundary.end() if boundary else 0
        if cut >= len(prefix):
            continue
        begin = match.start(1) + cut
        found.append((begin, match.end(), normalise_document_number(text[begin:match.end()])))
    return found


def normalise_document_number(number):
    """One spelling for a 文号: full-width brackets 〔〕, no spaces, half-width digits."""
    match = DOC_NUMBER_RE.search(unicodedata.normalize("NFKC", number).replace("〔", "[").replace("〕", "]"))
    if not match:
        return number.strip()
    prefix, year, serial = match.groups()
    return f"{prefix}〔{year}〕{int(serial)}号"


def iso_date(text):
    match = DATE_RE.search(unicodedata.normalize("NFKC", text))
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = CN_DATE_RE.search(text)
        if not match:
            return ""
        year, month, day = (parse_number(re.sub(f"[{TYPED_ZEROS}]", "〇", g)) for g in match.groups())
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def split_issuers(prefix):
    """Issuing bodies from a title prefix such as 中共中央办公厅、国务院办公厅 or 某市委教育工委 某市教育局."""
    # 某厅等六部门 names its lead body and counts the others: the lead body is the issuer we know.
    prefix = re.sub(r"等[一二三四五六七八九十\d]*(?:个)?(?:部门|单位)$", "", prefix.strip())
    names = [part for part in re.split(r"[、，,\s]+|(?<=[厅局府委])和", prefix) if part]
    return names if names and all(ORG_SUFFIX_RE.search(name) for name in names) else []


def _is_title_line(line):
    return (6 <= len(line) <= 100 and not CHROME_RE.search(line) and not re.search(r"[:：。；]", line)
            and line.rstrip("》”\"").endswith(DOC_TYPES))


def _title_opening(line):
    """The first line of a title set on two lines: it opens with 关于 (after its issuers, if any) or sends a document
    out, has no sentence mark and does not end in a document type."""
    return (len(line) <= 60 and re.search(r"关于|印发|转发", line) is not None and not CHROME_RE.search(line)
            and not re.search(r"[:：。；;，,]", line) and not line.rstrip("》”\"").endswith(DOC_TYPES))


def find_title(lines):
    """The first line of the front matter that reads as a document title; a title split over two
    lines (issuers, then 2022年工作要点; 关于…, then …的通知) is joined."""
    previous = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if _is_title_line(line):
            if len(line) <= 12 and previous and ORG_SUFFIX_RE.search(previous) and not CHROME_RE.search(previous):
                return re.sub(r"\s+", " ", previous) + line
            if previous and _title_opening(previous):
                return previous + line  # 关于选送…学生艺术 / 单项比赛的通知: a title set on two lines
            return line
        previous = line
    return ""


def extract_metadata(text, header_end, body_end):
    """Metadata from the front matter (text[:header_end]) and closing block (text[body_end:])."""
    front, closing = text[:header_end], text[body_end:]
    front_lines = front.split("\n")
    meta = Metadata()
    labelled = {key: (m.group(1) if (m := pattern.search(front)) or (m := LABELLED_NEXT_LINE[key].search(front))
                      else "") for key, pattern in LABELLED.items()}

    title = find_title(front_lines)
    issuers = []
    release = RELEASE_RE.match(title)
    if release:  # 中共中央办公厅、国务院办公厅印发《关于…的意见》, 某市教育局关于印发《…》的通知
        title = release.group("title")
        issuers = split_issuers(release.group("issuers").removesuffix("关于"))
    elif (by := ISSUED_BY_RE.match(title)):
        issuers = split_issuers(by.group(1))
    if not issuers:
        issuers = _signatories(closing)
    if not issuers and labelled["publisher"]:
        issuers = [labelled["publisher"]]
    meta.title, meta.issuers = title, list(dict.fromkeys(issuers))

    meta.index_number = labelled["index_number"]
    meta.document_number = _own_document_number(front_lines, labelled["document_number"])
    # A notice that forwards a plan signs before the attached plan starts: its date line is in the front.
    meta.issued = (iso_date(labelled["written"]) or _closing_date(closing) or iso_date(labelled["published"])
                   or _closing_date(front))
    year = re.search(r"((?:19|20)\d{2})年", meta.title)
    meta.year = int(year.group(1)) if year else (int(meta.issued[:4]) if meta.issued else None)
    if meta.year is None and meta.document_number:
        meta.year = int(DOC_NUMBER_RE.search(meta.document_number).group(2))
    meta.level = administrative_level(meta.issuers)
    return meta


def _own_document_number(front_lines, labelled):
    """The document's own 文号: a labelled one, or one standing alone on a line (often in brackets).
    Numbers inside the title line are documents the title cites, not this one."""
    if labelled and DOC_NUMBER_RE.search(labelled.replace("〔", "[").replace("〕", "]")):
        return normalise_document_number(labelled)
    for line in front_lines:
        bare = line.strip().strip("（()）")
        match = DOC_NUMBER_RE.fullmatch(bare) or DOC_NUMBER_RE.fullmatch(
            unicodedata.normalize("NFKC", bare).replace("〔", "[").replace("〕", "]"))
        if match:
            return normalise_document_number(bare)
    return ""


def _signatories(closing):
    """The bodies that sign the closing block: short organisation lines up to its date (an annex after
    the date, such as a list of members and their institutions, signs nothing)."""
    out = []
    for line in closing.split("\n"):
        line = line.strip()
        if line and len(line) <= 20 and iso_date(line):
            break
        if line and len(line) <= 30 and ORG_SUFFIX_RE.search(line):
            out.append(line)
    return out


def _closing_date(closing):
    for line in reversed(closing.split("\n")):
        line = line.strip()
        if line and len(line) <= 20 and (date := iso_date(line)):
            return date
    return ""


def administrative_level(issuers):
    """national / provincial / municipal / county, from the issuing bodies' names: the level of the
    division a name names (北京市 and 宁夏回族自治区 are provincial, 北京市昌平区 is a county), else
    the level its words suggest."""
    from edugraph.linking.jurisdictions import load_divisions
    divisions = load_divisions()
    levels = []
    for name in issuers:
        division = divisions.named_in(name)
        if division is not None:
            levels.append(division.level)
        elif re.search(r"[县区]", name) and not re.search(r"[省市]", name.replace("区市", "")):
            levels.append("county")
        elif re.search(r"市", name):
            levels.append("municipal")
        elif re.search(r"省|自治区", name):
            levels.append("provincial")
        elif re.search(r"中共中央|国务院|全国|^教育部|^国家|部$|总局$", name):
            levels.append("national")
    order = ["county", "municipal", "provincial", "national"]
    return min(levels, key=order.index) if levels else ""
