"""The builder a program's rules fill in: criteria, parameters used, amount, and the final status."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tools.benefits.models import ProgramBase
from tools.eligibility.facts import HouseholdFacts
from tools.eligibility.result import AmountPeriod, Criterion, EligibilityResult, Status
from tools.eligibility.rulebook import MedianValue, ParamValue, RuleBook

WINDOW = "application_period"
"""The criterion of a program's application period: failing it alone is a closed window, not "does not
qualify" (`EligibilityResult.window_closed`)."""


def won(value: int | float) -> str:
    """Format an amount in won with thousands separators: 820,556원."""
    return f"{round(value):,}원"


def particle(word: str, with_final: str, without_final: str) -> str:
    """`word` + the Korean particle that fits its last syllable (을/를, 이/가, 은/는, 과/와)."""
    last = word.rstrip(" )")[-1:] if word else ""
    if "가" <= last <= "힣":
        has_final = (ord(last) - ord("가")) % 28 != 0
        return word + (with_final if has_final else without_final)
    return word + with_final


def apply_ratio(amount: int, ratio: float) -> int:
    """`amount × ratio` rounded half-up to the won, as the 선정기준 tables are."""
    return int((Decimal(amount) * Decimal(str(ratio))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass
class Check:
    """Collects what one program's rules decided for one household."""

    program: ProgramBase
    facts: HouseholdFacts
    book: RuleBook
    criteria: list[Criterion] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    unconfirmed: list[str] = field(default_factory=list)
    amount_krw: int | None = None
    amount_period: AmountPeriod | None = None
    amount_note: str | None = None
    other: Callable[[str], EligibilityResult | None] = field(default=lambda _: None)
    """Another program's result for the same household (the engine answers; None for one being decided)."""
    after: list[str] = field(default_factory=list)
    """Programs to be granted first: the result holds once they are (see `EligibilityResult.after`)."""
    _versions: set[str] = field(default_factory=set)

    # Parameters -----------------------------------------------------------------------------------
    def param(self, key: str, scope: str | None = None) -> ParamValue:
        """A parameter in force on the check date; records its version and whether it is unconfirmed."""
        value = self.book.param(scope or self.program.id, key, self.facts.as_of)
        self._versions.add(value.effective_from.isoformat())
        if value.unconfirmed:
            self._flag(f"{value.description}: {value.reference} (미확인 figure, confidence C)")
        return value

    def value(self, key: str, scope: str | None = None) -> Any:
        """The bare value of `param`."""
        return self.param(key, scope).value

    def median(self, size: int | None = None) -> MedianValue:
        """기준 중위소득 of the check year for `size` (default: the household size)."""
        cell = self.book.median(self.facts.as_of.year, size or self.facts.size)
        self._versions.add(f"{cell.year}-01-01")
        if cell.confidence == "C":
            self._flag(f"기준 중위소득 {cell.year}년 {cell.size}인 {won(cell.amount)} (미확인, confidence C)")
        return cell

    def threshold(self, ratio_key: str, size: int | None = None, scope: str | None = None) -> tuple[int, str]:
        """`median × ratio` and a label such as '기준 중위소득 32% (2026년 1인 820,556원)'."""
        ratio = self.param(ratio_key, scope)
        cell = self.median(size)
        amount = apply_ratio(cell.amount, float(ratio.value))
        label = f"기준 중위소득 {float(ratio.value) * 100:g}% ({cell.year}년 {cell.size}인 {won(amount)})"
        return amount, label

    def _flag(self, text: str) -> None:
        if text not in self.unconfirmed:
            self.unconfirmed.append(text)

    def likely(self, programs: Sequence[str]) -> list[str]:
        """Which of `programs` the same household likely gets, in their order."""
        return [p for p in programs if (r := self.other(p)) is not None and r.status == "eligible"]

    # Criteria -------------------------------------------------------------------------------------
    def add(
        self,
        name: str,
        passed: bool | None,
        detail: str,
        source: str,
        missing: Sequence[str] = (),
    ) -> bool | None:
        """Record one criterion; an undecided one names the facts that would decide it."""
        self.criteria.append(Criterion(name=name, passed=passed, detail=detail, source=source))
        if passed is None:
            for fact in missing:
                if fact not in self.missing:
                    self.missing.append(fact)
        return passed

    def assume(self, text: str) -> None:
        """Record an assumption or simplification the result depends on."""
        if text not in self.assumptions:
            self.assumptions.append(text)

    def pay(self, amount: int | None, period: AmountPeriod | None, note: str | None = None) -> None:
        """Set the amount estimate."""
        self.amount_krw = amount
        self.amount_period = period if amount is not None else None
        self.amount_note = note

    # Result ---------------------------------------------------------------------------------------
    @property
    def status(self) -> Status:
        """eligible when every criterion passed, ineligible when any failed, otherwise unknown."""
        if any(c.passed is False for c in self.criteria):
            return "ineligible"
        if self.criteria and all(c.passed for c in self.criteria):
            return "eligible"
        return "unknown"

    def result(self) -> EligibilityResult:
        """The contract's result object."""
        status = self.status
        program = self.program
        return EligibilityResult(
            program_id=program.id,
            status=status,
            amount_krw=self.amount_krw if status != "ineligible" else None,
            amount_period=self.amount_period if status != "ineligible" else None,
            criteria=self.criteria,
            missing=self.missing if status == "unknown" else [],
            assumptions=[*self.facts.assumptions, *self.assumptions],
            rules_version=max(self._versions) if self._versions else f"{self.facts.as_of.year}-01-01",
            how_to_apply=program.how_to_apply,
            documents=list(program.documents),
            program_name=program.name_ko,
            program_name_en=program.name_en,
            amount_note=self.amount_note if status != "ineligible" else None,
            unconfirmed=self.unconfirmed,
            contact=program.contact,
            official_url=program.official_url,
            after=self.after if status != "ineligible" else [],
            window_closed=status == "ineligible"
            and all(c.name == WINDOW for c in self.criteria if c.passed is False),
        )
