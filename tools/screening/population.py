"""A synthetic Siheung population: household records over the city's 20 행정동, every one labelled synthetic.

Not a sample of real residents and not a forecast: households drawn from a few published shares, so that the
screening's tests, benchmark and demo run on something shaped like the city rather than on households built
around each program's thresholds. Record ids start with `syn-`; no name, address or number of a real person.

Every figure below names its source (`Figure.source`); where no published figure was found the source starts
with "ASSUMPTION" and says why the value was chosen. The draws are deterministic: household `i` of seed `s`
depends only on (s, i), so the first 10,000 of a 100,000 population are the 10,000 population.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from random import Random
from typing import Any

from tools.eligibility.household import CrisisEvent


@dataclass(frozen=True)
class Figure:
    """A share or amount used by the generator, with where it comes from."""

    value: float
    source: str


# Published figures ---------------------------------------------------------------------------------------
SIHEUNG_RESIDENTS = Figure(586_506, "시흥시 일반현황 (siheung.go.kr, 2024-06-30): 인구 586,506명")
FOREIGN_SHARE = Figure(
    0.116, "시흥시 일반현황 (siheung.go.kr, 2024-06-30): 외국인 11.6% (등록외국인·외국국적동포 거소신고)"
)
SIZE_SHARES = {
    1: Figure(0.355, "2023 인구주택총조사 (통계청, 2024-07-29 발표): 1인가구 35.5%"),
    2: Figure(0.288, "2023 인구주택총조사: 2인가구 28.8%"),
    3: Figure(0.190, "2023 인구주택총조사: 3인가구 19.0%"),
    4: Figure(0.133, "2023 인구주택총조사: 4인가구 13.3%"),
    5: Figure(0.028, "2023 인구주택총조사: 4인 이상 16.8% → 5인 이상 3.5%; ASSUMPTION: 5인 4/5, 6인 1/5"),
    6: Figure(0.007, "as 5인"),
}
"""National shares (no Siheung table was found); Siheung had about 2.5 persons a 세대 in 2018 (디지털시흥문화대전)."""
DISABILITY_SHARE = Figure(
    0.051, "보건복지부 2024년 등록장애인 현황 (2025-04-17): 2,631,356명, 주민등록인구의 5.1%"
)
SEVERE_SHARE = Figure(0.367, "보건복지부 2024년 등록장애인 현황: 심한 장애 966,428명 (36.7%)")
DISABLED_ELDERLY_SHARE = Figure(0.553, "보건복지부 2024년 등록장애인 현황: 65세 이상 55.3%")
NBLS_HOUSEHOLD_SHARE = Figure(
    1_788_000 / 22_073_000,
    "보건복지부 2023년 국민기초생활보장 수급자 현황: 178만8천 가구; ÷ 2023 인구주택총조사 일반가구 2,207만3천",
)
RELATIVE_POVERTY = Figure(
    0.1794,
    "경기복지재단 '2017 통계로 보는 경기도 사회보장': 2016 경기도 상대적 빈곤율(중위소득 50% 미만) 17.94%; "
    "ASSUMPTION: the same share of Siheung households",
)
ELDERLY_SHARE = Figure(
    0.11,
    "ASSUMPTION: 11% of residents 65+. Published: 시흥 7.9% in 2016 (경기도 2016 주민등록인구통계); no later "
    "Siheung figure was found, and the city has aged since",
)
SINGLE_AGE_SHARES = (
    ((19, 29), Figure(0.186, "2023 인구주택총조사: 1인가구 중 20대 이하 18.6%")),
    ((30, 39), Figure(0.173, "2023 인구주택총조사: 1인가구 중 30대 17.3%")),
    (
        (40, 49),
        Figure(0.125, "ASSUMPTION: the 46.8% the release does not break down, spread over 40–50대, 70–80대"),
    ),
    ((50, 59), Figure(0.150, "ASSUMPTION (as above)")),
    ((60, 69), Figure(0.173, "2023 인구주택총조사: 1인가구 중 60대 17.3%")),
    ((70, 79), Figure(0.115, "ASSUMPTION (as above)")),
    ((80, 95), Figure(0.078, "ASSUMPTION (as above)")),
)
# Assumptions (no published figure found) ---------------------------------------------------------------
DONGS = (
    "대야동", "신천동", "신현동", "은행동", "매화동", "목감동", "군자동", "월곶동", "정왕본동", "정왕1동",
    "정왕2동", "정왕3동", "정왕4동", "과림동", "연성동", "장곡동", "능곡동", "배곧1동", "배곧2동", "거북섬동",
)  # fmt: skip
"""The 20 행정동 (시흥시 일반현황 2024: 20개동; names as in welfare-facts §5.2). ASSUMPTION: households spread
evenly over them (no per-동 household count was found)."""
NBLS_TAKE_UP = Figure(
    NBLS_HOUSEHOLD_SHARE.value / (RELATIVE_POVERTY.value * (1 - FOREIGN_SHARE.value)),
    "derived: the Korean households under 50% that receive an NBLS benefit, so that the whole comes near the "
    "수급 가구 share",
)
TAKE_UP = {
    "basic_pension": Figure(0.9, "ASSUMPTION: most older people under the line receive 기초연금"),
    "child_allowance": Figure(0.97, "ASSUMPTION: 아동수당 is applied for at birth registration"),
    "parent_benefit": Figure(0.95, "ASSUMPTION"),
    "first_meeting_voucher": Figure(0.9, "ASSUMPTION"),
    "disability_pension": Figure(0.7, "ASSUMPTION"),
    "disability_allowance": Figure(0.6, "ASSUMPTION"),
    "single_parent_child_support": Figure(0.6, "ASSUMPTION"),
    "energy_voucher": Figure(0.6, "ASSUMPTION"),
    "senior_customized_care": Figure(0.3, "ASSUMPTION"),
    "near_poverty": Figure(0.4, "ASSUMPTION"),
}
RECEIPTS_UNKNOWN = Figure(0.05, "ASSUMPTION: records whose receipts the office does not know (referrals)")
CRISIS_SHARE = Figure(0.01, "ASSUMPTION: households with a crisis event on record")
EMPLOYED_SHARE = Figure(0.7, "ASSUMPTION: adults 19–64 in work")
OWNER_SHARE = Figure(0.55, "ASSUMPTION: households owning their home")
FOREIGN_NATIONALITIES = ("CN", "VN", "UZ", "TH", "PH", "KH")
"""ASSUMPTION: the foreign residents' nationalities (no Siheung breakdown was used)."""
MEDIAN_INCOME_2026 = {1: 2_564_238, 2: 4_199_292, 3: 5_359_036, 4: 6_494_738, 5: 7_556_719, 6: 8_555_952}
"""기준 중위소득 2026 (welfare-facts §1): incomes are drawn as a share of it, so they sit where the lines are."""


