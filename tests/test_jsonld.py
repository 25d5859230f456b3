"""JSON-LD for people (jsonld.py, ontology/context.jsonld): compacted with the shipped context, prefixed
`@id`s, the same bytes whatever order the triples come in, and expanding back (by pyld, an independent
JSON-LD processor) to exactly the graph the N-Triples output holds."""

import json

from pyld import jsonld
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from edugraph import settings
from edugraph.corpus import all_graphs
from edugraph.rdf.formats import FORMATS, serialize
from edugraph.namespaces import EDU, ID
from edugraph.rdf.triples import Triples


def _expanded_by_pyld(data):
    nquads = jsonld.to_rdf(json.loads(data), {"format": "application/n-quads"})
    return Graph().parse(data=nquads, format="nt")


def _node(document, node_id):
    return next(node for node in document["@graph"] if node["@id"] == node_id)


def test_corpus_jsonld_is_compacted_readable_and_expands_back_to_the_ntriples_graph(corpus_build):
    graphs = all_graphs(corpus_build)
    data = serialize(graphs, FORMATS[".jsonld"])
    document = json.loads(data)
    shipped = json.loads(settings.CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]
    assert document["@context"] == shipped  # embedded: the file reads offline
    plan = _node(document, "id:weihai-2022")
    assert plan["@type"] == "Plan"
    assert plan["year"] == 2022 and plan["issued"] == "2022-04-08"
    assert plan["label"] == "中共威海市委教育工作委员会 威海市教育局2022年工作要点"
    assert plan["hasSection"][0] == "id:weihai-2022/section/1" and plan["jurisdiction"] == "division:371000"
    task = _node(document, "id:weihai-2022/task/19")
    assert task["numbering"] == "19" and task["ordinal"] == 19 and isinstance(task["startOffset"], int)
    target = next(n for n in document["@graph"] if n.get("@type") == "QuantitativeTarget" and "value" in n)
    assert isinstance(target["value"], str) and isinstance(target["approximate"], bool)  # decimals stay exact
    assert len(data) < len(serialize(graphs, FORMATS[".nt"])) / 2

    expected = Graph().parse(data=serialize(graphs, FORMATS[".nt"]), format="nt")
    assert isomorphic(_expanded_by_pyld(data), expected)


def test_jsonld_bytes_do_not_depend_on_triple_order(corpus_build):
    graphs = all_graphs(corpus_build)
    backwards = {name: Triples(b"".join(reversed(part.data.splitlines(True))))
                 for name, part in reversed(graphs.items())}
    assert serialize(backwards, FORMATS[".jsonld"]) == serialize(graphs, FORMATS[".jsonld"])


def test_values_the_context_has_no_term_for_keep_their_type():
    edu, xsd = str(EDU), "http://www.w3.org/2001/XMLSchema#"
    lines = f"""
<{ID}p> <{RDF.type}> <{EDU.Plan}> .
<{ID}p> <{RDF.type}> <http://example.org/Other> .
<{ID}p> <{RDFS.label}> "no language" .
<{ID}p> <{RDFS.label}> "Weihai"@en-gb .
<{ID}p> <{edu}ordinal> "012"^^<{xsd}integer> .
<{ID}p> <{edu}depth> "-0"^^<{xsd}integer> .
<{ID}p> <{edu}year> "2022"^^<{xsd}gYear> .
<{ID}p> <{edu}approximate> "1"^^<{xsd}boolean> .
<{ID}p> <http://example.org/p> _:b1 .
_:b1 <{edu}unit> "\u6240\\n\\u000C\\"{{}}" .
<{ID}p> <{edu}hasSection> <urn:x:section> .
"""
    triples = Triples(lines.strip().encode("utf-8") + b"\n")
    data = serialize({"urn:g": triples}, FORMATS[".jsonld"])
    node = _node(json.loads(data), "id:p")
    assert node["@type"] == ["Plan", "http://example.org/Other"]
    assert node["rdfs:label"] == ["no language", {"@language": "en-gb", "@value": "Weihai"}]
    assert node["ordinal"] == "012" and node["depth"] == "-0" and node["approximate"] == "1"
    assert node["edu:year"] == {"@type": "xsd:gYear", "@value": "2022"}
    assert node["hasSection"] == "urn:x:section"
    expected = Graph().parse(data=triples.data, format="nt")
    assert isomorphic(_expanded_by_pyld(data), expected)
    nquads = jsonld.to_rdf(json.loads(data), {"format": "application/n-quads"})
    assert f'"012"^^<{xsd}integer>' in nquads and f'"1"^^<{xsd}boolean>' in nquads  # lexical forms kept


def test_a_construct_result_as_json_is_compacted_jsonld(corpus_graph):
    from edugraph.serving.queries import execute
    from edugraph.serving.results import format_json
    task = f"{ID['weihai-2022']}/task/19"
    result = execute(f"PREFIX edu: <{EDU}> CONSTRUCT {{ <{task}> edu:ordinal ?o }} WHERE {{ <{task}> edu:ordinal ?o }}",
                     corpus_graph)
    document = json.loads(format_json(result))
    assert document["@graph"] == [{"@id": "id:weihai-2022/task/19", "ordinal": 19}]
