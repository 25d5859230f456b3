"""Query result formats: a registry name → function(QueryResult) → str.

Cells are read as the engine gave them (QueryResult.cells): rdflib terms, or pyoxigraph terms from the
embedded store, which are formatted without being converted to rdflib first.
"""

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from edugraph.reading.layout import display_width
from edugraph.namespaces import PREFIXES

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


# --- typed values (QueryResult.to_dicts(typed=True), to_dataframe) -----------------------------------
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + name for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
    "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte", "gYear")}
_CONVERTERS = {
    **{iri: int for iri in _INTEGERS},
    _XSD + "decimal": Decimal,
    _XSD + "double": float,
    _XSD + "float": float,
    _XSD + "boolean": {"true": True, "1": True, "false": False, "0": False}.__getitem__,
    _XSD + "date": date.fromisoformat,
    _XSD + "dateTime": datetime.fromisoformat,
}


def _parts(term):
    """(IRI or None, lexical form, datatype IRI or None) of a pyoxigraph or rdflib term."""
    if isinstance(term, (ox.NamedNode, URIRef)):
        return str(term.value if isinstance(term, ox.NamedNode) else term), None, None
    if isinstance(term, ox.Literal):
        return None, term.value, None if term.language else term.datatype.value
    if isinstance(term, Literal):
        return None, str(term), None if term.language else str(term.datatype or XSD_STRING)
    return None, _text(term), None


def python_value(term, short=False, typed=True):
    """A cell as Python: xsd integers (and gYear) → int, decimal → Decimal, double/float → float, boolean →
    bool, date → datetime.date, dateTime → datetime; any other literal its text (an ill-typed one too, rather
    than failing; every literal with typed=False); an IRI its text, or with short=True its prefixed name."""
    if term is None or isinstance(term, bool):  # unbound, or an ASK answer
        return term
    iri, lexical, datatype = _parts(term)
    if iri is not None:
        return _prefixed(iri) if short else iri
    convert = _CONVERTERS.get(datatype) if typed else None
    if convert is None:
        return lexical
    try:
        return convert(lexical.strip())
    except (ValueError, KeyError, InvalidOperation):
        return lexical


def _column(pandas, values):
    """A pandas column of one variable's values: numbers, booleans and dates as pandas' own dtypes (nullable
    where a row has no value), decimals as float64 so that sums and pivots work; anything mixed as objects."""
    kinds = {type(v) for v in values if v is not None}
    missing = len(kinds) and any(v is None for v in values)
    if kinds == {int}:
        return pandas.array(values, dtype="Int64") if missing else pandas.array(values, dtype="int64")
    if kinds and kinds <= {int, float, Decimal}:
        return pandas.array([None if v is None else float(v) for v in values], dtype="float64")
    if kinds == {bool}:
        return pandas.array(values, dtype="boolean" if missing else "bool")
    if kinds in ({date}, {datetime}):
        return pandas.to_datetime(pandas.Series(values, dtype="object"))
    return pandas.array(values, dtype="object")


def to_dataframe(result, short=False):
    import pandas
    rows = [[python_value(term, short) for term in row] for row in result.cells]
    columns = {name: _column(pandas, [row[i] for row in rows]) for i, name in enumerate(result.variables)}
    return pandas.DataFrame(columns, columns=result.variables)


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


def _wrap(text, width):
    """The text (whitespace runs collapsed) cut into lines of at most `width` display columns."""
    lines, line, used = [], "", 0
    for char in " ".join(text.split()):
        if used + display_width(char) > width and line:
            lines.append(line)
            line, used = "", 0
        line, used = line + char, used + display_width(char)
    return lines + [line] if line or not lines else lines


def format_table(result, full=False):
    """An aligned table for the terminal, widths by display columns (a CJK character is two). A cell longer
    than TABLE_CELL_WIDTH is cut with … unless full=True (`--full`), which wraps it over several lines."""
    if result.graph is not None:
        return format_turtle(result)
    if full:
        rows = [[_wrap(c, TABLE_CELL_WIDTH) for c in row] for row in _cells(result, True)]
    else:
        rows = [[[_clip(c, TABLE_CELL_WIDTH)] for c in row] for row in _cells(result, True)]
    header = result.variables
    widths = [max([display_width(h)] + [display_width(line) for r in rows for line in r[i]])
              for i, h in enumerate(header)]
    pad = lambda text, width: text + " " * (width - display_width(text))  # noqa: E731
    lines = ["  ".join(pad(h, w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for row in rows:
        for k in range(max((len(cell) for cell in row), default=1)):
            lines.append("  ".join(pad(cell[k] if k < len(cell) else "", w) for cell, w in zip(row, widths)).rstrip())
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
    """SPARQL 1.1 Query Results JSON; a graph result as compacted JSON-LD."""
    if result.graph is not None:  # CONSTRUCT / DESCRIBE: JSON-LD compacted like a .jsonld build output
        from edugraph.rdf.jsonld import serialize_jsonld
        from edugraph.rdf.triples import Triples
        return serialize_jsonld(Triples.of(result.graph).ox_triples()).decode("utf-8")
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


def render(result, name, full=False):
    """The result in format `name`; full=True shows table cells whole (the other formats always do)."""
    return format_table(result, full) if name == "table" else RESULT_FORMATS[name](result)


RESULT_FORMATS = {
    "table": format_table,
    "csv": format_csv,
    "json": format_json,
    "markdown": format_markdown,
}
