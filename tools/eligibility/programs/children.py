"""Children and families: 아동수당, 부모급여, 첫만남이용권, 한부모 아동양육비, 시흥시 출생 지원."""

from __future__ import annotations

from datetime import date

from tools.eligibility.check import Check
from tools.eligibility.household import Member
from tools.eligibility.income import income_criterion, nbls_recognised_income
from tools.eligibility.rulebook import MissingRuleError, ParamValue


def _count(members: list[Member]) -> str:
    return f"{len(members)}명"


def younger_than_months(check: Check, limit: int) -> tuple[list[Member], list[Member]]:
    """The household's children surely under `limit` months old, and those who may or may not be."""
    surely: list[Member] = []
    maybe: list[Member] = []
    for child in check.facts.children:
        months = child.months_on(check.facts.as_of)
        if months is None or months[0] < limit <= months[1]:
            maybe.append(child)
        elif months[1] < limit:
            surely.append(child)
    return surely, maybe


def birth_order(check: Check, child: Member) -> int | None:
    """`birth_order` if given, else 1 + the number of older `child` members; None when ages are unknown.

    Children of identical age (twins) take consecutive orders in the order they are listed: together they
    are, say, first and second whichever is which. Overlapping but different age ranges stay undecided.
    """
    if child.birth_order is not None:
        return child.birth_order
    on = check.facts.as_of
    mine = child.months_on(on)
    if mine is None:
        return None
    older = 0
    listed_before = True  # identical twins: those listed before this child count as older
    for other in check.facts.household.members:
        if other is child:
            listed_before = False
            continue
        if other.relation != "child":
            continue
        theirs = other.months_on(on)
        if theirs is None:
            return None
        if theirs[0] > mine[1] or (theirs == mine and listed_before):
            older += 1
        elif theirs[1] >= mine[0] and theirs != mine:
            return None
    return older + 1


def child_allowance(check: Check) -> None:
    """아동수당: every child under the year's age limit (2026: 만 9세 미만); 수도권 월 10만원."""
    limit = check.param("max_age_exclusive")
    on = check.facts.as_of
    children = check.facts.children
    ranges = {id(c): c.months_on(on) for c in children}
    # by the age range: a pupil's school tells an age range ("중학생" is past 9)
    by_age = [c for c in children if (r := ranges[id(c)]) is not None and r[1] < int(limit.value) * 12]
    older = [c for c in children if (r := ranges[id(c)]) is not None and r[0] >= int(limit.value) * 12]
    # The 2017년생 특례 is looked up only for a child over the limit (it is an unconfirmed figure).
    special = _special_birth_year(check) if older else None
    by_year = [c for c in older if _born_in(c, on, special) is True]
    eligible = by_age + by_year
    undecided = [c for c in older if _born_in(c, on, special) is None]
    rule = f"만 {limit.value}세 미만 ({on.year}년)" + (f" 또는 {special.value}년생 특례" if special else "")
    source = limit.reference + (f"; {special.reference}" if special else "")
    if by_year and not by_age:
        check.add(
            "child_age", True, f"{special.value if special else ''}년생 특례 아동 {_count(by_year)}", source
        )
    elif eligible:
        check.add("child_age", True, f"{rule} 아동 {_count(eligible)}", source)
    elif any(c not in by_age and c not in older for c in children):
        check.add("child_age", None, f"아이 나이 확인 필요 ({rule})", source, ["child_age"])
    elif undecided:
        check.add("child_age", None, f"아이 출생연도 확인 필요 ({rule})", source, ["birth_date"])
    else:
        check.add("child_age", False, f"{rule} 아동이 없음", source)
    try:
        table = check.value("amount_krw")
    except MissingRuleError:
        check.pay(None, "month", f"{on.year}년 지급액이 규칙 자료에 없습니다")
        return
    area = "capital" if check.facts.is_capital_area else "non_capital"
    per_child = int(table[area])
    note = "수도권 월 지급액 × 아동 수" if area == "capital" else "비수도권 금액 (인구감소지역은 11–12만원)"
    check.pay(per_child * len(eligible) if eligible else per_child, "month", note)


def _special_birth_year(check: Check) -> ParamValue | None:
    """The birth year that keeps 아동수당 whatever the age limit (2017년생 특례), where it is in force."""
    try:
        return check.param("special_birth_year")
    except MissingRuleError:
        return None


def _born_in(child: Member, on: date, special: ParamValue | None) -> bool | None:
    """Whether the child was born in the special year: None when the birth dates still possible straddle it."""
    span = child.birth_range(on)
    if special is None or span is None:
        return False
    years = {span[0].year, span[1].year}
    if years == {int(special.value)}:
        return True
    return None if int(special.value) in range(span[0].year, span[1].year + 1) else False


