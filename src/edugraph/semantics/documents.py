"""Cited policy documents across the whole build: one node per distinct document.

Citations are grouped when they share a normalised title or a document number (a title cited with its
文号 in one place joins every other citation of either). Curated facts (data/curated) are merged in.

Who is speaking matters: a relative title (《省政府办公厅关于…》, 《全省…》, 《市教育局…》) names a different
document in each province or city, so it is identified by its title qualified by the citing plan's division
at the level the words name. A citation resolves to a plan of the build by 文号, by full title, or by a
title without its issuer that only one plan of the citing plan's own jurisdictions (its province, its
city, the nation) has; when several could be meant, nothing is linked and a warning names them.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


from edugraph import settings
from edugraph.errors import InputError
from edugraph.yamlfile import read_mapping
from edugraph.linking.jurisdictions import jurisdiction_of, load_divisions
from edugraph.structure.metadata import ISSUED_BY_RE, administrative_level, normalise_document_number

# title suffix → document type concept (longest first), see the doctype scheme in the ontology.
DOCUMENT_TYPES = [
    ("实施意见", "opinion"), ("指导意见", "opinion"), ("意见", "opinion"), ("条例", "regulation"),
    ("实施方案", "scheme"), ("工作方案", "scheme"), ("方案", "scheme"), ("规划", "plan"), ("计划", "programme"),
    ("纲要", "outline"), ("实施细则", "rules"), ("细则", "rules"), ("规定", "provisions"), ("办法", "measures"),
    ("通知", "notice"), ("决定", "decision"), ("指南", "guideline"), ("标准", "standard"), ("清单", "list"),
    ("要点", "key-points"), ("读本", "reader"), ("规程", "rules"), ("守则", "code"), ("预案", "contingency-plan"),
    ("法", "law"),
]
NATIONAL_CODES = ("国办", "国发", "国函", "中发", "中办", "教", "财教", "人社", "国教督")
PROVINCE_CODES = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川黔滇陕甘宁新藏桂蒙"  # 青 is ambiguous (青海/青岛)
CURATED_PATH_NAME = "policy-documents.yaml"


def document_type(title):
    title = re.sub(r"[（(](试行|修订|征求意见稿|\d{4}年修订|\d{4}-\d{4}年)[）)]$", "", title)
    return next((kind for suffix, kind in DOCUMENT_TYPES if title.endswith(suffix)), "")


# A title that names its issuer by level only: the province, city or county of whoever cites it.
RELATIVE_RE = re.compile(
    r"^(?:中共)?(?:(?P<own>[我本全])(?P<owned>省|自治区|市|州|盟|县|区|旗)|(?P<level>省|自治区|市|州|盟|县|区|旗)"
    r"(?=委|人民政府|政府|人大|教育|财政|人力资源|人社|发展|发改|编办|卫生|文化|体育|民政|科技|办公厅|办公室|级|直))")
# Scope words inside a title: 《关于加快推进全省…的意见》 is a provincial document of the speaker's province.
SCOPE_RE = re.compile(r"(?:全|我|本)(省|自治区|市|州|县|旗)")
LEVEL_OF_WORD = {"省": "provincial", "自治区": "provincial", "市": "municipal", "州": "municipal",
                 "盟": "municipal", "县": "county", "区": "county", "旗": "county"}


def relative_level(title):
    """The level a relative title speaks of (省政府办公厅关于… → provincial), or ""."""
    title = unicodedata.normalize("NFKC", title)
    match = RELATIVE_RE.match(title)
    if match:
        return LEVEL_OF_WORD[match.group("owned") or match.group("level")]
    scope = SCOPE_RE.search(title)
    return LEVEL_OF_WORD[scope.group(1)] if scope else ""


def level_of(title, number):
    if number:
        if number.startswith(NATIONAL_CODES):
            return "national"
        if number[0] in PROVINCE_CODES and "政" in number[:3]:
            return "provincial"
    if title.startswith(("中华人民共和国", "中国共产党", "中共中央", "国务院", "教育部", "国家", "全国")):
        return "national"
    by = ISSUED_BY_RE.match(title)
    if by and administrative_level([by.group(1)]):
        return administrative_level([by.group(1)])
    if relative_level(title):
        return relative_level(title)
    if title.endswith("法") and not re.search(r"[省市县]", title):
        return "national"
    named = load_divisions().named_in(title)
    if named is not None and named.level != "national":
        return named.level
    place = re.match(r"(?![本该各])[\u4e00-\u9fff]{1,6}?(省|市|县|区)", title)
    return {"省": "provincial", "市": "municipal", "县": "county", "区": "county"}[place.group(1)] if place else ""


@dataclass
class DocumentInfo:
    key: str                 # IRI segment
    title: str               # normalised display title
    variants: set = field(default_factory=set)  # printed spellings that differ from the title
    number: str = ""
    level: str = ""
    doc_type: str = ""
    truncated: bool = False
    curated: dict = field(default_factory=dict)
    plan_id: str = ""        # set when the document is itself a plan of the build
    jurisdiction: str = ""   # division code of a relative title's speaker at the level it names


class DocumentRegistry:
    """Maps every citation of a build to its DocumentInfo."""

    def __init__(self, curated=None, plans=(), divisions=None):
        curated = curated or {}
        self.plans = list(plans)
        self.divisions = divisions or load_divisions()
        self.plan_division = {p.plan_id: jurisdiction_of(p.metadata.issuers, p.metadata.level, self.divisions)
                              for p in self.plans}
        self.corrections = curated.get("title_corrections") or {}
        self.curated_entries = curated.get("documents") or []
        self.warnings = []       # "plan: message" for citations that could name several plans
        self._parent = {}
        self._members = {}
        self._infos = {}
        self._keys_of = {}       # id(citation) → its keys, fixed when it is added
        self._scope = {}         # qualified title key → division code
        self._index = None       # plans by 文号, title key, short title key (_plan_index)
        for entry in self.curated_entries:
            keys = [("t", self.title_key(t)) for t in [entry["title"], *(entry.get("aliases") or [])]]
            if entry.get("number"):
                keys.append(("n", normalise_document_number(entry["number"])))
            for key in keys[1:]:
                self._union(keys[0], key)

    # --- normalisation -------------------------------------------------------------------------
    def correct(self, title):
        for wrong, right in self.corrections.items():
            title = title.replace(wrong, right)
        return title

    def title_key(self, title):
        key = unicodedata.normalize("NFKC", self.correct(title))
        key = re.sub(r"[\s“”\"‘’']", "", key).replace("〈", "《").replace("〉", "》")
        # Scope words are not part of a document's name: 全市普通高中…指导意见 is 普通高中…指导意见.
        return re.sub(r"^(?:中华人民共和国|全市|全省|全县|全区|市级|省级|县级)", "", key)

    def _keys(self, citation, plan=None):
        if id(citation) in self._keys_of:
            return self._keys_of[id(citation)]
        keys = []
        if citation.printed and not (citation.number and citation.printed == citation.number.replace("〔", "[")) \
                and citation.printed != citation.number and not re.fullmatch(r".{1,12}[〔\[［].*号", citation.printed):
            keys.append(("t", self._scoped(self.title_key(citation.printed), citation.printed, plan)))
        if citation.number:
            keys.append(("n", citation.number))
        target = self._plan_cited(citation, plan) if plan is not None else None
        if target:
            keys.append(("p", target))
        return keys

    def _scoped(self, key, printed, plan):
        """A relative title's key qualified by the division it speaks of (省… → the citing plan's province)."""
        level = relative_level(printed)
        if not level or plan is None:
            return key
        division = self.plan_division.get(plan.plan_id)
        if level == "county" and "区" in printed[:3] and division is not None:
            province = self.divisions.at_level(division.code, "provincial")
            if province is not None and province.name.endswith("自治区"):
                level = "provincial"  # 全区 in an autonomous region is the region
        scope = self.divisions.at_level(division.code, level) if division is not None else None
        code = scope.code if scope is not None else f"plan:{plan.plan_id}"
        self._scope[f"{code}|{key}"] = code
        return f"{code}|{key}"

    def _plan_index(self):
        """The build's plans by 文号, by title key and by short title key (looked up per citation)."""
        if self._index is None:
            self._index = ({}, {}, {})
            for other in self.plans:
                keys = (other.metadata.document_number, self.title_key(other.metadata.title),
                        self.short_key(other.metadata.title))
                for table, key in zip(self._index, keys):
                    if key:
                        table.setdefault(key, []).append(other)
        return self._index

    def _plan_cited(self, citation, plan):
        """The id of the plan of the build this citation names, or None: by 文号, by full title, or by a
        title without its issuer that only one plan of the citing plan's own jurisdictions has."""
        printed = self.correct(citation.printed or "")
        by_number, by_title, by_short = self._plan_index()
        if printed and (self.title_key(plan.metadata.title) == self.title_key(printed)
                        or f"《{printed}》" in plan.metadata.title):
            return plan.plan_id  # a notice that issues its plan names it (现将《X》印发给你们): the plan itself
        others = [o for o in by_number.get(citation.number, []) if o.plan_id != plan.plan_id] if citation.number else []
        if not others and printed and not relative_level(printed):
            others = [o for o in by_title.get(self.title_key(printed), []) if o.plan_id != plan.plan_id]
        if others:
            return others[0].plan_id
        short = self.short_key(printed) if printed else ""
        if not short.startswith("关于"):
            return None
        level = relative_level(printed) if RELATIVE_RE.match(unicodedata.normalize("NFKC", printed)) else ""
        own = self.plan_division.get(plan.plan_id)
        candidates = [other for other in by_short.get(short, []) if other.plan_id != plan.plan_id
                      and self._speaks_for(self.plan_division.get(other.plan_id), own, level)]
        if len(candidates) == 1:
            return candidates[0].plan_id
        if len(candidates) > 1:
            self.warnings.append(
                f"{plan.plan_id}: 《{citation.printed}》 could be any of {', '.join(c.plan_id for c in candidates)}; "
                "no plan is linked to it (give its 文号 or full title in the source or in data/curated)")
        return None

    def _speaks_for(self, other, own, level):
        """Whether a plan of division `other` can be what a plan of division `own` cites: its own division
        or one above it (the nation, its province, its city), at the level a relative title names."""
        if other is None or own is None:
            return False
        if level:
            scope = self.divisions.at_level(own.code, level)
            return scope is not None and other.code == scope.code
        return self.divisions.contains(other.code, own.code)

    # --- union-find ----------------------------------------------------------------------------
    def _find(self, key):
        self._parent.setdefault(key, key)
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def _union(self, a, b):
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def add(self, citation, plan=None):
        """Register a citation made by `plan` (a PlanDocument of the build, which decides what a relative
        title means)."""
        keys = self._keys(citation, plan)
        self._keys_of[id(citation)] = keys
        for key in keys:
            self._find(key)
            self._members.setdefault(key, []).append(citation)
        for key in keys[1:]:
            self._union(keys[0], key)
        self._infos.clear()

    # --- lookup --------------------------------------------------------------------------------
    def info(self, citation):
        if not self._infos:
            self._compute()
        return self._infos[self._find(self._keys(citation)[0])]

    def _compute(self):
        groups = {}
        for key in list(self._parent):
            groups.setdefault(self._find(key), []).append(key)
        curated_by_root = {}
        for entry in self.curated_entries:
            curated_by_root[self._find(("t", self.title_key(entry["title"])))] = entry
        for root, keys in groups.items():
            citations = [c for key in keys for c in self._members.get(key, [])]
            entry = curated_by_root.get(root, {})
            numbers = sorted({k for kind, k in keys if kind == "n"})
            number = normalise_document_number(entry["number"]) if entry.get("number") else (
                numbers[0] if numbers else "")
            printed = [c.printed for c in citations if c.printed and c.printed != c.number
                       and any(kind == "t" for kind, _ in self._keys_of.get(id(c), ()))]
            titles = [self.correct(p) for p in printed]
            title = entry.get("title") or (max(sorted(set(titles)), key=len) if titles else "")
            info = DocumentInfo(
                key=number or self._iri_key(title, keys) or root[1], title=title,
                variants={p for p in printed if p != title}, number=number,
                truncated=bool(citations) and all(c.truncated for c in citations), curated=entry)
            self._resolve(info, keys)
            info.level = info.level or entry.get("level") or level_of(info.title, info.number)
            info.doc_type = entry.get("type") or (document_type(info.title) if info.title else "")
            self._infos[root] = info

    def _iri_key(self, title, keys):
        """The document's IRI segment: its title key, qualified like its relative title when it has one."""
        scoped = [k for kind, k in keys if kind == "t" and k in self._scope]
        return scoped[0].replace("|", "/") if scoped else self.title_key(title)

    # --- documents that are plans of the build -------------------------------------------------
    def short_key(self, title):
        """The title without its issuer: 国务院办公厅关于…的意见 → 关于…的意见."""
        key = self.title_key(title)
        return key[key.index("关于"):] if "关于" in key else key

    def _resolve(self, info, keys):
        """Point the document at the plan of the build its citations were resolved to (see _plan_cited)."""
        scoped = [self._scope[k] for kind, k in keys if kind == "t" and k in self._scope]
        info.jurisdiction = scoped[0] if scoped and not scoped[0].startswith("plan:") else ""
        targets = sorted({k for kind, k in keys if kind == "p"})
        for plan in self.plans:
            if plan.plan_id in targets[:1]:
                meta = plan.metadata
                info.plan_id, info.title = plan.plan_id, meta.title
                info.variants = {v for v in info.variants if v != meta.title}
                info.number = meta.document_number or info.number
                info.level = meta.level
                info.key = info.number or self.title_key(meta.title)
                return


def load_curated(folder=None):
    path = Path(folder or settings.CURATED_DIR) / CURATED_PATH_NAME
    if not path.is_file():
        return {}
    data = read_mapping(path)
    for index, entry in enumerate(data.get("documents") or []):
        if not isinstance(entry, dict) or not entry.get("title"):
            raise InputError(f"documents[{index}] needs a title", path=path)
    return data


def registry_for(plans, curated=None):
    """A registry holding every citation of the given parsed plans; citations of one of these plans
    resolve to that plan."""
    registry = DocumentRegistry(load_curated() if curated is None else curated, plans)
    for plan in plans:
        for facts in plan_facts(plan):
            for citation in facts.citations:
                registry.add(citation, plan)
    return registry


def plan_facts(plan):
    """Every Facts object of a parsed plan (titles and measures, empty ones too), in document order."""
    if plan.preamble:
        yield from (m.facts for m in plan.preamble.measures if m.facts is not None)
    for division in plan.divisions():
        if division.title_facts is not None:
            yield division.title_facts
        yield from (m.facts for m in division.measures if m.facts is not None)
    yield from (m.facts for m in plan.measures if m.facts is not None)
