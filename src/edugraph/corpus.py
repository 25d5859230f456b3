"""The document collection: a folder of sources with a MANIFEST.tsv of curated metadata, built together.

A build runs in two steps. Reading and extracting each document is independent of the others, so it runs
in parallel processes (`jobs`) and is cached by the file's checksum (buildcache.py). Writing a plan's
triples depends on the whole build through the cited-document registry (a citation of another plan of the
build points at that plan), so it runs once every document is read, and its cache key holds what the
registry said about each of the plan's citations: a rebuild gives the same bytes as a cold build.
A document that cannot be read or structured is reported and skipped; the rest is built.
"""

import csv
import gc
import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from multiprocessing import get_context
from pathlib import Path

import pyoxigraph as ox

from edugraph import errors, settings
from edugraph.buildcache import BuildCache, cache_key
from edugraph.structure.curated_values import check_manifest_row
from edugraph.rdf.curation import load_curation
from edugraph.semantics.documents import plan_facts, registry_for
from edugraph.errors import EdugraphError, InputError
from edugraph.structure.extract import extract_plan
from edugraph.rdf.formats import turtle_body
from edugraph.rdf.graph import plan_triples
from edugraph.namespaces import ID, ONTOLOGY_IRI
from edugraph.reading.source import read_source
from edugraph.rdf.triples import Triples, TripleSink

SHARED_GRAPH = ID["shared/graph"]  # named graph of the nodes plans share
# Manifest columns that override what extraction reads from the text.
CURATED_COLUMNS = ("title", "issuer", "document_number", "year", "level")


@dataclass
class DocumentReport:
    """How one source fared: built fully (no warnings), partly (with warnings) or not at all (error)."""

    path: Path
    plan_id: str = ""
    warnings: list = field(default_factory=list)
    error: EdugraphError | None = None

    @property
    def status(self):
        return "failed" if self.error else ("partial" if self.warnings else "full")


@dataclass
class BuildResult:
    parts: dict = field(default_factory=dict)      # named-graph IRI → triples.Triples, one per plan
    shared_triples: Triples = field(default_factory=Triples)  # documents, bodies, initiatives… plans share
    vocabulary_triples: Triples = field(default_factory=Triples)  # the ontology and its concept schemes
    plans: list = field(default_factory=list)      # PlanDocument, in build order
    reports: list = field(default_factory=list)    # DocumentReport per source, in the order given
    warnings: list = field(default_factory=list)   # "file: message": something may be missing or wrong
    notes: list = field(default_factory=list)      # "file: message": judgements, nothing to fix

    # rdflib views, made on first use (the Python API and scripts); the build itself never needs them.
    @cached_property
    def graphs(self):
        return {name: part.to_rdflib() for name, part in self.parts.items()}

    @cached_property
    def shared(self):
        return self.shared_triples.to_rdflib()

    @cached_property
    def vocabulary(self):
        return self.vocabulary_triples.to_rdflib()

    def count(self, status):
        return sum(1 for report in self.reports if report.status == status)


def read_manifest(folder):
    """{file name: row} from folder/MANIFEST.tsv, or {} when there is none."""
    path = Path(folder) / settings.MANIFEST_NAME
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        if not reader.fieldnames or "file" not in reader.fieldnames:
            raise InputError("expected a tab-separated header with a 'file' column", path=path, line=1)
        rows = {}
        for row in reader:
            check_manifest_row(row, path, reader.line_num)
            rows[row["file"]] = row
        return rows


def curated_metadata(row):
    curated = {key: row.get(key, "") for key in CURATED_COLUMNS if key != "issuer"}
    curated["issuers"] = [name for name in (row.get("issuer") or "").split(";") if name]
    curated["year"] = int(curated["year"]) if (curated.get("year") or "").isdigit() else None
    return curated


def default_sources(folder=None):
    folder = Path(folder or settings.SOURCES_DIR)
    if not folder.is_dir():
        raise InputError("no such folder of sources", path=folder)
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in settings.SOURCE_SUFFIXES)
    if not files:
        raise InputError("no source documents (.txt, .html, .md) in folder", path=folder)
    return files


def vocabulary_graph():
    """The ontology with its concept schemes (stages, levels, document types) as an rdflib Graph."""
    return vocabulary_triples().to_rdflib()


