"""Each program's threshold criteria compiled to SQL, from the rule book the engine reads, for one date.

`candidate_filters(book, on, program_ids)` gives, per program, a SQLAlchemy Core boolean over the
`household_record` columns that is false only when the engine would certainly not list the program as a
candidate for that record on `on` (not `eligible`, or already received). It is a necessary condition, never a
decision: the rows it keeps are decided, and explained, by the engine (`tools.screening.stored`).

How it stays conservative:
- Every figure (ages, ratios, 기준 중위소득, 기본재산액, deductions, limits) is read from the `RuleBook` for the date;
  nothing is typed here. A parameter missing on the date leaves the program unfiltered (the engine then says
  what is missing).
- A criterion is compiled only where the engine's own code makes it necessary for `eligible`: an unknown fact
  that the engine would leave open (status `unknown`) may drop the pair, a fact that could still pass keeps it.
- 소득인정액 is bounded from below (deductions at their largest, assets ignored where the engine would add them),
  and money is compared with `SLACK_KRW` to spare, since SQL and Python do floating point in different orders.
- A NULL anywhere the expression did not expect makes the whole filter true (`_keep_when_unsure`).

The same expressions run on PostgreSQL and SQLite (no `greatest`, no date arithmetic in SQL).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, literal, not_, or_, true
from sqlalchemy.sql.elements import ColumnClause

from tools.eligibility.check import apply_ratio
from tools.eligibility.household import Household
from tools.eligibility.programs.common import NBLS_PROGRAMS
from tools.eligibility.programs.crisis import STATUTORY
from tools.eligibility.rulebook import MissingRuleError, RuleBook
from tools.screening.models import HouseholdRecord

Filter = ColumnElement[bool]
SLACK_KRW = 1
"""Won to spare when comparing money: SQL and Python round floating point differently."""
MAX_SIZE = next(
    int(m.max_length) for m in Household.model_fields["members"].metadata if hasattr(m, "max_length")
)
"""The largest household the contract accepts: thresholds are compiled for every size up to it."""

T: Any = HouseholdRecord.__table__.c  # type: ignore[attr-defined]


def _positive(value: ColumnElement[Any]) -> ColumnElement[Any]:
    """max(value, 0), portable (SQLite has no `greatest`)."""
    return case((value > 0, value), else_=0)


def _known(*columns: ColumnClause[Any]) -> Filter:
    return and_(*(c.isnot(None) for c in columns))


def _keep_when_unsure(condition: Filter) -> Filter:
    """The condition, with NULL read as true: an unforeseen unknown keeps the pair for the engine."""
    return case((not_(condition), false()), else_=true())


def _listed(column: ColumnClause[Any], value: str) -> Filter:
    """`column` (a `|a|b|` list) holds `value`; false when the list is unknown."""
    return func.coalesce(column, "").like(f"%|{value}|%")


class _Compiler:
    """Builds the filters of one date; each program's "could be eligible" once (others refer to it)."""

    def __init__(self, book: RuleBook, on: date) -> None:
        self.book = book
        self.on = on
        self._eligible: dict[str, Filter] = {}

    # Rule data -----------------------------------------------------------------------------------
    def value(self, scope: str, key: str) -> Any:
        """A parameter's value in force on the date (raises `MissingRuleError` as the engine does)."""
        return self.book.param(scope, key, self.on).value

    def by_size(self, scope: str, ratio_key: str) -> ColumnElement[Any]:
        """`기준 중위소득(size) × ratio`, rounded as the engine rounds it, for every household size."""
        ratio = float(self.value(scope, ratio_key))
        year = self.on.year
        amounts = {s: apply_ratio(self.book.median(year, s).amount, ratio) for s in range(1, MAX_SIZE + 1)}
        return case(amounts, value=T.size)

    # Facts -----------------------------------------------------------------------------------------
    def age_at_least(self, years: int) -> Filter:
        return or_(T.applicant_age_moves, and_(T.applicant_age.isnot(None), T.applicant_age >= years))

    def age_between(self, low: int, high: int) -> Filter:
        return or_(
            T.applicant_age_moves,
            and_(T.applicant_age.isnot(None), T.applicant_age >= low, T.applicant_age <= high),
        )

    def receives_any(self, programs: Iterable[str]) -> Filter:
        return or_(false(), *(_listed(T.receiving, p) for p in programs))

    def national(self) -> Filter:
        """`foreign_national_check`: a foreign applicant's national program stays open (never eligible)."""
        national: Filter = T.applicant_foreign.is_(False)
        return national

    def region_value(self, column: ColumnClause[Any], table: Mapping[str, Any]) -> ColumnElement[Any]:
        return case({k: int(v) for k, v in table.items()}, value=column)

    # 소득인정액 lower bounds ---------------------------------------------------------------------------
    def nbls_income(self, threshold: ColumnElement[Any], *, basic_property_deduction: bool) -> Filter:
        """`nbls_recognised_income(...) ≤ threshold` is possible: a given 소득인정액 under the line, or known
        income and assets whose net property is within the 기본재산액 (else the engine leaves the estimate
        open above) and whose 소득평가액, at its largest deductions, is under the line."""
        irk = T.income_recognition_krw
        given = and_(irk.isnot(None), irk <= threshold + SLACK_KRW)
        net = T.property_krw + T.financial_krw - T.debt_krw
        deduction: ColumnElement[Any] = literal(0)
        if basic_property_deduction:
            try:
                table = self.value("nbls", "basic_property_deduction_krw")
                # a region the table lacks would fail in the engine; the largest deduction keeps the pair
                deduction = case(
                    {k: int(v) for k, v in table.items()}, value=T.nbls_region, else_=max(table.values())
                )
            except MissingRuleError:
                pass
        counted = and_(
            irk.is_(None),
            _known(T.earned_krw, T.other_krw, T.property_krw, T.financial_krw, T.debt_krw),
            net <= deduction,
            T.other_krw + self._nbls_earned_floor() <= threshold + SLACK_KRW,
        )
        return or_(given, counted)

    def _nbls_earned_floor(self) -> ColumnElement[Any]:
        """The smallest earned income the NBLS rules can count: one 청년 deduction, then the basic rate."""
        try:
            rate = float(self.value("nbls", "earned_income_deduction_rate"))
        except MissingRuleError:
            return literal(0)
        try:
            youth = int(self.value("nbls", "youth_earned_income_deduction_krw"))
            self.value("nbls", "youth_deduction_max_age")
        except MissingRuleError:
            whole: ColumnElement[Any] = T.earned_krw * (1 - rate)
            return whole
        return _positive(T.earned_krw - youth) * (1 - rate)

    def assets_converted(self, scope: str) -> tuple[ColumnElement[Any], Filter]:
        """`income.assets_converted` of the program (기초연금, 장애인연금) as SQL, and where it applies (no assets,
        or a city class the rules know); no conversion and "no assets only" when a rule is missing."""
        no_property = and_(T.property_krw == 0, T.financial_krw == 0)
        try:
            deductions = self.value(scope, "property_deduction_krw")
            financial = int(self.value(scope, "financial_deduction_krw"))
            rate = float(self.value(scope, "property_conversion_rate_yearly"))
        except MissingRuleError:
            return literal(0), no_property
        deduction = self.region_value(T.city_class, deductions)
        counted = _positive(
            _positive(T.property_krw - deduction)
            + _positive(T.financial_krw - financial)
            - func.coalesce(T.debt_krw, 0)
        )
        assets: ColumnElement[Any] = case((no_property, 0), else_=counted * rate / 12)
        return assets, or_(no_property, T.city_class.in_(list(deductions)))

    def basic_pension_income(self) -> Filter:
        """`basic_pension_recognised_income ≤ 선정기준액` is possible (고시 제2026-156호's formula; its upper end)."""
        scope = "basic_pension"
        threshold = case(
            (T.has_spouse, int(self.value(scope, "threshold_couple_krw"))),
            else_=int(self.value(scope, "threshold_single_krw")),
        )
        irk = T.income_recognition_krw
        given = and_(irk.isnot(None), irk <= threshold + SLACK_KRW)
        try:
            base = int(self.value(scope, "earned_income_deduction_krw"))
            extra = float(self.value(scope, "earned_income_extra_deduction_rate"))
            earned: ColumnElement[Any] = _positive(T.earned_krw - base) * (1 - extra)
        except MissingRuleError:
            earned = literal(0)
        assets, region_known = self.assets_converted(scope)
        counted_income = and_(
            irk.is_(None),
            _known(T.earned_krw, T.other_krw, T.property_krw, T.financial_krw, T.debt_krw),
            region_known,
            T.other_krw + earned + assets <= threshold + SLACK_KRW,
        )
        return or_(given, counted_income)

    # Programs ----------------------------------------------------------------------------------------
    def eligible(self, program_id: str) -> Filter:
        """A necessary condition for the engine's `eligible` (true where nothing is compiled)."""
        if program_id not in self._eligible:
            build = _PROGRAMS.get(program_id)
            try:
                built = build(self) if build is not None else true()
            except (MissingRuleError, LookupError):
                built = true()  # the engine says what is missing; SQL does not guess
            self._eligible[program_id] = built
        return self._eligible[program_id]

    def candidate(self, program_id: str) -> Filter:
        """Eligible possibly, and not received already (`tools.screening.candidates`)."""
        received = _listed(T.receiving, program_id)
        return _keep_when_unsure(and_(self.eligible(program_id), not_(received)))

    def via_programs(self, program_id: str) -> Filter:
        """`care._status`: the household receives a qualifying program, or likely gets one."""
        qualifying = list(self.value(program_id, "qualifying_programs"))
        likely = [self.eligible(q) for q in qualifying if q in self.book.programs]
        return and_(T.receiving.isnot(None), or_(self.receives_any(qualifying), *likely))


