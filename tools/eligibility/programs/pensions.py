"""기초연금, 장애인연금, 장애수당."""

from __future__ import annotations

import math

from tools.eligibility.check import Check, particle, won
from tools.eligibility.income import (
    IncomeEstimate,
    assets_converted,
    basic_pension_recognised_income,
    couple_income_parts,
    income_criterion,
    nbls_recognised_income,
)
from tools.eligibility.programs.common import (
    NBLS_PROGRAMS,
    age_at_least,
    foreign_national_check,
    program_names,
    receiving_any,
)

DISABILITY_PENSION_OVERLAP = "장애인연금법 제6조제5항 (기초연금과 중복 불가)"


def _no_overlap(check: Check, other: str, source: str) -> None:
    received = receiving_any(check, (other,))
    name = program_names(check, (other,))
    if received is None:
        check.add(
            "no_overlap", None, f"{name} 수급 여부 확인 필요 (함께 받을 수 없음)", source, ["receiving"]
        )
    elif received:
        check.add("no_overlap", False, f"{particle(name, '을', '를')} 받고 있어 함께 받을 수 없음", source)
    else:
        check.add("no_overlap", True, f"{particle(name, '을', '를')} 받고 있지 않음", source)


DISABILITY_LABELS = {"none": "등록장애 없음", "mild": "경증 장애", "severe": "중증 장애"}


def _disability(check: Check, required: str) -> None:
    """The applicant has a registered disability of the `required` degree (mild 경증 / severe 중증)."""
    disability = check.facts.applicant.disability
    name = f"{required}_disability"
    wanted = DISABILITY_LABELS[required]
    if disability is None:
        check.add(name, None, f"장애 정도 확인 필요 ({wanted})", check.program.legal_basis, ["disability"])
    else:
        check.add(name, disability == required, DISABILITY_LABELS[disability], check.program.legal_basis)


def basic_pension(check: Check) -> None:
    """기초연금: 만 65세 이상, 소득인정액 ≤ 선정기준액 (단독/부부); 부부 동시 수급 각 20% 감액."""
    facts = check.facts
    foreign_national_check(check)
    age_at_least(check, facts.applicant, "min_age")
    couple = facts.spouse is not None
    key = "threshold_couple_krw" if couple else "threshold_single_krw"
    threshold = check.param(key)
    label = f"{'부부' if couple else '단독'}가구 선정기준액 {won(threshold.value)} ({threshold.effective_from.year}년)"
    estimate = basic_pension_recognised_income(check)
    income_criterion(check, estimate, int(threshold.value), label, threshold.reference)
    age = facts.applicant.age_on(facts.as_of)
    if (
        age is not None
        and age >= int(check.value("min_age"))
        and receiving_any(check, ("disability_pension",))
    ):
        # From 65 the 장애인연금 (its 기초급여) gives way to 기초연금: the overlap is a switch, not a refusal.
        check.add(
            "no_overlap",
            True,
            "장애인연금 수급 중: 65세부터는 기초연금으로 바꿔 받음",
            DISABILITY_PENSION_OVERLAP,
        )
        check.assume("장애인연금을 받던 분은 65세가 되는 달부터 기초연금을 별도로 신청합니다")
    else:
        _no_overlap(check, "disability_pension", DISABILITY_PENSION_OVERLAP)
    standard = int(check.value("standard_amount_krw"))
    spouse_age = facts.spouse.age_on(facts.as_of) if facts.spouse else None
    min_age = int(check.value("min_age"))
    if couple and spouse_age is not None and spouse_age >= min_age:
        reduction = float(check.value("couple_reduction_rate"))
        each = round(standard * (1 - reduction))
        check.pay(
            each * 2,
            "month",
            f"부부 모두 대상이면 각각 {won(each)} (20% 감액), 합계; 배우자도 신청해야 합니다",
        )
    else:
        check.pay(standard, "month", "기준연금액 (국민연금 연계·소득역전 방지 감액은 반영하지 않은 최대액)")
    if couple and spouse_age is None:
        check.assume("배우자 나이를 몰라 한 사람 금액으로 계산했습니다")


