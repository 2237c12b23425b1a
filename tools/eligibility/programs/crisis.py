"""긴급복지지원 (생계지원)."""

from __future__ import annotations

from tools.eligibility.check import Check, apply_ratio, won
from tools.eligibility.income import gross_income, income_criterion
from tools.eligibility.rulebook import MissingRuleError

CRISIS_LABELS = {
    "breadwinner_death": "주소득자 사망",
    "breadwinner_absent": "주소득자 가출·행방불명·구금",
    "serious_illness": "중한 질병·부상",
    "abuse": "방임·유기·학대",
    "domestic_violence": "가정폭력·성폭력",
    "fire_disaster": "화재·자연재해로 거주 곤란",
    "business_closure": "휴업·폐업",
    "job_loss": "실직",
    "divorce": "이혼으로 소득 급감",
    "utility_cutoff": "단전 등",
    "released_from_prison": "출소 후 생계 곤란",
}
#: Reasons that the 긴급복지지원법 itself names; the others are 조례·장관 고시 사유 (decided case by case).
STATUTORY = {
    "breadwinner_death",
    "breadwinner_absent",
    "serious_illness",
    "abuse",
    "domestic_violence",
    "fire_disaster",
    "business_closure",
    "job_loss",
}


def emergency_welfare(check: Check) -> None:
    """긴급복지 생계지원: 위기사유 + 소득 ≤ 중위 75% + 재산·금융재산 기준; 가구원 수별 정액."""
    facts = check.facts
    source = check.program.legal_basis
    crisis = facts.household.crisis
    if crisis is None:
        check.add("crisis", None, "위기 상황 확인 필요 (실직, 질병, 주소득자 사망 등)", source, ["crisis"])
    elif not crisis:
        check.add("crisis", False, "위기 사유 없음", source)
    elif any(c in STATUTORY for c in crisis):
        names = ", ".join(CRISIS_LABELS[c] for c in crisis if c in CRISIS_LABELS)
        check.add("crisis", True, f"위기 사유: {names}", "긴급복지지원법 제2조")
    else:
        names = ", ".join(CRISIS_LABELS.get(c, "기타") for c in crisis)
        check.add(
            "crisis", None, f"위기 사유 ({names})는 조례·고시 사유로 상담 후 판단", source, ["crisis_review"]
        )
    ratio = check.param("income_ratio")
    cell = check.median()
    threshold = apply_ratio(cell.amount, float(ratio.value))
    label = f"기준 중위소득 {float(ratio.value) * 100:g}% ({cell.year}년 {cell.size}인 {won(threshold)})"
    income_criterion(
        check, gross_income(check), threshold, label, ratio.reference, name="income", what="월 소득"
    )
    _assets(check)
    try:
        table = check.value("livelihood_amount_krw")
        size = facts.size
        if str(size) in table:
            amount = int(table[str(size)])
        else:
            amount = int(table["6"]) + (size - 6) * int(check.value("livelihood_extra_member_krw"))
        check.pay(amount, "month", "생계지원 가구원 수별 정액 (원칙 1회, 위기가 계속되면 최대 6회)")
    except MissingRuleError:
        check.pay(None, "month", f"{facts.as_of.year}년 생계지원 금액이 규칙 자료에 없습니다")


def _assets(check: Check) -> None:
    assets = check.facts.household.assets
    prop_limit = check.param("property_limit_krw")
    fin_limit = check.param("financial_limit_krw")
    if assets is None or assets.property_krw is None or assets.financial_krw is None:
        check.add("assets", None, "재산·금융재산 확인 필요", prop_limit.reference, ["assets"])
        return
    city = check.facts.city_class
    if city not in prop_limit.value:
        check.add(
            "assets",
            None,
            "사는 지역 구분(대도시·중소도시·농어촌) 확인 필요",
            prop_limit.reference,
            ["region"],
        )
        return
    limit = int(prop_limit.value[city])
    check.assume("재산은 부채를 빼지 않은 금액으로 기준과 비교했습니다")
    prop_ok = assets.property_krw <= limit
    fin_ok = assets.financial_krw <= int(fin_limit.value)
    detail = (
        f"재산 {won(assets.property_krw)} ({'≤' if prop_ok else '>'} {won(limit)}), "
        f"금융재산 {won(assets.financial_krw)} ({'≤' if fin_ok else '>'} {won(fin_limit.value)})"
    )
    check.add("assets", prop_ok and fin_ok, detail, prop_limit.reference)