def _livelihood(c: _Compiler) -> Filter:
    scope = "livelihood_benefit"
    return and_(
        c.national(),
        T.support_obligor.in_(("none", "meets")),
        c.nbls_income(c.by_size(scope, "income_ratio"), basic_property_deduction=True),
    )


def _medical(c: _Compiler) -> Filter:
    # Its own estimate has no 기본재산액, but it also passes where 생계급여's income test passes (a lower line
    # with the deduction): together, net property within the deduction and income under its own line.
    return and_(
        c.national(),
        T.support_obligor.in_(("none", "meets")),
        c.nbls_income(c.by_size("medical_benefit", "income_ratio"), basic_property_deduction=True),
    )


def _housing(c: _Compiler) -> Filter:
    return and_(
        c.national(),
        c.nbls_income(c.by_size("housing_benefit", "income_ratio"), basic_property_deduction=True),
    )


def _education(c: _Compiler) -> Filter:
    return and_(
        c.national(),
        T.pupils > 0,
        c.nbls_income(c.by_size("education_benefit", "income_ratio"), basic_property_deduction=True),
    )


def _near_poverty(c: _Compiler) -> Filter:
    return and_(
        c.national(),
        T.receiving.isnot(None),
        not_(c.receives_any(NBLS_PROGRAMS)),
        c.nbls_income(c.by_size("near_poverty", "income_ratio"), basic_property_deduction=False),
    )


