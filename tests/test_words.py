"""The segmenter (rjieba, jieba-rs) gives Python jieba's words and tags, so the fact rules and the alignment
read the text as they were written and measured with jieba."""

import logging
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from edugraph.semantics.words import CJK_RUN, _cut, words

jieba = pytest.importorskip("jieba")
import jieba.posseg  # noqa: E402, F811 (the submodule, after importorskip)

import rjieba  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
jieba.setLogLevel(logging.WARNING)


def _texts():
    folders = [ROOT / "data", ROOT / "tests" / "fixtures"]
    return [p.read_text(encoding="utf-8") for folder in folders for p in sorted(folder.rglob("*.txt"))
            if p.stat().st_size and p.read_bytes()[:3] != b"\xff\xfe"[:3] and _utf8(p)]


def _utf8(path):
    try:
        path.read_text(encoding="utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _reference_tags(chunk):
    return tuple((pair.word, pair.flag) for pair in jieba.posseg.cut(chunk, HMM=False))


@pytest.fixture(scope="module")
def corpus_runs():
    runs = sorted({m.group() for text in _texts() for m in CJK_RUN.finditer(text)})
    assert len(runs) > 2000
    return runs


def test_words_and_tags_equal_jiebas_on_every_run_of_the_corpus(corpus_runs):
    differ = [run for run in corpus_runs if _cut(run) != _reference_tags(run)]
    assert differ == []


def test_alignment_words_equal_jiebas_on_every_line_of_the_corpus():
    lines = {"".join(re.findall(r"[\u4e00-\u9fff]+", line)) for text in _texts() for line in text.splitlines()}
    differ = [line for line in lines if line and rjieba.cut(line, True) != jieba.lcut(line)]
    assert differ == []


CHARS = "".join(sorted(set("各级各类学校要加强和规范美育课程省教育厅牵头配合市财政局负责幼儿园中小学高校职业院校"
                           "行动计划工程项目活动到年力争基本形成体系建设文化艺术团体博物馆美术馆一二三十百万所个名")))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(CHARS) | st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
               min_size=1, max_size=40))
def test_words_and_tags_equal_jiebas_on_random_text(chunk):
    assert _cut(chunk) == _reference_tags(chunk)


def test_words_carry_absolute_offsets_and_mark_other_characters():
    text = "前言：各级学校2022年加强美育"
    out = words(text, 3, len(text))
    assert "".join(w.text for w in out) == text[3:]
    assert all(text[w.start:w.end] == w.text for w in out)
    assert [w.tag for w in out if w.text in "2022"] == ["x"] * 4
