"""Every corpus document against its hand-labelled expectations (tests/expectations/<id>.toml)."""

import re

import pytest
from rdflib import URIRef

from edugraph.corpus import all_graphs, build, read_manifest
from edugraph.errors import InputError
from edugraph.structure.extract import extract_file
from edugraph.structure.metadata import normalise_document_number
from helpers import (LABELLED_FOLDERS, SOURCES, TINY, all_spans, check_against_expectations, labelled_documents,
                     load_expected)

MANIFEST = read_manifest(SOURCES)
BY_ID = {row["id"]: row for row in MANIFEST.values()}
DOCUMENTS = {doc_id: (path, label) for doc_id, path, label in labelled_documents()}


def test_every_source_has_expectations_and_a_manifest_row():
    for folder, labels in LABELLED_FOLDERS.values():
        manifest = read_manifest(folder)
        files = sorted(p.name for p in folder.glob("*.txt"))
        assert files == sorted(manifest)
        assert sorted(p.stem for p in labels.glob("*.toml")) == sorted(row["id"] for row in manifest.values())


@pytest.fixture(scope="module", params=sorted(DOCUMENTS))
def parsed(request):
    path, label = DOCUMENTS[request.param]
    source, doc = extract_file(path, plan_id=request.param)  # no curated metadata: all read
    return request.param, source, doc, load_expected(label)


def test_structure_and_metadata_match_hand_labels(parsed):
    _, _, doc, expected = parsed
    check_against_expectations(doc, expected)


@pytest.mark.parametrize("doc_id", sorted(BY_ID))
def test_extracted_metadata_agrees_with_manifest(doc_id):
    row = BY_ID[doc_id]
    _, doc = extract_file(SOURCES / row["file"], plan_id=doc_id)
    meta = doc.metadata
    assert meta.title == row["title"]
    assert meta.issuers == row["issuer"].split(";")
    assert meta.year == int(row["year"])
    assert meta.level == row["level"]
    assert meta.document_number == normalise_document_number(row["document_number"])


def test_offsets_round_trip(parsed):
    _, source, doc, _ = parsed
    text = source.text
    for kind, node, span in all_spans(doc):
        piece = text[span.start:span.end]
        assert piece and piece == piece.strip(), (kind, span)
    for division in doc.divisions():
        heading = division.heading
        assert division.span.start == heading.marker.start
        assert division.span.start <= heading.title.start < heading.title.end <= division.span.end
        assert text[division.span.start:].startswith(heading.numbering)
        for child in division.children:
            assert division.span.start < child.span.start < child.span.end <= division.span.end
            assert child.depth == division.depth + 1
        for measure in division.measures:
            assert division.span.start <= measure.span.start < measure.span.end <= division.span.end


def test_no_measure_crosses_a_heading(parsed):
    _, source, doc, _ = parsed
    starts = {d.span.start for d in doc.divisions()}
    for _, node, span in all_spans(doc):
        if hasattr(node, "ordinal") and not hasattr(node, "heading"):  # a measure
            assert not any(span.start < start < span.end for start in starts)


@pytest.mark.parametrize("line,title,issuers", [
    ("某市教育局关于印发《某市2023年教育工作要点》的通知", "某市2023年教育工作要点", ["某市教育局"]),
    ("中共中央办公厅、国务院办公厅印发《关于全面加强和改进新时代学校美育工作的意见》",
     "关于全面加强和改进新时代学校美育工作的意见", ["中共中央办公厅", "国务院办公厅"]),
    ("某省教育厅 某省财政厅关于做好某项工作的实施意见", "某省教育厅 某省财政厅关于做好某项工作的实施意见",
     ["某省教育厅", "某省财政厅"]),
])
def test_title_and_issuers_of_common_title_forms(line, title, issuers):
    from edugraph.structure.metadata import extract_metadata
    text = f"{line}\n正文。\n"
    meta = extract_metadata(text, len(line) + 1, len(text))
    assert (meta.title, meta.issuers) == (title, issuers)


