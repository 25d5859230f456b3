"""Administrative divisions, plan jurisdictions, and what a relative citation (省政府办公厅关于…) means."""

import pytest

from edugraph.corpus import build, union_graph
from edugraph.semantics.documents import level_of, relative_level
from edugraph.linking.jurisdictions import jurisdiction_of, load_divisions
from edugraph.namespaces import EDU, ID
from helpers import labelled_documents

DIVISIONS = load_divisions()


@pytest.mark.parametrize("name,code,chain", [
    ("威海市教育局", "371000", ["威海市", "山东省", "中华人民共和国"]),
    ("中共威海市委教育工作委员会", "371000", ["威海市", "山东省", "中华人民共和国"]),
    ("内蒙古自治区人民政府办公厅", "150000", ["内蒙古自治区", "中华人民共和国"]),
    ("呼伦贝尔市人民政府办公厅", "150700", ["呼伦贝尔市", "内蒙古自治区", "中华人民共和国"]),
    ("北京市朝阳区教育委员会", "110105", ["朝阳区", "北京市", "中华人民共和国"]),  # not 长春's 朝阳区
    ("南京市鼓楼区教育局", "320106", ["鼓楼区", "南京市", "江苏省", "中华人民共和国"]),
])
def test_a_body_belongs_to_the_most_specific_division_it_names(name, code, chain):
    division = DIVISIONS.named_in(name)
    assert division.code == code and [d.name for d in DIVISIONS.chain(code)] == chain


@pytest.mark.parametrize("name", ["鼓楼区教育局", "某市教育局", "学校"])
def test_a_name_naming_no_single_division_has_none(name):
    assert DIVISIONS.named_in(name) is None  # 鼓楼区: Nanjing's, Fuzhou's, Xuzhou's, Kaifeng's…


def test_a_national_plan_belongs_to_the_nation():
    assert jurisdiction_of(["国务院办公厅"], "national").code == "100000"
    assert jurisdiction_of(["国务院办公厅"], "") is None


def test_the_division_table_is_generated_not_typed():
    source = (DIVISIONS_PATH := __import__("edugraph.settings", fromlist=["x"]).DIVISIONS_PATH).parent / "SOURCE.tsv"
    assert "scripts/update_divisions.py" in source.read_text(encoding="utf-8")
    assert len(DIVISIONS.by_code) > 3000 and DIVISIONS_PATH.is_file()
    provinces = [d for d in DIVISIONS.by_code.values() if d.level == "provincial"]
    assert len(provinces) == 34 and all(d.parent == "100000" for d in provinces)


@pytest.mark.parametrize("title,level", [
    ("省政府办公厅关于全面加强和改进学校美育工作的实施意见", "provincial"),
    ("中共省委 省政府关于深化教育改革的意见", "provincial"),
    ("关于加快推进全省大中小学心理健康教育体系建设的意见", "provincial"),
    ("市教育局关于印发工作要点的通知", "municipal"),
    ("全市普通高中特色多样发展指导意见", "municipal"),
    ("县域普通高中发展提升行动计划", ""),                 # 县域 is a word, not 县's government
    ("市场监管总局关于规范校外培训的通知", ""),
])
def test_relative_titles_name_their_level(title, level):
    assert relative_level(title) == level


@pytest.mark.parametrize("title,number,level", [
    ("关于加快推进全省大中小学心理健康教育体系建设的意见", "", "provincial"),
    ("威海市“十四五”教育发展规划", "", "municipal"),
    ("国务院办公厅关于全面加强和改进学校美育工作的意见", "国办发〔2015〕71号", "national"),
])
def test_levels_are_inferred_from_a_titles_words(title, number, level):
    assert level_of(title, number) == level


def _plan(folder, name, issuer, title, body):
    (folder / name).write_text(f"{title}\n\n{body}\n\n{issuer}\n2016年5月1日\n", encoding="utf-8")
    return folder / name


PROVINCE_BODY = "为贯彻落实《国务院办公厅关于全面加强和改进学校美育工作的意见》，现提出以下实施意见。\n一、总体要求\n（一）指导思想。加强美育工作。"
CITY_BODY = "为贯彻落实《省政府办公厅关于全面加强和改进学校美育工作的实施意见》精神，结合我市实际，提出如下意见。\n一、主要任务\n（一）开齐美育课程。开足课时。"


