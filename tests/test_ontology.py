"""The ontology as a public contract: documented terms, header, SKOS schemes, and OWL 2 DL consistency with HermiT."""

import random
import shutil
from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from edugraph.errors import ReasoningError
from edugraph.namespaces import EDU, LEVEL, ONTOLOGY_IRI, STAGE
from edugraph.serving.reasoning import check_consistency

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "edugraph.ttl"
SAMPLE = ROOT / "tests" / "fixtures" / "ontology-sample.ttl"
VANN = rdflib.Namespace("http://purl.org/vocab/vann/")
ID = "https://w3id.org/edugraph/id/"
PLAN = URIRef(ID + "demo-2022")

ONTO = rdflib.Graph().parse(ONTOLOGY, format="turtle")  # parsed at collection time to parametrise by term


def curie(iri):
    for prefix, ns in (("edu", EDU), ("stage", STAGE), ("level", LEVEL)):
        if str(iri).startswith(str(ns)):
            return f"{prefix}:{str(iri)[len(ns):]}"
    return str(iri)


def edu_terms(*types):
    return sorted(s for t in types for s in ONTO.subjects(RDF.type, t) if isinstance(s, URIRef) and s.startswith(EDU))


CLASSES = edu_terms(OWL.Class)
PROPERTIES = edu_terms(OWL.ObjectProperty, OWL.DatatypeProperty)

CONTRACT_CLASSES = """PolicyDocument Plan TextSpan PlanComponent Preamble Section Task Measure QuantitativeTarget
    Mention EducationStage AdministrativeLevel AdministrativeDivision Organization Initiative DocumentType Alignment
    Goal Slogan"""
CONTRACT_OBJECT_PROPERTIES = """hasPreamble hasSection hasTask hasSubtask hasMeasure inPlan hasTarget counts cites
    plansToIssue concernsStage responsibleBody mentionsInitiative implements administrativeLevel jurisdiction
    hasMention refersTo documentType alignedFrom alignedTo mentionsBody leadBody supportingBody mentionsSlogan
    hasGoal statesGoal includesTarget"""
CONTRACT_DATA_PROPERTIES = """startOffset endOffset titleStartOffset titleEndOffset ordinal depth numbering fullText
    documentNumber year sourceEncoding value minValue maxValue unit approximate iscedLevel newBody targetKind
    truncated mappingPredicate score method evidence deadlineYear role initiativeKind"""

STAGES = ["preschool", "basic", "compulsory", "primary", "junior-secondary",
          "senior-secondary", "vocational", "special", "higher"]
STAGE_BROADER = {  # narrower → broader, the complete hierarchy
    "compulsory": "basic",
    "senior-secondary": "basic",
    "primary": "compulsory",
    "junior-secondary": "compulsory",
}
STAGE_SCHEME = URIRef("https://w3id.org/edugraph/stage/scheme")
LEVEL_SCHEME = URIRef("https://w3id.org/edugraph/level/scheme")


def needs_java(test):
    return pytest.mark.reasoner(pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")(test))


def languages(graph, subject, predicate):
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)}


def sample():
    return rdflib.Graph().parse(SAMPLE, format="turtle")


# --- documentation of terms ----------------------------------------------------------------------


def test_ontology_declares_exactly_the_contracted_terms():
    assert {curie(t) for t in CLASSES} == {f"edu:{n}" for n in CONTRACT_CLASSES.split()}
    assert {curie(t) for t in edu_terms(OWL.ObjectProperty)} == {f"edu:{n}" for n in CONTRACT_OBJECT_PROPERTIES.split()}
    assert {curie(t) for t in edu_terms(OWL.DatatypeProperty)} == {f"edu:{n}" for n in CONTRACT_DATA_PROPERTIES.split()}


@pytest.mark.parametrize("term", CLASSES + PROPERTIES, ids=curie)
def test_term_is_documented(term):
    assert {"zh", "en"} <= languages(ONTO, term, RDFS.label)
    assert (term, SKOS.definition, None) in ONTO or (term, RDFS.comment, None) in ONTO


