"""The household records a city office screens (personal data: officers and admins only, audited, purged)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Text
from sqlmodel import Field, SQLModel


def _krw() -> Any:
    return Field(default=None, sa_type=BigInteger)


def _text() -> Any:
    """Free text from the record (no length limit the document itself does not have)."""
    return Field(default=None, sa_type=Text)


class HouseholdRecord(SQLModel, table=True):
    """One household as the office holds it: the contract's Household under the office's own `record_id`.

    `household` is the source of truth; the columns after `import_id` are its projection for SQL narrowing
    (`tools.screening.columns`), written with it at import.
    """

    __tablename__ = "household_record"

    record_id: str = Field(primary_key=True, max_length=64)
    dong: str | None = Field(default=None, index=True, max_length=32)
    household: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    imported_at: datetime = Field(index=True)
    import_id: str = Field(max_length=32, index=True)
    # Narrowing columns (tools/screening/columns.py says what each holds).
    columns_version: int | None = None
    as_of: date | None = None
    size: int | None = None
    applicant_age: int | None = None
    applicant_age_moves: bool | None = None
    applicant_foreign: bool | None = None
    applicant_disability: str | None = Field(default=None, max_length=8)
    applicant_employed: bool | None = None
    applicant_long_term_care: bool | None = None
    has_spouse: bool | None = None
    has_parent: bool | None = None
    oldest_age: int | None = None
    youngest_age: int | None = None
    ages_move: bool | None = None
    youngest_child_age: int | None = None
    children_open: bool | None = None
    minor_children: int | None = None
    pupils: int | None = None
    any_disability: bool | None = None
    any_pregnant: bool | None = None
    single_parent: bool | None = None
    support_obligor: str | None = Field(default=None, max_length=8)
    earned_krw: int | None = _krw()
    other_krw: int | None = _krw()
    income_krw: int | None = _krw()
    income_recognition_krw: int | None = _krw()
    property_krw: int | None = _krw()
    financial_krw: int | None = _krw()
    debt_krw: int | None = _krw()
    tenure: str | None = Field(default=None, max_length=16)
    sido: str | None = _text()
    sigungu: str | None = _text()
    nbls_region: str | None = Field(default=None, max_length=16)
    city_class: str | None = Field(default=None, max_length=16)
    months_resident: int | None = None
    gyeonggi_years: float | None = None
    gyeonggi_total_years: float | None = None
    crisis: str | None = _text()
    receiving: str | None = _text()
