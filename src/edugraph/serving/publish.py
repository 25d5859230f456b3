"""Publish plans to a SPARQL 1.1 Graph Store Protocol server, one named graph per plan.

Each plan is sent with HTTP PUT to ENDPOINT?graph=<https://w3id.org/edugraph/id/PLAN/graph>. PUT replaces
the whole graph in one request, so a re-run never duplicates triples and a failed request leaves that
graph as it was (each graph is atomic; a run that fails half-way has replaced only the graphs before it).
"""

import base64
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from edugraph import settings
from edugraph.errors import EndpointError
from edugraph.serving.remote import USER_AGENT, describe_failure, endpoint_url
from edugraph.rdf.triples import Triples


@dataclass
class Published:
    graph: str
    triples: int


def _authorization(url, user, password, timeout):
    """The Authorization header for one request to url, got before sending the body: servers such as
    Virtuoso answer 401 and close the connection while a large unauthenticated PUT is still uploading."""
    if user is None:
        return None
    try:
        urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=timeout).close()
        return None  # no challenge: the server does not want credentials
    except urllib.error.HTTPError as error:
        challenge = error.headers.get("WWW-Authenticate", "") if error.code == 401 else ""
    except (urllib.error.URLError, OSError) as error:
        raise EndpointError(describe_failure(url, error)) from None
    scheme, _, params = challenge.partition(" ")
    if scheme.lower() == "digest":
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, user, password or "")
        chal = urllib.request.parse_keqv_list(urllib.request.parse_http_list(params))
        answer = urllib.request.HTTPDigestAuthHandler(passwords).get_authorization(
            urllib.request.Request(url, method="PUT"), chal)
        return f"Digest {answer}"
    token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
    return f"Basic {token}"


def put_graph(endpoint, graph_iri, graph, user=None, password=None, timeout=None):
    # N-Triples is Turtle too: every Graph Store server reads text/turtle, not all know application/n-triples.
    data = Triples.of(graph).data  # N-Triples
    separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    url = f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph_iri})}"
    timeout = timeout or settings.ENDPOINT_TIMEOUT_S
    headers = {"Content-Type": "text/turtle; charset=utf-8", "User-Agent": USER_AGENT}
    try:
        authorization = _authorization(url, user, password, timeout)
        if authorization:
            headers["Authorization"] = authorization
        request = urllib.request.Request(url, data=data, method="PUT", headers=headers)
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except (urllib.error.URLError, OSError) as error:
        raise EndpointError(f"PUT graph <{graph_iri}>: {describe_failure(endpoint, error)}") from None


def publish(endpoint, graphs, user=None, password=None, timeout=None):
    """PUT every {graph IRI: Graph}; returns [Published] in order."""
    endpoint_url(endpoint)
    done = []
    for graph_iri, graph in graphs.items():
        put_graph(endpoint, str(graph_iri), graph, user, password, timeout)
        done.append(Published(str(graph_iri), len(graph)))
    return done
