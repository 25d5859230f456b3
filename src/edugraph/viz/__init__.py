"""Graph pages and network figures over built graphs: `edugraph viz` and `edugraph analyze`.

views.py builds each view as a networkx graph from the RDF, render.py turns it into one self-contained
HTML page (pyvis + the vis-network it ships, inlined), analyze.py computes the tables researchers cite."""

from edugraph.viz.analyze import analyze, run_analysis
from edugraph.viz.render import render_page, write_view
from edugraph.viz.views import VIEWS, build_view

__all__ = ["VIEWS", "analyze", "build_view", "render_page", "run_analysis", "write_view"]
