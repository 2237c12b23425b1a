"""Tokenizer: Korean morphemes and compounds, English stemming, synonym expansion, Kiwi loaded once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tools import korean
from tools.retrieval.tokenizer import expansions, load_synonyms, query_terms, stem_en, tokenize, tokenize_many


def test_user_words_keep_welfare_terms_whole() -> None:
    assert "한부모" in tokenize("한부모가족 아동양육비")
    assert "첫만남이용권" in tokenize("첫만남이용권 사용처")


def test_korean_content_morphemes_and_compounds() -> None:
    tokens = tokenize("기초연금을 신청하려면 어디로 가요?")
    assert {"기초", "연금", "기초연금", "신청"} <= set(tokens)
    assert "을" not in tokens  # particles are dropped


def test_batch_matches_single() -> None:
    texts = ["노인맞춤돌봄서비스 신청", "I lost my job"]
    assert tokenize_many(texts) == [tokenize(t) for t in texts]


def test_english_light_stemming_and_stopwords() -> None:
    assert stem_en("pensions") == "pension"
    assert stem_en("allowances") == "allowance"
    assert stem_en("children") == "child"
    tokens = tokenize("What are the pensions for children?")
    assert {"pension", "child"} <= set(tokens)
    assert not {"the", "what"} & set(tokens)


def test_kiwi_is_loaded_once_per_process_even_from_threads() -> None:
    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(korean.get_kiwi())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(k) for k in seen}) == 1
    assert korean.kiwi_load_seconds() is not None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("노령연금 얼마나 나와요?", "기초연금"),
        ("기초수급자 되면 얼마 받아요", "생계급여"),
        ("동사무소 어디로 가요", "행정복지센터"),
        ("엄마가 일흔이 넘으셨어요", "노인"),
        ("아버지가 72세세요", "노인"),
        ("미혼모인데 지원 있나요", "한부모가족"),
        ("My father has dementia", "치매"),
        ("I was hurt at work", "산재"),
    ],
)
def test_synonyms_expand_everyday_words(query: str, expected: str) -> None:
    terms = query_terms(query)
    assert expected in terms
    assert 0 < terms[expected] < 1  # expansions weigh less than the citizen's own words


def test_own_words_keep_full_weight() -> None:
    terms = query_terms("기초연금 노령연금")
    assert terms["기초연금"] == 1.0


def test_all_of_patterns_need_every_part(tmp_path: Path) -> None:
    path = tmp_path / "syn.yaml"
    path.write_text("rules:\n  - match: [[일하다, 다쳤]]\n    add: 산재\n    weight: 0.5\n", encoding="utf-8")
    rules = load_synonyms(path)
    assert list(expansions("공장에서 일하다 다쳤어요", rules)) == [("산재", 0.5)]
    assert list(expansions("일하다 보니 힘들어요", rules)) == []


def test_korean_patterns_ignore_spaces_and_short_words_do_not_leak(tmp_path: Path) -> None:
    path = tmp_path / "syn.yaml"
    path.write_text("rules:\n  - match: [노인 수당]\n    add: 기초연금\n", encoding="utf-8")
    rules = load_synonyms(path)
    assert [a for a, _ in expansions("노인수당 있나요", rules)] == ["기초연금"]
    # The bundled list must not expand 장애 as if it contained 애 (child).
    assert "아동" not in query_terms("장애 등록은 어떻게 해요")


def test_bad_synonym_rule_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "syn.yaml"
    path.write_text("rules:\n  - match: [x]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="needs 'match' and 'add'"):
        load_synonyms(path)


def test_unmarked_vietnamese_syllables_are_not_read_as_english() -> None:
    # "co" once matched co-payment: single unmarked syllables stay out; their pairs meet the Vietnamese
    # summaries of the booklet, folded the same way ("lương hưu" -> luong_huu).
    tokens = tokenize("luong huu co ban la gi")
    assert "co" not in tokens
    assert "luong_huu" in tokens
    assert "luong_huu" in tokenize("Lương hưu cơ bản")
    assert "payment" in tokenize("what is the co-payment")
