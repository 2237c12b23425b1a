"""The household records a city office screens (personal data: officers and admins only, audited, purged)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


class HouseholdRecord(SQLModel, table=True):
    """One household as the office holds it: the contract's Household under the office's own `record_id`."""

    __tablename__ = "household_record"

    record_id: str = Field(primary_key=True, max_length=64)
    dong: str | None = Field(default=None, index=True, max_length=32)
    household: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    imported_at: datetime = Field(index=True)
    import_id: str = Field(max_length=32, index=True)
