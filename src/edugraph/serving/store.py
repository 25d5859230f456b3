"""Embedded SPARQL stores: a registry name → backend, one interface.

    store = open_store("oxigraph", ["build/corpus.ttl"])     # or "rdflib"; path=DIR keeps it on disk
    run_query("outline", store)                              # queries.execute calls store.run_sparql

Every store answers SPARQL with the default graph = the union of its named graphs, so saved queries need
no GRAPH clauses. Oxigraph's union keeps a triple once per graph that holds it (rdflib's merges them), so
portable queries use DISTINCT where plans share triples (organisations, the software); see README.
Results are queries.QueryResult with rdflib terms, whatever the engine, so every result format works.
"""

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from edugraph import settings
from edugraph.errors import GraphLoadError, QueryError
from edugraph.rdf.formats import format_for, load_graph
from edugraph.namespaces import bind_prefixes
from edugraph.serving.queries import QueryResult, execute
from edugraph.rdf.triples import Triples

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# formats.FORMATS plugin name → Oxigraph's parser for the same syntax.
OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "json-ld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
}


def _first_line(error):
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def file_graph_iri(path):
    """The named graph a triples file (no graph names of its own) is loaded into, as load_graph does."""
    return Path(path).resolve().as_uri()


class RdflibStore:
    """rdflib's in-memory Dataset: pure Python, every syntax, slow on large graphs."""

    name = "rdflib"

    def __init__(self, path=None):
        if path is not None:
            raise QueryError("the rdflib store is in memory only; use --store oxigraph for a store on disk")
        self.dataset = bind_prefixes(Dataset(default_union=True))

    def load(self, paths):
        loaded = load_graph(paths)
        if len(self.dataset) == 0:
            self.dataset = loaded
        else:
            self.dataset.addN(loaded.quads())
        return self

    def add_graphs(self, graphs):
        """Add {graph IRI: rdflib Graph or triples.Triples}, e.g. corpus.all_graphs(build())."""
        for name, graph in graphs.items():
            target = self.dataset.graph(URIRef(name))
            for triple in graph:
                target.add(triple)
        return self

    def __len__(self):
        return sum(1 for _ in self.dataset.quads((None, None, None, None)))

    def run_sparql(self, sparql, name="query"):
        return execute(sparql, self.dataset, name)


class OxigraphStore:
    """pyoxigraph (Rust): in memory, or on disk (RocksDB) when given a folder."""

    name = "oxigraph"

    def __init__(self, path=None):
        try:
            self.store = ox.Store(str(path)) if path is not None else ox.Store()
        except OSError as error:
            raise GraphLoadError(f"cannot open Oxigraph store: {_first_line(error)}", path=path) from None

    def load(self, paths):
        for path in paths:
            rdf_format = format_for(path)
            if not Path(path).is_file():
                raise GraphLoadError("no such file", path=path)
            graph = None if rdf_format.quads else ox.NamedNode(file_graph_iri(path))
            try:
                self.store.load(path=str(path), format=OX_FORMATS[rdf_format.name], to_graph=graph)
            except (SyntaxError, ValueError, OSError) as error:
                raise GraphLoadError(f"not valid {rdf_format.name}: {_first_line(error)}", path=path) from None
        return self

    def add_graphs(self, graphs):
        """Add {graph IRI: triples.Triples or rdflib Graph}, e.g. corpus.all_graphs(build())."""
        for name, graph in graphs.items():
            self.store.load(Triples.of(graph).data, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(name)))
        return self

    def __len__(self):
        return len(self.store)

    def graph_view(self):
        return StoreGraphView(self)

    def run_sparql(self, sparql, name="query"):
        try:
            result = self.store.query(sparql, use_default_graph_as_union=True)
            if isinstance(result, ox.QueryBoolean):
                return QueryResult(["ask"], [(bool(result),)])
            if isinstance(result, ox.QueryTriples):
                graph = bind_prefixes(Graph())
                for triple in result:
                    graph.add(tuple(to_rdflib(t) for t in (triple.subject, triple.predicate, triple.object)))
                return QueryResult([], [], graph=graph)
            variables = [v.value for v in result.variables]
            return QueryResult(variables, raw=[tuple(row) for row in result], convert=to_rdflib)
        except SyntaxError as error:
            raise QueryError(f"{name}: SPARQL syntax error: {_first_line(error)}") from None
        except (OSError, ValueError, RuntimeError) as error:
            raise QueryError(f"{name}: query failed: {_first_line(error)}") from None


