"""An in-memory snapshot of the benefits database, read once, queried by date.

The engine evaluates thousands of households a second, so it never queries the database per check: it
reads the catalogue, the dated parameters and the median income table into plain dictionaries.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session, select

from tools.benefits.files import DataSet
from tools.benefits.models import MedianIncome, Program, ProgramBase, RuleParameter


class MissingRuleError(LookupError):
    """No value of a parameter is in force on the date asked for."""

    def __init__(self, scope: str, key: str, on: date) -> None:
        super().__init__(f"{scope}.{key} has no value in force on {on.isoformat()}")
        self.scope = scope
        self.key = key
        self.on = on


@dataclass(frozen=True, slots=True)
class ParamValue:
    """One dated value with its provenance."""

    value: Any
    effective_from: date
    effective_to: date | None
    reference: str
    confidence: str
    description: str
    note: str | None = None

    @property
    def unconfirmed(self) -> bool:
        """True for figures graded C in the facts."""
        return self.confidence == "C"


@dataclass(frozen=True, slots=True)
class MedianValue:
    """기준 중위소득 for one year and household size."""

    amount: int
    year: int
    size: int
    confidence: str
    reference: str
    extrapolated: bool = False


@dataclass
class RuleBook:
    """Programs, dated parameters and the median income table, indexed for lookups by date."""

    programs: dict[str, ProgramBase]
    _params: dict[tuple[str, str], list[ParamValue]] = field(default_factory=dict)
    _starts: dict[tuple[str, str], list[date]] = field(default_factory=dict)
    _median: dict[tuple[int, int], MedianValue] = field(default_factory=dict)

    def add_param(self, scope: str, key: str, value: ParamValue) -> None:
        """Insert a dated value (kept ordered by start date)."""
        values = self._params.setdefault((scope, key), [])
        starts = self._starts.setdefault((scope, key), [])
        index = bisect.bisect(starts, value.effective_from)
        values.insert(index, value)
        starts.insert(index, value.effective_from)

    def add_median(self, value: MedianValue) -> None:
        """Insert one median income cell."""
        self._median[(value.year, value.size)] = value

    def keys_of(self, scope: str) -> list[str]:
        """The parameter names of one scope (a program id, or a shared table such as "nbls")."""
        return [key for s, key in self._params if s == scope]

    def param(self, scope: str, key: str, on: date) -> ParamValue:
        """The value of `scope.key` in force on `on`, or `MissingRuleError`."""
        starts = self._starts.get((scope, key))
        if not starts:
            raise MissingRuleError(scope, key, on)
        index = bisect.bisect_right(starts, on) - 1
        if index < 0:
            raise MissingRuleError(scope, key, on)
        value = self._params[(scope, key)][index]
        if value.effective_to is not None and on > value.effective_to:
            raise MissingRuleError(scope, key, on)
        return value

    def median(self, year: int, size: int) -> MedianValue:
        """기준 중위소득 for `year` and `size`; 8+ persons by the 7인 + (7인 − 6인) rule."""
        if size < 1:
            raise ValueError("household size must be at least 1")
        found = self._median.get((year, min(size, 7)))
        if found is None:
            raise MissingRuleError("median_income", f"{year}/{min(size, 7)}인", date(year, 1, 1))
        if size <= 7:
            return found
        six = self._median.get((year, 6))
        if six is None:
            raise MissingRuleError("median_income", f"{year}/6인", date(year, 1, 1))
        step = found.amount - six.amount
        return MedianValue(
            amount=found.amount + step * (size - 7),
            year=year,
            size=size,
            confidence="C",
            reference=found.reference,
            extrapolated=True,
        )

    @classmethod
    def from_session(cls, session: Session) -> RuleBook:
        """Read the whole catalogue from the database."""
        book = cls(programs={p.id: ProgramBase.model_validate(p) for p in session.exec(select(Program))})
        for row in session.exec(select(RuleParameter)):
            book.add_param(
                row.scope,
                row.key,
                ParamValue(
                    value=row.value,
                    effective_from=row.effective_from,
                    effective_to=row.effective_to,
                    reference=row.reference,
                    confidence=row.confidence,
                    description=row.description,
                    note=row.note,
                ),
            )
        for cell in session.exec(select(MedianIncome)):
            book.add_median(
                MedianValue(
                    amount=cell.amount_krw,
                    year=cell.year,
                    size=cell.household_size,
                    confidence=cell.confidence,
                    reference=cell.reference,
                )
            )
        return book

    @classmethod
    def from_dataset(cls, dataset: DataSet) -> RuleBook:
        """Build the snapshot straight from the data files (used to compare with the database)."""
        book = cls(
            programs={
                p.id: ProgramBase.model_validate(p.model_dump(exclude={"parameters"}))
                for p in dataset.programs
            }
        )
        scoped = [(p.id, p.parameters) for p in dataset.programs] + [
            (s.scope, s.parameters) for s in dataset.shared
        ]
        for scope, params in scoped:
            for key, spec in params.items():
                for dated in spec.values:
                    book.add_param(
                        scope,
                        key,
                        ParamValue(
                            value=dated.value,
                            effective_from=dated.start,
                            effective_to=dated.end,
                            reference=dated.reference,
                            confidence=dated.confidence,
                            description=spec.description,
                            note=dated.note,
                        ),
                    )
        for year in dataset.median_income.years:
            for size, amount in year.by_size.items():
                book.add_median(MedianValue(amount, year.year, size, year.confidence[size], year.reference))
        return book