def vocabulary_triples():
    """The ontology with its concept schemes, shipped with every build so that built graphs are
    self-contained: queries can show stage labels without loading it separately. Its blank nodes (OWL
    restrictions and lists) are named in file order, so every build writes them alike."""
    names = {}
    rename = lambda term: names.setdefault(term, ox.BlankNode(f"v{len(names) + 1}")) \
        if isinstance(term, ox.BlankNode) else term  # noqa: E731
    triples = (ox.Triple(rename(t.subject), t.predicate, rename(t.object))
               for t in ox.parse(path=str(settings.ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE))
    return Triples(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))


def all_graphs(result):
    """The named graphs to write or publish: every plan's, the shared nodes', the vocabulary's."""
    return {**result.parts, SHARED_GRAPH: result.shared_triples, ox.NamedNode(ONTOLOGY_IRI).value:
            result.vocabulary_triples}


def union_graph(result):
    """All of a build in one rdflib Graph (plans, shared nodes, vocabulary): handy for scripts and tests."""
    graph = result.vocabulary_triples.to_rdflib()
    for part in [*result.parts.values(), result.shared_triples]:
        part.to_rdflib(graph)
    return graph


def plan_graph(result, plan_id):
    """One plan's graph with the shared nodes (bodies, programmes, documents) its facts refer to, in an rdflib
    Graph: enough to read that plan's facts, and far quicker to query than the union of a corpus."""
    graph = result.shared_triples.to_rdflib()
    result.parts[plan_graph_iri(plan_id)].to_rdflib(graph)
    return graph


def plan_graph_iri(plan_id):
    return ID[f"{plan_id}/graph"]


def build(paths=None, jobs=1, cache=None, progress=None):
    """Build every source into its own graph. Manifest rows beside a file supply its id and metadata.
    `jobs` processes read, extract and write documents; `cache` is a folder for the incremental build
    cache (None: no cache); `progress(iterable, total)` may wrap the documents being read (a progress bar).
    A document that fails is reported in result.reports and skipped; when none can be built, the first
    document's error is raised."""
    paths = [Path(p) for p in (paths or default_sources())]
    was_enabled = gc.isenabled()
    gc.disable()  # a build allocates millions of small acyclic objects: collecting them finds nothing
    try:
        return _build(paths, jobs, cache, progress)
    finally:
        if was_enabled:
            gc.enable()


def _build(paths, jobs, cache, progress):
    manifests = {}
    for path in paths:
        folder = path.parent.resolve()
        if folder not in manifests:
            manifests[folder] = read_manifest(folder)
    jobs_in = [(path, manifests[path.parent.resolve()].get(path.name, {}), cache) for path in paths]
    result, seen, parsed = BuildResult(), {}, []
    for path, outcome in zip(paths, _extract_all(jobs_in, jobs, progress)):
        report = DocumentReport(path)
        result.reports.append(report)
        if isinstance(outcome, EdugraphError):
            report.error = outcome
            continue
        source, doc, key = outcome
        report.plan_id, report.warnings = doc.plan_id, list(doc.warnings)
        if doc.plan_id in seen:
            report.error = InputError(f"plan id {doc.plan_id!r} is also used by {seen[doc.plan_id]}", path=path)
            continue
        seen[doc.plan_id] = path
        parsed.append((report, source, doc, key))
    if not parsed:
        raise result.reports[0].error
    # Cited documents are named across the whole build, so two plans citing one document share its node.
    registry = registry_for([doc for _, _, doc, _ in parsed])
    result.warnings.extend(registry.warnings)
    written = _write_all(parsed, registry, BuildCache(cache), jobs)
    shared = []
    for (report, source, doc, _), outcome in zip(parsed, written):
        if isinstance(outcome, EdugraphError):  # a curation file that does not fit the plan
            report.error = outcome
            continue
        own, shared_part = outcome
        result.parts[plan_graph_iri(doc.plan_id)] = own
        shared.append(shared_part)
        result.plans.append(doc)
        result.warnings.extend(f"{source.path}: {warning}" for warning in doc.warnings)
        result.notes.extend(f"{source.path}: {note}" for note in doc.notes)
    if not result.plans:
        raise next(report.error for report in result.reports if report.error)
    result.shared_triples = Triples.concat(shared)
    result.vocabulary_triples = vocabulary_triples()
    return result


