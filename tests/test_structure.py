"""Structure rules on small made-up texts: numbering styles, sequence checks, titles, measures."""

import pytest

from edugraph.structure.parse import parse_structure, split_sentences
from helpers import outline_lines


def outline(text):
    structure = parse_structure(text)
    return [(s.ordinal, s.heading.title.text(text),
             [(t.ordinal, t.heading.title.text(text)) for t in s.tasks]) for s in structure.sections]


NUMBERING_CASES = {
    "arabic-dot": ("一、甲部分\n1.做好甲。内容。\n2.做好乙。内容。\n二、乙部分\n3.做好丙。内容。\n",
                   [(1, "甲部分", [(1, "做好甲"), (2, "做好乙")]), (2, "乙部分", [(3, "做好丙")])]),
    "arabic-comma": ("一、甲部分\n1、做好甲。内容。\n2、做好乙。内容。\n二、乙部分\n1、做好丙。内容。\n",
                     [(1, "甲部分", [(1, "做好甲"), (2, "做好乙")]), (2, "乙部分", [(1, "做好丙")])]),
    "fullwidth-dot": ("一、甲部分\n１．做好甲。内容。\n２．做好乙。内容。\n二、乙部分\n３．做好丙。内容。\n",
                      [(1, "甲部分", [(1, "做好甲"), (2, "做好乙")]), (2, "乙部分", [(3, "做好丙")])]),
    "arabic-paren": ("一、甲部分\n（1）做好甲。内容。\n（2）做好乙。内容。\n二、乙部分\n（1）做好丙。内容。\n",
                     [(1, "甲部分", [(1, "做好甲"), (2, "做好乙")]), (2, "乙部分", [(1, "做好丙")])]),
    "chinese-paren-tasks": ("一、甲部分\n（一）做好甲。内容。\n（二）做好乙。内容。\n二、乙部分\n（三）做好丙。内容。\n",
                            [(1, "甲部分", [(1, "做好甲"), (2, "做好乙")]), (2, "乙部分", [(3, "做好丙")])]),
    "missing-dot": ("一、甲部分\n1.做好甲。内容。\n2做好乙。内容。\n3.做好丙。内容。\n二、乙部分\n4推进丁。内容。\n",
                    [(1, "甲部分", [(1, "做好甲"), (2, "做好乙"), (3, "做好丙")]), (2, "乙部分", [(4, "推进丁")])]),
    "indented-headings": ("\u3000\u3000一、甲部分\n\u3000\u3000（一）做好甲。内容。\n\u3000\u3000二、乙部分\n\u3000\u3000（一）做好乙。内容。\n",
                          [(1, "甲部分", [(1, "做好甲")]), (2, "乙部分", [(1, "做好乙")])]),
    "parts-and-dun": ("第一部分 总体要求\n一、指导思想。内容。\n二、工作目标。内容。\n第二部分 主要任务\n三、做好甲。内容。\n",
                      [(1, "总体要求", [(1, "指导思想"), (2, "工作目标")]), (2, "主要任务", [(3, "做好甲")])]),
    "chapters-and-articles": ("第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全市。\n第二章 职责\n第三条 教育部门负责实施。\n",
                              [(1, "总则", [(1, "为了规范管理，制定本办法"), (2, "本办法适用于全市")]),
                               (2, "职责", [(3, "教育部门负责实施")])]),
    "half-paren": ("一、甲部分\n1)做好甲。内容。\n2)做好乙。内容。\n", [(1, "甲部分", [(1, "做好甲"), (2, "做好乙")])]),
    "lenticular-brackets": ("一、甲部分\n〔一〕做好甲。内容。\n〔二〕做好乙。内容。\n二、乙部分\n［1］做好丙。内容。\n",
                            [(1, "甲部分", [(1, "做好甲"), (2, "做好乙")]), (2, "乙部分", [(1, "做好丙")])]),
    "opening-bracket-lost": ("一、甲部分\n一）做好甲。内容。\n二）做好乙。内容。\n", [(1, "甲部分", [(1, "做好甲"), (2, "做好乙")])]),
    "arabic-chapters-and-articles": ("第1章 总则\n第1条 为了规范管理，制定本办法。\n第2章 职责\n第2条 教育部门负责实施。\n",
                                     [(1, "总则", [(1, "为了规范管理，制定本办法")]), (2, "职责", [(2, "教育部门负责实施")])]),
    "ten-and-up": ("一、甲\n" + "".join(f"（{c}）任务{c}。内容。\n" for c in
                                       ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"])
                   + "二、乙\n（十三）任务。内容。\n",
                   [(1, "甲", [(i, f"任务{c}") for i, c in enumerate(
                       ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"], 1)]),
                    (2, "乙", [(13, "任务")])]),
}


@pytest.mark.parametrize("case", sorted(NUMBERING_CASES))
def test_numbering_styles(case):
    text, expected = NUMBERING_CASES[case]
    assert outline(text) == expected


@pytest.mark.parametrize("line", ["二、三年级学生开展活动。", "17个基地开展培训。", "2022年完成建设。", "3所学校完成改扩建。",
                                  "2.5亿元用于建设。", "100名教师参加培训。"])
def test_a_figure_starting_a_line_is_not_a_task(line):
    text = f"一、甲部分\n1.做好甲。内容，\n{line}\n2.做好乙。内容。\n二、乙部分\n3.做好丙。内容。\n"
    assert [t for _, _, tasks in outline(text) for t in tasks] == [(1, "做好甲"), (2, "做好乙"), (3, "做好丙")]


def test_out_of_sequence_number_is_body_text():
    text = "一、甲部分\n1.做好甲。内容。\n7.这不是任务，只是编号的段落。\n2.做好乙。内容。\n"
    assert outline(text) == [(1, "甲部分", [(1, "做好甲"), (2, "做好乙")])]


def test_numbering_gap_warns_and_still_builds():
    text = "一、甲部分\n1.做好甲。内容。\n2.做好乙。内容。\n4.做好丁。内容。\n二、乙部分\n5.做好戊。内容。\n"
    structure = parse_structure(text)
    assert [t.ordinal for s in structure.sections for t in s.tasks] == [1, 2, 4, 5]
    assert any("jumps from 2 to 4" in w and "line 4" in w for w in structure.warnings)


def test_section_gap_warns():
    text = "一、甲部分\n1.做好甲。内容。\n三、丙部分\n2.做好乙。内容。\n"
    structure = parse_structure(text)
    assert [s.ordinal for s in structure.sections] == [1, 3]
    assert any("section numbering jumps from 1 to 3" in w for w in structure.warnings)


@pytest.mark.parametrize("body,title,first_measure", [
    ("强化科学理论武装抓好各级党组织理论学习和思想武装，把学习贯彻新思想作为首要政治任务，持续推进学习型党组织建设，不断提高理论水平。",
     "强化科学理论武装", "抓好各级党组织理论学习和思想武装，"),
    ("发挥教科研专业引领作用认真落实《某市“十四五”教科研发展规划(2021-2025年)》，打造具有核心竞争力的教科研队伍，开展课题研究。",
     "发挥教科研专业引领作用", "认真落实《某市"),
    ("加强经费管理与保障健全财务管理制度，强化财务人员专业培训，规范各类教育收费行为，完善经费投入机制，确保经费稳定增长。",
     "加强经费管理与保障", "健全财务管理制度，"),
    ("夯实基层基础抓好党组织建设，推进品牌创建。", "夯实基层基础", "抓好党组织建设，"),
    ("加强和改进学校体育工作。落实体育课时。", "加强和改进学校体育工作", "落实体育课时。"),
    ("准确把握美育课程目标，开齐开足美育课程。坚持因地制宜。", "准确把握美育课程目标，开齐开足美育课程", "坚持因地制宜。"),
])
def test_task_title(body, title, first_measure):
    text = f"一、部分\n1.{body}\n"
    structure = parse_structure(text)
    task = structure.sections[0].tasks[0]
    assert task.heading.title.text(text) == title
    assert task.measures[0].span.text(text).startswith(first_measure)


def test_title_only_heading_takes_following_paragraphs_as_body():
    text = "一、总体要求\n（一）指导思想\n全面贯彻教育方针。坚持立德树人。\n（二）基本原则。\n--坚持正确方向。\n--坚持面向全体。\n"
    structure = parse_structure(text)
    first, second = structure.sections[0].tasks
    assert first.heading.title.text(text) == "指导思想"
    assert [m.span.text(text) for m in first.measures] == ["全面贯彻教育方针。", "坚持立德树人。"]
    assert second.heading.title.text(text) == "基本原则"
    assert [m.span.text(text) for m in second.measures] == ["--坚持正确方向。", "--坚持面向全体。"]


def test_unclosed_book_title_does_not_swallow_the_next_task():
    text = "一、部分\n1.做好甲。开展《读本优秀课例展评，加强校园文化建设。举办读书活动\n2.做好乙。落实《某某条例》。\n"
    structure = parse_structure(text)
    first, second = structure.sections[0].tasks
    assert [m.span.text(text) for m in first.measures] == ["开展《读本优秀课例展评，加强校园文化建设。", "举办读书活动"]
    assert second.heading.title.text(text) == "做好乙"


@pytest.mark.parametrize("text,expected", [
    ("落实《条例；办法》要求。开展活动。", ["落实《条例；办法》要求。", "开展活动。"]),
    ("他说“做好准备。”然后开始。", ["他说“做好准备。”", "然后开始。"]),
    ("开展“双减”工作；推进课后服务！加快建设？", ["开展“双减”工作；", "推进课后服务！", "加快建设？"]),
    ("没有句号的最后一句", ["没有句号的最后一句"]),
    ("第一段。\n第二段没有标点\n第三段。", ["第一段。", "第二段没有标点", "第三段。"]),
])
def test_sentence_split(text, expected):
    assert [span.text(text) for span in split_sentences(text, 0, len(text))] == expected


def test_preamble_and_closing_block():
    text = ("某市人民政府办公室关于做好某项工作的实施意见\n（某政办发〔2020〕1号）\n各县区人民政府，市政府各部门：\n"
            "为做好某项工作，提出以下实施意见：\n一、总体要求\n（一）指导思想。坚持立德树人。\n"
            "二、主要任务\n（一）做好甲。内容。\n\n某市人民政府办公室\n2020年5月6日\n")
    structure = parse_structure(text)
    assert structure.preamble.span.text(text) == "为做好某项工作，提出以下实施意见："
    last = structure.sections[-1].tasks[-1]
    assert last.span.text(text) == "（一）做好甲。内容。"
    assert text[structure.body_end:].split() == ["某市人民政府办公室", "2020年5月6日"]


def test_a_marker_alone_on_its_line_takes_the_next_line_as_title():
    text = "一、\n总体要求\n（一）\n指导思想。坚持立德树人。\n二、\n主要任务\n（一）做好甲。内容。\n"
    assert outline(text) == [(1, "总体要求", [(1, "指导思想")]), (2, "主要任务", [(1, "做好甲")])]


def test_no_structure_gives_no_sections():
    assert parse_structure("只有一段文字。没有编号。\n").sections == []


NESTED_CASES = {
    # (text, outline lines as in tests/expectations: two spaces per level, numbering, tab, title)
    "three-levels": ("一、甲部分\n（一）做好甲。内容：\n1.第一点。说明。\n2.第二点。说明。\n（二）做好乙。内容。\n二、乙部分\n",
                     ["一、\t甲部分", "  （一）\t做好甲", "    1.\t第一点", "    2.\t第二点", "  （二）\t做好乙",
                      "二、\t乙部分"]),
    "four-levels": ("一、甲\n（一）乙。\n1.丙。\n（1）丁。内容。\n（2）戊。内容。\n2.己。\n（二）庚。\n二、辛\n",
                    ["一、\t甲", "  （一）\t乙", "    1.\t丙", "      （1）\t丁", "      （2）\t戊", "    2.\t己",
                     "  （二）\t庚", "二、\t辛"]),
    "running-on-at-every-level": ("一、甲\n（一）乙。\n1.子一。\n2.子二。\n（二）丙。\n3.子三。\n二、丁\n（三）戊。\n4.子四。\n",
                                  ["一、\t甲", "  （一）\t乙", "    1.\t子一", "    2.\t子二", "  （二）\t丙",
                                   "    3.\t子三", "二、\t丁", "  （三）\t戊", "    4.\t子四"]),
    "flat-list": ("某校工作计划\n为做好工作，特制定本计划。\n1.加强管理。内容。\n2.提高质量。内容。\n3.办好活动。内容。\n",
                  ["1.\t加强管理", "2.\t提高质量", "3.\t办好活动"]),
    "flat-chinese-paren-list-with-items": ("（一）甲部分\n1.做好甲。内容。\n2.做好乙。内容。\n（二）乙部分\n1.做好丙。内容。\n",
                                           ["（一）\t甲部分", "  1.\t做好甲", "  2.\t做好乙", "（二）\t乙部分",
                                            "  1.\t做好丙"]),
    "sections-without-items": ("一、指导思想\n全面贯彻方针。\n二、主要措施\n加强领导，落实责任。\n",
                               ["一、\t指导思想", "二、\t主要措施"]),
    "chapters-articles-and-lists": ("第一章 总则\n第一条 为了规范管理，制定本办法。\n第二章 条件\n第二条 应当具备以下条件：\n"
                                    "（一）品德良好。\n（二）身体健康。\n第三条 本办法自公布之日起施行。\n",
                                    ["第一章\t总则", "  第一条\t为了规范管理，制定本办法", "第二章\t条件", "  第二条\t应当具备以下条件",
                                     "    （一）\t品德良好", "    （二）\t身体健康", "  第三条\t本办法自公布之日起施行"]),
    "chapters-sections-and-items": ("第一章　发展基础\n第一节　主要成就\n成就显著。\n第二节　面临形势\n任务艰巨。\n"
                                    "第二章　主要任务\n第一节　普及学前教育\n一、扩大资源。新建幼儿园20所。\n二、提升质量。内容。\n"
                                    "第二节　均衡义务教育\n每周第一节课开展晨读。\n一、优化布局。内容。\n",
                                    ["第一章\t发展基础", "  第一节\t主要成就", "  第二节\t面临形势", "第二章\t主要任务",
                                     "  第一节\t普及学前教育", "    一、\t扩大资源", "    二、\t提升质量",
                                     "  第二节\t均衡义务教育", "    一、\t优化布局"]),
    "decimal-numbering": ("1. 总体要求\n1.1 指导思想。内容。\n1.2 工作目标。内容。\n2. 主要任务\n2.1 发展学前教育。内容。\n"
                          "1.5万人参加培训。\n2.2 均衡义务教育。\n2.2.1 优化布局。内容。\n2.2.2 加强管理。内容。\n2．3发展职教。\n",
                          ["1.\t总体要求", "  1.1\t指导思想", "  1.2\t工作目标", "2.\t主要任务", "  2.1\t发展学前教育",
                           "  2.2\t均衡义务教育", "    2.2.1\t优化布局", "    2.2.2\t加强管理", "  2．3\t发展职教"]),
    "decimal-with-a-bare-top-number-and-typed-lists-below": (
        "1 总体要求\n1.1 指导思想。内容。\n1.2 基本原则\n1.育人为本。内容。\n2.改革创新。内容。\n2 主要任务\n2.1 建设课程。新建3 所。\n",
        ["1\t总体要求", "  1.1\t指导思想", "  1.2\t基本原则", "    1.\t育人为本", "    2.\t改革创新", "2\t主要任务",
         "  2.1\t建设课程"]),
    "a-bare-number-and-space-without-decimals-is-no-heading": ("一、总体要求\n1 加强领导。内容。\n2 强化保障。内容。\n",
                                                               ["一、\t总体要求"]),
    "first-item-on-its-parents-line": ("一、总体要求\n（一）基本原则。1.甲原则。内容。\n2.乙原则。内容。\n（二）目标。内容。\n",
                                       ["一、\t总体要求", "  （一）\t基本原则", "    1.\t甲原则", "    2.\t乙原则",
                                        "  （二）\t目标"]),
    "items-run-in-one-paragraph": ("某市教育局关于加强美育的通知\n各学校：\n　　现提出几点要求。\n"
                                   "　　一、加强组织领导；二、开足开齐课程；三、配齐美育教师。\n",
                                   ["一、\t加强组织领导", "二、\t开足开齐课程", "三、\t配齐美育教师"]),
    "an-item-whose-line-break-is-lost": ("一、甲\n1.做好甲。内容。2.做好乙。内容。\n3.做好丙。内容。\n",
                                         ["一、\t甲", "  1.\t做好甲", "  2.\t做好乙", "  3.\t做好丙"]),
    "a-number-in-the-prose-that-does-not-run-on": ("一、甲\n1.做好甲。内容。3.其他。\n2.做好乙。内容。\n",
                                                   ["一、\t甲", "  1.\t做好甲", "  2.\t做好乙"]),
    "numbers-alone-on-their-lines": ("一、\n总体要求\n（一）\n基本原则。1.甲原则。内容。\n2.乙原则。内容。\n二、\n成员名单\n\n"
                                     "召集人：张三\n某市人民政府办公厅\n2016年11月21日\n",
                                     ["一、\t总体要求", "  （一）\t基本原则", "    1.\t甲原则", "    2.\t乙原则",
                                      "二、\t成员名单"]),
    "numbers-of-any-length": ("一、甲\n" + "".join(f"{i}.任务{i}。内容。\n" for i in range(1, 1003)),
                              ["一、\t甲"] + [f"  {i}.\t任务{i}" for i in range(1, 1003)]),
    "a-first-item-opening-with-a-figure": ("一、条件\n（一）基本条件。内容。\n（二）优先考虑：\n1.35周岁以下的教坛新秀。\n2.出版过专著。\n"
                                           "二、要求\n培训人数达到\n1.5万人次。\n（一）加强领导。内容。\n",
                                           ["一、\t条件", "  （一）\t基本条件", "  （二）\t优先考虑", "    1.\t35周岁以下的教坛新秀",
                                            "    2.\t出版过专著", "二、\t要求", "  （一）\t加强领导"]),
    "repeated-number-kept": ("一、甲\n1.做好甲。内容。\n2.做好乙。内容。\n2.做好丙。内容。\n3.做好丁。内容。\n",
                             ["一、\t甲", "  1.\t做好甲", "  2.\t做好乙", "  2.\t做好丙", "  3.\t做好丁"]),
}


@pytest.mark.parametrize("case", sorted(NESTED_CASES))
def test_every_numbered_level_is_a_node(case):
    text, expected = NESTED_CASES[case]
    structure = parse_structure(text)
    assert outline_lines(structure.outline, text) == expected


def test_a_repeated_number_is_warned_about():
    structure = parse_structure(NESTED_CASES["repeated-number-kept"][0])
    assert any("line 4" in w and "repeated" in w for w in structure.warnings)


def test_measures_hang_off_the_deepest_heading_and_prose_before_children_stays_with_the_parent():
    text = "一、甲\n（一）乙。先说明。\n1.丙。丙的内容。\n2.丁。丁的内容。\n补充说明。\n二、戊\n"
    structure = parse_structure(text)
    task = structure.sections[0].tasks[0]
    assert [m.span.text(text) for m in task.measures] == ["先说明。"]
    assert [[m.span.text(text) for m in c.measures] for c in task.children] == [["丙的内容。"], ["丁的内容。", "补充说明。"]]
    assert [c.depth for c in task.children] == [3, 3]


@pytest.mark.parametrize("text", [
    pytest.param("某校五年发展规划\n§1.指导思想和办学目标\n§2.主要措施\n前言\n为办好学校，制定本规划。\n"
                 "§1.指导思想和办学目标\n一、指导思想\n坚持育人为本。\n二、办学目标\n办成一流学校。\n"
                 "§2.主要措施\n一、加强管理\n完善制度。\n二、提高质量\n改进教学。\n", id="section-sign-parts"),
    pytest.param("某市教育发展规划\n目  录\n第一章　指导思想和办学目标……1\n第二章　主要措施……3\n前言\n为办好学校，制定本规划。\n"
                 "第一章　指导思想和办学目标\n一、指导思想\n坚持育人为本。\n二、办学目标\n办成一流学校。\n"
                 "第二章　主要措施\n一、加强管理\n完善制度。\n二、提高质量\n改进教学。\n", id="chapters-with-page-numbers"),
    pytest.param("某市教育发展规划\n目  录\n第一章　指导思想和办学目标　1\n一、指导思想　1\n二、办学目标　2\n第二章　主要措施　3\n"
                 "前言\n为办好学校，制定本规划。\n"
                 "第一章　指导思想和办学目标\n一、指导思想\n坚持育人为本。\n二、办学目标\n办成一流学校。\n"
                 "第二章　主要措施\n一、加强管理\n完善制度。\n二、提高质量\n改进教学。\n", id="contents-with-sections"),
])
def test_a_table_of_contents_is_front_matter(text):
    structure = parse_structure(text)
    assert [len(part.children) for part in structure.outline] == [2, 2]
    assert structure.preamble.span.text(text).startswith("为办好学校")
    assert not structure.warnings


def test_a_notice_with_no_numbered_headings_keeps_its_body_as_measures():
    text = "某部关于成立委员会的通知\n各有关单位：\n　　为加强工作，决定成立委员会。委员会负责指导工作。\n　　请各单位予以支持。\n某部\n2020年7月29日\n"
    structure = parse_structure(text)
    assert structure.outline == []
    assert [m.span.text(text) for m in structure.measures] == [
        "为加强工作，决定成立委员会。", "委员会负责指导工作。", "请各单位予以支持。"]
    assert any("no numbered headings" in w for w in structure.warnings)


def test_a_forwarding_notice_keeps_its_own_text_as_preamble():
    text = ("某部关于印发《学校兼职教师管理办法》的通知\n各省教育厅：\n　　现将《学校兼职教师管理办法》印发给你们，请认真贯彻执行。\n"
            "某部\n2017年10月8日\n　　学校兼职教师管理办法\n第一章　总则\n第一条　为了规范管理，制定本办法。\n")
    structure = parse_structure(text)
    assert structure.preamble.span.text(text) == "现将《学校兼职教师管理办法》印发给你们，请认真贯彻执行。"
    assert outline_lines(structure.outline, text) == ["第一章\t总则", "  第一条\t为了规范管理，制定本办法"]


def test_an_attachment_list_numbered_like_the_items_is_no_heading():
    text = ("关于推荐评选工作的通知\n\n各学校：\n\n一、推荐要求\n1.《候选人一览表》一份。\n2.《申报表》一式三份。\n"
            "二、报送时间\n1.5月20日前报送。\n2.逾期不予受理。\n附件：1.推荐名额分配表\n2.候选人一览表\n3.申报表\n\n"
            "某市教育局\n2019年5月31日\n")
    structure = parse_structure(text)
    assert [len(section.tasks) for section in structure.sections] == [2, 2] and not structure.warnings


def test_a_reply_keeps_its_own_paragraphs_above_its_attachment_as_preamble():
    text = ("某省政府办公厅关于同意建立联席会议制度的复函\n省教育厅：\n　　你厅《关于建立联席会议制度的请示》收悉。经省政府同意，现函复如下：\n"
            "　　同意建立联席会议制度。请按照有关文件精神认真开展工作。\n　　附件：某省联席会议制度\n某省政府办公厅\n2021年3月13日\n"
            "　　附件\n某省联席会议制度\n　　为加强学校体育美育工作的统筹协调，经省政府同意，建立本制度。\n一、主要职能\n　　统筹协调。\n二、工作规则\n　　定期召开会议。\n")
    structure = parse_structure(text)
    assert [m.span.text(text) for m in structure.preamble.measures] == [
        "你厅《关于建立联席会议制度的请示》收悉。", "经省政府同意，现函复如下：", "同意建立联席会议制度。",
        "请按照有关文件精神认真开展工作。", "为加强学校体育美育工作的统筹协调，经省政府同意，建立本制度。"]
    assert outline_lines(structure.outline, text) == ["一、\t主要职能", "二、\t工作规则"]


def test_a_notice_with_contact_lines_keeps_all_its_paragraphs_above_its_attachment_as_preamble():
    text = ("某市教育局关于开展优秀课例评选活动的通知\n各区教育局：\n　　为推进课堂教学改革，我局决定开展优秀课例评选活动。\n"
            "　　评选的具体组织工作由市教研室负责。现将《优秀课例评选活动方案》印发给你们，请认真组织。\n"
            "联系人：张三、李四\n联系电话：12345678，传真：12345679\nE-mail：ke@example.cn\n附件：优秀课例评选活动方案\n"
            "某市教育局\n2019年3月1日\n附件\n优秀课例评选活动方案\n　　为组织好评选活动，特制定本方案。\n一、评选范围\n　　全市中小学。\n"
            "二、评选程序\n　　学校推荐。\n")
    structure = parse_structure(text)
    assert [m.span.text(text) for m in structure.preamble.measures] == [
        "为推进课堂教学改革，我局决定开展优秀课例评选活动。", "评选的具体组织工作由市教研室负责。",
        "现将《优秀课例评选活动方案》印发给你们，请认真组织。", "为组织好评选活动，特制定本方案。"]
    assert outline_lines(structure.outline, text) == ["一、\t评选范围", "二、\t评选程序"]


def test_a_notice_sending_out_two_documents_restarts_the_numbering():
    text = ("某市关于印发两个实施意见的通知\n各区政府：\n　　现将两个实施意见印发给你们，请认真贯彻执行。\n某市\n2018年3月1日\n"
            "　　关于加强学校劳动教育的实施意见\n　　为加强劳动教育，提出如下意见。\n一、指导思想\n　　坚持育人为本。\n"
            "二、主要任务\n　　开齐劳动课程。\n"
            "　　关于加强学校科技教育的实施意见\n　　为加强科技教育，提出如下意见。\n一、工作目标\n　　到2020年，建成特色学校。\n"
            "二、保障措施\n　　加强组织领导。\n")
    structure = parse_structure(text)
    assert outline_lines(structure.outline, text) == ["一、\t指导思想", "二、\t主要任务", "一、\t工作目标", "二、\t保障措施"]
    assert structure.warnings == []
    # the first document's last section stops at the second one's title; its opening hangs off the plan
    assert structure.outline[1].span.text(text) == "二、主要任务\n　　开齐劳动课程。"
    assert [m.span.text(text) for m in structure.measures] == ["为加强科技教育，提出如下意见。"]
    assert any("starts again" in n and "关于加强学校科技教育的实施意见" in n for n in structure.notes)


def test_a_repeated_first_number_without_a_document_title_is_no_restart():
    text = "一、甲部分\n　　做好甲。\n二、乙部分\n　　做好乙。\n　　此外还要注意以下问题，务必落实。\n一、丙部分\n　　做好丙。\n"
    assert [s.heading.title.text(text) for s in parse_structure(text).sections] == ["甲部分", "乙部分"]


def test_a_title_sentence_that_states_a_figure_is_also_a_measure():
    from edugraph.reading.source import SourceText  # noqa: F401  (the text is read like any plan)
    from edugraph.structure.extract import add_facts
    from edugraph.structure.model import Metadata, PlanDocument
    text = "一、课程\n1.高中按方案规定，保证书法课程4个学分。高中要开设书法课。\n2.准确把握目标，开齐开足课程。坚持因地制宜。\n"
    structure = parse_structure(text)
    doc = PlanDocument(plan_id="p", text=text, metadata=Metadata(), preamble=None, outline=structure.outline)
    add_facts(doc)
    first, second = structure.sections[0].tasks
    assert [m.span.text(text) for m in first.measures] == ["高中按方案规定，保证书法课程4个学分。", "高中要开设书法课。"]
    assert [text[t.start:t.end] for t in first.measures[0].facts.targets] == ["4个学分"]
    assert [m.span.text(text) for m in second.measures] == ["坚持因地制宜。"]  # no figure: a heading only


def test_what_a_notice_lists_in_its_closing_block_is_measured():
    text = ("某省关于建立联席会议制度的复函\n省教育厅：\n　　现函复如下。\n一、成员单位\n　　由省教育厅等部门组成。\n"
            "二、成员名单\n　　召集人：张　三 省政府副秘书长\n　　成　员：李　四 团省委副书记\n某省人民政府办公厅\n2021年3月13日\n")
    structure = parse_structure(text)
    assert [m.span.text(text) for m in structure.measures] == ["召集人：张　三 省政府副秘书长", "成　员：李　四 团省委副书记"]
    assert structure.body_end == text.index("　　召集人")  # the list stays out of the outline; the signature closes


def test_a_short_lead_in_on_its_own_line_is_part_of_the_preamble():
    text = ("某市教育局2023年工作要点\n　　2023年，全市教育工作的总体要求是：推动教育高质量发展。\n全年重点抓好以下工作。\n"
            "现将有关事项通知如下：\n一、加强党建\n1.强化理论武装。内容。\n")
    structure = parse_structure(text)
    assert structure.preamble.span.text(text).endswith("全年重点抓好以下工作。\n现将有关事项通知如下：")
    assert structure.preamble.span.text(text).startswith("2023年，")


def test_a_responsibility_line_of_its_own_before_the_signature_stays_with_its_task():
    text = ("一、甲\n1.做好甲。内容。\n2.做好乙。内容。\n（责任单位：市教育局、市财政局）\n（此件公开发布）\n"
            "某市人民政府办公厅\n2016年11月21日\n")
    structure = parse_structure(text)
    last = structure.sections[0].tasks[-1]
    assert [m.span.text(text) for m in last.measures] == ["内容。", "（责任单位：市教育局、市财政局）"]


def test_an_attached_notice_under_its_title_and_addressees_restarts_the_numbering_and_its_signature_is_no_measure():
    text = ("关于选送学生参加比赛的通知\n各部门：\n现将有关事项通知如下：\n一、选送要求\n请阅读附件。\n二、选送流程\n按时上交。\n"
            "附件1　关于开展比赛的通知\n各教育署，青少年活动中心，中小学：\n为丰富学生生活，现决定开展比赛。具体事项通知如下：\n"
            "一、主办单位\n某区教育局\n二、承办单位\n某区青少年活动中心\n特此通知。\n某区教育局德育处\n二○一七年九月十三日\n")
    structure = parse_structure(text)
    assert outline_lines(structure.outline, text) == ["一、\t选送要求", "二、\t选送流程", "一、\t主办单位", "二、\t承办单位"]
    further = [m.span.text(text) for m in structure.measures]
    assert "各教育署，青少年活动中心，中小学：" not in further and "某区教育局德育处" not in further
    assert "为丰富学生生活，现决定开展比赛。" in further


def test_a_title_set_on_two_lines_and_a_date_in_chinese_numerals(tmp_path):
    from edugraph.structure.extract import extract_file
    path = tmp_path / "notice.txt"
    path.write_text("关于选送中心学生参加2017年浦东新区学生艺术\n\n单项比赛的通知\n\n各部门：\n\n现将有关事项通知如下：\n"
                    "一、选送要求\n按时上交。\n\n某区青少年活动中心\n\n二○一七年九月十三日\n", encoding="utf-8")
    _, doc = extract_file(path)
    assert doc.metadata.title == "关于选送中心学生参加2017年浦东新区学生艺术单项比赛的通知"
    assert doc.metadata.issued == "2017-09-13" and doc.metadata.year == 2017


@pytest.mark.parametrize("date,issued", [
    pytest.param("二0一一年十月十七日", "2011-10-17", id="zero-typed-as-the-digit-0"),
    pytest.param("2011/9/30", "", id="slashed-figures"),
    pytest.param("二〇〇九年九月", "", id="a-year-and-month-in-chinese-numerals"),
])
def test_a_signature_dated_with_a_zero_typed_as_0_or_with_slashes_is_no_measure(tmp_path, date, issued):
    from edugraph.structure.extract import extract_file
    path = tmp_path / "notice.txt"
    path.write_text("关于开展评比的通知\n\n各学校：\n\n一、评比要求\n按时上交。\n二、评比时间\n十月。\n\n"
                    f"          某市教育局人事处  \n\n          {date}\n", encoding="utf-8")
    _, doc = extract_file(path)
    from edugraph.semantics.documents import plan_facts
    assert "某市教育局人事处" not in [body.name for facts in plan_facts(doc) for body in facts.bodies]
    assert doc.metadata.issued == issued or not issued
