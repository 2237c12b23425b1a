"""The facts of a household record that SQL narrows on, derived once at import and stored as real columns.

The JSON document stays the source of truth: these columns are a projection of it, written with it (and
rewritten when `VERSION` changes), so the database can drop (record, program) pairs that certainly cannot be a
candidate without reading the document. They hold facts only, never a figure from the rules data: thresholds
are dated, so they are compiled into the query at screening time (`tools.screening.narrowing`).

Ages: the engine reads a member's age from `birth_date` (then it depends on the screening date), else `age`,
else `months_old`. The columns keep the *static* ages (from `age`/`months_old`) and flag members whose age
moves with the date; a member with no age at all counts for nothing that needs an age.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from tools.eligibility.facts import derive_facts
from tools.eligibility.household import Household, Member

VERSION = 1
"""Bump when a column is added or derived differently: rows of another version are derived again before
screening (`tools.screening.records.refresh_columns`), so the narrowing never reads a stale projection."""

_NATIONALS = ("KR", "KOR")
_PUPILS = ("elementary", "middle", "high")
#: Any date serves to find the applicant and the region: `derive_facts` uses it for nothing else.
_ANY_DAY = date(2000, 1, 1)


def _static_age(member: Member) -> int | None:
    """The member's age when it does not depend on the date: None for a birth date or an unknown age."""
    if member.birth_date is not None:
        return None
    if member.age is not None:
        return member.age
    if member.months_old is not None:
        return member.months_old // 12
    return None


def _listed(values: Sequence[str] | None) -> str | None:
    """`|a|b|` (so `LIKE '%|a|%'` finds one), or None when the list itself is unknown."""
    if values is None:
        return None
    return "|" + "".join(f"{v}|" for v in values)


def _min(values: list[int]) -> int | None:
    return min(values) if values else None


def derive_columns(household: Household) -> dict[str, Any]:
    """The narrowing columns of one validated household (every key of `COLUMN_NAMES`)."""
    facts = derive_facts(household, _ANY_DAY)
    members = household.members
    applicant = facts.applicant
    children = facts.children
    static = [a for m in members if (a := _static_age(m)) is not None]
    child_ages = [a for m in children if (a := _static_age(m)) is not None]
    income = household.income
    assets = household.assets
    region = household.region
    earned = income.earned_krw if income else None
    other = income.other_krw if income else None
    nationality = applicant.nationality
    return {
        "columns_version": VERSION,
        "as_of": household.as_of,
        "size": len(members),
        "applicant_age": _static_age(applicant),
        "applicant_age_moves": applicant.birth_date is not None,
        "applicant_foreign": nationality is not None and nationality.upper() not in _NATIONALS,
        "applicant_disability": applicant.disability,
        "applicant_employed": applicant.employed,
        "applicant_long_term_care": applicant.long_term_care,
        "has_spouse": facts.spouse is not None,
        "has_parent": any(m.relation == "parent" for m in members),
        "oldest_age": max(static) if static else None,
        "youngest_age": _min(static),
        "ages_move": any(m.birth_date is not None for m in members),
        "youngest_child_age": _min(child_ages),
        "children_open": any(_static_age(m) is None for m in children),
        "minor_children": sum(1 for a in child_ages if a < 19),
        "pupils": sum(1 for m in members if m.school in _PUPILS),
        "any_disability": any(m.disability in ("mild", "severe") for m in members),
        "any_pregnant": any(bool(m.pregnant) for m in members),
        "single_parent": household.single_parent,
        "support_obligor": household.support_obligor,
        "earned_krw": earned,
        "other_krw": other,
        "income_krw": earned + other if earned is not None and other is not None else None,
        "income_recognition_krw": household.income_recognition_krw,
        "property_krw": assets.property_krw if assets else None,
        "financial_krw": assets.financial_krw if assets else None,
        "debt_krw": assets.debt_krw if assets else None,
        "tenure": household.housing.tenure if household.housing else None,
        "sido": facts.sido,
        "sigungu": facts.sigungu,
        "nbls_region": facts.nbls_region,
        "city_class": facts.city_class,
        "months_resident": region.months_resident if region else None,
        "gyeonggi_years": household.gyeonggi_residence_years,
        "gyeonggi_total_years": household.gyeonggi_total_residence_years,
        "crisis": _listed(household.crisis),
        "receiving": _listed(household.receiving),
    }


COLUMN_NAMES: tuple[str, ...] = tuple(derive_columns(Household(members=[Member()])))
"""The derived columns, in the order the table and `COPY` list them."""
