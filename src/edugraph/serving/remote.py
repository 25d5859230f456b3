"""A remote SPARQL 1.1 endpoint as a query target: run_query(NAME, Endpoint(URL)) like an embedded store.

Results come back as SPARQL JSON (SELECT, ASK) or Turtle (CONSTRUCT, DESCRIBE) and are turned into rdflib
terms, so every result format works unchanged. Failures are one-line EndpointErrors (QueryError when the
server says the query itself is bad).
"""

import ast
import json
import socket
import urllib.error
import urllib.parse

from rdflib import BNode, Graph, Literal, URIRef
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from edugraph import __version__, settings
from edugraph.errors import EndpointError, QueryError
from edugraph.namespaces import bind_prefixes

USER_AGENT = f"edugraph/{__version__}"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _body_line(body):
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body or "")
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:200]


def _response(error):
    """The server's answer kept inside a SPARQLWrapper exception (only as the repr in its message)."""
    _, found, answer = str(error).partition("Response:\n")
    try:
        return ast.literal_eval(answer) if found else ""
    except (ValueError, SyntaxError):
        return answer


def describe_failure(url, error):
    """One line for a failed HTTP exchange with an endpoint."""
    reason = getattr(error, "reason", error)
    if isinstance(error, (TimeoutError, socket.timeout)) or isinstance(reason, (TimeoutError, socket.timeout)):
        return f"{url}: no answer within the timeout"
    if isinstance(reason, ConnectionRefusedError):
        return f"{url}: connection refused (is the server running?)"
    if isinstance(error, urllib.error.HTTPError):
        return f"{url}: HTTP {error.code} {error.reason}" + (f": {_body_line(error.read())}" if error.fp else "")
    if isinstance(error, SPARQLWrapperException):  # SPARQLWrapper turns these HTTP statuses into exceptions
        status = {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404, "URITooLong": 414,
                  "EndPointInternalError": 500}.get(type(error).__name__, "error")
        return f"{url}: HTTP {status}: {_body_line(_response(error)) or error.msg}"
    return f"{url}: {reason}"


def endpoint_url(url, what="endpoint"):
    """url itself when it is an absolute http(s) URL with a host; else a one-line EndpointError."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 (raises for a port that is not a number)
    except ValueError as error:
        raise EndpointError(f"{what} {url!r} is not a URL: {error}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in url):
        raise EndpointError(f"{what} {url!r} is not an http(s) URL such as http://127.0.0.1:7878/query")
    return url


def from_json(binding):
    """A SPARQL 1.1 Query Results JSON term as an rdflib term."""
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if binding.get("xml:lang"):
        return Literal(value, lang=binding["xml:lang"])
    datatype = binding.get("datatype")  # "typed-literal" is the pre-1.1 spelling some servers still use
    return Literal(value, datatype=URIRef(datatype) if datatype and datatype != XSD_STRING else None)


class Endpoint:
    name = "endpoint"

    def __init__(self, url, timeout=None):
        self.url = endpoint_url(url)
        self.timeout = timeout or settings.ENDPOINT_TIMEOUT_S

    def run_sparql(self, sparql, name="query"):
        from edugraph.serving.queries import QueryResult  # queries.execute dispatches here; avoid an import cycle

        wrapper = SPARQLWrapper(self.url, agent=USER_AGENT)
        wrapper.setMethod(POST)  # the project prefixes make saved queries long for a GET URL
        # Without a charset Virtuoso reads the form as Latin-1 and returns non-ASCII constants as "?".
        wrapper.addCustomHttpHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        wrapper.setTimeout(self.timeout)
        wrapper.setQuery(sparql)
        is_graph = wrapper.queryType in ("CONSTRUCT", "DESCRIBE")
        wrapper.setReturnFormat(TURTLE if is_graph else JSON)
        try:
            response = wrapper.query().response
            body, media_type = response.read(), response.headers.get_content_type()
        except QueryBadFormed as error:
            raise QueryError(f"{name}: rejected by {self.url}: {_body_line(_response(error))}") from None
        except (SPARQLWrapperException, urllib.error.URLError, OSError) as error:
            raise EndpointError(describe_failure(self.url, error)) from None
        try:
            if is_graph:
                graph = bind_prefixes(Graph()).parse(data=body, format="turtle")
                return QueryResult([], [], graph=graph)
            data = json.loads(body)
            if "boolean" in data:
                return QueryResult(["ask"], [(bool(data["boolean"]),)])
            variables = data["head"]["vars"]
            rows = [tuple(from_json(b[v]) if v in b else None for v in variables)
                    for b in data["results"]["bindings"]]
            return QueryResult(variables, rows)
        except Exception as error:  # JSON and Turtle parsers raise many types
            raise EndpointError(f"{self.url}: unreadable {media_type} answer to {name}: "
                                f"{str(error).splitlines()[0] if str(error) else type(error).__name__}") from None
