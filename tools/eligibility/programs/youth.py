"""Youth and work: 청년월세, 경기도 청년기본소득, 국민취업지원제도 I유형."""

from __future__ import annotations

from datetime import date

from tools.eligibility.check import WINDOW, Check, apply_ratio, won
from tools.eligibility.income import gross_income, income_criterion
from tools.eligibility.programs.common import age_between, receiving_any
from tools.eligibility.rulebook import MissingRuleError


def youth_monthly_rent(check: Check) -> None:
    """청년월세: 만 19–34세, 부모와 따로 사는 무주택 임차 청년, 신청기간 안; 소득 기준은 2026년 미확인."""
    facts = check.facts
    source = check.program.legal_basis
    age_between(check, facts.applicant, "min_age", "max_age")
    housing = facts.household.housing
    tenure = housing.tenure if housing else None
    if tenure is None:
        check.add("renting", None, "월세로 사는지 확인 필요", source, ["housing"])
    else:
        labels = {
            "renter": "임차(월세) 거주",
            "owner": "자가 (무주택이 아님)",
            "free": "무상 거주",
            "homeless": "거처 없음",
        }
        check.add("renting", tenure == "renter", labels[tenure], source)
    with_parents = any(m.relation == "parent" for m in facts.household.members)
    check.add(
        "independent",
        not with_parents,
        "부모와 함께 삶" if with_parents else "부모와 따로 삶 (가구원에 부모 없음)",
        source,
    )
    window = check.param("application_window")
    start, end = date.fromisoformat(window.value["start"]), date.fromisoformat(window.value["end"])
    span = f"{start.year}년 신규 신청기간 {start:%m.%d}–{end:%m.%d}"
    if facts.as_of <= end:
        check.add(WINDOW, True, span, window.reference)
    else:
        check.add(WINDOW, False, f"{span}이 지났습니다 (다음 공고 확인)", window.reference)
    threshold, label = check.threshold("youth_household_income_ratio")
    income_criterion(
        check,
        gross_income(check),
        threshold,
        f"청년가구 {label} (미확인)",
        source,
        name="youth_household_income",
        what="청년가구 소득",
    )
    parents = check.param("parents_household_income_ratio")
    check.add(
        "parents_household_income",
        None,
        f"원가구(부모) 소득 기준 중위 {float(parents.value) * 100:g}% 이하 (2023년 기준, 2026 미확인) — 복지로에서 확인",
        parents.reference,
        ["parents_household_income"],
    )
    maximum = int(check.value("max_amount_krw"))
    rent = housing.rent_krw if housing else None
    amount = min(rent, maximum) if rent is not None else maximum
    check.pay(
        amount,
        "month",
        f"월 최대 {won(maximum)} × 최장 {check.value('max_months')}개월 (생애 1회); 주거급여 임차료 몫은 차감",
    )


def gyeonggi_youth_basic_income(check: Check) -> None:
    """경기도 청년기본소득: 만 24세, 경기도 3년 연속 또는 합산 10년 거주, 성남·고양 제외, 외국인 제외."""
    facts = check.facts
    age = check.param("age")
    applicant_age = facts.applicant.age_on(facts.as_of)
    if applicant_age is None:
        check.add("age", None, f"나이 확인 필요 (만 {age.value}세)", age.reference, ["age"])
    else:
        ok = applicant_age == int(age.value)
        check.add("age", ok, f"만 {applicant_age}세 (대상: 만 {age.value}세)", age.reference)
    excluded = list(check.value("excluded_sigungu"))
    source = check.program.legal_basis
    if facts.sido != "경기도":
        check.add("residence", False, f"{facts.sido} 거주 (경기도 아님)", source)
    elif facts.sigungu is None:
        check.add(
            "residence", None, "경기도 어느 시·군에 사는지 확인 필요 (성남·고양 제외)", source, ["region"]
        )
    elif facts.sigungu in excluded:
        check.add(
            "residence", False, f"{facts.sigungu}는 지급하지 않음", check.param("excluded_sigungu").reference
        )
    else:
        check.add(
            "residence",
            True,
            f"경기도 {facts.sigungu} 거주" + (" (가정)" if facts.region_assumed else ""),
            source,
        )
    need_cont, need_total = int(check.value("continuous_years")), int(check.value("total_years"))
    cont, total = facts.household.gyeonggi_residence_years, facts.household.gyeonggi_total_residence_years
    rule = f"경기도 {need_cont}년 연속 또는 합산 {need_total}년 거주"
    ref = check.param("continuous_years").reference
    if (cont is not None and cont >= need_cont) or (total is not None and total >= need_total):
        check.add("residence_years", True, rule + " 충족", ref)
    elif cont is not None and total is not None:
        check.add("residence_years", False, f"연속 {cont:g}년·합산 {total:g}년 ({rule} 미충족)", ref)
    else:
        check.add("residence_years", None, f"거주 기간 확인 필요 ({rule})", ref, ["gyeonggi_residence_years"])
    nationality = facts.applicant.nationality
    if nationality is not None and nationality.upper() not in ("KR", "KOR"):
        check.add("nationality", False, "외국인은 대상이 아님", source)
    check.pay(int(check.value("quarter_amount_krw")), "quarter", "분기 25만원, 연 최대 100만원 (지역화폐)")


