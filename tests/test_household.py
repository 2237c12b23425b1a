"""Household input validation: every bad field is named, nothing crashes."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tools.eligibility.household import HouseholdInputError, Member, parse_household


@pytest.mark.parametrize(
    ("data", "field", "fragment"),
    [
        ({"members": [{"relation": "self", "age": 300}]}, "members[0].age", "130"),
        ({"members": [{"relation": "self", "age": -1}]}, "members[0].age", "0"),
        ({"members": [{"relation": "self", "shoe_size": 42}]}, "members[0].shoe_size", "unknown field"),
        ({"members": [{"relation": "self"}], "pets": 2}, "pets", "unknown field"),
        ({"members": [{"relation": "self"}], "income": {"earned_krw": -5}}, "income.earned_krw", "-5"),
        ({"members": []}, "members", "at least 1"),
        ({}, "members", "required"),
        ({"members": [{"relation": "boss"}]}, "members[0].relation", "self"),
        ({"members": [{"relation": "self"}, {"relation": "self"}]}, "members", "more than one"),
        ({"members": [{"relation": "self", "age": 2, "months_old": 5}]}, "members[0]", "disagree"),
        ({"members": [{"relation": "self"}], "as_of": "2026-13-01"}, "as_of", "date"),
        ({"members": [{"relation": "self"}], "crisis": ["bored"]}, "crisis[0]", "job_loss"),
        (
            {
                "members": [{"relation": "self"}],
                "gyeonggi_residence_years": 5,
                "gyeonggi_total_residence_years": 3,
            },
            "",
            "less than",
        ),
        (
            {
                "members": [{"relation": "self"}, {"relation": "child", "earned_krw": 3000000}],
                "income": {"earned_krw": 2000000, "other_krw": 0},
            },
            "",
            "exceed",
        ),
    ],
)
def test_bad_input_names_the_field(data: dict[str, Any], field: str, fragment: str) -> None:
    with pytest.raises(HouseholdInputError) as caught:
        parse_household(data)
    assert caught.value.field == field
    assert fragment in str(caught.value)


def test_not_an_object() -> None:
    with pytest.raises(HouseholdInputError, match="JSON object"):
        parse_household([1, 2])


def test_contract_example_parses() -> None:
    household = parse_household(
        {
            "as_of": "2026-11-25",
            "region": {"sido": "경기도", "sigungu": "시흥시"},
            "members": [{"relation": "self", "age": 70, "disability": "none", "months_old": None}],
            "income": {"earned_krw": 0, "other_krw": 300000},
            "income_recognition_krw": None,
            "assets": {"property_krw": 0, "financial_krw": 0, "debt_krw": 0},
            "housing": {"tenure": "renter", "rent_krw": 300000},
            "crisis": [],
            "single_parent": False,
            "support_obligor": None,
            "receiving": [],
        }
    )
    assert household.members[0].age == 70
    assert household.as_of == date(2026, 11, 25)


def test_ages_from_birth_date_and_months() -> None:
    on = date(2026, 11, 25)
    assert Member(birth_date=date(2002, 11, 26)).age_on(on) == 23
    assert Member(birth_date=date(2002, 11, 25)).age_on(on) == 24
    assert Member(months_old=13).age_on(on) == 1
    assert Member(age=1).months_on(on) == (12, 23)
    born = Member(months_old=10).birth_range(on)
    assert born == (date(2025, 12, 26), date(2026, 1, 25))
