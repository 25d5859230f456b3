"""Output and input RDF formats: a registry keyed by file extension, and atomic writing.

Every format is written by pyoxigraph from N-Triples lines (triples.Triples), in the order the graphs
and their lines come, so the same build gives the same bytes; JSON-LD is compacted with the shipped
context by jsonld.py, sorted. Control characters in literals are kept
wherever the syntax can carry them: Turtle, N-Triples, TriG and N-Quads escape them (\\f, \\u001B),
JSON-LD escapes them as JSON does. XML 1.0 cannot carry C0 controls other than tab, line feed and
carriage return (nor U+FFFE/U+FFFF), so RDF/XML refuses a graph holding one, naming it; a carriage
return is written as &#13; so that XML's line-end normalisation cannot turn it into a line feed. Offsets
count code points of the text as kept, so they stay true in every file that is written.
"""

import errno
import os
import re
import secrets
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path

import pyoxigraph as ox

from edugraph.errors import GraphLoadError, OutputError
from edugraph.namespaces import PREFIXES, bind_prefixes
from edugraph.rdf.triples import Triples


@dataclass(frozen=True)
class RdfFormat:
    name: str          # rdflib plugin name (reading with rdflib, the rdflib writing path)
    media_type: str
    ox: ox.RdfFormat   # pyoxigraph's writer and parser
    quads: bool = False  # keeps one named graph per plan


FORMATS = {
    ".ttl": RdfFormat("turtle", "text/turtle", ox.RdfFormat.TURTLE),
    ".nt": RdfFormat("nt", "application/n-triples", ox.RdfFormat.N_TRIPLES),
    ".jsonld": RdfFormat("json-ld", "application/ld+json", ox.RdfFormat.JSON_LD),
    ".rdf": RdfFormat("xml", "application/rdf+xml", ox.RdfFormat.RDF_XML),
    ".owl": RdfFormat("xml", "application/rdf+xml", ox.RdfFormat.RDF_XML),
    ".trig": RdfFormat("trig", "application/trig", ox.RdfFormat.TRIG, quads=True),
    ".nq": RdfFormat("nquads", "application/n-quads", ox.RdfFormat.N_QUADS, quads=True),
}
OX_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
# What XML 1.0 cannot carry at all (in UTF-8): C0 controls but tab, LF, CR; U+FFFE and U+FFFF.
_NOT_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")


def format_for(path):
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise OutputError(f"unknown RDF format {suffix or '(no extension)'}; expected one of "
                          + ", ".join(sorted(FORMATS)), path=path)
    return FORMATS[suffix]


def atomic_write_bytes(path, data):
    """Write via a temp file in the same folder and rename, so no reader ever sees half a file. The file gets
    the mode any new file gets (0666 less the umask), as a plain open() would: mkstemp's 0600 would not."""
    path = Path(path)
    if path.is_dir():
        raise OutputError("is a directory; expected a file name", path=path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(100):
            tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
                break
            except FileExistsError:
                continue
        else:
            raise FileExistsError(errno.EEXIST, "no free temporary name")
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror or error}", path=path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write: {error.strerror or error}", path=path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def serialize(graphs, rdf_format):
    """Bytes of the named graphs {graph IRI: triples.Triples or rdflib Graph} in one format. Triple
    formats hold the graphs one after another: graphs that share a triple repeat it (the same graph)."""
    parts = {name: Triples.of(graph) for name, graph in graphs.items()}
    if rdf_format.ox == ox.RdfFormat.TURTLE:
        bodies = [turtle_body(part) for part in parts.values()]
        return (_turtle_header() if any(bodies) else b"") + b"".join(bodies)
    if rdf_format.ox == ox.RdfFormat.JSON_LD:  # compacted with the shipped context, for people (jsonld.py)
        from edugraph.rdf.jsonld import serialize_jsonld
        return serialize_jsonld(chain.from_iterable(part.ox_triples() for part in parts.values()))
    if rdf_format.quads:
        statements = chain.from_iterable(part.ox_quads(name) for name, part in parts.items())
    else:
        statements = chain.from_iterable(part.ox_triples() for part in parts.values())
    try:
        data = ox.serialize(statements, format=rdf_format.ox, prefixes=OX_PREFIXES)
    except (ValueError, SyntaxError) as error:  # a graph name or IRI that is not an absolute IRI
        raise OutputError(f"cannot write {rdf_format.name}: {str(error).splitlines()[0]}") from None
    return _xml_safe(data) if rdf_format.ox == ox.RdfFormat.RDF_XML else data


@lru_cache(maxsize=1)
def _turtle_header():
    dummy = ox.Triple(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:o"))
    data = ox.serialize([dummy], format=ox.RdfFormat.TURTLE, prefixes=OX_PREFIXES)
    return data[:data.index(b"<urn:x:s>")]


def turtle_body(part):
    """A graph's Turtle statements without the @prefix lines, written once per Triples (and kept in the
    build cache): a Turtle file is the header and its graphs' bodies one after another, which is what
    pyoxigraph writes for all of them at once when no two graphs share a subject (a build's never do;
    otherwise the subject is stated twice, the same graph)."""
    if part.turtle is None:
        data = ox.serialize(part.ox_triples(), format=ox.RdfFormat.TURTLE, prefixes=OX_PREFIXES)
        part.turtle = data[len(_turtle_header()):] if data else b""
    return part.turtle


def _xml_safe(data):
    bad = _NOT_XML.search(data)
    if bad:
        char = bad.group().decode("utf-8")
        line = data.count(b"\n", 0, bad.start()) + 1
        raise OutputError(f"RDF/XML cannot carry the control character U+{ord(char):04X} (in a literal "
                          f"written on line {line}); write .ttl, .nt, .jsonld, .trig or .nq, which keep it")
    return data.replace(b"\r", b"&#13;")


def serialize_rdflib(graphs, rdf_format):
    """The same bytes' graph written by rdflib, triple by triple: the slow path, kept for comparison
    (benchmarks/bench_corpus.py, tests) and for graphs only rdflib holds."""
    from rdflib import Dataset, Graph
    if rdf_format.quads:
        dataset = bind_prefixes(Dataset())
        for name, graph in graphs.items():
            target = dataset.graph(name)
            for triple in graph:
                target.add(triple)
        return dataset.serialize(format=rdf_format.name, encoding="utf-8")
    merged = bind_prefixes(Graph())
    for graph in graphs.values():
        merged += graph
    return merged.serialize(format=rdf_format.name, encoding="utf-8")


def write_graphs(graphs, path):
    atomic_write_bytes(path, serialize(graphs, format_for(path)))


def load_graph(paths):
    """Merge RDF files into one rdflib Dataset (default graph = union). Errors name the file."""
    from rdflib import Dataset
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    for path in paths:
        rdf_format = format_for(path)
        if not Path(path).is_file():
            raise GraphLoadError("no such file", path=path)
        try:
            if rdf_format.quads:
                dataset.parse(path, format=rdf_format.name)
            else:
                dataset.graph(Path(path).resolve().as_uri()).parse(path, format=rdf_format.name)
        except Exception as error:  # rdflib raises many unrelated types for bad syntax
            message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise GraphLoadError(f"not valid {rdf_format.name}: {message}", path=path) from None
    return dataset
