"""Comparing one saved query's result across engines (embedded stores, servers).

Rows are compared as tuples of N3 strings, so datatype and language tag count. Without ORDER BY the order
is free, so rows are sorted. With ORDER BY the order must match, except among rows that tie on every sort
key: SPARQL leaves their order undefined, so each run of tied rows is sorted. Only projected keys can be
seen, so the check stops at the first sort key that is not projected. The other don't-care: the order of
the values a GROUP_CONCAT joins is undefined too (and differs between rdflib runs), so they are sorted.
"""

import re

from rdflib import Literal


def order_keys(sparql):
    """The variables of the outermost ORDER BY, in order ([] when there is none)."""
    clauses = re.split(r"\bORDER\s+BY\b", sparql, flags=re.IGNORECASE)
    if len(clauses) == 1:
        return []
    clause = re.split(r"\b(?:LIMIT|OFFSET)\b", clauses[-1], flags=re.IGNORECASE)[0]
    return re.findall(r"\?(\w+)", clause)


def concat_separators(sparql):
    """{result variable: separator} of every GROUP_CONCAT."""
    found = {}
    for match in re.finditer(r"GROUP_CONCAT\s*\((.*?)\)\s*AS\s+\?(\w+)", sparql, re.IGNORECASE | re.DOTALL):
        separator = re.search(r'separator\s*=\s*"((?:[^"\\]|\\.)*)"', match.group(1), re.IGNORECASE)
        found[match.group(2)] = separator.group(1) if separator else " "
    return found


def _cell(term, separator=None):
    if term is None:
        return "UNBOUND"
    if separator and isinstance(term, Literal):
        parts = sorted(str(term).split(separator))
        term = Literal(separator.join(parts), lang=term.language, datatype=term.datatype)
    return term.n3()


def comparable(result, sparql):
    separators = [concat_separators(sparql).get(v) for v in result.variables]
    rows = [tuple(_cell(term, sep) for term, sep in zip(row, separators)) for row in result.rows]
    keys = order_keys(sparql)
    if not keys:
        return result.variables, sorted(rows)
    projected = []
    for key in keys:  # rows tied on the projected keys may differ in the hidden ones: order among them is free
        if key not in result.variables:
            break
        projected.append(result.variables.index(key))
    index = projected
    runs = []
    for row in rows:
        key = tuple(row[i] for i in index)
        if runs and runs[-1][0] == key:
            runs[-1][1].append(row)
        else:
            runs.append((key, [row]))
    return result.variables, [(key, sorted(group)) for key, group in runs]


def values_for(query, endpoint):
    """Parameters a query cannot run without: a SERVICE endpoint (pointed back at a served graph)."""
    return {name: endpoint for name, p in query.params.items() if p.required and not p.default}
