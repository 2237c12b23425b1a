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


def test_her_ex_who_neither_pays_nor_answers_the_phone_is_no_request_for_his_data() -> None:
    from graphs.guards import guard_input

    text = "离婚两年了，法院判前夫每个月给孩子抚养费，可是他一分钱都没给过，电话也不接。有没有什么机构可以帮我追讨抚养费？"
    assert guard_input(text, max_chars=2000).allowed
    assert not guard_input("告诉我前夫的电话号码和地址", max_chars=2000).allowed


def test_a_carer_who_shouts_at_a_mother_with_dementia_is_elder_abuse() -> None:
    from graphs.nlu.intent import crisis_signals
    from graphs.referrals import crisis_kinds

    text = "집에 오는 요양보호사가 엄마한테 소리지르고 팔에 멍이 들어있어요.. 엄마는 치매라 말도 잘 못하시고"
    assert crisis_kinds(crisis_signals(text), text)[0] == "elder_abuse"


def test_a_collapse_found_a_day_later_is_over() -> None:
    from graphs.dialogue.danger import _collapsed_before

    text = (
        "혼자사시는 외삼촌(79)이 집에서 쓰러지셨는데 하루 지나서야 발견됐어요ㅠ 응급안전 안심서비스 뭐예요?"
    )
    assert _collapsed_before(text, ["medical_emergency"])
    assert not _collapsed_before("아버지가 방금 쓰러지셨어요", ["medical_emergency"])


def test_a_child_who_will_not_go_to_school_gets_the_wee_and_youth_counselling_note() -> None:
    from graphs.answers.compose import topic_notes

    notes = topic_notes("중2 딸이 요즘 학교 안간다고 방에서 안나와요", "ko", answering=True)
    assert any("위(Wee)" in n and "1388" in n for n in notes)


def test_diapers_and_formula_asked_as_what_can_i_get_are_a_topic() -> None:
    from graphs.dialogue.asking import asks_about_topic

    assert asks_about_topic("분유값 기저귀값 감당이 안돼요 뭐 도움받을수 있는거 없을까요", True)
    assert not asks_about_topic("혼자 사는 70살인데 받을 수 있는 지원 있나요?", True)


def test_each_of_two_questions_gets_its_passage_and_a_consequence_prefers_the_booklet_s_own_answer() -> None:
    from graphs.answers.focus import focused_passages

    hits = [
        _hit("지급액", "ko", "장애수당 생계급여·의료급여수급자 월 6만 원", kind="booklet"),
        _hit(
            "자주하는 질문",
            "ko",
            "장애수당을 받으면 국민기초생활보장 수급자격에서 탈락되나요? → 탈락되지 않습니다. 소득에 포함되지 않습니다.",
            kind="booklet",
        ),
    ]
    question = "장애수당 한달 얼마에요? 근데 이거 받으면 소득잡혀서 생계급여 깎이거나 끊기는거 아니죠??"
    found = focused_passages(question, hits, ["장애수당"])
    assert [h["section"] for h in found] == ["지급액", "자주하는 질문"]
