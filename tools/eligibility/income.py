"""소득인정액 estimates by each program's own rules, as a range when facts or rules are incomplete.

The engine never guesses: when a deduction, a conversion rate or a fact is not known, the estimate widens
to the range the truth must lie in (`low`..`high`), and a criterion is decided only when the whole range
falls on one side of the threshold. Every simplification is reported to the user.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from tools.eligibility.check import Check, won
from tools.eligibility.household import Household
from tools.eligibility.rulebook import MissingRuleError

#: 근로기준법 제64조: 15세 미만은 근로자로 사용하지 못함 — younger members are not counted as possible earners.
WORKING_AGE = 15


@dataclass
class IncomeEstimate:
    """A monthly amount known to lie in [low, high] (high may be infinite)."""

    low: float
    high: float
    given: bool = False
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """'820,556원', '추정 300,000원', '추정 210,000–300,000원' or '추정 300,000원 이상'."""
        if self.given:
            return won(self.low)
        if math.isinf(self.high):
            return f"추정 {won(self.low)} 이상" if self.low > 0 else "추정 불가"
        if round(self.low) == round(self.high):
            return f"추정 {won(self.low)}"
        return f"추정 {won(self.low)}–{won(self.high)}"


def _given(household: Household) -> IncomeEstimate | None:
    if household.income_recognition_krw is None:
        return None
    amount = float(household.income_recognition_krw)
    return IncomeEstimate(amount, amount, given=True)


def _income_parts(household: Household, estimate: IncomeEstimate) -> tuple[int, int]:
    """Earned and other income, with unknown parts as 0 and `estimate` marked unbounded."""
    income = household.income
    if income is None or income.earned_krw is None or income.other_krw is None:
        estimate.missing.append("income")
        estimate.high = math.inf
    earned = income.earned_krw if income and income.earned_krw is not None else 0
    other = income.other_krw if income and income.other_krw is not None else 0
    return earned, other


def couple_income_parts(household: Household, estimate: IncomeEstimate) -> tuple[int, int]:
    """Earned and other income of the applicant and spouse (기초연금 and 장애인연금 count only theirs): the
    household's, less what other members are told to receive themselves (a grown son's wage, a mother's pension)."""
    earned, other = _income_parts(household, estimate)
    others = [m for m in household.members if m.relation not in ("self", "spouse")]
    theirs_earned = sum(m.earned_krw or 0 for m in others)
    theirs_other = sum(m.other_krw or 0 for m in others)
    if theirs_earned or theirs_other:
        estimate.notes.append(
            f"다른 가구원 본인의 소득 {won(theirs_earned + theirs_other)}은 본인·배우자 소득에서 뺐습니다"
        )
    return max(0, earned - theirs_earned), max(0, other - theirs_other)


def _net_assets(household: Household, estimate: IncomeEstimate) -> tuple[int, int, int] | None:
    assets = household.assets
    if assets is None or None in (assets.property_krw, assets.financial_krw, assets.debt_krw):
        estimate.missing.append("assets")
        estimate.high = math.inf
        return None
    assert assets.property_krw is not None
    assert assets.financial_krw is not None
    assert assets.debt_krw is not None
    return assets.property_krw, assets.financial_krw, assets.debt_krw


def nbls_recognised_income(check: Check, *, basic_property_deduction: bool) -> IncomeEstimate:
    """소득인정액 by the NBLS rules: 소득평가액 + 재산의 소득환산액.

    Earned income gets the basic 30% deduction, and the youth deduction as a range when a member could
    claim it. Assets: the 기본재산액 (where the program uses it) and debt are subtracted; the conversion
    rates are not in the rules data, so net assets above the deduction leave the estimate open above.
    """
    given = _given(check.facts.household)
    if given:
        return given
    household = check.facts.household
    estimate = IncomeEstimate(0.0, 0.0)
    earned, other = _income_parts(household, estimate)
    low_earned, high_earned = float(earned), float(earned)
    if earned:
        try:
            rate = float(check.value("earned_income_deduction_rate", "nbls"))
            low_earned = high_earned = earned * (1 - rate)
            youth_age = int(check.value("youth_deduction_max_age", "nbls"))
            youths = sum(
                1
                for m in household.members
                # an age, or the ages her school allows (a high schooler is 15–18), within the youth ages
                if (
                    (months := m.months_on(check.facts.as_of)) is not None
                    and months[1] >= WORKING_AGE * 12
                    and months[0] <= youth_age * 12 + 11
                )
                or m.school == "university"
            )
            if youths:
                # Each youth earner deducts 60만원 first; who earns what is unknown, so: at least one
                # deduction when everyone qualifies, at most one per qualifying member.
                youth_deduction = int(check.value("youth_earned_income_deduction_krw", "nbls"))
                low_earned = max(0, earned - youth_deduction * youths) * (1 - rate)
                if youths == len(household.members):
                    high_earned = max(0, earned - youth_deduction) * (1 - rate)
                if low_earned != high_earned:
                    estimate.notes.append(
                        "청년·대학생 근로소득 공제는 누구의 소득인지 몰라 범위로 계산했습니다"
                    )
        except MissingRuleError:
            low_earned = 0.0
            estimate.notes.append(
                f"{check.facts.as_of.year}년 근로소득 공제 기준이 자료에 없어 범위로 계산했습니다"
            )
    estimate.low += low_earned + other
    estimate.high += high_earned + other
    estimate.notes.append("가구특성별 지출 공제와 사적이전소득·부양비는 반영하지 않았습니다")
    assets = _net_assets(household, estimate)
    if assets is not None:
        prop, financial, debt = assets
        net = prop + financial - debt
        deduction = 0
        if basic_property_deduction:
            try:
                deduction = int(check.value("basic_property_deduction_krw", "nbls")[check.facts.nbls_region])
            except MissingRuleError:
                deduction = 0
        if net - deduction > 0:
            estimate.high = math.inf
            estimate.missing.append("income_recognition")
            estimate.notes.append(
                "기본재산액을 넘는 재산의 소득환산율이 규칙 자료에 없어 재산 부분은 계산하지 않았습니다"
            )
    return estimate


