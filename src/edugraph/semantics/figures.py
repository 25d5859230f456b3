"""How figures are printed: Arabic numbers (half- or full-width, with thousands separators or decimals) or
Chinese numerals, the counting words and units after them, and the bound words around them (不少于, 以上)."""

import re
import unicodedata
from decimal import Decimal

from edugraph.reading.numerals import parse_chinese_number

# Counting words and units, longest first so 万人次 wins over 万人 and 人.
UNITS = sorted("""
个百分点 万人次 人次 万人 万元 亿元 平方米 个月 课时 学时 小时 分钟 公里 学分 周岁
个 所 名 人 次 项 门 种 家 条 支 座 间 套 台 本 册 篇 场 节 天 周 元 亩 倍 处 位 块 班 部 部分 部门 件 首 幅 户 张 MB GB 米 厘米 尺 分
组 园 校次 轮 遍 届 岁 学年 学期 字 份 类 档 度 % ％ ﹪ ‰ dpi 寸 G cm mm 毫米 磅
""".split(), key=len, reverse=True)
CN_NUM = "〇零一二两三四五六七八九十百千万"
ROUND_COUNT_UNITS = ("所", "部", "首", "个", "项", "场", "支", "家", "篇", "本", "种", "件", "幅", "名")  # 百所, 千名
# An OCR'd scan may print a space between the digits of one number (前三批5 0个, 2 6个): read as one number.
NUMBER = rf"(?:[0-9０-９](?: ?[0-9０-９])*(?:[,，][0-9０-９]{{3}})*(?:[.．][0-9０-９]+)?|[{CN_NUM}]+)"
UNIT_RE = "|".join(re.escape(u) for u in UNITS)
RANGE_SEP = r"(?:-|－|—|–|─|~|～|至|到)"  # ─ (a box-drawing line) where a PDF printed a dash
# A range may print its unit on both ends (1项至2项, 0.15%-0.2%).
QUANTITY_RE = re.compile(
    rf"(?P<lo>{NUMBER})(?:\s*(?P<lo_unit>{UNIT_RE})?\s*(?P<sep>{RANGE_SEP})\s*(?P<hi>{NUMBER}))?\s*"
    rf"(?P<approx_after>余|多)?\s*(?(lo_unit)(?P=lo_unit)|(?P<unit>{UNIT_RE}))(?P<approx_tail>左右)?")
# Bound words before or after a figure: at least, at most, about.
MIN_BEFORE = ("不少于", "不低于", "不得少于", "不得低于", "至少", "最少", "超过", "高于", "多于", "达到", "达", "大于等于",
              "不小于", "大于")
MAX_BEFORE = ("不超过", "不超出", "不高于", "不得超过", "不多于", "最多", "低于", "少于", "控制在", "限", "小于等于", "小于", "未满", "不足", "不到")  # 每个节目限3名
MIN_AFTER = ("以上", "及以上")
MAX_AFTER = ("以内", "以下", "及以下", "之内")
APPROX_BEFORE = ("约", "大约", "近", "将近")
# 个 + one of these nouns: the noun is the real unit (6个学分 → 学分).
UNIT_NOUNS = ("学分", "课时", "学时", "工作日", "学期", "学年", "百分点", "小时", "星期")
UNIT_NOUN_RE = re.compile(rf"(?:必修|选修)?(?P<unit>{'|'.join(UNIT_NOUNS)})")


def to_decimal(text):
    """The value of a printed number (６, 1,200, 0.15, 三百, 两) as a Decimal, or None."""
    text = unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    value = parse_chinese_number(text)
    return Decimal(value) if value is not None else None