def _choose(rng: Random, shares: Sequence[tuple[Any, Figure]]) -> Any:
    return rng.choices([k for k, _ in shares], [f.value for _, f in shares])[0]


def _disability_odds() -> tuple[float, float]:
    """Per-person odds of a registered disability at 65+ and under 65, from the national shares."""
    disabled, elderly = DISABILITY_SHARE.value, ELDERLY_SHARE.value
    old = disabled * DISABLED_ELDERLY_SHARE.value / elderly
    young = disabled * (1 - DISABLED_ELDERLY_SHARE.value) / (1 - elderly)
    return old, young


_OLD_ODDS, _YOUNG_ODDS = _disability_odds()


def _adult_age(rng: Random, elderly: bool) -> int:
    return rng.randint(65, 92) if elderly else rng.randint(25, 64)


def _school(age: int, rng: Random) -> str:
    if age < 6:
        return "none"
    if age <= 11:
        return "elementary"
    if age <= 14:
        return "middle"
    if age <= 17:
        return "high"
    return "university" if age <= 22 and rng.random() < 0.6 else "none"


def _child(rng: Random, age: int, relation: str = "child") -> dict[str, Any]:
    member: dict[str, Any] = {"relation": relation}
    if age < 2:
        months = rng.randint(age * 12, age * 12 + 11)
        if rng.random() < 0.3:  # some records carry the exact birth date
            member["birth_date"] = f"{2026 - (months + 11) // 12:04d}-{12 - months % 12:02d}-01"
        else:
            member["months_old"] = months
    else:
        member["age"] = age
        member["school"] = _school(age, rng)
    return member


