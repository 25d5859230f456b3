"""The web page inside a MIME web archive (.mht / .mhtml): what Word writes as a "single file web page", and
what many government sites hand out as their "Word version" of a notice.

The archive is a multipart/related MIME message; its first text/html part is the page, encoded in base64 or
quoted-printable and declared in its own charset. The standard library's email package takes it apart; the page
then goes through the HTML reading like any other.
"""

import email
import email.policy
import re

from edugraph.errors import InputError

MHT_SUFFIXES = (".mht", ".mhtml")
MIME_START_RE = re.compile(rb"^\s*(?:MIME-Version|From|Subject|Date|Content-Type|Content-Location|X-[\w-]+)\s*:", re.I)


def is_mht(raw):
    """A MIME message header first, and multipart/related content within its first few KB."""
    head = raw[:4096]
    return bool(MIME_START_RE.match(head)) and re.search(rb"multipart/related", head, re.I) is not None


def mht_page(raw, path):
    """(html text, charset) of the archive's first text/html part."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset() or "utf-8"
            try:
                return payload.decode(charset), charset
            except (LookupError, UnicodeDecodeError):
                try:
                    return payload.decode("gb18030"), "gb18030"
                except UnicodeDecodeError:
                    raise InputError(f"the web page in this archive is not {charset} or GB18030 text", path=path) from None
    raise InputError("a MIME web archive without a text/html page", path=path)
