"""Numerals, money and ages in Korean, Chinese, English and Vietnamese."""

from __future__ import annotations

import pytest

from graphs.nlu.numbers import (
    bare_number,
    find_ages,
    find_money,
    native_korean_number,
    parse_numeral,
    word_number,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("80만", 800_000),
        ("1.2백만", 1_200_000),
        ("백오십", 150),
        ("백오십만", 1_500_000),
        ("3억5천", 350_000_000),
        ("3억5천만", 350_000_000),
        ("2억", 200_000_000),
        ("1,500,000", 1_500_000),
        ("십만", 100_000),
        ("천만", 10_000_000),
        ("八十万", 800_000),
        ("一百五十万", 1_500_000),
        ("两百万", 2_000_000),
        ("七十", 70),
    ],
)
def test_parse_numeral(text: str, value: int) -> None:
    assert parse_numeral(text) == value


def test_parse_numeral_rejects_words() -> None:
    assert parse_numeral("안녕") is None
    assert parse_numeral("") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("일흔", 70), ("예순다섯", 65), ("스물", 20), ("쉰다섯", 55), ("여든여덟", 88), ("다섯", 5), ("열", 10)],
)
def test_native_korean_number(text: str, value: int) -> None:
    assert native_korean_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"), [("둘", 2), ("두 명", 2), ("two", 2), ("hai", 2), ("3", 3), ("两", 2)]
)
def test_word_number(text: str, value: int) -> None:
    assert word_number(text) == value


@pytest.mark.parametrize(
    ("text", "krw"),
    [
        ("80만원 벌어요", 800_000),
        ("월 백오십 벌어요", 1_500_000),
        ("1.2백만 정도", 1_200_000),
        ("백오십만 원이요", 1_500_000),
        ("재산이 3억 5천 있어요", 350_000_000),
        ("월급 180 받아요", 1_800_000),
        ("소득이 월 250", 2_500_000),
        ("월세 30만 원", 300_000),
        ("예금 500만원", 5_000_000),
        ("1,200,000원", 1_200_000),
        ("I earn 1.5 million won", 1_500_000),
        ("about 800k a month", 800_000),
        ("2,000,000 won", 2_000_000),
        ("每个月收入八十万韩元", 800_000),
        ("月收入150万", 1_500_000),
        ("thu nhập 80 triệu", 80_000_000),
        ("lương 2 triệu won", 2_000_000),
        ("80 vạn won", 800_000),
        ("1.500.000 won", 1_500_000),
    ],
)
def test_find_money(text: str, krw: int) -> None:
    found = find_money(text)
    assert [m.krw for m in found] == [krw]


@pytest.mark.parametrize(
    "text",
    [
        "만 65세예요",
        "3인 가구",
        "애 둘 키워요",
        "이것만 주세요",
        "아기 3개월",
        "8살",
        "2026년",
        "1종 2종 차이",
        "70岁",
    ],
)
def test_no_false_money(text: str) -> None:
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("만 65세입니다", 65, "years"),
        ("일흔 살이에요", 70, "years"),
        ("예순다섯 살", 65, "years"),
        ("나 66살", 66, "years"),
        ("스무 살", 20, "years"),
        ("육십오세", 65, "years"),
        ("태어난 지 3개월", 3, "months"),
        ("今年70岁", 70, "years"),
        ("七十岁", 70, "years"),
        ("宝宝两个月", 2, "months"),
        ("tôi 70 tuổi", 70, "years"),
        ("bé 2 tháng tuổi", 2, "months"),
        ("I'm 70", 70, "years"),
        ("she is 81 years old", 81, "years"),
        ("my 10 month old baby", 10, "months"),
        ("aged 27", 27, "years"),
    ],
)
def test_find_ages(text: str, value: int, unit: str) -> None:
    ages = find_ages(text)
    assert [(a.value, a.unit) for a in ages] == [(value, unit)]


