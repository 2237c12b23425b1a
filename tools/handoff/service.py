"""Create and read handoff cases."""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, select

from tools.handoff.models import Handoff


def create_case(
    engine: Engine,
    *,
    session_id: str,
    reason: str,
    language: str,
    summary: str,
    facts: dict[str, Any],
    programs: list[str],
) -> Handoff:
    """Record a case; one open case per session (asking again returns the open one)."""
    with Session(engine) as session:
        existing = session.exec(
            select(Handoff).where(Handoff.session_id == session_id, Handoff.status == "open")
        ).first()
        if existing is not None:
            return existing
        case = Handoff(
            id="H" + secrets.token_hex(8),
            session_id=session_id,
            reason=reason,
            language=language,
            summary=summary,
            facts=facts,
            programs=programs,
        )
        session.add(case)
        session.commit()
        session.refresh(case)
        return case


def list_cases(engine: Engine, status: str | None = None) -> list[Handoff]:
    """Cases, newest first, optionally by status."""
    with Session(engine) as session:
        query = select(Handoff)
        if status:
            query = query.where(Handoff.status == status)
        return list(session.exec(query.order_by(Handoff.created_at.desc())))  # type: ignore[attr-defined]