def _basic_pension(c: _Compiler) -> Filter:
    return and_(
        c.national(),
        c.age_at_least(int(c.value("basic_pension", "min_age"))),
        T.receiving.isnot(None),  # the overlap with 장애인연금 is undecided without it
        c.basic_pension_income(),
    )


def _disability_pension(c: _Compiler) -> Filter:
    scope = "disability_pension"
    threshold = case(
        (T.has_spouse, int(c.value(scope, "threshold_couple_krw"))),
        else_=int(c.value(scope, "threshold_single_krw")),
    )
    irk = T.income_recognition_krw
    # `_bounded_estimate`: gross income plus the assets' conversion (an untold debt as none) bounds it from above
    assets, region_known = c.assets_converted(scope)
    income = or_(
        and_(irk.isnot(None), irk <= threshold + SLACK_KRW),
        and_(
            irk.is_(None),
            _known(T.income_krw, T.property_krw, T.financial_krw),
            region_known,
            T.income_krw + assets <= threshold + SLACK_KRW,
        ),
    )
    return and_(
        c.national(),
        c.age_at_least(int(c.value(scope, "min_age"))),
        T.applicant_disability == "severe",
        T.receiving.isnot(None),
        not_(c.receives_any(("basic_pension",))),
        income,
    )


def _disability_allowance(c: _Compiler) -> Filter:
    low_income = or_(
        c.receives_any((*NBLS_PROGRAMS, "near_poverty")),
        c.nbls_income(c.by_size("near_poverty", "income_ratio"), basic_property_deduction=False),
    )
    return and_(
        c.national(),
        c.age_at_least(int(c.value("disability_allowance", "min_age"))),
        T.applicant_disability == "mild",
        T.receiving.isnot(None),
        low_income,
    )


