"""Semantic extraction: targets, citations, stages, bodies, initiatives; and the figures on hand labels."""

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
import rdflib.namespace as ns
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from edugraph.linking.evaluation import evaluate, totals
from edugraph.namespaces import EDU, ID, STAGE
from edugraph.semantics import analyse

LABELS = Path(__file__).parent / "labels"
D = Decimal


def targets(text, plan_year=None):
    facts = analyse(text, 0, len(text), plan_year)
    return [(text[t.start:t.end], t.value, t.minimum, t.maximum, t.unit, t.approximate, t.kind)
            for t in facts.targets]


@pytest.mark.parametrize("text,expected", [
    ("新建幼儿园2所，增加学位13050个。", [("2所", D(2), None, None, "所", False, "count"),
                                  ("13050个", D(13050), None, None, "个", False, "count")]),
    ("增加学位13,050个。", [("13,050个", D(13050), None, None, "个", False, "count")]),
    ("增加学位１３０５０个。", [("１３０５０个", D(13050), None, None, "个", False, "count")]),
    ("新建两所、十个基地、三百门课程。", [("两所", D(2), None, None, "所", False, "count"),
                                ("十个", D(10), None, None, "个", False, "count"),
                                ("三百门", D(300), None, None, "门", False, "count")]),
    ("培育100名青年技能名师。", [("100名", D(100), None, None, "名", False, "count")]),
    ("覆盖率达到100%。", [("达到100%", D(100), None, None, "%", False, "percentage")]),
    ("优良率达到95%以上。", [("达到95%以上", None, D(95), None, "%", False, "percentage")]),
    ("每年至少开展一次。", [("一次", None, D(1), None, "次", False, "frequency")]),
    ("每学期举办1-2次艺术节。", [("1-2次", None, D(1), D(2), "次", False, "frequency")]),
    ("打造2-3所示范校。", [("2-3所", None, D(2), D(3), "所", False, "count")]),
    ("建设不少于10个基地。", [("不少于10个", None, D(10), None, "个", False, "count")]),
    ("班额控制在45人以内。", [("控制在45人以内", None, None, D(45), "人", False, "count")]),
    ("培训约3000人。", [("约3000人", D(3000), None, None, "人", True, "count")]),
    ("建成100余所学校。", [("100余所", None, D(100), None, "所", True, "count")]),
    ("投入资金500万元。", [("500万元", D(500), None, None, "万元", False, "amount")]),
    ("到2018年，开齐开足美育课程。", [("到2018年", D(2018), None, None, "年", False, "deadline")]),
    ("在2年内配齐专职教师。", [("在2年内", None, None, D(2), "年", False, "deadline")]),
    ("不低于总课时9%（857课时）。", [("9%", None, D(9), None, "%", False, "percentage"),
                            ("857课时", None, D(857), None, "课时", False, "count")]),
])
def test_targets(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text", [
    "举办第十五届运动会。", "实施第三期提升计划。", "公布第四批名单。", "评选首批示范校。",
    "组织实施2022年市级各类教师培训。", "落实《十四五规划（2021-2025年）》要求。", "推进“四名工程”建设。",
    "落实国办发〔2015〕71号文件。", "实施“一校一案”“一人一案”。", "评选一批优秀案例。", "落实中央八项规定精神。",
    "构建四位一体的实施体系。", "建设一支高素质队伍。", "面向每一名学生。", "学习贯彻党的二十大精神。",
])
def test_not_targets(text):
    assert targets(text) == []


def test_a_later_year_opening_a_sentence_is_a_deadline_the_plans_own_year_is_not():
    assert targets("2018年，美育基地达到1000个。", plan_year=2016)[0][1] == D(2018)
    assert targets("2022年，全市教育工作总体要求是：做好工作。", plan_year=2022) == []


def citations(text):
    facts = analyse(text, 0, len(text))
    return [(c.printed, c.number, c.relation, c.truncated) for c in facts.citations]


