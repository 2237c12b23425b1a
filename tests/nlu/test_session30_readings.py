"""Messages misread, found in session 30 (the dev20 development set and trials): whose money an amount is, lists
of amounts by person, ages to be reached, refusals beside answers, and words taken for questions."""

from __future__ import annotations

import pytest

from graphs.dialogue.asking import asks_question
from graphs.memory import merge_facts
from graphs.nlu.facts import extract_facts, outside_money_blanked
from graphs.nlu.numbers import find_ages, find_money
from graphs.nlu.programs import detect_programs
from graphs.slots import DECLINED, TOGETHER, parse_answer, refuses


def test_a_son_s_salary_is_not_the_income_of_a_mother_who_lives_alone() -> None:
    facts = extract_facts(
        "지는 일흔셋이구 혼자 살어유. 국민연금 사십만원 나오는 게 다여유. 아들이 서울서 회사 댕기는디 월급이 "
        "오백은 된다구 허더라구유."
    )
    assert facts["members"] == [{"relation": "self", "age": 73}]
    assert facts["income"] == {"other_krw": 400_000}


@pytest.mark.parametrize(
    ("text", "income"),
    [
        # parents who live apart: the father's pension is his
        ("부모님은 따로 사시는데 아버지 연금이 삼백 나와요. 저는 장애인일자리 육십 받아요", None),
        # the son lives apart, but what he sends her is hers
        ("아들이 따로 살면서 매달 삼십만원 보내줘요", {"other_krw": 300_000}),
        # said after: "with his own family"
        ("Also our son earns like 7 million a month but he lives in Seoul with his own family", None),
        # said after, in Chinese: what the son gives her stays hers, what he earns does not
        (
            "我们没有退休金，儿子每个月给三十万生活费。儿子一个月挣四百万，他自己也要养一家人，不住一起。",
            {"other_krw": 300_000},
        ),
    ],
)
def test_money_of_relatives_who_live_apart_is_theirs(text: str, income: dict[str, int] | None) -> None:
    assert extract_facts(text).get("income") == income


def test_where_a_relative_who_lives_apart_lives_is_not_her_region() -> None:
    assert "region" not in extract_facts("our son lives in Seoul with his own family")


def test_a_son_who_lives_apart_is_not_a_member() -> None:
    members = extract_facts(
        "我七十，老伴六十八。儿子每个月给三十万生活费。儿子一个月挣四百万，他自己也要养一家人，不住一起。"
    )["members"]
    assert [m["relation"] for m in members] == ["self", "spouse"]


def test_amounts_held_outside_the_household_told_before_are_blanked() -> None:
    text = "제 연금 사십이고 아들 월급이 오백이에요"
    kept = outside_money_blanked(text, frozenset({"child", "spouse", "parent", "grandchild"}))
    assert [m.krw for m in find_money(kept)] == [400_000]
    assert outside_money_blanked(text, frozenset()) == text


@pytest.mark.parametrize(
    ("text", "income"),
    [
        (
            "우리 영감이랑 내랑 둘이 사는데 연금이 둘이 합쳐 이백 나오고 상가 세 받는 기 이백이십이라예",
            {"other_krw": 4_200_000},
        ),
        ("국민연금이 둘이 합쳐 이백, 상가 세 받는 기 이백이십", {"other_krw": 4_200_000}),
        ("그리고 교육급여? 남편 삼백팔십 저 알바 백이십 벌어요", {"earned_krw": 5_000_000}),
        ("저 월급 이백 와이프 식당 백이요", {"earned_krw": 3_000_000}),
        ("알바로 백십 벌어요", {"earned_krw": 1_100_000}),
    ],
)
def test_incomes_said_by_source_or_by_person(text: str, income: dict[str, int]) -> None:
    assert extract_facts(text)["income"] == income


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("내년 유월에 육십다섯 되는데 기초연금 미리 신청돼요?", 64),
        ("아 잠만요 생일 지나서 만 서른다섯이네요. 그럼 주거급여는요?", 35),
    ],
)
def test_ages_to_be_reached_and_said_with_a_soft_ending(text: str, age: int) -> None:
    assert [a.value for a in find_ages(text)] == [age]


