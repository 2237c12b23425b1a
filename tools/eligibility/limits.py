"""A program's income and asset limits in force on a date, read from its dated parameters, for answering "소득
기준이 얼마예요?" with the figures the engine itself uses (never a figure typed into a reply)."""

from __future__ import annotations

from datetime import date
from typing import Any, TypedDict

from tools.eligibility.rulebook import MissingRuleError, RuleBook

SIZES = (1, 2, 3, 4)
"""Household sizes a limit set as a share of 기준 중위소득 is shown for."""

REGIONS = {"large_city": "대도시", "small_city": "중소도시", "rural": "농어촌"}
"""Region keys of region-dependent limits, with their official names."""

_NOT_LIMITS = ("기준연금액", "기준임대료", "나이", "출생연도")
"""Parameters whose description says 기준 but that are amounts or ages, not limits."""


class Limit(TypedDict):
    """One limit (or deduction), ready to be said: what it is, the figures, and where they come from."""

    kind: str
    """"limit" (선정기준, 재산 기준) or "deduction" (공제)."""
    label: str
    figures: str
    year: int
    reference: str
    unconfirmed: bool


def _won(amount: float) -> str:
    """ "820,556원"; a round large amount also as it is said: "152,000,000원 (1억 5,200만원)"."""
    won = round(amount)
    text = f"{won:,}원"
    if won >= 10_000_000 and won % 10_000 == 0:
        eok, man = divmod(won // 10_000, 10_000)
        spoken = " ".join(part for part in (f"{eok}억" if eok else "", f"{man:,}만" if man else "") if part)
        text += f" ({spoken}원)"
    return text


def _figures(book: RuleBook, value: Any, kind: str, year: int) -> tuple[str, bool] | None:
    """How one parameter's value is said, and whether a figure in it is unconfirmed; None when it is not a
    limit or deduction that can be said as figures."""
    if isinstance(value, dict) and set(value) <= set(REGIONS):
        # "재산 기준 (지역별; 시흥시 = 중소도시)": each region's figure, as the rules data has them
        return " · ".join(f"{REGIONS[k]} {_won(v)}" for k, v in value.items() if isinstance(v, int)), False
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) or value <= 3:  # a rate: a deduction's share, or a share of 기준 중위소득
        if kind == "deduction":
            return f"{round(value * 100)}%", False
        try:
            medians = [book.median(year, size) for size in SIZES]
        except MissingRuleError:
            return None
        figures = " · ".join(f"{m.size}인 {_won(m.amount * value)}" for m in medians)
        return f"{figures} (기준 중위소득 {round(value * 100)}%)", any(m.confidence == "C" for m in medians)
    return _won(value), False


def program_limits(book: RuleBook, program_id: str, on: date) -> list[Limit]:
    """The limits and deductions of `program_id` in force on `on`: amounts (선정기준액, 재산 기준, 공제),
    region-dependent amounts by region, and shares of 기준 중위소득 shown for 1–4 person households."""
    limits: list[Limit] = []
    for key in book.keys_of(program_id):
        try:
            param = book.param(program_id, key, on)
        except MissingRuleError:
            continue
        kind = "deduction" if "공제" in param.description else "limit"
        if kind == "limit" and (
            "기준" not in param.description or any(w in param.description for w in _NOT_LIMITS)
        ):
            continue
        said = _figures(book, param.value, kind, on.year)
        if said is None:
            continue
        figures, unconfirmed_median = said
        limits.append(
            Limit(
                kind=kind,
                label=param.description,
                figures=figures,
                year=on.year,
                reference=param.reference,
                unconfirmed=param.unconfirmed or unconfirmed_median,
            )
        )
    return limits
