"""The parsed plan: plain dataclasses, no RDF. Offsets are code-point offsets into the plan text."""

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


@dataclass
class Heading:
    """A numbered heading as printed: marker style, number, and where marker and title lie."""

    style: str        # one of structure.STYLES
    number: int
    numbering: str    # the marker as printed, e.g. "（三）", "12.", "19"
    line: int         # 1-based line number in the plan text
    marker: Span
    title: Span
    title_closed: bool  # False when the title ran into the body with no closing mark


@dataclass
class Task:
    heading: Heading
    span: Span
    measures: list = field(default_factory=list)
    title_facts: object = None  # semantics.Facts found in the title itself

    @property
    def ordinal(self):
        return self.heading.number


@dataclass
class Section:
    heading: Heading
    span: Span
    tasks: list = field(default_factory=list)
    measures: list = field(default_factory=list)  # prose between the heading and the first task
    title_facts: object = None

    @property
    def ordinal(self):
        return self.heading.number


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
    sections: list
    warnings: list = field(default_factory=list)

    @property
    def tasks(self):
        return [task for section in self.sections for task in section.tasks]
