"""노인맞춤돌봄서비스, 에너지바우처."""

from __future__ import annotations

from tools.eligibility.check import Check, particle
from tools.eligibility.programs.common import age_at_least, program_names, receiving_any
from tools.eligibility.rulebook import MissingRuleError


def _status(check: Check, qualifying: list[str], label: str) -> None:
    received = receiving_any(check, qualifying)
    source = check.param("qualifying_programs").reference
    if received is None:
        check.add("recipient_status", None, f"{label} 수급 여부 확인 필요", source, ["receiving"])
    elif received:
        check.add("recipient_status", True, f"{program_names(check, received)} 수급 중", source)
    elif likely := check.likely(qualifying):
        # Not received yet, but the household likely gets one of them: likely once it is granted.
        check.after = likely[:1]
        check.add(
            "recipient_status",
            True,
            f"{particle(program_names(check, likely[:1]), '을', '를')} 받을 가능성이 높음 — 먼저 신청해 받게 되면 대상",
            source,
        )
    elif open_ := [r for q in qualifying if (r := check.other(q)) is not None and r.status == "unknown"]:
        # Not received, and whether she could get one is still open: the facts that decide it decide this too.
        missing = list(dict.fromkeys(m for r in open_ for m in r.missing))
        check.add(
            "recipient_status",
            None,
            f"{particle(label, '을', '를')} 받지 않음 — 받을 수 있는지에 따라 대상 (먼저 신청)",
            source,
            missing,
        )
    else:
        check.add(
            "recipient_status",
            False,
            f"{particle(label, '을', '를')} 받고 있지 않음 (먼저 해당 급여를 신청)",
            source,
        )


def senior_customized_care(check: Check) -> None:
    """노인맞춤돌봄: 65세 이상 + 기초수급·차상위·기초연금 수급; 장기요양등급자 제외."""
    age_at_least(check, check.facts.applicant, "min_age")
    _status(check, list(check.value("qualifying_programs")), "기초생활수급·차상위·기초연금")
    graded = check.facts.applicant.long_term_care
    source = check.program.legal_basis
    if graded is None:
        check.assume(
            "장기요양등급이 없다고 보았습니다 (등급이 있으면 제외); 돌봄 필요 정도는 수행기관이 조사합니다"
        )
    else:
        detail = "노인장기요양 등급이 있음 (등급자는 제외)" if graded else "노인장기요양 등급 없음"
        check.add("long_term_care", not graded, detail, source)
        check.assume("돌봄 필요 정도는 수행기관이 조사합니다")
    check.pay(None, None, "서비스 제공 (일반돌봄 월 16시간 미만, 중점돌봄 월 20–40시간)")


def energy_voucher(check: Check) -> None:
    """에너지바우처: 생계·의료·주거·교육급여 수급 세대 + 취약 세대원 (노인·영유아·장애인·임산부 등)."""
    facts = check.facts
    _status(check, list(check.value("qualifying_programs")), "생계·의료·주거·교육급여")
    on = facts.as_of
    senior = int(check.value("senior_min_age"))
    infant = int(check.value("infant_max_age_exclusive"))
    members = facts.household.members
    traits: list[str] = []
    if any((a := m.age_on(on)) is not None and a >= senior for m in members):
        traits.append(f"노인({senior}세 이상)")
    if any((a := m.age_on(on)) is not None and a < infant for m in members):
        traits.append(f"영유아({infant}세 미만)")
    if any(m.disability in ("mild", "severe") for m in members):
        traits.append("장애인")
    if any(m.pregnant for m in members):
        traits.append("임산부")
    if facts.household.single_parent:
        traits.append("한부모가족")
    try:
        many = int(check.value("many_children_min_count"))
        minors = [m for m in facts.children if (a := m.age_on(on)) is not None and a < 19]
        if len(minors) >= many:
            traits.append(f"19세 미만 자녀 {len(minors)}명")
    except MissingRuleError:
        pass
    source = check.program.legal_basis
    if traits:
        check.add("vulnerable_member", True, "세대원 특성: " + ", ".join(traits), source)
    else:
        # Facts not yet known that could still show a vulnerable member, before the ones the chat cannot collect.
        applicant = facts.applicant
        unknown = [
            fact
            for fact, open_ in (
                ("age", applicant.age_on(on) is None),
                ("child_age", any(m.age_on(on) is None for m in members if m is not applicant)),
                ("disability", any(m.disability is None for m in members)),
                ("single_parent", facts.household.single_parent is None and len(members) > 1),
            )
            if open_
        ]
        check.add(
            "vulnerable_member",
            None,
            "노인·영유아·장애인·임산부·한부모 등이 없음 — 중증·희귀질환자나 소년소녀가정이면 대상",
            source,
            [*unknown, "serious_or_rare_disease"],
        )
    try:
        table = check.value("amount_krw")
        check.pay(
            int(table[str(min(facts.size, 4))]), "year", "여름·겨울 통합 바우처 (2026.7.1–2027.5.31 사용)"
        )
    except MissingRuleError:
        check.pay(None, "year", f"{on.isoformat()}에 적용되는 바우처 금액이 규칙 자료에 없습니다")
