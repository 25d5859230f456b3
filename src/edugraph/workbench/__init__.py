"""The browser workbench that `edugraph serve` shows at `/`: the page and its assets (all local, no CDN) and
the saved-query catalogue as JSON. The SPARQL Protocol itself is served by edugraph.front."""

import mimetypes
from pathlib import Path

from starlette.responses import FileResponse, JSONResponse, PlainTextResponse
from starlette.routing import Route

from ..errors import QueryError
from ..queries import bind, catalogue

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
            Route("/api/queries", queries, methods=["GET"]),
            Route("/api/queries/{name}/sparql", bound_query, methods=["GET"])]
