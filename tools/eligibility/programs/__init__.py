"""One rule function per program id: `(Check) -> None`, filling in criteria and the amount."""

from __future__ import annotations

from collections.abc import Callable

from tools.eligibility.check import Check
from tools.eligibility.programs import care, children, crisis, nbls, pensions, youth

Rule = Callable[[Check], None]

RULES: dict[str, Rule] = {
    "livelihood_benefit": nbls.livelihood_benefit,
    "medical_benefit": nbls.medical_benefit,
    "housing_benefit": nbls.housing_benefit,
    "education_benefit": nbls.education_benefit,
    "near_poverty": nbls.near_poverty,
    "basic_pension": pensions.basic_pension,
    "disability_pension": pensions.disability_pension,
    "disability_allowance": pensions.disability_allowance,
    "child_allowance": children.child_allowance,
    "parent_benefit": children.parent_benefit,
    "first_meeting_voucher": children.first_meeting_voucher,
    "single_parent_child_support": children.single_parent_child_support,
    "siheung_birth_support": children.siheung_birth_support,
    "emergency_welfare": crisis.emergency_welfare,
    "youth_monthly_rent": youth.youth_monthly_rent,
    "gyeonggi_youth_basic_income": youth.gyeonggi_youth_basic_income,
    "national_employment_support": youth.national_employment_support,
    "senior_customized_care": care.senior_customized_care,
    "energy_voucher": care.energy_voucher,
}
