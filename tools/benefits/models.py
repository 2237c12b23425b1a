"""SQLModel tables of the benefits database."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


class ProgramBase(SQLModel):
    """The catalogue fields of a welfare program, as shown to officers and citizens."""

    id: str = Field(primary_key=True, max_length=64)
    name_ko: str
    name_en: str
    level: str = Field(description="national | gyeonggi | siheung")
    agency: str
    welfare_id: str | None = Field(default=None, description="복지로 service id (WLF...)")
    legal_basis: str
    legal_basis_confidence: str = Field(max_length=1)
    summary_ko: str
    summary_en: str
    how_to_apply: str
    how_to_apply_en: str
    documents: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    contact: str
    official_url: str | None = None
    sources: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    translations: dict[str, Any] = Field(
        default_factory=dict,
        sa_column=Column(JSON, nullable=False),
        description="Reader-facing text by language (en, zh, vi): name, summary, how_to_apply, documents, contact.",
    )


class Program(ProgramBase, table=True):
    """A welfare program (one row per contract program id)."""


class RuleParameter(SQLModel, table=True):
    """One dated value of a rule parameter. `program_id` is empty for shared parameters."""

    __tablename__ = "rule_parameter"

    id: int | None = Field(default=None, primary_key=True)
    scope: str = Field(index=True, max_length=64, description="program id or shared scope, e.g. nbls")
    key: str = Field(index=True, max_length=128)
    unit: str
    description: str
    value: Any = Field(sa_column=Column(JSON, nullable=False))
    effective_from: date
    effective_to: date | None = None
    reference: str
    confidence: str = Field(max_length=1)
    note: str | None = None


class MedianIncome(SQLModel, table=True):
    """기준 중위소득 (KRW per month) for one year and household size."""

    __tablename__ = "median_income"

    year: int = Field(primary_key=True)
    household_size: int = Field(primary_key=True)
    amount_krw: int
    confidence: str = Field(max_length=1)
    reference: str


class DatasetVersion(SQLModel, table=True):
    """The content hash of the data files last seeded, so seeding runs only when they change."""

    __tablename__ = "dataset_version"

    id: int = Field(default=1, primary_key=True)
    content_hash: str
    seeded_at: str