def national_employment_support(check: Check) -> None:
    """국민취업지원제도 I유형: 15–64세 구직자, 가구 중위 60% (청년특례 34세 이하 120%), 재산 4억 (청년 5억)."""
    facts = check.facts
    source = check.program.legal_basis
    applicant_age = facts.applicant.age_on(facts.as_of)
    special = check.param("special_group_max_age")
    if applicant_age is not None and int(check.value("max_age")) < applicant_age <= int(special.value):
        check.add(
            "age",
            None,
            f"만 {applicant_age}세: 별표1 계층(특정 취업취약계층)이면 만 {special.value}세까지 참여 가능 — 고용센터 확인",
            special.reference,
            ["special_group"],
        )
    else:
        age_between(check, facts.applicant, "min_age", "max_age")
    employed = facts.applicant.employed
    if employed is None:
        check.add("job_seeker", None, "현재 일하고 있는지 확인 필요", source, ["employed"])
    else:
        check.add("job_seeker", not employed, "취업 중" if employed else "구직 중", source)
    youth = applicant_age is not None and applicant_age <= int(check.value("youth_max_age"))
    youth_rules_known = True
    if youth:
        try:
            check.param("youth_income_ratio")
            check.param("youth_asset_limit_krw")
        except MissingRuleError:
            youth, youth_rules_known = False, False
    ratio = check.param("youth_income_ratio" if youth else "income_ratio")
    cell = check.median()
    threshold = apply_ratio(cell.amount, float(ratio.value))
    track = "청년특례 " if youth else ""
    label = (
        f"{track}기준 중위소득 {float(ratio.value) * 100:g}% ({cell.year}년 {cell.size}인 {won(threshold)})"
    )
    income_criterion(
        check,
        gross_income(check),
        threshold,
        label,
        ratio.reference,
        name="household_income",
        what="가구 소득",
    )
    limit = check.param("youth_asset_limit_krw" if youth else "asset_limit_krw")
    assets = facts.household.assets
    if assets is None or assets.property_krw is None or assets.financial_krw is None:
        check.add("assets", None, f"재산 확인 필요 ({won(limit.value)} 이하)", limit.reference, ["assets"])
    else:
        held = assets.property_krw + assets.financial_krw
        check.add(
            "assets",
            held <= int(limit.value),
            f"재산 {won(held)} ({won(limit.value)} 이하 기준)",
            limit.reference,
        )
    if not youth_rules_known:
        _youth_track_unknown(check)
    elif applicant_age is None:
        _youth_track_open(check, gross_income(check).low, cell.amount)
    if not youth:
        check.add(
            "work_history",
            None,
            "최근 2년 안에 100일 또는 800시간 이상 일한 경험 확인 필요 (없으면 선발형으로 심사)",
            source,
            ["work_history"],
        )
    received = receiving_any(check, ("livelihood_benefit",))
    if received:
        check.add(
            "not_livelihood_recipient",
            None,
            "생계급여 수급자는 수급자격이 인정되지 않을 수 있음 — 고용센터 판단",
            source,
            ["employment_center_review"],
        )
    _allowance(check)


def _youth_track_unknown(check: Check) -> None:
    """The year's 청년특례 rules are not in the data: a failed income or asset test cannot rule it out."""
    for index, criterion in enumerate(check.criteria):
        if criterion.name in ("household_income", "assets") and criterion.passed is False:
            check.criteria[index] = criterion.model_copy(
                update={
                    "passed": None,
                    "detail": criterion.detail
                    + f" — {check.facts.as_of.year}년 청년특례 기준이 자료에 없어 판단 보류",
                }
            )
            if "rules_for_date" not in check.missing:
                check.missing.append("rules_for_date")


def _youth_track_open(check: Check, income_low: float, median: int) -> None:
    """With the applicant's age unknown, a failed income or asset test stays open where the 청년특례 (for an
    applicant of 34 or younger) would pass it: her age decides, so it is asked, not assumed."""
    try:
        ratio = check.param("youth_income_ratio")
        limit = check.param("youth_asset_limit_krw")
    except MissingRuleError:
        return
    youth_max = int(check.value("youth_max_age"))
    youth_income = apply_ratio(median, float(ratio.value))
    assets = check.facts.household.assets
    held = (assets.property_krw or 0) + (assets.financial_krw or 0) if assets else 0
    passes_as_youth = {
        "household_income": (
            income_low <= youth_income,
            f"중위소득 {float(ratio.value) * 100:g}% ({won(youth_income)}) 이하",
        ),
        "assets": (held <= int(limit.value), f"재산 {won(limit.value)} 이하"),
    }
    for index, criterion in enumerate(check.criteria):
        youth_pass = passes_as_youth.get(criterion.name)
        if criterion.passed is not False or youth_pass is None or not youth_pass[0]:
            continue
        check.criteria[index] = criterion.model_copy(
            update={
                "passed": None,
                "detail": f"{criterion.detail} — 만 {youth_max}세 이하면 청년특례 기준({youth_pass[1]})으로 "
                "참여 가능: 나이 확인 필요",
            }
        )
        if "age" not in check.missing:
            check.missing.append("age")


def _allowance(check: Check) -> None:
    facts = check.facts
    base = int(check.value("allowance_krw"))
    months = check.value("max_months")
    try:
        add = int(check.value("dependant_addition_krw"))
        cap = int(check.value("max_monthly_krw"))
    except MissingRuleError:
        check.pay(
            base, "month", f"구직촉진수당 월 {won(base)} × 최대 {months}개월 (부양가족 가산은 자료 없음)"
        )
        return
    dependants = [
        m
        for m in facts.dependants
        if m.disability == "severe" or ((a := m.age_on(facts.as_of)) is not None and (a <= 18 or a >= 70))
    ]
    amount = min(cap, base + add * len(dependants))
    check.pay(
        amount, "month", f"기본 {won(base)} + 부양가족 {len(dependants)}명 × {won(add)} (최대 {months}개월)"
    )
