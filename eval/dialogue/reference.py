"""The expected verdict: the rules engine the agent uses, on the household the resident actually disclosed."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import date
from typing import Any

from tools.eligibility.engine import Engine
from tools.eligibility.household import parse_household
from tools.eligibility.result import EligibilityResult


def drop_fact(household: dict[str, Any], slot: str) -> dict[str, Any]:
    """A copy of `household` without the fact behind `slot` (the resident refused to tell it)."""
    data = copy.deepcopy(household)
    applicant = next((m for m in data["members"] if m.get("relation") == "self"), data["members"][0])
    if slot == "income":
        data.pop("income", None)
        data.pop("income_recognition_krw", None)
    elif slot in ("assets", "housing", "receiving", "support_obligor"):
        data.pop(slot, None)
    elif slot == "disability":
        applicant.pop("disability", None)
    elif slot == "age":
        applicant.pop("age", None)
        applicant.pop("months_old", None)
    else:
        raise ValueError(f"cannot drop the fact behind slot {slot!r}")
    return data


def reference_results(
    engine: Engine, household: dict[str, Any], programs: Sequence[str] | None, as_of: date
) -> list[EligibilityResult]:
    """The engine's results for `programs` (every program when None) on `as_of`."""
    return engine.check(parse_household(household), list(programs) if programs else None, as_of=as_of)
