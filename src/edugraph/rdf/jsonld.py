"""JSON-LD for people: triples written compacted with the shipped context (ontology/context.jsonld).

The context is embedded, so a file reads offline. Each subject is one node object with its `@id` as a
prefixed name (`id:weihai-2022`), its classes under `@type` and every property under the context's short
key for that property *and* kind of value (`label` is rdfs:label@zh, `label_en` rdfs:label@en, `startOffset`
an xsd:integer). A value the context has no term for keeps the prefixed property name and an explicit
`@value`/`@type`/`@language`, so nothing is lost. Compaction is done here rather than by a JSON-LD processor
(pyld takes minutes on a corpus): with flat triples it is a look-up per value, and the tests check with pyld
that the file expands back to the same graph. Nodes, keys and values are sorted, so the same graph gives the
same bytes whatever order its triples came in.
"""

import json
import re
from functools import lru_cache

import pyoxigraph as ox

from edugraph import settings
from edugraph.errors import OutputError

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
CANONICAL_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)", re.ASCII)
PLAIN = "string"  # the kind of an xsd:string literal, which a term with no @type or @language takes


@lru_cache(maxsize=1)
def load_context():
    """The "@context" object of ontology/context.jsonld."""
    path = settings.CONTEXT_PATH
    try:
        return json.loads(path.read_text(encoding="utf-8"))["@context"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise OutputError(f"cannot read the JSON-LD context: {error}", path=path) from None


class Compactor:
    def __init__(self, context):
        self.context = context
        # A string definition ending in / or # is a prefix; longest namespace first, so the most specific wins.
        self.prefixes = sorted(((name, iri) for name, iri in context.items()
                                if isinstance(iri, str) and iri.endswith(("/", "#"))), key=lambda p: -len(p[1]))
        self.terms = {}  # (property IRI, kind of value) → term
        for name, definition in context.items():
            if name.startswith("@") or (isinstance(definition, str) and definition.endswith(("/", "#"))):
                continue
            if isinstance(definition, str):
                self.terms[(self.expand(definition), PLAIN)] = name
                continue
            declared = definition.get("@type")
            if declared == "@id":
                kind = "@id"
            elif "@language" in definition:
                kind = "@" + definition["@language"]
            else:
                kind = self.expand(declared) if declared else PLAIN
            self.terms[(self.expand(definition["@id"]), kind)] = name
        # Class terms (a string definition) name classes in @type.
        self.classes = {iri: name for (iri, kind), name in self.terms.items() if kind == PLAIN and name[:1].isupper()}

    def expand(self, value):
        prefix, sep, rest = value.partition(":")
        namespace = self.context.get(prefix) if sep else None
        return namespace + rest if isinstance(namespace, str) and not rest.startswith("//") else value

    def iri(self, iri):
        for prefix, namespace in self.prefixes:
            if iri.startswith(namespace) and not iri[len(namespace):].startswith("//"):
                return f"{prefix}:{iri[len(namespace):]}"
        return iri

    def node_id(self, term):
        return f"_:{term.value}" if isinstance(term, ox.BlankNode) else self.iri(term.value)

    def entry(self, predicate, obj):
        """(key, JSON value) of one triple's property and object."""
        if isinstance(obj, (ox.NamedNode, ox.BlankNode)):
            kind = "@id"
        elif obj.language:
            kind = "@" + obj.language
        else:
            kind = PLAIN if obj.datatype.value == XSD + "string" else obj.datatype.value
        term = self.terms.get((predicate.value, kind))
        if term is not None:
            if kind == "@id":
                return term, self.node_id(obj)
            return term, _native(obj.value, kind)
        key = self.iri(predicate.value)
        if kind == "@id":
            return key, {"@id": self.node_id(obj)}
        if kind == PLAIN:
            return key, obj.value
        if obj.language:
            return key, {"@value": obj.value, "@language": obj.language}
        return key, {"@value": obj.value, "@type": self.iri(kind)}


def _native(lexical, datatype):
    """JSON's own number or boolean where it reads back as the same literal (canonical integers and
    booleans); every other value as its lexical form, which the term's @type types."""
    if datatype == XSD + "integer" and CANONICAL_INTEGER.fullmatch(lexical) and lexical != "-0":
        return int(lexical)
    if datatype == XSD + "boolean" and lexical in ("true", "false"):
        return lexical == "true"
    return lexical


def _sort_key(value):
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def serialize_jsonld(triples):
    """UTF-8 bytes of compacted JSON-LD for pyoxigraph triples (a graph: repeated triples count once)."""
    compactor = Compactor(load_context())
    nodes = {}  # subject id → {key: set of JSON-encoded values}
    for triple in triples:
        subject = compactor.node_id(triple.subject)
        properties = nodes.setdefault(subject, {})
        obj = triple.object
        if triple.predicate.value == RDF_TYPE and isinstance(obj, ox.NamedNode):
            key, value = "@type", compactor.classes.get(obj.value) or compactor.iri(obj.value)
        else:
            key, value = compactor.entry(triple.predicate, obj)
        properties.setdefault(key, {})[_sort_key(value)] = value
    graph = []
    for subject in sorted(nodes):
        node = {"@id": subject}
        properties = nodes[subject]
        for key in sorted(properties, key=lambda k: (k != "@type", k)):
            values = [v for _, v in sorted(properties[key].items())]
            node[key] = values[0] if len(values) == 1 else values
        graph.append(node)
    document = {"@context": compactor.context, "@graph": graph}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
