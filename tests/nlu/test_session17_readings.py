"""Facts and questions residents write that were misread, found in session 17: ages in native Korean words
before another word, lists of children's ages, months away on a trip, a husband's death told with a bracket,
whose nationality follows an age, receipts in honorific Korean, syllables that are not amounts, accidents and
past collapses that are not dangers now, and questions that are answered rather than checked."""

from __future__ import annotations

from typing import Any

import pytest

from graphs.dialogue.danger import rule_danger_reply
from graphs.dialogue.reading import read_message
from graphs.dialogue.turn import Before, Decision, decide
from graphs.nlu import understand
from graphs.nlu.danger import has_danger_word
from graphs.nlu.facts import extract_facts
from graphs.nlu.intent import crisis_signals
from graphs.nlu.numbers import find_ages, find_money
from graphs.nlu.programs import detect_programs


def _decide(text: str) -> Decision:
    signals = crisis_signals(text)
    u = understand(text)
    reading = read_message(text, u, [], {}, {}, None)
    return decide(u, reading, text, Before(danger=rule_danger_reply(text, signals, []), danger_kinds=signals))


def _children(text: str) -> list[dict[str, Any]]:
    return [m for m in extract_facts(text).get("members") or [] if m.get("relation") == "child"]


@pytest.mark.parametrize(("text", "years"), [("일흔둘 혼자 살아요", 72), ("나이 예순여섯 남편이랑 둘이", 66)])
def test_a_native_age_word_before_another_word_is_an_age(text: str, years: int) -> None:
    assert [a.value for a in find_ages(text) if a.unit == "years"] == [years]


@pytest.mark.parametrize("text", ["스무 명 정도 일하는 회사", "서른 평 아파트", "스물 두 명"])
def test_a_native_number_that_counts_something_is_not_an_age(text: str) -> None:
    assert find_ages(text) == []


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Nhà em 5 người, 3 đứa con 15, 12 và 7 tuổi.", [15, 12, 7]),
        ("애들은 14, 10, 5살", [14, 10, 5]),
        ("两个孩子7和9岁", [7, 9]),
    ],
)
def test_a_list_of_ages_with_one_unit_is_each_child_s(text: str, ages: list[int]) -> None:
    assert [c.get("age") for c in _children(text)] == ages


@pytest.mark.parametrize(
    "text",
    [
        "Tôi muốn đưa con (6 tuổi) về Việt Nam thăm ông bà ngoại khoảng 4 tháng.",
        "I am taking my son (6) to the Philippines for about 4 months.",
        "친정 베트남 가서 3개월 정도 있을 건데",
    ],
)
def test_months_away_on_a_trip_are_not_a_baby(text: str) -> None:
    assert not any(a.unit == "months" for a in find_ages(text))


def test_a_baby_s_months_after_a_trip_told_are_still_hers() -> None:
    assert [(a.value, a.unit) for a in find_ages("친정 다녀왔어요 애기는 4개월이에요")] == [(4, "months")]


def test_a_husband_s_death_told_with_a_bracket_and_a_daughter_s_nationality_after_her_age() -> None:
    facts = extract_facts(
        "Chồng tôi (người Hàn) mất tháng trước vì tai nạn. Tôi vẫn là người nước ngoài (visa F-6), "
        "đang nuôi con gái 7 tuổi quốc tịch Hàn."
    )
    assert facts.get("crisis") == ["breadwinner_death"]
    assert {m["relation"]: m.get("nationality") for m in facts["members"]} == {"self": "XX", "child": "KR"}


def test_a_receipt_said_in_honorific_korean_is_not_a_question() -> None:
    asked, receiving = detect_programs("엄마(77세, 기초연금 받으심)가 노인맞춤돌봄 신청했는데")
    assert (asked, receiving) == (["senior_customized_care"], ["basic_pension"])


def test_restructuring_is_not_an_amount() -> None:
    assert find_money("회사 구조조정으로 잘리고") == []


def test_an_accident_injury_told_as_the_cause_of_a_need_is_not_a_word_of_danger() -> None:
    assert not has_danger_word("아버지가 작년에 낙상사고로 척수를 다치셔서 지체장애 등록은 했어요")
    assert has_danger_word("남편이 때려서 다쳤어요")


@pytest.mark.parametrize(
    ("text", "intent", "programs"),
    [
        # a collapse last week: her question about an alarm service is answered, the 119 line first
        (
            "我妈妈76岁，一个人住在정왕동。上周在家晕倒，过了一天邻居才发现。有没有什么服务可以在家里出事时自动报警？",
            "program_info",
            [],
        ),
        # free legal advice for a deposit: answered with where to go, not the household profile
        (
            "전세 계약 끝났는데 집주인이 보증금 못준대요. 변호사 쓸 돈은 없는데 무료로 상담 받을 수 있는 데 없나요?",
            "program_info",
            [],
        ),
        # mental health counselling asked for: a service, not our officer
        (
            "I've been really depressed, I want to talk to someone. Is there free mental health counselling?",
            "program_info",
            [],
        ),
        # an appeal of a decision already made: how to appeal, not her check
        (
            "엄마가 노인맞춤돌봄 신청했는데 대상자가 아니라고 통보가 왔어요. 이의신청 할 수 있나요? 기한이 있어요?",
            "program_info",
            ["senior_customized_care"],
        ),
        # money while looking for work after unemployment benefit ran out: 국민취업지원제도
        (
            "실업급여도 다 끝났어요. 구직하는 동안 받을 수 있는 지원금 같은거 없을까요?",
            "eligibility_check",
            ["national_employment_support"],
        ),
    ],
)
def test_questions_answered_as_asked(text: str, intent: str, programs: list[str]) -> None:
    d = _decide(text)
    assert (d.intent, d.programs) == (intent, programs)
    assert d.danger != "crisis_reply"