def parent_benefit(check: Check) -> None:
    """부모급여: 0–23개월 아동; 0세 월 100만원, 1세 월 50만원 (어린이집 이용 시 차액)."""
    limit = check.param("max_months_exclusive")
    on = check.facts.as_of
    amounts = check.value("amount_by_age_krw")
    eligible, undecided = younger_than_months(check, int(limit.value))
    if eligible:
        check.add("child_age", True, f"0–23개월 아동 {_count(eligible)}", limit.reference)
    elif undecided:
        check.add("child_age", None, "아이 개월 수 확인 필요 (0–23개월)", limit.reference, ["months_old"])
    else:
        check.add("child_age", False, "0–23개월 아동이 없음", limit.reference)
    total, notes = 0, []
    for child in eligible:
        months = child.months_on(on)
        assert months is not None
        group = str(months[0] // 12)
        if child.daycare:
            notes.append("어린이집 이용 아동은 보육료 바우처를 뺀 차액만 현금으로 받습니다")
            continue
        total += int(amounts[group])
    if eligible and total:
        notes.append("0세 월 100만원, 1세 월 50만원")
        check.pay(total, "month", "; ".join(notes))
    else:
        check.pay(None, "month", "; ".join(notes) or "0세 월 100만원, 1세 월 50만원")


def first_meeting_voucher(check: Check) -> None:
    """첫만남이용권: 출생 후 2년 안에 신청; 첫째 200만원, 둘째 이상 300만원 (국민행복카드 포인트)."""
    window = check.param("apply_within_months")
    on = check.facts.as_of
    eligible, undecided = younger_than_months(check, int(window.value))
    if eligible:
        check.add("newborn", True, f"출생 후 2년이 지나지 않은 아동 {_count(eligible)}", window.reference)
    elif undecided:
        check.add(
            "newborn", None, "아이가 태어난 지 2년이 지났는지 확인 필요", window.reference, ["months_old"]
        )
    else:
        check.add("newborn", False, "출생 후 2년 안의 아동이 없음", window.reference)
    first, later = int(check.value("amount_first_krw")), int(check.value("amount_second_plus_krw"))
    total = 0
    for child in eligible:
        order = birth_order(check, child)
        births = child.birth_range(on)
        if order is None or births is None or births[0] < date(2024, 1, 1):
            check.pay(
                None, "once", "첫째 200만원, 둘째 이상 300만원 (2024.1.1 이후 출생; 출생 순위 확인 필요)"
            )
            return
        total += first if order == 1 else later
    if total:
        check.pay(total, "once", "국민행복카드 포인트 (첫째 200만원, 둘째 이상 300만원)")
    else:
        check.pay(None, "once", "첫째 200만원, 둘째 이상 300만원")


SCHOOL_CHILD = frozenset({"elementary", "middle", "high"})
"""Schools whose pupils are below the student age limit of 한부모 아동양육비 (22): 초·중·고."""


def single_parent_child_support(check: Check) -> None:
    """한부모가족 아동양육비: 한부모, 18세 미만 (재학 중 22세 미만) 자녀, 소득인정액 ≤ 중위 65% (2026)."""
    facts = check.facts
    source = check.program.legal_basis
    single = facts.household.single_parent
    spouse = facts.spouse
    if single is None and spouse is not None and spouse.disability != "severe":
        # 한부모가족지원법's 모·부: no spouse, or a spouse who cannot work for long through disability (its article
        # numbers are not re-verified: welfare-facts §7, item 4). A spouse living with her, not so disabled, rules it out.
        check.add(
            "single_parent",
            False,
            "배우자와 함께 사는 가구: 한부모가족이 아님 (배우자가 장애로 오래 일할 수 없으면 행정복지센터 확인)",
            source,
        )
    elif single is None:
        check.add("single_parent", None, "한부모가족 여부 확인 필요", source, ["single_parent"])
    else:
        check.add("single_parent", single, "한부모가족" if single else "한부모가족이 아님", source)
    under = int(check.value("child_max_age_exclusive"))
    student_under = int(check.value("student_child_max_age_exclusive"))
    eligible: list[Member] = []
    undecided: list[Member] = []
    for child in facts.children:
        age = child.age_on(facts.as_of)
        if age is None and child.school in SCHOOL_CHILD:
            eligible.append(child)  # a pupil is under the student age limit whatever their age
        elif age is None:
            undecided.append(child)
        elif age < under:
            eligible.append(child)
        elif age < student_under:
            if child.school is None:
                undecided.append(child)
            elif child.school != "none":
                eligible.append(child)
    rule = f"만 {under}세 미만 (학생은 {student_under}세 미만) 자녀"
    if eligible:
        check.add("child", True, f"{rule} {_count(eligible)}", source)
    elif undecided:
        check.add("child", None, f"자녀 나이·재학 여부 확인 필요 ({rule})", source, ["child_age", "school"])
    else:
        check.add("child", False, f"{rule}가 없음", source)
    threshold, label = check.threshold("income_ratio")
    estimate = nbls_recognised_income(check, basic_property_deduction=False)
    income_criterion(check, estimate, threshold, label, check.param("income_ratio").reference)
    per_child = int(check.value("amount_per_child_krw"))
    parent_age = facts.applicant.age_on(facts.as_of)
    total = per_child * len(eligible)
    note = "자녀 1인당 월 23만원; 학용품비(연 10만원)는 따로 신청"
    try:
        teen_max = int(check.value("teen_parent_max_age"))
        young = check.value("young_parent_ages")
        extra = int(check.value("additional_amount_krw"))
    except MissingRuleError:
        check.pay(total or None, "month", note)
        return
    if parent_age is not None and parent_age <= teen_max and eligible:
        teen = check.value("teen_parent_amount_krw")
        total = sum(
            int(teen["age_0_1"] if (c.age_on(facts.as_of) or 0) <= 1 else teen["age_2_plus"])
            for c in eligible
        )
        note = "청소년 한부모 아동양육비 (0–1세 40만원, 2세 이상 37만원; 미확인)"
    elif parent_age is not None and int(young["min"]) <= parent_age <= int(young["max"]):
        total += extra * len(eligible)
        note = "자녀 1인당 월 23만원 + 청년 한부모(25–34세) 추가 10만원"
    else:
        grandchildren = [
            c
            for c in eligible
            if c.relation == "grandchild" and (a := c.age_on(facts.as_of)) is not None and a <= 5
        ]
        total += extra * len(grandchildren)
        note += "; 조손가족·35세 이상 미혼 한부모의 5세 이하 자녀는 월 10만원 추가"
    check.pay(total or None, "month", note)


def siheung_birth_support(check: Check) -> None:
    """시흥시 출생축하금·산후조리비: 2026.1.1 이후 출생, 시흥시 거주 (부 또는 모 180일 이상)."""
    facts = check.facts
    source = check.program.legal_basis
    if facts.sigungu == "시흥시":
        detail = "시흥시 거주" + (" (가정)" if facts.region_assumed else "")
        check.add("residence", True, detail, source)
    elif facts.sigungu is None and facts.sido == "경기도":
        check.add("residence", None, "사는 시·군·구 확인 필요 (시흥시)", source, ["region"])
    elif facts.sigungu is None:
        check.add("residence", False, f"{facts.sido} 거주 (시흥시 아님)", source)
    else:
        check.add("residence", False, f"{facts.sigungu} 거주 (시흥시 아님)", source)
    days = check.param("min_parent_residence_days")
    region = facts.household.region
    months = region.months_resident if region else None
    if months is None:
        check.add(
            "residence_period",
            None,
            f"시흥시 거주 기간 확인 필요 ({days.value}일 이상)",
            days.reference,
            ["months_resident"],
        )
    elif months >= 6:
        check.add("residence_period", True, f"시흥시 {months}개월 거주 ({days.value}일 이상)", days.reference)
    elif months <= 4:
        check.add(
            "residence_period", False, f"시흥시 {months}개월 거주 ({days.value}일 미만)", days.reference
        )
    else:
        check.add(
            "residence_period",
            None,
            f"거주 {months}개월: {days.value}일을 넘었는지 확인 필요",
            days.reference,
            ["months_resident"],
        )
    cutoff_param = check.param("born_on_or_after")
    cutoff = date.fromisoformat(str(cutoff_param.value))
    table = check.value("amount_by_order_krw")
    eligible: list[tuple[Member, int | None]] = []
    undecided = False
    for child in facts.children:
        births = child.birth_range(facts.as_of)
        if births is None or (births[0] < cutoff <= births[1]):
            undecided = True
            continue
        if births[0] < cutoff:
            continue
        order = birth_order(check, child)
        if order == 1 and _order_amount(table, 1) is None:
            continue  # the 2024 rules paid nothing for a first child
        eligible.append((child, order))
    rule = f"{cutoff.isoformat()} 이후 출생"
    if eligible:
        check.add("newborn", True, f"{rule} 아기 {len(eligible)}명", cutoff_param.reference)
    elif undecided:
        check.add("newborn", None, f"아기 출생일 확인 필요 ({rule})", cutoff_param.reference, ["birth_date"])
    else:
        check.add("newborn", False, f"{rule} 대상 아기가 없음", cutoff_param.reference)
    amounts = [_order_amount(table, order) if order else None for _, order in eligible]
    if eligible and all(a is not None for a in amounts):
        check.pay(
            sum(a for a in amounts if a is not None),
            "once",
            "출생 순위별 합계 (2026년부터 산후조리비 40만원 포함)",
        )
    else:
        check.pay(
            None,
            "once",
            "첫째 90만원 · 둘째 140만원 · 셋째 240만원 · 넷째 840만원 (2026); 출생 순위 확인 필요",
        )


def _order_amount(table: dict[str, int], order: int) -> int | None:
    if str(order) in table:
        return int(table[str(order)])
    plus = [k for k in table if k.endswith("+") and order >= int(k[:-1])]
    return int(table[plus[0]]) if plus else None
