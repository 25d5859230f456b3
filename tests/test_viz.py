"""Graph pages (`edugraph viz`) and network figures (`edugraph analyze`) over the built corpus."""

import csv
import html
import json
import re
from collections import Counter

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from edugraph.cli import main
from edugraph.errors import QueryError
from edugraph.namespaces import EDU, ID, STAGE
from edugraph.viz import VIEWS, analyze, build_view, render_page, run_analysis, write_view
from edugraph.viz.data import CorpusData
from edugraph.viz.render import to_network

WEIHAI = "https://w3id.org/edugraph/id/weihai-2022"
TASK = f"{WEIHAI}/task/5"
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|//cdn""", re.IGNORECASE)


def options(view, plan):
    """Options for each view: plan-wide views take the plan; task and query views their own."""
    if view == "task":
        return {"task": TASK}
    if view == "query":
        return {"query": "outline", "params": {"plan": plan}} if plan else {"query": "cited-documents"}
    if view == "implementation" and plan:
        return {"plan": "https://w3id.org/edugraph/id/shandong-2016"}  # Weihai implements no corpus plan
    return {"plan": plan}


def kinds(G):
    return Counter(attrs["kind"] for _, attrs in G.nodes(data=True))


def count(graph, sparql):
    return int(next(iter(graph.query("PREFIX edu: <https://w3id.org/edugraph/ontology#>\n" + sparql)))[0])


@pytest.fixture(scope="module")
def data(corpus_graph):
    return CorpusData(corpus_graph)