def _child_allowance(c: _Compiler) -> Filter:
    oldest = int(c.value("child_allowance", "max_age_exclusive")) - 1
    with contextlib.suppress(MissingRuleError):  # a child born in the special year keeps it (2017년생 특례)
        oldest = max(oldest, c.on.year - int(c.value("child_allowance", "special_birth_year")))
    return or_(T.children_open, and_(T.youngest_child_age.isnot(None), T.youngest_child_age <= oldest))


def _under_months(months: int) -> Filter:
    """A child who may be younger than `months` (whole years from a static age are a lower bound)."""
    return or_(T.children_open, and_(T.youngest_child_age.isnot(None), T.youngest_child_age * 12 < months))


def _parent_benefit(c: _Compiler) -> Filter:
    return _under_months(int(c.value("parent_benefit", "max_months_exclusive")))


def _first_meeting_voucher(c: _Compiler) -> Filter:
    return _under_months(int(c.value("first_meeting_voucher", "apply_within_months")))


def _single_parent(c: _Compiler) -> Filter:
    scope = "single_parent_child_support"
    under = int(c.value(scope, "student_child_max_age_exclusive"))
    child = or_(T.children_open, and_(T.youngest_child_age.isnot(None), T.youngest_child_age < under))
    return and_(
        T.single_parent.is_(True),
        child,
        c.nbls_income(c.by_size(scope, "income_ratio"), basic_property_deduction=False),
    )


def _siheung_birth(c: _Compiler) -> Filter:
    scope = "siheung_birth_support"
    cutoff = date.fromisoformat(str(c.value(scope, "born_on_or_after")))
    days = int(c.value(scope, "min_parent_residence_days"))
    newborn = or_(
        T.children_open,
        and_(T.youngest_child_age.isnot(None), T.youngest_child_age <= c.on.year - cutoff.year),
    )
    return and_(
        T.sigungu == "시흥시",
        T.months_resident.isnot(None),
        T.months_resident * 31 >= days,  # the engine's whole months (6) cover the days (180); 5 do not
        newborn,
    )


def _emergency(c: _Compiler) -> Filter:
    scope = "emergency_welfare"
    limits = c.value(scope, "property_limit_krw")
    crisis = or_(*(_listed(T.crisis, kind) for kind in sorted(STATUTORY)))
    return and_(
        crisis,
        T.income_krw.isnot(None),
        T.income_krw <= c.by_size(scope, "income_ratio") + SLACK_KRW,
        _known(T.property_krw, T.financial_krw),
        T.city_class.in_(list(limits)),
        T.property_krw <= c.region_value(T.city_class, limits),
        T.financial_krw <= int(c.value(scope, "financial_limit_krw")),
    )


def _youth_monthly_rent(c: _Compiler) -> Filter:
    scope = "youth_monthly_rent"
    window = c.value(scope, "application_window")
    open_window = c.on <= date.fromisoformat(window["end"])
    return and_(
        c.age_between(int(c.value(scope, "min_age")), int(c.value(scope, "max_age"))),
        T.tenure == "renter",
        T.has_parent.is_(False),
        true() if open_window else false(),
        T.income_krw.isnot(None),
        T.income_krw <= c.by_size(scope, "youth_household_income_ratio") + SLACK_KRW,
        # 원가구(부모) 소득: no record holds it, so the engine leaves this criterion open for every household
        false(),
    )


