"""Messages misread, found in session 26 (dev16, written by a helper for development)."""

from __future__ import annotations

import pytest

from graphs.nlu.facts import extract_facts
from graphs.nlu.programs import detect_programs


@pytest.mark.parametrize(
    ("message", "asked", "held"),
    [
        (
            "우리 애 중증장애(자폐) 열살이고 우리집 차상위에요 장애아동수당 한달에 얼마 나와요?",
            [],
            ["near_poverty"],
        ),
        ("听说有个평생교육바우처 是什么东西? 我已经入籍了 家里是차상위 想学会计", [], ["near_poverty"]),
        ("차상위에요? 저도 해당되나요", ["near_poverty"], []),
    ],
)
def test_a_status_said_of_her_household_is_held_not_asked(
    message: str, asked: list[str], held: list[str]
) -> None:
    assert detect_programs(message) == (asked, held)


def _members(message: str) -> list[dict[str, object]]:
    members = extract_facts(message).get("members") or []
    assert isinstance(members, list)
    return members


def test_what_a_colleague_says_is_the_colleagues() -> None:
    facts = extract_facts(
        "chao ban toi 24 tuoi lam cong nhan, visa E9, o Siheung duoc 3 nam roi. dong nghiep nguoi Han cung 24 "
        "tuoi noi duoc nhan 청년기본소득 25 man moi quy. toi co duoc nhan khong"
    )
    assert facts["members"] == [{"relation": "self", "age": 24, "nationality": "XX"}]
    assert "income" not in facts


def test_a_friends_place_is_where_she_stays_not_a_friends_fact() -> None:
    members = _members("I'm staying at a friend's with my 5 year old.")
    assert [(m["relation"], m.get("age")) for m in members] == [("self", None), ("child", 5)]


@pytest.mark.parametrize(
    ("message", "age"),
    [("Our lad is ten, in year 4 at the local primary.", 10), ("my daughter's seven", 7)],
)
def test_a_childs_age_in_words_after_to_be(message: str, age: int) -> None:
    assert [m.get("age") for m in _members(message) if m["relation"] == "child"] == [age]


@pytest.mark.parametrize(
    ("message", "assets"),
    [
        ("we have about 100 million in deposits", {"financial_krw": 100_000_000}),
        ("rental deposit of 5 million won", {"property_krw": 5_000_000}),
        (
            "we live in our own flat, valued at roughly 1.2 billion won; we have about 100 million in deposits",
            {"property_krw": 1_200_000_000, "financial_krw": 100_000_000},
        ),
        (
            "房子是自己的，值五个亿左右（韩币），存款一千万。",
            {"property_krw": 500_000_000, "financial_krw": 10_000_000},
        ),
    ],
)
def test_assets_by_kind(message: str, assets: dict[str, int]) -> None:
    assert extract_facts(message)["assets"] == assets


@pytest.mark.parametrize(
    ("message", "income"),
    [
        ("기초연금 받는거랑 용돈 합쳐서 한달에 오십만원 정도로 살아요.", 500_000),
        ("we live on about 900k a month", 900_000),
    ],
)
def test_what_she_lives_on_is_her_income(message: str, income: int) -> None:
    assert extract_facts(message)["income"] == {"other_krw": income}


def test_a_rent_she_lives_with_is_rent() -> None:
    facts = extract_facts("월세 30만원으로 살아요")
    assert "income" not in facts
    assert facts["housing"]["rent_krw"] == 300_000


def test_a_benefit_she_lives_on_is_held() -> None:
    assert detect_programs("기초연금 받는거랑 아들이 가끔 주는거 합쳐서 한달에 오십만원 정도로 살아요") == (
        [],
        ["basic_pension"],
    )


def test_school_costs_of_a_high_schooler_are_the_education_benefit() -> None:
    assert (
        "education_benefit"
        in detect_programs("긴급복지 같은거 받을수 있나요? 고등학생 애 학비 지원도 궁금하고요")[0]
    )
    assert "education_benefit" not in detect_programs("대학생 학비 지원 있나요")[0]
