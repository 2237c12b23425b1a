"""The deterministic eligibility rules engine over the benefits database."""

from tools.eligibility.engine import Engine
from tools.eligibility.household import Household, parse_household
from tools.eligibility.result import Criterion, EligibilityResult

__all__ = ["Criterion", "EligibilityResult", "Engine", "Household", "parse_household"]