@pytest.mark.parametrize("text,expected", [
    ("落实《中小学德育工作指南》。", [("中小学德育工作指南", "", "cites", False)]),
    ("根据《国务院办公厅关于全面加强和改进学校美育工作的意见》（国办发〔2015〕71号）",
     [("国务院办公厅关于全面加强和改进学校美育工作的意见", "国办发〔2015〕71号", "cites", False)]),
    ("贯彻国办发[2015]71号文件精神。", [("国办发[2015]71号", "国办发〔2015〕71号", "cites", False)]),
    ("制定《某市督学管理办法》。", [("某市督学管理办法", "", "plansToIssue", False)]),
    ("修订《某市教育系统突发事件应急预案》。", [("某市教育系统突发事件应急预案", "", "plansToIssue", False)]),
    ("出台义务教育阶段分学科作业设计与实施指导意见，健全机制。",
     [("义务教育阶段分学科作业设计与实施指导意见", "", "plansToIssue", False)]),
    ("编制并启动实施某市第三期特殊教育提升计划，提高水平。", [("某市第三期特殊教育提升计划", "", "plansToIssue", False)]),
    ("经市政府同意，提出以下实施意见。", []),
    ("制定应对突发事件的处置预案。", [("处置预案", "", "plansToIssue", False)]),  # named after its description
    ("研究制订本地区学校体育美育兼职教师管理办法的实施细则。", [("实施细则", "", "plansToIssue", False)]),
    ("制订体育美育兼职教师管理办法和评价标准，明确权利义务。",
     [("体育美育兼职教师管理办法", "", "plansToIssue", False), ("评价标准", "", "plansToIssue", False)]),
    ("研究出台指导性文件，不断提升育人实效。", [("指导性文件", "", "plansToIssue", False)]),
    ("制定某年全市中考招生政策，合理制定市直高中特长生招生政策。",
     [("某年全市中考招生政策", "", "plansToIssue", False), ("市直高中特长生招生政策", "", "plansToIssue", False)]),
    ("进一步完善《某市示范学校评估标准》。", [("某市示范学校评估标准", "", "plansToIssue", False)]),
    ("完善学校管理制度。", []),  # a system, not a document
    ("实施《促进某基地质量提升项目》，打造团队。", []),  # a programme carried out, not a document
    ("开展《学生读本优秀课例展评加强校园文化建设，推进阅读。", [("学生读本", "", "cites", True)]),
    ("按照《教育部关于发布〈小学音乐教学器材配备标准〉等四个教育行业标准的通知》要求。",
     [("教育部关于发布〈小学音乐教学器材配备标准〉等四个教育行业标准的通知", "", "cites", False)]),
])
def test_citations(text, expected):
    assert citations(text) == expected


def stages(text):
    facts = analyse(text, 0, len(text))
    return sorted({stage for _, _, stage in facts.stages})


@pytest.mark.parametrize("text,expected", [
    ("推进学前教育普惠发展，新建幼儿园。", ["preschool"]),
    ("推进义务教育优质均衡发展。", ["compulsory"]),
    ("加强中小学德育。", ["basic"]),
    ("提高中小学美育教师队伍的质量。", ["basic"]),  # not 高中 (提高中…) nor 小学
    ("推进普通高中多元特色发展。", ["senior-secondary"]),
    ("推动职业院校高水平建设，开展中职教学评价。", ["vocational"]),
    ("全面推进随班就读工作。", ["special"]),
    ("支持高校建设美育基地。", ["higher"]),
    ("建立大中小学衔接机制。", ["basic", "higher"]),
    ("配齐专职教师，支持兼职教师。", []),
    ("防止幼儿园“小学化”倾向。", ["preschool"]),
    ("落实《中小学德育工作指南》。", []),  # words inside a cited title do not count
    ("出台义务教育阶段作业指导意见。", ["compulsory"]),  # a planned document's name says what it is about
])
def test_stages(text, expected):
    assert stages(text) == expected


def test_bodies_and_initiatives():
    text = "成立威海市学前教育指导委员会，指导区市、学校和家长委员会参与，推进“双减”和“一校一品”。"
    facts = analyse(text, 0, len(text))
    bodies = {(b.name, b.generic, b.new, b.role) for b in facts.bodies}
    assert ("威海市学前教育指导委员会", False, True, "mentioned") in bodies
    assert {("区市", True, False, "mentioned"), ("学校", True, False, "mentioned"),
            ("家长委员会", True, False, "mentioned")} <= bodies
    assert [(i.name, i.kind) for i in facts.initiatives] == [("双减", "slogan"), ("一校一品", "slogan")]


def test_every_fact_span_lies_in_its_owner(corpus_graph):
    rows = corpus_graph.query("""
        SELECT ?owner ?fact ?s ?e ?os ?oe WHERE {
          { ?owner edu:hasTarget ?fact } UNION { ?owner edu:hasMention ?fact }
          ?fact edu:startOffset ?s ; edu:endOffset ?e .
          ?owner edu:startOffset ?os ; edu:endOffset ?oe . }""")
    assert len(rows) > 1000
    for owner, fact, s, e, os, oe in rows:
        assert int(os) <= int(s) < int(e) <= int(oe), fact


def test_weihai_cites_its_14_documents_and_flags_the_truncated_one(corpus_graph):
    rows = corpus_graph.query("""
        SELECT DISTINCT ?doc ?title ?truncated WHERE {
          ?m edu:inPlan id:weihai-2022 ; edu:hasMention ?mention .
          ?mention edu:refersTo ?doc ; rdfs:label ?printed . ?doc a edu:PolicyDocument ; rdfs:label ?title .
          FILTER (STRSTARTS(STR(?printed), "《"))
          OPTIONAL { ?mention edu:truncated ?truncated } }""")
    closed = {str(title) for _, title, truncated in rows if truncated is None}
    truncated = {str(title) for _, title, truncated in rows if truncated is not None}
    # 实施《促进北师大威海学前教育基地质量提升项目》 is a programme carried out, not a cited document.
    assert len(closed) == 14 and truncated == {"学生读本"}
    assert (ID["initiative/促进北师大威海学前教育基地质量提升项目"], RDF.type, EDU.Initiative) in corpus_graph
    assert "中国共产党普通高等学校基层组织工作条例" in closed  # corrected; the printed 中共产党… kept as altLabel
    doc = URIRef(ID["doc/中国共产党普通高等学校基层组织工作条例"])
    assert Literal("中共产党普通高等学校基层组织工作条例", lang="zh") in set(corpus_graph.objects(doc, SKOS.altLabel))


