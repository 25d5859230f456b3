"""Linking plans across levels: citation resolution, the implementation tree, content alignment."""

from pathlib import Path

import pytest
import yaml
from rdflib import URIRef
from rdflib.namespace import SKOS

from edugraph.cli import main
from edugraph.linking.evaluation import evaluate_alignment
from edugraph.linking.align import align, alignment_graph, plan_units
from edugraph.namespaces import EDU, ID
from edugraph.serving.queries import run_query
from edugraph.linking.sssom import sssom_tsv

LABELS = Path(__file__).parent / "labels" / "alignment"
CITIES = ("weifang-2017", "qingdao-2016", "dongying-2017", "yantai-2017")


@pytest.mark.parametrize("city", CITIES)
def test_each_city_implements_shandong_which_implements_the_nation(city, corpus_graph):
    assert (ID[city], EDU.implements, ID["shandong-2016"]) in corpus_graph
    assert (ID["shandong-2016"], EDU.implements, ID["guoban-2015"]) in corpus_graph


def test_citations_between_corpus_documents_resolve_to_their_plans(corpus_graph):
    # Every citation of 国办发〔2015〕71号 or 鲁政办发〔2016〕36号, whatever the spelling, is the plan node.
    unresolved = [doc for doc in corpus_graph.subjects(EDU.documentNumber, None)
                  if str(corpus_graph.value(doc, EDU.documentNumber)) in ("国办发〔2015〕71号", "鲁政办发〔2016〕36号")
                  and (doc, None, None) in corpus_graph and not str(doc).endswith(("guoban-2015", "shandong-2016"))]
    assert unresolved == []
    citing = {str(p) for m in corpus_graph.subjects(EDU.cites, ID["shandong-2016"])
              for p in corpus_graph.objects(m, EDU.inPlan)}
    assert {str(ID[c]) for c in CITIES} <= citing


def test_implementation_chain_query_returns_the_whole_chain(corpus_graph):
    rows = run_query("implementation-chain", corpus_graph).to_dicts()
    assert sorted(r["city"].rsplit("/", 1)[-1] for r in rows) == sorted(CITIES)
    assert {r["province"] for r in rows} == {str(ID["shandong-2016"])}
    assert {r["nation"] for r in rows} == {str(ID["guoban-2015"])}


@pytest.fixture(scope="module")
def shandong(corpus_graph):
    return plan_units(corpus_graph, ID["shandong-2016"])


@pytest.mark.parametrize("city", CITIES)
def test_alignment_precision_at_1(city, corpus_graph, shandong):
    candidates = align(plan_units(corpus_graph, ID[city]), shandong)
    score = evaluate_alignment(candidates, LABELS / f"{city}.yaml", city, "shandong-2016")
    assert score.tasks >= 16
    assert score.precision_at_1 >= 0.8, score
    assert score.recall >= 0.6, score


def test_alignment_outputs(corpus_graph, shandong):
    lower, higher = ID["weifang-2017"], ID["shandong-2016"]
    candidates = align(plan_units(corpus_graph, lower), shandong)
    graph = alignment_graph(candidates, lower, higher)
    task = URIRef(f"{lower}/task/2.1")
    assert (task, SKOS.closeMatch, URIRef(f"{higher}/task/2.1")) in graph
    record = next(graph.subjects(EDU.alignedFrom, task))
    assert graph.value(record, EDU.score) is not None and "text" in str(graph.value(record, EDU.evidence))
    table = sssom_tsv(candidates, lower, higher)
    header, rows = [l for l in table.splitlines() if l.startswith("#")], [l for l in table.splitlines() if not l.startswith("#")]
    assert any(l.startswith("#mapping_set_id:") for l in header)
    assert rows[0].split("\t")[:4] == ["subject_id", "subject_label", "predicate_id", "object_id"]
    assert all(len(r.split("\t")) == len(rows[0].split("\t")) for r in rows)
    assert "id:weifang-2017/task/2.1\t科学定位美育课程目标\tskos:closeMatch\tid:shandong-2016/task/2.1" in table


def test_link_cli(tmp_path, capsys):
    data = tmp_path / "corpus.nt"
    assert main(["build", "-o", str(data)]) == 0
    out = tmp_path / "links.ttl"
    assert main(["link", "qingdao-2016", "shandong-2016", "--data", str(data), "-o", str(out)]) == 0
    assert "closeMatch" in capsys.readouterr().out
    assert out.is_file() and (tmp_path / "links.sssom.tsv").is_file()


def test_plans_after_data_are_named_in_the_error(tmp_path, capsys):
    data = tmp_path / "corpus.nt"
    data.write_text("", encoding="utf-8")
    assert main(["link", "--data", str(data), "qingdao-2016", "shandong-2016"]) != 0
    err = capsys.readouterr().err
    assert "qingdao-2016 shandong-2016 read as --data files: put the plans before --data" in err
    assert "Traceback" not in err


def test_labels_cover_every_city_task(corpus_graph):
    for city in CITIES:
        labelled = set(yaml.safe_load((LABELS / f"{city}.yaml").read_text(encoding="utf-8"))["matches"])
        tasks = {u.iri.rsplit(f"{city}/", 1)[1] for u in plan_units(corpus_graph, ID[city]) if u.kind == "task"}
        assert tasks <= labelled


