"""A view's networkx graph → one self-contained HTML page: pyvis builds the vis-network data and options,
and page.html inlines the vis-network script and style that pyvis ships, so the page needs no network."""

import html
import importlib.util
import json
import math
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from edugraph import settings
from edugraph.rdf.formats import atomic_write_bytes
from edugraph.lazy import lazy_module
from edugraph.viz.data import CorpusData
from edugraph.viz.views import build_view

VIS_DIR = Path(importlib.util.find_spec("pyvis").origin).parent / "templates" / "lib" / "vis-9.1.2"
# networkx and pyvis (which imports IPython) take 0.7 s to import: loaded when a page is drawn.
nx, pyvis = lazy_module("networkx"), lazy_module("pyvis")
FONT = "'Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC',sans-serif"

# kind → (colour, vis shape, legend glyph, zh, en). Shapes are ones whose size follows `size`.
STYLES = {
    "Plan": ("#d62728", "star", "★", "规划", "plan"),
    "Preamble": ("#ffbb78", "diamond", "◆", "导语", "preamble"),
    "Section": ("#ff7f0e", "diamond", "◆", "部分", "section"),
    "Task": ("#2ca02c", "square", "■", "任务", "task"),
    "Measure": ("#1f77b4", "dot", "●", "举措", "measure"),
    "QuantitativeTarget": ("#7f7f7f", "dot", "●", "量化目标", "quantitative target"),
    "PolicyDocument": ("#9467bd", "triangle", "▲", "政策文件", "policy document"),
    "EducationStage": ("#e377c2", "hexagon", "⬢", "教育阶段", "education stage"),
    "Organization": ("#8c564b", "triangleDown", "▼", "机构", "organisation"),
    "Initiative": ("#17becf", "dot", "●", "专项工作", "initiative"),
    "Mention": ("#c5b0d5", "dot", "●", "提及", "mention"),
    "Concept": ("#bcbd22", "dot", "●", "概念", "concept"),
    "Resource": ("#aaaaaa", "dot", "●", "其他资源", "other resource"),
    "Literal": ("#c7c7c7", "square", "■", "字面值", "literal"),
}
MIN_SIZE, MAX_SIZE = 8, 30


@dataclass(frozen=True)
class PageStats:
    path: Path
    nodes: int
    edges: int
    bytes: int


def clip(text, width):
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 1] + "…"


def tooltip(attrs):
    """HTML for the hover box; every piece of data is escaped (the page turns it into a DOM element)."""
    e = html.escape
    colour, _, glyph, zh, en = STYLES[attrs["kind"]]
    text = attrs.get("text")
    lines = [] if text == attrs["label"] else [f"<b>{e(attrs['label'])}</b>"]
    if attrs.get("label_en"):
        lines.append(f"<i>{e(attrs['label_en'])}</i>")
    lines.append(f'<span style="color:{colour}">{glyph}</span> {e(zh)} · {e(en)}')
    lines += [f"{e(name)}: {e(value)}" for name, value in attrs.get("details", ())]
    blocks = [f'<div class="src">原文 source: {e(text)}</div>'] if text else []
    if attrs.get("iri"):
        blocks.append(f"<div><code>{e(attrs['iri'])}</code></div>")
    return "<br>".join(lines) + "".join(blocks)


def tree_positions(G, dx=360, dy=48, gap=260, aspect=1.6):
    """Left-to-right trees with no physics, however many measures there are. Each block (a plan, or for
    a single plan each of its sections) is a tree with leaves one row apart and parents centred on their
    children; blocks are packed top to bottom into as many columns as give a screen-shaped page."""
    roots = [n for n in G if G.in_degree(n) == 0]
    top = roots[0] if len(roots) == 1 and G.out_degree(roots[0]) > 1 else None
    blocks = []
    for block in (list(G.successors(top)) if top is not None else roots):
        pos, rows = {}, [0]

        def place(node, depth):
            kids = list(G.successors(node))
            if kids:
                ys = [place(kid, depth + 1) for kid in kids]
                y = (ys[0] + ys[-1]) / 2
            else:
                y, rows[0] = rows[0] * dy, rows[0] + 1
            pos[node] = (depth * dx, y)
            return y

        place(block, 0)
        blocks.append((pos, rows[0]))
    if not blocks:
        return {}
    width = max(x for pos, _ in blocks for x, _ in pos.values()) + dx + gap
    total = sum(rows + 1 for _, rows in blocks)
    capacity = total / max(1, round(math.sqrt(aspect * total * dy / width)))
    out, column, used = {}, 0, 0
    for pos, rows in blocks:
        if used and used + rows > capacity:
            column, used = column + 1, 0
        out.update({node: (column * width + x, used * dy + y) for node, (x, y) in pos.items()})
        used += rows + 1
    if top is not None:
        out[top] = ((column + 1) * width / 2 - dx, -4 * dy)
    return out


