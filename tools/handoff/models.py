"""The handoff tables: a case for an officer, and the messages between the officer and the citizen."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

STATUSES = ("open", "claimed", "closed")
CONTACTS = ("chat", "phone", "visit")


def utcnow_handoff() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


class Handoff(SQLModel, table=True):
    """A citizen asked for a person (or is in crisis) and confirmed: what an officer needs to pick the case up.

    `phone` is the call-back number the citizen gave; it lives only here (never in a checkpoint, a log or a
    prompt) and goes when the case is purged.
    """

    __tablename__ = "handoff"

    id: str = Field(primary_key=True, max_length=32)
    session_id: str = Field(index=True, max_length=64)
    status: str = Field(default="open", max_length=16, description="open | claimed | closed")
    reason: str = Field(max_length=32, description="requested | crisis | undecidable")
    language: str = Field(max_length=8)
    summary: str
    facts: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    programs: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow_handoff)
    claimed_by: str | None = None
    closed_at: datetime | None = None
    contact: str = Field(default="chat", max_length=8, description="chat | phone | visit")
    phone: str | None = Field(default=None, max_length=32)
    outcome: str | None = Field(default=None, max_length=2000)
    results: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    """The eligibility results on the facts collected, when the case was opened."""
    transcript: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    """The conversation so far, redacted: [{"from": "citizen" | "agent", "text"}]."""


class HandoffMessage(SQLModel, table=True):
    """One message of a case: an officer's reply (shown in the citizen's chat) or a citizen's later message."""

    __tablename__ = "handoff_message"

    id: int | None = Field(default=None, primary_key=True)
    case_id: str = Field(index=True, max_length=32, foreign_key="handoff.id")
    sender: str = Field(max_length=8, description="officer | citizen")
    author: str | None = Field(default=None, max_length=100, description="the officer's name")
    text: str = Field(max_length=4000)
    at: datetime = Field(default_factory=utcnow_handoff)
