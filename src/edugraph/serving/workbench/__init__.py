"""The browser workbench that `edugraph serve` shows at `/`: the page and its assets (all local, no CDN:
YASGUI's built bundle is vendored in static/), the saved-query catalogue and the project prefixes as JSON,
and the node page's HTML. The SPARQL Protocol and the node page's query are served by edugraph.serving.front."""

import html
import mimetypes
import urllib.parse
from pathlib import Path

from starlette.responses import FileResponse, JSONResponse, PlainTextResponse
from starlette.routing import Route

from edugraph.errors import QueryError
from edugraph.namespaces import PREFIXES
from edugraph.serving.queries import bind, catalogue

STATIC = Path(__file__).parent / "static"


def vis_network_files():
    """vis-network's script and stylesheet as shipped inside pyvis: the graph view needs no CDN."""
    import pyvis
    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return {"vis-network.min.js": lib / "vis-network.min.js", "vis-network.css": lib / "vis-network.css"}


def catalogue_json():
    return [{
        "name": name, "title": q.title, "description": q.description, "keywords": list(q.keywords),
        "portability": q.portability,
        "params": [{"name": p.name, "type": p.type, "default": p.default, "required": p.required,
                    "description": p.description} for p in q.params.values()],
    } for name, q in catalogue().items()]


def _file(path):
    media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if media.startswith("text/") or media.endswith("javascript"):
        media += "; charset=utf-8"
    return FileResponse(path, media_type=media)


async def index(request):
    return _file(STATIC / "index.html")


async def static(request):
    files = {p.name: p for p in STATIC.iterdir()} | vis_network_files()
    name = request.path_params["name"]
    return _file(files[name]) if name in files else PlainTextResponse("no such file\n", 404)


async def queries(request):
    return JSONResponse(catalogue_json())


async def prefixes(request):
    return JSONResponse({prefix: str(namespace) for prefix, namespace in PREFIXES.items()})


def prefixed(iri):
    """The IRI as a prefixed name under the longest project namespace it starts with, else <IRI>."""
    matches = [(len(str(ns)), p) for p, ns in PREFIXES.items() if iri.startswith(str(ns)) and len(iri) > len(str(ns))]
    if not matches:
        return f"<{iri}>"
    size, prefix = max(matches)
    return f"{prefix}:{iri[size:]}"


def _term_html(term):
    if term["type"] == "uri":
        link = "/node?" + urllib.parse.urlencode({"iri": term["value"]})
        return f'<a class="iri" href="{html.escape(link)}">{html.escape(prefixed(term["value"]))}</a>'
    if term["type"] == "bnode":
        return html.escape(f"_:{term['value']}")
    suffix = f"@{term['xml:lang']}" if "xml:lang" in term else \
        f"^^{prefixed(term['datatype'])}" if "datatype" in term else ""
    return f'<span class="literal">{html.escape(term["value"])}</span>' + \
        (f' <span class="note">{html.escape(suffix)}</span>' if suffix else "")


def node_page(iri, bindings, limit):
    """The node's triples (as subject, then as object) as an HTML table; every value escaped."""
    rows = "".join(f"<tr><td>{_term_html(b['s'])}</td><td>{_term_html(b['p'])}</td><td>{_term_html(b['o'])}</td></tr>\n"
                   for b in bindings)
    more = f'<p class="note">first {limit} triples shown · 仅显示前 {limit} 条</p>' if len(bindings) >= limit else ""
    title = html.escape(prefixed(iri))
    return (f'<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n<title>{title} · edugraph</title>\n'
            f'<link rel="stylesheet" href="/static/app.css">\n</head>\n<body class="node">\n'
            f'<header><h1>{title} <small><a href="/">workbench · 查询台</a></small></h1></header>\n'
            f'<main><section><p class="iri-full">{html.escape(iri)}</p>\n'
            f'<p id="count">{len(bindings)} triples · {len(bindings)} 条三元组</p>{more}\n'
            f'<table><thead><tr><th>subject</th><th>predicate</th><th>object</th></tr></thead>\n'
            f'<tbody>\n{rows}</tbody></table></section></main>\n</body>\n</html>\n')


async def bound_query(request):
    name, saved = request.path_params["name"], catalogue()
    if name not in saved:
        return PlainTextResponse(f"no saved query named {name}\n", 404)
    try:
        sparql = bind(saved[name], dict(request.query_params))
    except QueryError as error:
        return PlainTextResponse(f"{error}\n", 400)
    return JSONResponse({"name": name, "sparql": sparql})


def routes():
    return [Route("/", index, methods=["GET"]), Route("/static/{name}", static, methods=["GET"]),
            Route("/api/queries", queries, methods=["GET"]), Route("/api/prefixes", prefixes, methods=["GET"]),
            Route("/api/queries/{name}/sparql", bound_query, methods=["GET"])]