TREE_FONT = {"Plan": 26, "Section": 20, "Task": 16}  # structure stays legible when a big tree is zoomed out


def vis_options(G, tree):
    large = len(G) > settings.VIZ_LARGE_GRAPH_NODES
    physics = {"enabled": False} if tree else {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90, "avoidOverlap": 0.4},
        "stabilization": {"enabled": True, "updateInterval": 25, "fit": True,
                          "iterations": settings.VIZ_STABILIZATION_ITERATIONS // (2 if large else 1)},
        "minVelocity": 1.0,
    }
    return {
        "nodes": {"font": {"face": FONT, "size": 14}, "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.4}}, "smooth": False,
                  "color": {"color": "#b8b8b8", "highlight": "#444444", "hover": "#666666"},
                  "font": {"face": FONT, "size": 10, "color": "#888888", "strokeWidth": 0}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large},
        # vis's improvedLayout (Kamada-Kawai) is cubic: fine for small graphs, a freeze for large ones.
        "layout": {"improvedLayout": len(G) <= 100},
        "physics": physics,
    }


def to_network(G):
    """The pyvis Network of a view graph: colour and shape by class, size by degree centrality."""
    tree = G.graph.get("layout") == "tree"
    net = pyvis.network.Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    centrality = nx.degree_centrality(G) if len(G) > 1 else {n: 1 for n in G}
    top = max(centrality.values(), default=1) or 1
    pos = tree_positions(G) if tree else {}
    for key, attrs in G.nodes(data=True):
        colour, shape = STYLES[attrs["kind"]][:2]
        extra = {"x": pos[key][0], "y": pos[key][1]} if key in pos else {}
        if tree and attrs["kind"] in TREE_FONT:
            extra["font"] = {"size": TREE_FONT[attrs["kind"]]}
        net.add_node(key, label=clip(attrs["label"], 18 if attrs["kind"] == "Measure" else 24) or key,
                     title=tooltip(attrs), color=colour, shape=shape,
                     size=round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * centrality[key] / top, 1),
                     kind=attrs["kind"], stages=sorted(attrs["stages"]), sections=sorted(attrs["sections"]),
                     **extra)
    show_labels = G.number_of_edges() <= settings.VIZ_EDGE_LABELS_MAX
    for a, b, attrs in G.edges(data=True):
        label = attrs["label"] + (f" ×{attrs['weight']}" if attrs["weight"] > 1 else "")
        net.add_edge(a, b, title=label, width=min(1 + math.log2(attrs["weight"]), 6),
                     **({"label": label} if show_labels else {}))
    net.options = vis_options(G, tree)
    return net


def filter_choices(G, data):
    """(value, text) options for the stage and section menus, in teaching and document order."""
    stages = set().union(*(a["stages"] for _, a in G.nodes(data=True)))
    sections = set().union(*(a["sections"] for _, a in G.nodes(data=True)))
    stage_menu = [(key, data.name(data.stage_iri(key))) for key in data.stage_order() if key in stages]
    stage_menu += [(key, key) for key in sorted(stages - {k for k, _ in stage_menu})]
    section_menu = sorted((data.section_sort_key(s), s, data.section_name(s)) for s in sections)
    return stage_menu, [(s, name) for _, s, name in section_menu]


def render_page(G, data, title=None):
    """The HTML text of one self-contained page for a view graph."""
    net = to_network(G)
    nodes, edges, _, _, _, options = net.get_network_data()
    kinds = [(k, STYLES[k], sum(1 for _, a in G.nodes(data=True) if a["kind"] == k))
             for k in STYLES if any(a["kind"] == k for _, a in G.nodes(data=True))]
    stage_menu, section_menu = filter_choices(G, data)
    env = Environment(loader=FileSystemLoader(Path(__file__).parent), autoescape=select_autoescape(["html"]))
    # Chinese as UTF-8, not \uXXXX: halves the data; tojson still escapes < > & ' for the script block.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env.get_template("page.html").render(
        title=title or G.graph.get("title", "edugraph"), view=G.graph.get("view", ""),
        nodes=nodes, edges=edges, options=json.loads(options), kinds=kinds,
        stage_menu=stage_menu, section_menu=section_menu,
        vis_js=(VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        node_count=len(G), edge_count=G.number_of_edges())


def write_view(name, graph, output=None, **options):
    """Build view `name` over an rdflib graph and write its page (atomically). Returns PageStats."""
    data = CorpusData(graph)
    G = build_view(name, data, **options)
    page = render_page(G, data).encode("utf-8")
    path = Path(output or settings.VIZ_DIR / f"{name}.html")
    atomic_write_bytes(path, page)
    return PageStats(path, len(G), G.number_of_edges(), len(page))
