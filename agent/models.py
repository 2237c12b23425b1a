"""Tables of the application layer: officer API keys and console sessions, the audit log, citizen feedback."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


class ApiUser(SQLModel, table=True):
    """An officer or admin who calls the officer API with a bearer key (only its hash is stored)."""

    __tablename__ = "api_user"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, max_length=100)
    role: str = Field(max_length=16, description="officer | admin")
    key_prefix: str = Field(max_length=12, description="the key's first characters, to tell keys apart")
    key_hash: str = Field(unique=True, max_length=64, description="sha256 of the key")
    created_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None


class AuditEntry(SQLModel, table=True):
    """One officer action. Entries are hash-chained: each hash covers the previous one."""

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    ts: datetime = Field(default_factory=utcnow)
    actor: str = Field(max_length=100)
    role: str = Field(max_length=16)
    action: str = Field(max_length=64)
    target: str = Field(default="", max_length=200)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64, unique=True)


class Feedback(SQLModel, table=True):
    """A citizen's rating of a reply (no message text is kept, only what the metrics need)."""

    __tablename__ = "feedback"

    id: int | None = Field(default=None, primary_key=True)
    session_id: str = Field(index=True, max_length=64)
    helpful: bool
    comment: str | None = Field(default=None, max_length=1000)
    intent: str | None = Field(default=None, max_length=32)
    programs: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class OfficerSession(SQLModel, table=True):
    """A signed-in console session: the cookie holds a random token, the table only its hash."""

    __tablename__ = "officer_session"

    id: str = Field(primary_key=True, max_length=64, description="sha256 of the cookie's token")
    user_id: int = Field(index=True, foreign_key="api_user.id")
    csrf: str = Field(max_length=64, description="the token unsafe requests must echo in X-CSRF-Token")
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
