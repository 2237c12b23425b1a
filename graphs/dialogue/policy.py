"""What to ask next, and what to assume, from the rules engine's results for the programs she asked about.

The engine already says, per program, which facts would decide an undecided status (`missing`); a fact that
no undecided program needs cannot change an answer and is never asked. Facts are asked one or two at a time,
those that decide more of her programs first, then in the natural order of an intake. A fact that rarely
matters is assumed the common way and named in the reply, so she can correct it.
"""

from __future__ import annotations

from typing import Any

from graphs.dialogue import ledger as lg
from graphs.memory import merge_facts
from graphs.slots import SLOT_ORDER

MAX_ASKS = 3
"""A slot asked this often without a usable answer is not asked again (the status stays undecided, and the
reply says why). It is often asked beside another slot that gets the answer, hence three, not two."""


INCOME_CRITERIA = frozenset(
    {"income_recognition", "income", "household_income", "youth_household_income", "low_income_status"}
)
"""Criteria compared with 기준 중위소득 for the household's size: they need to know who lives together."""


HOUSEHOLD_CRITERIA = INCOME_CRITERIA | {"vulnerable_member", "child", "child_age", "newborn", "student"}
"""Undecided criteria that the household's composition can decide (a child, an older member)."""


EXCLUSION_ONLY_RECEIVING = frozenset({"basic_pension", "disability_pension", "national_employment_support"})
"""Programs for which other benefits only exclude (중복수급): not receiving them is the common case. (차상위
is not here: many who ask about it already receive 기초생활보장, which excludes it.)"""


NBLS_HINTS = frozenset({"livelihood_benefit", "medical_benefit", "housing_benefit", "education_benefit"})


def assumed_facts(goal: list[str], facts: dict[str, Any], ledger: lg.Ledger) -> dict[str, Any]:
    """Facts to assume for the check: `receiving: []` when every program asked about only excludes on it and
    nothing she said hints otherwise (a disability for 기초연금, 65 or older for 장애인연금)."""
    if not goal or not set(goal) <= EXCLUSION_ONLY_RECEIVING:
        return {}
    if lg.status(ledger, "receiving") not in (None, "assumed") or facts.get("receiving") is not None:
        return {}
    members = facts.get("members") or []
    disabled = any(m.get("disability") in ("mild", "severe") for m in members)
    old = any((m.get("age") or 0) >= 64 for m in members if m.get("relation") == "self")
    if ("basic_pension" in goal and disabled) or ("disability_pension" in goal and old):
        return {}
    return {"receiving": []}


RESIDENCE_CRITERIA = frozenset({"residence"})
"""Criteria that are the program's own place rule (시흥시 거주, 경기도 시·군): the engine passes them on the
service's city when no region is given, which is the common case for any other program but decides these."""


def _residence_assumed(result: dict[str, Any], ledger: lg.Ledger) -> bool:
    """Whether the result passed on the assumed city: worth asking where she lives, unless it failed anyway
    (a foreign national's 청년기본소득 does not hinge on the city)."""
    return (
        result["status"] != "ineligible"
        and lg.status(ledger, "region") is None
        and any(c["name"] in RESIDENCE_CRITERIA and c["passed"] for c in result.get("criteria") or [])
    )


FOREIGN = "XX"
"""A nationality other than Korean, country unknown (the engine treats every code but KR alike)."""


def nationality_probe(language: str, facts: dict[str, Any], ledger: lg.Ledger) -> dict[str, Any] | None:
    """The household as it would be if she were not a Korean national, when that is worth checking: she writes
    in English, Chinese or Vietnamese and has not said her nationality. The engine assumes Korean nationals;
    where the probe's statuses differ, nationality decides, and it is asked (see `undecided_facts`)."""
    me: dict[str, Any] = next((m for m in facts.get("members") or [] if m.get("relation") == "self"), {})
    if language == "ko" or lg.status(ledger, "nationality") is not None or me.get("nationality"):
        return None
    return merge_facts(facts, {"members": [{"relation": "self", "nationality": FOREIGN}]})