def test_a_forwarding_notice_signed_before_its_attached_plan(tmp_path):
    notice = ("某市教育局关于印发2023年工作要点的通知\n某教发〔2023〕3号\n各区县教育局，市直各学校：\n"
              "现将《某市教育局2023年工作要点》印发给你们，请结合实际认真贯彻落实。\n某市教育局\n2023年2月1日\n"
              "某市教育局2023年工作要点\n2023年全市教育工作的总体要求是：坚持立德树人，推动教育高质量发展。\n"
              "一、加强党的建设\n1.强化理论武装。组织专题学习12次。\n二、推进教育发展\n2.发展学前教育。新建幼儿园5所。\n")
    path = tmp_path / "notice.txt"
    path.write_text(notice, encoding="utf-8")
    _, doc = extract_file(path)
    assert doc.metadata.issued == "2023-02-01" and doc.metadata.document_number == "某教发〔2023〕3号"
    # The notice's own sentence and the plan's opening are the preamble's sentences; the signature, date and
    # title between them are not.
    assert [m.span.text(doc.text)[:8] for m in doc.preamble.measures] == ["现将《某市教育局", "2023年全市教"]
    assert [m.ordinal for m in doc.preamble.measures] == [1, 2]
    assert [t.heading.title.text(doc.text) for t in doc.tasks] == ["强化理论武装", "发展学前教育"]


@pytest.mark.parametrize("column,value", [
    ("level", "county (district)"), ("level", "City"), ("year", "二〇二二"), ("year", "22"),
    ("document_number", "第3号文件"), ("id", "Weihai 2022"), ("id", "plan/../x"), ("issued", "2022-13-01"),
    ("issued", "2022年3月1日"),
])
def test_a_curated_value_not_of_its_form_is_a_one_line_error(column, value, tmp_path):
    header = ["file", "id", "level", "issuer", "year", "document_number", "issued"]
    row = {"file": "plan.txt", "id": "plan-1", "level": "municipal", "issuer": "某市教育局", "year": "2022",
           "document_number": "某教发〔2022〕1号", "issued": "2022-03-01", column: value}
    (tmp_path / "MANIFEST.tsv").write_text("\t".join(header) + "\n" + "\t".join(row[h] for h in header) + "\n",
                                           encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_manifest(tmp_path)
    message = str(caught.value)
    assert "MANIFEST.tsv:2:" in message and f"column '{column}'" in message and repr(value) in message


HOSTILE = "一、甲<部分>\n1.做好“甲”{工作}。由某市<教育局>负责，落实《某|文件》。\n2.推进 `乙` 工作^。内容\\。\n"


def test_every_iri_of_every_built_graph_is_a_valid_absolute_iri(tmp_path):
    (tmp_path / "weird name 计划 #1.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "notice.txt").write_text("某部通知\n各单位：\n　　为加强工作，决定成立“<委员会>”。\n", encoding="utf-8")
    paths = [path for _, path, _ in labelled_documents()] + [TINY] + sorted(tmp_path.glob("*.txt"))
    result = build(paths)
    # RFC 3987: a scheme, then no space, no control character and none of <>"{}|\^`.
    valid = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`\x00-\x1f\x7f]+")
    seen = 0
    for graph in all_graphs(result).values():
        for triple in graph:
            for term in triple:
                if isinstance(term, URIRef):
                    seen += 1
                    assert valid.fullmatch(str(term)), term
    assert len(result.plans) == len(paths) and seen > 10000


def test_a_build_of_every_document_never_stops_and_strict_names_the_weak_ones(tmp_path, capsys):
    from edugraph.cli import main
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notice.txt").write_text("某部关于成立委员会的通知\n各单位：\n　　为加强工作，决定成立委员会。\n",
                                         encoding="utf-8")
    paths = [str(path) for _, path, _ in labelled_documents()] + [str(tmp_path / "empty.txt"),
                                                                    str(tmp_path / "notice.txt")]
    out = tmp_path / "all.trig"
    assert main(["build", *paths, "-o", str(out), "--no-cache"]) == 0
    summary = capsys.readouterr()
    built = len(labelled_documents()) + 1  # every document with text, the heading-less notice included
    assert f"built {built} plan(s)" in summary.out and "1 not at all" in summary.out
    assert "empty.txt: empty file" in summary.err
    assert main(["build", *paths, "-o", str(out), "--no-cache", "--strict"]) == 3
    last = capsys.readouterr().err.splitlines()[-1]
    assert "--strict" in last and "empty.txt" in last and "notice.txt" in last and "moe-2020" in last
