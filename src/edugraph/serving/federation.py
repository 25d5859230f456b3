"""Which remote endpoints a SPARQL query would make the server call (SERVICE), checked against an allow-list.

`edugraph serve` refuses federated queries unless their endpoint is allowed (`--allow-service URL`):
otherwise any client could make the server send HTTP requests to any address it can reach (SSRF) and read
the answers. The check parses the query with rdflib's SPARQL parser, so prefixed names, BASE, SILENT and
nested groups resolve as the engine would; a query with a SERVICE clause that the parser cannot read, or
whose endpoint is a variable, is refused rather than guessed at.
"""

import re

from rdflib import URIRef
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from edugraph.errors import QueryError

# SPARQL applies \u and \U escapes before parsing, so `\u0053ERVICE` is SERVICE too.
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


def _unescaped(text):
    return _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _services(node, found):
    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            found.append(node.get("term"))
        for value in node.values():
            _services(value, found)
    elif isinstance(node, (list, tuple)):
        for value in node:
            _services(value, found)
    return found


def service_endpoints(sparql):
    """The endpoints the query's SERVICE clauses name, in order (rdflib terms: URIRef, or a Variable).
    Raises QueryError when the query has the keyword SERVICE but cannot be parsed."""
    if not _SERVICE.search(_unescaped(sparql)):  # the common case costs one regex, no parse
        return []
    try:
        algebra = translateQuery(parseQuery(sparql)).algebra
    except Exception as error:  # pyparsing and rdflib raise several types
        raise QueryError(f"the SERVICE clause cannot be checked: {str(error).splitlines()[0]}") from None
    return _services(algebra, [])


def check_services(sparql, allowed=()):
    """Raise QueryError unless every SERVICE endpoint of the query is one of `allowed` (exact IRIs)."""
    allowed = {str(url) for url in allowed}
    for endpoint in service_endpoints(sparql):
        if not isinstance(endpoint, URIRef):
            raise QueryError(f"SERVICE {endpoint.n3()}: the endpoint must be a fixed IRI on this server")
        if str(endpoint) not in allowed:
            hint = "this server allows no SERVICE endpoint" if not allowed else \
                "allowed: " + ", ".join(f"<{url}>" for url in sorted(allowed))
            raise QueryError(f"SERVICE <{endpoint}> is not allowed ({hint}; "
                             "`edugraph serve --allow-service URL` allows one)")