def test_one_node_per_document_across_plans(corpus_graph):
    # 国办发〔2015〕71号 is cited by title+number, by number alone in a title, and by its short title: one node,
    # and since the document is in the corpus, that node is its plan.
    node = ID["guoban-2015"]
    citing = {str(plan) for m in corpus_graph.subjects(EDU.cites, node)
              for plan in corpus_graph.objects(m, EDU.inPlan)}
    assert {str(ID[p]) for p in ("shandong-2016", "qingdao-2016", "weifang-2017")} <= citing
    assert not [d for d in corpus_graph.subjects(EDU.documentNumber, Literal("国办发〔2015〕71号")) if d != node]


def test_two_plans_citing_one_document_share_its_node(tmp_path):
    from edugraph.corpus import build, union_graph
    first = "一、部分\n1.做好甲。落实《中华人民共和国某某促进法》和《某某工作条例》（国发〔2020〕5号）。\n"
    second = "一、部分\n1.做好乙。贯彻《某某促进法》，执行国发[2020]5号文件。\n"
    (tmp_path / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "b.txt").write_text(second, encoding="utf-8")
    graph = union_graph(build([tmp_path / "a.txt", tmp_path / "b.txt"]))
    cited = {(str(p), str(d)) for m, d in graph.subject_objects(EDU.cites) for p in graph.objects(m, EDU.inPlan)}
    documents = {d for _, d in cited}
    assert len(documents) == 2, documents  # the law (full and short title) and the regulation (title, number)
    assert {p for p, _ in cited} == {str(ID["a"]), str(ID["b"])}


def test_curated_facts_are_merged(corpus_graph):
    law = URIRef(ID["doc/家庭教育促进法"])
    assert corpus_graph.value(law, DCTERMS.dateAccepted) == Literal("2021-10-23", datatype=ns.XSD.date)
    assert corpus_graph.value(law, EDU.effectiveDate) == Literal("2022-01-01", datatype=ns.XSD.date)
    publisher = corpus_graph.value(law, DCTERMS.publisher)
    assert str(corpus_graph.value(publisher, RDFS.label)) == "全国人民代表大会常务委员会"


def test_curation_corrections_keep_the_printed_text(corpus_graph):
    measure = URIRef(f"{ID['weihai-2022']}/task/29/measure/1")
    assert "行为善教育" in str(corpus_graph.value(measure, RDFS.label))
    assert "行为,完善教育" in str(corpus_graph.value(measure, EDU.correctedLabel))


def test_stage_tags_on_weihai_tasks(corpus_graph):
    def stages_of(task):
        return {str(s)[len(str(STAGE)):] for s in corpus_graph.objects(URIRef(f"{ID['weihai-2022']}/task/{task}"),
                                                                        EDU.concernsStage)}
    assert stages_of(11) == {"preschool"} and stages_of(14) == {"vocational"} and stages_of(15) == {"special"}


@pytest.fixture(scope="module")
def scores(corpus_graph):
    return evaluate(corpus_graph, LABELS)


def test_three_documents_are_labelled(scores):
    assert set(scores) == {"weihai-2022", "shandong-2016", "yantai-2017"}


@pytest.mark.parametrize("kind,threshold", [("targets", 0.95), ("citations", 0.95), ("stages", 0.9)])
def test_precision_and_recall_on_the_labelled_documents(scores, kind, threshold):
    total = totals(scores)[kind]
    assert len(total.gold) > 20
    assert total.precision >= threshold and total.recall >= threshold, (total.precision, total.recall)


def test_curation_file_errors_name_the_file_and_line(tmp_path):
    from edugraph.rdf.curation import load_curation
    from edugraph.errors import InputError
    (tmp_path / "demo.yaml").write_text("plan: demo\nlabels_en:\n  task/1: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_curation("demo", tmp_path)
    assert "demo.yaml" in str(caught.value) and caught.value.line is not None


def test_curation_naming_a_missing_node_is_refused(tmp_path):
    from edugraph.rdf.curation import load_curation
    from edugraph.errors import InputError
    from edugraph.structure.extract import extract_file
    from edugraph.rdf.graph import plan_to_graph
    (tmp_path / "tiny-plan.yaml").write_text("plan: tiny-plan\nlabels_en:\n  task/99: Nothing\n", encoding="utf-8")
    source, doc = extract_file(Path(__file__).parent / "fixtures" / "tiny-plan.txt")
    with pytest.raises(InputError, match="task/99"):
        plan_to_graph(doc, source, curation=load_curation("tiny-plan", tmp_path))