@pytest.fixture(scope="module")
def corpus_ttl(corpus_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("viz") / "corpus.ttl"
    corpus_graph.serialize(path, format="turtle")
    return path


# --- every view, one plan and the whole corpus --------------------------------------------------------
@pytest.mark.parametrize("plan", [WEIHAI, None], ids=["weihai", "corpus"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_every_view_writes_a_self_contained_page(view, plan, corpus_graph, tmp_path):
    page = write_view(view, corpus_graph, tmp_path / f"{view}.html", **options(view, plan))
    text = page.path.read_text(encoding="utf-8")
    assert page.nodes > 0 and page.edges > 0 and page.bytes == len(text.encode("utf-8"))
    assert not EXTERNAL.search(text), EXTERNAL.search(text).group(0)
    assert "<link" not in text  # every style is inline
    assert 'id="legend"' in text and "大小：度中心性" in text
    assert re.search(r"[\u4e00-\u9fff]{4,}", text)  # Chinese labels, as UTF-8 text
    assert "network.setOptions({physics: false})" in text
    assert not list(tmp_path.glob(".*.tmp"))


def test_weihai_outline_has_the_plan_its_sections_tasks_and_measures(data, corpus_graph):
    G = build_view("outline", data, plan=WEIHAI)
    measures = count(corpus_graph, f"""SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{
        <{WEIHAI}> edu:hasSection ?s . {{ ?s edu:hasMeasure ?m }} UNION {{ ?s edu:hasTask/edu:hasMeasure ?m }} }}""")
    assert measures > 100
    assert kinds(G) == {"Plan": 1, "Section": 6, "Task": 32, "Measure": measures}
    assert G.number_of_edges() == len(G) - 1  # a tree
    assert G.nodes[TASK]["label"] == "5.深入推进“双减”工作"


def test_corpus_outline_has_every_plan(data):
    counted = kinds(build_view("outline", data))
    assert (counted["Plan"], counted["Section"], counted["Task"]) == (9, 44, 184)
    assert counted["Measure"] > 800


def test_outline_is_laid_out_in_python_and_other_views_by_short_physics(data):
    outline = to_network(build_view("outline", data))
    assert outline.options["physics"] == {"enabled": False}
    assert all("x" in node and "y" in node for node in outline.nodes)
    assert len({(node["x"], node["y"]) for node in outline.nodes}) == len(outline.nodes)  # no overlaps
    bodies = to_network(build_view("bodies", data))
    assert bodies.options["physics"]["stabilization"]["iterations"] > 0
    assert not bodies.options["layout"]["improvedLayout"]  # too big for vis's cubic initial layout


def test_views_link_what_they_say(data):
    policies = build_view("policies", data)
    assert kinds(policies)["PolicyDocument"] > 10
    assert any(a["label"] == "cites" for _, _, a in policies.edges(data=True))
    stages = build_view("stages", data, plan=WEIHAI)
    assert kinds(stages)["EducationStage"] == 9
    assert stages.has_edge(str(STAGE.primary), str(STAGE.compulsory))  # skos:broader
    bodies = build_view("bodies", data, plan=WEIHAI)
    assert {"Organization", "Measure"} <= set(kinds(bodies))
    task = build_view("task", data, task=TASK)
    assert {"Plan", "Section", "Task", "Measure", "EducationStage", "Organization"} <= set(kinds(task))


def test_tooltips_quote_the_exact_source_text_and_english_label(data):
    net = {node["id"]: node for node in to_network(build_view("task", data, task=TASK)).nodes}
    title = net[TASK]["title"]
    assert html.escape(data.source_text(URIRef(TASK))) in title
    assert html.escape('Advancing the "double reduction" work in depth') in title
    measure = next(key for key, node in net.items() if node["kind"] == "Measure")
    assert html.escape(data.source_text(URIRef(measure))) in net[measure]["title"]


def test_nodes_carry_stage_and_section_for_the_filters(data):
    G = build_view("outline", data, plan=WEIHAI)
    page = render_page(G, data)
    assert '<option value="preschool">学前教育</option>' in page
    section = f"{WEIHAI}/section/3"
    assert f'<option value="{section}">weihai-2022 三、加快建设高质量教育发展格局</option>' in page
    measures = [a for _, a in G.nodes(data=True) if a["kind"] == "Measure"]
    assert all(len(a["sections"]) == 1 for a in measures)
    assert any("preschool" in a["stages"] for a in measures)
    bodies = build_view("bodies", data, plan=WEIHAI)
    assert all(a["sections"] for _, a in bodies.nodes(data=True) if a["kind"] == "Organization")


# --- escaping ---------------------------------------------------------------------------------------
EVIL = '<script>alert("x")</script> & <img src=x onerror="window.__xss=1">'


def evil_graph():
    """A one-task plan whose titles and text are markup, to prove the page never runs them."""
    g, plan = Graph(), ID["evil"]
    text = f"一、{EVIL}\n（一）{EVIL}。措施{EVIL}。"
    section, task, measure = ID["evil/section/1"], ID["evil/task/1"], ID["evil/task/1/measure/1"]
    g.add((plan, RDF.type, EDU.Plan))
    g.add((plan, RDFS.label, Literal(EVIL, lang="zh")))
    g.add((plan, EDU.fullText, Literal(text)))
    g.add((plan, EDU.hasSection, section))
    g.add((section, EDU.hasTask, task))
    g.add((task, EDU.hasMeasure, measure))
    start = text.index("措施")
    for node, kind, label, span in ((section, EDU.Section, EVIL, (0, len(text))),
                                    (task, EDU.Task, EVIL, (text.index("（一）"), len(text))),
                                    (measure, EDU.Measure, text[start:-1], (start, len(text) - 1))):
        g.add((node, RDF.type, kind))
        g.add((node, RDFS.label, Literal(label, lang="zh")))
        g.add((node, EDU.inPlan, plan))
        g.add((node, EDU.startOffset, Literal(span[0])))
        g.add((node, EDU.endOffset, Literal(span[1])))
    g.add((task, RDFS.label, Literal(EVIL, lang="en")))
    return g


def test_labels_and_text_are_escaped():
    data = CorpusData(evil_graph())
    G = build_view("outline", data)
    page = render_page(G, data)
    for raw in ("<script>alert", "<img src=x", "</script> &"):
        assert raw not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;img" in page  # the section menu
    titles = [node["title"] for node in to_network(G).nodes]
    assert all("<script>" not in t and "<img" not in t for t in titles)
    assert sum("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img" in t for t in titles) == 4
    # In the script block the data is JSON with < > & escaped, so no tag can close or open there.
    assert "\\u003cscript\\u003e" in page and "\\u0026lt;script\\u0026gt;" in page


# --- the query view ---------------------------------------------------------------------------------
def test_query_view_draws_select_rows_and_construct_triples(data, corpus_graph, tmp_path):
    G = build_view("query", data, query="task-measures", params={"task": TASK})
    assert kinds(G)["Task"] == 1 and kinds(G)["Literal"] > 5
    construct = tmp_path / "measures.rq"
    where = f"WHERE {{ ?t a edu:Task ; edu:inPlan <{WEIHAI}> ; edu:hasMeasure ?m }}"
    construct.write_text(f"CONSTRUCT {{ ?t edu:hasMeasure ?m }} {where}", encoding="utf-8")
    G = build_view("query", data, query=str(construct))
    tasks = count(corpus_graph, f"SELECT (COUNT(DISTINCT ?t) AS ?n) {where}")
    measures = count(corpus_graph, f"SELECT (COUNT(DISTINCT ?m) AS ?n) {where}")
    assert kinds(G) == {"Task": tasks, "Measure": measures}
    assert all(a["label"] == "edu:hasMeasure" for _, _, a in G.edges(data=True))
    ask = tmp_path / "ask.rq"
    ask.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    with pytest.raises(QueryError, match="ASK"):
        build_view("query", data, query=str(ask))


@pytest.mark.parametrize("view,opts,message", [
    ("task", {}, "needs --task"),
    ("task", {"task": f"{WEIHAI}/task/999"}, "no task"),
    ("outline", {"plan": f"{WEIHAI}-nope"}, "no plan"),
    ("outline", {"task": TASK}, "does not take --task"),
    ("bodies", {"params": {"a": "b"}}, "does not take --param"),
    ("query", {}, "needs --query"),
    ("nope", {}, "no view named"),
])
def test_bad_view_options_are_query_errors(view, opts, message, data):
    with pytest.raises(QueryError, match=message):
        build_view(view, data, **opts)


# --- analyze ----------------------------------------------------------------------------------------
HEADERS = {
    "cited-documents": ["document", "title", "number", "plans", "tasks", "citing_parts"],
    "bodies": ["organization", "name", "jurisdiction", "plans", "tasks", "partners", "degree_centrality",
               "betweenness"],
    "initiatives": ["initiative", "name", "plans", "tasks", "partners", "degree_centrality", "betweenness"],
    "stage-coverage": ["plan", "section", "title", "measures", "preschool", "basic", "compulsory", "primary",
                       "junior-secondary", "senior-secondary", "vocational", "special", "higher"],
}


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_analyze_writes_each_figure_as_csv(corpus_graph, tmp_path):
    text = run_analysis(corpus_graph, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{name}.csv" for name in HEADERS)
    tables = {name: read_csv(tmp_path / f"{name}.csv") for name in HEADERS}
    for name, header in HEADERS.items():
        assert tables[name][0] == header and len(tables[name]) > 2
    top = tables["cited-documents"][1]
    assert top[2] in ("国办发〔2015〕71号", "鲁政办发〔2016〕36号") and int(top[3]) >= 3
    assert len(tables["stage-coverage"]) == 1 + 44
    for row in tables["bodies"][1:]:
        assert 0 <= float(row[-1]) <= 1 and 0 <= float(row[-2]) <= 1
    assert "most-cited documents" in text and "鲁政办发〔2016〕36号" in text and "betweenness" in text


def test_analysis_numbers_agree_with_sparql(corpus_graph):
    tables = analyze(corpus_graph)
    cited = {row[0]: row for row in tables["cited-documents"].rows}
    for document, row in list(cited.items())[:5]:
        plans = count(corpus_graph,
                      f"SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ ?m edu:cites <{document}> ; edu:inPlan ?p }}")
        assert row[3] == plans
    weihai = [row for row in tables["stage-coverage"].rows if row[0] == "weihai-2022"]
    preschool = count(corpus_graph, f"""SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{ <{WEIHAI}> edu:hasSection ?s .
        ?s edu:hasMeasure|edu:hasTask/edu:hasMeasure ?m . ?m edu:concernsStage <{STAGE.preschool}> }}""")
    assert preschool > 0 and sum(row[4] for row in weihai) == preschool


# --- the commands -----------------------------------------------------------------------------------
def test_viz_and_analyze_commands(corpus_ttl, tmp_path, capsys):
    out = tmp_path / "weihai.html"
    assert main(["viz", "outline", "--data", str(corpus_ttl), "--plan", WEIHAI, "-o", str(out)]) == 0
    assert re.match(r"outline: \d+ nodes, \d+ edges, \d+ KiB → ", capsys.readouterr().out)
    assert out.is_file()
    assert main(["viz", "query", "--data", str(corpus_ttl), "--query", "task-measures", "--param",
                 f"task={TASK}", "-o", str(tmp_path / "q.html")]) == 0
    assert main(["viz", "task", "--data", str(corpus_ttl), "-o", str(tmp_path / "t.html")]) == 4
    assert capsys.readouterr().err.strip() == ("edugraph: error: view 'task' needs --task IRI "
                                               "(e.g. https://w3id.org/edugraph/id/weihai-2022/task/5)")
    assert not (tmp_path / "t.html").exists()
    assert main(["analyze", "--data", str(corpus_ttl), "-o", str(tmp_path / "figures")]) == 0
    assert "stage coverage per section" in capsys.readouterr().out
    assert len(list((tmp_path / "figures").glob("*.csv"))) == 4


def test_page_data_is_valid_json(data):
    page = render_page(build_view("task", data, task=TASK), data)
    nodes = json.loads(re.search(r"var nodeList = (\[.*?\]);\n", page).group(1))
    assert {node["kind"] for node in nodes} >= {"Task", "Measure"}
    assert all({"id", "label", "title", "color", "shape", "size", "stages", "sections"} <= set(n) for n in nodes)


@pytest.fixture(scope="module")
def henan_data():
    from edugraph.corpus import build, union_graph
    from helpers import REPO
    return CorpusData(union_graph(build([REPO / "data" / "more" / "henan-2016-meiyu.txt"])))


def test_outline_draws_every_level(henan_data):
    G = build_view("outline", henan_data, plan=str(ID["henan-2016"]))
    edges = Counter(attrs["label"] for _, _, attrs in G.edges(data=True))
    assert edges["hasSection"] == 5 and edges["hasTask"] == 22 and edges["hasSubtask"] == 13


def test_task_view_of_a_subtask_shows_its_parents(henan_data):
    subtask = str(ID["henan-2016/task/2.1"])
    G = build_view("task", henan_data, task=subtask)
    chain = [(str(a).rsplit("/", 2)[-2:], str(b).rsplit("/", 2)[-2:], attrs["label"])
             for a, b, attrs in G.edges(data=True) if attrs["label"] in ("hasSection", "hasTask", "hasSubtask")]
    assert [label for *_, label in chain] == ["hasSection", "hasTask", "hasSubtask"]
