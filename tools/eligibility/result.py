"""The eligibility result of the contract: one object per program checked."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

Status = Literal["eligible", "ineligible", "unknown"]
AmountPeriod = Literal["month", "year", "once", "quarter"]


class Criterion(BaseModel):
    """One rule of a program applied to the household: passed, failed, or undecided (None)."""

    name: str
    passed: bool | None
    detail: str
    source: str


class EligibilityResult(BaseModel):
    """The result for one program (the contract's fields first, then extensions)."""

    program_id: str
    status: Status
    amount_krw: int | None
    amount_period: AmountPeriod | None
    criteria: list[Criterion]
    missing: list[str]
    assumptions: list[str]
    rules_version: str
    how_to_apply: str
    documents: list[str]
    # Extensions (optional for clients):
    program_name: str
    program_name_en: str
    amount_note: str | None = None
    unconfirmed: list[str] = []
    contact: str | None = None
    official_url: str | None = None
    window_closed: bool = False
    """Ineligible only because the application period has ended (every other criterion passed or is open):
    a reason of its own, not "does not qualify"."""
    after: list[str] = []
    """Programs the household must be granted first (each likely on the same facts): the status holds once
    they are ("likely once 생계급여 is granted")."""
