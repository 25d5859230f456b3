"""Ontology release files and documentation (`edugraph ontology`)."""

import html

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from edugraph import __version__
from edugraph.cli import main
from edugraph.namespaces import EDU, ONTOLOGY_IRI
from edugraph.rdf.release import RELEASE_FORMATS, release_graph


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    folder = tmp_path_factory.mktemp("release")
    assert main(["ontology", "-o", str(folder)]) == 0
    return folder


@pytest.mark.parametrize("name", sorted(RELEASE_FORMATS))
def test_every_release_format_is_the_versioned_ontology(name, release):
    graph = Graph().parse(release / name, format=RELEASE_FORMATS[name])
    assert isomorphic(graph, release_graph())
    assert graph.value(URIRef(ONTOLOGY_IRI), OWL.versionIRI) == URIRef(f"{ONTOLOGY_IRI}/{__version__}")


def test_the_source_header_states_the_package_version():
    source = Graph().parse(__import__("edugraph.settings", fromlist=["x"]).ONTOLOGY_PATH)
    assert str(source.value(URIRef(ONTOLOGY_IRI), OWL.versionInfo)) == __version__


def test_owlready2_loads_the_rdf_xml_release(release):
    import owlready2
    world = owlready2.World()
    onto = world.get_ontology((release / "edugraph.owl").as_uri()).load()
    names = {c.name for c in onto.classes()}
    assert {"Plan", "Section", "Task", "Measure", "AdministrativeDivision"} <= names
    assert "hasSubtask" in {p.name for p in onto.object_properties()}


def test_the_documentation_covers_every_term_in_both_languages(release):
    page = html.unescape((release / "index.html").read_text(encoding="utf-8"))
    source = release_graph()
    terms = [t for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
             for t in source.subjects(RDF.type, kind) if str(t).startswith(str(EDU))]
    assert len(terms) > 60
    for term in terms:
        assert str(term) in page, term
        for label in source.objects(term, RDFS.label):
            assert str(label) in page, (term, label)


def test_a_file_where_the_release_folder_should_be_is_an_error(tmp_path, capsys):
    (tmp_path / "taken").write_text("x")
    assert main(["ontology", "-o", str(tmp_path / "taken"), "--no-docs"]) == 5
    assert "expected a folder" in capsys.readouterr().err