def _in_processes(function, items, jobs, progress=None):
    """function(item) for every item, in order, in `jobs` forked processes (in this one when jobs is 1).
    Fork: workers start at once, re-import nothing and see this process's memory (_WRITING); only the
    results travel back, pickled. A dict result stands for an EdugraphError (see _error_parts)."""
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(items)))
    with ExitStack() as stack:
        if jobs == 1:
            outcomes = map(function, items)
        else:
            pool = stack.enter_context(ProcessPoolExecutor(jobs, mp_context=get_context("fork")))
            outcomes = pool.map(function, items, chunksize=max(1, len(items) // (jobs * 8)))
        for outcome in (progress(outcomes, len(items)) if progress else outcomes):
            yield _error_from(outcome) if isinstance(outcome, dict) else outcome


def _extract_all(jobs_in, jobs, progress):
    """(source, doc, cache key) or the EdugraphError for every (path, manifest row, cache folder), in order.
    Cache hits are read here; only the rest goes to the worker processes."""
    found = [_cached_extraction(path, row, folder) for path, row, folder in jobs_in]
    missing = [job for job, hit in zip(jobs_in, found) if hit is None]
    fresh = _in_processes(_extract_one, missing, jobs, progress if missing else None)
    for hit in found:
        yield next(fresh) if hit is None else hit


def _extraction_key(path, row):
    """Keyed by the raw bytes: a hit needs no decoding, unwrapping or extraction at all. None when the file
    cannot be read (read_source then says why)."""
    try:
        return cache_key("extract", hashlib.sha256(path.read_bytes()).hexdigest(), path.name, sorted(row.items()))
    except OSError:
        return None


def _cached_extraction(path, row, folder):
    cache = BuildCache(folder)
    key = _extraction_key(path, row) if cache.folder is not None else None
    cached = cache.get("extract", key) if key else None
    return None if cached is None else (*cached, key)


def _extract_one(job):
    path, row, folder = job
    try:
        source = read_source(path)
        doc = extract_plan(source, plan_id=row.get("id") or None, curated=curated_metadata(row) if row else None)
        doc.text = source.text  # one copy of the text, not two
        key = _extraction_key(path, row) if folder is not None else None
        if key:
            BuildCache(folder).put("extract", key, (source, doc))
        return source, doc, key or cache_key("extract", source.sha256, path.name, sorted(row.items()))
    except EdugraphError as error:
        return _error_parts(error)


def _error_parts(error):
    """An exception's keyword arguments do not survive pickling: its parts travel instead."""
    return {"type": type(error).__name__, "message": error.message, "path": error.path, "line": error.line}


def _error_from(parts):
    return getattr(errors, parts["type"])(parts["message"], path=parts["path"], line=parts["line"])


_WRITING = None  # (parsed documents, registry) while _write_all runs: forked writers read it


def _write_all(parsed, registry, cache, jobs):
    """(own triples, shared triples) or the EdugraphError for every parsed plan, in order: from the cache
    when nothing a plan's triples depend on changed, else written (in parallel processes)."""
    global _WRITING
    keys = [_write_key(registry, doc, key) for _, _, doc, key in parsed]
    out = [cache.get("write", key) for key in keys]
    todo = [index for index, cached in enumerate(out) if cached is None]
    _WRITING = (parsed, registry)
    try:
        for index, outcome in zip(todo, _in_processes(_write_one, todo, jobs)):
            out[index] = outcome
            if not isinstance(outcome, EdugraphError):
                cache.put("write", keys[index], outcome)
    finally:
        _WRITING = None
    return [item if isinstance(item, EdugraphError) else (Triples(item[0], turtle=item[2]), Triples(item[1]))
            for item in out]


def _write_one(index):
    parsed, registry = _WRITING
    _, source, doc, _ = parsed[index]
    try:
        shared = TripleSink()
        own = plan_triples(doc, source, registry, load_curation(doc.plan_id), shared)
        return own.data, shared.freeze().data, turtle_body(own)  # Turtle, the default output, written here too
    except EdugraphError as error:
        return _error_parts(error)


def _write_key(registry, doc, extract_key):
    """Everything a plan's triples depend on: its extraction, its curation file, and what the registry
    (built over every plan) says about each document it cites."""
    curation_file = settings.CURATION_DIR / f"{doc.plan_id}.yaml"
    cited = [_info_key(registry.info(citation)) for facts in plan_facts(doc) for citation in facts.citations]
    return cache_key("write", extract_key, curation_file.read_bytes() if curation_file.is_file() else None, cited,
                     _divisions_digest())


@lru_cache(maxsize=1)
def _divisions_digest():
    """The division table decides every jurisdiction the writer states."""
    return hashlib.sha256(settings.DIVISIONS_PATH.read_bytes()).hexdigest()


def _info_key(info):
    """What the graph writer reads of a cited document's DocumentInfo, in a canonical form."""
    return (info.key, info.title, sorted(info.variants), info.number, info.level, info.doc_type,
            info.truncated, repr(info.curated), info.plan_id, info.jurisdiction)
