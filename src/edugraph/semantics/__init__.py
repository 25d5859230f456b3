"""Semantic facts in a span of plan text: targets, citations, stages, bodies, initiatives; and a plan's goals.

Every fact carries absolute offsets into the plan's full text. Cited titles are found first; the
other extractors skip them, so words inside a title never count as stages, targets or bodies.
"""

import re
from dataclasses import dataclass, field

from edugraph.semantics.bodies import Body, find_bodies, quoted_bodies
from edugraph.semantics.citations import Citation, find_citations, is_plan_title, is_programme_title
from edugraph.semantics.goals import Goal, find_goals
from edugraph.semantics.initiatives import Initiative, find_initiatives
from edugraph.semantics.quantities import Target, find_targets
from edugraph.semantics.spans import (attachment_spans, document_number_spans, quote_spans, short_name_spans,
                                      signature_spans, title_spans)
from edugraph.semantics.stages import find_stages


@dataclass
class Facts:
    start: int = 0                                    # the span read
    end: int = 0
    targets: list = field(default_factory=list)       # quantities.Target
    citations: list = field(default_factory=list)     # citations.Citation
    stages: list = field(default_factory=list)        # (start, end, stage id)
    bodies: list = field(default_factory=list)        # bodies.Body
    initiatives: list = field(default_factory=list)   # initiatives.Initiative (programmes and slogans)

    def __bool__(self):
        return any((self.targets, self.citations, self.stages, self.bodies, self.initiatives))


RUN_BY_RE = re.compile(r"(?:活动)?(?:组委会|组织委员会|办公室|领导小组|工作小组|秘书处|执委会|专家组|评委会|评审组)")


def analyse(text, start, end, plan_year=None):
    """All facts in text[start:end]; `plan_year` tells deadlines from the plan's own year."""
    citations = find_citations(text, start, end)
    cited = [(c.start, c.end - 1) for c in citations]
    # A planned document's unbracketed name (出台义务教育阶段…指导意见) says what the measure is about;
    # only the words of a cited 《title》 are kept out of stage tagging.
    bracketed = [(c.start, c.end - 1) for c in citations if text[c.start] == "《"]
    titles = [(a, b) for a, b in title_spans(text, start, end) if b is not None]
    programmes = [(a, b) for a, b in titles if is_programme_title(text, start, a, b)]
    quotes = quote_spans(text, start, end)
    numbers = document_number_spans(text, start, end)
    set_apart = attachment_spans(text, start, end) + short_name_spans(text, start, end) + signature_spans(text, start, end)
    plans = [(a, b) for a, b in titles if (a, b) not in programmes and is_plan_title(text, a, b)]
    initiatives = find_initiatives(text, start, end, cited + set_apart, programmes + plans)
    # …艺术展演活动组委会, …艺术节活动办公室: a body named after the programme it runs, the body's name is whole.
    named = [(i.start, i.end - 1) for i in initiatives if i.kind != "slogan" and not RUN_BY_RE.match(text, i.end)]
    return Facts(
        start=start, end=end,
        targets=find_targets(text, start, end, cited + quotes + numbers + programmes + set_apart, plan_year),
        citations=citations,
        stages=find_stages(text, start, end, bracketed + programmes),
        # A name in a 《title》 or on an 附件 line is the title's; one in （以下简称…） is being defined.
        bodies=_bodies(text, start, end, cited + quotes + named + titles + set_apart, quotes),
        initiatives=initiatives,
    )


def _bodies(text, start, end, skip, quotes):
    """Bodies named in prose and in or after quotation marks; a group named after a quoted programme
    (“…”工作领导小组) is one body, not its bare head as well."""
    quoted = quoted_bodies(text, start, end, quotes)
    prose = [body for body in find_bodies(text, start, end, skip)
             if not any(body.start < q.end and q.start < body.end for q in quoted)]
    return sorted(prose + quoted, key=lambda body: body.start)


__all__ = ["Body", "Citation", "Facts", "Goal", "Initiative", "Target", "analyse", "find_goals"]
