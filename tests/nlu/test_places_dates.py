"""Where she lives and calendar dates, as residents write them."""

from __future__ import annotations

from datetime import date

import pytest

from graphs.nlu.dates import find_dates, find_past_dates, find_past_months
from graphs.nlu.facts import extract_facts
from graphs.nlu.places import find_region


@pytest.mark.parametrize(
    ("text", "sido", "sigungu"),
    [
        ("서울 구로구 살아요", "서울특별시", "구로구"),
        ("성남시 살아요", "경기도", "성남시"),
        ("I live in Seongnam", "경기도", "성남시"),
        ("住在城南市", "경기도", "성남시"),
        ("Toi song o Ansan", "경기도", "안산시"),
        ("정왕동 살아요", "경기도", "시흥시"),
        ("시흥 안 살아요, 서울 살아요", "서울특별시", None),
        ("부산에서 살다가 작년에 안산으로 이사 왔어요", "경기도", "안산시"),
        ("경기도 광주 살아요", "경기도", "광주시"),
    ],
)
def test_the_place_she_lives_is_read(text: str, sido: str, sigungu: str | None) -> None:
    assert find_region(text) == {"sido": sido, "sigungu": sigungu}


@pytest.mark.parametrize(
    "text",
    [
        "시흥시 출생축하금 받을 수 있나?",  # a program's name, not her address
        "이천만원 있어요",  # a number, not 이천시
        "고양이 키워요",
        "경기가 안 좋아서 가게 문 닫았어요",
        "경기도에 5년 살았어요",  # which 시·군 is still open
        "경기도 온 지 2년 됐고 그 전엔 쭉 부산에서 살았어요",  # Busan is where she lived before
        "我是河南人",  # a Chinese province, not 하남시
    ],
)
def test_no_place_is_taken_where_none_is_her_address(text: str) -> None:
    assert find_region(text) is None


def test_a_reply_to_where_do_you_live_needs_no_word_of_living() -> None:
    assert find_region("경기도 성남시요", answer=True) == {"sido": "경기도", "sigungu": "성남시"}
    assert find_region("Seoul, Guro-gu", answer=True) == {"sido": "서울특별시", "sigungu": "구로구"}
    assert find_region("성남시요") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2026년 1월 10일", date(2026, 1, 10)),
        ("2026-01-10", date(2026, 1, 10)),
        ("2026年2月5日", date(2026, 2, 5)),
        ("17/12/2025", date(2025, 12, 17)),
        ("12/17/2025", date(2025, 12, 17)),
        ("ngày 17 tháng 12 năm 2025", date(2025, 12, 17)),
        ("Ngay 17 thang 12 nam 2025", date(2025, 12, 17)),
        ("January 10, 2026", date(2026, 1, 10)),
        ("10 Jan 2026", date(2026, 1, 10)),
    ],
)
def test_whole_dates_are_read(text: str, value: date) -> None:
    assert [d.value for d in find_dates(text)] == [value]


def test_impossible_or_partial_dates_are_not_dates() -> None:
    assert find_dates("2026년 2월 30일") == []
    assert find_dates("올해 3월생") == []


def test_a_birth_date_said_in_passing_is_a_childs() -> None:
    members = extract_facts("2026년 1월 10일에 태어났어요")["members"]
    assert {"relation": "child", "birth_date": "2026-01-10"} in members
    assert "members" not in extract_facts("2026년 1월 10일에 이사왔어요")


def test_a_birth_day_said_without_the_year_is_the_last_one_that_has_passed() -> None:
    today = date(2026, 12, 3)
    assert [d.value for d in find_past_dates("둘째 9월 15일생이에요", today)] == [date(2026, 9, 15)]
    assert [d.value for d in find_past_dates("12월 25일에 태어났어요", today)] == [date(2025, 12, 25)]
    assert [d.value for d in find_past_dates("born on Nov 10", today)] == [date(2026, 11, 10)]
    assert find_dates("9월 15일") == []  # a whole date needs its year


def test_a_birth_month_with_a_short_or_relative_year() -> None:
    today = date(2026, 12, 4)
    assert [m.months_ago for m in find_past_months("25년 12월생이에요", today)] == [12]
    assert [m.months_ago for m in find_past_months("작년 11월에 태어났어요", today)] == [13]
    assert [m.months_ago for m in find_past_months("재작년 1월에 낳았어요", today)] == [35]
    assert [m.months_ago for m in find_past_months("去年11月出生的", today)] == [13]
    assert [m.months_ago for m in find_past_months("8월에 낳았어요", today)] == [4]  # the last August
    assert [m.months_ago for m in find_past_months("98년 3월생", today)] == [(2026 - 1998) * 12 + 9]