PROBE_SIZE = 6
"""The household size `household_probe` tries: large enough that 기준 중위소득 for it passes most incomes."""


def household_probe(facts: dict[str, Any], ledger: lg.Ledger) -> dict[str, Any] | None:
    """The household as it would be with more people in it, while she has not said who lives with her: the
    engine takes an untold household as hers alone, so an income that fails for one person ("일해서 287만")
    would be refused without asking. Where the probe's statuses differ, the household decides, and it is
    asked (see `undecided_facts`)."""
    members = facts.get("members") or []
    if len(members) > 1 or lg.status(ledger, "household") is not None:
        return None
    own = members or [{"relation": "self"}]
    return {**facts, "members": [*own, *({} for _ in range(PROBE_SIZE - len(own)))]}


def income_kind_probe(facts: dict[str, Any], unsaid: bool) -> dict[str, Any] | None:
    """The household as it would be if the income she gave without its kind ("월 182") were earnings, when it
    was read as other income: where the probe's statuses differ, the 30% deduction on earnings decides, and
    whether it is from work is asked (see `undecided_facts`)."""
    income = facts.get("income") or {}
    if not unsaid or income.get("earned_krw") or not income.get("other_krw"):
        return None
    return {**facts, "income": {"earned_krw": income["other_krw"], "other_krw": 0}}


COUPLE_SIZED = frozenset({"basic_pension", "disability_pension"})
"""Programs whose threshold is for one person or a couple (단독/부부가구): who else lives with her cannot
change them once a spouse is named."""


def _spouse_named(facts: dict[str, Any] | None) -> bool:
    return any(m.get("relation") == "spouse" for m in (facts or {}).get("members") or [])


def undecided_facts(
    results: list[dict[str, Any]],
    ledger: lg.Ledger,
    probes: dict[str, list[dict[str, Any]]] | None = None,
    facts: dict[str, Any] | None = None,
) -> list[str]:
    """The facts that could still change a status, those that decide more programs first: the engine's
    missing facts of undecided programs, and each probed fact (`probes`: the results under another value of
    it) that changes some program's status. With `facts`, a named spouse settles the size of a couple-sized
    program's household."""
    counts: dict[str, int] = {}
    couple_known = _spouse_named(facts)
    for fact, alternative in (probes or {}).items():
        status_if = {r["program_id"]: r["status"] for r in alternative}
        flips = sum(1 for r in results if status_if.get(r["program_id"], r["status"]) != r["status"])
        if flips:
            counts[fact] = flips
    for result in results:
        if _residence_assumed(result, ledger):
            counts["region"] = counts.get("region", 0) + 1
        if result["status"] != "unknown":
            continue
        for fact in result.get("missing") or []:
            counts[fact] = counts.get(fact, 0) + 1
        needs_size = not (couple_known and result["program_id"] in COUPLE_SIZED) and any(
            c["name"] in HOUSEHOLD_CRITERIA and c["passed"] is None for c in result.get("criteria") or []
        )
        if needs_size and not lg.settled(ledger, "household"):
            counts["household"] = counts.get("household", 0) + 1
    order = {slot: index for index, slot in enumerate(SLOT_ORDER)}
    return sorted(counts, key=lambda fact: (-counts[fact], order.get(fact, len(order))))


def next_questions(
    results: list[dict[str, Any]],
    ledger: lg.Ledger,
    probes: dict[str, list[dict[str, Any]]] | None = None,
    facts: dict[str, Any] | None = None,
    *,
    limit: int = 2,
) -> list[str]:
    """The next one or two slots to ask: undecided facts she has not refused, not settled, not asked twice."""
    askable = set(SLOT_ORDER)
    undecided = undecided_facts(results, ledger, probes, facts)
    if len(undecided) > 1:
        # 소득인정액 is asked only when nothing else is left: near the line, once income and assets are told
        undecided = [f for f in undecided if f != "income_recognition"]
    if facts is not None and not lg.settled(ledger, "child_age"):
        undecided = _children_together(undecided, facts)
    return [
        fact
        for fact in undecided
        if fact in askable
        and (lg.status(ledger, fact) not in ("refused", *lg.SETTLED) or _named_in_passing(fact, ledger))
        and lg.asks(ledger, fact) < MAX_ASKS
    ][:limit]


