"""The generated cases: a hidden household (the truth), the program(s) asked about and the resident's language.

`generate_cases(n, seed, engine, as_of)` is deterministic: case `i` depends only on (seed, i), so the first
k cases of a larger set are the set of size k. Programs are asked in turn (every program about n/19 times as
the main program), bands rotate per program (eligible far/near, ineligible near/far/other criterion).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from random import Random
from typing import Any

from eval.dialogue.builders import BANDS, Ctx, build
from tools.eligibility.engine import Engine

PROGRAMS: tuple[str, ...] = (
    "livelihood_benefit", "medical_benefit", "housing_benefit", "education_benefit", "near_poverty",
    "basic_pension", "disability_pension", "disability_allowance", "child_allowance", "parent_benefit",
    "first_meeting_voucher", "emergency_welfare", "single_parent_child_support", "youth_monthly_rent",
    "senior_customized_care", "energy_voucher", "national_employment_support",
    "gyeonggi_youth_basic_income", "siheung_birth_support",
)  # fmt: skip
"""The contract's 19 program ids, in its order."""
LANGUAGES: tuple[tuple[str, float], ...] = (("ko", 0.55), ("en", 0.15), ("zh", 0.15), ("vi", 0.15))
DISCOVERY_SHARE = 0.10
TWO_PROGRAM_SHARE = 0.15
FOREIGN_SHARE = {"ko": 0.02, "en": 0.15, "zh": 0.2, "vi": 0.2}
FOREIGN_CODE = {"ko": ("CN",), "en": ("US", "PH", "UZ"), "zh": ("CN",), "vi": ("VN",)}
PARTNERS: dict[str, tuple[str, ...]] = {
    "livelihood_benefit": ("medical_benefit", "housing_benefit", "emergency_welfare"),
    "medical_benefit": ("livelihood_benefit", "near_poverty"),
    "housing_benefit": ("livelihood_benefit", "youth_monthly_rent", "energy_voucher"),
    "education_benefit": ("single_parent_child_support", "livelihood_benefit"),
    "near_poverty": ("medical_benefit", "disability_allowance"),
    "basic_pension": ("senior_customized_care", "livelihood_benefit"),
    "disability_pension": ("disability_allowance", "basic_pension"),
    "disability_allowance": ("disability_pension", "near_poverty"),
    "child_allowance": ("parent_benefit", "single_parent_child_support"),
    "parent_benefit": ("first_meeting_voucher", "child_allowance", "siheung_birth_support"),
    "first_meeting_voucher": ("parent_benefit", "siheung_birth_support"),
    "emergency_welfare": ("livelihood_benefit", "national_employment_support"),
    "single_parent_child_support": ("child_allowance", "education_benefit"),
    "youth_monthly_rent": ("gyeonggi_youth_basic_income", "national_employment_support"),
    "senior_customized_care": ("basic_pension", "energy_voucher"),
    "energy_voucher": ("housing_benefit", "senior_customized_care"),
    "national_employment_support": ("youth_monthly_rent", "emergency_welfare"),
    "gyeonggi_youth_basic_income": ("youth_monthly_rent", "national_employment_support"),
    "siheung_birth_support": ("first_meeting_voucher", "parent_benefit"),
}


@dataclass(frozen=True)
class Case:
    """One simulated conversation's setup."""

    id: str
    language: str
    programs: tuple[str, ...]
    """Program ids asked about; empty for discovery ("what can I get?")."""
    household: dict[str, Any]
    """The whole truth, as contract household JSON (no `as_of`: the agent checks on today's date)."""
    target: str
    """The program the household was built for."""
    band: str
    seed: int
    """Seeds the resident's persona and wording."""
    extras: dict[str, Any] = field(default_factory=dict)
    """Facts beside the contract the resident may mention (동, gender, the kind of home, the deposit)."""

    @property
    def discovery(self) -> bool:
        """The resident asks what she can get, naming no program."""
        return not self.programs


def _language(rng: Random) -> str:
    names = [name for name, _ in LANGUAGES]
    return rng.choices(names, [weight for _, weight in LANGUAGES])[0]


def make_case(index: int, seed: int, engine: Engine, as_of: date) -> Case:
    """Case number `index` of the set seeded with `seed`."""
    rng = Random(f"dialogue-case:{seed}:{index}")
    target = PROGRAMS[index % len(PROGRAMS)]
    band = BANDS[(index // len(PROGRAMS) + index % len(PROGRAMS)) % len(BANDS)]
    language = _language(rng)
    kind = rng.random()
    ctx = Ctx(rng=Random(rng.getrandbits(64)), engine=engine, as_of=as_of, band=band, language=language)
    household, extras = build(target, ctx)
    applicant = household["members"][0]
    if "nationality" not in applicant and rng.random() < FOREIGN_SHARE[language]:
        applicant["nationality"] = rng.choice(FOREIGN_CODE[language])
    if kind < DISCOVERY_SHARE:
        programs: tuple[str, ...] = ()
    elif kind < DISCOVERY_SHARE + TWO_PROGRAM_SHARE:
        partner = rng.choice(PARTNERS[target])
        programs = (target, partner) if rng.random() < 0.6 else (partner, target)
    else:
        programs = (target,)
    return Case(
        id=f"c{index:04d}-{target}-{band}",
        language=language,
        programs=programs,
        household=household,
        target=target,
        band=band,
        seed=rng.getrandbits(32),
        extras=extras,
    )


def generate_cases(n: int, seed: int, engine: Engine, as_of: date) -> list[Case]:
    """`n` cases (deterministic for a seed, a rules snapshot and a date)."""
    return [make_case(index, seed, engine, as_of) for index in range(n)]
