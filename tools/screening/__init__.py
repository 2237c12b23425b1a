"""Screening household records: the programs each household likely qualifies for and does not receive yet.

A record is a Household (`../shared/contracts.md`) with a `record_id` and an optional `dong`. The rules engine
decides every program, as it does for `check`; a candidate is a program whose status is `eligible` and that the
household does not already receive. Records stored in the database are first narrowed in SQL
(`tools.screening.stored`): the engine then decides only the (record, program) pairs that can still be one. Records are ranked for follow-up: a crisis first, then the very old living
alone, infants, severe disability; within each, the larger estimated monthly amount missed first.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from tools.eligibility.engine import Engine
from tools.eligibility.household import Household, HouseholdInputError, parse_household
from tools.eligibility.result import EligibilityResult

#: Follow-up priorities, most urgent first (a policy of this tool, not a rule of any program).
PRIORITIES = ("crisis", "very_old_alone", "infant", "severe_disability")
VERY_OLD = 80
"""From this age, someone living alone is followed up before others (the 노인맞춤돌봄 target group skews to 80+)."""
INFANT_MONTHS = 24
#: Months an amount stands for, to compare what households miss: a one-off sum counts as spread over a year.
MONTHS_PER_PERIOD = {"month": 1, "quarter": 3, "year": 12, "once": 12}


@dataclass(frozen=True)
class Candidate:
    """A program the household likely qualifies for and does not receive."""

    program_id: str
    status: str
    amount_krw: int | None
    amount_period: str | None
    why: str


@dataclass(frozen=True)
class Screened:
    """One record's screening: its candidates and follow-up priorities, or the error that stopped it."""

    record_id: str | None
    dong: str | None = None
    candidates: list[Candidate] = field(default_factory=list)
    priorities: list[str] = field(default_factory=list)
    missed_monthly_krw: int = 0
    error: str | None = None
    line: int | None = None
    household: dict[str, Any] | None = None

    def as_json(self, with_household: bool = False) -> dict[str, Any]:
        """The contract's output line (`priorities`, `missed_monthly_krw`, `dong` and `line` are extensions);
        `with_household` adds the validated household, for an officer to open it."""
        out: dict[str, Any] = {
            "record_id": self.record_id,
            "candidates": [asdict(c) for c in self.candidates],
        }
        if with_household and self.household is not None:
            out["household"] = self.household
        if self.dong is not None:
            out["dong"] = self.dong
        if self.error is not None:
            out["error"] = self.error
            if self.line is not None:
                out["line"] = self.line
        else:
            out["priorities"] = self.priorities
            out["missed_monthly_krw"] = self.missed_monthly_krw
        return out


class RecordError(ValueError):
    """A record that cannot be screened (the message says why)."""


def split_record(data: Any) -> tuple[str, str | None, Household]:
    """The record id, the 동 and the validated household of one record (raises `RecordError`)."""
    if not isinstance(data, dict):
        raise RecordError("a record must be a JSON object")
    body = dict(data)
    record_id = body.pop("record_id", None)
    if record_id is None or (isinstance(record_id, str) and not record_id.strip()):
        raise RecordError("record_id: required")
    if not isinstance(record_id, str | int) or isinstance(record_id, bool):
        raise RecordError("record_id: must be a string or a number")
    dong = body.pop("dong", None)
    if dong is not None and not isinstance(dong, str):
        raise RecordError("dong: must be a string")
    try:
        return str(record_id), dong, parse_household(body)
    except HouseholdInputError as error:
        raise RecordError(str(error)) from error


def priorities(household: Household) -> list[str]:
    """The follow-up priorities that apply to the household, most urgent first."""
    members = household.members
    found: list[str] = []
    if household.crisis:
        found.append("crisis")
    if len(members) == 1 and (members[0].age or 0) >= VERY_OLD:
        found.append("very_old_alone")
    if any(
        (m.months_old is not None and m.months_old < INFANT_MONTHS) or (m.months_old is None and m.age == 0)
        for m in members
    ):
        found.append("infant")
    if any(m.disability == "severe" for m in members):
        found.append("severe_disability")
    return found


def monthly(result: EligibilityResult) -> int:
    """The result's estimated amount per month (0 when it has none)."""
    if result.amount_krw is None or result.amount_period is None:
        return 0
    return result.amount_krw // MONTHS_PER_PERIOD.get(result.amount_period, 12)


