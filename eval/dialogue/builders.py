"""Households built to land on one side of one program's rules, near its thresholds or far from them.

Each builder aims with the thresholds of the rules data (read from the engine's rule book), and `build`
keeps the first draft the engine itself puts on the intended side (a few draws at most), so the generated
set has eligible and ineligible cases for every program whatever the exact estimate formulas are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random
from typing import Any

from tools.eligibility.engine import Engine
from tools.eligibility.household import parse_household

BANDS = ("yes_far", "yes_near", "no_near", "no_far", "no_other")
"""yes/no: the intended side; far/near: how close the deciding amount or age is; other: another criterion fails."""
NBLS = ("livelihood_benefit", "medical_benefit", "housing_benefit", "education_benefit")
SIHEUNG_DONGS = (
    "정왕동", "배곧동", "은행동", "대야동", "신천동", "목감동", "능곡동", "장곡동", "월곶동", "연성동",
    "매화동", "신현동", "과림동",
)  # fmt: skip
SEOUL_GU = ("관악구", "강서구", "노원구", "은평구", "중랑구", "구로구")
GYEONGGI_CITIES = ("안산시", "부천시", "수원시", "화성시")
EXCLUDED_CITIES = ("성남시", "고양시")
STATUTORY_CRISES = (
    "breadwinner_death", "breadwinner_absent", "serious_illness", "business_closure", "job_loss",
    "domestic_violence", "fire_disaster",
)  # fmt: skip
MAX_DRAWS = 12

Member = dict[str, Any]
Household = dict[str, Any]


def r10k(amount: float) -> int:
    """An amount rounded to 10,000 won, as residents say incomes (never negative)."""
    return max(0, round(amount / 10000) * 10000)


def r1m(amount: float) -> int:
    """An amount rounded to 1,000,000 won, as residents say property, savings and debt."""
    return max(0, round(amount / 1_000_000) * 1_000_000)


def months_between(born: date, on: date) -> int:
    """Whole months from `born` to `on` (the engine's rule)."""
    months = (on.year - born.year) * 12 + (on.month - born.month)
    return months - (1 if on.day < born.day else 0)


@dataclass
class Ctx:
    """One draft: the random stream, the rules, the date, the band, and facts kept beside the household."""

    rng: Random
    engine: Engine
    as_of: date
    band: str
    language: str
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def yes(self) -> bool:
        """The household is meant to be eligible."""
        return self.band.startswith("yes")

    def value(self, scope: str, key: str) -> Any:
        """A rule parameter in force on the check date."""
        return self.engine.book.param(scope, key, self.as_of).value

    def median(self, size: int) -> int:
        """기준 중위소득 for `size` members."""
        return self.engine.book.median(self.as_of.year, size).amount

    def factor(self) -> float:
        """Deciding amount ÷ threshold for the band: far below, just below, just above, far above."""
        low, high = {
            "yes_far": (0.0, 0.6),
            "yes_near": (0.95, 0.985),
            "no_near": (1.015, 1.05),
            "no_far": (1.5, 3.0),
            "no_other": (0.0, 0.8),
        }[self.band]
        return 0.0 if self.band == "yes_far" and self.rng.random() < 0.25 else self.rng.uniform(low, high)


# Members ------------------------------------------------------------------------------------------
def person(relation: str, age: int, *, disability: str = "none", employed: bool | None = None) -> Member:
    """An adult or older child (school set from the age for children)."""
    member: Member = {"relation": relation, "age": age, "disability": disability}
    if employed is not None:
        member["employed"] = employed
    return member


def school_for(age: int, rng: Random) -> str:
    """The school level of a child of this age (만 나이)."""
    if age < 6:
        return "none"
    if age < 12:
        return "elementary"
    if age < 15:
        return "middle"
    if age < 18:
        return "high"
    if age < 22 and rng.random() < 0.5:
        return "university"
    return "none"


def child(ctx: Ctx, *, age: int | None = None, months: int | None = None, born: date | None = None) -> Member:
    """A child by age in years, in months, or by birth date (infants carry months and the birth date)."""
    if born is None and months is not None and months < 36:
        start = _minus_months(ctx.as_of, months)
        born = start - timedelta(days=ctx.rng.randrange(0, 25))
    if born is not None:
        months_old = months_between(born, ctx.as_of)
        if months_old < 36:
            return {
                "relation": "child",
                "age": months_old // 12,
                "months_old": months_old,
                "birth_date": born.isoformat(),
                "disability": "none",
                "school": "none",
            }
        age = months_old // 12
    years = age if age is not None else (months or 0) // 12
    return {"relation": "child", "age": years, "disability": "none", "school": school_for(years, ctx.rng)}


def _minus_months(on: date, months: int) -> date:
    index = on.year * 12 + on.month - 1 - months
    year, month = divmod(index, 12)
    for day in (on.day, 30, 29, 28):
        try:
            return date(year, month + 1, day)
        except ValueError:
            continue
    raise ValueError(on)


def kids(ctx: Ctx, count: int, youngest: int, oldest: int) -> list[Member]:
    """`count` children aged between `youngest` and `oldest` years (the first exactly `youngest`)."""
    ages = [youngest] + [ctx.rng.randint(youngest, max(youngest, oldest)) for _ in range(count - 1)]
    members = []
    for years in sorted(ages, reverse=True):
        if years < 3:
            members.append(child(ctx, months=years * 12 + ctx.rng.randint(0, 11)))
        else:
            members.append(child(ctx, age=years))
    return members


def family(ctx: Ctx, parent_age: int, children: list[Member], *, couple: bool) -> list[Member]:
    """The applicant (a parent), maybe a spouse, and the children."""
    rng = ctx.rng
    ctx.extras.setdefault("gender", "f" if rng.random() < (0.6 if couple else 0.8) else "m")
    members = [person("self", parent_age, employed=rng.random() < 0.6)]
    if couple:
        members.append(
            person("spouse", max(20, parent_age + rng.randint(-4, 5)), employed=rng.random() < 0.8)
        )
    return members + children


# Places, homes, money -----------------------------------------------------------------------------
def siheung(ctx: Ctx, months: int | None = None) -> dict[str, Any]:
    """경기도 시흥시, with a 동 kept for the resident's answer."""
    ctx.extras["dong"] = ctx.rng.choice(SIHEUNG_DONGS)
    lived = (
        months if months is not None else ctx.rng.choice((ctx.rng.randint(8, 60), ctx.rng.randint(60, 360)))
    )
    return {"sido": "경기도", "sigungu": "시흥시", "months_resident": lived}


def elsewhere(ctx: Ctx, sido: str, sigungu: str) -> dict[str, Any]:
    """Another 시도/시군구."""
    return {"sido": sido, "sigungu": sigungu, "months_resident": ctx.rng.randint(12, 300)}


def default_region(ctx: Ctx) -> dict[str, Any]:
    """Mostly 시흥시, sometimes a 서울 구."""
    if ctx.rng.random() < 0.12:
        return elsewhere(ctx, "서울특별시", ctx.rng.choice(SEOUL_GU))
    return siheung(ctx)


def home(
    ctx: Ctx, *, kind: str | None = None, cap_net: int | None = None, rich: bool = False
) -> tuple[dict[str, Any], dict[str, int]]:
    """Housing and assets that agree: an owner's home, a deposit, savings and debt.

    `cap_net` bounds property + savings − debt (the estimate stays decidable under that bound).
    """
    rng = ctx.rng
    if kind is None:
        kind = rng.choices(("owner", "monthly", "jeonse", "free"), (0.3, 0.45, 0.15, 0.1))[0]
    if cap_net is not None and cap_net <= 0 and kind in ("owner", "jeonse") and rng.random() < 0.7:
        kind = "monthly"
    rent, prop, debt = 0, 0, 0
    if kind == "owner":
        prop = r1m(rng.uniform(4e8, 1.2e9) if rich else rng.uniform(1.2e8, 5e8))
        debt = r1m(prop * rng.uniform(0.1, 0.5)) if rng.random() < 0.4 else 0
    elif kind == "monthly":
        rent = r10k(rng.uniform(2.5e5, 7e5))
        prop = 0 if rng.random() < 0.15 else r1m(rng.uniform(3e6, 3e7))
    elif kind == "jeonse":
        prop = r1m(rng.uniform(5e7, 2.2e8))
    financial = r1m(rng.uniform(0, 6e7 if rich else 1.5e7)) if rng.random() < 0.7 else 0
    if rng.random() < 0.25:
        debt += r1m(rng.uniform(3e6, 4e7))
    if cap_net is not None and prop + financial - debt > cap_net:
        if rng.random() < 0.5:
            financial = r1m(rng.uniform(0, 3e6)) if cap_net > 5e6 else 0
        if prop + financial - debt > cap_net:
            debt = prop + financial - cap_net + r1m(rng.uniform(0, 1e7))
    ctx.extras["home"] = kind
    ctx.extras["deposit"] = prop if kind in ("monthly", "jeonse") else 0
    tenure = {"monthly": "renter", "jeonse": "renter"}.get(kind, kind)
    return {"tenure": tenure, "rent_krw": rent}, {
        "property_krw": prop,
        "financial_krw": financial,
        "debt_krw": debt,
    }


def default_income(ctx: Ctx, members: list[Member]) -> dict[str, int]:
    """Plausible monthly income for who lives there."""
    rng = ctx.rng
    earned = sum(
        r10k(rng.uniform(1.5e6, 4.5e6)) for m in members if m.get("employed") and 19 <= m["age"] < 65
    )
    other = r10k(rng.uniform(2e5, 1.2e6)) if any(m["age"] >= 65 for m in members) else 0
    if rng.random() < 0.15:
        other += r10k(rng.uniform(1e5, 5e5))
    return {"earned_krw": earned, "other_krw": other}


def split_income(
    ctx: Ctx, recognised: float, *, earned_weight: float, deduction: float = 0.3
) -> dict[str, int]:
    """Earned and other income whose NBLS-style 소득인정액 (earned × (1 − deduction) + other) ≈ `recognised`."""
    rng = ctx.rng
    share = earned_weight if rng.random() < 0.7 else rng.random()
    other = r10k(recognised * (1 - share))
    earned = r10k(max(0.0, recognised - other) / (1 - deduction))
    return {"earned_krw": earned if earned >= 50_000 else 0, "other_krw": other if other >= 50_000 else 0}


def household(ctx: Ctx, members: list[Member], **fields: Any) -> Household:
    """A complete household (the whole truth): fields not given get plausible values."""
    rng = ctx.rng
    region = fields.pop("region", None) or default_region(ctx)
    housing, assets = fields.pop("housing", None), fields.pop("assets", None)
    if housing is None or assets is None:
        made_housing, made_assets = home(ctx)
        housing, assets = housing or made_housing, assets or made_assets
    applicant = members[0]
    applicant.setdefault("employed", 19 <= applicant["age"] < 65 and rng.random() < 0.55)
    has_spouse = any(m["relation"] == "spouse" for m in members)
    has_child = any(m["relation"] == "child" and m["age"] < 22 for m in members)
    gyeonggi = fields.pop("gyeonggi", None)
    if gyeonggi is None and region.get("sido") == "경기도" and 18 <= applicant["age"] <= 39:
        continuous = rng.randint(1, min(applicant["age"], 20))
        gyeonggi = (continuous, continuous + (rng.randint(0, 8) if rng.random() < 0.4 else 0))
    data: Household = {
        "region": region,
        "members": members,
        "income": fields.pop("income", None) or default_income(ctx, members),
        "assets": assets,
        "housing": housing,
        "crisis": list(fields.pop("crisis", [])),
        "single_parent": fields.pop("single_parent", has_child and not has_spouse),
        "support_obligor": fields.pop("support_obligor", None)
        or rng.choices(("none", "meets", "fails"), (0.45, 0.4, 0.15))[0],
        "receiving": list(fields.pop("receiving", [])),
    }
    if gyeonggi is not None:
        data["gyeonggi_residence_years"] = float(gyeonggi[0])
        data["gyeonggi_total_residence_years"] = float(gyeonggi[1])
    recognition = fields.pop("income_recognition", None)
    if recognition is not None:
        data["income_recognition_krw"] = recognition
    if fields:
        raise TypeError(f"unknown household fields: {sorted(fields)}")
    return data


def _senior(ctx: Ctx, age: int, *, couple: bool | None = None) -> list[Member]:
    rng = ctx.rng
    ctx.extras.setdefault("gender", "f" if rng.random() < 0.6 else "m")
    members = [person("self", age, employed=rng.random() < 0.15)]
    if couple if couple is not None else rng.random() < 0.4:
        members.append(person("spouse", max(55, age + rng.randint(-6, 6)), employed=False))
    return members


# NBLS ---------------------------------------------------------------------------------------------
_NBLS_DEDUCTION = {
    "livelihood_benefit": True,
    "medical_benefit": False,
    "housing_benefit": True,
    "education_benefit": True,
    "near_poverty": False,
}


def _nbls_members(ctx: Ctx, *, student: bool | None) -> list[Member]:
    rng = ctx.rng
    shapes = ["senior", "adult", "single_parent", "couple_kids", "with_parent"]
    if student:
        shapes = ["single_parent", "couple_kids"]
    elif student is False:
        shapes = ["senior", "adult", "with_parent"]
    shape = rng.choice(shapes)
    if shape == "senior":
        return _senior(ctx, rng.randint(65, 88))
    if shape == "adult":
        ctx.extras["gender"] = rng.choice("fm")
        return [person("self", rng.randint(38, 64), disability=rng.choice(("none", "none", "mild")))]
    if shape == "with_parent":
        ctx.extras["gender"] = rng.choice("fm")
        return [person("self", rng.randint(40, 60)), person("parent", rng.randint(72, 92), employed=False)]
    youngest = rng.randint(6, 13) if student else rng.randint(0, 12)
    children = kids(ctx, rng.randint(1, 3), youngest, 14)
    return family(ctx, rng.randint(35, 50), children, couple=shape == "couple_kids")


def _nbls(program: str) -> Callable[[Ctx], Household]:
    def build(ctx: Ctx) -> Household:
        rng = ctx.rng
        student = None
        if program == "education_benefit":
            student = ctx.band != "no_other"
        members = _nbls_members(ctx, student=student)
        scope = program
        threshold = ctx.median(len(members)) * float(ctx.value(scope, "income_ratio"))
        factor = ctx.factor()
        if ctx.band == "no_other" and program in ("housing_benefit",):
            factor = rng.uniform(1.2, 1.5)
        senior = members[0]["age"] >= 65
        income = split_income(ctx, threshold * factor, earned_weight=0.0 if senior else 0.8)
        for member in members:
            if member["relation"] in ("self", "spouse") and member["age"] < 65:
                member["employed"] = income["earned_krw"] > 0 and (
                    member["relation"] == "self" or rng.random() < 0.3
                )
        region = default_region(ctx)
        cap: int | None = None
        if ctx.band != "no_far":
            if _NBLS_DEDUCTION[program]:
                deduction = ctx.value("nbls", "basic_property_deduction_krw")
                cap = int(deduction["seoul" if region["sido"] == "서울특별시" else "gyeonggi"])
            else:
                cap = 0
        kind = "monthly" if program == "housing_benefit" and rng.random() < 0.7 else None
        housing, assets = home(ctx, kind=kind, cap_net=cap)
        fields: dict[str, Any] = {"region": region, "income": income, "housing": housing, "assets": assets}
        if program in ("livelihood_benefit", "medical_benefit"):
            fields["support_obligor"] = "fails" if ctx.band == "no_other" else rng.choice(("none", "meets"))
        receiving: list[str] = []
        if program == "near_poverty" and ctx.band == "no_other":
            receiving = [rng.choice(NBLS)]
        elif senior and rng.random() < 0.5:
            receiving = ["basic_pension"]
        fields["receiving"] = receiving
        return household(ctx, members, **fields)

    return build


# Pensions and disability --------------------------------------------------------------------------
def basic_pension(ctx: Ctx) -> Household:
    """기초연금: age 65, 소득인정액 (pension income, home value or earnings) against 단독/부부 선정기준액."""
    rng = ctx.rng
    band = ctx.band
    age = rng.randint(60, 64) if band == "no_other" else rng.randint(65, 90)
    if band == "no_near" and rng.random() < 0.3:
        age = 64
    members = _senior(ctx, age)
    if rng.random() < 0.15:
        members.append(person("child", rng.randint(30, 50), employed=True))
    couple = any(m["relation"] == "spouse" for m in members)
    threshold = int(ctx.value("basic_pension", "threshold_couple_krw" if couple else "threshold_single_krw"))
    target = threshold * (ctx.factor() if band != "no_other" else rng.uniform(0.0, 0.6))
    region = default_region(ctx)
    city = "large_city" if region["sido"] == "서울특별시" else "small_city"
    mode = rng.choice(("pension", "pension", "home", "work"))
    other, earned, home_value = 0, 0, 0
    if mode == "pension" or target < 3e5:
        other = r10k(target + (4e4 if band == "no_near" else 0))
    elif mode == "home":
        other = r10k(rng.uniform(1e5, min(target, 8e5)))
        deduction = int(ctx.value("basic_pension", "property_deduction_krw")[city])
        rate = float(ctx.value("basic_pension", "property_conversion_rate_yearly"))
        home_value = r1m(deduction + (target - other) * 12 / rate)
    else:
        other = r10k(rng.uniform(0, min(target, 5e5)))
        base = int(ctx.value("basic_pension", "earned_income_deduction_krw"))
        earned = r10k(base + (target - other) / 0.7)
        members[0]["employed"] = True
    if home_value:
        housing = {"tenure": "owner", "rent_krw": 0}
        assets = {"property_krw": home_value, "financial_krw": r1m(rng.uniform(0, 1.5e7)), "debt_krw": 0}
        ctx.extras["home"] = "owner"
    else:
        housing, assets = home(ctx, kind=rng.choice(("monthly", "free", "jeonse")))
        assets["financial_krw"] = min(assets["financial_krw"], 15_000_000)
        if housing["tenure"] == "renter" and assets["property_krw"] > 8e7:
            assets["property_krw"] = r1m(rng.uniform(3e7, 8e7))
            ctx.extras["deposit"] = assets["property_krw"]
    receiving = ["disability_pension"] if band == "no_other" and age >= 65 else []
    fields: dict[str, Any] = {
        "region": region,
        "income": {"earned_krw": earned, "other_krw": other},
        "housing": housing,
        "assets": assets,
        "receiving": receiving,
    }
    if rng.random() < 0.1 and band != "no_other":
        fields["income_recognition"] = r10k(target)
    return household(ctx, members, **fields)


def disability_pension(ctx: Ctx) -> Household:
    """장애인연금: 18+, 중증, income under the 선정기준액 with no property (or a known 소득인정액)."""
    rng = ctx.rng
    band = ctx.band
    disability = {"no_near": "mild", "no_far": "none"}.get(band, "severe")
    age = rng.randint(66, 80) if band == "no_other" else rng.randint(20, 64)
    ctx.extras["gender"] = rng.choice("fm")
    members = [person("self", age, disability=disability, employed=rng.random() < 0.2)]
    if rng.random() < 0.3:
        members.append(person("spouse", max(20, age + rng.randint(-5, 5))))
    elif rng.random() < 0.3:
        members.append(person("parent", min(100, age + rng.randint(24, 34)), employed=False))
    couple = any(m["relation"] == "spouse" for m in members)
    threshold = int(
        ctx.value("disability_pension", "threshold_couple_krw" if couple else "threshold_single_krw")
    )
    target = threshold * (ctx.factor() if ctx.yes else rng.uniform(0.1, 0.9))
    fields: dict[str, Any] = {"income": split_income(ctx, target, earned_weight=0.2, deduction=0.0)}
    if rng.random() < 0.3:
        fields["income_recognition"] = r10k(target)
        fields["housing"], fields["assets"] = home(ctx)
    else:
        fields["housing"], fields["assets"] = home(ctx, kind=rng.choice(("monthly", "free")), cap_net=0)
        fields["assets"]["property_krw"] = 0
        fields["assets"]["financial_krw"] = 0
        ctx.extras["deposit"] = 0
    if band == "no_other":
        fields["receiving"] = ["basic_pension"]
    elif rng.random() < 0.3:
        fields["receiving"] = [rng.choice(("livelihood_benefit", "medical_benefit"))]
    return household(ctx, members, **fields)


def disability_allowance(ctx: Ctx) -> Household:
    """장애수당: 18+, 경증, a 수급자 or 차상위 (by receiving it, or by income under 중위 50%)."""
    rng = ctx.rng
    band = ctx.band
    disability = {"no_far": "severe", "no_other": "none"}.get(band, "mild")
    ctx.extras["gender"] = rng.choice("fm")
    age = rng.randint(19, 80)
    members = [person("self", age, disability=disability)]
    if rng.random() < 0.35:
        members.append(person("spouse", max(19, age + rng.randint(-5, 5))))
    threshold = ctx.median(len(members)) * float(ctx.value("near_poverty", "income_ratio"))
    fields: dict[str, Any] = {}
    if band == "yes_far" and rng.random() < 0.7:
        fields["receiving"] = [rng.choice(("livelihood_benefit", "medical_benefit", "near_poverty"))]
        fields["income"] = split_income(ctx, threshold * rng.uniform(0, 0.5), earned_weight=0.3)
    else:
        fields["income"] = split_income(ctx, threshold * ctx.factor(), earned_weight=0.5)
    fields["housing"], fields["assets"] = home(ctx, cap_net=0 if band != "no_far" else None)
    members[0]["employed"] = fields["income"]["earned_krw"] > 0
    return household(ctx, members, **fields)


# Children -----------------------------------------------------------------------------------------
def _pregnant_no_children(ctx: Ctx) -> list[Member]:
    rng = ctx.rng
    ctx.extras["gender"] = "f"
    mother = person("self", rng.randint(26, 40), employed=rng.random() < 0.5)
    mother["pregnant"] = True
    return [mother, person("spouse", rng.randint(27, 42), employed=True)]


def child_allowance(ctx: Ctx) -> Household:
    """아동수당: a child under the age limit (2026: 만 9세 미만)."""
    rng = ctx.rng
    limit = int(ctx.value("child_allowance", "max_age_exclusive"))
    band = ctx.band
    if band == "no_other":
        return household(ctx, _pregnant_no_children(ctx))
    youngest = {
        "yes_far": rng.randint(0, limit - 3),
        "yes_near": limit - 1,
        "no_near": limit + rng.randint(0, 1),
        "no_far": rng.randint(limit + 2, 16),
    }[band]
    children = kids(ctx, rng.choice((1, 1, 2, 2, 3)), youngest, 17)
    members = family(ctx, rng.randint(max(28, youngest + 22), 47), children, couple=rng.random() < 0.75)
    return household(ctx, members)


def _infant_months(ctx: Ctx, window: int) -> int:
    rng = ctx.rng
    return {
        "yes_far": rng.randint(0, window - 8),
        "yes_near": rng.randint(window - 3, window - 1),
        "no_near": rng.randint(window, window + 3),
        "no_far": rng.randint(window + 6, 70),
    }[ctx.band]


def _infant_family(ctx: Ctx, window: int) -> list[Member]:
    rng = ctx.rng
    if ctx.band == "no_other":
        return _pregnant_no_children(ctx)
    months = _infant_months(ctx, window)
    baby = child(ctx, months=months) if months < 36 else child(ctx, age=months // 12)
    count = rng.choice((0, 0, 1, 1, 2))
    older = kids(ctx, count, months // 12 + rng.randint(2, 5), 12) if count else []
    members = family(ctx, rng.randint(27, 42), [*older, baby], couple=rng.random() < 0.85)
    if rng.random() < 0.1:
        members.append(person("parent", rng.randint(60, 75), employed=False))
    return members


def parent_benefit(ctx: Ctx) -> Household:
    """부모급여: a child of 0–23 months."""
    return household(ctx, _infant_family(ctx, int(ctx.value("parent_benefit", "max_months_exclusive"))))


def first_meeting_voucher(ctx: Ctx) -> Household:
    """첫만남이용권: a child born less than two years ago."""
    window = int(ctx.value("first_meeting_voucher", "apply_within_months"))
    return household(ctx, _infant_family(ctx, window))


def siheung_birth_support(ctx: Ctx) -> Household:
    """시흥시 출생축하금: a baby born on or after the cutoff, a parent living in 시흥 180 days."""
    rng = ctx.rng
    band = ctx.band
    cutoff = date.fromisoformat(str(ctx.value("siheung_birth_support", "born_on_or_after")))
    latest = ctx.as_of - timedelta(days=7)
    span = max(0, (latest - cutoff).days)
    born = {
        "yes_far": cutoff + timedelta(days=rng.randint(min(span, 40), span)),
        "yes_near": cutoff + timedelta(days=rng.randint(0, min(span, 20))),
        "no_near": cutoff - timedelta(days=rng.randint(1, 30)),
        "no_far": cutoff - timedelta(days=rng.randint(200, 640)),
        "no_other": cutoff + timedelta(days=rng.randint(0, span)),
    }[band]
    born = min(born, latest)
    older = kids(ctx, rng.randint(1, 2), rng.randint(2, 5), 10) if rng.random() < 0.45 else []
    members = family(ctx, rng.randint(27, 41), [*older, child(ctx, born=born)], couple=rng.random() < 0.9)
    if band == "no_other" and rng.random() < 0.5:
        region = elsewhere(ctx, "서울특별시", rng.choice(SEOUL_GU))
    elif band == "no_other":
        region = siheung(ctx, months=rng.randint(1, 4))
    else:
        region = siheung(ctx, months=rng.randint(6, 9) if band == "yes_near" else rng.randint(10, 120))
    return household(ctx, members, region=region)


def single_parent_child_support(ctx: Ctx) -> Household:
    """한부모 아동양육비: a single parent, a child under 18 (22 at school), 소득인정액 ≤ 중위 65%."""
    rng = ctx.rng
    band = ctx.band
    if band == "no_other" and rng.random() < 0.5:
        children = kids(ctx, rng.randint(1, 2), rng.randint(2, 12), 15)
        members = family(ctx, rng.randint(35, 48), children, couple=True)
        single = False
    elif band == "no_other":
        grown = child(ctx, age=rng.randint(22, 26))
        grown["school"] = "none"
        members = family(ctx, rng.randint(48, 58), [grown], couple=False)
        single = True
    else:
        children = kids(ctx, rng.randint(1, 3), rng.randint(0, 14), 16)
        members = family(ctx, rng.randint(35, 50), children, couple=False)
        single = True
    threshold = ctx.median(len(members)) * float(ctx.value("single_parent_child_support", "income_ratio"))
    factor = ctx.factor() if band != "no_other" else rng.uniform(0.1, 0.8)
    income = split_income(ctx, threshold * factor, earned_weight=0.85)
    members[0]["employed"] = income["earned_krw"] > 0
    housing, assets = home(ctx, cap_net=None if band == "no_far" else 0)
    crisis = ["divorce"] if single and rng.random() < 0.2 else []
    return household(
        ctx, members, income=income, housing=housing, assets=assets, single_parent=single, crisis=crisis
    )


# Crisis, youth, work ------------------------------------------------------------------------------
def emergency_welfare(ctx: Ctx) -> Household:
    """긴급복지 생계지원: a crisis event, income ≤ 중위 75%, property and savings under the limits."""
    rng = ctx.rng
    band = ctx.band
    shape = rng.choice(("alone", "family", "family", "senior"))
    if shape == "alone":
        ctx.extras["gender"] = rng.choice("fm")
        members = [person("self", rng.randint(30, 64))]
    elif shape == "senior":
        members = _senior(ctx, rng.randint(65, 80))
    else:
        members = family(
            ctx,
            rng.randint(32, 50),
            kids(ctx, rng.randint(1, 3), rng.randint(0, 12), 16),
            couple=rng.random() < 0.5,
        )
    crisis = [] if band == "no_other" else [rng.choice(STATUTORY_CRISES)]
    if crisis == ["breadwinner_death"] and any(m["relation"] == "spouse" for m in members):
        members = [m for m in members if m["relation"] != "spouse"]
    threshold = ctx.median(len(members)) * float(ctx.value("emergency_welfare", "income_ratio"))
    near_savings = band == "no_near" and rng.random() < 0.4
    factor = rng.uniform(0.1, 0.8) if near_savings else ctx.factor()
    income = split_income(ctx, threshold * factor, earned_weight=0.6, deduction=0.0)
    members[0]["employed"] = income["earned_krw"] > 0 and "job_loss" not in crisis
    region = default_region(ctx)
    city = "large_city" if region["sido"] == "서울특별시" else "small_city"
    limit = int(ctx.value("emergency_welfare", "property_limit_krw")[city])
    savings_limit = int(ctx.value("emergency_welfare", "financial_limit_krw"))
    housing, assets = home(ctx, kind=rng.choice(("monthly", "monthly", "jeonse", "free")))
    assets["property_krw"] = min(assets["property_krw"], r1m(limit * 0.9))
    ctx.extras["deposit"] = assets["property_krw"] if ctx.extras.get("home") in ("monthly", "jeonse") else 0
    assets["financial_krw"] = r10k(rng.uniform(0, savings_limit * 0.9))
    if near_savings:
        assets["financial_krw"] = r10k(savings_limit * rng.uniform(1.03, 1.1))
    return household(
        ctx, members, region=region, income=income, housing=housing, assets=assets, crisis=crisis
    )


def _youth(ctx: Ctx, age: int, *, with_parents: bool) -> list[Member]:
    rng = ctx.rng
    ctx.extras["gender"] = rng.choice("fm")
    members = [person("self", age, employed=rng.random() < 0.4)]
    if with_parents:
        parent_age = age + rng.randint(24, 34)
        members.append(person("parent", parent_age, employed=parent_age < 62))
        if rng.random() < 0.7:
            members.append(person("parent", parent_age + rng.randint(-3, 3), employed=rng.random() < 0.5))
    return members


def youth_monthly_rent(ctx: Ctx) -> Household:
    """청년월세: 19–34, renting apart from the parents, within the application period."""
    rng = ctx.rng
    band = ctx.band
    age = {"no_near": 35, "no_far": rng.randint(38, 45)}.get(band, rng.randint(19, 34))
    members = _youth(ctx, age, with_parents=band == "no_other")
    threshold = ctx.median(len(members)) * float(
        ctx.value("youth_monthly_rent", "youth_household_income_ratio")
    )
    income = split_income(ctx, threshold * rng.uniform(0.2, 0.9), earned_weight=1.0, deduction=0.0)
    members[0]["employed"] = income["earned_krw"] > 0
    housing, assets = home(ctx, kind="owner" if band == "no_other" and rng.random() < 0.3 else "monthly")
    return household(ctx, members, income=income, housing=housing, assets=assets)


def gyeonggi_youth_basic_income(ctx: Ctx) -> Household:
    """경기도 청년기본소득: 만 24세, 경기도 3 years in a row or 10 in total, not 성남·고양."""
    rng = ctx.rng
    band = ctx.band
    target = int(ctx.value("gyeonggi_youth_basic_income", "age"))
    need = int(ctx.value("gyeonggi_youth_basic_income", "continuous_years"))
    age = {"no_near": target + rng.choice((-1, 1)), "no_far": rng.randint(target + 4, 34)}.get(band, target)
    members = _youth(ctx, age, with_parents=rng.random() < 0.5)
    region = siheung(ctx) if rng.random() < 0.7 else elsewhere(ctx, "경기도", rng.choice(GYEONGGI_CITIES))
    years = (rng.randint(need, age), age) if rng.random() < 0.5 else (rng.randint(need, 8),) * 2
    if band == "yes_near":
        years = (need, need) if rng.random() < 0.5 else (1, 10 + rng.randint(0, 3))
    if band == "no_near" and rng.random() < 0.5:
        age = target
        members[0]["age"] = age
        short = rng.randint(0, need - 1) if need > 1 else 0
        years = (short, short + rng.randint(0, 9 - short))
    if band == "no_other":
        choice = rng.random()
        if choice < 0.4:
            region = elsewhere(ctx, "서울특별시", rng.choice(SEOUL_GU))
            years = (0, rng.randint(0, 5))
        elif choice < 0.8:
            region = elsewhere(ctx, "경기도", rng.choice(EXCLUDED_CITIES))
        else:
            members[0]["nationality"] = {"vi": "VN", "zh": "CN", "en": "US"}.get(ctx.language, "CN")
    return household(ctx, members, region=region, gyeonggi=years)


def national_employment_support(ctx: Ctx) -> Household:
    """국민취업지원제도 I유형: 15–64 job seeker, household income ≤ 중위 60% (34세 이하 120%), assets."""
    rng = ctx.rng
    band = ctx.band
    age = rng.randint(70, 78) if band == "no_other" else rng.randint(19, 34)
    members = _youth(ctx, age, with_parents=band != "no_other" and rng.random() < 0.5)
    ratio_key = (
        "youth_income_ratio"
        if age <= int(ctx.value("national_employment_support", "youth_max_age"))
        else "income_ratio"
    )
    threshold = ctx.median(len(members)) * float(ctx.value("national_employment_support", ratio_key))
    factor = rng.uniform(0.1, 0.8) if band in ("no_far", "no_other") else ctx.factor()
    income = split_income(ctx, threshold * factor, earned_weight=0.9, deduction=0.0)
    members[0]["employed"] = band == "no_far"
    for member in members[1:]:
        member["employed"] = income["earned_krw"] > 0
    housing, assets = home(
        ctx, kind=rng.choice(("monthly", "free", "owner" if len(members) > 1 else "jeonse"))
    )
    return household(ctx, members, income=income, housing=housing, assets=assets)


# Care and energy ----------------------------------------------------------------------------------
def senior_customized_care(ctx: Ctx) -> Household:
    """노인맞춤돌봄: 65+ and a 수급자, 차상위 or 기초연금 recipient."""
    rng = ctx.rng
    band = ctx.band
    age = {"yes_near": 65, "no_near": 64, "no_other": rng.randint(50, 60)}.get(band, rng.randint(66, 92))
    members = _senior(ctx, age, couple=rng.random() < 0.35)
    qualifying = ("basic_pension", "basic_pension", "livelihood_benefit", "near_poverty", "medical_benefit")
    receiving: list[str] = []
    if band in ("yes_far", "yes_near", "no_other"):
        receiving = [rng.choice(qualifying)]
    elif band == "no_near":
        receiving = [rng.choice(("near_poverty", "livelihood_benefit"))]
    income = {"earned_krw": 0, "other_krw": r10k(rng.uniform(2e5, 1.2e6))}
    return household(ctx, members, receiving=receiving, income=income)


def energy_voucher(ctx: Ctx) -> Household:
    """에너지바우처: a 생계·의료·주거·교육급여 household with an older, very young or disabled member."""
    rng = ctx.rng
    band = ctx.band
    shape = rng.choice(("senior", "infant", "disabled", "single_parent"))
    if shape == "senior":
        members = _senior(ctx, rng.randint(65, 88))
    elif shape == "infant":
        members = family(ctx, rng.randint(28, 40), [child(ctx, months=rng.randint(2, 60))], couple=True)
    elif shape == "disabled":
        ctx.extras["gender"] = rng.choice("fm")
        members = [person("self", rng.randint(30, 64), disability=rng.choice(("mild", "severe")))]
    else:
        members = family(
            ctx, rng.randint(30, 45), kids(ctx, rng.randint(1, 2), rng.randint(7, 14), 16), couple=False
        )
    receiving = {
        "no_near": ["near_poverty"],
        "no_far": [],
        "no_other": ["basic_pension"] if members[0]["age"] >= 65 else [],
    }.get(band) or [rng.choice(NBLS)]
    income = {"earned_krw": 0, "other_krw": r10k(rng.uniform(0, 8e5))}
    housing, assets = home(ctx, kind=rng.choice(("monthly", "free", "jeonse")), cap_net=80_000_000)
    return household(ctx, members, receiving=receiving, income=income, housing=housing, assets=assets)


BUILDERS: dict[str, Callable[[Ctx], Household]] = {
    **{program: _nbls(program) for program in (*NBLS, "near_poverty")},
    "basic_pension": basic_pension,
    "disability_pension": disability_pension,
    "disability_allowance": disability_allowance,
    "child_allowance": child_allowance,
    "parent_benefit": parent_benefit,
    "first_meeting_voucher": first_meeting_voucher,
    "emergency_welfare": emergency_welfare,
    "single_parent_child_support": single_parent_child_support,
    "youth_monthly_rent": youth_monthly_rent,
    "senior_customized_care": senior_customized_care,
    "energy_voucher": energy_voucher,
    "national_employment_support": national_employment_support,
    "gyeonggi_youth_basic_income": gyeonggi_youth_basic_income,
    "siheung_birth_support": siheung_birth_support,
}


def build(program: str, ctx: Ctx) -> tuple[Household, dict[str, Any]]:
    """A household for `program` in `ctx.band` and its extras; the first of a few drafts the engine puts on
    the intended side (eligible for yes bands, ineligible for no bands), else the last draft."""
    wanted = "eligible" if ctx.yes else "ineligible"
    drafted: tuple[Household, dict[str, Any]] | None = None
    for _ in range(MAX_DRAWS):
        ctx.extras = {}
        data = BUILDERS[program](ctx)
        drafted = (data, dict(ctx.extras))
        result = ctx.engine.check(parse_household(data), [program], as_of=ctx.as_of)[0]
        if result.status == wanted:
            break
    assert drafted is not None
    return drafted
