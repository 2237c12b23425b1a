"""Short replies read as the answer to the question the agent asked (`graphs.slots.parse_answer`)."""

from __future__ import annotations

from typing import Any

import pytest

from graphs.slots import parse_answer

FAMILY_OF_SIX: dict[str, Any] = {
    "members": [{"relation": "self"}, {"relation": "spouse"}, *({"relation": "child"} for _ in range(4))]
}


def test_bare_ages_listed_are_the_childrens() -> None:
    patch = parse_answer("child_age", "만으로 14 11 8 3이요", {}, FAMILY_OF_SIX)
    assert isinstance(patch, dict)
    ages = [m.get("age") for m in patch["members_replace"] if m["relation"] == "child"]
    assert ages == [14, 11, 8, 3]


def test_man_before_an_age_is_the_korean_age_word_not_ten_thousand() -> None:
    assert parse_answer("age", "만 24", {}, {}) == {"members": [{"relation": "self", "age": 24}]}


@pytest.mark.parametrize(
    "text",
    [
        "태어나서 쭉 경기도. 안산에서 크고 작년에 시흥옴",
        "부천살다가 시흥온지 3년. 태어나서 경기도 벗어난적 없음",
    ],
)
def test_all_her_life_in_gyeonggi_counts_her_age_whatever_city(text: str) -> None:
    facts = {"members": [{"relation": "self", "age": 24}]}
    patch = parse_answer("gyeonggi_residence_years", text, {}, facts)
    assert patch == {"gyeonggi_residence_years": 24, "gyeonggi_total_residence_years": 24}


@pytest.mark.parametrize(
    "text",
    [
        "아들 하나 있는디 그놈도 월급쟁이라 지 식구 건사하기 바뻐",
        "one son, an ordinary office worker with his own family",
        "our daughter and her husband have normal salaries, they can't support us much",
        "有个儿子在中国，自己都顾不过来",
    ],
)
def test_an_ordinary_working_child_meets_the_support_rule(text: str) -> None:
    assert parse_answer("support_obligor", text, {}, {}) == {"support_obligor": "meets"}


def test_a_husband_who_died_answers_single_parent() -> None:
    assert parse_answer("single_parent", "남편 재작년에 갔제", {}, {}) == {"single_parent": True}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Korean", "KR"),
        ("한국 사람이요", "KR"),
        ("She's Korean", "KR"),
        ("越南", "VN"),
        ("người Việt Nam", "VN"),
    ],
)
def test_a_nationality_said_alone_answers_the_question(text: str, code: str) -> None:
    assert parse_answer("nationality", text, {}, {}) == {
        "members": [{"relation": "self", "nationality": code}]
    }


def test_nothing_yet_is_no_benefit_received_and_a_birth_year_after_the_age_is_fine() -> None:
    assert parse_answer("receiving", "nothing yet", {}, {}) == {"receiving": []}
    assert parse_answer("age", "만24 2002년 3월생", {}, {}) == {"members": [{"relation": "self", "age": 24}]}


@pytest.mark.parametrize(
    ("text", "months"),
    [("we moved here two years ago", 24), ("about eighteen months", 18), ("hai năm rồi", 24)],
)
def test_a_duration_in_words_is_months_lived_there(text: str, months: int) -> None:
    patch = parse_answer("months_resident", text, {}, {})
    assert isinstance(patch, dict)
    assert patch["region"]["months_resident"] == months


def test_children_named_by_place_take_ages_in_native_words() -> None:
    facts = {"members": [{"relation": "self"}, {"relation": "child"}, {"relation": "child"}]}
    patch = parse_answer("child_age", "첫째는 열셋이고 막내는 여덟이요", {}, facts)
    assert isinstance(patch, dict)
    assert [m.get("age") for m in patch["members_replace"][1:]] == [13, 8]


@pytest.mark.parametrize(
    ("text", "years", "total"),
    [
        ("2023년 5월에 왔으니까 3년 6개월쯤요", 3.5, 3.5),
        ("now 2 years in a row, 12 years in total", 2, 12),
    ],
)
def test_gyeonggi_years_are_durations_not_the_year_she_moved(text: str, years: float, total: float) -> None:
    patch = parse_answer("gyeonggi_residence_years", text, {}, {})
    assert patch == {"gyeonggi_residence_years": years, "gyeonggi_total_residence_years": total}


def test_a_son_with_a_high_salary_fails_the_support_rule() -> None:
    assert parse_answer("support_obligor", "딸 하나 있는데 변호사라 연봉이 억대예요", {}, {}) == {
        "support_obligor": "fails"
    }


def test_a_bare_number_beside_a_duration_is_years_in_gyeonggi_too() -> None:
    patch = parse_answer(
        "gyeonggi_residence_years", "3 years now in Siheung. Bucheon from birth till 14", {}, {}
    )
    assert patch == {"gyeonggi_residence_years": 3, "gyeonggi_total_residence_years": 14}
