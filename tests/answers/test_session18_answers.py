"""Answers found wanting in session 17's blind questions (measured, then development data): how much a
program pays, asked in Chinese or English, is answered from the current document's amounts section; the
English documents' confidence marks are for their editors, not for a resident."""

from __future__ import annotations

from typing import Any

from graphs.answers.focus import focused_passage
from graphs.answers.readable import tidy


def _hit(section: str, lang: str, text: str, kind: str = "project") -> dict[str, Any]:
    return {"section": section, "lang": lang, "text": text, "kind": kind, "score": 1.0, "program_id": "x"}


_HITS = [
    _hit("한눈에 보기", "ko", "소득인정액이 기준 중위소득 32% 이하인 가구에 생계비를 지급합니다."),
    _hit("금액 (얼마나 받나요)", "ko", "4인 2,078,316원"),
    _hit("At a glance", "en", "A monthly cash benefit."),
    _hit("How much", "en", "4 persons 2,078,316"),
    _hit("신청 방법", "ko", "행정복지센터"),
]


def test_how_much_in_chinese_is_the_amounts_section() -> None:
    hit = focused_passage("我们家4口人，생계급여最多一个月能拿多少？", _HITS, ["생계급여", "生计补助"])
    assert hit is not None
    assert hit["section"] == "금액 (얼마나 받나요)"


def test_how_much_in_english_is_the_english_amounts_section() -> None:
    hit = focused_passage(
        "how much is 생계급여 a month for a family of 4?", _HITS, ["생계급여", "Livelihood"]
    )
    assert hit is not None
    assert hit["section"] == "How much"


def test_a_question_with_no_figure_asked_gets_no_amounts_section() -> None:
    assert focused_passage("生计补助是什么？", _HITS, ["생계급여", "生计补助"]) is None


def test_english_confidence_marks_are_removed() -> None:
    assert tidy("you receive the full threshold (grade A). 2026 (32%, grade B)") == (
        "you receive the full threshold. 2026 (32%)"
    )
    assert tidy("7 persons 3,044,848 (grade C)") == "7 persons 3,044,848 (unconfirmed)"


def test_what_she_already_receives_is_not_searched_for() -> None:
    from graphs.answers.focus import search_query

    query = search_query(
        "암 치료 중이라 청소 빨래가 힘든데 집에 와서 도와주는 서비스 있을까요? 생계급여 받고 있어요"
    )
    assert "생계급여" not in query
    assert "가사·간병 방문 지원사업" in query
    assert search_query("생계급여 받고 있어요") == "생계급여 받고 있어요"


def test_an_older_neighbour_without_food_gets_the_food_lines_not_the_abuse_line() -> None:
    from graphs.nlu.intent import crisis_signals
    from graphs.referrals import crisis_kinds, crisis_lines

    text = "옆집 할머니가 혼자 사시는데 며칠째 밥을 못 드신 것 같아요. 가스도 끊겼다고 하시고"
    kinds = crisis_kinds(crisis_signals(text), text)
    assert kinds[0] == "no_food"
    lines = crisis_lines(kinds, "ko")
    assert "129" in lines[0]
    assert any("긴급복지지원" in line for line in lines)
    assert not any("1577-1389" in line for line in lines)
    assert crisis_kinds(["no_food"], "시어머니 밥을 안 줘요")[0] == "elder_abuse"


def test_child_support_owed_is_answered_but_the_allowance_she_asks_for_is_still_checked() -> None:
    from graphs.answers.compose import replaces_check

    assert replaces_check("전남편이 양육비 1년째 안보내고 연락도 씹어요 ㅠ 받아낼 방법 있나요")
    assert replaces_check("my ex husband hasn't paid child support for 8 months, what can i do")
    assert not replaces_check("孩子妈妈回中国了，不给抚养费。单亲家庭的养育费我能领吗？")
    assert not replaces_check("I'm a single mom. Can I get the single parent child support?")
    assert not replaces_check("Em có được tiền nuôi con cho gia đình đơn thân không?")