def candidates(household: Household, results: Iterable[EligibilityResult]) -> list[Candidate]:
    """The likely programs the household does not receive yet, with the facts that decided them."""
    receiving = set(household.receiving or [])
    return [
        Candidate(
            program_id=r.program_id,
            status=r.status,
            amount_krw=r.amount_krw,
            amount_period=r.amount_period,
            why="; ".join(c.detail for c in r.criteria if c.passed),
        )
        for r in results
        if r.status == "eligible" and r.program_id not in receiving
    ]


def screen_record(
    engine: Engine, data: Any, programs: list[str] | None = None, as_of: date | None = None
) -> Screened:
    """Screen one record; a bad record comes back with its error (the others go on)."""
    try:
        record_id, dong, household = split_record(data)
    except RecordError as error:
        raw = data.get("record_id") if isinstance(data, dict) else None
        return Screened(record_id=None if raw is None else str(raw), error=str(error))
    return screen_household(engine, record_id, dong, household, programs, as_of)


def screen_household(
    engine: Engine,
    record_id: str,
    dong: str | None,
    household: Household,
    programs: list[str] | None = None,
    as_of: date | None = None,
) -> Screened:
    """Screen one validated household with the engine (a household the engine refuses, for instance one
    receiving a program it does not know, comes back with its error)."""
    try:
        results = engine.check(household, programs, as_of)
    except HouseholdInputError as error:
        return Screened(record_id=record_id, dong=dong, error=str(error))
    found = candidates(household, results)
    by_id = {r.program_id: r for r in results}
    return Screened(
        record_id=record_id,
        dong=dong,
        candidates=found,
        priorities=priorities(household) if found else [],
        missed_monthly_krw=sum(monthly(by_id[c.program_id]) for c in found),
        household=household.model_dump(mode="json", exclude_none=True),
    )


def rank(screened: Iterable[Screened]) -> list[Screened]:
    """Households with candidates first, by their most urgent priority, then by the monthly amount missed;
    then those with none; records in error last (each group keeps its input order otherwise)."""

    def key(item: Screened) -> tuple[int, int, int]:
        if item.error is not None:
            return (2, 0, 0)
        if not item.candidates:
            return (1, 0, 0)
        urgent = min((PRIORITIES.index(p) for p in item.priorities), default=len(PRIORITIES))
        return (0, urgent, -item.missed_monthly_krw)

    return sorted(screened, key=key)


def read_records(text: str, csv_format: bool) -> Iterator[tuple[int, Any]]:
    """(line number, record or the error text) for each record of a JSON-lines or CSV file."""
    if csv_format:
        reader = csv.DictReader(io.StringIO(text))
        for number, row in enumerate(reader, start=2):
            try:
                yield number, record_from_csv_row(row)
            except RecordError as error:
                yield number, error
        return
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            yield number, json.loads(raw)
        except json.JSONDecodeError as error:
            yield number, RecordError(f"invalid JSON at column {error.colno}: {error.msg}")


#: CSV cells that hold lists: program ids or crisis kinds separated by ";" (or a JSON array).
_LIST_COLUMNS = frozenset({"receiving", "crisis"})
#: CSV cells kept as text even when they look like numbers.
_TEXT_COLUMNS = frozenset({"record_id", "dong", "as_of", "region.sido", "region.sigungu"})


def record_from_csv_row(row: Mapping[str, str | None]) -> dict[str, Any]:
    """A record from one CSV row: a column per field, nested fields with dots (`income.earned_krw`), `members`
    as a JSON array, lists separated by ";", empty cells left out."""
    record: dict[str, Any] = {}
    for column, cell in row.items():
        if column is None:
            raise RecordError("more cells than columns")
        value = (cell or "").strip()
        if not value:
            continue
        parsed: Any
        if column in _TEXT_COLUMNS:
            parsed = value
        elif column in _LIST_COLUMNS and not value.startswith("["):
            parsed = [part.strip() for part in value.split(";") if part.strip()]
        else:
            try:
                parsed = json.loads(value)
            except json.JSONDecodeError:
                if column == "members":
                    raise RecordError("members: must be a JSON array of members") from None
                parsed = value
        target = record
        *parents, leaf = column.strip().split(".")
        for part in parents:
            target = target.setdefault(part, {})
            if not isinstance(target, dict):
                raise RecordError(f"{column}: conflicts with another column")
        target[leaf] = parsed
    return record
