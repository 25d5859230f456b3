"""The research questions of issue 12 on the Weihai plan, each answered by one saved query with a plan
parameter, checked against answers read off the plan by hand (tests/labels/facts/weihai-2022.yaml for the
targets and planned documents, the plan's text for the rest)."""

import pytest
import yaml

from edugraph.serving.queries import run_query
from helpers import TESTS

PLAN = "weihai-2022"
LABELS = yaml.safe_load((TESTS / "labels" / "facts" / "weihai-2022.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ask(corpus_store):
    """Rows of a saved query on the corpus; with the Weihai plan as `plan` when the query takes one."""
    from edugraph.serving.queries import resolve
    return lambda name, **params: run_query(
        name, corpus_store, ({"plan": PLAN} if "plan" in resolve(name).params else {}) | params).to_dicts()


@pytest.fixture(scope="module")
def corpus_store(corpus_build):
    from edugraph.corpus import all_graphs
    from edugraph.serving.store import open_store
    store = open_store()
    store.add_graphs(all_graphs(corpus_build))
    return store


def test_which_tasks_concern_preschool_and_vocational_education(ask):
    preschool = {r["numbering"] for r in ask("tasks-per-stage", stage="stage:preschool")}
    vocational = {r["numbering"] for r in ask("tasks-per-stage", stage="stage:vocational")}
    assert "11." in preschool and "17." in preschool       # 推进学前教育普惠优质发展; 督导 of kindergartens
    assert "14." in vocational                              # 推进职业教育创新发展高地建设
    assert "1." not in preschool | vocational               # 强化科学理论武装


def test_every_target_with_its_unit(ask):
    found = sorted((r["unit"], float(r["value"] or r["min"])) for r in ask("targets"))
    labelled = sorted((t["unit"], float(t.get("value", t.get("min")))) for t in LABELS["targets"])
    assert found == labelled


def test_targets_per_section_add_up_to_every_target(ask):
    rows = ask("targets-per-section")
    assert len(rows) == 6 and sum(int(r["targets"]) for r in rows) == len(LABELS["targets"])


def test_cited_laws_and_policies_by_task_and_level(ask):
    national = {r["title"]: r["citedBy"] for r in ask("cited-documents", level="level:national")}
    assert "7.促进学生心理健康发展" in national["中华人民共和国家庭教育促进法"]
    provincial = {r["title"] for r in ask("cited-documents", level="level:provincial")}
    assert "关于加快推进全省大中小学心理健康教育体系建设的意见" in provincial  # 全省: Shandong's


def test_documents_the_plan_will_draft(ask):
    titles = {r["title"] for r in ask("planned-documents")}
    labelled = [p["title"] for p in LABELS["planned_documents"]]
    # A title may keep its scope word (全市…), which the label leaves out.
    found = [label for label in labelled if any(label in title or title in label for title in titles)]
    assert len(found) >= len(labelled) - 1, sorted(set(labelled) - set(found))


def test_the_exact_sentences_of_task_19(ask, corpus_build):
    doc = next(d for d in corpus_build.plans if d.plan_id == PLAN)
    task = next(t for t in doc.tasks if t.heading.numbering.startswith("19"))  # printed "19推进…", no dot
    rows = ask("task-measures", task=f"{PLAN}/task/19")
    assert rows[0]["text"] == "实施强镇筑基、强校扩优、强课提质行动。"  # read off the plan
    assert [r["text"] for r in rows] == [m.span.text(doc.text) for m in task.measures]
    assert all(doc.text[int(r["start"]):int(r["end"])] == r["text"] for r in rows)


def test_named_programmes(ask):
    names = {r["name"] for r in ask("initiatives")}
    assert {"强科培优行动", "强德固本行动", "国培省培计划"} <= names
    assert not names & {"十四五", "小学化", "同工同酬", "保护墙"}


def test_who_is_responsible_for_what(ask):
    # Weihai assigns nothing by 牵头/负责 lines (tests/labels/facts/weihai-2022.yaml): every body is mentioned.
    assert ask("responsibilities") == []


def test_the_outline_at_every_level(ask):
    rows = ask("outline")
    assert len(rows) == 38 and [r["numbering"] for r in rows[:3]] == ["一、", "1.", "2."]