def _members(rng: Random, size: int) -> tuple[list[dict[str, Any]], bool]:
    """The members (applicant first) and whether the household is a single parent's."""
    elderly_head = rng.random() < ELDERLY_SHARE.value * 2.2  # heads are older than residents on average
    if size == 1:
        low, high = _choose(rng, SINGLE_AGE_SHARES)
        return [{"relation": "self", "age": rng.randint(low, high)}], False
    head = _adult_age(rng, elderly_head)
    if size == 2 and (elderly_head or rng.random() < 0.6):
        partner = max(19, min(95, head + rng.randint(-5, 5)))
        return [{"relation": "self", "age": head}, {"relation": "spouse", "age": partner}], False
    single_parent = rng.random() < 0.15 and not elderly_head
    members: list[dict[str, Any]] = [
        {"relation": "self", "age": head if not elderly_head else rng.randint(30, 55)}
    ]
    if not single_parent:
        members.append({"relation": "spouse", "age": max(19, members[0]["age"] + rng.randint(-4, 4))})
    if size >= 4 and rng.random() < 0.1:
        members.append({"relation": "parent", "age": min(95, members[0]["age"] + rng.randint(25, 32))})
    parent_age = members[0]["age"]
    while len(members) < size:
        members.append(_child(rng, max(0, min(parent_age - 20, rng.randint(0, 24)))))
    return members, single_parent


def _money(rng: Random, median: float, sigma: float) -> int:
    return int(rng.lognormvariate(math.log(median), sigma)) // 1000 * 1000


def household(index: int, seed: int = 2026) -> dict[str, Any]:
    """Synthetic household record number `index` (contract Household + `record_id` + `dong`)."""
    rng = Random(f"siheung-population:{seed}:{index}")
    size = _choose(rng, list(SIZE_SHARES.items()))
    members, single_parent = _members(rng, size)
    ages = [m.get("age", 0) for m in members]
    for member, age in zip(members, ages, strict=True):
        if rng.random() < (_OLD_ODDS if age >= 65 else _YOUNG_ODDS) and "age" in member and age >= 1:
            member["disability"] = "severe" if rng.random() < SEVERE_SHARE.value else "mild"
        if 19 <= age <= 64:
            member["employed"] = rng.random() < EMPLOYED_SHARE.value
        if age >= 80 and rng.random() < 0.2:
            member["long_term_care"] = True  # ASSUMPTION: a 장기요양 등급 for one in five 80+
    foreign = rng.random() < FOREIGN_SHARE.value
    if foreign:
        nationality = rng.choice(FOREIGN_NATIONALITIES)
        for member, age in zip(members, ages, strict=True):
            if age >= 19:
                member["nationality"] = nationality
    poor = rng.random() < RELATIVE_POVERTY.value
    ratio = rng.uniform(0.0, 0.5) if poor else max(0.5, rng.lognormvariate(math.log(1.1), 0.45))
    total = int(MEDIAN_INCOME_2026[min(size, 6)] * ratio) // 1000 * 1000
    working = any(m.get("employed") for m in members)
    earned = int(total * 0.85) // 1000 * 1000 if working else 0
    owner = rng.random() < OWNER_SHARE.value * (0.5 if poor else 1.1)
    scale = 0.3 if poor else 1.0
    record: dict[str, Any] = {
        "record_id": f"syn-{seed}-{index:07d}",
        "dong": DONGS[rng.randrange(len(DONGS))],
        "region": {"sido": "경기도", "sigungu": "시흥시", "months_resident": rng.randint(1, 240)},
        "members": members,
        "income": {"earned_krw": earned, "other_krw": total - earned},
        "assets": {
            "property_krw": _money(rng, 250_000_000 * scale, 0.6)
            if owner
            else _money(rng, 30_000_000 * scale, 0.8),
            "financial_krw": _money(rng, 15_000_000 * scale, 1.0),
            "debt_krw": _money(rng, 50_000_000, 0.8) if rng.random() < 0.3 else 0,
        },
        "housing": {"tenure": "owner" if owner else "renter"},
    }
    if not owner:
        record["housing"]["rent_krw"] = _money(rng, 500_000, 0.4)
    if single_parent:
        record["single_parent"] = True
    elif size > 1:
        record["single_parent"] = False
    if poor:  # ASSUMPTION: what the office knows of the 부양의무자 of low-income households
        obligor = rng.choices(("none", "meets", "fails", None), (0.5, 0.3, 0.1, 0.1))[0]
        if obligor is not None:
            record["support_obligor"] = obligor
    if ages[0] == 24:
        record["gyeonggi_residence_years"] = float(rng.randint(0, 24))
    if rng.random() < CRISIS_SHARE.value:
        record["crisis"] = [rng.choice(_CRISES)]
    if rng.random() >= RECEIPTS_UNKNOWN.value:
        record["receiving"] = _receipts(rng, members, ratio, poor)
    return record