def _named_in_passing(fact: str, ledger: lg.Ledger) -> bool:
    """Benefits named in passing ("기초연금 받아요") do not say she receives no other: asked once."""
    return fact == "receiving" and lg.status(ledger, fact) == "said" and lg.asks(ledger, fact) == 0


BABY_SLOTS = ("months_old", "birth_date")


def _children_together(undecided: list[str], facts: dict[str, Any]) -> list[str]:
    """The baby's months or birth date asked as the children's ages when more than the youngest is unknown
    ("아이들이 몇 살인가요?" before "몇 개월인가요?"): one answer about the baby leaves her other children
    undecided, and the engine cannot rule them out as newborns."""
    children = [m for m in facts.get("members") or [] if m.get("relation") in ("child", "grandchild")]
    unaged = [c for c in children if not {"age", "months_old", "birth_date"} & c.keys()]
    if not set(BABY_SLOTS) & set(undecided) or not unaged or (len(unaged) == 1 and len(children) == 1):
        return undecided
    replaced = ["child_age" if fact in BABY_SLOTS else fact for fact in undecided]
    return list(dict.fromkeys(replaced))


PROFILE_SLOTS = ("household", "age", "income")
"""The short profile "what can I get?" starts with."""


def profile_complete(ledger: lg.Ledger) -> bool:
    """Whether discovery has its short profile (each slot settled, refused, or asked enough)."""
    return not missing_profile(ledger)


SITUATION_CRITERIA = frozenset(
    {"child_age", "newborn", "child", "student", "single_parent", "crisis", "renting", "job_seeker",
     "vulnerable_member", "severe_disability", "mild_disability"}
)  # fmt: skip
"""Criteria a household's situation meets (a child, a birth, a crisis, single parenthood, a disability …): a
program one of them passes for is about what she told, even before the profile says whether she qualifies."""


OLD_AGE = 65
"""The age programs for old age start at (기초연금, 노인맞춤돌봄: 만 65세 이상)."""


def situation_told(facts: dict[str, Any]) -> bool:
    """Whether the facts tell a situation programs are for (a child, a single parent, a crisis, a disability,
    old age, no work)."""
    members = facts.get("members") or []
    applicant: dict[str, Any] = next((m for m in members if m.get("relation") == "self"), {})
    return bool(
        (applicant.get("age") or 0) >= OLD_AGE
        or applicant.get("employed") is False
        or facts.get("single_parent")
        or facts.get("crisis")
        or any(m.get("relation") in ("child", "grandchild") for m in members)
        or any(m.get("disability") in ("mild", "severe") or m.get("pregnant") for m in members)
        or (facts.get("housing") or {}).get("tenure") in ("renter", "homeless")
    )


OLD_AGE_PROGRAMS = frozenset({"basic_pension", "senior_customized_care"})
"""Programs made for old age: their age criterion passed (65 or over) is her situation, as a child is."""


def fits_situation(result: dict[str, Any]) -> bool:
    """Whether a situation criterion passes for the program (her age for an old-age one)."""
    return any(
        c["passed"] is True
        and (
            c["name"] in SITUATION_CRITERIA
            or (c["name"] == "age" and result["program_id"] in OLD_AGE_PROGRAMS)
        )
        for c in result["criteria"]
    )


