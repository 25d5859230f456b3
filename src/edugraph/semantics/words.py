"""Word boundaries for the fact rules: jieba's segmentation of a span of plan text, with absolute offsets.

The segmenter is rjieba (jieba-rs, a Rust port of jieba with the same dictionary): it loads in 0.05 s where
Python jieba takes 0.6 s in every build process, segments about 6× faster, and gives the same words and
tags (tests/test_words.py compares the two on the corpus and on random text).

The rules use the words for where a name may start or stop (a name never starts or ends inside a word,
so 超大学校 holds 学校, not 大学) and jieba's part-of-speech tags only as a hint, since they are often wrong
on policy prose (会同/n, 新建/ns): each rule keeps its own lists of words that stop a name.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# Verbs that open a new clause when a sentence runs on without punctuation (…示范学校加大党员发展力度,
# …体育运动开足开齐体育课程): a name or a counted noun phrase never runs across one.
CLAUSE_VERBS = ("加大", "加强", "加快", "推进", "推动", "优化", "完善", "健全", "提高", "提升", "深化", "落实", "开展",
                "实施", "建立", "确保", "强化", "支持", "鼓励", "组织", "举办", "打造", "带动", "发挥", "作为", "推广",
                "推广应用", "评选", "规范", "探索", "做好", "抓好", "引导", "促进", "形成", "实现", "保障", "开足开齐",
                "开齐开足", "严格", "坚持", "完成")
CLAUSE_OPENERS = "，,。；;：:\n\u3000 "  # what a word opening a clause may follow
CLAUSE_BREAK = "，,。；;：:！？"  # what ends a clause inside a sentence


def clause_start(text, start, index, breaks=CLAUSE_BREAK):
    """Where the clause holding text[index] starts (not before `start`)."""
    while index > start and text[index - 1] not in breaks:
        index -= 1
    return index


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    tag: str


@lru_cache(maxsize=4096)
def _cut(chunk):
    import rjieba  # imported late: only the fact rules and the alignment need it

    # Dictionary words only (hmm=False): the HMM guesses unknown words at several times the cost, and the
    # fact figures on the labelled documents come out the same without it (scripts/evaluate_extraction.py).
    # A character outside the dictionary is tagged x, as jieba does (jieba-rs says n).
    return tuple((word, tag if rjieba.has_word(word) else "x") for word, tag in rjieba.tag(chunk, False))


def words(text, start, end):
    """Every word of text[start:end], in order; non-Chinese characters come as one-character words tagged x."""
    out, index = [], start
    for match in CJK_RUN.finditer(text, start, end):
        out += [Word(i, i + 1, text[i], "x") for i in range(index, match.start())]
        position = match.start()
        for word, tag in _cut(match.group()):
            out.append(Word(position, position + len(word), word, tag))
            position += len(word)
        index = match.end()
    out += [Word(i, i + 1, text[i], "x") for i in range(index, end)]
    return out


class Boundaries:
    """Word starts and ends of one span, to check that a match covers whole words."""

    def __init__(self, tokens):
        self.tokens = tokens
        self.starts = {w.start: i for i, w in enumerate(tokens)}
        self.ends = {w.end: i for i, w in enumerate(tokens)}

    def whole(self, a, b):
        return a in self.starts and b in self.ends

    def before(self, a):
        """The word ending at a, or None."""
        i = self.ends.get(a)
        return self.tokens[i] if i is not None else None

    def inside(self, a):
        """The part before a of a word that a splits (区市政府 cut before 政府 → 区市), or None."""
        for word in self.tokens:
            if word.start < a < word.end and word.tag != "x":
                return Word(word.start, a, word.text[:a - word.start], "n")
        return None

    def after(self, b):
        """The word starting at b, or None."""
        i = self.starts.get(b)
        return self.tokens[i] if i is not None else None