def test_a_relative_title_resolves_to_the_citing_plans_own_province(tmp_path):
    paths = [
        _plan(tmp_path, "jiangxi.txt", "江西省人民政府办公厅", "江西省人民政府办公厅关于全面加强和改进学校美育工作的实施意见", PROVINCE_BODY),
        _plan(tmp_path, "sichuan.txt", "四川省人民政府办公厅", "四川省人民政府办公厅关于全面加强和改进学校美育工作的实施意见", PROVINCE_BODY),
        _plan(tmp_path, "jiujiang.txt", "九江市人民政府办公厅", "九江市人民政府办公厅关于全面加强和改进学校美育工作的实施意见", CITY_BODY),
        _plan(tmp_path, "nanjing.txt", "南京市人民政府办公厅", "南京市人民政府办公厅关于全面加强和改进学校美育工作的实施意见", CITY_BODY),
    ]
    graph = union_graph(build(paths))
    assert set(graph.objects(ID["jiujiang"], EDU.implements)) == {ID["jiangxi"]}
    # Jiangsu has no plan in this build: Nanjing's 省政府办公厅… is Jiangsu's own document, not Sichuan's.
    nanjing = set(graph.objects(ID["nanjing"], EDU.implements))
    assert len(nanjing) == 1 and ID["sichuan"] not in nanjing and "/doc/320000/" in str(next(iter(nanjing)))


def test_two_candidates_make_no_link_and_a_warning(tmp_path):
    paths = [
        _plan(tmp_path, "a.txt", "江西省人民政府办公厅", "江西省人民政府办公厅关于全面加强和改进学校美育工作的实施意见", PROVINCE_BODY),
        _plan(tmp_path, "b.txt", "江西省教育厅", "江西省教育厅关于全面加强和改进学校美育工作的实施意见", PROVINCE_BODY),
        _plan(tmp_path, "jiujiang.txt", "九江市人民政府办公厅", "九江市人民政府办公厅关于全面加强和改进学校美育工作的实施意见",
              CITY_BODY.replace("省政府办公厅关于", "关于")),
    ]
    result = build(paths)
    assert not set(union_graph(result).objects(ID["jiujiang"], EDU.implements)) & {ID["a"], ID["b"]}
    assert any("jiujiang" in w and "a, b" in w for w in result.warnings)


# Hand-checked against each document's preamble: what it says it carries out (为贯彻落实/根据《…》, 转发《…》).
IMPLEMENTS = """
anhui-2015 guoban-2015 | anyang-2016 henan-2016 | chuzhou-2016 anhui-2015 | dalian-2016 guoban-2015
dalian-2016 liaoning-2015 | dongying-2017 shandong-2016 | henan-2016 guoban-2015 | hulunbuir-2016 neimenggu-2015
jiangxi-2016 guoban-2015 | jinhua-2016 doc/国办发〔2015〕52号 | jinhua-2016 guoban-2015 | jinhua-2016 zhejiang-2016
jiujiang-2018 jiangxi-2016 | liaoning-2015 guoban-2015 | moe-2017 doc/国务院关于加强教师队伍建设的意见
moe-2017 guoban-2015 | neimenggu-2015 guoban-2015 | qingdao-2016 guoban-2015 | qingdao-2016 shandong-2016
shandong-2016 guoban-2015 | sichuan-2016 guoban-2015 | weifang-2017 guoban-2015 | weifang-2017 shandong-2016
wuhu-2016 anhui-2015 | wuhu-2016 doc/国家中长期教育改革和发展规划纲要(2010-2020年) | wuhu-2016 doc/教体艺〔2014〕1号
wuhu-2016 guoban-2015 | xinyang-2017 henan-2016 | yantai-2017 shandong-2016 | zhejiang-2016 guoban-2015
"""


def test_every_implements_edge_of_the_whole_corpus_is_right():
    result = build([path for _, path, _ in labelled_documents()])
    graph = union_graph(result)
    found = {(str(s).rsplit("/", 1)[-1], str(o).split("/id/")[-1]) for s, o in graph.subject_objects(EDU.implements)}
    expected = {tuple(pair.split()) for pair in IMPLEMENTS.replace("\n", "|").split("|") if pair.strip()}
    assert found == expected
    # None crosses into another province: what a plan implements is its own division's or one above it.
    division = {doc.plan_id: jurisdiction_of(doc.metadata.issuers, doc.metadata.level) for doc in result.plans}
    for lower, higher in expected:
        if higher in division:
            assert DIVISIONS.contains(division[higher].code, division[lower].code), (lower, higher)
