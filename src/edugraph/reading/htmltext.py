"""Text of an HTML page's body, with navigation and page furniture dropped.

White space inside a block is collapsed as a browser does: a run of spaces is one space. A source line
break is no text at all, unless it stands between two Latin words or figures (one space): Word wraps its
HTML source anywhere in a sentence (11月10<line break>日, 9</span><line break>%). Only blocks (<p>, <div>, <br>,
…) break lines; <pre> keeps its text as it is.
"""

import re
from html.parser import HTMLParser

# Elements whose text is never document content.
SKIPPED = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside",
           "form", "select", "button", "iframe", "svg", "head", "title", "menu"}
# class/id tokens that mark navigation and chrome on government portals. "header" only as a whole
# token: an "article-header" holds the document's title.
CHROME_RE = re.compile(r"^(?:(?:nav|navbar|menu|breadcrumb|crumbs?|footer|sidebar|share|toolbar)(?:[-_].*)?"
                       r"|.*[-_](?:nav|navbar|menu|breadcrumb|crumbs?|footer|sidebar|toolbar)|header|site[-_]header)$",
                       re.I)
BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
          "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "hr", "td", "th", "main", "body"}
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
BREAK = "\x00"  # a block boundary, kept apart from the white space of the text until the end
SOFT = "\x01"   # white space holding a source line break: one space between two Latin words, else none
SOFT_RE = re.compile(r"(?<![ \t\f])[\r\n]+(?![ \t\f])")  # a bare line break; with spaces around it, it is a space
SPACES_RE = re.compile(r"[ \t\n\r\f]+")
SOFT_BETWEEN_WORDS_RE = re.compile(rf"(?<=[A-Za-z0-9]){SOFT}+(?=[A-Za-z0-9])")


class _BodyText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.stack = []  # (tag, skipped) for open non-void elements
        self.skip_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        marker = " ".join(filter(None, (attributes.get("class"), attributes.get("id"),
                                        attributes.get("role"))))
        skipped = tag in SKIPPED or any(CHROME_RE.match(token) for token in marker.split()) \
            or marker == "navigation"
        if tag in BLOCKS:
            self.parts.append(BREAK)
        if tag in VOID:
            return
        self.stack.append((tag, skipped))
        if skipped:
            self.skip_depth += 1

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append(BREAK)

    def handle_endtag(self, tag):
        # Close up to the matching open tag; tolerates unclosed <p>/<li> as browsers do.
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                for _, skipped in self.stack[index:]:
                    if skipped:
                        self.skip_depth -= 1
                del self.stack[index:]
                break
        if tag in BLOCKS:
            self.parts.append(BREAK)

    def handle_data(self, data):
        if self.skip_depth:
            return
        if any(tag == "pre" for tag, _ in self.stack):
            self.parts.append(data.replace("\r\n", "\n").replace("\r", "\n").replace("\n", BREAK))
        else:
            self.parts.append(SPACES_RE.sub(" ", SOFT_RE.sub(SOFT, data)))


def html_charset(raw):
    """The charset a page declares in a <meta> tag, or None."""
    match = META_CHARSET_RE.search(raw[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def looks_like_html(text):
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in text[:4096].lower())


def html_to_text(markup):
    """Visible body text, one block per line; runs of blank lines collapsed to one."""
    parser = _BodyText()
    parser.feed(markup)
    parser.close()
    text = SOFT_BETWEEN_WORDS_RE.sub(" ", "".join(parser.parts)).replace(SOFT, "")
    text = re.sub(r" {2,}", " ", text)
    lines = [line.strip(" ").rstrip() for line in text.split(BREAK)]  # a block's edges hold no collapsed space
    out, blank = [], False
    for line in lines:
        if line.strip():
            out.append(line)
            blank = False
        elif not blank and out:
            out.append("")
            blank = True
    return "\n".join(out).strip("\n") + "\n"