@pytest.mark.parametrize("prop", PROPERTIES, ids=curie)
def test_property_has_domain_and_range(prop):
    assert len(set(ONTO.objects(prop, RDFS.domain))) == 1
    assert len(set(ONTO.objects(prop, RDFS.range))) == 1


def test_every_edu_iri_used_is_declared():
    # Catches typos such as a domain of edu:PlanComponet, which OWL would silently accept as a new class.
    declared = set(CLASSES) | set(PROPERTIES) | set(edu_terms(OWL.AnnotationProperty))
    used = {t for triple in ONTO for t in triple if isinstance(t, URIRef) and t.startswith(EDU)}
    assert used <= declared, sorted(used - declared)


def test_span_classes_are_pairwise_disjoint():
    members = set()
    for axiom in ONTO.subjects(RDF.type, OWL.AllDisjointClasses):
        members |= {*rdflib.collection.Collection(ONTO, ONTO.value(axiom, OWL.members))}
    assert {EDU.Preamble, EDU.Section, EDU.Task, EDU.Measure, EDU.QuantitativeTarget, EDU.Mention} <= members


# --- header ----------------------------------------------------------------------------------------


def test_ontology_header():
    onto = URIRef(ONTOLOGY_IRI)
    assert (onto, RDF.type, OWL.Ontology) in ONTO
    assert {"zh", "en"} <= languages(ONTO, onto, DCTERMS.title)
    assert {"zh", "en"} <= languages(ONTO, onto, DCTERMS.description)
    assert ONTO.value(onto, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert ONTO.value(onto, OWL.versionInfo) == Literal("0.1.0")
    assert ONTO.value(onto, OWL.versionIRI) == URIRef(ONTOLOGY_IRI + "/0.1.0")
    assert ONTO.value(onto, VANN.preferredNamespacePrefix) == Literal("edu")
    assert str(ONTO.value(onto, VANN.preferredNamespaceUri)) == str(EDU)


# --- SKOS schemes --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", STAGES, ids=lambda n: f"stage:{n}")
def test_stage_concept(name):
    concept = STAGE[name]
    assert (concept, RDF.type, SKOS.Concept) in ONTO
    assert (concept, RDF.type, EDU.EducationStage) in ONTO
    assert (concept, SKOS.inScheme, STAGE_SCHEME) in ONTO
    assert {"zh", "en"} <= languages(ONTO, concept, SKOS.prefLabel)
    assert (concept, SKOS.definition, None) in ONTO
    is_top = name not in STAGE_BROADER
    assert ((concept, SKOS.topConceptOf, STAGE_SCHEME) in ONTO) == is_top
    assert ((STAGE_SCHEME, SKOS.hasTopConcept, concept) in ONTO) == is_top


def test_stage_hierarchy_is_exact_and_symmetric():
    broader = {(n, b) for n, b in ONTO.subject_objects(SKOS.broader)}
    narrower = {(n, b) for b, n in ONTO.subject_objects(SKOS.narrower)}
    expected = {(STAGE[n], STAGE[b]) for n, b in STAGE_BROADER.items()}
    assert broader == expected
    assert narrower == expected
    assert (STAGE.preschool, SKOS.broader, STAGE.basic) not in ONTO


def test_stage_scheme_contains_only_the_nine_stages():
    assert set(ONTO.subjects(SKOS.inScheme, STAGE_SCHEME)) == {STAGE[n] for n in STAGES}
    assert set(ONTO.subjects(RDF.type, EDU.EducationStage)) == {STAGE[n] for n in STAGES}


def test_administrative_levels():
    levels = {LEVEL[n] for n in ("national", "provincial", "municipal", "county")}
    assert set(ONTO.subjects(SKOS.inScheme, LEVEL_SCHEME)) == levels
    for level in levels:
        assert (level, RDF.type, EDU.AdministrativeLevel) in ONTO
        assert (level, RDF.type, SKOS.Concept) in ONTO
        assert {"zh", "en"} <= languages(ONTO, level, SKOS.prefLabel)


# --- the sample instance graph ----------------------------------------------------------------------


def test_sample_has_the_builder_shape():
    g = sample()
    counts = {cls: len(set(g.subjects(RDF.type, EDU[cls])))
              for cls in ("Plan", "Preamble", "Section", "Task", "Measure", "QuantitativeTarget", "Organization")}
    assert counts == {"Plan": 1, "Preamble": 1, "Section": 2, "Task": 3, "Measure": 4,
                      "QuantitativeTarget": 1, "Organization": 2}
    assert g.value(PLAN, DCTERMS.issued).datatype == rdflib.XSD.date  # the annotation-property case


def test_sample_offsets_slice_the_full_text():
    g = sample()
    text = str(g.value(PLAN, EDU.fullText))
    for span in g.subjects(EDU.inPlan, PLAN):
        start, end = g.value(span, EDU.startOffset).toPython(), g.value(span, EDU.endOffset).toPython()
        assert 0 <= start < end <= len(text), span
        title_start = g.value(span, EDU.titleStartOffset)
        if title_start is not None:  # a section or task: its Chinese label is its title
            title = text[title_start.toPython():g.value(span, EDU.titleEndOffset).toPython()]
            assert title == str(g.value(span, RDFS.label)), span
        elif (span, RDF.type, EDU.Measure) in g:
            assert text[start:end] == str(g.value(span, RDFS.label)), span


# --- reasoning ----------------------------------------------------------------------------------------------


@needs_java
def test_sample_is_consistent():
    report = check_consistency(sample())
    assert report.consistent
    assert report.inconsistent_classes == []
    assert report.seconds > 0


@needs_java
def test_task_that_is_also_a_measure_is_inconsistent():
    g = sample()
    g.add((URIRef(ID + "demo-2022/task/1"), RDF.type, EDU.Measure))
    assert not check_consistency(g).consistent


@needs_java
def test_unsatisfiable_class_is_reported():
    g = sample()
    bad = URIRef("https://example.org/TaskMeasure")
    g.add((bad, RDF.type, OWL.Class))
    g.add((bad, RDFS.subClassOf, EDU.Task))
    g.add((bad, RDFS.subClassOf, EDU.Measure))
    report = check_consistency(g)
    assert report.consistent  # no individual is in the class, so the graph still has a model
    assert report.inconsistent_classes == [str(bad)]


@needs_java
def test_large_full_text_survives_the_round_trip():
    # 20k code points of Chinese plus everything N-Triples has to escape, and astral-plane characters.
    rng = random.Random(7)
    text = "".join(rng.choice("教育规划推进学校美育工作〔〕《》“”\"\\'\n\r\t<>&𠀀😀 ") for _ in range(20_000))
    g = sample()
    g.set((PLAN, EDU.fullText, Literal(text)))
    assert check_consistency(g).consistent
    g.add((PLAN, EDU.fullText, Literal(text + "。")))  # functional: two different texts → inconsistent
    assert not check_consistency(g).consistent


@needs_java
def test_date_is_rejected_on_a_datatype_property():
    # Why dct:issued is an annotation property: HermiT refuses xsd:date (not in the OWL 2 datatype map).
    g = sample()
    g.add((PLAN, EDU.year, Literal("2022-04-08", datatype=rdflib.XSD.date)))
    with pytest.raises(ReasoningError, match="XMLSchema#date"):
        check_consistency(g)


@needs_java
def test_double_is_not_a_decimal():
    g = sample()
    target = URIRef(ID + "demo-2022/task/3/measure/1/target/1")
    g.set((target, EDU.value, Literal(2.5)))  # rdflib makes Python floats xsd:double
    assert not check_consistency(g).consistent


def test_missing_java_raises(monkeypatch):
    import owlready2

    monkeypatch.setattr(owlready2, "JAVA_EXE", "no-such-java-binary")
    with pytest.raises(ReasoningError, match="Java"):
        check_consistency(sample())

