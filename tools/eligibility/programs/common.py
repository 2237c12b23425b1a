"""Criteria shared by several programs."""

from __future__ import annotations

from tools.eligibility.check import Check
from tools.eligibility.household import Member

NBLS_PROGRAMS = ("livelihood_benefit", "medical_benefit", "housing_benefit", "education_benefit")


def age_at_least(check: Check, member: Member, key: str, who: str = "신청인") -> bool | None:
    """`member` is at least the parameter `key` years old (만 나이)."""
    param = check.param(key)
    minimum = int(param.value)
    age = member.age_on(check.facts.as_of)
    if age is None:
        return check.add("age", None, f"{who} 나이 확인 필요 (만 {minimum}세 이상)", param.reference, ["age"])
    passed = age >= minimum
    sign = "이상" if passed else "미만"
    return check.add("age", passed, f"{who} 만 {age}세 (만 {minimum}세 {sign})", param.reference)


def age_between(
    check: Check, member: Member, low_key: str, high_key: str, who: str = "신청인"
) -> bool | None:
    """`member` is between the two parameters' ages, both inclusive."""
    low, high = check.param(low_key), check.param(high_key)
    age = member.age_on(check.facts.as_of)
    span = f"만 {low.value}–{high.value}세"
    if age is None:
        return check.add("age", None, f"{who} 나이 확인 필요 ({span})", low.reference, ["age"])
    passed = int(low.value) <= age <= int(high.value)
    return check.add(
        "age", passed, f"{who} 만 {age}세 ({span} {'해당' if passed else '해당 안 됨'})", low.reference
    )


def receiving_any(check: Check, programs: tuple[str, ...] | list[str]) -> list[str] | None:
    """Which of `programs` the household already receives; None when `receiving` is not given."""
    receiving = check.facts.household.receiving
    if receiving is None:
        return None
    return [p for p in programs if p in receiving]


def program_names(check: Check, ids: list[str] | tuple[str, ...]) -> str:
    """Korean names of program ids, joined."""
    return "·".join(check.book.programs[i].name_ko if i in check.book.programs else i for i in ids)


def foreign_national_check(check: Check) -> None:
    """National programs: the rules data does not say how foreign nationals qualify, so do not decide."""
    nationality = check.facts.applicant.nationality
    if nationality is not None and nationality.upper() not in ("KR", "KOR"):
        check.add(
            "nationality",
            None,
            f"외국 국적({nationality.upper()})인 분의 자격은 제도마다 다릅니다 — 행정복지센터 확인 필요",
            check.program.legal_basis,
            ["nationality_rules"],
        )