def basic_pension_recognised_income(check: Check) -> IncomeEstimate:
    """소득인정액 by the 기초연금 rules (고시 제2026-156호): 근로소득 116만원 + 30% 공제, 이자 4만원 공제,
    재산 = [(일반재산 − 기본재산액) + (금융재산 − 2,000만원) − 부채] × 연 4% ÷ 12."""
    given = _given(check.facts.household)
    if given:
        return given
    facts = check.facts
    household = facts.household
    estimate = IncomeEstimate(0.0, 0.0)
    earned, other = couple_income_parts(household, estimate)
    if earned:
        try:
            base = int(check.value("earned_income_deduction_krw"))
            extra = float(check.value("earned_income_extra_deduction_rate"))
            counted = max(0, earned - base) * (1 - extra)
            estimate.low += counted
            estimate.high += counted
        except MissingRuleError:
            estimate.high += earned
            estimate.notes.append(
                f"{facts.as_of.year}년 근로소득 공제 기준이 자료에 없어 범위로 계산했습니다"
            )
    estimate.high += other
    try:
        interest = int(check.value("interest_deduction_krw"))
        estimate.low += max(0, other - interest)
        estimate.notes.append("기타소득은 모두 소득으로 보았고, 이자소득이라면 월 4만원까지 공제됩니다")
    except MissingRuleError:
        estimate.notes.append("기타소득은 모두 소득으로 보았습니다 (공제 기준이 자료에 없음)")
    if any(m.earned_krw is None and m.other_krw is None for m in facts.dependants):
        estimate.notes.append("가구의 소득·재산을 모두 본인과 배우자의 것으로 보았습니다")
    assets = _net_assets(household, estimate)
    if assets is not None:
        prop, financial, debt = assets
        if prop == 0 and financial == 0:
            return estimate
        monthly = assets_converted(check, prop, financial, debt)
        if monthly is None:
            estimate.high = math.inf
            if facts.city_class is None:
                estimate.missing.append("region")
            estimate.notes.append("재산 공제·환산 기준을 적용할 수 없어 재산 부분은 범위로 남겼습니다")
            return estimate
        estimate.low += monthly
        estimate.high += monthly
        estimate.notes.append("주거용 재산 한도·고급 자동차·회원권 규칙은 반영하지 않았습니다")
    return estimate


def assets_converted(check: Check, prop: int, financial: int, debt: int | None) -> float | None:
    """The assets' monthly 소득환산액 by the program's rules (기초연금, 장애인연금): [(일반재산 − 기본재산액 of her
    city class) + (금융재산 − 금융재산 공제) − 부채] × the yearly rate ÷ 12, an untold debt as none; None when the
    city class or a rule is not known."""
    city = check.facts.city_class
    try:
        if city is None:
            return None
        deduction = int(check.value("property_deduction_krw")[city])
        financial_deduction = int(check.value("financial_deduction_krw"))
        rate = float(check.value("property_conversion_rate_yearly"))
    except (MissingRuleError, LookupError):
        return None
    counted = max(0, max(0, prop - deduction) + max(0, financial - financial_deduction) - (debt or 0))
    return counted * rate / 12


def gross_income(check: Check) -> IncomeEstimate:
    """Monthly household income before deductions (근로 + 기타), for programs that test 소득 not 소득인정액."""
    estimate = IncomeEstimate(0.0, 0.0)
    earned, other = _income_parts(check.facts.household, estimate)
    estimate.low = estimate.low + earned + other
    if not math.isinf(estimate.high):
        estimate.high = float(earned + other)
    return estimate


def income_criterion(
    check: Check,
    estimate: IncomeEstimate,
    threshold: int,
    label: str,
    source: str,
    *,
    name: str = "income_recognition",
    what: str = "소득인정액",
) -> bool | None:
    """Decide `estimate ≤ threshold` (이하, inclusive) only when the whole range is on one side."""
    if not estimate.given:
        for note in estimate.notes:
            check.assume(note)
    shown = estimate.describe()
    if estimate.high <= threshold:
        return check.add(name, True, f"{what} {shown} ≤ {label}", source)
    if estimate.low > threshold:
        return check.add(name, False, f"{what} {shown} > {label}", source)
    missing = estimate.missing or [name]
    return check.add(name, None, f"{what} 확인 필요 ({shown}); 기준: {label} 이하", source, missing)
