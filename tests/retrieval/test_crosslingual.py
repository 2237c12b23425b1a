"""Query translation: the Korean welfare terms an English, Chinese or Vietnamese question means."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.retrieval.crosslingual import Lexicon, korean_terms, load_lexicon, names_a_kind_of_help
from tools.vietnamese import is_vietnamese

LEXICON = """
치매:
  en: [dementia, alzheimer, memory loss]
  zh: [痴呆, 老年痴呆, 失智]
  vi: [sa sút trí tuệ, mất trí nhớ]
노인:
  en: [elderly, senior, grandma, old people]
  zh: [老人, 老年人]
  vi: [người già, bà, ông]
장기요양:
  en: [long term care, nursing care]
  zh: [长期护理, 长期照护]
  vi: [chăm sóc dài hạn]
어머니:
  en: [mother, mom]
  zh: [妈妈, 母亲]
  vi: [mẹ]
"""


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    path = tmp_path_factory.mktemp("lex") / "lexicon.yaml"
    path.write_text(LEXICON, encoding="utf-8")
    return load_lexicon(path)


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("My grandma has dementia, what help is there?", ["노인", "치매"]),
        ("Seniors with memory-loss", ["노인", "치매"]),  # plural and hyphen
        ("long-term care for my mom", ["장기요양", "어머니"]),
        ("我妈妈有老年痴呆，有什么补助？", ["어머니", "치매"]),  # the longest expression, not 痴呆 inside it
        ("Mẹ tôi bị sa sút trí tuệ", ["어머니", "치매"]),
        ("me toi bi sa sut tri tue", ["어머니", "치매"]),  # typed without marks
        ("엄마가 치매예요", []),  # Korean questions are not translated
        ("Tôi muốn hỏi về 치매 지원", []),  # nothing in the lexicon beyond the Korean itself
    ],
)
def test_korean_terms(lexicon: Lexicon, query: str, terms: list[str]) -> None:
    assert korean_terms(query, lexicon) == terms


def test_english_words_are_not_read_as_unmarked_vietnamese() -> None:
    assert not is_vietnamese("can my mom get it")
    assert is_vietnamese("me toi bi benh")
    assert is_vietnamese("Bà tôi")


def test_a_missing_lexicon_translates_nothing(tmp_path: Path) -> None:
    assert korean_terms("dementia", load_lexicon(tmp_path / "none.yaml")) == []


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("My newborn failed the hearing test. If she needs hearing aids, is there support?", True),
        ("我孩子需要助听器，有补助吗？", True),
        ("Con tôi cần máy trợ thính", True),
        ("con toi can may tro thinh", True),  # typed without marks
        ("what can I get?", False),  # no kind of help: the short profile, not a document answer
        ("I'm 70 and live alone. Where can I get help?", False),  # who she is, not what she asks for
        ("Bà tôi 70 tuổi sống một mình, có hỗ trợ gì không", False),
        ("보청기 지원 있어요?", False),  # Korean questions have their own test (graphs.dialogue.asking)
    ],
)
def test_a_question_naming_a_kind_of_help(question: str, names: bool) -> None:
    assert names_a_kind_of_help(question) is names
