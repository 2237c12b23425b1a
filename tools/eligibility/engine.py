"""The rules engine: one household in, one result per program out. Pure Python over a `RuleBook`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from tools.eligibility.check import Check
from tools.eligibility.facts import HouseholdFacts, derive_facts
from tools.eligibility.household import Household, HouseholdInputError
from tools.eligibility.programs import RULES
from tools.eligibility.result import Criterion, EligibilityResult
from tools.eligibility.rulebook import MissingRuleError, RuleBook


class UnknownProgramError(HouseholdInputError):
    """A program id that is not in the catalogue."""


class Engine:
    """Evaluates households against every program of the catalogue that has rules."""

    def __init__(self, book: RuleBook) -> None:
        self.book = book
        missing = sorted(set(book.programs) - set(RULES))
        if missing:
            raise ValueError(f"programs without rules: {', '.join(missing)}")

    @property
    def program_ids(self) -> list[str]:
        """Program ids in catalogue order (contract order)."""
        return [pid for pid in RULES if pid in self.book.programs]

    def validate_programs(self, program_ids: Iterable[str], field: str = "program") -> list[str]:
        """Return the ids, or raise `UnknownProgramError` naming the first unknown one."""
        ids = list(program_ids)
        for index, pid in enumerate(ids):
            if pid not in self.book.programs:
                known = ", ".join(self.program_ids)
                raise UnknownProgramError(f"{field}[{index}]", f"unknown program id '{pid}' (known: {known})")
        return ids

    def check(
        self,
        household: Household,
        program_ids: Iterable[str] | None = None,
        as_of: date | None = None,
    ) -> list[EligibilityResult]:
        """Eligibility results for `household` on `as_of` (else the household's `as_of`, else today)."""
        ids = self.validate_programs(program_ids) if program_ids is not None else self.program_ids
        if household.receiving:
            self.validate_programs(household.receiving, "receiving")
        on = as_of or household.as_of or date.today()
        facts = derive_facts(household, on)
        done: dict[str, EligibilityResult] = {}
        under_way: set[str] = set()

        def one(pid: str) -> EligibilityResult:
            if pid not in done:
                under_way.add(pid)
                done[pid] = self._one(pid, facts, other)
                under_way.discard(pid)
            return done[pid]

        def other(pid: str) -> EligibilityResult | None:
            """Another program's result on the same facts (decided once); None while it is being decided."""
            return None if pid not in self.book.programs or pid in under_way else one(pid)

        return [one(pid) for pid in ids]

    def _one(
        self, program_id: str, facts: HouseholdFacts, other: Callable[[str], EligibilityResult | None]
    ) -> EligibilityResult:
        check = Check(program=self.book.programs[program_id], facts=facts, book=self.book, other=other)
        try:
            RULES[program_id](check)
        except MissingRuleError as missing:
            return _no_rules(check, missing)
        return check.result()


def _no_rules(check: Check, missing: MissingRuleError) -> EligibilityResult:
    """The rules data has nothing in force on the date: say so instead of guessing."""
    fresh = Check(program=check.program, facts=check.facts, book=check.book)
    fresh.criteria.append(
        Criterion(
            name="rules_in_force",
            passed=None,
            detail=f"{missing.on.isoformat()}에 적용할 규칙 자료가 없습니다 ({missing.scope}.{missing.key})",
            source="welfare-facts (규칙 데이터)",
        )
    )
    fresh.missing.append("rules_for_date")
    return fresh.result()