class StoreGraphView:
    """The read-only part of rdflib's Graph API that the pictures and figures use (subjects, objects,
    subject_objects, value), answered by index lookups in an Oxigraph store over the union of its graphs;
    terms are rdflib's. Reading a file this way costs Oxigraph's parse plus what is looked up, not an
    rdflib parse of everything."""

    def __init__(self, store):
        self.source, self._terms = store, {}

    def run_sparql(self, sparql, name="query"):
        return self.source.run_sparql(sparql, name)

    def _ox(self, term):
        if term is None:
            return None
        if isinstance(term, URIRef):
            return ox.NamedNode(term)
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            return ox.Literal(str(term), datatype=ox.NamedNode(term.datatype or XSD_STRING))
        return ox.BlankNode(term)

    def _rdflib(self, term):
        found = self._terms.get(term)
        if found is None:
            found = self._terms[term] = to_rdflib(term)
        return found

    def _match(self, s, p, o):
        quads = self.source.store.quads_for_pattern(self._ox(s), self._ox(p), self._ox(o), None)
        return dict.fromkeys((q.subject, q.predicate, q.object) for q in quads)  # once, whatever the graphs

    def subjects(self, predicate=None, obj=None):
        return iter(dict.fromkeys(self._rdflib(s) for s, _, _ in self._match(None, predicate, obj)))

    def objects(self, subject=None, predicate=None):
        return iter(dict.fromkeys(self._rdflib(o) for _, _, o in self._match(subject, predicate, None)))

    def subject_objects(self, predicate=None):
        return ((self._rdflib(s), self._rdflib(o)) for s, _, o in self._match(None, predicate, None))

    def triples(self, pattern):
        s, p, o = pattern
        return ((self._rdflib(a), self._rdflib(b), self._rdflib(c)) for a, b, c in self._match(s, p, o))

    def value(self, subject=None, predicate=None, object=None):  # noqa: A002 (rdflib's name)
        for _, _, found in self._match(subject, predicate, None):
            return self._rdflib(found)
        return None


def to_rdflib(term):
    """A pyoxigraph term as the rdflib term rdflib itself would have produced (None stays None)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        # RDF 1.1: a plain literal is an xsd:string; rdflib spells it without a datatype.
        return Literal(term.value, datatype=None if datatype == XSD_STRING else URIRef(datatype))
    raise QueryError(f"unsupported RDF term in a result: {term}")  # RDF-star triple terms


STORES = {"rdflib": RdflibStore, "oxigraph": OxigraphStore}


def open_store(name=None, paths=(), path=None):
    """A store from the registry (default: settings.DEFAULT_STORE) with RDF files loaded."""
    name = name or settings.DEFAULT_STORE
    if name not in STORES:
        raise QueryError(f"unknown store {name!r}; expected one of {', '.join(sorted(STORES))}")
    store = STORES[name](path)
    return store.load(list(paths)) if paths else store


def named_graphs(paths=None):
    """{graph IRI: triples.Triples} to serve or publish. No paths: build data/sources now (corpus.all_graphs:
    one graph per plan, plus the vocabulary). Otherwise .trig/.nq files, whose named graphs are kept as they
    are; a triples file has no graph names to keep, so it is refused rather than guessed at."""
    if not paths:
        from edugraph.corpus import all_graphs, build
        return {str(name): graph for name, graph in all_graphs(build()).items()}
    store = OxigraphStore()
    for path in paths:
        if not format_for(path).quads:
            raise GraphLoadError("has no named graphs; write one per plan with `edugraph build -o FILE.trig` "
                                 "(or .nq), or give no file to build data/sources", path=path)
        store.load([path])
        if any(True for _ in store.store.quads_for_pattern(None, None, None, ox.DefaultGraph())):
            raise GraphLoadError("has triples outside any named graph", path=path)
    return {name.value: Triples(store.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name))
            for name in sorted(store.store.named_graphs(), key=lambda n: n.value)}
