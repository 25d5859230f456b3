"""Typed results (results.py, QueryResult.to_dicts / to_dataframe) and the table and CSV formats as a
researcher reads them: pandas without casts, terminal tables by display width, CSV numberings as text."""

import io
from datetime import date
from decimal import Decimal

import pandas
import pytest
from rdflib import Literal, URIRef

from edugraph.cli import main
from edugraph.reading.layout import display_width
from edugraph.namespaces import ID, STAGE
from edugraph.serving.queries import QueryResult, run_query
from edugraph.serving.results import TABLE_CELL_WIDTH, format_csv, format_table, python_value
from edugraph.serving.store import open_store

WEIHAI = str(ID["weihai-2022"])
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def oxigraph(corpus_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("typed") / "corpus.nt"
    corpus_graph.serialize(path, format="nt", encoding="utf-8")
    return open_store("oxigraph", [path])


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_a_pandas_pivot_over_the_stage_section_matrix_needs_no_casts(engine, corpus_graph, oxigraph):
    target = corpus_graph if engine == "rdflib" else oxigraph
    result = run_query("stage-section-matrix", target, {"plan": WEIHAI})
    frame = result.to_dataframe(short=True)
    assert str(frame["section"].dtype) == "int64" and str(frame["measures"].dtype) == "int64"
    pivot = frame.pivot_table(index="section", columns="stage", values="measures", aggfunc="sum", fill_value=0)
    assert list(pivot.index) == [1, 2, 3, 4, 5, 6]
    # The same cells as the untyped rows say, counted by hand from the strings.
    for row in result.to_dicts():
        assert pivot.loc[int(row["section"]), row["stage"].replace(str(STAGE), "stage:")] == int(row["measures"])
    assert set(frame["plan"]) == {"id:weihai-2022"}
    assert set(result.to_dataframe()["plan"]) == {WEIHAI}  # full IRIs unless asked


def test_columns_get_the_types_of_their_values(corpus_graph):
    plans = run_query("plans", corpus_graph).to_dataframe(short=True)
    assert str(plans["issued"].dtype).startswith("datetime64")
    assert plans.set_index("plan").loc["id:weihai-2022", "issued"] == pandas.Timestamp("2022-04-08")
    assert str(plans["tasks"].dtype) == "int64" and plans["tasks"].sum() > 100
    targets = run_query("targets", corpus_graph, {"plan": WEIHAI})
    frame = targets.to_dataframe()
    assert str(frame["approximate"].dtype) == "bool"
    assert str(frame["value"].dtype) == "float64" and str(frame["min"].dtype) == "float64"  # decimals: floats
    assert frame["min"].max() >= 10
    typed = targets.to_dicts(typed=True)
    assert any(isinstance(row["min"], Decimal) for row in typed)  # exact decimals for who asks
    assert {type(row["approximate"]) for row in typed} == {bool}
    strings = targets.to_dicts()  # backward compatible: strings, None where unbound
    assert {type(v) for row in strings for v in row.values()} <= {str, type(None)}
    assert strings[0]["plan"] == WEIHAI and targets.to_dicts(short=True)[0]["plan"] == "id:weihai-2022"


def test_python_values_of_each_datatype_and_of_ill_typed_literals():
    assert python_value(Literal("2022-04-08", datatype=URIRef(XSD + "date"))) == date(2022, 4, 8)
    assert python_value(Literal("true", datatype=URIRef(XSD + "boolean"))) is True
    assert python_value(Literal("9.50", datatype=URIRef(XSD + "decimal"))) == Decimal("9.50")
    assert python_value(Literal("2020", datatype=URIRef(XSD + "gYear"))) == 2020
    assert python_value(Literal("abc", datatype=URIRef(XSD + "integer"))) == "abc"  # kept, not a crash
    assert python_value(Literal("2.", lang="zh")) == "2."
    result = QueryResult(["n", "flag"], [(Literal(3), None), (None, Literal(True))])
    frame = result.to_dataframe()
    assert str(frame["n"].dtype) == "Int64" and frame["n"].isna().tolist() == [False, True]
    assert str(frame["flag"].dtype) == "boolean"


def test_table_cells_are_cut_by_display_width_unless_full():
    text = "实施强镇筑基、强校扩优、强课提质行动。" * 4
    result = QueryResult(["text", "n"], [(Literal(text), Literal(1))])
    cut = format_table(result).splitlines()
    assert TABLE_CELL_WIDTH - 2 <= display_width(cut[2].rsplit("  ", 1)[0].rstrip()) <= TABLE_CELL_WIDTH
    assert "…" in cut[2]
    whole = format_table(result, full=True).splitlines()[2:-1]
    assert len(whole) == 3 and all(display_width(line) <= TABLE_CELL_WIDTH + 3 for line in whole)
    assert whole[0].rsplit("  ", 1)[0].rstrip() + "".join(line.rstrip() for line in whole[1:]) == text
    assert whole[0].endswith("  1") and not whole[1].endswith("1")  # other columns on the first line only


def test_query_full_flag_on_the_command_line(corpus_graph, tmp_path, capsys):
    data = tmp_path / "corpus.nt"
    corpus_graph.serialize(data, format="nt", encoding="utf-8")
    argv = ["query", "task-measures", "--data", str(data), "--param", f"task={WEIHAI}/task/19"]
    assert main(argv) == 0
    assert "…" in capsys.readouterr().out
    assert main(argv + ["--full"]) == 0
    out = capsys.readouterr().out
    assert "…" not in out and "打造育人环境、调整师资结构" in out


def test_csv_numberings_read_back_as_text_with_the_documented_dtype(corpus_graph):
    text = format_csv(run_query("targets", corpus_graph, {"plan": WEIHAI}))
    assert "\n" + WEIHAI + ",2.," in text  # the numbering as printed
    frame = pandas.read_csv(io.StringIO(text), dtype={"task": str})
    assert frame["task"].iloc[0] == "2." and "5." in set(frame["task"])
    assert str(frame["min"].dtype) == "float64"  # numbers still numbers
