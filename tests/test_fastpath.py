"""The fast path to RDF (triples.py, formats.py): the same graph as rdflib builds, the same bytes every run,
and every format parsing back to the graph it was written from, whatever characters the text holds."""

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

from edugraph.corpus import all_graphs, build, plan_graph_iri, vocabulary_triples
from edugraph.rdf.curation import load_curation
from edugraph.semantics.documents import registry_for
from edugraph.errors import OutputError, StructureError
from edugraph.structure.extract import extract_plan
from edugraph.rdf.formats import FORMATS, serialize
from edugraph.rdf.graph import plan_to_graph, plan_triples
from edugraph.namespaces import EDU, bind_prefixes
from edugraph.reading.source import read_source
from edugraph.rdf.triples import Triples
from helpers import TINY, TINY_TEXT


def test_the_corpus_built_both_ways_is_one_graph(corpus_build):
    """Every plan's graph and the shared graph, filled by the same writer into rdflib Graphs (the old path)
    and into N-Triples lines (the fast path): the same triples, graph by graph (no blank nodes in them)."""
    docs = {doc.plan_id: doc for doc in corpus_build.plans}
    registry = registry_for(list(docs.values()))
    shared = bind_prefixes(Graph())
    for report in corpus_build.reports:
        doc = docs[report.plan_id]
        graph = plan_to_graph(doc, read_source(report.path), registry, load_curation(doc.plan_id), shared)
        fast = corpus_build.parts[plan_graph_iri(doc.plan_id)]
        assert len(fast) == len(graph) and set(fast) == set(graph), doc.plan_id
    assert set(corpus_build.shared_triples) == set(shared) and len(corpus_build.shared_triples) == len(shared)


def test_the_vocabulary_is_the_ontology():
    from edugraph import settings
    assert isomorphic(vocabulary_triples().to_rdflib(), Graph().parse(settings.ONTOLOGY_PATH, format="turtle"))


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_corpus_output_is_byte_stable_across_runs_jobs_and_the_cache(suffix, corpus_build, tmp_path):
    first = serialize(all_graphs(corpus_build), FORMATS[suffix])
    for jobs, cache in ((2, tmp_path), (1, tmp_path)):  # cold parallel build filling the cache, then warm
        assert serialize(all_graphs(build(jobs=jobs, cache=cache)), FORMATS[suffix]) == first


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_every_format_parses_back_to_the_corpus(suffix, corpus_build):
    graphs = all_graphs(corpus_build)
    fmt = FORMATS[suffix]
    data = serialize(graphs, fmt)
    union = bind_prefixes(Graph())
    for part in graphs.values():
        part.to_rdflib(union)
    parsed = Dataset() if fmt.quads else Graph()
    parsed.parse(data=data, format=fmt.name)
    back = Graph()
    for s, p, o, *_ in (parsed.quads() if fmt.quads else parsed):
        back.add((s, p, o))
    assert isomorphic(back, union)


# --- property: any text, every format --------------------------------------------------------------
CONTROLS = [chr(c) for c in [*range(0x20), 0x7F]] + ["\u0085", "\u2028", "\ufeff", "\ufffe", "\uffff"]
ASTRAL = ["\U0001F600", "\U00020000", "\U0002A6D6", "\U0001D11E"]
PIECES = st.text(alphabet=st.sampled_from(CONTROLS + ASTRAL + list("教育学校，。、\"\\<>&'{}#")), max_size=12)
# Where XML 1.0 has no way to write a character at all.
NOT_XML = {chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"} | {"\ufffe", "\uffff"}


def _plan_text(pieces):
    """The tiny plan with random pieces inside a measure, a task title and the preamble."""
    a, b, c = pieces
    return (TINY_TEXT.replace("推动教育高质量发展。", f"推动教育{a}高质量发展。", 1)
            .replace("夯实基层基础", f"夯实{b}基层基础", 1)
            .replace("全年重点抓好以下工作。", f"全年重点{c}抓好以下工作。", 1))


def _triples_of(data, fmt):
    parsed = Dataset() if fmt.quads else Graph()
    parsed.parse(data=data, format=fmt.name)
    return {(s, p, o) for s, p, o, *_ in (parsed.quads() if fmt.quads else parsed)}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.tuples(PIECES, PIECES, PIECES))
def test_every_format_round_trips_any_text(pieces):
    text = _plan_text(pieces)
    source = dataclasses.replace(read_source(TINY), text=text)
    try:
        doc = extract_plan(source, plan_id="fuzz")
    except StructureError:
        return  # a piece broke the numbering: nothing to write
    triples = plan_triples(doc, source)
    expected = set(triples)
    full_text = next(o for s, p, o in expected if p == EDU.fullText)
    assert str(full_text) == text  # the text is kept, control characters and all
    for suffix, fmt in FORMATS.items():
        if fmt.name == "xml" and NOT_XML & set(text):
            with pytest.raises(OutputError, match="RDF/XML cannot carry the control character U\\+"):
                serialize({"urn:edugraph:fuzz": triples}, fmt)
            continue
        back = _triples_of(serialize({"urn:edugraph:fuzz": triples}, fmt), fmt)
        assert back == expected, suffix
        # Offsets still cut each measure's label out of the text read back.
        text_back = next(str(o) for s, p, o in back if p == EDU.fullText)
        starts = {s: int(o) for s, p, o in back if p == EDU.startOffset}
        ends = {s: int(o) for s, p, o in back if p == EDU.endOffset}
        labels = {s: str(o) for s, p, o in back if p == RDFS.label and o.language == "zh"}
        for measure in {o for s, p, o in back if p == EDU.hasMeasure}:
            assert text_back[starts[measure]:ends[measure]] == labels[measure]


def test_rdf_xml_refusal_names_the_character():
    source = dataclasses.replace(read_source(TINY), text=_plan_text(("\x0c", "", "")))
    triples = plan_triples(extract_plan(source, plan_id="fuzz"), source)
    with pytest.raises(OutputError, match=r"U\+000C .*write \.ttl"):
        serialize({"urn:edugraph:fuzz": triples}, FORMATS[".rdf"])
    assert b"\\f" in serialize({"urn:edugraph:fuzz": triples}, FORMATS[".ttl"])  # Turtle keeps it, escaped


def test_rdflib_graphs_are_written_sorted():
    graph = Graph()
    for triple in plan_triples(extract_plan(read_source(TINY), plan_id="t"), read_source(TINY)):
        graph.add(triple)
    shuffled = Graph()
    for triple in sorted(graph, key=str, reverse=True):
        shuffled.add(triple)
    assert Triples.of(graph).data == Triples.of(shuffled).data
