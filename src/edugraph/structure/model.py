"""The parsed plan: plain dataclasses, no RDF. Offsets are code-point offsets into the plan text.

A plan's outline is a tree of numbered headings of any depth. The top level is made of `Section`s
(一、 or 第一章 headings); every numbered item below, at any depth, is a `Task`. A plan numbered as a
flat list (only 1. or （一） items, no 一、 level) has top-level `Task`s and no sections."""

from dataclasses import dataclass, field


@dataclass
class Span:
    start: int
    end: int  # exclusive

    def text(self, full_text):
        return full_text[self.start:self.end]


@dataclass
class Measure:
    ordinal: int
    span: Span
    facts: object = None  # semantics.Facts, filled by extract


def numbered(measures):
    """The measures numbered 1, 2, … in the order given (after lists of them are joined)."""
    for ordinal, measure in enumerate(measures, 1):
        measure.ordinal = ordinal
    return measures


@dataclass
class Heading:
    """A numbered heading as printed: marker style, number, and where marker and title lie."""

    style: str        # one of structure.STYLES
    number: int
    numbering: str    # the marker as printed, e.g. "（三）", "12.", "19"
    line: int         # 1-based line number in the plan text
    marker: Span
    title: Span
    # closed | run-in (cut at a clause verb) | lead (an item opening with prose) | sentence (the item's whole text)
    title_kind: str = "closed"


@dataclass
class Division:
    """A numbered heading with its body: the measures before its first child, and its children."""

    heading: Heading
    span: Span
    depth: int = 1                                    # 1 = the top level of the outline
    children: list = field(default_factory=list)      # Task, one level down
    measures: list = field(default_factory=list)      # prose between the heading and its first child
    title_facts: object = None                        # semantics.Facts found in the title itself

    @property
    def ordinal(self):
        return self.heading.number

    def walk(self):
        """This division and every division below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Section(Division):
    @property
    def tasks(self):
        """The numbered items directly under this section."""
        return self.children


@dataclass
class Task(Division):
    pass


@dataclass
class Preamble:
    span: Span
    measures: list = field(default_factory=list)


@dataclass
class Metadata:
    title: str = ""
    issuers: list = field(default_factory=list)
    issued: str = ""          # ISO date or ""
    index_number: str = ""
    document_number: str = ""
    year: int | None = None
    level: str = ""           # national / provincial / municipal / county, or ""


@dataclass
class PlanDocument:
    plan_id: str
    text: str
    metadata: Metadata
    preamble: Preamble | None
    outline: list                                  # top-level divisions: Sections, or Tasks of a flat list
    measures: list = field(default_factory=list)   # the body's sentences when nothing in it is numbered, or
    #                                                further documents' titles and opening prose
    warnings: list = field(default_factory=list)   # something may be missing or wrong: act on these
    notes: list = field(default_factory=list)      # judgements worth knowing, nothing to fix

    @property
    def sections(self):
        return [d for d in self.outline if isinstance(d, Section)]

    def divisions(self):
        """Every numbered heading (sections and tasks at any depth) in document order."""
        return [d for top in self.outline for d in top.walk()]

    @property
    def tasks(self):
        """Every numbered item below the top level (or of a flat list), at any depth, in document order."""
        return [d for d in self.divisions() if isinstance(d, Task)]

    def all_measures(self):
        """Every measure of the plan in document order: preamble, divisions, and the plan's own (an
        unnumbered body, or the title and opening of a further document sent out with the first)."""
        out = list(self.preamble.measures) if self.preamble else []
        for division in self.divisions():
            out += division.measures
        return sorted(out + list(self.measures), key=lambda m: m.span.start)

    @property
    def depth(self):
        """How many numbered levels the outline has (0 when nothing is numbered)."""
        return max((d.depth for d in self.divisions()), default=0)
