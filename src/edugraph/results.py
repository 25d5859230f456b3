"""Query result formats: a registry name → function(QueryResult) → str.

Cells are read as the engine gave them (QueryResult.cells): rdflib terms, or pyoxigraph terms from the
embedded store, which are formatted without being converted to rdflib first.
"""

import csv
import io
import json
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from .layout import display_width
from .namespaces import PREFIXES

TABLE_CELL_WIDTH = 60  # display columns; longer cells are cut in the terminal table only
XSD_DECIMAL, XSD_STRING = str(XSD.decimal), str(XSD.string)
_NAMESPACES = sorted(((prefix, str(ns)) for prefix, ns in PREFIXES.items()), key=lambda item: -len(item[1]))


def _prefixed(iri):
    for prefix, namespace in _NAMESPACES:
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def _decimal(lexical):
    try:
        return format(Decimal(lexical).normalize(), "f")  # 2018, not 2018.0 (Turtle's decimal spelling)
    except InvalidOperation:
        return lexical


def _text(term):
    if term is None:
        return ""
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)) else str(term)


def _short(term):
    """A compact form for reading: prefixed IRIs, plain literal text."""
    if isinstance(term, ox.NamedNode):
        return _prefixed(term.value)
    if isinstance(term, ox.Literal):
        return _decimal(term.value) if term.datatype.value == XSD_DECIMAL else term.value
    if isinstance(term, URIRef):
        return _prefixed(str(term))
    if isinstance(term, Literal) and term.datatype == XSD.decimal and term.value is not None:
        return format(term.value.normalize(), "f")
    return _text(term)


def _cells(result, shorten):
    if result.graph is not None:
        raise ValueError("graph result")
    cell = _short if shorten else _text
    return [[cell(v) for v in row] for row in result.cells]


def _clip(text, width):
    text = " ".join(text.split())
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for char in text:
        if used + display_width(char) > width - 1:
            break
        out, used = out + char, used + display_width(char)
    return out + "…"


def format_table(result):
    if result.graph is not None:
        return format_turtle(result)
    rows = [[_clip(c, TABLE_CELL_WIDTH) for c in row] for row in _cells(result, True)]
    header = result.variables
    widths = [max([display_width(h)] + [display_width(r[i]) for r in rows]) for i, h in enumerate(header)]
    pad = lambda text, width: text + " " * (width - display_width(text))  # noqa: E731
    lines = ["  ".join(pad(h, w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(pad(c, w) for c, w in zip(row, widths)).rstrip() for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def format_csv(result):
    if result.graph is not None:
        return format_turtle(result)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.variables)
    writer.writerows(_cells(result, False))
    return buffer.getvalue()


def _json_term(term):
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "literal", "value": str(term)}


def format_json(result):
    """SPARQL 1.1 Query Results JSON."""
    if result.graph is not None:
        return result.graph.serialize(format="json-ld")
    rows = result.cells
    if result.variables == ["ask"] and len(rows) == 1 and isinstance(rows[0][0], bool):
        return json.dumps({"head": {}, "boolean": rows[0][0]}) + "\n"
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in rows]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=1) + "\n"


def format_markdown(result):
    if result.graph is not None:
        return "```turtle\n" + format_turtle(result) + "```\n"
    escape = lambda text: " ".join(text.split()).replace("|", "\\|")  # noqa: E731
    lines = ["| " + " | ".join(result.variables) + " |", "|" + "---|" * len(result.variables)]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in _cells(result, True)]
    return "\n".join(lines) + "\n"


def format_turtle(result):
    return result.graph.serialize(format="turtle")


RESULT_FORMATS = {
    "table": format_table,
    "csv": format_csv,
    "json": format_json,
    "markdown": format_markdown,
}