def test_per_month_in_chinese_is_not_a_baby_s_age() -> None:
    assert find_ages("儿子一个月挣四百万") == []
    assert [a.value for a in find_ages("儿子才三个月")] == [3]


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("아 영감은 일흔넷이고 내는 일흔하나", False),
        ("딸 하나", False),
        ("스물하나요", False),
        ("저 둘다 몸이 안좋아서 일 못해요. 생계급여 의료급여 신청하고 싶어요", False),
        ("이거 어떻게 해야 하나", True),
        ("그거 어디다 신청해요", True),
        ("신청 어디서 해요", True),
        ("받을 수 있나요", True),
    ],
)
def test_the_number_one_and_a_statement_are_not_questions(text: str, asks: bool) -> None:
    assert asks_question(text) is asks


def test_a_refusal_of_the_children_beside_an_income_answer() -> None:
    text = "연금은 둘이 합쳐서 육십만원이요. 자식 얘기는 묻지 마세요 하기 싫어요"
    assert refuses("자식 얘기는 묻지 마세요")
    assert parse_answer("support_obligor", text, {"income": {"other_krw": 600_000}}, {}) == DECLINED


def test_a_son_earning_less_than_the_line_meets_family_support() -> None:
    patch = parse_answer("support_obligor", "아들 하나 있는디 연봉 일억은 안 되구 집도 전세살이여유", {}, {})
    assert patch == {"support_obligor": "meets"}


def test_that_one_too_is_not_living_together() -> None:
    assert TOGETHER.search("차상위도 같이요") is None
    assert TOGETHER.search("엄마랑 같이 살아요") is not None


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        ("单亲家庭儿童抚养费和教育补助能申请吗？", ["single_parent_child_support", "education_benefit"]),
        ("시흥시에서 주는 축하금도 있다던데 그것도요", ["siheung_birth_support"]),
        ("결혼 축하금", []),
    ],
)
def test_program_names(text: str, programs: list[str]) -> None:
    assert detect_programs(text)[0] == programs


def test_the_eldest_told_after_the_second_birth_is_another_child() -> None:
    facts = merge_facts({}, extract_facts("둘째 낳았어요 11월20일생이요!!"))
    facts = merge_facts(facts, extract_facts("큰애는 네살이에요"))
    children = [m for m in facts["members"] if m["relation"] == "child"]
    assert len(children) == 2
    assert {c.get("age") for c in children} >= {4}
    assert any(c.get("birth_order") == 2 and "age" not in c for c in children)


def test_a_collapse_said_as_a_condition_is_no_danger() -> None:
    from graphs.nlu.danger import has_danger_word

    assert not has_danger_word("혼자사는 엄마집에 쓰러지거나 불나면 자동으로 연결되는 기계 달아준다던데")
    assert has_danger_word("엄마가 쓰러졌어요")


@pytest.mark.parametrize(
    ("text", "standing"),
    [
        ("시어머니 시골 계신데 형편 안 좋으셔서 부양의무자는 문제 없대요", "meets"),
        ("아들이 대기업 댕기가 부양의무자 기준에 걸린다 카더라", "fails"),
        ("아들 때문에 걸려서 안 된대요", "fails"),
    ],
)
def test_family_support_as_the_office_told_her(text: str, standing: str) -> None:
    # blind28 dialogues, read after their one measurement
    assert parse_answer("support_obligor", text, {}, {}) == {"support_obligor": standing}


def test_an_age_corrected_while_another_question_is_open() -> None:
    from graphs.dialogue import ledger as lg
    from graphs.dialogue.reading import read_message
    from graphs.nlu import understand

    facts = {"members": [{"relation": "self", "age": 24}]}
    ledger = lg.record({}, ["age"], "said", 1)
    message = "아 잠만 생일 지나서 만 25네요 ㅋㅋ;; 그럼 국민취업지원제도는 돼요? 백수임"
    reading = read_message(
        message, understand(message), ["region", "gyeonggi_residence_years"], ledger, facts
    )
    assert reading.facts["members"][0]["age"] == 25
    assert "gyeonggi_residence_years" not in reading.facts


def test_a_reply_about_the_assumed_benefits_is_no_answer_to_the_open_question() -> None:
    # the trial: "chưa nhận gì" (nothing received) while the husband's nationality was asked
    from graphs.dialogue import ledger as lg
    from graphs.dialogue.reading import read_message
    from graphs.nlu import understand

    facts = {"members": [{"relation": "self", "age": 50}]}
    ledger = lg.record({}, ["receiving"], "assumed", 1)
    reading = read_message("chưa nhận gì", understand("chưa nhận gì"), ["nationality"], ledger, facts)
    assert "nationality" not in reading.filled
    assert reading.facts.get("receiving") == []