def disability_pension(check: Check) -> None:
    """장애인연금: 만 18세 이상 중증장애인, 본인·배우자 소득인정액 ≤ 선정기준액; 기초연금과 중복 불가."""
    facts = check.facts
    foreign_national_check(check)
    age_at_least(check, facts.applicant, "min_age")
    _disability(check, "severe")
    couple = facts.spouse is not None
    threshold = check.param("threshold_couple_krw" if couple else "threshold_single_krw")
    label = f"{'부부' if couple else '단독'} 선정기준액 {won(threshold.value)} ({threshold.effective_from.year}년)"
    estimate = _bounded_estimate(check)
    income_criterion(check, estimate, int(threshold.value), label, threshold.reference)
    _no_overlap(check, "basic_pension", DISABILITY_PENSION_OVERLAP)
    base = int(check.value("base_amount_krw"))
    try:
        extra = check.value("additional_amount_range_krw")
        note = f"기초급여 {won(base)} + 부가급여 월 {won(extra['min'])}–{won(extra['max'])} (소득 수준별)"
    except LookupError:
        note = f"기초급여 {won(base)} (부가급여 별도)"
    check.pay(base, "month", note)


def _bounded_estimate(check: Check) -> IncomeEstimate:
    """장애인연금's own earned-income deduction is not in the rules data: only an upper bound is known.

    Deductions can only lower income, so gross income plus the assets' conversion (복지로's formula:
    [(일반재산 − 기본재산액) + (금융재산 − 2,000만원) − 부채] × 연 4% ÷ 12) bounds the truth from above; the
    conversion alone bounds it from below.
    """
    household = check.facts.household
    if household.income_recognition_krw is not None:
        amount = float(household.income_recognition_krw)
        return IncomeEstimate(amount, amount, given=True)
    estimate = IncomeEstimate(0.0, 0.0)
    income = household.income
    if income is None or income.earned_krw is None or income.other_krw is None:
        return IncomeEstimate(0.0, math.inf, missing=["income"])
    earned, other = couple_income_parts(household, estimate)
    estimate.high = float(earned + other)
    estimate.notes.append("장애인연금의 소득 공제 기준은 규칙 자료에 없어 공제 전 소득을 상한으로 보았습니다")
    assets = household.assets
    if assets is None or None in (assets.property_krw, assets.financial_krw):
        estimate.high = math.inf
        estimate.missing.append("assets")
    elif (assets.property_krw or 0) + (assets.financial_krw or 0) > 0:
        monthly = assets_converted(
            check, assets.property_krw or 0, assets.financial_krw or 0, assets.debt_krw
        )
        if monthly is None:
            estimate.high = math.inf
            estimate.missing.append("income_recognition")
            estimate.notes.append(
                "재산 환산 기준을 적용할 수 없어 재산이 있으면 소득인정액을 확정하지 않습니다"
            )
        else:
            # an untold debt could only lower the conversion: the lower end then counts none of it
            estimate.low += monthly if assets.debt_krw is not None else 0.0
            estimate.high += monthly
            estimate.notes.append("재산은 복지로 모의계산의 환산 방식(연 4%)으로 계산했습니다")
    return estimate


def disability_allowance(check: Check) -> None:
    """장애수당: 만 18세 이상 경증 장애인, 기초생활수급자 또는 차상위계층."""
    facts = check.facts
    foreign_national_check(check)
    age_at_least(check, facts.applicant, "min_age")
    _disability(check, "mild")
    source = check.program.legal_basis
    received = receiving_any(check, (*NBLS_PROGRAMS, "near_poverty"))
    if received is None:
        check.add("low_income_status", None, "기초생활수급자·차상위 여부 확인 필요", source, ["receiving"])
    elif received:
        check.add("low_income_status", True, f"{program_names(check, received)} 수급 중", source)
    else:
        threshold, label = check.threshold("income_ratio", scope="near_poverty")
        estimate = nbls_recognised_income(check, basic_property_deduction=False)
        decided = income_criterion(
            check,
            estimate,
            threshold,
            label,
            source,
            name="low_income_status",
            what="차상위 여부 (소득인정액)",
        )
        if decided:
            check.assume("수급자·차상위가 아니어서, 차상위계층 확인을 먼저 받아야 합니다")
    check.pay(int(check.value("amount_krw")), "month", "경증 장애수당 (월)")
