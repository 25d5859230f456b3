"""Numbers as Chinese documents print them: 一…九十九, 〇/零, 两, 百/千/万, full-width digits."""

import re
import unicodedata

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "万"
CN_NUMERAL_RE = re.compile(f"[{CN_NUMERAL_CHARS}]+")


def to_halfwidth(text):
    """Full-width ASCII (１２．３) to half-width (12.3); keeps string length (one char → one char)."""
    return "".join(
        chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in text
    )


def parse_chinese_number(text):
    """Parse a Chinese numeral such as 二十一, 十, 三百零五, 一万二千, or a digit-by-digit year 二〇一六.

    Returns an int, or None when the text is not a numeral.
    """
    if not text or any(c not in CN_NUMERAL_CHARS for c in text):
        return None
    if "万" in text:
        high, _, low = text.partition("万")
        high_value = parse_chinese_number(high) if high else 1
        low_value = parse_chinese_number(low) if low else 0
        if high_value is None or low_value is None:
            return None
        return high_value * 10000 + low_value
    if not any(c in CN_UNITS for c in text):
        # digit by digit: 二〇一六 → 2016, 五 → 5
        return int("".join(str(CN_DIGITS[c]) for c in text))
    total, digit = 0, None
    for c in text:
        if c in CN_DIGITS:
            digit = CN_DIGITS[c]
        else:
            total += (1 if digit is None else digit) * CN_UNITS[c]
            digit = None
    return total + (digit or 0)


def parse_number(text):
    """An int from Arabic digits (half- or full-width) or a Chinese numeral; None otherwise."""
    text = unicodedata.normalize("NFKC", text).strip()
    if text.isdigit():
        return int(text)
    return parse_chinese_number(text)
