"""Messages misread, found in session 26 (dev16, written by a helper for development)."""

from __future__ import annotations

from datetime import date

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


def test_the_second_birthday_passed_is_two_years_old() -> None:
    assert [m.get("age") for m in _members("애가 두돌 넘었어요") if m["relation"] == "child"] == [2]


@pytest.mark.parametrize(
    ("message", "income"),
    [
        ("국민연금 사십오만원에 기초연금 삼십오만원, 합치믄 딱 팔십만원이다", 800_000),
        ("내 국민연금 이백팔십 마누라 백이십, 합해서 사백", 4_000_000),
        ("둘이 연금 합치면 딱 사백이야", 4_000_000),
    ],
)
def test_a_total_said_is_the_total_not_one_more_income(message: str, income: int) -> None:
    assert extract_facts(message)["income"]["other_krw"] == income


def test_a_move_from_outside_gyeonggi_with_its_month_gives_the_years_since() -> None:
    today = date.today()
    expected = round(((today.year - 2025) * 12 + today.month - 3) / 12, 2)
    for message in (
        "hi, I'm 24 (born 2002), korean. moved to siheung from busan in march 2025 for work.",
        "2025년 3월에 부산에서 시흥으로 이사 왔어요",
        "2025年3月从釜山搬到始兴",
    ):
        facts = extract_facts(message)
        assert facts["gyeonggi_residence_years"] == expected
        assert facts["gyeonggi_total_residence_years"] == expected
    # a move within 경기도 says nothing of the years before it
    assert "gyeonggi_residence_years" not in extract_facts("moved to siheung from ansan in march 2025")


@pytest.mark.parametrize(
    ("message", "asked", "held"),
    [
        (
            "我儿子上初二，我们家是교육급여수급자。听说교육활동지원비要另外申请？",
            ["education_benefit"],
            ["education_benefit"],
        ),
        ("my neighbor said since we r 차상위 i can get a 'munhwa nuri card'??", [], ["near_poverty"]),
    ],
)
def test_a_status_said_in_other_words(message: str, asked: list[str], held: list[str]) -> None:
    assert detect_programs(message) == (asked, held)


@pytest.mark.parametrize(
    "message",
    [
        "둘째 낳았는데 부모급여랑 첫만남이용권 둘 다 신청되나요? 첫째는 세돌 지났어요",
        "둘째 낳았는데 첫째는 3살이에요",
    ],
)
def test_the_baby_of_a_later_birth_beside_the_older_child(message: str) -> None:
    children = [m for m in _members(message) if m["relation"] == "child"]
    assert [(m.get("age"), m.get("birth_order")) for m in children] == [(3, 1), (None, 2)]


@pytest.mark.parametrize(
    ("message", "months"),
    [("Two of us: me, my kid. My child is thirteen monthes old", 13), ("my baby is three weeks old", 0)],
)
def test_a_childs_age_in_words_with_another_unit_is_not_years(message: str, months: int) -> None:
    children = [m for m in _members(message) if m["relation"] == "child"]
    assert [m.get("months_old") for m in children] == [months]
