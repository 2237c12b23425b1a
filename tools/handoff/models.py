"""The handoff case table."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


def utcnow_handoff() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


def _now() -> datetime:
    return datetime.now(UTC)


class Handoff(SQLModel, table=True):
    """A citizen asked for a person (or is in crisis): what an officer needs to pick the case up."""

    __tablename__ = "handoff"

    id: str = Field(primary_key=True, max_length=32)
    session_id: str = Field(index=True, max_length=64)
    status: str = Field(default="open", max_length=16, description="open | claimed | closed")
    reason: str = Field(max_length=32, description="requested | crisis | undecidable")
    language: str = Field(max_length=8)
    summary: str
    facts: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    programs: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=_now)
    claimed_by: str | None = None
    closed_at: datetime | None = None
