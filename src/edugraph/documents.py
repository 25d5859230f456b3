"""Cited policy documents across the whole build: one node per distinct document.

Citations are grouped when they share a normalised title or a document number (a title cited with its
文号 in one place joins every other citation of either). Curated facts (data/curated) are merged in.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


from . import settings
from .errors import InputError
from .yamlfile import read_mapping
from .metadata import ISSUED_BY_RE, administrative_level, normalise_document_number

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


def level_of(title, number):
    if number:
        if number.startswith(NATIONAL_CODES):
            return "national"
        if number[0] in PROVINCE_CODES and "政" in number[:3]:
            return "provincial"
    if title.startswith(("中华人民共和国", "中国共产党", "中共中央", "国务院", "教育部", "国家", "全国")):
        return "national"
    by = ISSUED_BY_RE.match(title)
    if by:
        return administrative_level([by.group(1)])
    if title.endswith("法") and not re.search(r"[省市县]", title):
        return "national"
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


class DocumentRegistry:
    """Maps every citation of a build to its DocumentInfo."""

    def __init__(self, curated=None, plans=()):
        curated = curated or {}
        self.plans = list(plans)
        self._short_titles = {}  # a plan's title without its issuer → how many plans have it
        self.corrections = curated.get("title_corrections") or {}
        self.curated_entries = curated.get("documents") or []
        self._parent = {}
        self._members = {}
        self._infos = {}
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

    def _keys(self, citation):
        keys = []
        if citation.printed and not (citation.number and citation.printed == citation.number.replace("〔", "[")) \
                and citation.printed != citation.number and not re.fullmatch(r".{1,12}[〔\[［].*号", citation.printed):
            keys.append(("t", self.title_key(citation.printed)))
        if citation.number:
            keys.append(("n", citation.number))
        return keys

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

    def add(self, citation):
        keys = self._keys(citation)
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
                       and ("t", self.title_key(c.printed)) in keys]
            titles = [self.correct(p) for p in printed]
            title = entry.get("title") or (max(sorted(set(titles)), key=len) if titles else "")
            info = DocumentInfo(
                key=number or self.title_key(title) or root[1], title=title,
                variants={p for p in printed if p != title}, number=number,
                truncated=bool(citations) and all(c.truncated for c in citations), curated=entry)
            self._resolve(info, keys)
            info.level = info.level or entry.get("level") or level_of(info.title, info.number)
            info.doc_type = entry.get("type") or (document_type(info.title) if info.title else "")
            self._infos[root] = info

    # --- documents that are plans of the build -------------------------------------------------
    def short_key(self, title):
        """The title without its issuer: 国务院办公厅关于…的意见 → 关于…的意见."""
        key = self.title_key(title)
        return key[key.index("关于"):] if "关于" in key else key

    def _resolve(self, info, keys):
        """Point the document at a plan of the build: by 文号, else by full title, else by a short
        title (without the issuing office) that only one plan has."""
        numbers = {k for kind, k in keys if kind == "n"}
        titles = {k for kind, k in keys if kind == "t"}
        shorts = {self.short_key(k) for k in titles}
        if not self._short_titles:
            for plan in self.plans:
                key = self.short_key(plan.metadata.title)
                self._short_titles[key] = self._short_titles.get(key, 0) + 1
        short_count = self._short_titles
        for rule in ("number", "title", "short"):
            for plan in self.plans:
                meta = plan.metadata
                if (rule == "number" and meta.document_number and meta.document_number in numbers) or \
                        (rule == "title" and self.title_key(meta.title) in titles) or \
                        (rule == "short" and short_count[self.short_key(meta.title)] == 1
                         and self.short_key(meta.title) in shorts and self.short_key(meta.title).startswith("关于")):
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
                registry.add(citation)
    return registry


def plan_facts(plan):
    """Every Facts object of a parsed plan (titles and measures), in document order."""
    if plan.preamble:
        yield from (m.facts for m in plan.preamble.measures if m.facts)
    for division in plan.divisions():
        if division.title_facts:
            yield division.title_facts
        yield from (m.facts for m in division.measures if m.facts)
    yield from (m.facts for m in plan.measures if m.facts)