@pytest.mark.parametrize("text", ["70대 어르신", "I earn 800k", "3인 가구", "월 150", "I'm fine"])
def test_no_false_ages(text: str) -> None:
    assert find_ages(text) == []


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("애기 두달 됐어요", [2]),
        ("아 아니다 한달 조금 넘었어요 5주차", [1]),  # one baby, said twice: the weeks are the precise one
        ("The baby is 2 weeks old", [0]),
        ("애기 태어난 지 2개월 됐어요", [2]),
        ("임신 6개월이에요", []),  # a pregnancy, not a child
        ("I'm 6 months pregnant", []),
        ("we moved here only 3 months ago", []),
        ("실직한 지 2개월 됐어요", []),  # time since a job loss
        ("한 달에 일해서 삼백사만원", []),  # per month
        ("집에 버는 게 한 달 685만원", []),
    ],
)
def test_months_are_an_age_only_when_they_are_someones_age(text: str, months: list[int]) -> None:
    assert [a.value for a in find_ages(text) if a.unit == "months"] == months


def test_verb_endings_are_not_ages() -> None:
    assert find_ages("친정엄마는 혼자 기초연금으로 사세요") == []
    assert find_money("네네 2026년 1월 16일생이야") == []  # a date, not 10,000 won


@pytest.mark.parametrize(
    ("text", "krw"),
    [
        ("toi lam nha hang 200 man mot thang", [2_000_000]),
        ("coc 4000 man, ngan hang 200 man", [40_000_000, 2_000_000]),
    ],
)
def test_man_written_in_latin_letters_is_ten_thousand(text: str, krw: list[int]) -> None:
    assert [m.krw for m in find_money(text)] == krw


def test_a_rate_per_month_is_not_a_babys_age() -> None:
    assert find_ages("toi lam nha hang 200 man mot thang") == []
    assert [a.value for a in find_ages("be duoc mot thang")] == [1]


@pytest.mark.parametrize(("text", "age"), [("오십둘", 52), ("육십다섯이요", 65)])
def test_sino_tens_with_native_ones_is_an_age_said_aloud(text: str, age: int) -> None:
    assert bare_number(text) == age


def test_native_ages_after_me_and_man_before_digits() -> None:
    assert [a.value for a in find_ages("나 쉰여덟 아들 서른")] == [58, 30]
    assert [a.value for a in find_ages("02년생이요 생일 지나서 만24")] == [24]
    assert find_ages("만 65세 이상이면 받아요") == []  # a rule's bound, nobody's age


def test_a_deposit_and_a_bankbook_with_their_particles_are_in_ten_thousands() -> None:
    assert [m.krw for m in find_money("전세 칠천에 살구 통장엔 한 삼백 있을거유")] == [70_000_000, 3_000_000]


def test_a_stay_in_years_is_not_an_age() -> None:
    from graphs.nlu import understand

    for text in ("What about it? I've lived in Siheung 3 years", "I have been living here 5 years"):
        ages = [m.get("age") for m in understand(text).facts.get("members", [])]
        assert not {3, 5} & set(ages)
    assert understand("I live alone, 70 years old").facts["members"][0]["age"] == 70
    # an "o" inside a word is not the unmarked Vietnamese "ở" (in): "so I'm 24" keeps its age
    assert understand("hey so I'm 24 and just heard about it").facts["members"][0]["age"] == 24


def test_an_age_in_years_and_months_is_one_age_in_months() -> None:
    for text, months in (
        ("孩子两岁一个月了", 25),
        ("con toi duoc 2 tuoi 2 thang roi", 26),
        ("2살 3개월이에요", 27),
        ("my son is 2 years and 3 months old", 27),
    ):
        assert [(a.value, a.unit) for a in find_ages(text)] == [(months, "months")], text
    # two people's ages side by side stay two ages
    assert [a.value for a in find_ages("남편 45살 아이 3개월")] == [45, 3]
    assert [a.value for a in find_ages("첫째가 3살, 11개월")] == [3, 11]


def test_vietnamese_millions_and_a_lone_digit_are_tenths() -> None:
    assert [m.krw for m in find_money("2 triệu 5 một tháng")] == [2_500_000]
    assert [m.krw for m in find_money("2 trieu ruoi")] == [2_500_000]
    assert [m.krw for m in find_money("thu nhập 2 triệu 3 tháng nay")] == [
        2_000_000
    ]  # 3 months, not 2.3 million
    assert [m.krw for m in find_money("chồng em lương 3 triệu 8.")] == [3_800_000]  # the end of a sentence


def test_years_spent_somewhere_are_not_an_age() -> None:
    said = "I moved back to Korea after 30 years in the US. I'm 66 and a Korean citizen."
    assert [a.value for a in find_ages(said)] == [66]
    assert [a.value for a in find_ages("I worked 20 years in a factory, now I am 64")] == [64]
