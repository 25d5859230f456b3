"""Read a source document: bytes → decoded, newline-normalised, unwrapped plan text.

The text returned here is what the graph stores as edu:fullText and what every offset points into.
"""

import codecs
import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from edugraph.errors import InputError
from edugraph.reading.docxtext import DOCX_MEDIA_TYPE, docx_to_text, is_docx
from edugraph.reading.htmltext import html_charset, html_to_text, looks_like_html
from edugraph.reading.layout import close_letter_spacing, strip_page_furniture, unwrap_hard_wrapped
from edugraph.reading.markdowntext import MARKDOWN_SUFFIXES, looks_like_markdown, markdown_to_text
from edugraph.reading.mhttext import is_mht, mht_page
from edugraph.reading.pdftext import PDF_MEDIA_TYPE, is_pdf, pdf_to_text

BOMS = [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# Tried in order when no BOM says otherwise. GB18030 is a superset of GBK and GB2312.
FALLBACK_ENCODINGS = ["utf-8", "gb18030"]
# Character references left in text saved from a web page (&quot; in a .txt): an encoding artefact.
NOT_A_PLAN = "binary data, expected a text, HTML, Markdown, .docx or PDF plan document"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 .doc, .wps and other compound files
STRAY_ENTITY_RE = re.compile(r"&(?:quot|amp|lt|gt|nbsp|apos|ldquo|rdquo|#\d{2,6}|#x[0-9a-fA-F]{2,5});")


@dataclass(frozen=True)
class SourceText:
    path: Path
    text: str          # edu:fullText
    encoding: str      # how the bytes were decoded
    sha256: str        # of the raw bytes
    media_type: str    # text/plain or text/html
    unwrapped: bool    # hard line wraps were joined


def unescape_stray_entities(text):
    return STRAY_ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)


def _decode(raw, path, declared=None):
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise _decode_error(raw, path, encoding, error) from None
    candidates = ([declared] if declared else []) + FALLBACK_ENCODINGS
    first_error = None
    for encoding in dict.fromkeys(candidates):
        try:
            return raw.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as error:
            if first_error is None and isinstance(error, UnicodeDecodeError):
                first_error = (encoding, error)
    encoding, error = first_error
    raise _decode_error(raw, path, "UTF-8 or GB18030", error)


def _decode_error(raw, path, expected, error):
    line = raw[: error.start].count(b"\n") + 1
    return InputError(
        f"cannot decode byte 0x{raw[error.start]:02x} at byte {error.start}: expected {expected} text",
        path=path, line=line)


def _looks_binary(raw):
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False  # two bytes a character: NULs and low bytes are normal; checked once decoded
    sample = raw[:8192]
    return b"\x00" in sample or _control_share(sample) > 0.05


# Characters a Chinese plan is written in: ASCII, Latin-1 signs, general punctuation, CJK marks and ideographs,
# full-width forms. Read with the wrong byte order, most ideographs land outside these ranges.
PLAN_CHARACTERS_RE = re.compile("[\t\n\r\x20-\x7e\xa0-\xff\u2000-\u206f\u2460-\u24ff\u3000-\u303f"
                                "\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _bomless_utf16(raw):
    """"utf-16-le" or "utf-16-be" for UTF-16 text saved without a byte-order mark (NUL bytes, the high bytes of
    ASCII characters, and a byte order that reads as plan text), else None."""
    sample = raw[:8192]
    if len(raw) % 2 or b"\x00" not in sample:
        return None
    best, best_share = None, 0.0
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(sample)  # (a sample may end inside a pair)
        except UnicodeDecodeError:
            continue
        share = len(PLAN_CHARACTERS_RE.findall(text)) / max(len(text), 1)
        if share > best_share:
            best, best_share = encoding, share
    return best if best_share >= 0.95 else None


def _control_share(sample):
    """The share of C0 control characters other than tab, newlines and form feed (bytes or str)."""
    codes = sample if isinstance(sample, bytes) else map(ord, sample)
    return sum(1 for c in codes if c < 9 or 13 < c < 32) / max(len(sample), 1)


def normalise_newlines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_source(path):
    """Read one plan document from disk. Raises InputError naming the file for unreadable input."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a plan document", path=path) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=path) from None
    return source_from_bytes(raw, path)


def source_from_bytes(raw, path):
    if not raw.strip():
        raise InputError("empty file, expected a plan document", path=path)
    if is_pdf(raw):
        return _finish(pdf_to_text(raw, path), raw, path, "utf-8", PDF_MEDIA_TYPE, from_html=False)
    if raw.startswith(OLE_MAGIC):
        raise InputError("a Word 97-2003 .doc (or other OLE) file: save it as .docx or as text", path=path)
    if is_docx(raw):
        return _finish(docx_to_text(raw, path), raw, path, "utf-8", DOCX_MEDIA_TYPE, from_html=False)
    if is_mht(raw):  # a web archive (Word's single-file web page): its page is read as HTML
        page, charset = mht_page(raw, path)
        return _from_web_page(page, raw, path, charset, "multipart/related")
    utf16 = _bomless_utf16(raw)
    if utf16 is None and _looks_binary(raw):
        raise InputError(NOT_A_PLAN, path=path)
    text, encoding = (raw.decode(utf16, errors="strict"), utf16) if utf16 else _decode(raw, path, declared=html_charset(raw))
    if not text.strip():  # only (Unicode) spaces, or only a BOM
        raise InputError("empty file, expected a plan document", path=path)
    if encoding.startswith("utf-16") and ("\x00" in text[:4096] or _control_share(text[:4096]) > 0.05):
        raise InputError(NOT_A_PLAN, path=path)
    if looks_like_html(text):
        return _from_web_page(text, raw, path, encoding, "text/html")
    media_type = "text/plain"
    text = normalise_newlines(text).lstrip("\ufeff")
    if Path(path).suffix.lower() in MARKDOWN_SUFFIXES or looks_like_markdown(text):
        text, media_type = markdown_to_text(text), "text/markdown"
    return _finish(text, raw, path, encoding, media_type, from_html=False)


def _from_web_page(page, raw, path, encoding, media_type):
    """A web page's body text, read on like any text (a page of its own, or the one inside a web archive)."""
    text = normalise_newlines(html_to_text(page)).lstrip("\ufeff")
    return _finish(text, raw, path, encoding, media_type, from_html=True)


def _finish(text, raw, path, encoding, media_type, from_html):
    """The text normalised, laid out as plan text and checked for content. An HTML parser has decoded the
    character references of a web page; any other text may carry stray ones pasted from one (&quot;)."""
    # NFC only: it never changes the meaning of Chinese text and makes offsets reproducible.
    text = unicodedata.normalize("NFC", text)
    text = close_letter_spacing(text)
    text, _ = strip_page_furniture(text)
    text, unwrapped = unwrap_hard_wrapped(text)
    if not from_html:  # after unwrapping: the entities count in the wrapped widths, and may be split
        text = unescape_stray_entities(text)
    if not text.strip():
        raise InputError("no text found in the document body", path=path)
    return SourceText(path=path, text=text, encoding=encoding,
                      sha256=hashlib.sha256(raw).hexdigest(), media_type=media_type,
                      unwrapped=unwrapped)