def situational(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The programs a situation criterion passes for and none fails: what fits what she told ("今年68岁，一个人住"
    fits 기초연금 and 노인맞춤돌봄)."""
    return [r for r in results if r["status"] != "ineligible" and fits_situation(r)]


def closed_for_now(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The programs that fit her situation but whose application period of the year has ended ("스물아홉 … 고시원
    월세": 청년월세, whose 2026 window closed on 29 May): said so, so she watches for the next call."""
    return [r for r in results if r.get("window_closed") and fits_situation(r)]


PROFILE_MAX_ASKS = 2
"""The profile asks a slot at most this often: asked twice and passed over while she tells other things, the
programs her answers already show come first (the results then ask for what still decides them)."""


def missing_profile(ledger: lg.Ledger) -> list[str]:
    """The profile slots discovery still asks for."""
    return [
        s
        for s in PROFILE_SLOTS
        if not lg.settled(ledger, s)
        and lg.status(ledger, s) != "refused"
        and lg.asks(ledger, s) < PROFILE_MAX_ASKS
    ]


RELATED: dict[str, tuple[str, ...]] = {
    "first_meeting_voucher": ("parent_benefit", "child_allowance", "siheung_birth_support"),
    "parent_benefit": ("first_meeting_voucher", "child_allowance", "siheung_birth_support"),
    "siheung_birth_support": ("first_meeting_voucher", "parent_benefit", "child_allowance"),
    "child_allowance": ("parent_benefit", "first_meeting_voucher"),
    "single_parent_child_support": ("child_allowance",),
    "education_benefit": ("child_allowance",),
    "emergency_welfare": ("child_allowance", "livelihood_benefit", "housing_benefit"),
    "livelihood_benefit": ("medical_benefit", "housing_benefit"),
    "medical_benefit": ("livelihood_benefit",),
    "disability_allowance": ("disability_pension",),
    "disability_pension": ("disability_allowance",),
    "energy_voucher": ("parent_benefit", "child_allowance"),
}
"""Programs a household asking about one often also qualifies for (a birth brings 부모급여 and 아동수당 with
첫만남이용권). They are checked with the asked ones and named only when likely: never asked about."""


CHILD_ASKS = ("child_age", "months_old", "birth_date")
RELATED_ASKS = (*CHILD_ASKS, "support_obligor")
"""What may be asked for a related program once hers are decided, when that one answer decides it: the age
of a child she mentioned (아동수당 or 부모급여 beside 긴급복지: "애 둘이랑 남았어요"), or the family-support
question that leaves 생계급여 or 의료급여 otherwise decided."""


def related_question(
    related: list[dict[str, Any]], ledger: lg.Ledger, facts: dict[str, Any]
) -> tuple[list[str], list[str]]:
    """The slot to ask (never asked before) and the related programs it alone would decide, when her own
    programs are decided; ([], []) otherwise. A child's age is asked only of a child she mentioned, and only one
    such question is asked in a conversation (the child's age first)."""
    if any(lg.asks(ledger, slot) for slot in RELATED_ASKS):
        return [], []
    children = [m for m in facts.get("members") or [] if m.get("relation") in ("child", "grandchild")]
    unaged = any(not {"age", "months_old", "birth_date"} & c.keys() for c in children)

    def the_one_question(result: dict[str, Any]) -> str | None:
        # (the city assumed for her is no reason to ask: it is the service's own; who lives with her is what a
        # child's age is asked about)
        slots = [
            s
            for s in next_questions([result], ledger, None, facts, limit=3)
            if s not in ("region", "household")
        ]
        if not slots or slots[0] not in RELATED_ASKS or (slots[0] not in CHILD_ASKS and len(slots) > 1):
            return None  # (a child's age first: her nationality, say, may still be asked after it)
        return None if slots[0] in CHILD_ASKS and not unaged else slots[0]

    found = [slot for r in related if r.get("status") == "unknown" and (slot := the_one_question(r))]
    if not found:
        return [], []
    slot = next((s for s in found if s in CHILD_ASKS), found[0])
    deciding = [
        x["program_id"] for x in related if x.get("status") == "unknown" and the_one_question(x) == slot
    ]
    return [slot], deciding


def related_programs(goal: list[str], facts: dict[str, Any] | None = None) -> list[str]:
    """The programs related to the goal's, not in it; a single parent's household brings 한부모 아동양육비 too
    ("주거급여 되나요? 애 둘 혼자 키워요")."""
    related = [p for g in goal for p in RELATED.get(g, ()) if p not in goal]
    if (facts or {}).get("single_parent") and "single_parent_child_support" not in goal:
        related.append("single_parent_child_support")
    return list(dict.fromkeys(related))
