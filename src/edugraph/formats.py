"""Output and input RDF formats: a registry keyed by file extension, and atomic writing."""

import errno
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from .errors import GraphLoadError, OutputError
from .namespaces import bind_prefixes


@dataclass(frozen=True)
class RdfFormat:
    name: str          # rdflib plugin name
    media_type: str
    quads: bool = False  # keeps one named graph per plan


FORMATS = {
    ".ttl": RdfFormat("turtle", "text/turtle"),
    ".nt": RdfFormat("nt", "application/n-triples"),
    ".jsonld": RdfFormat("json-ld", "application/ld+json"),
    ".rdf": RdfFormat("xml", "application/rdf+xml"),
    ".owl": RdfFormat("xml", "application/rdf+xml"),
    ".trig": RdfFormat("trig", "application/trig", quads=True),
    ".nq": RdfFormat("nquads", "application/n-quads", quads=True),
}


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
    """Bytes of the named graphs {graph IRI: Graph} in one format, deterministic for line formats."""
    if rdf_format.quads:
        dataset = bind_prefixes(Dataset())
        for name, graph in graphs.items():
            target = dataset.graph(name)
            for triple in graph:
                target.add(triple)
        data = dataset.serialize(format=rdf_format.name, encoding="utf-8")
    else:
        merged = bind_prefixes(Graph())
        for graph in graphs.values():
            merged += graph
        data = merged.serialize(format=rdf_format.name, encoding="utf-8")
    if rdf_format.name in ("nt", "nquads"):
        data = b"".join(sorted(set(data.splitlines(keepends=True))))
    return data


def write_graphs(graphs, path):
    atomic_write_bytes(path, serialize(graphs, format_for(path)))


def load_graph(paths):
    """Merge RDF files into one rdflib Dataset (default graph = union). Errors name the file."""
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
