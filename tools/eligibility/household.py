"""The household JSON of the contract (input of an eligibility check), validated strictly."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

Relation = Literal["self", "spouse", "child", "parent", "grandchild", "sibling", "other"]
Disability = Literal["none", "mild", "severe"]
School = Literal["none", "elementary", "middle", "high", "university"]
Tenure = Literal["owner", "renter", "free", "homeless"]
SupportObligor = Literal["none", "meets", "fails"]
CrisisEvent = Literal[
    "breadwinner_death",
    "breadwinner_absent",
    "serious_illness",
    "abuse",
    "domestic_violence",
    "fire_disaster",
    "business_closure",
    "job_loss",
    "divorce",
    "utility_cutoff",
    "released_from_prison",
    "other",
]

MAX_AGE = 130
MAX_KRW = 10**13  # ten trillion won: anything larger is a typo, not a household


class HouseholdInputError(ValueError):
    """Invalid household input; `field` is the dotted path of the offending field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _minus_months(on: date, months: int) -> date:
    """`on` moved back by whole months, clamping the day to the target month's length."""
    index = on.year * 12 + on.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for day in (on.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(f"cannot move {on} back {months} months")


def _months_between(born: date, on: date) -> int:
    months = (on.year - born.year) * 12 + (on.month - born.month)
    return months - (1 if on.day < born.day else 0)


SCHOOL_AGES: dict[str, tuple[int, int]] = {
    "elementary": (6, 12),
    "middle": (12, 15),
    "high": (15, 18),
    "university": (18, MAX_AGE),
}
"""The 만 나이 a pupil of each school can be: 초1 starts in March of the year a child turns 7 by Korean count
(초·중등교육법 제13조), so 초 6–12, 중 12–15, 고 15–18 (early or late entry aside); a student at university is an
adult."""


class Member(_Strict):
    """One person in the household. Unknown facts stay None."""

    relation: Relation | None = None
    age: int | None = Field(default=None, ge=0, le=MAX_AGE, description="만 나이 in full years")
    months_old: int | None = Field(default=None, ge=0, le=MAX_AGE * 12)
    birth_date: date | None = Field(default=None, description="extension: exact birth date")
    disability: Disability | None = None
    employed: bool | None = None
    school: School | None = None
    pregnant: bool | None = None
    nationality: str | None = Field(default=None, pattern=r"^[A-Za-z]{2,3}$")
    daycare: bool | None = None
    birth_order: int | None = Field(default=None, ge=1, le=30)
    long_term_care: bool | None = Field(
        default=None, description="extension: has a 노인장기요양 등급 (excluded from 노인맞춤돌봄)"
    )
    earned_krw: int | None = Field(
        default=None,
        ge=0,
        le=MAX_KRW,
        description="extension: this member's own monthly earnings (in `income`)",
    )
    other_krw: int | None = Field(
        default=None,
        ge=0,
        le=MAX_KRW,
        description="extension: this member's own other monthly income (in `income`)",
    )

    @model_validator(mode="after")
    def _age_and_months_agree(self) -> Member:
        if self.age is not None and self.months_old is not None and self.months_old // 12 != self.age:
            raise ValueError(f"age {self.age} and months_old {self.months_old} disagree")
        return self

    def age_on(self, on: date) -> int | None:
        """Full years (만 나이) on `on`, from the birth date, the age, or the months."""
        if self.birth_date is not None:
            return _months_between(self.birth_date, on) // 12
        if self.age is not None:
            return self.age
        if self.months_old is not None:
            return self.months_old // 12
        return None

    def birth_range(self, on: date) -> tuple[date, date] | None:
        """The earliest and latest possible birth date, given what is known on `on`."""
        if self.birth_date is not None:
            return self.birth_date, self.birth_date
        months = self.months_on(on)
        if months is None:
            return None
        low, high = months
        return _minus_months(on, high + 1) + timedelta(days=1), _minus_months(on, low)

    def months_on(self, on: date) -> tuple[int, int] | None:
        """The range (low, high) of the age in whole months; exact when months or birth date are known, and
        from the school she attends when only that is known (a middle schooler is no baby)."""
        if self.birth_date is not None:
            months = _months_between(self.birth_date, on)
            return months, months
        if self.months_old is not None:
            return self.months_old, self.months_old
        if self.age is not None:
            return self.age * 12, self.age * 12 + 11
        if self.school in SCHOOL_AGES:
            low, high = SCHOOL_AGES[self.school]
            return low * 12, high * 12 + 11
        return None


class Region(_Strict):
    """Where the household lives (시도, 시군구) and for how long."""

    sido: str | None = None
    sigungu: str | None = None
    months_resident: int | None = Field(default=None, ge=0, le=MAX_AGE * 12)


class Income(_Strict):
    """Monthly income in KRW."""

    earned_krw: int | None = Field(default=None, ge=0, le=MAX_KRW)
    other_krw: int | None = Field(default=None, ge=0, le=MAX_KRW)


class Assets(_Strict):
    """Assets in KRW."""

    property_krw: int | None = Field(default=None, ge=0, le=MAX_KRW)
    financial_krw: int | None = Field(default=None, ge=0, le=MAX_KRW)
    debt_krw: int | None = Field(default=None, ge=0, le=MAX_KRW)


class Housing(_Strict):
    """Tenure and rent."""

    tenure: Tenure | None = None
    rent_krw: int | None = Field(default=None, ge=0, le=MAX_KRW)


class Household(_Strict):
    """The input of an eligibility check. Only `members` is required."""

    as_of: date | None = None
    region: Region | None = None
    members: list[Member] = Field(min_length=1, max_length=30)
    income: Income | None = None
    income_recognition_krw: int | None = Field(default=None, ge=0, le=MAX_KRW)
    assets: Assets | None = None
    housing: Housing | None = None
    crisis: list[CrisisEvent] | None = None
    single_parent: bool | None = None
    support_obligor: SupportObligor | None = None
    gyeonggi_residence_years: float | None = Field(default=None, ge=0, le=MAX_AGE)
    gyeonggi_total_residence_years: float | None = Field(default=None, ge=0, le=MAX_AGE)
    receiving: list[str] | None = None

    @field_validator("members")
    @classmethod
    def _one_applicant_at_most(cls, members: list[Member]) -> list[Member]:
        if sum(1 for m in members if m.relation == "self") > 1:
            raise ValueError("more than one member has relation 'self'")
        if sum(1 for m in members if m.relation == "spouse") > 1:
            raise ValueError("more than one member has relation 'spouse'")
        return members

    @model_validator(mode="after")
    def _own_incomes_within_the_household(self) -> Household:
        for kind in ("earned_krw", "other_krw"):
            own = sum(getattr(m, kind) or 0 for m in self.members)
            total = getattr(self.income, kind) if self.income is not None else None
            if own and total is not None and own > total:
                raise ValueError(
                    f"members' own {kind} ({own}) exceed the household's income.{kind} ({total})"
                )
        return self

    @model_validator(mode="after")
    def _totals_agree(self) -> Household:
        if (
            self.gyeonggi_residence_years is not None
            and self.gyeonggi_total_residence_years is not None
            and self.gyeonggi_total_residence_years < self.gyeonggi_residence_years
        ):
            raise ValueError("gyeonggi_total_residence_years is less than gyeonggi_residence_years")
        return self


def _describe(error: Any) -> tuple[str, str]:
    loc = error["loc"]
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    kind = error["type"]
    if kind == "extra_forbidden":
        return path, "unknown field"
    given = error.get("input")
    message = str(error["msg"])
    if kind not in ("missing",) and given is not None and not isinstance(given, dict | list):
        message += f" (got {given!r})"
    return path, message


def parse_household(data: Any) -> Household:
    """Validate household JSON; raise `HouseholdInputError` naming the first bad field."""
    if not isinstance(data, dict):
        raise HouseholdInputError("", "a household must be a JSON object")
    try:
        return Household.model_validate(data)
    except ValidationError as exc:
        path, message = _describe(exc.errors()[0])
        raise HouseholdInputError(path, message) from None
