"""국민기초생활보장: 생계·의료·주거·교육급여 and 차상위계층 확인."""

from __future__ import annotations

import math

from tools.eligibility.check import Check, won
from tools.eligibility.income import IncomeEstimate, income_criterion, nbls_recognised_income
from tools.eligibility.programs.common import (
    NBLS_PROGRAMS,
    foreign_national_check,
    program_names,
    receiving_any,
)
from tools.eligibility.result import EligibilityResult

SUPPORT_OBLIGOR_SOURCE = "국민기초생활 보장법 (부양의무자 기준)"


def _income_test(check: Check, *, basic_property_deduction: bool) -> tuple[int, IncomeEstimate]:
    threshold, label = check.threshold("income_ratio")
    estimate = nbls_recognised_income(check, basic_property_deduction=basic_property_deduction)
    income_criterion(check, estimate, threshold, label, check.param("income_ratio").reference)
    return threshold, estimate


def _income_passed(result: EligibilityResult) -> bool:
    return any(c.name == "income_recognition" and c.passed for c in result.criteria)


def _support_obligor(check: Check) -> None:
    obligor = check.facts.household.support_obligor
    if obligor is None:
        check.add(
            "support_obligor", None, "부양의무자 기준 확인 필요", SUPPORT_OBLIGOR_SOURCE, ["support_obligor"]
        )
    elif obligor == "fails":
        check.add("support_obligor", False, "부양의무자 기준을 충족하지 못함", SUPPORT_OBLIGOR_SOURCE)
    else:
        detail = "부양의무자 없음" if obligor == "none" else "부양의무자 기준 충족"
        check.add("support_obligor", True, detail, SUPPORT_OBLIGOR_SOURCE)


def livelihood_benefit(check: Check) -> None:
    """생계급여: 소득인정액 ≤ 중위 32% and the 부양의무자 기준; pays 선정기준액 − 소득인정액."""
    foreign_national_check(check)
    threshold, estimate = _income_test(check, basic_property_deduction=True)
    _support_obligor(check)
    if math.isinf(estimate.high):
        check.pay(None, "month", f"지급액 = 선정기준액 {won(threshold)} − 소득인정액 (최대 {won(threshold)})")
    elif round(estimate.low) == round(estimate.high):
        check.pay(
            max(0, threshold - round(estimate.high)), "month", f"선정기준액 {won(threshold)} − 소득인정액"
        )
    else:
        low, high = max(0, threshold - round(estimate.high)), max(0, threshold - round(estimate.low))
        check.pay(
            None, "month", f"월 {won(low)}–{won(high)} 사이로 추정 (선정기준액 {won(threshold)} − 소득인정액)"
        )


def medical_benefit(check: Check) -> None:
    """의료급여: 소득인정액 ≤ 중위 40% and the 부양의무자 기준 (부양비 폐지 2026)."""
    foreign_national_check(check)
    threshold, label = check.threshold("income_ratio")
    estimate = nbls_recognised_income(check, basic_property_deduction=False)
    lower = check.other("livelihood_benefit")
    if math.isinf(estimate.high) and lower is not None and _income_passed(lower):
        # Its own 기본재산액 is not in the rules data, but the same household is under 생계급여's lower line:
        # the two never contradict each other on the same facts.
        check.add(
            "income_recognition",
            True,
            f"생계급여 선정기준(중위 32%) 이하로 판단되어 {label} 이하로 봄",
            check.param("income_ratio").reference,
        )
        check.assume("의료급여의 기본재산액은 규칙 자료에 없어, 생계급여 기준으로 본 소득인정액을 따랐습니다")
    else:
        income_criterion(check, estimate, threshold, label, check.param("income_ratio").reference)
    _support_obligor(check)
    check.pay(
        None, None, "현금이 아닌 진료비 본인부담 경감 (1종 외래 1,000–2,000원, 2종 의원 1,000원·병원 15%)"
    )


def housing_benefit(check: Check) -> None:
    """주거급여: 소득인정액 ≤ 중위 48%, no 부양의무자 기준."""
    foreign_national_check(check)
    _income_test(check, basic_property_deduction=True)
    housing = check.facts.household.housing
    tenure = housing.tenure if housing else None
    kind = {"owner": "자가: 수선유지급여 (집수리)", "renter": "임차: 기준임대료 한도 안에서 실제 임차료"}.get(
        tenure or "", "임차 가구는 임차료, 자가 가구는 집수리를 지원"
    )
    check.pay(
        None,
        "month",
        f"{kind}; {check.facts.as_of.year}년 기준임대료 고시가 확인되지 않아 금액은 계산하지 않았습니다",
    )


def education_benefit(check: Check) -> None:
    """교육급여: a primary/middle/high-school student and 소득인정액 ≤ 중위 50%."""
    foreign_national_check(check)
    as_of = check.facts.as_of
    members = check.facts.household.members
    students = [m for m in members if m.school in ("elementary", "middle", "high")]
    # a spouse or a parent of unknown age is an adult, not a possible pupil; so is an applicant with a spouse or
    # a child of her own
    grown = {"spouse", "parent"} | (
        {"self"} if any(m.relation in ("spouse", "child") for m in members) else set()
    )
    undetermined = [
        m
        for m in members
        if m.school is None
        and (6 <= (m.age_on(as_of) or 0) <= 19 or (m.age_on(as_of) is None and m.relation not in grown))
    ]
    source = check.program.legal_basis
    if students:
        check.add("student", True, f"초·중·고 학생 {len(students)}명", source)
    elif undetermined:
        check.add("student", None, "초·중·고 학생이 있는지 확인 필요", source, ["school"])
    else:
        check.add("student", False, "초·중·고 학생이 없음", source)
    _income_test(check, basic_property_deduction=True)
    try:
        table = check.value("activity_support_krw")
    except LookupError:
        check.pay(None, "year", f"{as_of.year}년 교육활동지원비 금액이 자료에 없습니다")
        return
    if students:
        total = sum(int(table[m.school]) for m in students if m.school)
        check.pay(
            total, "year", "교육활동지원비 (연 1회 바우처) 합계; 고교생은 입학금·수업료·교과서 별도 지원"
        )


def near_poverty(check: Check) -> None:
    """차상위계층: not an NBLS recipient and 소득인정액 ≤ 중위 50%."""
    foreign_national_check(check)
    received = receiving_any(check, NBLS_PROGRAMS)
    source = check.program.legal_basis
    if received is None:
        check.add("not_nbls_recipient", None, "기초생활보장 수급 여부 확인 필요", source, ["receiving"])
    elif received:
        check.add("not_nbls_recipient", False, f"이미 {program_names(check, received)} 수급 중", source)
    else:
        check.add("not_nbls_recipient", True, "기초생활보장 수급자가 아님", source)
    _income_test(check, basic_property_deduction=False)
    check.pay(None, None, "확인서 발급 (각종 감면·자산형성 지원 연계)")