@pytest.mark.reasoner
def test_corpus_with_alignment_links_is_consistent(corpus_graph, shandong):
    from edugraph.serving.reasoning import check_consistency
    lower = ID["yantai-2017"]
    links = alignment_graph(align(plan_units(corpus_graph, lower), shandong), lower, ID["shandong-2016"])
    report = check_consistency(corpus_graph + links)
    assert report.consistent and report.inconsistent_classes == []


def test_implementation_view_draws_the_chain(corpus_graph):
    from edugraph.viz.views import build_view
    view = build_view("implementation", corpus_graph)
    assert view.has_edge(str(ID["guoban-2015"]), str(ID["shandong-2016"]))
    assert all(view.has_edge(str(ID["shandong-2016"]), str(ID[city])) for city in CITIES)


# --- plans nobody tuned on: the held-out provinces of tests/labels/alignment/README.md -------------------
@pytest.fixture(scope="module")
def everything():
    """Every document of data/sources and data/more in the default store (what `edugraph link` reads)."""
    from edugraph.corpus import all_graphs, build, default_sources
    from edugraph.serving.store import open_store
    from helpers import REPO
    store = open_store()
    store.add_graphs(all_graphs(build([p for f in ("sources", "more") for p in default_sources(REPO / "data" / f)])))
    return store


def _pairs(tuned):
    from edugraph.linking.evaluation import TUNED_HIGHER
    out = []
    for label in sorted(LABELS.glob("*.yaml")):
        higher = yaml.safe_load(label.read_text(encoding="utf-8"))["higher"]
        if (higher in TUNED_HIGHER) == tuned:
            out.append((label.stem, higher))
    return out


def test_alignment_on_provinces_nobody_tuned_on(everything):
    from edugraph.linking.evaluation import AlignmentScore
    total = AlignmentScore()
    for lower, higher in _pairs(tuned=False):
        candidates = align(plan_units(everything, ID[lower]), plan_units(everything, ID[higher]))
        total = total + evaluate_alignment(candidates, LABELS / f"{lower}.yaml", lower, higher)
    assert total.tasks >= 90
    assert total.precision_at_1 >= 0.85, total
    assert total.identical_as_close == 1.0, total  # near-identical items are skos:closeMatch


@pytest.mark.parametrize("lower,higher", _pairs(tuned=True) + _pairs(tuned=False), ids=lambda v: v)
def test_every_labelled_pair_aligns_its_deepest_items(lower, higher, everything):
    candidates = align(plan_units(everything, ID[lower]), plan_units(everything, ID[higher]))
    score = evaluate_alignment(candidates, LABELS / f"{lower}.yaml", lower, higher)
    labelled = yaml.safe_load((LABELS / f"{lower}.yaml").read_text(encoding="utf-8"))["matches"]
    units = {c.lower.iri.rsplit(f"{lower}/", 1)[-1] for c in candidates if c.lower.kind == "task"}
    assert set(labelled) <= units | {u for u, m in labelled.items() if not m.get("best")}
    assert score.precision_at_1 >= 0.8, score


def test_the_task_alignment_query_reads_link_output(corpus_graph, tmp_path, capsys):
    from edugraph.serving.queries import run_query
    corpus = tmp_path / "corpus.ttl"
    corpus_graph.serialize(corpus, format="turtle")
    links = tmp_path / "links.ttl"
    assert main(["link", "weifang-2017", "shandong-2016", "--data", str(corpus), "-o", str(links)]) == 0
    from rdflib import Graph
    graph = Graph().parse(corpus).parse(links)
    rows = run_query("task-alignment", graph, {"lower": str(ID["weifang-2017"])}).to_dicts()
    assert rows and {r["higher"] for r in rows} == {str(ID["shandong-2016"])}
    assert {r["predicate"] for r in rows} <= {"skos:closeMatch", "skos:relatedMatch"}
    assert {r["item"] for r in rows} >= {"（一）", "（二）"}


def test_link_all_writes_every_pair_into_one_file_and_a_table_each(everything, tmp_path, capsys):
    from edugraph.corpus import all_graphs, build, default_sources
    from edugraph.rdf.formats import write_graphs
    from helpers import REPO
    data = tmp_path / "corpus.trig"
    write_graphs(all_graphs(build([p for f in ("sources", "more") for p in default_sources(REPO / "data" / f)])), data)
    out = tmp_path / "links" / "all.trig"
    assert main(["link", "--all", "--data", str(data), "-o", str(out)]) == 0
    assert "pair(s) →" in capsys.readouterr().out
    tables = sorted(p.name for p in out.parent.glob("*.sssom.tsv"))
    assert "links-jiujiang-2018-jiangxi-2016.sssom.tsv" in tables and len(tables) >= 20
    from edugraph.serving.queries import run_query
    from edugraph.serving.store import open_store
    rows = run_query("task-alignment", open_store("oxigraph", [data, out]),
                     {"lower": str(ID["jiujiang-2018"]), "higher": str(ID["jiangxi-2016"])}).to_dicts()
    assert any(r["predicate"] == "skos:closeMatch" for r in rows)
