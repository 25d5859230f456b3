"""Triples as N-Triples text: the fast path from the document model to every output.

The graph writer adds rdflib terms (the readable way to spell RDF in Python); `TripleSink` turns each
triple into one N-Triples line at once and keeps the lines as an ordered set, so a plan's graph costs a
few string operations per triple instead of rdflib's index bookkeeping. `Triples` is the frozen result:
UTF-8 N-Triples bytes, deterministic (writer order, grouped by subject), which pyoxigraph parses and
writes in every format, a store loads directly, the build cache keeps as they are, and which becomes an
rdflib Graph only when someone asks for one (`to_rdflib`).
"""

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# N-Triples string escapes: the four the grammar requires, and every other C0 control and DEL as \uXXXX so
# that lines stay printable and no parser's idea of a line break (or of NUL) can split a literal.
_ESCAPES = {code: f"\\u{code:04X}" for code in [*range(0x20), 0x7F]}
_ESCAPES.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r"})


def nt_literal(lexical, language=None, datatype=None):
    text = f'"{lexical.translate(_ESCAPES)}"'
    if language:
        return f"{text}@{language}"
    if datatype and str(datatype) != XSD_STRING:
        return f"{text}^^<{datatype}>"
    return text


class Rendered(str):
    """A term already spelled as N-Triples: the graph writer's most frequent literals (offsets, zh labels)
    skip rdflib's Literal, which costs more than the line it ends up in."""

    __slots__ = ()


def rendered_int(value):
    return Rendered(f'"{value}"^^<http://www.w3.org/2001/XMLSchema#integer>')


def rendered_text(text, language):
    return Rendered(nt_literal(text, language))


def nt_term(term):
    kind = type(term)  # exact types first: isinstance on rdflib terms goes through ABC checks
    if kind is URIRef:  # the writer builds its IRIs escaped (graph.iri_segment)
        return f"<{term}>"
    if kind is Rendered:
        return str.__str__(term)
    if kind is Literal or isinstance(term, Literal):
        return nt_literal(str(term), term.language, term.datatype)
    if isinstance(term, BNode):  # the writer makes none; graphs read from files may have them
        return f"_:{term}"
    return f"<{term}>"


class TermCache:
    """A namespace whose terms are made once: rdflib's Namespace builds a new URIRef at every access, and
    the graph writer asks for the same few terms hundreds of thousands of times."""

    def __init__(self, namespace):
        self._namespace, self._items = namespace, {}

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)  # found as a plain attribute from now on
        return term

    def __getitem__(self, name):
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._namespace[name]
        return term


class TripleSink:
    """An ordered set of triples, stored as N-Triples lines grouped by subject (first appearance order), so
    that Turtle writes each subject once."""

    __slots__ = ("groups",)

    def __init__(self):
        self.groups = {}  # subject in N-Triples → {line: None}

    def add(self, triple):
        s, p, o = triple
        s = f"<{s}>" if type(s) is URIRef else nt_term(s)
        group = self.groups.get(s)
        if group is None:
            group = self.groups[s] = {}
        group[f"{s} <{p}> {nt_term(o)} .\n"] = None

    def __len__(self):
        return sum(len(group) for group in self.groups.values())

    def freeze(self, sort=False):
        """Triples of the lines so far (subjects and their lines sorted, or in first appearance order)."""
        groups = sorted(self.groups.items()) if sort else self.groups.items()
        return Triples("".join(line for _, lines in groups for line in (sorted(lines) if sort else lines))
                       .encode("utf-8"))


class Triples:
    """A frozen graph as N-Triples bytes. Iterating gives rdflib triples (as iterating a Graph does)."""

    __slots__ = ("data", "_count", "turtle")

    def __init__(self, data=b"", turtle=None):
        self.data = data
        self._count = None
        self.turtle = turtle  # its Turtle statements, once written (formats.turtle_body)

    def __len__(self):
        if self._count is None:
            self._count = self.data.count(b"\n")
        return self._count

    def __eq__(self, other):
        return isinstance(other, Triples) and self.data == other.data

    __hash__ = None

    def ox_triples(self):
        return ox.parse(self.data, ox.RdfFormat.N_TRIPLES)

    def ox_quads(self, graph_name):
        """As quads in the named graph: each line gets the graph name before its final " ." (a line ends
        there and only there: N-Triples escapes line breaks inside literals)."""
        graph = f" <{ox.NamedNode(str(graph_name)).value}> .\n".encode("utf-8")
        return ox.parse(self.data.replace(b" .\n", graph), ox.RdfFormat.N_QUADS)

    def to_rdflib(self, graph=None):
        """An rdflib Graph of these triples (or the triples added to `graph`)."""
        from rdflib import Graph

        from edugraph.namespaces import bind_prefixes
        graph = bind_prefixes(Graph()) if graph is None else graph
        graph.addN((s, p, o, graph) for s, p, o in self._rdflib_triples())
        return graph

    def _rdflib_triples(self):
        from edugraph.serving.store import to_rdflib
        cache = {}
        convert = lambda term: cache.get(term) or cache.setdefault(term, to_rdflib(term))  # noqa: E731
        for triple in self.ox_triples():
            yield convert(triple.subject), convert(triple.predicate), to_rdflib(triple.object)

    def __iter__(self):
        return self._rdflib_triples()

    @classmethod
    def of(cls, graph):
        """Triples of an rdflib Graph (sorted, as its order is its store's), or these Triples themselves."""
        if isinstance(graph, Triples):
            return graph
        sink = TripleSink()
        for triple in graph:
            sink.add(triple)
        return sink.freeze(sort=True)

    @classmethod
    def concat(cls, parts):
        """One graph of several, duplicates dropped (the first copy of a line is kept)."""
        lines = dict.fromkeys(line for part in parts for line in part.data.splitlines(keepends=True))
        return cls(b"".join(lines))