def _gyeonggi_youth(c: _Compiler) -> Filter:
    scope = "gyeonggi_youth_basic_income"
    age = int(c.value(scope, "age"))
    excluded = list(c.value(scope, "excluded_sigungu"))
    years = or_(
        and_(T.gyeonggi_years.isnot(None), T.gyeonggi_years >= int(c.value(scope, "continuous_years"))),
        and_(
            T.gyeonggi_total_years.isnot(None),
            T.gyeonggi_total_years >= int(c.value(scope, "total_years")),
        ),
    )
    return and_(
        c.age_between(age, age),
        T.sido == "경기도",
        T.sigungu.isnot(None),
        T.sigungu.not_in(excluded),
        years,
        T.applicant_foreign.is_(False),
    )


def _employment(c: _Compiler) -> Filter:
    scope = "national_employment_support"
    # Only the 청년특례 track can be eligible (the others wait on a work history no record holds): its age,
    # and the larger of the two income lines and asset limits.
    oldest = min(int(c.value(scope, "max_age")), int(c.value(scope, "youth_max_age")))
    ratio = max(float(c.value(scope, "income_ratio")), float(c.value(scope, "youth_income_ratio")))
    limit = max(int(c.value(scope, "asset_limit_krw")), int(c.value(scope, "youth_asset_limit_krw")))
    key = "youth_income_ratio" if ratio == float(c.value(scope, "youth_income_ratio")) else "income_ratio"
    return and_(
        c.age_between(int(c.value(scope, "min_age")), oldest),
        T.applicant_employed.is_(False),
        not_(c.receives_any(("livelihood_benefit",))),
        T.income_krw.isnot(None),
        T.income_krw <= c.by_size(scope, key) + SLACK_KRW,
        _known(T.property_krw, T.financial_krw),
        T.property_krw + T.financial_krw <= limit,
    )


def _senior_care(c: _Compiler) -> Filter:
    scope = "senior_customized_care"
    return and_(
        c.age_at_least(int(c.value(scope, "min_age"))),
        or_(T.applicant_long_term_care.is_(None), T.applicant_long_term_care.is_(False)),
        c.via_programs(scope),
    )


def _energy_voucher(c: _Compiler) -> Filter:
    scope = "energy_voucher"
    senior = int(c.value(scope, "senior_min_age"))
    infant = int(c.value(scope, "infant_max_age_exclusive"))
    traits = [
        T.ages_move,
        and_(T.oldest_age.isnot(None), T.oldest_age >= senior),
        and_(T.youngest_age.isnot(None), T.youngest_age < infant),
        T.any_disability,
        T.any_pregnant,
        T.single_parent.is_(True),
    ]
    try:
        many = int(c.value(scope, "many_children_min_count"))
        traits.append(or_(T.children_open, T.minor_children >= many))
    except MissingRuleError:
        pass
    return and_(c.via_programs(scope), or_(*traits))


_PROGRAMS: dict[str, Callable[[_Compiler], Filter]] = {
    "livelihood_benefit": _livelihood,
    "medical_benefit": _medical,
    "housing_benefit": _housing,
    "education_benefit": _education,
    "near_poverty": _near_poverty,
    "basic_pension": _basic_pension,
    "disability_pension": _disability_pension,
    "disability_allowance": _disability_allowance,
    "child_allowance": _child_allowance,
    "parent_benefit": _parent_benefit,
    "first_meeting_voucher": _first_meeting_voucher,
    "single_parent_child_support": _single_parent,
    "siheung_birth_support": _siheung_birth,
    "emergency_welfare": _emergency,
    "youth_monthly_rent": _youth_monthly_rent,
    "gyeonggi_youth_basic_income": _gyeonggi_youth,
    "national_employment_support": _employment,
    "senior_customized_care": _senior_care,
    "energy_voucher": _energy_voucher,
}
"""The compiled criteria per program id: a program not listed here is never filtered (the engine decides)."""


def candidate_filters(book: RuleBook, on: date, program_ids: Iterable[str]) -> dict[str, Filter]:
    """Per program id, the SQL condition a record must meet to possibly be a candidate on `on`."""
    compiler = _Compiler(book, on)
    return {pid: compiler.candidate(pid) for pid in program_ids}
