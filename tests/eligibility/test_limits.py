"""A program's limits and deductions, read from the rules data in the database, and said when asked."""

from __future__ import annotations

from datetime import date

from graphs.responder import limit_lines
from tools.eligibility.engine import Engine
from tools.eligibility.limits import program_limits

DAY = date(2026, 6, 1)


def _figures(engine: Engine, program: str, kind: str = "limit") -> dict[str, str]:
    return {x["label"]: x["figures"] for x in program_limits(engine.book, program, DAY) if x["kind"] == kind}


def test_amount_limits_are_the_dated_figures(case_engine: Engine) -> None:
    figures = _figures(case_engine, "disability_pension")
    assert figures == {"선정기준액 (단독)": "1,400,000원", "선정기준액 (부부)": "2,240,000원"}
    assert _figures(case_engine, "basic_pension")["선정기준액 (단독가구)"] == "2,470,000원"


def test_a_share_of_median_income_is_shown_for_each_household_size(case_engine: Engine) -> None:
    line = _figures(case_engine, "livelihood_benefit")["생계급여 선정기준 (소득인정액 이하)"]
    assert line == "1인 820,556원 · 2인 1,343,773원 · 3인 1,714,892원 · 4인 2,078,316원 (기준 중위소득 32%)"


def test_region_dependent_limits_name_each_region_and_large_amounts_are_also_spoken(
    case_engine: Engine,
) -> None:
    line = _figures(case_engine, "emergency_welfare")["재산 기준 (지역별; 시흥시 = 중소도시)"]
    assert line == "대도시 241,000,000원 (2억 4,100만원) · 중소도시 152,000,000원 (1억 5,200만원)"


def test_deductions_are_apart_from_limits(case_engine: Engine) -> None:
    deductions = _figures(case_engine, "basic_pension", "deduction")
    assert deductions["금융재산 공제"] == "20,000,000원 (2,000만원)"
    assert "금융재산 공제" not in _figures(case_engine, "basic_pension")


def test_a_year_without_figures_gives_no_limits(case_engine: Engine) -> None:
    assert program_limits(case_engine.book, "basic_pension", date(2031, 1, 1)) == []


def test_limits_are_said_only_when_asked(case_engine: Engine) -> None:
    program = {
        "id": "disability_pension",
        "limits": program_limits(case_engine.book, "disability_pension", DAY),
    }
    said = limit_lines(program, "장애인연금 부부면 소득 기준 얼마에요", "ko")
    assert said[0].startswith("선정 기준 (2026년")
    assert any("2,240,000원" in line for line in said)
    assert limit_lines(program, "장애인연금 얼마 나와요?", "ko") == []
    english = limit_lines(program, "What is the income limit for a couple?", "en")
    assert english[0].startswith("Selection limits (2026")
