"""Text of a plan published as a PDF: the text layer, page by page, laid out as lines.

Government plans are very often published as PDFs. pdfminer.six reads the text layer (its layout analysis
groups characters into lines and lines into blocks); what comes out is what the rest of the reading step
already handles in text pulled out of a PDF: hard-wrapped lines, page numbers and running headers at the
page breaks. A scanned PDF has no text layer: that is an error saying so, not an empty plan.
"""

import io
import re

from edugraph.errors import InputError

PDF_MEDIA_TYPE = "application/pdf"
# Lines closer than this many line heights are one block, read as consecutive lines. pdfminer's 0.5 splits the
# lines of official documents, which are set with about one line height of leading (16 pt type on 28 pt lines),
# into a block each; the unwrapping that follows rejoins them into paragraphs.
LINE_MARGIN = 1.2
# Blocks in reading order top to bottom (boxes_flow 1.0: only the vertical position counts), as a one-column
# official document is read; pdfminer's default mixes in the horizontal position and can put a page's short
# first line before its running header.
MIN_TEXT_CHARACTERS = 20  # fewer letters than this in the whole text layer: a scan, or only page numbers


def is_pdf(raw):
    return raw.startswith(b"%PDF")


def pdf_to_text(raw, path):
    """The text layer of a PDF, a line per printed line and the pages one after another."""
    from pdfminer.high_level import extract_text  # imported here: only PDF input pays its import time
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    try:
        text = extract_text(io.BytesIO(raw), laparams=LAParams(line_margin=LINE_MARGIN, boxes_flow=1.0))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError("an encrypted PDF: save an unprotected copy or its text", path=path) from None
    except Exception as error:  # noqa: BLE001 — a damaged file can fail anywhere in the parser: one clear error
        raise InputError(f"a broken PDF ({type(error).__name__}): extract its text with another tool and build "
                         "the .txt", path=path) from None
    # A line per printed line; a blank line where pdfminer starts a new block (a gap in the page, as around a
    # title), never more than one. A page break is a line break: page numbers and running headers, with the blank
    # lines that set them off, are dropped later.
    text = re.sub(r"\n\s*\n(?:\s*\n)+", "\n\n", text.replace("\x0c", "\n"))
    if sum(c.isalnum() for c in text) < MIN_TEXT_CHARACTERS:
        raise InputError("a PDF without a text layer (a scan?): run OCR on it first and build the text", path=path)
    return text