_CRISES: tuple[CrisisEvent, ...] = (
    "job_loss",
    "serious_illness",
    "business_closure",
    "breadwinner_death",
    "divorce",
)


def _receipts(rng: Random, members: list[dict[str, Any]], ratio: float, poor: bool) -> list[str]:
    """What the household receives: drawn from rough bands of income and the take-up shares (not the rules:
    the engine decides eligibility; these only make some households already receive what they qualify for)."""
    got: list[str] = []

    def take(program: str, share: float | None = None) -> None:
        if rng.random() < (share if share is not None else TAKE_UP[program].value):
            got.append(program)

    applicant = members[0]
    national = "nationality" not in applicant
    if poor and national and rng.random() < NBLS_TAKE_UP.value:
        got.append("housing_benefit")
        if ratio < 0.4:
            got.append("medical_benefit")
        if ratio < 0.32:
            got.append("livelihood_benefit")
        if any(m.get("school") in ("elementary", "middle", "high") for m in members):
            got.append("education_benefit")
    elif poor and national:
        take("near_poverty")
    age = applicant.get("age", 0)
    if age >= 65 and ratio < 0.9 and national:
        take("basic_pension")
    if any(m.get("relation") == "child" and (m.get("age", 0) < 9) for m in members):
        take("child_allowance")
    if any("months_old" in m or "birth_date" in m for m in members):
        take("parent_benefit")
        take("first_meeting_voucher")
    disability = applicant.get("disability")
    if disability == "severe" and age >= 18 and poor and "basic_pension" not in got:
        take("disability_pension")
    if disability == "mild" and age >= 18 and poor:
        take("disability_allowance")
    if set(got) & {"livelihood_benefit", "medical_benefit", "housing_benefit", "education_benefit"}:
        take("energy_voucher")
    if age >= 65 and got:
        take("senior_customized_care")
    return got


def population(n: int, seed: int = 2026, start: int = 0) -> Iterator[dict[str, Any]]:
    """Households `start` .. `start + n - 1` of the synthetic population `seed`."""
    for index in range(start, start + n):
        yield household(index, seed)


def describe(records: Sequence[dict[str, Any]]) -> dict[str, float]:
    """The shares a population reproduces, to set beside the published figures they were drawn from."""
    people = [m for r in records for m in r["members"]]
    ages = [m.get("age", 0) for m in people]
    nbls = {"livelihood_benefit", "medical_benefit", "housing_benefit", "education_benefit"}
    return {
        "households": len(records),
        "persons per household": len(people) / len(records),
        "single-person households": sum(len(r["members"]) == 1 for r in records) / len(records),
        "residents 65+": sum(a >= 65 for a in ages) / len(people),
        "residents with a registered disability": sum("disability" in m for m in people) / len(people),
        "households with a foreign applicant": sum("nationality" in r["members"][0] for r in records)
        / len(records),
        "households receiving an NBLS benefit": sum(
            bool(nbls & set(r.get("receiving") or [])) for r in records
        )
        / len(records),
    }
